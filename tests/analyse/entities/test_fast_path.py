"""The document-at-once path of the tagger: tokens and offsets, catalogue tags, entity spans over sentences, the
lemma table, and the word cache's thinning. Each is checked against the simple form it replaces."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from simplemma import Lemmatizer
from simplemma.strategies import DictionaryLookupStrategy

from marsad.analyse.entities import _matcher, decode, ner
from marsad.analyse.entities.features import TOKEN, gazetteer_tags, lemma, tokenize_flat
from marsad.arabic.normalize import normalize

needs_model = pytest.mark.skipif(not ner.MODEL.is_file(), reason="no trained model shipped")

# Words, marks and spaces the tokenizer meets in news text, Arabic and Latin.
PIECES = ["وقال", "الرئيس", "بكين", "،", ".", "«", "»", "2024", "CNN", "_x", "؟", "-", " ", "  ", "\n", "\t", "ـ"]

# Three sentences of the project's own, with catalogue names in each.
TEXT = normalize(
    "التقى وزير الخارجية الصيني وانغ يي نظيره الروسي سيرغي لافروف في بكين. "
    "وقال لافروف إن موسكو وبكين تتفقان على الحاجة إلى الحوار. "
    "وتوجه الوزير الصيني بعد ذلك إلى القاهرة للقاء الرئيس المصري."
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_tokens_and_offsets_are_those_of_the_token_pattern(pieces):
    text = "".join(pieces)
    words, starts, ends = tokenize_flat(text)
    ref = [(m.group(), *m.span()) for m in TOKEN.finditer(text)]
    assert list(zip(words, starts.tolist(), ends.tolist())) == ref


LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(LABELS), min_size=1, max_size=8), min_size=1, max_size=5))
def test_entity_spans_over_a_document_are_those_of_each_sentence(sentences):
    flat = [lab for s in sentences for lab in s]
    first = [i == 0 for s in sentences for i in range(len(s))]
    expected, base = [], 0
    for s in sentences:
        expected += [(a + base, b + base, t) for a, b, t in ner.entity_spans(s)]
        base += len(s)
    assert ner.entity_spans(flat, first) == expected


@pytest.mark.parametrize("word", ["الوزراء", "بالمفاوضات", "اجتمع", "وزيرة", "لافروف", "كتب"])
def test_lemma_table_gives_simplemmas_dictionary_lemma(word):
    ref = Lemmatizer(lemmatization_strategy=DictionaryLookupStrategy())
    w = normalize(word)
    assert lemma(w) == ref.lemmatize(w, lang="ar")


def test_catalogue_tags_of_a_document_are_those_of_each_sentence():
    _, matcher = _matcher(None, None)
    nt = ner.NerTagger(matcher)
    sents = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", TEXT)]
    matches = matcher.find(TEXT)
    dt = nt._doc_inputs(TEXT, sents, matches)
    expected, base = [], 0
    for s, e in sents:
        spans = [m.span() for m in TOKEN.finditer(TEXT) if s <= m.start() < e]
        inside = [m for m in matches if m.end > s and m.start < e]
        expected += [(base + i, t) for i, t in enumerate(gazetteer_tags(spans, inside, nt.types)) if t]
        base += len(spans)
    assert dt.gaz == expected
    assert any(t.endswith("PER") for _, t in dt.gaz)  # the example does exercise the tags


@needs_model
def test_thinning_the_word_cache_keeps_the_labels(monkeypatch):
    _, matcher = _matcher(None, None)
    fresh = ner.NerTagger(matcher, ner.MODEL)
    sents = [(0, len(TEXT))]
    want = fresh.spans(TEXT, sents, matcher.find(TEXT))
    nt = ner.NerTagger(matcher, ner.MODEL)
    monkeypatch.setattr(decode, "MAX_ROWS", nt.crf._pinned + 2)
    other = normalize("وصل المبعوث غروندبرغ إلى ستوكهولم حيث التقى فيرهوفن وكارلسون وماتياسن وبيرغستروم.")
    thinned = []
    thin = nt.crf._thin
    monkeypatch.setattr(nt.crf, "_thin", lambda: (thinned.append(nt.crf._next), thin()))
    nt.spans(other, [(0, len(other))], matcher.find(other))  # fills the cache past its bound
    got = nt.spans(TEXT, sents, matcher.find(TEXT))  # thins, then tags
    assert thinned and got == want


USE_PIECES = ["الجيش", "والجيش", "بالجيش", "للجيش", "ولجيش", "الجيشان", "وبالجيش", "فالجيش", "كالجيش", "الصباح",
              "والصباح", "للصباح", "بالصباح", "ال", "و", " ", "،", "_", "x", "«"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(USE_PIECES), max_size=12))
def test_word_uses_are_those_of_the_clitic_patterns(pieces):
    from marsad.analyse.entities.resolve import _CLITIC, _definite_uses, _uses

    text = "".join(pieces)
    for head in ("جيش", "الصباح"):
        pattern = rf"(?<!\w)[وف]?(?:[بك]?(ال)|ل(ل)){re.escape(head)}(?!\w)"
        want = [(m.start(1) if m.start(1) >= 0 else m.start(2), m.end()) for m in re.finditer(pattern, text)]
        assert _definite_uses(text, head) == want
        pattern = rf"(?<!\w)[وفلب]?({re.escape(head)})(?!\w)"
        assert [(s, e) for _, s, e in _uses(text, head, _CLITIC)] == [m.span() for m in re.finditer(pattern, text)]
