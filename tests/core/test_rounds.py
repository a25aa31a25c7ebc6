"""Tests for tui/core/rounds.py: a section's blanks in rounds of at most twelve, ending at paragraph ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.model import Card, Document, Phrase, Section
from tui.core.quiz import cards_for
from tui.core.rounds import ROUND_SIZE, rounds, session_of, shown
from tui.core.session import Blank, blanks_for

CORPUS_REPORT = Path("/work/shared/corpus/zh_report_20th_party_congress_2022.txt")
SYLLABLES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def section_with(counts: list[int], blank_less: tuple[int, ...] = ()) -> tuple[Section, list[Blank]]:
    """One section whose paragraphs hold `counts` blanks each (a paragraph of none where `blank_less` says)."""
    paragraphs: list[str] = []
    phrases: list[Phrase] = []
    made = 0
    for number, count in enumerate(counts):
        text = "开头。" if number in blank_less else ""
        for _ in range(count):
            base = len(SYLLABLES)
            word = SYLLABLES[made % base] + SYLLABLES[made // base % base] + SYLLABLES[made // base // base]
            start = len(text) + 1
            text += f"“{word}”，"
            phrases.append(Phrase(number, start, start + len(word), word, "quote"))
            made += 1
        paragraphs.append(text + "结尾。")
    section = Section("s", "heading", 1, "一、", "一节", paragraphs)
    doc = Document("报告", "text", [section])
    return section, blanks_for(section, cards_for(doc, {"s": phrases}))


def paragraph_of(blank: Blank) -> tuple[str, int]:
    return (blank.section_id, blank.paragraph)


# Paragraphs of one long section: 109 blanks, one paragraph of 14 (more than a round) and one of 25.
COUNTS = [3, 5, 2, 7, 1, 14, 4, 4, 4, 9, 2, 6, 25, 3, 8, 1, 11]


class TestRounds:
    def test_a_section_of_109_blanks_in_rounds_of_at_most_twelve_ending_at_paragraph_ends(self) -> None:
        assert sum(COUNTS) == 109
        _, blanks = section_with(COUNTS)
        planned = rounds(blanks)
        assert [b for part in planned for b in part] == blanks  # all of them, in reading order, once
        assert all(1 <= len(part) <= ROUND_SIZE for part in planned)
        assert [len(part) for part in planned] == [10, 8, 12, 10, 4, 11, 6, 12, 12, 12, 12]
        for part, following in zip(planned, planned[1:]):
            cut = paragraph_of(part[-1]) == paragraph_of(following[0])
            # A round ends at a paragraph's end, unless that paragraph alone outgrows a round.
            assert not cut or len(part) == ROUND_SIZE and {paragraph_of(b) for b in part} == {paragraph_of(part[-1])}
            if not cut:
                # ... and the next paragraph would not have fitted.
                following_paragraph = [b for b in following if paragraph_of(b) == paragraph_of(following[0])]
                assert len(part) + len(following_paragraph) > ROUND_SIZE

    def test_few_blanks_make_one_round(self) -> None:
        _, blanks = section_with([3, 4, 5])
        assert rounds(blanks) == [blanks]
        assert rounds([]) == []

    def test_a_long_paragraph_is_cut_at_twelve_and_its_rest_begins_the_next_round(self) -> None:
        _, blanks = section_with([2, 30, 3])
        assert [len(part) for part in rounds(blanks)] == [2, 12, 12, 9]

    def test_another_size(self) -> None:
        _, blanks = section_with([2, 2, 2])
        assert [len(part) for part in rounds(blanks, size=4)] == [4, 2]
        with pytest.raises(ValueError):
            rounds(blanks, size=0)

    @pytest.mark.skipif(not CORPUS_REPORT.exists(), reason="the shared corpus is not here")
    def test_the_longest_section_of_a_long_report(self) -> None:
        from tui.core.loader import load
        from tui.core.outline import parse
        from tui.core.phrases import extract

        doc = parse(load(CORPUS_REPORT), CORPUS_REPORT.name)
        cards = cards_for(doc, extract(doc))
        section = max(doc.sections, key=lambda s: len(blanks_for(s, cards)))
        blanks = blanks_for(section, cards)
        assert len(blanks) > 100
        planned = rounds(blanks)
        assert len(planned) >= len(blanks) / ROUND_SIZE
        assert all(len(part) <= ROUND_SIZE for part in planned)
        assert [b for part in planned for b in part] == blanks
        # Every paragraph shown once or, when cut, in each round of its parts.
        seen = [(s.section.id, p) for number in range(len(planned)) for s in shown(section, planned, number)
                for p in s.paragraphs]
        assert set(seen) == {(s.id, p) for s in section.walk() for p in range(len(s.paragraphs))}


class TestShown:
    def test_one_round_shows_the_whole_section(self) -> None:
        section, blanks = section_with([1, 0, 2], blank_less=(1,))
        [only] = shown(section, rounds(blanks), 0)
        assert (only.heading, only.paragraphs) == (True, [0, 1, 2])

    def test_rounds_share_out_the_paragraphs_at_their_ends(self) -> None:
        section, blanks = section_with([7, 0, 6, 4, 0, 0], blank_less=(1, 4, 5))
        planned = rounds(blanks)
        assert [len(part) for part in planned] == [7, 10]
        first, second = (shown(section, planned, n) for n in range(2))
        assert [(s.heading, s.paragraphs) for s in first] == [(True, [0])]
        # The paragraph without blanks after the first round's end goes with the next; the
        # last round runs to the section's end, under the heading of the section it is in.
        assert [(s.heading, s.paragraphs) for s in second] == [(True, [1, 2, 3, 4, 5])]

    def test_a_cut_paragraph_shows_in_each_of_its_rounds(self) -> None:
        section, blanks = section_with([2, 20])
        planned = rounds(blanks)
        assert [len(part) for part in planned] == [2, 12, 8]
        assert [shown(section, planned, n)[0].paragraphs for n in range(3)] == [[0], [1], [1]]

    def test_the_heading_of_the_subsection_a_round_starts_in(self) -> None:
        child = Section("s.1", "heading", 2, "（一）", "小节", ["“甲乙”和“丙丁”。", "“戊己”。"])
        parent = Section("s", "heading", 1, "一、", "一节", ["“子丑”。" * 1], [child])
        doc = Document("报告", "text", [parent])
        phrases = {
            "s": [Phrase(0, 1, 3, "子丑", "quote")],
            "s.1": [Phrase(0, 1, 3, "甲乙", "quote"), Phrase(0, 6, 8, "丙丁", "quote"), Phrase(1, 1, 3, "戊己", "quote")],
        }
        blanks = blanks_for(parent, cards_for(doc, phrases))
        planned = rounds(blanks, size=2)
        assert [[b.answer for b in part] for part in planned] == [["子丑"], ["甲乙", "丙丁"], ["戊己"]]
        views = [[(s.section.id, s.heading, s.paragraphs) for s in shown(parent, planned, n)] for n in range(3)]
        assert views == [[("s", True, [0])], [("s.1", True, [0])], [("s.1", True, [1])]]


class TestSessions:
    def test_a_round_is_numbered_from_one_and_knows_the_rest_of_its_paragraph(self) -> None:
        _, blanks = section_with([20])
        planned = rounds(blanks)
        session = session_of(planned[1], blanks)
        assert [b.number for b in session.blanks] == list(range(1, 9))
        assert [b.card for b in session.blanks] == [b.card for b in planned[1]]
        # An answer of the first round's part of the paragraph is right, but not the one asked.
        verdict = session.answer(blanks[0].answer)
        assert verdict is not None and verdict.outcome == "elsewhere"

    def test_the_missed_ones_again(self) -> None:
        _, blanks = section_with([5])
        session = session_of([blanks[1], blanks[3]], blanks)
        assert [(b.number, b.answer) for b in session.blanks] == [(1, blanks[1].answer), (2, blanks[3].answer)]
        assert isinstance(session.blanks[0].card, Card)
