"""BlankLayout: rows of text and blanks laid out at a width, a blank as wide as its answer, hints laid out again."""

from __future__ import annotations

from tui.core.blank_layout import BlankLayout, Row, hinted_letters
from tui.core.blank_lines import blank_slot
from tui.core.model import Document, Phrase, Section
from tui.core.quiz import cards_for
from tui.core.session import QuizSession, blanks_for
from tui.core.wrap import cell_width

TEXT = "作风建设既是政治任务,更是推动高质量发展的牛鼻子。今天的研讨,既是理论武装的再深化,也是作风建设的再动员。"
ANSWERS = ["政治任务", "牛鼻子", "理论武装的再深化"]


def quiz(text: str = TEXT, answers: list[str] = ANSWERS) -> tuple[Section, QuizSession]:
    phrases = [Phrase(0, text.find(answer), text.find(answer) + len(answer), answer, "quote") for answer in answers]
    section = Section("1", "heading", 1, "一、", "作风建设", [text])
    doc = Document("t", "text", [section])
    return section, QuizSession(blanks_for(section, cards_for(doc, {"1": phrases})), now=0.0)


def rows_of(section: Section, session: QuizSession) -> list[Row]:
    return [Row("heading", [section.heading]), Row("paragraph", session.segments("1", 0, section.paragraphs[0]))]


def lines_of(layout: BlankLayout) -> list[str]:
    """Every line as the line breaker reads it ("" between rows)."""
    lines = []
    for y in range(layout.line_count):
        found = layout.line(y)
        lines.append("" if found is None else "".join(text for _piece, text in found[0].drawn(found[1], lambda p: p.text)))
    return lines


class TestLayout:
    def test_rows_are_laid_out_with_an_empty_line_between_them(self) -> None:
        section, session = quiz()
        layout = BlankLayout(rows_of(section, session), session, 30)
        lines = lines_of(layout)
        assert lines[0] == "作风建设" and lines[1] == ""
        assert layout.first_lines == [0, 2]
        assert layout.line_count == len(lines) > 3
        assert all(cell_width(line) <= 30 for line in lines)
        assert layout.line(1) is None and layout.line(-1) is None and layout.line(layout.line_count) is None

    def test_a_blank_is_laid_out_as_wide_as_its_answer_and_found_by_its_line(self) -> None:
        section, session = quiz()
        layout = BlankLayout(rows_of(section, session), session, 30)
        for blank in session.blanks:
            row, piece = layout.where[blank.index]
            assert row == 1
            assert cell_width(layout.laid[row].pieces[piece].text) == cell_width(blank.answer)
            line = layout.line_of_blank(blank.index)
            assert line is not None
            found = layout.line(line)
            assert found is not None and any(p.blank is blank for p, _text in found[0].drawn(found[1], lambda p: p.text))
        assert layout.line_of_blank(99) is None

    def test_markdown_markers_are_hidden_and_their_styles_kept(self) -> None:
        section, session = quiz("要**抓住**牛鼻子,不放松。", ["牛鼻子"])
        layout = BlankLayout(rows_of(section, session), session, 40, markdown=True)
        pieces = layout.laid[1].pieces
        assert "".join(piece.text for piece in pieces if piece.blank is None) == "要抓住,不放松。"
        assert [piece.style for piece in pieces if piece.text == "抓住"] == ["bold"]
        plain = BlankLayout(rows_of(section, session), session, 40)
        assert "**" in "".join(piece.text for piece in plain.laid[1].pieces)


class TestHints:
    def test_a_hint_lays_out_again_only_the_blank_it_widens(self) -> None:
        section, session = quiz()
        layout = BlankLayout(rows_of(section, session), session, 30)
        row, piece = layout.where[0]
        before = layout.laid[row].pieces[piece].text
        layout.update_hints()  # nothing hinted yet: nothing changes
        assert layout.laid[row].pieces[piece].text == before and layout.hints == [0, 0, 0]
        session.hint()
        session.hint()
        assert hinted_letters(session, layout.laid[row].pieces[piece]) == "政治"
        layout.update_hints()
        assert layout.hints == [2, 0, 0]
        assert layout.laid[row].pieces[piece].text == blank_slot(1, "政治任务", "政治") != before
        fresh = BlankLayout(rows_of(section, session), session, 30)
        assert lines_of(layout) == lines_of(fresh) and layout.line_count == fresh.line_count
