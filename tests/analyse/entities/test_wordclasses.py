"""Encoder-derived word classes: piece segmentation, the piece probe, the table, and their CRF features."""
from __future__ import annotations

import pytest

from marsad.analyse.entities import ner
from marsad.analyse.entities.clitics import lexicon
from marsad.analyse.entities.features import Featurizer
from marsad.analyse.entities.wordclasses import PieceProbe, WordClasses

B = "\u2581"  # sentencepiece's word-start mark

# A toy vocabulary: (unigram score, logits for PER, LOC, O).
PIECES = {
    B + "و": (-2.0, (0.0, 0.0, 1.0)),
    B + "كتاب": (-6.0, (0.0, 0.0, 3.0)),
    "كتاب": (-3.0, (0.0, 0.0, 2.0)),
    B + "كت": (-4.0, (0.0, 0.0, 0.0)),
    "اب": (-4.0, (0.0, 0.0, 0.0)),
    B + "سان": (-5.0, (0.0, 4.0, 0.0)),
    "تياغو": (-5.0, (0.0, 2.0, 0.0)),
    B + "ميلو": (-5.0, (5.0, 0.0, 0.0)),
    B: (-4.0, (0.0, 0.0, 0.0)),
}


@pytest.fixture
def probe():
    return PieceProbe(["PER", "LOC", "O"], [0.0, 0.0, 0.0], PIECES)


@pytest.mark.parametrize("word, pieces", [
    ("وكتاب", [B + "و", "كتاب"]),  # -5 beats the split into ▁وك... (unknown letters)
    ("كتاب", [B + "كتاب"]),  # the whole-word piece (-6) beats ▁ + كتاب (-7) and ▁كت + اب (-8)
    ("سانتياغو", [B + "سان", "تياغو"]),
    ("ميلو", [B + "ميلو"]),
])
def test_segment_takes_the_best_scoring_split(probe, word, pieces):
    assert probe.segment(word) == pieces


def test_segment_keeps_an_unknown_letter_as_its_own_piece(probe):
    assert probe.segment("ميلوژ") == [B + "ميلو", "ژ"]


def test_segment_drops_a_bare_word_start_mark(probe):
    # ▁ + كتاب (-7) beats ▁كتاب (-9); the mark alone says nothing about the word
    cheap = dict(PIECES, **{B + "كتاب": (-9.0, (0.0, 0.0, 3.0))})
    assert PieceProbe(["PER", "LOC", "O"], [0.0] * 3, cheap).segment("كتاب") == ["كتاب"]


@pytest.mark.parametrize("word, kind", [("سانتياغو", "LOC"), ("ميلو", "PER"), ("وكتاب", "O")])
def test_classify_averages_the_pieces_logits(probe, word, kind):
    assert probe.classify(word)[0] == kind


def test_classify_gives_a_confidence_band(probe):
    # ميلو: logits (5, 0, 0) -> p(PER) about 0.99, the top band
    assert probe.classify("ميلو") == ("PER", "PER3")


def test_classify_is_none_without_a_known_piece(probe):
    assert probe.classify("ژژ") is None


def test_table_comes_before_the_probe(probe):
    wc = WordClasses({"ميلو": ("LOC", "LOC2")}, probe)
    assert wc.get("ميلو") == ("LOC", "LOC2")


def test_an_alternative_form_in_the_table_comes_before_the_probe(probe):
    wc = WordClasses({"سانتياغو": ("LOC", "LOC3")}, probe)
    assert wc.get("والسانتياغو", "سانتياغو") == ("LOC", "LOC3")


@pytest.mark.parametrize("token", ["2024", "Reuters", "،"])
def test_probe_skips_digits_latin_and_marks(probe, token):
    assert WordClasses({}, probe).get(token) is None


def test_featurizer_adds_own_and_neighbour_classes(probe):
    feat = Featurizer(lexicon(), classes=WordClasses({}, probe))
    own, ctx = feat.compute("ميلو")
    assert {"e0=PER", "e1=PER3"} <= set(own)
    assert "e-1=PER3" in ctx[-1] and "e1=PER3" in ctx[1]


def test_featurizer_without_classes_adds_none():
    own, ctx = Featurizer(lexicon()).compute("ميلو")
    assert not [a for a in own + ctx[1] if a.startswith("e")]


needs_classes = pytest.mark.skipif(not ner.WORD_CLASSES.is_file(), reason="word classes not built")


@needs_classes
@pytest.mark.parametrize("word, kind", [("شركه", "ORG"), ("قال", "O"), ("محمد", "PER")])
def test_shipped_table_classes(word, kind):
    assert ner.word_classes().get(word)[0] == kind


@needs_classes
@pytest.mark.parametrize("word", ["ستيفانوفيتش", "كرونينغسبرغ"])
def test_shipped_probe_covers_words_outside_the_table(word):
    wc = ner.word_classes()
    assert word not in wc.table
    kind, band = wc.get(word)
    assert kind in ("PER", "LOC", "ORG", "MISC", "O") and band.startswith(kind)
