"""Tests for tui.screens.reader_screen: the outline and the text side by side, driven with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tui.app import StudyApp
from tui.core.store import Store
from tui.i18n import language
from tui.screens.reader_screen import MIN_HEIGHT, MIN_WIDTH, ReaderScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.outline_tree import OutlineTree
from tui.widgets.search_bar import SearchBar
from tui.widgets.text_view import TextView

from .conftest import SPEECH, Recorder, resize, study_app, until, until_ready

SIZE = (100, 30)

# The bundled speech: section ids in reading order (see `study outline --json`).
ORDER = ["1", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1", "4.2", "5", "5.1", "5.2", "6"]
FIRST_HEADING = "一、提高政治站位,深化思想认识"
FIRST_SUBHEADING = "(一)把握核心要义,校准政治方向"


async def ready(app: StudyApp, pilot: Pilot) -> ReaderScreen:
    """Wait until the document is shown and its phrases found."""
    await until_ready(app, pilot)
    return app.reader


def parts(app: StudyApp) -> tuple[OutlineTree, TextView]:
    return app.reader.query_one(OutlineTree), app.reader.query_one(TextView)


def breadcrumb(app: StudyApp) -> str:
    return str(app.reader.query_one("#breadcrumb", Static).render())


def top_section(text: TextView) -> str:
    """The section of the line at the top of the text pane."""
    position = text.position
    assert position is not None
    return position[0]


def chosen(recorder: Recorder) -> list[str]:
    return [message.section_id for message in recorder.of(OutlineTree.SectionChosen)]


def footer_text(app: StudyApp) -> str:
    return app.reader.query_one(KeyBar).keys_text().plain


def small_app(text: str, language: str = "zh") -> StudyApp:
    return study_app(Path("notes.txt"), text, language=language)


# ---------------------------------------------------------------- opening


async def test_opens_on_the_first_section_with_every_section_in_the_outline(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        assert outline.section_ids == ORDER
        assert reader.current_section == "1"
        assert outline.current_section == "1"
        assert top_section(text) == "1"
        assert outline.has_focus
        assert breadcrumb(app) == "开篇"
        # Nested and expanded to level 2: every heading node shows its subsections.
        assert all(outline._section_nodes[sid].is_expanded for sid in ["2", "3", "4", "5"])


@pytest.mark.parametrize(("section", "top"), [(None, "开篇"), ("2.1", FIRST_SUBHEADING)])
async def test_the_first_frame_shows_the_text_at_its_place(make_app, full_frames, section, top):
    # A screen's first frame is drawn before its panes hear their sizes: the text must not
    # wait for that to be laid out.
    app = make_app(section=section)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
    first = full_frames[0]
    right = [line.split("▕", 1)[1].strip() for line in first if "▕" in line]
    assert right[0].endswith(top)  # the breadcrumb
    assert right[1] == top  # the text pane's first line: the section's heading
    assert sum(1 for line in right[2:] if line) >= 10  # and its text below, not an empty pane


async def test_the_text_heading_reads_like_the_outline(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        assert text.line_text(text.section_line("2")) == FIRST_HEADING
        assert text.line_text(text.section_line("2.1")) == FIRST_SUBHEADING


async def test_section_option_opens_there(make_app):
    app = make_app(section="4.2")
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        assert reader.current_section == "4.2"
        assert outline.current_section == "4.2"
        assert top_section(text) == "4.2"
        assert breadcrumb(app).endswith("(二)加强协同配合,形成工作合力")


@pytest.mark.parametrize("reference", ["二、（一）", "二.（一）", "查摆问题"])
async def test_a_section_option_as_people_see_it_opens_there(make_app, reference):
    # The opening is section 1, so 二、（一） is 3.1: people name it as they read it.
    app = make_app(section=reference)
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        assert reader.current_section == "3.1"


async def test_a_section_option_that_looks_like_markup_is_text(make_app):
    app = make_app(section="[/x]", language="en")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: not app.is_running or app.failure is not None, "the app to give up")
    assert app.failure == "zuofeng-speech.txt: no such section: [/x] (study outline lists them)"


# ---------------------------------------------------------------- outline navigation and sync


@pytest.mark.parametrize("down, up", [("j", "k"), ("down", "up")])
async def test_outline_keys_move_between_sections_and_scroll_the_text(make_app, recorder, down, up):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        recorder.clear()
        await pilot.press(down, down)
        await pilot.pause()
        assert outline.current_section == "2.1"
        assert reader.current_section == "2.1"
        assert chosen(recorder) == ["2", "2.1"]
        # The text shows the chosen section's heading at the top.
        assert text.scroll_offset.y == text.section_line("2.1")
        assert top_section(text) == "2.1"
        assert breadcrumb(app) == f"{FIRST_HEADING} › {FIRST_SUBHEADING}"

        await pilot.press(up)
        await pilot.pause()
        assert outline.current_section == "2"
        assert reader.current_section == "2"
        assert text.scroll_offset.y == text.section_line("2")
        assert breadcrumb(app) == FIRST_HEADING


async def test_enter_opens_the_section_under_the_cursor(make_app, recorder):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await ready(app, pilot)
        outline, text = parts(app)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        # Scroll the text away, then Enter in the outline brings the section back to the top.
        text.scroll_to(y=0, animate=False)
        outline.focus()
        await pilot.pause()
        recorder.clear()
        outline.move_cursor(outline._section_nodes["3.2"])
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "3.2" in chosen(recorder)
        assert top_section(text) == "3.2"
        assert text.scroll_offset.y == text.section_line("3.2")


async def test_clicking_a_section_in_the_outline_shows_it(make_app, recorder):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        row = outline.section_ids.index("3")  # every node is visible: the rows follow reading order
        assert await pilot.click(OutlineTree, offset=(6, row))
        await pilot.pause()
        assert outline.current_section == reader.current_section == "3"
        assert top_section(text) == "3"
        assert chosen(recorder)[-1] == "3"


async def test_every_section_chosen_in_the_outline_comes_to_the_top_of_the_text(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        for section_id in ORDER[1:]:
            await pilot.press("j")
            await pilot.pause()
            assert outline.current_section == section_id
            assert reader.current_section == section_id
            # The last section too: the text leaves room after it so its heading can reach the top.
            assert text.scroll_offset.y == text.section_line(section_id), section_id


async def test_scrolling_the_text_moves_the_outline_highlight_without_snapping_back(make_app, recorder):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        await pilot.press("tab")
        await pilot.pause()
        assert text.has_focus
        recorder.clear()
        # Into the middle of 3.1's paragraph: below its heading, above the next one.
        middle = text.section_line("3.1") + 3
        assert middle < text.section_line("3.2")
        text.scroll_to(y=middle, animate=False)
        await pilot.pause()
        await pilot.pause()
        assert outline.current_section == "3.1"
        assert reader.current_section == "3.1"
        assert breadcrumb(app).endswith("(一)深入查摆问题,找准作风顽疾")
        # The outline follows quietly: the text stays where the reader put it.
        assert chosen(recorder) == []
        assert text.scroll_offset.y == middle
        assert text.has_focus

        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.pause()
        assert text.scroll_offset.y > middle
        assert outline.current_section == top_section(text)
        assert chosen(recorder) == []


async def test_keys_scroll_the_text_when_it_has_focus(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        outline, text = parts(app)
        text.focus()
        await pilot.pause()
        await pilot.press("j", "j", "down")
        await pilot.pause()
        assert text.scroll_offset.y == 3
        await pilot.press("k", "up")
        await pilot.pause()
        assert text.scroll_offset.y == 1
        await pilot.press("space")
        await pilot.pause()
        assert text.scroll_offset.y > 10
        await pilot.press("end")
        await pilot.pause()
        assert outline.current_section == top_section(text) == "6"
        await pilot.press("home")
        await pilot.pause()
        assert text.scroll_offset.y == 0
        assert outline.current_section == "1"


async def test_scrolling_into_a_folded_section_unfolds_its_parent(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        outline, text = parts(app)
        outline._section_nodes["4"].collapse()
        await pilot.pause()
        text.scroll_to(y=text.section_line("4.2") + 1, animate=False)
        await pilot.pause()
        await pilot.pause()
        assert outline._section_nodes["4"].is_expanded
        assert outline.current_section == "4.2"


# ---------------------------------------------------------------- folding


async def test_left_folds_and_goes_to_the_parent_right_unfolds_and_goes_to_the_first_child(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        outline, _ = parts(app)
        node = outline._section_nodes["2"]
        await pilot.press("j")
        await pilot.pause()
        assert outline.current_section == "2" and node.is_expanded

        await pilot.press("left")
        await pilot.pause()
        assert not node.is_expanded
        assert outline.current_section == "2"
        # Folded, "down" skips the hidden subsections.
        await pilot.press("j")
        await pilot.pause()
        assert outline.current_section == "3"
        await pilot.press("k")
        await pilot.pause()

        await pilot.press("right")
        await pilot.pause()
        assert node.is_expanded
        assert outline.current_section == "2"
        await pilot.press("right")
        await pilot.pause()
        assert outline.current_section == "2.1"

        # On a leaf, left goes up to the parent (and leaves it open).
        await pilot.press("left")
        await pilot.pause()
        assert outline.current_section == "2"
        assert node.is_expanded

        # A top-level leaf has no parent to go to: left changes nothing.
        await pilot.press("k", "left")
        await pilot.pause()
        assert outline.current_section == "1"


# ---------------------------------------------------------------- [ and ]


async def test_brackets_step_through_sections_in_reading_order(make_app, recorder):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        seen = []
        for _ in ORDER:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            seen.append(reader.current_section)
            assert outline.current_section == reader.current_section == top_section(text)
        assert seen == ORDER[1:] + ["6"]  # stops at the last section
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert reader.current_section == "5.2"
        assert text.scroll_offset.y == text.section_line("5.2")
        assert breadcrumb(app) == "四、建立长效机制,巩固建设成果 › (二)持续跟踪问效,确保常态长效"


async def test_a_section_chosen_in_the_outline_arriving_after_a_later_key_is_not_gone_back_to(make_app):
    # k then [ typed quickly: k's choice can arrive as a message after [ has moved on; the
    # reader must end where [ went (the outline's cursor), not go back to where k went.
    from tui.widgets.outline_tree import OutlineTree

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        reader._go_to("2")
        await pilot.pause()
        outline.post_message(OutlineTree.SectionChosen("2.1"))  # k's, late
        await pilot.pause()
        assert reader.current_section == outline.current_section == "2"
        assert text.scroll_offset.y == text.section_line("2")


async def test_the_text_telling_a_section_it_has_since_scrolled_past_moves_nothing(make_app):
    # ] ] ] typed quickly: the text tells each section it reaches as a message, which can
    # arrive after the next ] has moved on; going back to it lost a step of the next ].
    from tui.widgets.text_view import TextView

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        reader._go_to("2")
        await pilot.pause()
        text.post_message(TextView.SectionChanged(text, "1.2"))  # the ] before's, late
        await pilot.pause()
        assert reader.current_section == outline.current_section == "2"
        await pilot.press("right_square_bracket")
        assert reader.current_section == outline.current_section == "2.1"


async def test_a_section_named_on_the_command_line_that_does_not_exist_ends_the_app_with_one_line(make_app):
    # study quiz FILE --section 九十: one line on stderr and exit status 1, as study export says it.
    app = make_app(section="nosuch", language="en")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: not app.is_running or app.failure is not None, "the app to give up")
    assert app.failure == "zuofeng-speech.txt: no such section: nosuch (study outline lists them)"
    assert app.return_code == 1


async def test_brackets_work_while_the_text_has_focus(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        _, text = parts(app)
        text.focus()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert reader.current_section == "2.2"
        assert top_section(text) == "2.2"
        assert text.has_focus


# ---------------------------------------------------------------- search


async def open_search(pilot: Pilot, query: str) -> SearchBar:
    await pilot.press("slash")
    await pilot.pause()
    bar = pilot.app.reader.query_one(SearchBar)
    assert bar.is_open
    field = bar.query_one(Input)
    assert field.has_focus
    # As an input method commits it: the whole text at once (keys cannot type "，").
    field.insert_text_at_cursor(query)
    await pilot.pause()
    assert field.value == query
    return bar


def count_label(bar: SearchBar) -> str:
    return str(bar.query_one("#search-count", Static).render())


async def test_search_marks_matches_in_the_text_and_their_sections_in_the_outline(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        outline, text = parts(app)
        await open_search(pilot, "长效")
        assert text.match_count == 4
        # In the heading of 四、 and in both of its subsections.
        assert text.matched_sections == {"5", "5.1", "5.2"}
        assert outline._matches == text.matched_sections


async def test_enter_then_n_and_shift_n_cycle_through_matches_across_sections(make_app, recorder):
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        bar = await open_search(pilot, "整改")
        total = text.match_count
        assert total == 5
        await pilot.press("enter")
        await pilot.pause()
        assert text.match_index == 0
        assert count_label(bar) == f"第 1/{total} 处"
        # The current match is drawn in its own colours, the others in theirs.
        current = text.get_component_rich_style("text-view--current-match")
        other = text.get_component_rich_style("text-view--match")
        drawn = [text.render_line(y) for y in range(text.scrollable_content_region.height)]
        styles = {seg.style.bgcolor for strip in drawn for seg in strip if seg.text == "整改" and seg.style}
        assert current.bgcolor in styles
        assert other.bgcolor in styles and other.bgcolor != current.bgcolor
        # The text has the keys now, so n and N step instead of typing into the query.
        sections = []
        for step in range(1, total + 1):
            await pilot.press("n")
            await pilot.pause()
            assert text.match_index == step % total
            sections.append(reader.current_section)
        assert bar.query_one(Input).value == "整改"
        assert text.match_index == 0  # wrapped around
        assert set(sections) == {"3.2", "5.1", "5.2"}
        assert outline.current_section == reader.current_section
        await pilot.press("N")
        await pilot.pause()
        assert text.match_index == total - 1
        assert count_label(bar) == f"第 {total}/{total} 处"
        changed = recorder.of(TextView.MatchChanged)
        assert changed[-1].index == total - 1 and changed[-1].total == total


async def test_enter_again_and_again_steps_through_the_matches_and_reopening_goes_on(make_app):
    # The bar says Enter goes to the next match: so does every Enter, and / then Enter
    # goes on from where the search was rather than back to the first match.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        bar = await open_search(pilot, "整改")
        total = text.match_count
        for step in range(3):
            await pilot.press("enter")
            await pilot.pause()
            assert text.match_index == step
        assert count_label(bar) == f"第 3/{total} 处"
        await pilot.press("slash")
        await pilot.pause()
        assert bar.query_one(Input).has_focus and bar.query_one(Input).value == "整改"
        await pilot.press("enter")
        await pilot.pause()
        assert text.match_index == 3
        assert count_label(bar) == f"第 4/{total} 处"


async def test_the_current_match_is_in_view(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        await open_search(pilot, "谢谢大家")
        await pilot.press("enter")
        await pilot.pause()
        height = text.scrollable_content_region.height
        line = next(y for y in range(text.line_count) if "谢谢大家" in text.line_text(y))
        assert text.scroll_offset.y <= line < text.scroll_offset.y + height


async def test_escape_closes_the_search_and_clears_the_marks(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        outline, text = parts(app)
        bar = await open_search(pilot, "作风")
        assert text.match_count > 0
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open
        assert text.match_count == 0
        assert outline._matches == set()
        assert outline.has_focus
        # After Enter the text has the focus; Esc closes from there too.
        bar = await open_search(pilot, "作风")
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert not bar.is_open
        assert text.match_count == 0
        assert bar.query_one(Input).value == ""


async def test_letters_typed_into_the_search_are_text_not_commands(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        _, text = parts(app)
        bar = await open_search(pilot, "")
        await pilot.press("q", "h", "n", "N", "j", "t", "r", "e", "right_square_bracket", "question_mark", "slash")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ReaderScreen)
        assert bar.query_one(Input).value == "qhnNjtre]?/"
        assert not text.highlight_phrases
        assert reader.current_section == "1"


@pytest.mark.parametrize("opened_before", [False, True], ids=["first search", "search bar opened before"])
async def test_letters_typed_right_after_the_slash_go_into_the_search(make_app, opened_before):
    # A terminal hands over a paste, or fast typing, as one burst: the letters after / must not
    # reach the reader's keys (t quizzes, r reviews) before the search field has the focus.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        if opened_before:
            await open_search(pilot, "")
            await pilot.press("escape")
            await pilot.pause()
        driver = app._driver
        assert driver is not None
        for key, character in (("slash", "/"), ("t", "t"), ("e", "e"), ("s", "s"), ("t", "t")):
            event = events.Key(key, character)
            event.set_sender(app)
            driver.send_message(event)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.query_one(SearchBar).query_one(Input).value == "test"


async def test_search_ignores_full_and_half_width(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        # The speech writes its commas half-width; a full-width query finds them.
        await open_search(pilot, "站位，深化")
        assert text.match_count == 1
        assert text.matched_sections == {"2"}


async def test_search_ignores_case_and_width_of_latin_letters():
    app = small_app("一、总则\n\nPython 与 ＰＹＴＨＯＮ。\n\n二、其他\n\n还有 python。\n")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        outline, text = parts(app)
        await open_search(pilot, "PYTHON")
        assert text.match_count == 3
        assert len(text.matched_sections) == 2
        assert outline._matches == text.matched_sections


async def test_a_query_with_no_match_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        bar = await open_search(pilot, "火星")
        assert text.match_count == 0
        assert count_label(bar) == "没有找到“火星”"
        await pilot.press("enter")
        await pilot.pause()
        assert text.match_index is None


# ---------------------------------------------------------------- key phrases


async def test_h_toggles_the_highlighting_of_key_phrases(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        assert app.workbook.phrases, "phrases were not found"
        assert not text.highlight_phrases
        line = text.section_line("2.1") + 1  # the paragraph quoting “作风建设关系党的生死存亡……”
        text.scroll_to(y=line, animate=False)
        await pilot.pause()

        def underlined() -> str:
            strip = text.render_line(0)
            return "".join(seg.text for seg in strip if seg.style is not None and seg.style.underline)

        assert underlined() == ""
        await pilot.press("h")
        await pilot.pause()
        assert text.highlight_phrases
        assert underlined() != ""
        assert any(n.message == "已标出要点" for n in app._notifications)
        await pilot.press("h")
        await pilot.pause()
        assert not text.highlight_phrases
        assert underlined() == ""


# ---------------------------------------------------------------- position memory


async def test_reopening_returns_to_the_section_and_place(make_app, data_dir):
    store = Store.open(data_dir)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        text.focus()
        await pilot.press("j", "j")  # two lines into 2.2's paragraph
        await pilot.pause()
        left_at = text.position
        assert left_at is not None and left_at[0] == "2.2" and left_at[1] > 0
        await pilot.press("q")
    store.close()
    assert app.return_code == 0

    store = Store.open(data_dir)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        outline, text = parts(app)
        assert reader.current_section == "2.2"
        assert outline.current_section == "2.2"
        assert text.position == pytest.approx(left_at)
        assert text.scroll_offset.y == text.section_line("2.2") + 2  # the heading is one line
    store.close()


@pytest.mark.parametrize("blank_before", ["2", "2.2"])
async def test_left_with_a_blank_line_at_the_top_reopens_at_the_text_after_it(make_app, data_dir, blank_before):
    store = Store.open(data_dir)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _, text = parts(app)
        blank = text.section_line(blank_before) - 1  # the empty line that ends the section before
        assert text.line_text(blank) == ""
        text.scroll_to(y=blank, animate=False)
        await pilot.pause()
        await pilot.press("q")
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        _, text = parts(app)
        assert reader.current_section == blank_before
        assert text.scroll_offset.y == text.section_line(blank_before)
    store.close()


async def test_position_is_kept_per_document_and_survives_a_different_width(make_app, data_dir):
    store = Store.open(data_dir)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        outline, _ = parts(app)
        outline.move_cursor(outline._section_nodes["5.1"])
        await pilot.pause()
        await pilot.press("q")
    other = small_app("一、总则\n\n正文。\n\n二、其他\n\n还有。\n")
    other.store = store
    async with other.run_test(size=SIZE) as pilot:
        reader = await ready(other, pilot)
        assert reader.current_section == "1"
    store.close()

    store = Store.open(data_dir)
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await ready(app, pilot)
        assert reader.current_section == "5.1"
    store.close()


async def test_a_section_option_wins_over_the_remembered_position(make_app, data_dir):
    store = Store.open(data_dir)
    async with make_app(store=store).run_test(size=SIZE) as pilot:
        await ready(pilot.app, pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.press("q")
    app = make_app(store=store, section="6")
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        assert reader.current_section == "6"
    store.close()


# ---------------------------------------------------------------- language


async def test_chinese_interface(make_app):
    app = make_app(language="zh")
    # At 100 columns the keys of the study modes come first and the rest (the sections'
    # [ ], the palette) are behind the mark that leads to the help; at 120 all of them fit.
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        assert "命令面板" in footer_text(app)
    app = make_app(language="zh")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        footer = footer_text(app)
        for word in ["搜索", "标出要点", "退出", "帮助", "统计", "测验本节", "背诵"]:
            assert word in footer, footer
        assert footer.endswith(" ? … ")
        assert "Search" not in footer and "palette" not in footer
        assert breadcrumb(app) == "开篇"
        outline, text = parts(app)
        assert text.line_text(text.section_line("6")) == "结语"
        status = str(app.reader.query_one("#status", Static).render())
        assert status.startswith("要点")


async def test_english_interface(make_app):
    app = make_app(language="en")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        footer = footer_text(app)
        for word in ["Search", "Quit", "Help", "Stats", "Edit phrases", "Recite"]:
            assert word in footer, footer
        assert "搜索" not in footer
        assert breadcrumb(app) == "Opening"
        _, text = parts(app)
        assert text.line_text(text.section_line("6")) == "Closing"
        status = str(app.reader.query_one("#status", Static).render())
        assert status.endswith("key phrases")


async def test_the_language_comes_from_study_lang_when_not_given(make_app, monkeypatch):
    monkeypatch.setenv("STUDY_LANG", "en")
    app = make_app(language=None)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert language() == "en"
        assert breadcrumb(app) == "Opening"


# ---------------------------------------------------------------- small terminals


def notice_shown(reader: ReaderScreen) -> bool:
    selectors = ("#too-small", "#doc-title", "#divider", "#breadcrumb", "#outline", "#text", "#status", "KeyBar")
    shown = [reader.query_one(selector).display for selector in selectors]
    assert shown in ([True] + [False] * 7, [False] + [True] * 7), shown  # the one, or the other
    return shown[0]


@pytest.mark.parametrize("size", [(MIN_WIDTH - 1, 30), (100, MIN_HEIGHT - 1), (40, 10), (20, 8)])
async def test_a_tiny_terminal_shows_a_notice_and_resizing_back_restores_the_reader(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        reader = await ready(app, pilot)
        assert notice_shown(reader)
        notice = str(reader.query_one("#too-small", Static).render())
        assert notice == f"窗口太小了：请把终端调到至少 {MIN_WIDTH}×{MIN_HEIGHT}。按 q 退出。"
        assert reader.query_one("#too-small").region == reader.region  # the whole screen: none of it cut off
        assert not reader.query_one(KeyBar).display
        await resize(pilot, *SIZE)
        assert not notice_shown(reader)
        assert reader.query_one(KeyBar).display
        outline, text = parts(app)
        assert outline.size.width > 0 and text.size.height > 0
        assert reader.current_section == "1"


@pytest.mark.parametrize(("width", "outline"), [(62, 24), (100, 34), (130, 44), (200, 48)])
async def test_the_outline_is_a_third_of_the_width_within_limits_as_the_terminal_is_resized(make_app, width, outline):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        await resize(pilot, width, 30)
        divider = reader.query_one("#divider").region
        assert reader.query_one("#outline").region.width == reader.query_one("#doc-title").region.width == outline - 1
        assert (divider.x, divider.width, divider.height) == (outline - 1, 1, 30 - 2)  # beside the title and the outline
        assert reader.query_one("#breadcrumb").region.x == reader.query_one("#text").region.x == outline
        assert reader.query_one("#text").region.right == width


async def test_the_reader_is_one_grid_with_no_container_drawn_under_its_panes(make_app):
    # Each container is drawn in every frame under what it holds: nested panes cost the first
    # frame a fifth of its time.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        assert not [node for node in reader.walk_children() if type(node).__module__ == "textual.containers"]
        assert [node.id for node in reader.children] == [
            "doc-title", "divider", "breadcrumb", "outline", "text", "status", "too-small", None
        ]
        await pilot.press("slash")  # the search bar, mounted on first use, goes above the status line
        await pilot.pause()
        bar, status = reader.query_one(SearchBar).region, reader.query_one("#status").region
        assert (bar.x, bar.width, bar.bottom) == (0, SIZE[0], status.y)
        assert reader.query_one("#text").region.bottom == bar.y


async def test_opened_in_a_tiny_terminal_the_text_is_at_its_section_once_there_is_room(make_app):
    app = make_app(section="4.1")
    async with app.run_test(size=(40, 10)) as pilot:
        reader = await ready(app, pilot)
        assert notice_shown(reader)
        await resize(pilot, *SIZE)
        outline, text = parts(app)
        assert reader.current_section == outline.current_section == "4.1"
        assert top_section(text) == "4.1"
        assert text.scroll_offset.y == text.section_line("4.1")


async def test_the_smallest_comfortable_size_shows_the_reader(make_app):
    app = make_app()
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        reader = await ready(app, pilot)
        assert not notice_shown(reader)
        outline, text = parts(app)
        assert outline.size.width > 0 and text.scrollable_content_region.width > 0


async def test_resizing_never_crashes_and_keeps_the_place(make_app):
    app = make_app(section="3.2")
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        for size in [(1, 1), (2, 30), (100, 1), (59, 14), (60, 15), (61, 16), (80, 24), (200, 60), (3, 3), (100, 30)]:
            await resize(pilot, *size)
            assert app.is_running
        assert not notice_shown(reader)
        _, text = parts(app)
        assert reader.current_section == "3.2"
        assert top_section(text) == "3.2"
        # Still responsive after all that.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.current_section == "4"


async def test_keys_in_a_tiny_terminal_do_not_crash(make_app):
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        reader = await ready(app, pilot)
        await pilot.press("j", "right_square_bracket", "h", "slash", "x", "enter", "escape")
        await pilot.pause()
        assert app.is_running
        assert reader.current_section is not None
        await pilot.press("escape", "q")  # the notice says q quits
        await pilot.pause()
    assert app.return_code == 0


# ---------------------------------------------------------------- help and the command palette


async def test_question_mark_opens_help_and_escape_closes_it(make_app):
    from tui.screens.help_screen import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        # ? toggles it, and q closes help rather than quitting.
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("question_mark", "q")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running


READER_COMMANDS = {
    "zh": ["搜索", "标出要点", "下一节", "上一节", "帮助", "退出"],
    "en": ["Search", "Highlight", "Next section", "Previous section", "Help", "Quit"],
}


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_command_palette_lists_the_reader_actions(make_app, language):
    app = make_app(language=language)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.reader)]
        for title in READER_COMMANDS[language]:
            assert title in titles
        assert all(command.help for command in app.get_system_commands(app.reader))


async def test_the_open_palette_shows_the_reader_actions(make_app):
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        palette = app.screen
        assert CommandPalette.is_open(app)
        options = palette.query_one(OptionList)
        shown = "\n".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        for title in READER_COMMANDS["zh"]:
            assert title in shown, shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_a_palette_command_runs_its_action(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press(*"下一节")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        assert reader.current_section == "2"


async def test_q_quits_with_status_zero(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert app.return_code == 0


async def test_the_speech_file_is_the_bundled_one():
    from tui.cli import default_document

    assert default_document().read_bytes() == SPEECH.read_bytes()



async def test_a_document_too_long_for_key_phrases_is_read_and_says_so(make_app, monkeypatch):
    from tui.core import workbook

    monkeypatch.setattr(workbook, "MAX_PHRASE_CHARS", 100)
    app = make_app(language="en")
    async with app.run_test(size=SIZE) as pilot:
        reader = await ready(app, pilot)
        status = str(reader.query_one("#status", Static).render())
        assert status.startswith("zuofeng-speech.txt: too long to find key phrases in (")
        assert app.workbook.cards == []
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # no quiz of a document without phrases


async def test_the_one_line_bars_change_without_laying_the_screen_out_again(make_app):
    # Their size never depends on what they say: a new status, trail or set of keys only redraws them.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await ready(app, pilot)
        await pilot.pause()
        bars = [reader.query_one("#status", Static), reader.query_one("#breadcrumb", Static), reader.query_one(KeyBar)]
        before = [bar._layout_updates for bar in bars]
        reader.set_status("新的状态")
        await pilot.press("right_square_bracket")  # another section: another trail
        reader.query_one(TextView).focus()  # other keys
        await pilot.pause()
        assert str(bars[0].render()) == "新的状态" and str(bars[1].render()) == FIRST_HEADING
        assert [bar._layout_updates for bar in bars] == before
