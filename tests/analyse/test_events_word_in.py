"""word_in: the set lookup that replaced searching a token for each of a hundred cancelling words."""
from __future__ import annotations

import itertools

import pytest

from marsad.analyse.events.lexicon import load_entries, load_grammar, word_in, word_is


@pytest.fixture(scope="module")
def grammar():
    return load_grammar()


def test_agrees_with_word_is_on_every_clitic_combination(grammar):
    stems = sorted({u for e in load_entries() for u in e.unless_far | e.unless_before | e.unless_after})[:40]
    prefixes, suffixes = ["", *sorted(grammar.prefixes)[:8]], ["", *sorted(grammar.suffixes)[:8]]
    chosen = frozenset(stems[::2])
    checked = 0
    for stem, p, s in itertools.product(stems, prefixes, suffixes):
        token = p + stem + s
        for cut in (token, token[1:], token[:-1]):
            if cut:
                assert word_in(cut, chosen, grammar) == any(word_is(cut, u, grammar) for u in chosen), cut
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize("token, expected", [
    ("للتفاؤل", True),     # the word itself
    ("والتفاؤل", True),    # with a clitic before it
    ("تفاؤلهم", False),    # not in the set in this shape
    ("", False),
])
def test_finds_a_word_with_its_clitics(grammar, token, expected):
    assert word_in(token, frozenset({"للتفاؤل", "التفاؤل"}), grammar) is expected


def test_empty_set_matches_nothing(grammar):
    assert not word_in("التفاؤل", frozenset(), grammar)
