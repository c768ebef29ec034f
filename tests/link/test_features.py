"""Matching terms of a report for story linking (marsad.link.features)."""
import pytest

from marsad.link.features import terms


@pytest.mark.parametrize("sentence, name", [
    ("سيطرت القوات على قاعدة العند الجوية", "عند"),  # an air base whose name without the article is a particle
    ("ألقى الإمام خطبة الجمعة في الجامع الكبير", "امام"),  # the imam, not "in front of"
])
def test_a_word_with_the_article_is_a_term_even_when_its_rest_is_a_particle(sentence, name):
    assert name in terms(sentence)


@pytest.mark.parametrize("sentence", ["وصل الوفد عند الظهر", "وقف الحارس أمام البوابة"])
def test_the_particle_itself_is_still_a_stopword(sentence):
    assert not {"عند", "امام"} & set(terms(sentence))


@pytest.mark.parametrize("phrase", ["في العام الماضي", "والعام المقبل"])
def test_stopwords_listed_with_their_article_stay_out(phrase):
    assert "عام" not in terms(phrase)
