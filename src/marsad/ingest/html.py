"""A saved news page to article text: trafilatura in precision mode, then Marsad's own line rules (in clean/)."""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from marsad.errors import BadInput

# Publication-date metadata that pages state explicitly (Open Graph, schema.org, Dublin Core, news sitemaps).
_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|datePublished|"""
    r"""pubdate|publishdate|publish-date|publish_date|DC\.date\.issued|dc\.date|date|sailthru\.date|"""
    r"""parsely-pub-date)["'][^>]*>""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class Page:
    text: str
    title: str | None
    url: str | None
    sitename: str | None
    published: str | None  # YYYY-MM-DD stated by the page's metadata
    byline: str | None = None  # a short "PLACE - (AGENCY) | date" line the extractor left out


def extract_html(html: str, path: str) -> Page:
    """Extracts the article of a news page.

    Raises:
        BadInput: the page holds no article text (or is not HTML at all).
    """
    import trafilatura  # imported here: ~0.5 s, needed only for HTML input

    if "<" not in html[:5000]:
        raise BadInput(path, "not HTML: no markup in the first 5,000 characters")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(html, favor_precision=True, with_metadata=True,
                                              include_comments=False, include_tables=False)
        except Exception as e:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken pages
            raise BadInput(path, f"broken HTML: {type(e).__name__}: {e}") from e
    if doc is None or not (doc.text or "").strip():
        raise BadInput(path, "no article text found in the page")
    return Page(text=doc.text, title=doc.title or None, url=doc.url or None, sitename=doc.sitename or None,
                published=_stated_date(html), byline=_byline(html, doc.text))


def _byline(html: str, text: str) -> str | None:
    """The dateline-and-credit line of the article ("موسكو - (رويترز) | الاثنين 19 أكتوبر 2026"), which
    extractors drop with the page furniture; only a line the cleaner recognises as a dateline is returned."""
    from lxml import html as lxml_html

    from marsad.clean.article import dateline_line
    from marsad.clean.rules import rules

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # noqa: BLE001 - the page was already extracted; no byline is no loss
        return None
    r = rules()
    for el in root.iter("p", "div", "span", "address", "header"):
        line = " ".join(el.text_content().split())
        if 4 <= len(line) <= 120 and dateline_line(line, r) and line not in text:
            return line
    return None


def _stated_date(html: str) -> str | None:
    """The day the page's own metadata gives (never a guess from the URL)."""
    head = html[:200000]
    for m in _META_DATE.finditer(head):
        c = _CONTENT.search(m.group(0))
        d = c and _ISO_DAY.search(c.group(1))
        if d:
            return d.group(0)
    m = _JSONLD_DATE.search(head)
    d = m and _ISO_DAY.search(m.group(1))
    return d.group(0) if d else None
