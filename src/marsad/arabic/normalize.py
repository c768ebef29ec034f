"""Arabic normalisation for matching.

Outlets differ in diacritics, tatweel, hamza on alef, alef maqsura, ta marbuta, Persian letter forms and digits.
`normalize` folds all of these; `NormText` does the same for a whole text and keeps a map from every position of
the normalised string back to the original, so that matches found on the folded text land on exact offsets.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

# Characters dropped: Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks), tatweel,
# and invisible formatting marks that scraped pages carry (bidi controls, zero-width characters).
_DROP = (
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
       "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u061c"]
)
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ۀ": "ه", "ک": "ك", "ڪ": "ك",
    "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
}
# Eastern Arabic and Persian digits become ASCII digits (same length, so offsets hold).
_FOLD.update({chr(0x0660 + i): str(i) for i in range(10)})
_FOLD.update({chr(0x06F0 + i): str(i) for i in range(10)})

_DROP_SET = frozenset(_DROP)
_DROP_RE = re.compile("[" + "".join(re.escape(c) for c in _DROP) + "]")
_FOLD_PAIRS = tuple(_FOLD.items())


def _fold(s: str) -> str:
    """Deletes the dropped marks and applies the folds; about ten times faster than `str.translate` on Arabic text: str.translate looks every
    character up in a dict, while one regex deletion and a few str.replace calls run at C speed."""
    if _DROP_RE.search(s):
        s = _DROP_RE.sub("", s)
    for a, b in _FOLD_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s


# Invisible marks only (no diacritics): what ingestion strips from raw input.
INVISIBLE = str.maketrans({c: None for c in _DROP[-16:]})


def normalize(s: str) -> str:
    """Folds a string for matching: no diacritics or tatweel, one alef, ya for alef maqsura, ha for ta marbuta.

    Idempotent: normalize(normalize(s)) == normalize(s).
    """
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s) if _needs_nfkc(s) else s
    return _fold(s)


def _needs_nfkc(s: str) -> bool:
    # Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF) appear in text pasted from PDFs.
    return any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufefe" for c in s)


class NormText:
    """A text folded for matching, with a map back to offsets in the original.

    Folding only deletes characters or replaces one by one, so the map needs only the deleted positions (few:
    diacritics and invisible marks); a position is found by bisection, not from a per-character table.
    """

    __slots__ = ("original", "text", "_dropped", "_shifts")

    def __init__(self, original: str):
        self.original = original
        self.text = _fold(original)
        if len(self.text) == len(original):
            self._dropped = None
            self._shifts = None
        else:
            self._dropped = [m.start() for m in _DROP_RE.finditer(original)]
            # _shifts[k]: how many kept characters come before the k-th dropped one.
            self._shifts = [p - k for k, p in enumerate(self._dropped)]

    def to_original(self, i: int) -> int:
        """Original offset of normalised position `i` (an end offset maps just past the last kept character)."""
        if self._dropped is None:
            return i
        if i >= len(self.text):
            return len(self.original)
        return i + bisect_right(self._shifts, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a normalised span, end exclusive; trailing dropped marks stay inside."""
        if self._dropped is None:
            return start, end
        if end <= start:
            s = self.to_original(start)
            return s, s
        o_end = self.to_original(end - 1) + 1
        # Keep diacritics that follow the last letter inside the span.
        while o_end < len(self.original) and self.original[o_end] in _DROP_SET:
            o_end += 1
        return self.to_original(start), o_end

    def from_original(self, i: int) -> int:
        """Normalised position of original offset `i` (the next kept character at or after it)."""
        if self._dropped is None:
            return i
        return i - bisect_left(self._dropped, i)


__all__ = ["normalize", "NormText", "INVISIBLE"]
