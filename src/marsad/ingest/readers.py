"""One reader per input kind; each yields Docs, or a Failure naming the file (and line) and the reason.

Reading streams: a folder or glob is walked lazily, a JSON Lines file is read line by line, so a corpus of any size
never sits in memory.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.clean import split_articles
from marsad.doc import Doc, Failure
from marsad.errors import BadInput
from marsad.ingest.decode import clean_text, decode
from marsad.ingest.html import extract_html

SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
MAX_FILE_BYTES = 20 * 1024 * 1024  # a single article file larger than this is not an article
MAX_RECORD_CHARS = 2_000_000


def expand_paths(specs: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named by paths, folders (walked recursively, sorted) and glob patterns, each once.

    A name that is neither an existing path nor a matching glob is yielded as is, so reading it fails with a reason.
    """
    seen: set[Path] = set()
    for spec in specs:
        spec = str(spec)
        p = Path(spec)
        if p.is_dir():
            cands: Iterable[Path] = (q for q in sorted(p.rglob("*")) if q.is_file() and _wanted(q))
        elif p.exists():
            cands = [p]
        elif glob.has_magic(spec):
            cands = (Path(q) for q in sorted(glob.glob(spec, recursive=True)) if Path(q).is_file())
        else:
            cands = [p]
        for q in cands:
            key = q.resolve() if q.exists() else q
            if key not in seen:
                seen.add(key)
                yield q


def _wanted(p: Path) -> bool:
    return p.suffix.lower() in SUFFIXES and not p.name.startswith(".")


def read_paths(specs: Iterable[str | os.PathLike]) -> Iterator[Doc | Failure]:
    """Docs (and Failures) from every input named by `specs`."""
    for p in expand_paths(specs):
        yield from read_path(p)


def read_path(p: Path) -> Iterator[Doc | Failure]:
    """Docs from one file, by its suffix; any problem becomes a Failure naming the file and the reason."""
    kind = SUFFIXES.get(p.suffix.lower(), "txt")
    try:
        if not p.exists():
            raise BadInput(str(p), "no such file")
        if not p.is_file():
            raise BadInput(str(p), "not a regular file")
        size = p.stat().st_size
        if kind != "jsonl" and size > MAX_FILE_BYTES:
            raise BadInput(str(p), f"file too large for one article ({size:,} bytes; limit {MAX_FILE_BYTES:,})")
        if kind == "jsonl":
            yield from _read_jsonl(p)
            return
        data = p.read_bytes()
        text = decode(data, str(p))
        base = _hash(data)
        if kind == "html":
            yield from _docs_from_html(text, path=str(p), base_id=base)
        else:
            yield from docs_from_text(text, path=str(p), base_id=base, detect_title=True)
    except BadInput as e:
        yield Failure(str(p), e.reason if e.line is None else f"line {e.line}: {e.reason}")
    except OSError as e:
        yield Failure(str(p), f"cannot read: {e.strerror or e}")


def _hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha1(data).hexdigest()[:16]


def docs_from_text(text: str, *, path: str, base_id: str, detect_title: bool = True, title: str | None = None,
                   url: str | None = None, outlet: str | None = None, published: str | None = None,
                   page_dates: list[str] | None = None) -> list[Doc]:
    """Cleans a scraped text into one Doc per article (the main one first, then appended ones as parts 2, 3...)."""
    arts = split_articles(text, detect_title=detect_title, title=title)
    if not arts:
        raise BadInput(path, "no article text left after removing site furniture")
    docs = []
    for n, art in enumerate(arts, 1):
        d = Doc(
            id=base_id if n == 1 else f"{base_id}-{n}",
            text=art.text,
            source_path=path,
            part=n,
            url=url,
            outlet=outlet,
            title=art.title,
            published=published if n == 1 else None,
            published_source="input" if (published and n == 1) else None,
            raw_text=text,
            raw_offsets=art.raw_offsets,
            credits=art.credits,
            dateline=art.dateline,
        )
        d.meta["page_dates"] = (list(page_dates or []) + art.page_dates) if n == 1 else art.page_dates
        d.meta["dropped"] = art.dropped
        docs.append(d)
    return docs


def _docs_from_html(html: str, *, path: str, base_id: str, url: str | None = None, outlet: str | None = None,
                    title: str | None = None, published: str | None = None) -> list[Doc]:
    page = extract_html(html, path)
    return docs_from_text(
        f"{page.byline}\n{page.text}" if page.byline else page.text, path=path, base_id=base_id, detect_title=False, title=title or page.title,
        url=url or page.url, outlet=outlet or page.sitename, published=published,
        page_dates=[page.published] if page.published else None,
    )


def _read_jsonl(p: Path) -> Iterator[Doc | Failure]:
    with open(p, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                yield from _jsonl_record(raw, str(p), n)
            except BadInput as e:
                yield Failure(f"{p}:{n}", e.reason)


def _jsonl_record(raw: bytes, path: str, line: int) -> list[Doc]:
    try:
        rec = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadInput(path, "not UTF-8 (JSON Lines must be UTF-8)", line=line) from None
    except json.JSONDecodeError as e:
        raise BadInput(path, f"not JSON: {e.msg} at column {e.colno}", line=line) from None
    if not isinstance(rec, dict):
        raise BadInput(path, f"a JSON {type(rec).__name__}, not an object", line=line)
    body, kind = rec.get("text"), "txt"
    if not (isinstance(body, str) and body.strip()):
        body, kind = rec.get("html"), "html"
    if not (isinstance(body, str) and body.strip()):
        raise BadInput(path, "record has neither 'text' nor 'html'", line=line)
    if len(body) > MAX_RECORD_CHARS:
        raise BadInput(path, f"record too large ({len(body):,} characters)", line=line)
    meta = {k: _str_or_none(rec.get(k)) for k in ("id", "url", "outlet", "title", "published")}
    base = meta["id"] or _hash(body)
    src = f"{path}"
    if kind == "html":
        return _docs_from_html(clean_text(body), path=src, base_id=base, url=meta["url"], outlet=meta["outlet"],
                               title=meta["title"], published=_iso_day(meta["published"]))
    return docs_from_text(clean_text(body), path=src, base_id=base, detect_title=meta["title"] is None,
                          title=meta["title"], url=meta["url"], outlet=meta["outlet"],
                          published=_iso_day(meta["published"]))


def _str_or_none(v) -> str | None:
    if v is None:
        return None
    v = str(v).strip()
    return v or None


def _iso_day(v: str | None) -> str | None:
    """The YYYY-MM-DD of a metadata date ("2015-08-03", "2015-08-03T10:00:00Z"); None when unreadable."""
    if not v:
        return None
    head = v[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-" and head.replace("-", "").isdigit():
        return head
    return None
