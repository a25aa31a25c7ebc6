"""tui.core.paragraph: a paragraph's quotes, its sizes, and where a blank may go."""

from __future__ import annotations

from tui.core.paragraph import Paragraph, size


def test_quote_spans_exclude_their_marks_and_skip_apostrophes_and_unclosed_quotes() -> None:
    paragraph = Paragraph("他说：“要做到‘两个维护’。” don’t 《摘编》 “未闭合")
    spans = paragraph.quotes
    assert [(paragraph.text[start:end], kind) for start, end, kind in spans] == [
        ("要做到‘两个维护’。", "quote"),
        ("两个维护", "quote"),
        ("摘编", "title"),
    ]


def test_a_blank_is_whole_words_within_one_sentence() -> None:
    paragraph = Paragraph("彰显了党对作风问题零容忍的坚定立场。下一句。")
    assert paragraph.valid(9, 12)  # 零容忍
    assert not paragraph.valid(9, 10)  # one character
    assert not paragraph.valid(9, 11)  # 零容: half a word
    assert not paragraph.valid(13, 20)  # 坚定立场。下一: crosses a sentence end


def test_a_latin_word_counts_as_two_and_spaces_as_nothing() -> None:
    assert size("两个确立") == 4
    assert size("separation of powers") == 6
