"""Does a sentence report an event, or only mention one? Sentence-level detection of event types.

A sentence reports an event when the event is its main predicate: an event verb whose action is told
("تظاهر مئات الطلاب", "أطلق مسلحون النار"), an event noun that is the subject or object of a verb of occurrence
("اندلعت مظاهرات", "شن المسلحون هجوما", "تعرضت القافلة لهجوم"), the cause of reported casualties
("قتل ثلاثة في انفجار سيارة مفخخة"), or the protesters themselves doing a protest act ("نزل المتظاهرون الى الشوارع").
A sentence that names an event only as a participant or a topic ("هتف المتظاهرون", "فرقت الشرطة المظاهرة",
"قضية خطف", "بتهمة القتل", "لمهاجمة أهداف") or as something planned, feared or denied does not report it.
The words are in resources/events/detect.yaml. The event coder keeps coding every mention (with its mode); this
check is what detection (`reported_types`, `marsad eval events --detect report`) counts. A learned detector
(classify.py) uses these signals among its features (`reported_types(..., how="model")`).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.analyse.events.lexicon import WORD, Cue, Grammar, folded_words
from marsad.doc import Doc
from marsad.resources import load_yaml

# Modes that still describe something that happened: a plain event, or one told in the past perfect ("كان قد").
HAPPENED = (None, "reported")
REQUIRE_ANCHOR = True
# What `marsad eval events` measures by default: the learned detector of classify.py, which scored better than these
# rules on both halves of the GSR when trained on the other half (docs/events.md, "Detection").
DETECT = "model"
EXPOSURE_WINDOW = 12  # words between "تعرض" and the event noun it governs ("تعرضت قافلة الوزير ... لهجوم")


@dataclass(slots=True, frozen=True)
class Frames:
    occurrence: frozenset[str]
    casualties: frozenset[str]
    cause: frozenset[str]
    frames: frozenset[str]
    subordinators: frozenset[str]
    protest_acts: frozenset[str]
    exposure: frozenset[str]
    anchors: frozenset[str]
    act_window: int
    occ_window: int


@functools.cache
def load_frames() -> Frames:
    """The words of resources/events/detect.yaml, folded."""
    y = load_yaml("events/detect.yaml")
    return Frames(
        occurrence=folded_words(y["occurrence_verbs"]), casualties=folded_words(y["casualties"]),
        cause=folded_words(y["cause_markers"]), frames=folded_words(y["frames"]), subordinators=folded_words(y["subordinators"]),
        protest_acts=folded_words(y["protest_acts"]), exposure=folded_words(y["exposure_verbs"]),
        anchors=folded_words(y["anchors"]), act_window=int(y["protest_act_window"]),
        occ_window=int(y["occurrence_window"]),
    )


def _bare(w: str) -> str:
    return w[1:] if len(w) > 2 and w[0] in ("و", "ف") else w


def _any_in(words: list[str], vocab: frozenset[str]) -> bool:
    return any(w in vocab or _bare(w) in vocab for w in words)


def _nominal(c: Cue, words: list[str], g: Grammar) -> bool:
    """The cue is a noun: a verbal-noun entry, or a verb entry's form with the article or after a preposition."""
    if c.entry.kind != "v":
        return True
    if c.prefix.endswith(("ال", "لل")):
        return True
    return c.tok > 0 and _bare(words[c.tok - 1]) in g.prepositions


def _protest_actors(c: Cue, words: list[str], f: Frames) -> bool:
    """Protesters doing a protest act: the act stands a few words before them (verb first) or right after them."""
    k = c.tok
    if _any_in(words[max(0, k - f.act_window):k], f.protest_acts):
        return True
    return _any_in(words[k + 1:k + 3], f.protest_acts)


def _occurs(c: Cue, words: list[str], f: Frames) -> bool:
    """An event noun with a verb of occurrence before it, or right after it ("سيارة مفخخة انفجرت")."""
    k = c.tok
    if _any_in(words[max(0, k - f.occ_window):k], f.occurrence) or _any_in(words[k + 1:k + 3], f.occurrence):
        return True
    # "تعرض ... لهجوم": the victim may stand between the verb and the event noun
    return c.prefix.lstrip("وف").startswith("ل") and _any_in(words[max(0, k - EXPOSURE_WINDOW):k], f.exposure)


def _causes_casualties(c: Cue, words: list[str], f: Frames) -> bool:
    """"قتل ثلاثة في هجوم": the noun follows a cause marker, and a casualty word stands before it in the sentence."""
    k = c.tok
    glued = c.prefix.lstrip("وف")[:1] == "ب"
    if not glued and not (k > 0 and _bare(words[k - 1]) in f.cause):
        return False
    return _any_in(words[:k], f.casualties)


def is_report(c: Cue, words: list[str], g: Grammar, f: Frames | None = None) -> bool:
    """True when the cue is the sentence's reported happening, not a mention of an event as a topic."""
    f = f or load_frames()
    if c.mode not in HAPPENED:
        return False
    k = c.tok
    before = [_bare(w) for w in words[max(0, k - 2):k]]
    if any(w in f.frames for w in before) and not _occurs(c, words, f):
        return False
    if c.entry.kind == "p":
        return _protest_actors(c, words, f)
    if "weak" in c.entry.flags:
        return False
    if not _nominal(c, words, g):
        # a verb right after "أن"/"الذي" is wished, feared or describes someone ("خشينا أن يقصف", "الذي قتل")
        return not (k > 0 and _bare(words[k - 1]) in f.subordinators)
    if c.prefix.lstrip("وف").startswith("ل") and not _occurs(c, words, f):
        return False  # purpose: "لمهاجمة أهداف", "للاحتجاج على"
    return _occurs(c, words, f) or _causes_casualties(c, words, f)


def anchored(doc: Doc, sent, words: list[str], g: Grammar, f: Frames | None = None) -> bool:
    """The sentence ties what it tells to a time, a date, a count or a cited source (a news report, not
    commentary)."""
    f = f or load_frames()
    if any(w in g.anchors or w in f.anchors or _bare(w) in g.anchors or _bare(w) in f.anchors or w.isdigit()
           for w in words):
        return True
    return any(sent.start <= d.start < sent.end for d in doc.dates)


def reported_types(coder, doc: Doc, how: str = "report") -> set[str]:
    """PLOVER types that at least one sentence of `doc` reports as happening. how="report": the rules of this
    module (is_report in an anchored sentence); how="model": the learned detector of classify.py decides for the
    types it knows (PROTEST, ASSAULT), the rules for the others."""
    per_sent = coder.cues(doc)
    if how == "model":
        from marsad.analyse.events.classify import load_detectors, model_types

        known = load_detectors()
        return model_types(coder, doc, known, per_sent) | _rule_types(coder, doc, per_sent, skip=frozenset(known))
    if how != "report":
        raise ValueError(f"unknown detection {how!r} (report or model)")
    return _rule_types(coder, doc, per_sent)


def _rule_types(coder, doc: Doc, per_sent, skip: frozenset[str] = frozenset()) -> set[str]:
    g, f = coder.g, load_frames()
    nt = doc.norm
    out: set[str] = set()
    for sent, cues in per_sent:
        cues = [c for c in cues if c.entry.code.plover not in skip]
        if not cues:
            continue
        words = WORD.findall(nt.text, nt.from_original(sent.start), nt.from_original(sent.end))
        if REQUIRE_ANCHOR and not anchored(doc, sent, words, g, f):
            continue
        for c in cues:
            plover = c.entry.code.plover
            if plover not in out and is_report(c, words, g, f):
                out.add(plover)
    return out


__all__ = ["is_report", "reported_types", "load_frames", "HAPPENED", "DETECT"]
