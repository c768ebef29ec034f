"""Line-level cleaning of a scraped article, and the split of appended articles.

Scraped news text is one paragraph a line, with the site's furniture on lines of its own. Each line is classified
(body, dropped furniture, credit, dateline, metadata, split marker); kept lines are joined into the cleaned text and
remember where they came from, so every offset in the text leads back to the raw input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.arabic.normalize import normalize
from marsad.clean.rules import Rules, fold_line, rules

# A line that ends like a sentence (or opens a quotation) is body text, never a headline.
_TERMINAL = tuple(".!?؟…:»”\"')]؛;،")
_WORD = re.compile(r"\w+")
# "موسكو - (د ب أ)", "موسكو-سانا", "القاهرة – رويترز": a dateline line of a place and a credited agency.
_DATELINE_LINE = re.compile(r"^(?P<place>[^\d\-–—()«»:|]{2,40}?)\s*[-–—]{1,2}\s*(?P<agency>[^|]{1,60}?)\s*$")
# "طهران (أ ف ب)": a place and an agency in parentheses, no dash.
_DATELINE_PAREN = re.compile(r"^(?P<place>[^\d\-–—()«»:|]{2,40}?)\s*\((?P<agency>[^()|]{1,40})\)\s*$")
# "نيويورك 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس": a wire dateline of a place, the date and the agency.
_DATELINE_DATED = re.compile(r"^(?P<place>[^\d\-–—()«»:|]{2,40}?)\s+(?P<date>\d[^|]{4,80}?)\s+(?P<agency>[^\d\s]+)\s*$")
# Separators between several credits on one line: "«مدار الخليج»، واس", "(رويترز) + بوابة المشرق".
_CREDIT_SPLIT = re.compile(r"\s*[،,+/]\s*|\s+و(?=\S)")
# "روسيا – أكد ...", "دمشق، سوريا (CNN) -- أكدت ...": a dateline at the start of the first paragraph.
_DATELINE_PREFIX = re.compile(
    r"^(?P<place>[^\s\d\-–—()«»:.،]+(?:[ ،]+[^\s\d\-–—()«»:.،]+){0,2})\s*"
    r"(?:[-–—]?\s*\((?P<agency>[^()]{1,30})\)\s*)?[-–—]{1,2}\s+(?=\S)"
)
# An agency in parentheses at the very start of the first paragraph: "(أ ف ب) - ...".
_AGENCY_PREFIX = re.compile(r"^\((?P<agency>[^()]{1,30})\)\s*[-–—]{0,2}\s*")
MAX_HEADLINE_WORDS = 22
# A metadata line giving the page's date: "تاريخ النشر: ...", "... | آخر تحديث: 16:05".
_PUBLISHED_LINE = re.compile(
    r"(?:تاريخ (?:النشر|التحديث|الإضافة|الاضافه)|(?:آخر|اخر) تحديث|تم النشر|^نشر(?: في)?\s*:|\|\s*نشر(?: في)?\s*:)\s*:?")
_BULLET = re.compile(r"^[-–—•·*▪►]\s+")
_HEADLINE_COLON = re.compile(r"^[^:«»\"“”]{2,40}:\s*\S")


@dataclass(slots=True)
class Line:
    text: str
    start: int  # offset of `text` in the raw input
    folded: str


@dataclass(slots=True)
class CleanArticle:
    """One article cut from a scraped text: cleaned body with its map back to the raw input."""

    text: str
    title: str | None
    raw_offsets: list[tuple[int, int, int]]
    credits: list[str] = field(default_factory=list)
    dateline: str | None = None
    page_dates: list[str] = field(default_factory=list)  # "تاريخ النشر: ..." values, for the dates stage
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (line, why) for inspection and tests


def _lines(raw: str) -> list[Line]:
    out, pos = [], 0
    for piece in raw.split("\n"):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append(Line(stripped, pos + lead, fold_line(stripped)))
        pos += len(piece) + 1
    return out


def looks_like_headline(text: str, *, quote_end_ok: bool = False) -> bool:
    """Short, no sentence ending, not opening with a conjunction: a headline, not a paragraph.

    A line ending in a closing quotation mark is body text unless `quote_end_ok` (a first line, where headlines
    such as «...» are common).
    """
    t = text.strip()
    bullet = _BULLET.match(t)
    if bullet:  # an item of a list of links: "- عنوان ..."
        t, quote_end_ok = t[bullet.end():], True
    if quote_end_ok:
        t = t.rstrip("»”\"' ")
    if not t or t.endswith(_TERMINAL):
        return False
    words = _WORD.findall(t)
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    first = normalize(words[0])
    if bullet or not first.startswith(("و", "ف")) or first in rules().not_conjunction:
        return True
    # "X: Y" with a short X is the shape of a headline even after a conjunction.
    return bool(_HEADLINE_COLON.match(t))


def _is_body(text: str) -> bool:
    return len(_WORD.findall(text)) >= 8 and not looks_like_headline(text)


def split_articles(raw: str, *, detect_title: bool = True, title: str | None = None) -> list[CleanArticle]:
    """Cleans a scraped article and splits off appended ones.

    Args:
        raw: the decoded text, one paragraph a line.
        detect_title: take the first line as the headline when it looks like one.
        title: a headline known from metadata (then the first line is dropped only if it repeats it).
    Returns:
        One CleanArticle per article found, in order (the main article first); may be empty for a text of
        furniture only.
    """
    r = rules()
    lines = _lines(raw)
    groups: list[tuple[str | None, list[Line]]] = []
    current: list[Line] = []
    cur_title = title
    dropped: list[tuple[str, str]] = []
    i = 0
    in_block = False
    while i < len(lines):
        ln = lines[i]
        if r.match("split_before", ln.folded):
            nxt = _appended_article(lines, i + 1)
            if nxt is not None:
                groups.append((cur_title, current))
                dropped.append((ln.text, "split_before"))
                head = lines[nxt]
                for skipped in lines[i + 1:nxt]:
                    dropped.append((skipped.text, "related_headline"))
                current, cur_title, in_block = [], head.text, False
                i = nxt + 1
                continue
            in_block = True
            dropped.append((ln.text, "split_before (related links only)"))
        elif in_block and not _is_body(ln.text):
            dropped.append((ln.text, "end_block"))
        elif r.match("end_block", ln.folded):
            in_block = True
            dropped.append((ln.text, "end_block"))
        else:
            in_block = False  # a full paragraph after a ticker or a list of links: the article goes on
            current.append(ln)
        i += 1
    groups.append((cur_title, current))
    out = []
    for n, (t, group) in enumerate(groups):
        art = _clean_group(group, r, title=t, detect_title=detect_title and n == 0 and title is None)
        if n == 0:
            art.dropped[:0] = dropped
        if art.text:
            out.append(art)
    return out


def _appended_article(lines: list[Line], j: int) -> int | None:
    """Index of the headline of an article appended after a split marker, or None for a bare list of links."""
    k = j
    while k < len(lines) and looks_like_headline(lines[k].text):
        k += 1
    if k == j or k >= len(lines):
        return None
    # An appended article has a body: a full paragraph right after its headline.
    return k - 1 if _is_body(lines[k].text) else None


def _clean_group(group: list[Line], r: Rules, *, title: str | None, detect_title: bool) -> CleanArticle:
    art = CleanArticle(text="", title=title, raw_offsets=[])
    kept: list[Line] = []
    for idx, ln in enumerate(group):
        if (idx == 0 and detect_title and len(group) > 1 and looks_like_headline(ln.text, quote_end_ok=True)
                and not r.match("drop_line", ln.folded) and not r.agency(ln.text)
                and not dateline_line(ln.text, r)):
            art.title = ln.text
            continue
        if title and idx == 0 and fold_line(ln.text) == fold_line(title):
            continue
        why = _classify(ln, r, art, first=not kept)
        if why:
            art.dropped.append((ln.text, why))
        else:
            kept.append(ln)
    kept = _drop_inserted_headlines(kept, art)
    if kept:
        _strip_dateline_prefix(kept, r, art)
    parts, offsets, pos = [], [], 0
    for ln in kept:
        parts.append(ln.text)
        offsets.append((pos, ln.start, len(ln.text)))
        pos += len(ln.text) + 1
    art.text = "\n".join(parts)
    art.raw_offsets = offsets
    art.credits.extend(c for c in _text_credits(art.text, r) if c not in art.credits)
    return art


def _classify(ln: Line, r: Rules, art: CleanArticle, *, first: bool) -> str | None:
    """Why a line is not body text (and what it gives the record), or None to keep it."""
    f = ln.folded
    if not f:
        return "empty"
    for p in r.source_line:
        m = p.fullmatch(f)
        if m:
            name = r.agency(m.group(1)) or ln.text.split(":", 1)[-1].strip()
            _add(art.credits, name)
            return "source_line"
    credited = _credit_line(ln.text, r)
    if credited is not None:
        for a in credited:
            _add(art.credits, a)
        return "credit_line"
    if _PUBLISHED_LINE.search(f) and len(f.split()) <= 20:
        art.page_dates.append(ln.text)  # the whole line: its date may stand before the marker ("... | آخر تحديث")
        return "published_line"
    if r.match("drop_line", f):
        return "drop_line"
    if first and art.dateline is None:
        found = dateline_line(ln.text, r)
        if found:
            art.dateline, agencies, rest = found
            for a in agencies:
                _add(art.credits, a)
            if rest and re.search(r"\d", rest):
                art.page_dates.append(rest)
            return "dateline_line"
    return None


def _credit_line(text: str, r: Rules) -> list[str] | None:
    """Agencies of a line that only credits ("سبوتنيك", "(سونا + وكالات)", "(أ ف ب)"), or None."""
    if len(text.split()) > 6:
        return None
    parts = [p for p in _CREDIT_SPLIT.split(text.strip().strip("()«»[]").strip()) if p.strip()]
    known = [r.agency(p) for p in parts]
    if not parts or not any(known):
        return None
    if any(k is None and fold_line(p) not in r.generic_credits for p, k in zip(parts, known)):
        return None
    return [k for k in known if k]


def dateline_line(text: str, r: Rules) -> tuple[str, list[str], str] | None:
    """(place, agencies, rest) of a dateline line: "موسكو - (رويترز) | الاثنين 19 أكتوبر 2026",
    "القاهرة - «مدار الخليج»، واس"; None when the line is not one (no known agency credited)."""
    head, _, rest = text.partition("|")
    m = _DATELINE_LINE.match(head.strip()) or _DATELINE_PAREN.match(head.strip())
    if m is None:
        m = _DATELINE_DATED.match(head.strip())
        rest = f"{m.group('date')} {rest}" if m else rest
    if not m or len(m.group("place").split()) > 3:
        return None
    agencies = [a for a in (r.agency(x) for x in _CREDIT_SPLIT.split(m.group("agency"))) if a]
    if not agencies:
        return None
    return m.group("place").strip(" ،"), agencies, rest.strip()


def _drop_inserted_headlines(kept: list[Line], art: CleanArticle) -> list[Line]:
    """Related headlines that sites insert between paragraphs or trail after the article, and the short
    kicker, section and outlet lines above its first paragraph ("الوسيط الدولي - الأخبار الدولية")."""
    out: list[Line] = []
    seen_body = False
    has_body = any(_is_body(ln.text) for ln in kept)
    for ln in kept:
        if looks_like_headline(ln.text) and (seen_body or has_body):
            art.dropped.append((ln.text, "related_headline" if seen_body else "above_first_paragraph"))
            continue
        seen_body = seen_body or _is_body(ln.text)
        out.append(ln)
    return out


def _strip_dateline_prefix(kept: list[Line], r: Rules, art: CleanArticle) -> None:
    first = kept[0]
    m = _AGENCY_PREFIX.match(first.text)
    if m and r.agency(m.group("agency")):
        _add(art.credits, r.agency(m.group("agency")))
    else:
        m = _DATELINE_PREFIX.match(first.text)
        if not m:
            return
        if art.dateline is None:
            art.dateline = m.group("place").strip(" ،")
        if m.group("agency") and r.agency(m.group("agency")):
            _add(art.credits, r.agency(m.group("agency")))
    cut = m.end()
    art.dropped.append((first.text[:cut], "dateline_prefix"))
    kept[0] = Line(first.text[cut:], first.start + cut, fold_line(first.text[cut:]))


def _text_credits(text: str, r: Rules) -> list[str]:
    """Agencies the text credits: "حسبما ذكرت وكالة تاس", "وفق ما نشرت «رويترز»"."""
    norm = normalize(text).lower()
    found: list[str] = []
    for m in r.agency_re.finditer(norm):
        before = norm[max(0, m.start() - 40):m.start()]
        after = norm[m.end():m.end() + 1]
        if (after and after.isalnum()) or (m.start() and norm[m.start() - 1].isalnum()):
            continue  # part of a longer word
        words = re.findall(r"[\w]+", before)[-4:]
        if any(r.credit_cue.fullmatch(w) or r.credit_cue.fullmatch(w.lstrip("وف")) for w in words):
            _add(found, r.agencies[fold_line(m.group())])
    return found


def _add(items: list[str], item: str | None) -> None:
    if item and item not in items:
        items.append(item)
