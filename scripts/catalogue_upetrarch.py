"""Checks UniversalPetrarch's Arabic actor dictionary against the catalogue and takes what survives the checks.

The dictionary (actor_dict_ar_v4.txt) holds lemmatised headwords (words joined by `_`, articles often dropped:
وزير_خارجية_روسي_سيرجي_لافروف_) followed by CAMEO codes, some dated: `[RUSGOV 20040309-20040712]`, `[SYRGOV >20000717]`.
It is noisy, so an entry is used only when it names a person already in the curated catalogue:
  - a headword that is exactly a new spelling of a catalogued person (same surname, same first name, no title
    words) and whose code country agrees becomes a variant of that person;
  - a dated code whose country agrees and whose start falls within a year of a curated role's start confirms it,
    and refines that role's start when the curated date is less precise and agrees with it.
Everything else is counted as rejected, with the reason.
"""
from __future__ import annotations

import collections
import re
from pathlib import Path

from catalogue_curated import load
from marsad.arabic.normalize import normalize

CODE = re.compile(r"\[([A-Z]+)\s*(?:([<>])\s*(\d{8})|(\d{8})-(\d{8}))?\s*\]")
# Dates the dictionary uses as "unknown" placeholders.
PLACEHOLDER = {"18000101", "19700101", "22000101"}


def parse(path: Path) -> list[tuple[list[str], list[tuple[str, str, str]]]]:
    """(headword tokens, [(code, start, end)]) for every entry; dates are YYYYMMDD or ''."""
    entries: list[tuple[list[str], list[tuple[str, str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not text.startswith("["):
            head = text.split("[", 1)[0].strip()
            entries.append(([t for t in head.split("_") if t], []))
        if entries:
            entries[-1][1].extend(_codes(text))
    return entries


def _codes(text: str) -> list[tuple[str, str, str]]:
    out = []
    for m in CODE.finditer(text):
        code, sign, single, start, end = m.groups()
        if sign == ">":
            start, end = single, ""
        elif sign == "<":
            start, end = "", single
        out.append((code, start or "", end or ""))
    return out


def enrich(path: Path, entities: list[dict], roles: list[dict]) -> dict:
    """Adds checked variants and date refinements in place; returns counts and reasons."""
    rules = load("upetrarch_rules.yaml")
    titles = {normalize(t) for t in rules["title_words"]}
    people = [e for e in entities if e["type"] == "PER"]
    known = {normalize(n): e for e in entities for n in e["names_ar"]}
    by_last = collections.defaultdict(list)
    for e in people:
        for n in e["names_ar"]:
            toks = normalize(n).split()
            if len(toks) >= 2:
                by_last[toks[-1]].append((toks, e))
    roles_of = collections.defaultdict(list)
    for r in roles:
        roles_of[r["entity"]].append(r)
    report = {"entries": 0, "taken_variants": 0, "confirmed": 0, "refined_dates": 0,
              "rejected": collections.Counter(), "variants": [], "refined": []}
    for tokens, codes in parse(path):
        report["entries"] += 1
        reason = _check(tokens, codes, known, by_last, titles, roles_of, report)
        if reason:
            report["rejected"][reason] += 1
    return report


def _check(tokens, codes, known, by_last, titles, roles_of, report) -> str:
    """Uses one dictionary entry; returns why it was rejected, or '' when something was taken or confirmed."""
    phrase = normalize(" ".join(tokens))
    if not codes:
        return "no CAMEO code"
    entity = known.get(phrase) or _suffix_match(phrase, known)
    if entity is None:
        entity = _new_spelling(phrase.split(), by_last, titles)
        if entity is None:
            return "not a catalogued entity (cannot verify the name or its role)"
        if not _country_agrees(entity, codes):
            return "country code disagrees with the catalogue"
        entity["names_ar"].append(" ".join(tokens))
        report["taken_variants"] += 1
        report["variants"].append(f"{' '.join(tokens)} -> {entity['id']}")
    if entity["type"] != "PER":
        report["confirmed"] += 1
        return ""
    if not _country_agrees(entity, codes):
        return "country code disagrees with the catalogue"
    dated = [(c, s, e) for c, s, e in codes if s and s not in PLACEHOLDER]
    if not dated:
        report["confirmed"] += 1
        return ""
    agreed = False
    for _code, start, _end in dated:
        for role in roles_of[entity["id"]]:
            if role["start"] and abs(int(role["start"][:4]) - int(start[:4])) <= 1:
                agreed = True
                if _refine(role, start):
                    report["refined_dates"] += 1
                    report["refined"].append(f"{entity['id']} {role['office']} -> {role['start']}")
    if not agreed:
        return "dates disagree with the curated roles"
    report["confirmed"] += 1
    return ""


def _suffix_match(phrase: str, known: dict):
    # A title and a name (رئيس روسي فلاديمير بوتين): the name part is a catalogued spelling, nothing new.
    toks = phrase.split()
    for i in range(1, len(toks)):
        hit = known.get(" ".join(toks[i:]))
        if hit is not None and hit["type"] == "PER" and len(toks) - i >= 2:
            return hit
    return None


def _new_spelling(toks: list[str], by_last: dict, titles: set[str]):
    # One word spelt differently (ج/غ, a dropped or added long vowel) from one catalogued person's name, same
    # number of words, no title words. A word that is a truncation of the known one is the dictionary's
    # lemmatiser at work (أحمد for أحمدي), not a spelling the news uses.
    if not 2 <= len(toks) <= 4 or any(t in titles for t in toks):
        return None
    hits = {}
    for known, e in by_last.get(toks[-1], []):
        if len(known) != len(toks):
            continue
        diff = [(a, b) for a, b in zip(toks, known) if a != b]
        if len(diff) == 1 and _close_spelling(*diff[0]):
            hits[e["id"]] = e
    return next(iter(hits.values())) if len(hits) == 1 else None


def _close_spelling(a: str, b: str) -> bool:
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a) or min(len(a), len(b)) < 3:
        return False
    return _distance(a, b) == 1


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _country_agrees(entity: dict, codes) -> bool:
    countries = {c[:3] for c, _s, _e in codes if len(c) >= 3}
    return not entity["country"] or entity["country"] in countries or "IGO" in countries


def _refine(role: dict, start: str) -> int:
    # Only a more precise date inside the curated one: 2015 or 2015-04 may become 2015-04-29, nothing else moves.
    iso = f"{start[:4]}-{start[4:6]}-{start[6:]}"
    if start.endswith("0101"):
        return 0  # 1 January stands for "some day that year" in the dictionary
    if len(role["start"]) < 10 and iso.startswith(role["start"]):
        role["start"] = iso
        return 1
    return 0


def print_report(report: dict) -> None:
    """Prints what was taken from the dictionary and why the rest was rejected."""
    print(f"UniversalPetrarch actor dictionary: {report['entries']} entries; "
          f"{report['taken_variants']} new variants taken, {report['confirmed']} entries confirmed the catalogue, "
          f"{report['refined_dates']} role dates refined; rejected {sum(report['rejected'].values())}:")
    for reason, n in report["rejected"].most_common():
        print(f"    {n:5d}  {reason}")
    for v in report["variants"][:30]:
        print("    variant:", v)
    for v in report["refined"][:30]:
        print("    refined:", v)
