"""Tests for tui.widgets.text_view: layout, scrolling, search and phrase highlighting."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.message import Message
from textual.strip import Strip

from tui.core.model import Document, Phrase, Section
from tui.core.names import display_heading
from tui.core.wrap import wrap
from tui.widgets.text_view import TextView

from .conftest import resize
from .on_screen import read_through, without_spaces

CAPTIONS = {"preamble": "开篇", "closing": "结语"}

# Width 40 minus padding (1 + 1) and the vertical scrollbar (2) leaves 36 cells of text.
SIZE = (40, 12)
TEXT_WIDTH = 36

LONG = "我们要坚持以人民为中心的发展思想，推动高质量发展，作风建设永远在路上。"


def make_document() -> Document:
    return Document(
        title="讲话",
        title_from="text",
        sections=[
            Section("p", "preamble", 1, "", "", ["同志们：今天我们召开会议。"]),
            Section(
                "s1",
                "heading",
                1,
                "一、",
                "提高政治站位",
                [LONG * 2, "第二段，用 Python 和 Textual 编写。"],
                children=[
                    Section("s1.1", "heading", 2, "（一）", "把握核心要义", [LONG * 3]),
                    Section(
                        "s1.2", "heading", 2, "（二）", "ＡＢＣ全角字母", ["这里有ABC，也有abc和Ａｂｃ。" + LONG]
                    ),
                ],
            ),
            Section("s2", "heading", 1, "二、", "建立长效机制", [LONG * 4, LONG * 2]),
            Section("c", "closing", 1, "", "", ["谢谢大家！"]),
        ],
    )


class ReaderApp(App[None]):
    def __init__(self, document: Document | None = None) -> None:
        super().__init__()
        self.document = document or make_document()

    def compose(self) -> ComposeResult:
        yield TextView(self.document, captions=CAPTIONS)


def text_lines(view: TextView) -> list[str]:
    return [view.line_text(y) for y in range(view.line_count)]


def screen_lines(view: TextView) -> list[str]:
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


class Recorder(list):
    """A message hook keeping each message once (the hook sees it at every node it bubbles to)."""

    def __call__(self, message: Message) -> None:
        if not any(message is seen for seen in self):
            self.append(message)


def styled(strip: Strip, predicate) -> str:
    return "".join(segment.text for segment in strip if segment.style and predicate(segment.style))


async def test_lays_out_headings_and_wrapped_paragraphs():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        lines = text_lines(view)
        assert lines[:4] == ["开篇", "同志们：今天我们召开会议。", "", "一、提高政治站位"]
        first = LONG * 2
        expected = [first[a:b] for a, b in wrap(first, TEXT_WIDTH)]
        assert lines[4 : 4 + len(expected)] == expected
        assert lines[4] == "我们要坚持以人民为中心的发展思想，推"
        # A blank line between paragraphs, then the second paragraph.
        assert lines[4 + len(expected)] == ""
        assert lines[5 + len(expected)] == "第二段，用 Python 和 Textual 编写。"
        assert lines[-2:] == ["结语", "谢谢大家！"]
        assert all(cell_len(line) <= TEXT_WIDTH for line in lines)
        # What is drawn is the top of the layout.
        assert screen_lines(view)[:2] == ["开篇", "同志们：今天我们召开会议。"]
        assert view.current_section == "p"


async def test_heading_is_styled_by_level():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.scroll_to_section("s1")
        strip = view.render_line(0)
        assert styled(strip, lambda style: style.bold).startswith("一、提高政治站位")
        body = view.render_line(1)
        assert styled(body, lambda style: style.bold) == ""


async def test_scroll_to_section_puts_its_heading_at_the_top():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.scroll_to_section("s1.2")
        await pilot.pause()
        assert view.scroll_offset.y == view.section_line("s1.2")
        assert screen_lines(view)[0] == "（二）ＡＢＣ全角字母"
        assert view.current_section == "s1.2"
        # The closing section is short, yet its heading still reaches the top.
        view.scroll_to_section("c")
        await pilot.pause()
        assert screen_lines(view)[:2] == ["结语", "谢谢大家！"]
        assert view.current_section == "c"


async def test_scroll_to_section_before_layout_is_applied_once_laid_out():
    class LateApp(ReaderApp):
        def compose(self) -> ComposeResult:
            view = TextView(captions=CAPTIONS)
            view.load(self.document)
            view.scroll_to_section("s2")
            yield view

    app = LateApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        assert screen_lines(view)[0] == "二、建立长效机制"
        assert view.current_section == "s2"


async def test_scrolling_posts_section_changed_once_per_section():
    messages = Recorder()
    app = ReaderApp()
    async with app.run_test(size=SIZE, message_hook=messages) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)

        def changes() -> list[str]:
            return [m.section_id for m in messages if isinstance(m, TextView.SectionChanged)]

        assert changes() == ["p"]
        start = view.section_line("s1.1")
        view.scroll_to(y=start, animate=False)
        await pilot.pause()
        assert changes() == ["p", "s1.1"]
        # Moving within the same section says nothing new.
        await pilot.press("down")
        await pilot.press("down")
        await pilot.pause()
        assert view.scroll_offset.y == start + 2
        assert changes() == ["p", "s1.1"]
        await pilot.press("home")
        await pilot.pause()
        assert changes() == ["p", "s1.1", "p"]
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_offset.y == view.scrollable_content_region.height
        assert changes()[-1] == view.line_info(view.scroll_offset.y).section_id == "s1.1"


async def test_search_ignores_width_and_case():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        # The heading's ＡＢＣ, then ABC, abc and Ａｂｃ in the paragraph.
        assert view.search("ABC") == 4
        assert view.matched_sections == {"s1.2"}
        assert view.search("ａｂｃ") == 4
        assert view.search("作风建设") == 2 + 3 + 1 + 4 + 2
        assert view.matched_sections == {"s1", "s1.1", "s1.2", "s2"}
        assert view.search("没有这句话") == 0
        assert view.matched_sections == set()
        view.search("abc")
        view.clear_search()
        assert view.match_count == 0
        assert view.next_match() is None


async def test_next_and_previous_match_cycle_and_scroll():
    messages = Recorder()
    app = ReaderApp()
    async with app.run_test(size=SIZE, message_hook=messages) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        total = view.search("Python")
        assert total == 1
        assert view.search("建立长效") == 1
        # The first match is found below the top even though it is off screen.
        assert view.next_match() == "s2"
        await pilot.pause()
        top = view.scroll_offset.y
        assert top <= view.section_line("s2") < top + view.scrollable_content_region.height

        view.scroll_to(y=0, animate=False)
        total = view.search("abc")
        assert total == 4
        sections = [view.next_match() for _ in range(5)]
        assert sections == ["s1.2"] * 5
        assert view.match_index == 0  # wrapped around after the fourth
        view.previous_match()
        assert view.match_index == 3
        await pilot.pause()
        changed = [(m.index, m.total, m.section_id) for m in messages if isinstance(m, TextView.MatchChanged)]
        assert changed[-1] == (3, 4, "s1.2")
        assert [c[0] for c in changed[-6:]] == [0, 1, 2, 3, 0, 3]


async def test_current_match_is_drawn_distinctly():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.search("abc")
        view.next_match()  # the heading's ＡＢＣ
        view.next_match()  # ABC in the paragraph
        await pilot.pause()
        match = view.get_component_rich_style("text-view--match").bgcolor
        current = view.get_component_rich_style("text-view--current-match").bgcolor
        assert match != current
        y = view.section_line("s1.2") + 1 - view.scroll_offset.y
        strip = view.render_line(y)
        assert styled(strip, lambda style: style.bgcolor == current) == "ABC"
        assert styled(strip, lambda style: style.bgcolor == match) == "abcＡｂｃ"


async def test_phrase_highlighting_covers_exactly_the_phrase():
    document = make_document()
    section = document.find("s1")
    paragraph = section.paragraphs[1]
    start = paragraph.index("Python")
    phrase = Phrase(1, start, start + len("Python"), "Python", "keyword")
    # A phrase that crosses a line break is drawn on both lines.
    long_start = LONG.index("作风建设")
    crossing = Phrase(0, long_start, long_start + len("作风建设永远在路上"), "作风建设永远在路上", "quote")
    app = ReaderApp(document)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.scroll_to_section("s1")
        await pilot.pause()
        view.set_phrases({"s1": [phrase, crossing]})
        await pilot.pause()
        lines = screen_lines(view)
        y = lines.index("第二段，用 Python 和 Textual 编写。")
        underlined = lambda style: bool(style.underline)  # noqa: E731
        assert styled(view.render_line(y), underlined) == ""  # not until asked
        view.highlight_phrases = True
        await pilot.pause()
        assert styled(view.render_line(y), underlined) == "Python"
        drawn = "".join(styled(view.render_line(row), underlined) for row in range(y))
        assert drawn == "作风建设永远在路上"
        view.highlight_phrases = False
        await pilot.pause()
        assert styled(view.render_line(y), underlined) == ""


async def test_phrases_for_unknown_sections_or_bad_spans_are_ignored():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.highlight_phrases = True
        view.set_phrases(
            {
                "nope": [Phrase(0, 0, 2, "xx", "user")],
                "p": [Phrase(5, 0, 2, "xx", "user"), Phrase(0, 3, 99, "x", "user")],
            }
        )
        await pilot.pause()
        assert styled(view.render_line(1), lambda style: bool(style.underline)) == ""


async def test_resize_rewraps_and_keeps_the_section_at_the_top():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.scroll_to_section("s2")
        await pilot.pause()
        narrow_count = view.line_count
        await resize(pilot, 60, 12)
        lines = text_lines(view)
        assert max(cell_len(line) for line in lines) == 56
        assert view.line_count < narrow_count
        first = LONG * 2
        assert lines[4] == first[slice(*wrap(first, 56)[0])]
        assert screen_lines(view)[0] == "二、建立长效机制"
        assert view.current_section == "s2"


async def test_load_replaces_the_document():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.search("作风")
        view.scroll_to_section("s2")
        other = Document("短", "text", [Section("x", "heading", 1, "第一章", "总则", ["Short text."])])
        view.load(other)
        await pilot.pause()
        assert text_lines(view) == ["第一章 总则", "Short text."]
        assert view.current_section == "x"
        assert view.match_count == 0
        assert view.scroll_offset.y == 0


async def test_empty_document_draws_blank_lines():
    app = ReaderApp(Document("空", "filename", []))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        assert view.line_count == 0
        assert view.current_section is None
        assert screen_lines(view) == [""] * 12
        assert view.search("a") == 0


async def test_resize_with_a_blank_line_at_the_top_keeps_the_next_text_at_the_top():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        blank = view.section_line("s2") - 1
        assert view.line_text(blank) == ""
        view.scroll_to(y=blank, animate=False)
        await pilot.pause()
        await resize(pilot, 50, 14)
        assert screen_lines(view)[0] == "二、建立长效机制"
        assert view.current_section == "s2"
        # Scrolling still works afterwards: nothing is left pending.
        await pilot.press("home")
        await pilot.pause()
        assert view.scroll_offset.y == 0
        assert view.current_section == "p"


async def test_tiny_sizes_never_crash():
    app = ReaderApp()
    async with app.run_test(size=(6, 3)) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        assert view.scrollable_content_region.width == 2
        # One CJK character per line, never wider than the view.
        assert [view.line_text(y) for y in range(3)] == ["开", "篇", "同"]
        assert all(cell_len(view.line_text(y)) <= 2 for y in range(view.line_count))
        for width, height in [(3, 2), (1, 1), (40, 12)]:
            await resize(pilot, width, height)
            await pilot.press("pagedown")
        assert view.line_text(1) == "同志们：今天我们召开会议。"


class AutoScrollbarApp(ReaderApp):
    """The text pane with a scrollbar only when the text outgrows it."""

    CSS = "TextView { overflow-y: auto; }"


async def test_every_character_is_on_screen_at_every_size():
    # Scrolled through from the top, the pane shows the whole document in order, whether
    # its scrollbar is always there or comes and goes with the height.
    document = make_document()
    expected = "".join(
        display_heading(section, CAPTIONS, preview=False) + "".join(section.paragraphs) for section in document.walk()
    )
    for host in (ReaderApp, AutoScrollbarApp):
        for width in (17, 40, 63, 90):
            app = host(document)
            async with app.run_test(size=(width, 80)) as pilot:
                view = app.query_one(TextView)
                for height in (80, 12, 5, 40):
                    await resize(pilot, width, height)
                    drawn = await read_through(pilot, view)
                    assert without_spaces("".join(drawn)) == without_spaces(expected), (host, width, height)


MARKDOWN = (
    "**We the People** of the United States, in Order to form a more perfect Union, "
    "establish *Justice*, see `Article I` and [the Bill of Rights](https://example.com/bill)."
)
SHOWN = (
    "We the People of the United States, in Order to form a more perfect Union, "
    "establish Justice, see Article I and the Bill of Rights."
)


def markdown_document(markdown: bool = True) -> Document:
    return Document(
        title="Constitution",
        title_from="text",
        sections=[Section("1", "heading", 1, "#", "The **Preamble**", [MARKDOWN, "5 * 3 * 2 = 30, a_b_c [bold]x[/bold]"])],
        markdown=markdown,
    )


async def test_markdown_shows_its_text_with_the_markers_hidden():
    app = ReaderApp(markdown_document())
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        assert view.line_text(0) == "The Preamble"
        text = " ".join(view.line_text(y) for y in range(1, view.line_count) if view.line_info(y))
        assert text.startswith(SHOWN + " 5 * 3 * 2 = 30, a_b_c [bold]x[/bold]")
        shown = " ".join(screen_lines(view))
        assert "**" not in shown and "`" not in shown and "https" not in shown and "[bold]x[/bold]" in shown
        lines = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        assert "".join(styled(strip, lambda s: bool(s.bold)) for strip in lines[1:]) == "We the People"
        assert "".join(styled(strip, lambda s: bool(s.italic)) for strip in lines[1:]) == "Justice"
        assert "".join(styled(strip, lambda s: bool(s.underline)) for strip in lines[1:]) == "the Bill of Rights"


async def test_markdown_phrases_and_matches_fall_on_the_text_shown():
    start = MARKDOWN.index("We the People")
    phrases = {"1": [Phrase(0, start, start + 13, "We the People", "quote"),
                     Phrase(0, MARKDOWN.index("Justice"), MARKDOWN.index("Justice") + 7, "Justice", "keyword")]}
    app = ReaderApp(markdown_document())
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        view.set_phrases(phrases)
        view.highlight_phrases = True
        await pilot.pause()
        lines = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        assert "".join(styled(strip, lambda s: bool(s.underline) and not s.italic and not s.bold) for strip in lines) \
            == "the Bill of Rights"
        phrase = view.get_component_rich_style("text-view--phrase").color
        link = view.get_component_rich_style("text-view--link").color
        assert "".join(styled(strip, lambda s: s.color == phrase and s.color != link) for strip in lines[1:]) == (
            "We the PeopleJustice"
        )
        # Search reads the text shown: words on either side of a hidden marker match.
        assert view.search("People of the") == 1
        assert view.search("**") == 0


async def test_plain_text_keeps_its_asterisks():
    app = ReaderApp(markdown_document(markdown=False))
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        assert view.line_text(0) == "The **Preamble**"
        text = " ".join(view.line_text(y) for y in range(1, view.line_count))
        assert "**We the People**" in text and "`Article I`" in text
        lines = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        assert "".join(styled(strip, lambda s: bool(s.bold)) for strip in lines[1:]) == ""
