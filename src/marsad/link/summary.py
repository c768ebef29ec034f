"""A story's title and short summary, drawn from its reports: the sentences most reports agree on.

Extractive, so the summary is in the reports' own language (Arabic) and never says what no report said. Each lead
sentence is scored by how many other reports carry a sentence sharing most of its content words; ties go to the
earlier, shorter sentence.
"""
from __future__ import annotations

from marsad.doc import Doc
from marsad.link.features import terms

LEAD_SENTENCES = 6
MAX_SUMMARY_SENTENCES = 2
AGREE = 0.35  # share of a sentence's terms another sentence must hold to agree with it


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _lead(doc: Doc) -> list[str]:
    spans = doc.sentences
    if not spans:
        return [s.strip() for s in doc.text.split("\n") if s.strip()][:LEAD_SENTENCES]
    return [doc.text[s.start:s.end] for s in spans[:LEAD_SENTENCES]]


def summarise(docs: list[Doc]) -> tuple[str, str]:
    """(title, summary) of a story: the headline closest to the others, and the most agreed-on lead sentences."""
    originals = [d for d in docs if d.duplicate_of is None] or list(docs)
    if not originals:
        return "", ""
    return _title(originals), _summary(originals)


def _title(docs: list[Doc]) -> str:
    heads = [(d.title or "").strip() for d in docs]
    bags = [set(terms(h)) for h in heads]
    best, best_s = 0, -1.0
    for i, b in enumerate(bags):
        if not heads[i]:
            continue
        s = sum(_overlap(b, o) for j, o in enumerate(bags) if j != i)
        if s > best_s:
            best, best_s = i, s
    if heads[best]:
        return heads[best]
    first = _lead(docs[0])
    return first[0] if first else ""


def _summary(docs: list[Doc]) -> str:
    cands = []  # (agreement, -position, -length, doc index, sentence, terms)
    leads = [[(s, set(terms(s))) for s in _lead(d)] for d in docs]
    for i, lead in enumerate(leads):
        for pos, (sent, bag) in enumerate(lead):
            if len(bag) < 4:
                continue
            agree = sum(1 for j, other in enumerate(leads)
                        if j != i and any(_overlap(bag, ob) >= AGREE for _, ob in other))
            cands.append((agree, -pos, -len(sent), i, sent, bag))
    cands.sort(reverse=True)
    chosen: list[tuple[str, set[str]]] = []
    for *_, sent, bag in cands:
        if all(_overlap(bag, b) < 0.5 for _, b in chosen):
            chosen.append((sent, bag))
        if len(chosen) >= MAX_SUMMARY_SENTENCES:
            break
    return " ".join(s.strip() for s, _ in chosen)
