"""Bytes to text as found in the wild: UTF-8 with or without BOM, UTF-16, windows-1256; binary junk refused."""
from __future__ import annotations

import codecs
import re

from marsad.arabic.normalize import INVISIBLE
from marsad.errors import BadInput

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")


def decode(data: bytes, path: str) -> str:
    """Decodes a file's bytes, trying BOMs, UTF-8, then windows-1256 (Arabic Windows), then a detector.

    Raises:
        BadInput: empty, binary or undecodable data, with the reason.
    """
    if not data.strip():
        raise BadInput(path, "empty file")
    text = _try_decode(data)
    if text is None:
        if _binary(data):
            raise BadInput(path, "binary data, not text")
        raise BadInput(path, "undecodable: not UTF-8, UTF-16 or windows-1256 text")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(2, len(text[:20000]) // 200):
        raise BadInput(path, f"binary data, not text ({controls} control characters in the first 20,000)")
    return clean_text(text)


def _try_decode(data: bytes) -> str | None:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    order = _utf16_order(data)
    if order:
        try:
            return data.decode(order)
        except UnicodeDecodeError:
            pass
    if _binary(data):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    if _plausible_arabic(text):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and not _CONTROL.search(str(best)[:2000]):
        return str(best)
    return None


def _utf16_order(data: bytes) -> str | None:
    """UTF-16 without a BOM: in Arabic or Latin text every other byte is a high byte of 0x00 or 0x06."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for order, highs in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(1 for b in highs if b in (0x00, 0x06)) > 0.9 * len(highs) and 0 in highs:
            return order
    return None


_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}


def _binary(data: bytes) -> bool:
    """Binary junk has NUL and other control bytes that no text file carries."""
    sample = data[:20000]
    return sum(1 for b in sample if b in _CONTROL_BYTES) > max(2, len(sample) // 200)


def _plausible_arabic(text: str) -> bool:
    """windows-1256 decodes any byte; real Arabic text decoded that way is mostly Arabic letters and spaces."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    arabic = len(_ARABIC.findall(sample))
    replaced = sample.count("\ufffd")
    return letters > 0 and arabic / letters > 0.5 and replaced < 3 and not _CONTROL.search(sample)


def clean_text(text: str) -> str:
    """Line endings to \\n, invisible bidi and zero-width marks removed, NUL-free."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(INVISIBLE)
