"""tui.core.sanitize: what a terminal is given holds no control, escape or bidi-override character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.sanitize import clean, clean_line, is_unsafe, needs_cleaning

UNSAFE = [chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))]
UNSAFE += [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@given(st.text(alphabet=st.sampled_from(UNSAFE + list("ab 中文\n\t[];0\\"))))
def test_nothing_unsafe_is_left_and_cleaning_twice_changes_nothing(text: str) -> None:
    cleaned = clean(text)
    assert not any(is_unsafe(ch) for ch in cleaned)
    assert clean(cleaned) == cleaned


@given(st.text())
def test_any_text(text: str) -> None:
    assert not needs_cleaning(clean(text))


def test_safe_text_is_returned_as_it_is() -> None:
    text = "（一）全角，ＡＢＣ\t tab\n第二行 \u200f"
    assert clean(text) is text


def test_csi_and_osc_sequences_go_whole() -> None:
    assert clean("a\x1b[31mred\x1b[0m b\x1b]0;title\x07 c\x1b]52;c;SGVsbG8=\x1b\\ d") == "ared b c d"


def test_an_unterminated_osc_stops_at_the_line_end() -> None:
    assert clean("a\x1b]0;never ends\nthe next line stays") == "a\nthe next line stays"


def test_a_lone_escape_is_a_visible_mark() -> None:
    assert clean("x\x1b") == "x\u241b"


def test_one_line_labels_have_no_line_breaks_or_tabs() -> None:
    assert clean_line("name\nwith\tbreaks\x1b[2J") == "name\u2424with breaks"
