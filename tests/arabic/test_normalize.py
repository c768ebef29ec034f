"""Normalisation for matching: folds what outlets vary, keeps a map back to the original offsets."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.normalize import NormText, normalize
from marsad.arabic.tokens import sentences, tokens

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةؤئ ـًٌٍَُِّْ٠١٢.،\n«»")), max_size=80)


def test_folds_hamza_alef_ya_ta_marbuta_diacritics_tatweel_digits():
    assert normalize("إِنَّ الأمـــمَ المتحدةَ") == "ان الامم المتحده"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("١٢ مارس ٢٠٢٦") == "12 مارس 2026"


def test_removes_invisible_marks():
    assert normalize("بكين\u200f\u200b") == "بكين"


@given(ARABIC)
def test_normalize_is_idempotent(s):
    assert normalize(normalize(s)) == normalize(s)


@given(ARABIC)
def test_every_normalised_span_maps_back_to_the_same_letters(s):
    nt = NormText(s)
    for a in range(0, len(nt.text) + 1, 3):
        for b in range(a, len(nt.text) + 1, 4):
            o_start, o_end = nt.span(a, b)
            assert normalize(s[o_start:o_end]) == nt.text[a:b]


def test_tokens_keep_diacritics_inside_words():
    toks = tokens("قالَ الوزيرُ: نعم.")
    assert [t.text for t in toks] == ["قالَ", "الوزيرُ", "نعم"]


def test_sentences_split_on_marks_and_lines_and_keep_closing_quotes():
    text = "قال: «نحن هنا.» ثم غادر. هل يعود؟ نعم\nسطر آخر"
    spans = [text[s.start:s.end] for s in sentences(text)]
    assert spans == ["قال: «نحن هنا.»", "ثم غادر.", "هل يعود؟", "نعم", "سطر آخر"]
