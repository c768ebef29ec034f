"""Tokens and sentences with offsets into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.doc import Span

# A token is a run of letters/digits, with Arabic diacritics and tatweel allowed inside it.
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+")
# A sentence ends at . ! ? ؟ or … followed by space, or at a line break. Closing quotes and brackets after the mark
# stay with the sentence they close.
_SENT_END = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s)|\n+")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Word tokens of `text` with offsets (punctuation is not a token)."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[Span]:
    """Sentence spans of `text`, stripped of surrounding whitespace; a line break always ends a sentence."""
    out: list[Span] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        _add(out, text, pos, m.end())
        pos = m.end()
    _add(out, text, pos, len(text))
    return out


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: the non-empty lines of `text`."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        _add(out, text, pos, pos + len(line))
        pos += len(line) + 1
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))
