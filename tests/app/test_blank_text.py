"""BlankText: rows of text with numbered blanks, sized in cells, wrapped the Chinese way, the active one in view."""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.app import App, ComposeResult

from tui.core.blank_lines import LaidRow, Piece, blank_slot
from tui.core.model import Document, Phrase, Section
from tui.core.quiz import cards_for
from tui.core.session import Blank, QuizSession, blanks_for, placeholder
from tui.core.wrap import CLOSING, OPENING
from tui.widgets.blank_text import BlankText, Row

from .conftest import resize
from .on_screen import fill_as_one, read_through, without_spaces

PREAMBLE = (
    "今天,我们召开理论学习中心组学习研讨会,深入学习《习近平关于加强党的作风建设论述摘编》。习近平总书记深刻指出:"
    "“党的作风是党的形象,是观察党群干群关系、人心向背的晴雨表。”当前,我县正处于“十四五”规划收官期、"
    "乡村振兴深化期、产业转型突破期,作风建设既是政治任务,更是推动高质量发展的“牛鼻子”。今天的研讨,既是理论"
    "武装的再深化,也是作风建设的再动员。下面,我结合学习体会和县域实际,从四个方面与大家交流。"
)
ANSWERS = [
    "习近平关于加强党的作风建设论述摘编", "党的作风是党的形象", "观察党群干群关系", "人心向背的晴雨表",
    "十四五", "规划收官期", "乡村振兴深化期", "产业转型突破期", "牛鼻子",
]
ENGLISH = (
    "Congress shall make no law respecting an establishment of religion, or prohibiting the free exercise "
    "thereof; or abridging the freedom of speech, or of the press."
)


def document(paragraphs: list[str], answers: list[str]) -> tuple[Document, QuizSession]:
    """One section holding `paragraphs`, each answer a phrase at its first occurrence."""
    phrases = []
    for answer in answers:
        for number, paragraph in enumerate(paragraphs):
            at = paragraph.find(answer)
            if at >= 0:
                phrases.append(Phrase(number, at, at + len(answer), answer, "quote"))
                break
        else:
            raise AssertionError(answer)
    section = Section("1", "heading", 1, "一、", "开篇", paragraphs)
    doc = Document("t", "text", [section])
    return doc, QuizSession(blanks_for(section, cards_for(doc, {"1": phrases})), now=0.0)


def pieces_of(text: str, answers: list[str]) -> tuple[list[Piece], dict[Blank, str]]:
    """A paragraph cut into text and blanks (each answer at its first occurrence), and each blank's placeholder."""
    doc, session = document([text], answers)
    pieces = []
    shown = {}
    for part in session.segments("1", 0, text):
        if isinstance(part, str):
            pieces.append(Piece(part))
        else:
            pieces.append(Piece(blank_slot(part.number, part.answer), part))
            shown[part] = placeholder(part.number, part.cells)
    return pieces, shown


def rows_of(doc: Document, session: QuizSession) -> list[Row]:
    section = doc.sections[0]
    rows = [Row("heading", [section.heading])]
    for number, text in enumerate(section.paragraphs):
        rows.append(Row("paragraph", session.segments(section.id, number, text)))
    return rows


class Host(App[None]):
    CSS = "BlankText { height: 1fr; padding: 0; }"

    def __init__(
        self, paragraphs: list[str] = [PREAMBLE], answers: list[str] = ANSWERS, markdown: bool = False  # noqa: B006
    ) -> None:
        super().__init__()
        self.doc, self.session = document(paragraphs, answers)
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield BlankText(markdown=self.markdown)

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        self.query_one(BlankText).show(rows_of(self.doc, self.session), self.session)


def style_at(view: BlankText, needle: str):
    for line in view.lines:
        at = line.plain.find(needle)
        if at >= 0:
            return [span.style for span in line.spans if span.start <= at < span.end][-1]
    raise AssertionError(needle)


def paragraph_lines(view: BlankText) -> list[str]:
    """The lines of the first paragraph (after the heading and the empty line)."""
    lines = view.plain_lines[2:]
    return lines[: lines.index("")] if "" in lines else lines


class TestBlanks:
    async def test_a_blank_is_its_number_then_fill_as_wide_as_its_answer(self) -> None:
        app = Host()
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.query_one(BlankText)
            drawn = "".join(paragraph_lines(view))
            for blank in app.session.blanks:
                shown = re.search(rf"(?<![\d_]){blank.number}_+", drawn)
                assert shown is not None, blank.number
                assert cell_len(shown.group()) == cell_len(blank.answer)
            assert style_at(view, "1___") == view.get_component_rich_style("blank-text--active")
            assert style_at(view, "2___") == view.get_component_rich_style("blank-text--pending")
            assert view.plain_lines[0] == "开篇" and view.plain_lines[1] == ""

    async def test_hinted_letters_show_in_the_blank(self) -> None:
        app = Host()
        async with app.run_test(size=(100, 20)) as pilot:
            app.session.hint()
            app.session.hint()
            app.show()
            await pilot.pause()
            drawn = "".join(paragraph_lines(app.query_one(BlankText)))
            assert "《1习近___" in drawn
            shown = re.search(r"1习近_+", drawn)
            assert cell_len(shown.group()) == cell_len(ANSWERS[0])

    async def test_graded_blanks_show_their_answer_in_their_outcome_style(self) -> None:
        app = Host()
        async with app.run_test(size=(100, 20)) as pilot:
            session = app.session
            session.answer(ANSWERS[0])
            session.next_pending()
            session.answer("党的作风是党的形相")
            session.next_pending()
            session.answer("不对")
            session.next_pending()
            session.reveal()
            session.next_pending()
            app.show()
            await pilot.pause()
            view = app.query_one(BlankText)
            for needle, status in (("习近平关于", "right"), ("党的作风是", "near"), ("观察党群", "wrong"), ("人心向背", "revealed")):
                assert style_at(view, needle) == view.get_component_rich_style(f"blank-text--{status}"), status
            assert len({view.get_component_rich_style(f"blank-text--{s}") for s in ("right", "near", "wrong", "revealed")}) == 4
            assert style_at(view, "5___") == view.get_component_rich_style("blank-text--active")
            # Back on an answered blank: its colour stays, and it is marked.
            session.go(0)
            app.show()
            await pilot.pause()
            marked = style_at(view, "习近平关于")
            assert marked.reverse and marked.color == view.get_component_rich_style("blank-text--right").color


class TestWrapping:
    async def test_lines_fit_lose_nothing_and_keep_punctuation_rules(self) -> None:
        for width in (30, 41, 64, 96):
            app = Host()
            async with app.run_test(size=(width, 30)) as pilot:
                await pilot.pause()
                view = app.query_one(BlankText)
                lines = paragraph_lines(view)
                assert all(cell_len(line) <= width for line in lines), width
                assert re.sub(r"\d+_+", "#", "".join(lines)) == re.sub(
                    "|".join(map(re.escape, ANSWERS)), "#", PREAMBLE
                )
                for before, after in zip(lines, lines[1:]):
                    assert after[0] not in CLOSING and before[-1] not in OPENING, (width, before, after)

    async def test_lines_of_blanks_are_flush_not_ragged(self) -> None:
        # At this width the old layout kept “5_____”6_________、 together and left 11 cells empty.
        for width in (60, 80, 96, 97):
            app = Host()
            async with app.run_test(size=(width, 30)) as pilot:
                await pilot.pause()
                lines = paragraph_lines(app.query_one(BlankText))
                short = [line for line in lines[:-1] if cell_len(line) < width - 3]
                assert short == [], (width, lines)

    async def test_a_blank_that_breaks_keeps_its_number_with_some_fill(self) -> None:
        app = Host()
        async with app.run_test(size=(100, 30)) as pilot:
            view = app.query_one(BlankText)
            for width in range(40, 101, 3):
                await resize(pilot, width, 30)
                assert view.size.width == width
                for line in paragraph_lines(view):
                    assert not re.search(r"(?<![\d_])\d{1,2}_{0,2}$", line), (width, line)

    def test_the_layout_rules_hold_at_every_width(self) -> None:
        # The line breaking itself, at every width from 12 to 100 (the screen tests sample some).
        for text, answers in ((PREAMBLE, ANSWERS), (
            "We the People, in Order to form a more perfect Union, establish Justice, insure domestic Tranquility.",
            ["establish Justice", "domestic Tranquility"],
        )):
            pieces, shown = pieces_of(text, answers)
            for width in range(12, 101):
                laid = LaidRow([Piece(piece.text, piece.blank) for piece in pieces], width)
                lines = ["".join(run for _, run in laid.drawn(y, lambda piece: shown[piece.blank])) for y in range(len(laid.spans))]
                # Every character, in order; a blank's fill may lose the cell of a space it breaks at.
                assert fill_as_one(without_spaces("".join(lines))) == fill_as_one(
                    without_spaces("".join(shown[p.blank] if p.blank else p.text for p in pieces))
                )
                for line in lines:
                    assert cell_len(line) <= width
                    assert not re.match(r"_(?!_)", line), (width, line)
                    assert not re.search(r"(?<![\d_])\d{1,2}_{0,2}$", line), (width, line)

    async def test_english_breaks_at_spaces(self) -> None:
        app = Host([ENGLISH], ["establishment of religion", "free exercise", "freedom of speech"])
        async with app.run_test(size=(50, 20)) as pilot:
            await pilot.pause()
            lines = paragraph_lines(app.query_one(BlankText))
            assert all(cell_len(line) <= 50 for line in lines)
            words = " ".join(lines).split()
            assert "Congress" in words and "abridging" in words and "thereof;" in words

    async def test_no_line_starts_with_a_lone_cell_of_fill(self) -> None:
        # An odd-width blank before a comma once left "_," alone at the start of a line.
        text = "We the People, in Order to form a more perfect Union, establish Justice, insure domestic Tranquility."
        app = Host([text], ["establish Justice", "domestic Tranquility"])
        async with app.run_test(size=(100, 20)) as pilot:
            view = app.query_one(BlankText)
            for width in range(20, 101, 3):
                await resize(pilot, width, 20)
                assert view.size.width == width
                for line in paragraph_lines(view):
                    assert not re.match(r"_(?!_)", line), (width, line)
                    assert not re.search(r"(?<![\d_])\d{1,2}_{0,2}$", line), (width, line)

    async def test_a_resize_wraps_again(self) -> None:
        app = Host()
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.query_one(BlankText)
            wide = len(paragraph_lines(view))
            await resize(pilot, 50, 20)
            narrow = paragraph_lines(view)
            assert len(narrow) > wide
            assert all(cell_len(line) <= 50 for line in narrow)


class TestScrolling:
    async def test_the_active_blank_is_kept_in_view(self) -> None:
        paragraphs = [f"第{n}段:这是一段很长的正文,用来把后面的填空推到屏幕外面去。" * 3 for n in range(30)]
        paragraphs[-1] += "最后要记住“作风建设永远在路上”这句话。"
        app = Host(paragraphs, ["第0段", "作风建设永远在路上"])
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.pause()
            view = app.query_one(BlankText)
            assert view.scroll_offset.y == 0
            app.session.go(1)
            view.show(rows_of(app.doc, app.session), app.session)
            await pilot.pause()
            y = view.scroll_offset.y
            assert y > 0
            assert y <= view.active_line < y + view.scrollable_content_region.height
            assert "2___" in view.plain_lines[view.active_line]
            app.session.go(0)
            view.show(rows_of(app.doc, app.session), app.session)
            await pilot.pause()
            assert view.scroll_offset.y <= view.active_line


def shown_text(rows: list[Row], session: QuizSession) -> str:
    """What the rows say before any answer: the text, each blank its placeholder."""
    out = []
    for row in rows:
        for part in row.parts:
            out.append(placeholder(part.number, part.cells) if isinstance(part, Blank) else part)
    return fill_as_one(without_spaces("".join(out)))


class TestNothingIsLost:
    """Every character of the quizzed text is on screen, in order, once scrolled through, at any size.

    A vertical scrollbar appears once the text outgrows the pane, and takes cells from
    its width: lines laid out before it appeared lost their last characters under it.
    """

    PARAGRAPHS = [PREAMBLE, ENGLISH, PREAMBLE[:90], "Short line, then " + ENGLISH]

    async def test_at_every_width_and_height(self) -> None:
        for width in (16, 31, 57, 80, 97):
            app = Host(self.PARAGRAPHS, ["规划收官期", "牛鼻子", "free exercise", "freedom of speech"])
            async with app.run_test(size=(width, 40)) as pilot:
                view = app.query_one(BlankText)
                expected = shown_text(rows_of(app.doc, app.session), app.session)
                for height in (40, 15, 6, 30):
                    await resize(pilot, width, height)
                    drawn = await read_through(pilot, view)
                    assert fill_as_one(without_spaces("".join(drawn))) == expected, (width, height)

    async def test_at_first_sight_when_the_text_needs_a_scrollbar(self) -> None:
        for width, height in ((80, 24), (60, 15), (41, 10), (33, 12)):
            app = Host([PREAMBLE, PREAMBLE, ENGLISH, PREAMBLE, ENGLISH], ["规划收官期", "牛鼻子", "free exercise"])
            async with app.run_test(size=(width, height)) as pilot:
                view = app.query_one(BlankText)
                drawn = await read_through(pilot, view)
                assert view.show_vertical_scrollbar
                assert fill_as_one(without_spaces("".join(drawn))) == shown_text(rows_of(app.doc, app.session), app.session), (
                    width, height, drawn,
                )


class TestRedrawAfterAnAnswer:
    """An answer redraws what is on screen and lays out nothing: a blank is laid out as its answer."""

    PARAGRAPHS = [PREAMBLE * 3, ENGLISH, PREAMBLE]
    ANSWERS = [*ANSWERS, "free exercise", "freedom of speech"]

    async def test_an_answer_lays_out_no_line(self, monkeypatch) -> None:
        from tui.core import blank_lines
        from tui.widgets import blank_text

        app = Host(self.PARAGRAPHS, self.ANSWERS)
        async with app.run_test(size=(41, 12)) as pilot:
            await pilot.pause()
            view = app.query_one(BlankText)
            calls: list[str] = []
            for module in (blank_lines, blank_text):
                monkeypatch.setattr(module, "wrap", lambda *args: calls.append("wrap") or [], raising=False)
                monkeypatch.setattr(module, "rewrap", lambda *args: calls.append("rewrap") or (0, 0, []), raising=False)
            session = app.session
            before = view.plain_lines
            session.answer(ANSWERS[0])  # right: it fills in
            session.next_pending()
            session.answer("不对")  # wrong: the answer shows, in red
            session.next_pending()
            session.reveal()
            session.next_pending()
            app.show()
            await pilot.pause()
            assert calls == []
            after = view.plain_lines
            assert len(after) == len(before)
            assert ANSWERS[0] in "".join(after) and "3_" not in "".join(after)

    async def test_after_answers_and_hints_the_lines_are_those_of_a_fresh_layout(self) -> None:
        for width in (23, 41, 60):
            app = Host(self.PARAGRAPHS, self.ANSWERS)
            async with app.run_test(size=(width, 12)) as pilot:
                await pilot.pause()
                view = app.query_one(BlankText)
                session = app.session
                for step in range(len(session.blanks) * 2):
                    if step % 3 == 0:
                        session.hint()
                        session.hint()
                    elif step % 3 == 1:
                        session.hint()
                    else:
                        session.answer(session.active_blank.answer if step % 2 else "不对")
                        session.next_pending()
                    app.show()
                    await pilot.pause()
                    drawn = view.plain_lines
                    view.redraw()
                    assert drawn == view.plain_lines, (width, step)


MARKDOWN = (
    "**We the People** of the United States, in Order to form a more perfect Union, "
    "*establish Justice*, insure `domestic Tranquility`, see [the Preamble](https://example.com/p)."
)


class TestMarkdown:
    """In a Markdown document the markers are hidden and the blanks stay where their phrases are."""

    async def test_markers_hidden_blanks_in_place(self) -> None:
        app = Host([MARKDOWN], ["We the People", "establish Justice", "domestic Tranquility"], markdown=True)
        async with app.run_test(size=(200, 20)) as pilot:
            await pilot.pause()
            view = app.query_one(BlankText)
            drawn = " ".join(paragraph_lines(view))
            assert drawn.startswith("1____________ of the United States, in Order to form a more perfect")
            assert "Union, 2________________, insure 3___________________, see the Preamble." in drawn
            assert not any(mark in drawn for mark in ("*", "`", "[", "https"))
            link = [span.style for line in view.lines for span in line.spans if line.plain[span.start:span.end] == "the Preamble"]
            assert any(style.underline for style in link)
            for answer in ("We the People", "establish Justice", "domestic Tranquility"):
                app.session.answer(answer)
                app.session.next_pending()
            app.show()
            await pilot.pause()
            drawn = " ".join(paragraph_lines(view))
            assert drawn.startswith("We the People of the United States")
            assert "Union, establish Justice, insure domestic Tranquility, see the Preamble." in drawn
            assert style_at(view, "We the People") == view.get_component_rich_style("blank-text--right")

    async def test_bold_text_outside_the_blanks_is_bold(self) -> None:
        app = Host(["The **key point** is “作风建设”."], ["作风建设"], markdown=True)
        async with app.run_test(size=(60, 10)) as pilot:
            await pilot.pause()
            view = app.query_one(BlankText)
            assert paragraph_lines(view) == ["The key point is “1_______”."]
            line = view.lines[2]
            bold = [line.plain[span.start : span.end] for span in line.spans if span.style.bold]
            assert bold == ["key point", "1_______"]  # and the active blank

    async def test_plain_text_keeps_its_markers(self) -> None:
        text = "文中的 **不是** 强调，*号照原样，“作风建设”。"
        app = Host([text], ["作风建设"])
        async with app.run_test(size=(60, 10)) as pilot:
            await pilot.pause()
            assert paragraph_lines(app.query_one(BlankText)) == ["文中的 **不是** 强调，*号照原样，“1_______”。"]
