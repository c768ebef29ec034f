"""The cleaning rules, compiled once from resources/boilerplate.yaml and resources/agencies.tsv."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.errors import ResourceFormatError
from marsad.resources import load_tsv, load_yaml, path

_TRIM = " \t\u00a0-–—:.،,|•*_=>"


def fold_line(line: str) -> str:
    """A line as the rules see it: normalised, lower-cased, trimmed of spaces, dashes, colons and dots."""
    return " ".join(normalize(line).lower().split()).strip(_TRIM)


@dataclass(frozen=True)
class Rules:
    drop_line: tuple[re.Pattern, ...]
    end_block: tuple[re.Pattern, ...]
    split_before: tuple[re.Pattern, ...]
    source_line: tuple[re.Pattern, ...]
    credit_cue: re.Pattern
    agencies: dict[str, str]  # folded Arabic or Latin name -> English name
    agency_re: re.Pattern  # any agency name, longest first
    generic_credits: frozenset[str]  # "وكالات": a credit naming no one
    not_conjunction: frozenset[str]  # folded words that start with و/ف without the conjunction

    def match(self, kind: str, folded: str) -> re.Pattern | None:
        for p in getattr(self, kind):
            if p.fullmatch(folded):
                return p
        return None

    def agency(self, text: str) -> str | None:
        """English name of the agency or outlet that `text` names entirely ("د ب أ", "«رويترز»", "RT")."""
        return self.agencies.get(fold_line(text.strip("()«»\"“” ")))


def _compile(name: str, key: str, patterns) -> tuple[re.Pattern, ...]:
    out = []
    for i, p in enumerate(patterns or []):
        try:
            out.append(re.compile(normalize(p), re.IGNORECASE))
        except re.error as e:
            raise ResourceFormatError(str(path(name)), 0, f"{key}[{i}] {p!r} is not a regular expression: {e}") from e
    return tuple(out)


@functools.cache
def rules() -> Rules:
    """The packaged cleaning rules (cached)."""
    y = load_yaml("boilerplate.yaml")
    agencies: dict[str, str] = {}
    for row in load_tsv("agencies.tsv", ("name_en", "names_ar")):
        for n in row["names_ar"].split("|") + [row["name_en"]]:
            agencies[fold_line(n)] = row["name_en"]
    names = sorted((n for n in agencies if n), key=len, reverse=True)
    return Rules(
        drop_line=_compile("boilerplate.yaml", "drop_line", y.get("drop_line")),
        end_block=_compile("boilerplate.yaml", "end_block", y.get("end_block")),
        split_before=_compile("boilerplate.yaml", "split_before", y.get("split_before")),
        source_line=_compile("boilerplate.yaml", "source_line", y.get("source_line")),
        credit_cue=re.compile(normalize(y["credit_cue"])),
        agencies=agencies,
        agency_re=re.compile("|".join(re.escape(n) for n in names)),
        generic_credits=frozenset(fold_line(w) for w in y.get("generic_credits") or ()),
        not_conjunction=frozenset(normalize(w) for w in y.get("not_conjunction") or ()),
    )
