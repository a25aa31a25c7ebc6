"""Tests of tui/core/search.py: matching that ignores full-/half-width and case."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.search import find_all, fold, fold_char


def test_find_all_maps_folded_matches_back_to_the_text():
    assert find_all("ＡＢＣ和abc", fold("Abc")) == [(0, 3), (4, 7)]
    # ﬁ folds to two characters and ß to two: spans still index the original text.
    text = "a ﬁne Straße, STRASSE"
    assert [text[a:b] for a, b in find_all(text, fold("fine"))] == ["ﬁne"]
    assert [text[a:b] for a, b in find_all(text, fold("strasse"))] == ["Straße", "STRASSE"]
    assert find_all("abc", "") == []


def test_full_width_and_case_fold_to_the_same_form():
    assert fold("ＡＢＣ１２３") == fold("abc123") == "abc123"
    assert fold_char("Ａ") == "a"
    assert fold("作风建设") == "作风建设"


@given(st.text(max_size=40), st.text(min_size=1, max_size=4))
def test_every_span_found_folds_to_the_query(text, query):
    folded_query = fold(query)
    for start, end in find_all(text, folded_query):
        assert folded_query in fold(text[start:end])
