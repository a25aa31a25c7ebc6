"""tui.core.term_places: where a candidate term stands in its sentence shows whether it is a term of its own."""

from __future__ import annotations

from tui.core.paragraph import Paragraph
from tui.core.term_places import misplaced
from tui.core.terms import chinese_terms


def places(text: str) -> dict[str, bool]:
    """Each candidate term of the text, and whether its place says it is no term."""
    paragraph = Paragraph(text)
    return {t.text: misplaced(paragraph, t) for t in chinese_terms(paragraph)}


def test_a_term_with_a_noun_right_after_it_is_cut_from_a_longer_one() -> None:
    # 实景化|教学: the noun after the term is what it qualifies.
    assert places("要坚持实景化课堂教学，提高本领。")["实景化"]
    # Near miss: the same term with a mark after it.
    assert not places("要坚持实景化，提高本领。")["实景化"]
