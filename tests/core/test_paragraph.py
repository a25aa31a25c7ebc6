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


def test_words_are_looked_up_by_where_they_start_and_end_before_and_after_release() -> None:
    paragraph = Paragraph("坚持和发展中国特色社会主义。")
    tokens = paragraph.tokens
    for _ in range(2):  # and again once the segmentation is forgotten and redone
        assert [paragraph.token_at(start) for _, start, _ in tokens] == tokens
        assert [paragraph.index_at(start) for _, start, _ in tokens] == list(range(len(tokens)))
        assert [paragraph.token_ending(end) for _, _, end in tokens] == tokens
        assert [paragraph.tag_of(token) for token in tokens] == paragraph.tag_list
        assert paragraph.words == [word for word, _, _ in tokens]
        assert paragraph.token_at(len(paragraph.text)) is None
        assert paragraph.tag_of(("", len(paragraph.text), len(paragraph.text))) == "x"
        assert paragraph.token_ending(0) is None
        paragraph.release()
        assert paragraph.tokens == tokens


def test_paragraphs_share_one_string_for_each_word() -> None:
    first, second = Paragraph("发展中国特色社会主义。"), Paragraph("坚持中国特色社会主义。")
    shared = set(first.words) & set(second.words)
    assert shared
    for word in shared:
        assert first.words[first.words.index(word)] is second.words[second.words.index(word)]
