"""Tests for tui/core/quiz.py: normalising, checking, diffs, hints, ratings, card keys, blanks, sessions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.core.model import Document, Phrase, Section
from tui.core.quiz import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    Blank,
    QuizSession,
    blanks_for,
    card_key,
    cards_for,
    check,
    diff,
    diff_rows,
    hint,
    keys_by_section,
    letters,
    normalize,
    paragraph_segments,
    placeholder,
    section_keys,
    sentence_around,
    sentence_bounds,
    sentence_for,
    sentence_group,
    suggest_rating,
)


def phrase(paragraphs: list[str], paragraph: int, text: str, kind: str = "quote", nth: int = 1) -> Phrase:
    """The `nth` occurrence of `text` in a paragraph, as a Phrase."""
    start = -1
    for _ in range(nth):
        start = paragraphs[paragraph].index(text, start + 1)
    return Phrase(paragraph, start, start + len(text), text, kind)


def speech(first_label: str = "一、", extra_section: bool = False, edited: bool = False) -> Document:
    """A small speech: preamble, two numbered parts (one with two subsections), closing."""
    part_one = Section(
        "s1",
        "heading",
        1,
        first_label,
        "提高政治站位",
        [],
        [
            Section(
                "s1.1",
                "heading",
                2,
                "(一)",
                "把握核心要义",
                [
                    "要坚决克服“松口气、歇歇脚”的麻痹思想。始终牢记“作风建设永远在路上”。",
                    ("这一段后来改写了。" if edited else "这一段不含要点。") + "捍卫“两个确立”,做到“两个维护”。",
                ],
            ),
            Section("s1.2", "heading", 2, "(二)", "对标发展需求", ["抓作风就是抓发展,抓作风就是抓发展。"]),
        ],
    )
    sections = [Section("p", "preamble", 0, "", "", ["同志们:今天学习“十四五”规划。"])]
    if extra_section:
        sections.append(Section("new", "heading", 1, "一、", "新加的部分", ["新的内容。"]))
    sections += [part_one, Section("c", "closing", 0, "", "", ["谢谢大家!"])]
    return Document("讲话", "text", sections)


def speech_phrases(doc: Document) -> dict[str, list[Phrase]]:
    s11 = doc.find("s1.1")
    s12 = doc.find("s1.2")
    pre = doc.find("p")
    assert s11 and s12 and pre
    return {
        "p": [phrase(pre.paragraphs, 0, "十四五", "formulation")],
        "s1.1": [
            phrase(s11.paragraphs, 0, "作风建设永远在路上"),
            phrase(s11.paragraphs, 0, "松口气、歇歇脚"),
            phrase(s11.paragraphs, 1, "两个确立", "formulation"),
            phrase(s11.paragraphs, 1, "两个维护", "formulation"),
        ],
        "s1.2": [
            phrase(s12.paragraphs, 0, "抓发展", "keyword"),
            phrase(s12.paragraphs, 0, "抓发展", "keyword", nth=2),
        ],
    }


# ---------------------------------------------------------------- normalize and check


class TestNormalize:
    def test_punctuation_inside_a_phrase_does_not_matter(self) -> None:
        assert normalize("松口气、歇歇脚") == normalize("松口气,歇歇脚") == normalize("松口气歇歇脚") == "松口气歇歇脚"

    def test_width_case_and_spaces_do_not_matter(self) -> None:
        assert normalize("ＡＢｃ　1 2") == normalize("abc12") == "abc12"

    def test_cjk_brackets_quotes_and_dashes_are_dropped(self) -> None:
        assert normalize("《论述摘编》“十四五”（一）·—…；：") == "论述摘编十四五一"

    def test_percent_is_kept(self) -> None:
        assert normalize("5%") != normalize("5")

    def test_letters_stay(self) -> None:
        assert normalize("Due Process") == "dueprocess"


class TestCheck:
    @pytest.mark.parametrize("typed", ["松口气、歇歇脚", "松口气,歇歇脚", "松口气歇歇脚", " 松口气，歇歇脚 "])
    def test_right_whatever_the_punctuation(self, typed: str) -> None:
        assert check(typed, "松口气、歇歇脚").outcome == "right"

    @pytest.mark.parametrize(
        "typed",
        ["作风建设永远在路", "作风建设永远在路上了", "作风建没永远在路上", "作风建设永远再路上"],
    )
    def test_one_character_off_in_a_long_phrase_is_near(self, typed: str) -> None:
        verdict = check(typed, "作风建设永远在路上")
        assert verdict.outcome == "near"
        assert verdict.correct

    def test_one_character_off_in_four_is_near_in_three_is_wrong(self) -> None:
        assert check("两个确定", "两个确立").outcome == "near"
        assert check("十四六", "十四五").outcome == "wrong"

    def test_two_characters_off_is_wrong(self) -> None:
        verdict = check("两个维持", "两个确立")
        assert verdict.outcome == "wrong"
        assert not verdict.correct

    @pytest.mark.parametrize("typed", ["", "   ", "\u3000"])
    def test_nothing_typed_is_empty(self, typed: str) -> None:
        assert check(typed, "零容忍").outcome == "empty"

    def test_only_punctuation_typed_is_wrong_not_empty(self) -> None:
        assert check("。", "零容忍").outcome == "wrong"

    def test_english_case_and_width(self) -> None:
        assert check("ＤＵＥ process", "due process").outcome == "right"
        assert check("due proces", "due process").outcome == "near"


# ---------------------------------------------------------------- diff


class TestDiff:
    def test_replaced_characters_are_wrong_then_missing(self) -> None:
        assert diff("两个维护", "两个确立") == [("same", "两个"), ("wrong", "维护"), ("missing", "确立")]

    def test_characters_left_out_are_missing(self) -> None:
        assert diff("作风建设在路上", "作风建设永远在路上") == [
            ("same", "作风建设"),
            ("missing", "永远"),
            ("same", "在路上"),
        ]

    def test_characters_added_are_extra(self) -> None:
        assert diff("零容容忍", "零容忍") == [("same", "零容"), ("extra", "容"), ("same", "忍")]

    def test_width_and_case_are_the_same(self) -> None:
        assert diff("ＡＢＣ", "abc") == [("same", "abc")]

    def test_a_lone_common_character_does_not_split_a_wrong_answer(self) -> None:
        # Without merging, 发 would show as right between two wrong blocks.
        assert diff("推动发展", "抓好发力") == [("wrong", "推动发展"), ("missing", "抓好发力")]

    def test_right_answer_is_all_same(self) -> None:
        assert diff("两个确立", "两个确立") == [("same", "两个确立")]

    def test_rows(self) -> None:
        typed, wanted = diff_rows(diff("两个维护了", "两个确立"))
        assert "".join(text for _, text in typed) == "两个维护了"
        assert "".join(text for _, text in wanted) == "两个确立"
        assert {tag for tag, _ in typed} <= {"same", "wrong", "extra"}
        assert {tag for tag, _ in wanted} <= {"same", "missing"}

    @settings(max_examples=300, deadline=None)
    @given(
        st.text(alphabet="作风建设永远在路上两个确立维护abc", max_size=12),
        st.text(alphabet="作风建设永远在路上两个确立维护abc", max_size=12),
    )
    def test_rows_rebuild_both_strings(self, answer: str, expected: str) -> None:
        segments = diff(answer, expected)
        typed, wanted = diff_rows(segments)
        assert "".join(text for _, text in typed) == answer
        assert "".join(text for _, text in wanted) == expected
        assert all(text for _, text in segments)
        assert all(a[0] != b[0] for a, b in zip(segments, segments[1:]))


# ---------------------------------------------------------------- hints and ratings


class TestHint:
    def test_each_press_reveals_one_more_letter_skipping_punctuation(self) -> None:
        assert hint("松口气、歇歇脚", 0) == "松"
        assert hint("松口气、歇歇脚", 2) == "松口气"
        assert hint("松口气、歇歇脚", 3) == "松口气、歇"

    def test_never_more_than_the_phrase(self) -> None:
        assert hint("零容忍", 3) == "零容忍"
        assert hint("零容忍", 99) == "零容忍"

    def test_leading_quote_comes_with_the_first_letter(self) -> None:
        assert hint("“零容忍”", 0) == "“零"

    def test_letters_count_no_punctuation(self) -> None:
        assert letters("松口气、歇歇脚") == 6
        assert letters("due process") == 10


class TestSuggestRating:
    @pytest.mark.parametrize(
        ("outcome", "hints", "revealed", "seconds", "length", "rating"),
        [
            ("wrong", 0, False, 2.0, 4, AGAIN),
            ("empty", 0, True, 2.0, 4, AGAIN),
            ("right", 0, True, 2.0, 4, AGAIN),
            ("right", 4, False, 2.0, 4, AGAIN),  # every letter hinted: as good as revealed
            ("near", 0, False, 1.0, 4, HARD),
            ("right", 1, False, 1.0, 4, HARD),
            ("right", 0, False, 6.0, 4, GOOD),
            ("right", 0, False, 3.0, 4, EASY),  # under 1.5 + 0.4 * 4 = 3.1 s
            ("right", 0, False, 3.2, 4, GOOD),
            ("right", 0, False, 4.0, 9, EASY),  # longer phrases get more time
        ],
    )
    def test_table(self, outcome: str, hints: int, revealed: bool, seconds: float, length: int, rating: int) -> None:
        assert suggest_rating(outcome, hints, revealed, seconds, length) == rating  # type: ignore[arg-type]


# ---------------------------------------------------------------- cards


class TestCards:
    def test_key_names_section_phrase_and_occurrence(self) -> None:
        key = card_key("一 / 二", "抓发展", 2)
        assert "一 / 二" in key and "抓发展" in key and key.endswith("2")
        assert key != card_key("一 / 二", "抓发展", 1)

    def test_section_keys_match_the_model(self) -> None:
        doc = speech()
        keys = section_keys(doc)
        assert keys == {section.id: doc.section_key(section.id) for section in doc.walk()}

    def test_cards_in_reading_order_with_occurrences(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        assert [c.phrase.text for c in cards] == [
            "十四五",
            "松口气、歇歇脚",
            "作风建设永远在路上",
            "两个确立",
            "两个维护",
            "抓发展",
            "抓发展",
        ]
        assert [c.occurrence for c in cards][-2:] == [1, 2]
        assert len({c.key for c in cards}) == len(cards)
        assert cards[1].section_id == "s1.1"

    def test_keys_survive_renumbering_a_new_section_and_an_edited_paragraph(self) -> None:
        before = speech()
        after = speech(first_label="二、", extra_section=True, edited=True)
        old = {c.phrase.text + str(c.occurrence): c.key for c in cards_for(before, speech_phrases(before))}
        new_cards = cards_for(after, speech_phrases(after))
        new = {c.phrase.text + str(c.occurrence): c.key for c in new_cards}
        assert new == old
        # The edited paragraph moved its phrases, but they are the same cards.
        moved = next(c for c in new_cards if c.phrase.text == "两个确立")
        assert moved.phrase.start != speech_phrases(before)["s1.1"][2].start

    def test_sections_sharing_a_heading_path_get_distinct_keys(self) -> None:
        doc = Document(
            "Notes",
            "text",
            [
                Section("a", "heading", 1, "##", "Notes", ["due process here"]),
                Section("b", "heading", 1, "##", "Notes", ["due process there"]),
            ],
        )
        phrases = {
            "a": [Phrase(0, 0, 11, "due process", "keyword")],
            "b": [Phrase(0, 0, 11, "due process", "keyword")],
        }
        keys = [c.key for c in cards_for(doc, phrases)]
        assert len(set(keys)) == 2


    def test_keys_by_section_own_and_with_subsections(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        own = keys_by_section(doc, cards)
        whole = keys_by_section(doc, cards, subtree=True)
        assert set(own) == set(whole) == {s.id for s in doc.walk()}
        assert own["s1"] == [] and own["c"] == []
        assert len(own["s1.1"]) == 4 and len(own["s1.2"]) == 2
        assert whole["s1"] == own["s1.1"] + own["s1.2"]
        assert whole["s1.1"] == own["s1.1"]


# ---------------------------------------------------------------- blanks


class TestBlanks:
    def test_blanks_of_a_section_and_its_children_in_reading_order(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        part = doc.find("s1")
        assert part is not None
        blanks = blanks_for(part, cards)
        assert [b.answer for b in blanks] == ["松口气、歇歇脚", "作风建设永远在路上", "两个确立", "两个维护", "抓发展", "抓发展"]
        assert [b.index for b in blanks] == list(range(6))
        assert blanks[0].number == 1
        assert "十四五" not in [b.answer for b in blanks]

    def test_overlapping_phrases_make_one_blank(self) -> None:
        doc = speech()
        s12 = doc.find("s1.2")
        assert s12 is not None
        phrases = {"s1.2": [phrase(s12.paragraphs, 0, "抓作风就是抓发展"), phrase(s12.paragraphs, 0, "就是抓发展")]}
        blanks = blanks_for(s12, cards_for(doc, phrases))
        assert [b.answer for b in blanks] == ["抓作风就是抓发展"]

    def test_blank_width_is_its_answer_in_cells(self) -> None:
        doc = speech()
        blank = blanks_for(doc.sections[0], cards_for(doc, speech_phrases(doc)))[0]
        assert blank.cells == 6  # 十四五: three wide characters

    def test_segments_rebuild_the_paragraph(self) -> None:
        doc = speech()
        s11 = doc.find("s1.1")
        assert s11 is not None
        blanks = [b for b in blanks_for(s11, cards_for(doc, speech_phrases(doc))) if b.paragraph == 0]
        segments = paragraph_segments(s11.paragraphs[0], blanks)
        assert [type(s) for s in segments] == [str, Blank, str, Blank, str]
        assert "".join(s if isinstance(s, str) else s.answer for s in segments) == s11.paragraphs[0]

    @pytest.mark.parametrize(("number", "cells", "shown"), [(1, 8, ""), (3, 8, "松口"), (12, 6, "")])
    def test_placeholder_fills_the_answer_width(self, number: int, cells: int, shown: str) -> None:
        face = placeholder(number, cells, shown)
        assert cell_len(face) == cells
        assert face.startswith(f"{number}{shown}")

    def test_placeholder_grows_rather_than_hiding_the_number(self) -> None:
        assert placeholder(12, 2) == "12_"


# ---------------------------------------------------------------- sentences

PARAGRAPH = "我们要从百年党史中汲取智慧。习近平总书记强调:“作风建设永远在路上。”坚决克服“松口气、歇歇脚”的麻痹思想!"


class TestSentence:
    def test_the_sentence_holding_the_phrase(self) -> None:
        start = PARAGRAPH.index("松口气")
        text, s, e = sentence_around(PARAGRAPH, start, start + 7)
        assert text == "坚决克服“松口气、歇歇脚”的麻痹思想!"
        assert text[s:e] == "松口气、歇歇脚"

    def test_closing_quote_stays_with_its_sentence(self) -> None:
        start = PARAGRAPH.index("作风建设")
        text, s, e = sentence_around(PARAGRAPH, start, start + 9)
        assert text == "习近平总书记强调:“作风建设永远在路上。”"
        assert text[s:e] == "作风建设永远在路上"

    def test_a_long_sentence_is_cut_to_its_clause(self) -> None:
        long = "我们必须以延安整风精神为镜鉴,站在党的作风关系人心向背的政治高度,学深悟透重要论断,始终牢记作风建设永远在路上的告诫,清醒认识作风问题的顽固性。"
        start = long.index("党的作风关系人心向背")
        text, s, e = sentence_around(long, start, start + 10, max_chars=30)
        assert text == "站在党的作风关系人心向背的政治高度,"
        assert text[s:e] == "党的作风关系人心向背"

    def test_a_long_clause_is_windowed_with_ellipses(self) -> None:
        clause = "甲" * 50 + "两个确立" + "乙" * 50 + "。"
        start = clause.index("两个确立")
        text, s, e = sentence_around(clause, start, start + 4, max_chars=20)
        assert text[s:e] == "两个确立"
        assert text.startswith("…") and text.endswith("…")
        assert len(text) == 22

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="作风建设,。!“”、 ab.", min_size=1, max_size=120), st.data())
    def test_the_phrase_is_always_where_it_says(self, paragraph: str, data: st.DataObject) -> None:
        start = data.draw(st.integers(0, len(paragraph) - 1))
        end = data.draw(st.integers(start + 1, min(len(paragraph), start + 15)))
        text, s, e = sentence_around(paragraph, start, end, max_chars=30)
        assert text[s:e] == paragraph[start:end]
        assert len(text) <= 30 + 2

    def test_english_sentences_end_at_a_full_stop_before_a_space(self) -> None:
        text = "Version 2.5 is out. We the People of the United States ordain this. Done."
        start = text.index("People")
        sentence, s, e = sentence_around(text, start, start + 6)
        assert sentence == "We the People of the United States ordain this."
        assert sentence[s:e] == "People"

    def test_the_sentence_of_a_review_card(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        card = next(c for c in cards if c.phrase.text == "两个维护")
        text, s, e = sentence_for(doc, card)
        assert text == "捍卫“两个确立”,做到“两个维护”。"
        assert text[s:e] == "两个维护"

    def test_bounds_and_groups(self) -> None:
        first = PARAGRAPH.index("百年")
        second = PARAGRAPH.index("松口气")
        assert sentence_bounds(PARAGRAPH, first, first + 2)[0] == 0
        doc = Document("t", "text", [Section("a", "heading", 1, "一、", "甲", [PARAGRAPH])])
        phrases = {
            "a": [
                Phrase(0, first, first + 2, "百年", "keyword"),
                Phrase(0, first + 2, first + 4, "党史", "keyword"),
                Phrase(0, second, second + 3, "松口气", "keyword"),
            ]
        }
        group = sentence_group(doc)
        cards = cards_for(doc, phrases)
        assert group(cards[0]) == group(cards[1])
        assert group(cards[0]) != group(cards[2])


# ---------------------------------------------------------------- sessions


def session_blanks() -> list[Blank]:
    doc = speech()
    part = doc.find("s1")
    assert part is not None
    return blanks_for(part, cards_for(doc, speech_phrases(doc)))


class TestQuizSession:
    def test_a_quiz_from_start_to_summary(self) -> None:
        quiz = QuizSession(session_blanks(), now=100.0)
        assert quiz.active == 0 and quiz.active_state is not None and quiz.active_state.status == "pending"

        verdict = quiz.answer("松口气,歇歇脚", now=102.0)  # 2 s for six letters: quick
        assert verdict is not None and verdict.outcome == "right"
        assert quiz.states[0].rating == EASY and quiz.states[0].seconds == pytest.approx(2.0)
        assert quiz.answer("again", now=103.0) is None  # graded blanks stay graded
        assert quiz.next_pending(now=103.0) and quiz.active == 1

        assert quiz.hint() == "作"
        assert quiz.hint() == "作风"
        assert quiz.shown(1) == "作风"
        assert quiz.answer("作风建设永远在路上", now=110.0).outcome == "right"  # type: ignore[union-attr]
        assert quiz.states[1].hints == 2 and quiz.states[1].rating == HARD

        quiz.next_pending(now=110.0)
        assert quiz.answer("两个确定", now=115.0).outcome == "near"  # type: ignore[union-attr]
        assert quiz.states[2].rating == HARD
        quiz.next_pending(now=115.0)
        assert quiz.answer("两个拥护啊", now=120.0).outcome == "wrong"  # type: ignore[union-attr]
        assert quiz.states[3].rating == AGAIN and quiz.states[3].typed == "两个拥护啊"
        quiz.rate(GOOD)
        assert quiz.states[3].rating == GOOD
        quiz.next_pending(now=120.0)
        assert quiz.answer("", now=121.0).outcome == "empty"  # type: ignore[union-attr]
        assert quiz.states[4].status == "revealed" and quiz.states[4].rating == AGAIN
        assert quiz.states[4].outcome == "empty"
        quiz.next_pending(now=121.0)
        assert quiz.states[5].outcome == "pending"
        quiz.reveal(now=125.0)
        assert quiz.states[5].status == quiz.states[5].outcome == "revealed"
        assert quiz.states[2].outcome == "near"
        assert quiz.done
        assert not quiz.next_pending(now=125.0)

        summary = quiz.summary(now=130.0)
        assert (summary.right, summary.near, summary.wrong, summary.revealed, summary.pending) == (2, 1, 1, 2, 0)
        assert summary.total == 6
        assert summary.seconds == pytest.approx(30.0)
        assert [b.answer for b in summary.missed] == ["两个维护", "抓发展", "抓发展"]

    def test_time_counts_only_while_a_blank_is_active(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.next(now=5.0)  # 5 s on blank 0
        quiz.prev(now=6.0)  # 1 s on blank 1
        quiz.answer("松口气、歇歇脚", now=8.0)  # 2 more s on blank 0
        assert quiz.states[0].seconds == pytest.approx(7.0)
        assert quiz.states[1].seconds == pytest.approx(1.0)
        assert quiz.states[0].rating == GOOD  # 7 s is not quick for six letters

    def test_tab_wraps_round(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.prev(now=0.0)
        assert quiz.active == len(quiz.blanks) - 1
        quiz.next(now=0.0)
        assert quiz.active == 0

    def test_next_pending_skips_graded_blanks(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.go(1, now=0.0)
        quiz.reveal(now=1.0)
        quiz.go(0, now=1.0)
        assert quiz.next_pending(now=1.0)
        assert quiz.active == 2

    def test_hints_stop_at_the_whole_answer(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        for _ in range(10):
            shown = quiz.hint()
        assert shown == "松口气、歇歇脚"
        assert quiz.states[0].hints == 6

    def test_rating_must_be_one_to_four(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.reveal(now=0.0)
        with pytest.raises(ValueError):
            quiz.rate(5)

    def test_segments_by_paragraph(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        doc = speech()
        s12 = doc.find("s1.2")
        assert s12 is not None
        segments = quiz.segments("s1.2", 0, s12.paragraphs[0])
        assert [s.index for s in segments if isinstance(s, Blank)] == [4, 5]

    def test_an_empty_quiz(self) -> None:
        quiz = QuizSession([], now=0.0)
        assert quiz.active_blank is None
        assert quiz.answer("x", now=1.0) is None
        assert quiz.hint() is None
        assert quiz.done
        assert quiz.summary(now=1.0).total == 0
