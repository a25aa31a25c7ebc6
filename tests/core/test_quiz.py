"""Tests for tui/core/quiz.py: normalising, checking, diffs, hints, ratings, card keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Document, Phrase, Section
from tui.core.quiz import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    card_key,
    cards_for,
    check,
    diff,
    diff_rows,
    has_cards,
    hint,
    keys_by_section,
    letters,
    letters_right,
    next_section_with_cards,
    normalize,
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

    def test_right_for_another_phrase_of_the_context_is_elsewhere(self) -> None:
        others = ["敢于担当、勇于作为", "真抓实干、务求实效"]
        verdict = check("敢于担当，勇于作为", "守住底线、不越红线", others)
        assert verdict.outcome == "elsewhere" and not verdict.correct
        assert check("守住底线、不越红线", "守住底线、不越红线", others).outcome == "right"
        assert check("守住底线、不越红", "守住底线、不越红线", others).outcome == "near"
        assert check("敢于担当", "守住底线、不越红线", others).outcome == "wrong"  # part of one is not it


class TestMeaningChanged:
    """One character off is near only when that character does not change what the answer says."""

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("3300万吨钢材", "3200万吨钢材"),
            ("67万户家庭", "68万户家庭"),
            ("提高１６个百分点", "提高１５个百分点"),  # full-width digits
            ("增长百分之八", "增长百分之七"),
            ("三千公里铁路", "两千公里铁路"),
            ("十三个试点省份", "十二个试点省份"),
            ("一千二百亿元", "一千二百万元"),
            ("1500公顷林地", "150公顷林地"),  # a digit too many
            ("第三批队员", "第三十批队员"),  # a numeral left out
            ("chapter 12", "chapter 13"),
        ],
    )
    def test_a_different_figure_is_wrong(self, typed: str, expected: str) -> None:
        verdict = check(typed, expected)
        assert verdict.outcome == "wrong"
        assert not verdict.correct

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("5%以下", "5%以上"),
            ("向后推进工作", "向前推进工作"),
            ("外部循环畅通", "内部循环畅通"),
            ("小幅提高待遇", "大幅提高待遇"),
            ("物价下涨明显", "物价上涨明显"),
            ("关门办公制度", "开门办公制度"),
            ("人员减少明显", "人员增少明显"),
        ],
    )
    def test_an_opposite_is_wrong_either_way(self, typed: str, expected: str) -> None:
        assert check(typed, expected).outcome == "wrong"
        assert check(expected, typed).outcome == "wrong"

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("断深化改革", "不断深化改革"),
            ("从放松警惕", "从未放松警惕"),
            ("切掉以轻心", "切勿掉以轻心"),
            ("绝一日之功", "绝非一日之功"),
            ("有发现问题", "没有发现问题"),
            ("毫保留意见", "毫无保留意见"),
        ],
    )
    def test_a_negation_added_or_left_out_is_wrong(self, typed: str, expected: str) -> None:
        assert check(typed, expected).outcome == "wrong"
        assert check(expected, typed).outcome == "wrong"

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("作风建没", "作风建设"),
            ("3200万吨钢才", "3200万吨钢材"),
            ("5%已上", "5%以上"),
            ("向前推尽工作", "向前推进工作"),
            ("不断深化改格", "不断深化改革"),
            ("67万户家廷", "67万户家庭"),
            ("73万入口", "73万人口"),  # 入 is not the opposite of 人
            ("chaptr 13", "chapter 13"),
            # A numeral for a character that sounds like it, or the other way: the input
            # method's slip, not another figure.
            ("坚持一人为本", "坚持以人为本"),
            ("统以战线", "统一战线"),
            ("十事求是", "实事求是"),
            ("吾年行动计划", "五年行动计划"),
        ],
    )
    def test_a_slip_elsewhere_is_still_near(self, typed: str, expected: str) -> None:
        verdict = check(typed, expected)
        assert verdict.outcome == "near"
        assert verdict.correct


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

    @pytest.mark.parametrize(
        ("typed", "right"),
        [("", 0), ("松口", 2), ("松口气，歇", 4), ("松口气歇歇脚", 6), ("松开", 1), ("口气", 0), ("ＤＵＥ p", 4)],
    )
    def test_letters_right_from_the_start(self, typed: str, right: int) -> None:
        expected = "due process" if typed.startswith("Ｄ") else "松口气、歇歇脚"
        assert letters_right(typed, expected) == right


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

    def test_a_pasted_answer_is_at_most_good(self) -> None:
        assert suggest_rating("right", 0, False, 0.5, 4, pasted=True) == GOOD
        assert suggest_rating("right", 1, False, 0.5, 4, pasted=True) == HARD
        assert suggest_rating("wrong", 0, False, 0.5, 4, pasted=True) == AGAIN


# ---------------------------------------------------------------- cards


class TestCards:
    def test_key_names_section_phrase_and_occurrence(self) -> None:
        key = card_key("一 / 二", "抓发展", 2)
        assert "一 / 二" in key and "抓发展" in key and key.endswith("2")
        assert key != card_key("一 / 二", "抓发展", 1)

    def test_section_keys_match_the_model(self) -> None:
        doc = speech()
        keys = doc.section_keys()
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


class TestSectionsToQuiz:
    def test_a_section_has_cards_through_its_subsections(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        assert not [c for c in cards if c.section_id == "s1"]  # 一、 has no text of its own
        assert has_cards(doc, cards, "s1") and has_cards(doc, cards, "s1.1")
        assert not has_cards(doc, [c for c in cards if c.section_id != "s1.1"], "s1.1")
        assert not has_cards(doc, cards, "c") and not has_cards(doc, cards, "no such section")

    def test_the_next_section_with_cards_skips_the_subtree_quizzed(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        assert next_section_with_cards(doc, cards) == "p"
        assert next_section_with_cards(doc, cards, "p") == "s1.1"
        assert next_section_with_cards(doc, cards, "s1.1") == "s1.2"
        assert next_section_with_cards(doc, cards, "s1") is None  # past s1.1 and s1.2: the closing has none
        assert next_section_with_cards(doc, [c for c in cards if c.section_id != "s1.1"], "p") == "s1.2"
