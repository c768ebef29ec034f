"""Readers: from files (txt, html, jsonl) to Docs, streaming, one recorded Failure per unreadable input."""
from marsad.ingest.readers import expand_paths, read_path, read_paths

__all__ = ["expand_paths", "read_path", "read_paths"]
