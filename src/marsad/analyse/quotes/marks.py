"""Pairing quotation marks into quoted stretches of text.

Arabic outlets quote with « », “ ” (sometimes reversed or doubled as ” ”), and straight " which is the same
character at both ends. A mark's role (opening or closing) is read from what touches it: text right after and a
space before means it opens; text before and a space after means it closes; ambiguous marks close whatever is
open of their family and open otherwise. A quotation left open at the end of its paragraph ends there (the
closing mark is missing) unless the next paragraph closes it before opening anything, or opens again at once
(the convention for a quotation running over several paragraphs). Within a paragraph, a quotation whose closing
mark never comes ends where the next quotation's cue begins (see `_abandoned`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.doc import Span

MARKS = "«»“”„\""
MARK_RE = re.compile('[«»“”„"]')
_FAMILY = {"«": "g", "»": "g", "“": "c", "”": "c", "„": "c", '"': "s"}
_OPENING = frozenset("«“„")  # marks that open unless the context says otherwise
_CLOSING = frozenset("»”")  # marks that close unless they follow a colon with nothing open
# Characters that count as "no text here" on the side of a mark.
_BEFORE_QUIET = frozenset(" \t\n\r\u00a0:([{—–-") | frozenset(MARKS)
_CUE_WORDS = 8  # words between a clause break and a new quotation's mark that can still be its cue ("مضيفا أن")
_TYPO_WORDS = 2  # words after an opening mark within which the same opening form is a typo for the closing one
_NAME_WORDS = 5  # words a mark may set off inside a quotation as a name rather than a quotation of its own
_AFTER_QUIET = frozenset(" \t\n\r\u00a0.,،:;؛!?؟)]}…-–—") | frozenset(MARKS)


@dataclass(slots=True)
class Quoted:
    """A top-level quoted stretch: `start`/`end` cover the words without the marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int | None  # offset of the closing mark; None when it is missing
    continues: bool = False  # opens a paragraph while the previous paragraph's quotation was left open


def _role(text: str, i: int, family_open: bool, restart: bool, open_at: int | None = None,
          closings_after: int = 0) -> str:
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    text_before = prev not in _BEFORE_QUIET
    text_after = nxt not in _AFTER_QUIET
    if ch in _OPENING:
        if family_open and text_before and not text_after:
            return "close"
        # “العالم “الإيرانية: an opening form a word or two after an opening of its family closes a name, unless
        # it opens a word and two closing forms follow to close both («إن «حزب الله» لن ...»: a nested name)
        lead = len(text[open_at + 1:i].split()) if open_at is not None else _TYPO_WORDS + 1
        nested = text_after and not text_before and lead and closings_after >= 2
        if family_open and not restart and lead <= _TYPO_WORDS and not nested:
            return "close"
        return "open"
    if ch in _CLOSING:
        # «وقال:» لا ...»: some outlets open with the closing form right after a colon; nothing ends on a colon.
        return "open" if restart else "close"
    if text_after and (not text_before or _proclitic(text, i)):
        return "open"
    if text_before and not text_after:
        return "close"
    return "close" if family_open else "open"


def _proclitic(text: str, i: int) -> bool:
    # و"بريكس" / ل"الروابط": a one-letter clitic glued to an opening mark.
    return i >= 2 and text[i - 1] in "وفبلك" and text[i - 2] in " \t\n(،,"


def _after_colon(text: str, i: int, floor: int) -> bool:
    j = i - 1
    while j >= floor and text[j] in " \t\u00a0":
        j -= 1
    return j >= floor and text[j] == ":"


def pair_marks(text: str, paragraphs: list[Span], marks: list[int]) -> list[Quoted]:
    """Top-level quoted stretches of `text`, given the offsets of its quotation marks in order."""
    out: list[Quoted] = []
    stack: list[tuple[str, int]] = []  # (family, offset of the opening mark)
    k = 0
    left_open_family: str | None = None
    for pi, para in enumerate(paragraphs):
        first_mark = True
        while k < len(marks) and marks[k] < para.end:
            i = marks[k]
            k += 1
            if i < para.start:
                continue
            fam = _FAMILY[text[i]]
            fam_open = any(f == fam for f, _ in stack)
            restart = _after_colon(text, i, para.start)
            last_open = next((at if at >= 0 else ~at for f, at in reversed(stack) if f == fam), None)
            role = _role(text, i, fam_open, restart, last_open,
                         _closings_after(text, marks, k, para.end, fam) if fam_open and text[i] in _OPENING else 0)
            if role == "open" and stack and _abandoned(text, stack[0][0], fam, restart, marks, k, para.end):
                # A fresh «قال: » or a second straight mark while the last quotation never closed: that one ends
                # before the words that introduce the new one.
                _emit(out, text, stack[0][1], _end_before_cue(text, stack[0][1], i), None)
                stack.clear()
            if role == "open":
                cont = first_mark and left_open_family == fam and not text[para.start:i].strip()
                stack.append((fam, i))
                if cont:
                    stack[-1] = (fam, ~i)  # remember continuation by a negative marker
            else:
                depth = _last_of(stack, fam)
                if depth is None:
                    continue
                f, at = stack[depth]
                del stack[depth:]
                if depth == 0:
                    _emit(out, text, at, i, i)
            first_mark = False
        left_open_family = None
        if stack:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt is not None and _closes_first(text, nxt, marks, k, stack[0][0]):
                continue  # the quotation runs on into the next paragraph
            left_open_family = stack[0][0]
            _emit(out, text, stack[0][1], para.end, None)
            stack.clear()
    return out


def _closings_after(text: str, marks: list[int], k: int, end: int, fam: str) -> int:
    """How many closing forms of `fam` come from marks[k] to the end of the paragraph (counting stops at 2)."""
    n = 0
    while k < len(marks) and marks[k] < end and n < 2:
        n += _FAMILY[text[marks[k]]] == fam and text[marks[k]] in _CLOSING
        k += 1
    return n


def _last_of(stack: list[tuple[str, int]], fam: str) -> int | None:
    for d in range(len(stack) - 1, -1, -1):
        if stack[d][0] == fam:
            return d
    return None


def _closes_first(text: str, para: Span, marks: list[int], k: int, fam: str) -> bool:
    """Whether the first mark of `fam` in `para` closes (so a quotation open before it runs on)."""
    while k < len(marks) and marks[k] < para.end:
        i = marks[k]
        k += 1
        if i >= para.start and _FAMILY[text[i]] == fam:
            if i == para.start:
                return False
            return _role(text, i, True, _after_colon(text, i, para.start)) == "close"
    return False


def _abandoned(text: str, old: str, fam: str, restart: bool, marks: list[int], k: int, end: int) -> bool:
    """Whether an opening mark of `fam` shows that the open quotation of family `old` was never closed.

    After a colon ("وقال: «") the same family never nests, and another family nests only when the old quotation
    still closes later in the paragraph («قال لي: "لا" ثم مضى»). A straight mark never nests inside another
    straight quotation either, but a short name marked inside it is common (مجموعة "بريكس"): a second straight
    mark opening means the first lost its closing mark unless another closes it within a few words."""
    if old == fam:
        return restart or (fam == "s" and not _marks_short_name(text, marks, k, end))
    if not restart:
        return False
    return not any(_FAMILY[text[m]] == old and text[m] not in _OPENING for m in marks[k:] if m < end)


def _marks_short_name(text: str, marks: list[int], k: int, end: int) -> bool:
    """Whether the straight mark just read (marks[k - 1]) is closed again by the next one within a few words."""
    if k >= len(marks) or marks[k] >= end or _FAMILY[text[marks[k]]] != "s":
        return False
    return len(text[marks[k - 1] + 1:marks[k]].split()) <= _NAME_WORDS


def _end_before_cue(text: str, open_at: int, new_mark: int) -> int:
    """Where an unclosed quotation ends when a new one starts in the same paragraph: before the words that
    introduce the new one (the last clause break within a few words, else the last clause start at "و")."""
    if open_at < 0:
        open_at = ~open_at
    brk = max(text.rfind(c, open_at + 1, new_mark) for c in ".،,؛;")
    if brk > open_at and len(text[brk:new_mark].split()) <= _CUE_WORDS:
        return brk
    j = text.rfind(" و", open_at + 1, new_mark)
    return j if j > open_at else new_mark


def _emit(out: list[Quoted], text: str, at: int, end: int, close: int | None) -> None:
    continues = at < 0
    if continues:
        at = ~at
    start = at + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Quoted(at, start, end, close, continues))
