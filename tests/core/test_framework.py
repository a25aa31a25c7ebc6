"""Tests of tui/core/framework.py: heading cards, their answers and keys, clauses, questions and their points."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import identity
from tui.core.framework import (
    HEADING,
    POINT,
    asks,
    clauses,
    frame,
    frame_places,
    in_reading_order,
    is_frame_card,
    point_answer,
    review_group,
    split_typed,
)
from tui.core.loader import load
from tui.core.outline import parse
from tui.core.phrases import extract
from tui.core.progress import document_stats
from tui.core.queues import review_queue
from tui.core.quiz import cards_for, check
from tui.core.store import Store
from tui.core.workbook import Workbook

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"


@pytest.fixture(scope="module")
def speech():
    return parse(load(SPEECH), SPEECH.name)


def answers(text: str, name: str = "notes.txt") -> list[tuple[str, str, list[str]]]:
    """Each line of a text's framework: its kind, its label and the answers of its cards."""
    return [(line.kind, line.label, [card.phrase.text for card in line.cards]) for line in frame(parse(text, name)).lines]


class TestTheBundledSpeech:
    def test_four_top_level_and_eight_second_level_heading_cards(self, speech) -> None:
        cards = frame(speech).cards
        levels = [speech.find(card.section_id).level for card in cards]  # one card a heading: none is split
        assert (levels.count(1), levels.count(2), len(cards)) == (4, 8, 12)
        assert all(card.phrase.kind == HEADING and is_frame_card(card) for card in cards)

    def test_answers_are_the_headings_without_their_labels(self, speech) -> None:
        lines = frame(speech).lines
        assert (lines[0].label, lines[0].cards[0].phrase.text) == ("一、", "提高政治站位,深化思想认识")
        assert (lines[1].label, lines[1].cards[0].phrase.text) == ("(一)", "把握核心要义,校准政治方向")
        assert [line.label for line in lines[::3]] == ["一、", "二、", "三、", "四、"]

    def test_the_heading_typed_without_its_comma_is_right(self, speech) -> None:
        card = frame(speech).cards[0]
        assert check("提高政治站位深化思想认识", card.phrase.text).outcome == "right"
        assert check("提高政治站位，深化思想认识", card.phrase.text).outcome == "right"
        assert check("提高政治站位深化思想认知", card.phrase.text).outcome == "near"
        assert check("提高政治站位", card.phrase.text).outcome == "wrong"

    def test_keys_are_stable_and_never_a_phrase_cards(self, speech) -> None:
        cards = frame(speech).cards
        assert cards[0].key == "提高政治站位,深化思想认识 :: § #1"
        assert [card.key for card in frame(parse(load(SPEECH), SPEECH.name)).cards] == [card.key for card in cards]
        phrase_keys = {card.key for card in cards_for(speech, extract(speech))}
        assert len({card.key for card in cards}) == 12 and not phrase_keys & {card.key for card in cards}


class TestAnswers:
    def test_label_and_final_punctuation_left_out(self) -> None:
        text = "一、加强学习。\n正文。\n（一）第一条线：\n正文。\n第三章 总 则\n正文。\n"
        assert answers(text) == [
            ("heading", "一、", ["加强学习"]), ("heading", "（一）", ["第一条线"]), ("heading", "第三章 ", ["总 则"])
        ]

    def test_a_markdown_heading_without_a_number_is_a_blank_alone(self) -> None:
        text = "# Notes\n\n## Checks and **balances**\n\nText.\n\n## Article. I.\n\n### Section. 1.\n\nText.\n"
        assert answers(text, "notes.md") == [("heading", "", ["Checks and balances"])]  # a number alone asks nothing

    def test_a_label_alone_shows_only_above_headings_to_recall(self) -> None:
        text = "第一编 \n第一章 总则\n第一条 为了保护权益，制定本法。\n第二编\n第二条 本法所称……\n"
        assert answers(text) == [("heading", "第一编", []), ("heading", "第一章 ", ["总则"])]


class TestClauses:
    def test_a_long_heading_of_two_clauses_is_asked_clause_by_clause(self) -> None:
        assert clauses("加快建设智慧图书馆，着力提升读者满意度") == ["加快建设智慧图书馆", "，", "着力提升读者满意度"]
        assert clauses("坚持问题导向；精准靶向施策 , 确保工作落实") == [
            "坚持问题导向", "；", "精准靶向施策", " , ", "确保工作落实"
        ]

    def test_twelve_letters_or_a_short_clause_stay_whole(self) -> None:
        assert clauses("提高政治站位,深化思想认识") == ["提高政治站位,深化思想认识"]  # 12 letters
        assert clauses("坚持和完善一国两制战略，统一") == ["坚持和完善一国两制战略，统一"]  # a clause of 2
        assert clauses("建设高水平现代城市公共服务体系") == ["建设高水平现代城市公共服务体系"]  # one clause

    def test_each_clause_is_a_card_with_the_mark_between(self) -> None:
        text = "四、加快建设智慧图书馆，着力提升读者满意度\n正文。\n"
        [line] = frame(parse(text, "report.txt")).lines
        first, mark, second = line.parts
        assert mark == "，" and [first.key, second.key] == [  # type: ignore[union-attr]
            "加快建设智慧图书馆，着力提升读者满意度 :: § #1", "加快建设智慧图书馆，着力提升读者满意度 :: § #2"
        ]
        assert frame(parse(text, "report.txt")).others(first) == ("着力提升读者满意度",)  # type: ignore[arg-type]


class TestAWholeHeadingTyped:
    def test_is_cut_where_each_clause_ends(self) -> None:
        clauses_ = ["加快建设智慧图书馆", "着力提升读者满意度"]
        assert split_typed("加快建设智慧图书馆着力提升读者满意度", clauses_) == clauses_
        assert split_typed("加快建设智慧图书馆, 着力提升读者满意度。", clauses_) == [
            "加快建设智慧图书馆", ", 着力提升读者满意度。"
        ]
        assert split_typed("Ambition checks, ambition", ["ambition checks", "Ambition"]) == ["Ambition checks", ", ambition"]

    def test_in_pinyin_or_initials_is_cut_by_which_letters_stand_for_which_characters(self) -> None:
        clauses_ = ["发展全过程人民民主", "保障人民当家作主"]
        assert split_typed("fazhan quanguocheng renminminzhu baozhang renmin dangjiazuozhu", clauses_) == [
            "fazhan quanguocheng renminminzhu", " baozhang renmin dangjiazuozhu"
        ]
        assert split_typed("fzqgcrmmzbzrmdjzz", clauses_) == ["fzqgcrmmz", "bzrmdjzz"]
        assert split_typed("Fā zhǎn quan guo cheng 人民 min zhu, bao zhang ren min dang jia zuo4 zhu。", clauses_) == [
            "Fā zhǎn quan guo cheng 人民 min zhu", ", bao zhang ren min dang jia zuo4 zhu。"
        ]
        assert split_typed("yi er san si wu", ["一二", "三", "四五"]) == ["yi er", " san", " si wu"]
        for piece, clause in zip(split_typed("fazhanquanguochengrenminminzhubaozhangrenmindangjiazuozhu", clauses_) or [], clauses_):
            assert check(piece, clause).outcome == "right"

    def test_anything_else_is_not_cut(self) -> None:
        clauses_ = ["加快建设智慧图书馆", "着力提升读者满意度"]
        assert split_typed("加快建设智慧图书馆", clauses_) is None  # the first clause alone: graded as it is
        assert split_typed("加快建设智慧图书馆着力提升读者满意", clauses_) is None
        assert split_typed("加快建设智慧图书馆", clauses_[:1]) is None
        pinyin_ = ["发展全过程人民民主", "保障人民当家作主"]
        assert split_typed("fazhan quanguocheng renminminzhu", pinyin_) is None
        assert split_typed("fazhan quanguocheng renminminzhu baozhang renmin dangjia", pinyin_) is None
        assert split_typed("fazhan quanguocheng renminminzhu baozhang renmin dangjia zuoke", pinyin_) is None


NOTES = """作风建设学习笔记

一、为什么说作风建设永远在路上？
1】作风问题具有反复性和顽固性
2】党面临的考验具有长期性和复杂性。这是后面的解释，不用背。
3】人民群众的期待不断提高
二、作风建设的主要内容
（1）密切联系群众；（2）坚持实事求是；（3）发扬艰苦奋斗
三、如何推进作风建设
（一）抓常抓细抓长
（二）健全制度机制
四、作风建设的基本要求
（一）从严从实
（二）久久为功
五、作风问题有哪些表现
有的干部作风漂浮，说得多做得少。
"""


class TestQuestionsAndPoints:
    def test_questions_by_rule(self) -> None:
        assert asks("为什么说作风建设永远在路上？") == "question"
        assert asks("如何推进作风建设") == asks("作风问题有哪些表现") == asks("Why does it matter?") == "question"
        assert asks("What the Constitution says") == "question"
        assert asks("作风建设的主要内容") == asks("新发展理念的重大意义") == asks("基本要求的内涵") == "asks_for"
        assert asks("提高政治站位,深化思想认识") is None
        assert asks("新学期新起点市图书馆的使命任务") is None
        assert asks("Whatever") is None

    def test_the_question_shows_and_each_point_is_a_card(self) -> None:
        lines = answers(NOTES)
        assert lines[:4] == [
            ("question", "一、", []),
            ("point", "1】", ["作风问题具有反复性和顽固性"]),
            ("point", "2】", ["党面临的考验具有长期性和复杂性"]),  # its first sentence
            ("point", "3】", ["人民群众的期待不断提高"]),
        ]

    def test_points_on_one_line_and_in_a_run_on_heading(self) -> None:
        # The outline reads （1）密切联系群众 as a subsection, and （2）（3） as its text.
        assert answers(NOTES)[4:8] == [
            ("question", "二、", []),
            ("point", "（1）", ["密切联系群众"]),
            ("point", "（2）", ["坚持实事求是"]),
            ("point", "（3）", ["发扬艰苦奋斗"]),
        ]

    def test_a_question_answered_by_its_subsections(self) -> None:
        assert answers(NOTES)[8:11] == [
            ("question", "三、", []), ("point", "（一）", ["抓常抓细抓长"]), ("point", "（二）", ["健全制度机制"])
        ]

    def test_what_it_asks_for_takes_numbered_points_only(self) -> None:
        # 的基本要求 with （一）（二） under it: a heading and its subsections, not a question.
        assert answers(NOTES)[11:13] == [("heading", "四、", ["作风建设的基本要求"]), ("heading", "（一）", ["从严从实"])]

    def test_a_question_without_points_is_a_heading_card(self) -> None:
        assert answers(NOTES)[-1] == ("heading", "五、", ["作风问题有哪些表现"])

    def test_point_keys_and_the_other_points(self) -> None:
        found = frame(parse(NOTES, "notes.txt"))
        first = found.lines[1].cards[0]
        assert (first.key, first.phrase.kind, first.section_id) == ("为什么说作风建设永远在路上？ :: ¶ #1", POINT, "1")
        assert found.others(first) == ("党面临的考验具有长期性和复杂性", "人民群众的期待不断提高")
        assert [line.kind for line in found.place(first)] == ["question", "point"]

    def test_english_notes_with_a_numbered_list(self) -> None:
        text = (
            "# Civics\n\n## Why separate the powers?\n\n1. Ambition checks ambition. Madison.\n"
            "2. No branch holds every power\n\n## Bulleted: what is federalism?\n\n- Shared sovereignty\n- Two levels\n"
        )
        assert answers(text, "civics.md") == [
            ("question", "", []),
            ("point", "1.", ["Ambition checks ambition"]),
            ("point", "2.", ["No branch holds every power"]),
            ("question", "", []),
            ("point", "-", ["Shared sovereignty"]),
            ("point", "-", ["Two levels"]),
        ]

    def test_a_long_point_is_cut_to_its_first_clause(self) -> None:
        assert point_answer("坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，不断前进") == (
            "坚持以人民为中心的发展思想"
        )
        assert point_answer("密切联系群众：这是党的优良传统") == "密切联系群众"


class TestKeysFollowTheText:
    def test_a_renamed_heading_takes_its_card_along(self) -> None:
        before = frame(parse("一、提高政治站位,深化思想认识\n正文。\n", "a.txt")).cards[0]
        after = frame(parse("一、提高政治站位，深化思想认知\n正文。\n", "a.txt")).cards[0]
        renamed = identity.rekey(before.key, "提高政治站位,深化思想认识", "提高政治站位，深化思想认知")
        assert renamed == after.key

    def test_matching_cards_never_gives_a_heading_card_to_a_phrase(self, speech) -> None:
        keys = speech.section_keys()
        phrases = cards_for(speech, extract(speech))
        heading = frame(speech).cards[1]
        lost = heading.key.replace("#1", "#3")  # a clause card of a heading now asked whole
        stored = {lost: keys[heading.section_id]}
        assert identity.match_cards(stored, identity.card_places(speech, phrases)) == {}
        places = identity.card_places(speech, phrases) + frame_places(speech, frame(speech).cards)
        assert identity.match_cards(stored, places) == {lost: heading.key}
        # A phrase card lost in a section whose heading has its words finds no heading card.
        phrase_lost = {f"{keys[heading.section_id]} :: {heading.phrase.text} #1": keys[heading.section_id]}
        assert identity.match_cards(phrase_lost, places) == {}


class TestInAReview:
    def test_heading_cards_come_before_their_sections_phrases(self, speech) -> None:
        phrases = cards_for(speech, extract(speech))
        ordered = in_reading_order(speech, phrases + frame(speech).cards)
        kinds = [(card.section_id, is_frame_card(card)) for card in ordered]
        assert kinds.index(("2", True)) < kinds.index(("2.1", True)) < kinds.index(("2.1", False))
        assert ordered[0] == phrases[0]  # the opening has no heading

    def test_a_heading_cards_group_is_its_section(self, speech) -> None:
        group = review_group(speech)
        assert group(frame(speech).cards[0]) == ("2", HEADING)

    def test_the_workbook_reviews_them_and_never_calls_them_orphans(self, data_dir: Path) -> None:
        store = Store.open(data_dir)
        try:
            book = Workbook(SPEECH, load(SPEECH), store, new_per_day=100)
            book.open()
            book.use_phrases(book.find_phrases())
            queue = review_queue(book)
            assert {card.key for card in book.heading_cards} <= {card.key for card in queue}
            from tui.core.session import BlankState

            book.record(book.heading_cards[0], BlankState(status="right", typed="提高政治站位深化思想认识", rating=3))
            assert book.heading_cards[0].key not in {card.key for card in review_queue(book)}
            assert document_stats(book).orphaned == []
        finally:
            store.close()
