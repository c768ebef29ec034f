"""Curated data shipped with Marsad, and the one cached loader that reads it.

Every resource is UTF-8 TSV (with a header row) or YAML, and starts with a `# source:` comment line. A bad row is
reported as `file:line: reason` (ResourceFormatError). Words of Arabic live here, not in code.
"""
from __future__ import annotations

import functools
from importlib import resources as _res
from pathlib import Path

import yaml

from marsad.errors import ResourceFormatError

PACKAGE_DIR = Path(str(_res.files("marsad.resources")))


def path(name: str) -> Path:
    """Path of a shipped resource file."""
    return PACKAGE_DIR / name


@functools.cache
def load_tsv(name: str, required: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of a shipped TSV resource as dicts keyed by its header; `required` columns must be non-empty."""
    return tuple(read_tsv(path(name), required))


def read_tsv(p: Path, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Reads a TSV file with `#` comment lines and a header row."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(p, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                missing = [c for c in required if c not in header]
                if missing:
                    raise ResourceFormatError(str(p), n, f"header lacks column(s) {', '.join(missing)}")
                continue
            if len(cells) > len(header):
                raise ResourceFormatError(str(p), n, f"{len(cells)} cells but the header has {len(header)}")
            row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
            empty = [c for c in required if not row[c].strip()]
            if empty:
                raise ResourceFormatError(str(p), n, f"empty required cell(s) {', '.join(empty)}")
            row["_line"] = str(n)
            rows.append(row)
    if header is None:
        raise ResourceFormatError(str(p), 1, "no header row")
    return rows


@functools.cache
def load_yaml(name: str):
    """A shipped YAML resource."""
    return read_yaml(path(name))


def read_yaml(p: Path):
    try:
        with open(p, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ResourceFormatError(str(p), (mark.line + 1) if mark else 1, str(e).splitlines()[0]) from e
