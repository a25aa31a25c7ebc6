"""PhraseEditorScreen: switch a section's phrases off and on, add one from its text; saved and used at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static

from tui.app import StudyApp
from tui.core.model import PhraseEdit
from tui.core.store import Store
from tui.screens.phrase_editor_screen import PhraseEditorScreen
from tui.screens.quiz_screen import QuizScreen
from tui.screens.reader_screen import ReaderScreen

from .conftest import study_app, until

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
SIZE = (100, 30)
SECTION_KEY = "提高政治站位,深化思想认识 / 把握核心要义,校准政治方向"  # of section 2.1
FOUND = [
    "作风建设关系党的生死存亡",
    "抓常、抓细、抓长",
    "黄克功案件",
    "零容忍",
    "延安整风精神",
    "党的作风关系人心向背",
    "作风建设永远在路上",
    "顽固性、反复性",
    "松口气、歇歇脚",
    "两个确立",
    "两个维护",
]


@pytest.fixture
def open_app(data_dir: Path) -> Callable[..., StudyApp]:
    """The app at section 2.1 with a store of its own (closed by the test through `stores`)."""

    def build(store: Store) -> StudyApp:
        return study_app(SPEECH, language="zh", section="2.1", store=store)

    return build


async def editor_open(pilot: Pilot) -> PhraseEditorScreen:
    app: StudyApp = pilot.app  # type: ignore[assignment]
    await until(pilot, lambda: bool(app.workbook.cards) and isinstance(app.screen, ReaderScreen), "phrases found")
    assert app.reader.current_section == "2.1"
    await pilot.press("e")
    await until(pilot, lambda: isinstance(app.screen, PhraseEditorScreen), "the editor opened")
    return app.screen  # type: ignore[return-value]


def listed(editor: PhraseEditorScreen) -> list[tuple[str, bool]]:
    selections = editor.query_one(SelectionList)
    return [
        (str(selections.get_option_at_index(i).value), selections.get_option_at_index(i).value in selections.selected)
        for i in range(selections.option_count)
    ]


async def toggle(pilot: Pilot, editor: PhraseEditorScreen, text: str) -> None:
    """Highlight a phrase in the list and press space, as the user does."""
    selections = editor.query_one(SelectionList)
    selections.focus()
    selections.highlighted = [value for value, _ in listed(editor)].index(text)
    await pilot.press("space")
    await pilot.pause()


async def add(pilot: Pilot, editor: PhraseEditorScreen, text: str) -> None:
    field = editor.query_one("#editor-add", Input)
    field.focus()
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


def message(editor: PhraseEditorScreen) -> tuple[str, bool]:
    notice = editor.query_one("#editor-message", Static)
    return str(notice.content), notice.has_class("-error")


def texts(app: StudyApp, section_id: str = "2.1") -> list[str]:
    return [phrase.text for phrase in app.workbook.phrases[section_id]]


def card_texts(app: StudyApp, section_id: str = "2.1") -> list[str]:
    return [card.phrase.text for card in app.workbook.cards if card.section_id == section_id]


async def quiz_answers(pilot: Pilot) -> list[str]:
    """Close the editor, quiz the section, and list its blanks' answers."""
    app: StudyApp = pilot.app  # type: ignore[assignment]
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
    await pilot.press("t")
    await until(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz opened")
    answers = [blank.answer for blank in app.screen.session.blanks]  # type: ignore[attr-defined]
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
    return answers


class TestEditor:
    async def test_e_lists_the_phrases_of_the_section_in_view(self, open_app, data_dir) -> None:
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                assert editor.query_one("#editor-title", Static).content == "编辑要点：(一)把握核心要义,校准政治方向"
                assert listed(editor) == [(text, True) for text in FOUND]
                assert app.focused is editor.query_one(SelectionList)

    async def test_on_and_off_read_without_colour(self, open_app, data_dir) -> None:
        # The state is in the characters drawn, not only in their colour.
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                await toggle(pilot, editor, FOUND[0])
                selections = editor.query_one(SelectionList)
                lines = [selections.render_line(y) for y in range(len(FOUND))]
                off, on = lines[0], lines[1]
                assert FOUND[0] in off.text and FOUND[1] in on.text
                assert off.text.replace(FOUND[0], "").rstrip() != on.text.replace(FOUND[1], "").rstrip()
                assert "✓" in on.text and "✓" not in off.text
                struck = [seg for seg in off if FOUND[0][:2] in seg.text]
                assert struck and all(seg.style and seg.style.strike for seg in struck)

    async def test_switch_a_phrase_off_and_on(self, open_app, data_dir) -> None:
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                document_id = app.workbook.document_id()
                await toggle(pilot, editor, "零容忍")
                assert ("零容忍", False) in listed(editor)
                assert message(editor) == ("已关闭“零容忍”", False)
                assert store.phrase_edits(document_id) == [PhraseEdit(SECTION_KEY, "remove", "零容忍")]
                assert "零容忍" not in texts(app) and "零容忍" not in card_texts(app)
                assert "零容忍" in card_texts(app, "4.2")  # the same phrase elsewhere is untouched
                assert "零容忍" not in await quiz_answers(pilot)

                await pilot.press("e")
                await until(pilot, lambda: isinstance(app.screen, PhraseEditorScreen), "the editor again")
                editor = app.screen
                assert ("零容忍", False) in listed(editor)
                await toggle(pilot, editor, "零容忍")
                assert ("零容忍", True) in listed(editor)
                assert message(editor) == ("已恢复“零容忍”", False)
                assert store.phrase_edits(document_id) == []
                assert card_texts(app) == FOUND
                assert "零容忍" in await quiz_answers(pilot)

    async def test_add_a_phrase_that_occurs_is_saved_used_at_once_and_kept(self, open_app, data_dir) -> None:
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                await add(pilot, editor, "百年党史")
                assert message(editor) == ("已添加“百年党史”", False)
                assert listed(editor)[-1] == ("百年党史", True)
                assert editor.query_one("#editor-add", Input).value == ""
                assert store.phrase_edits(app.workbook.document_id()) == [PhraseEdit(SECTION_KEY, "add", "百年党史")]
                # In reading order, between the first two found phrases' sentence and 黄克功案件.
                assert card_texts(app)[:3] == ["作风建设关系党的生死存亡", "抓常、抓细、抓长", "百年党史"]
                assert "百年党史" in await quiz_answers(pilot)

        # Opened again on the same data directory: the phrase is still there.
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                assert ("百年党史", True) in listed(editor)
                assert "百年党史" in card_texts(app)

    async def test_add_a_phrase_that_does_not_occur_says_so_and_saves_nothing(self, open_app, data_dir) -> None:
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                before = list(app.workbook.cards)
                # 两个务必 is nowhere in the speech; 规划收官期 is, but in another section.
                for text in ("两个务必", "规划收官期"):
                    await add(pilot, editor, text)
                    assert message(editor) == (f"本节正文里没有“{text}”", True)
                    assert editor.query_one("#editor-add", Input).value == text  # left to correct
                    assert text not in [value for value, _ in listed(editor)]
                assert store.phrase_edits(app.workbook.document_id()) == []
                assert app.workbook.cards == before
                await add(pilot, editor, "百年党史")
                assert message(editor) == ("已添加“百年党史”", False)  # the error look is gone

    async def test_a_phrase_typed_with_a_full_width_comma_is_saved_as_the_text_writes_it(self, open_app, data_dir) -> None:
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                await add(pilot, editor, "汲取智慧，深刻认识")  # the speech has a half-width comma
                assert message(editor) == ("已添加“汲取智慧,深刻认识”", False)
                assert "汲取智慧,深刻认识" in texts(app)

    async def test_a_phrase_added_over_a_found_one_shows_that_one_off(self, open_app, data_dir) -> None:
        with Store.open(data_dir) as store:
            app = open_app(store)
            async with app.run_test(size=SIZE) as pilot:
                editor = await editor_open(pilot)
                # 生死存亡 occurs only inside 作风建设关系党的生死存亡, which it replaces.
                await add(pilot, editor, "生死存亡")
                assert "作风建设关系党的生死存亡" not in texts(app)
                assert ("作风建设关系党的生死存亡", False) in listed(editor)
                assert ("生死存亡", True) in listed(editor)
                # Switching it back on cannot work while 生死存亡 is there: the list does not pretend.
                await toggle(pilot, editor, "作风建设关系党的生死存亡")
                assert ("作风建设关系党的生死存亡", False) in listed(editor)
                assert message(editor) == ("已关闭“作风建设关系党的生死存亡”", False)
                await toggle(pilot, editor, "生死存亡")
                assert ("生死存亡", False) in listed(editor)
                assert store.phrase_edits(app.workbook.document_id()) == []
                # With 生死存亡 off, the phrase it covered is back, and the list shows it.
                assert ("作风建设关系党的生死存亡", True) in listed(editor)
                assert "作风建设关系党的生死存亡" in texts(app)


MARKUP_NOTES = "# Notes\n\nThe [red]rich[/red] text and the [link=http://x]link[/link] are written as they look.\n"


class TestMarkupInPhrases:
    async def test_a_phrase_that_looks_like_markup_is_listed_as_written(self, data_dir) -> None:
        with Store.open(data_dir) as store:
            app = study_app(Path("notes.md"), MARKUP_NOTES, language="en", store=store)
            async with app.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: app.workbook.phrases_ready, "phrases found")
                await pilot.press("e")
                await until(pilot, lambda: isinstance(app.screen, PhraseEditorScreen), "the editor opened")
                editor = app.screen
                assert isinstance(editor, PhraseEditorScreen)
                for text in ("[red]rich[/red]", "[link=http://x]link[/link]"):
                    await add(pilot, editor, text)
                    assert message(editor) == (f"“{text}” added", False)
                selections = editor.query_one(SelectionList)
                prompts = [str(selections.get_option_at_index(i).prompt) for i in range(selections.option_count)]
                assert "[red]rich[/red]" in prompts and "[link=http://x]link[/link]" in prompts
                await pilot.press("escape")  # the editor still answers its keys
                await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            # Opened again, the saved phrases are listed as written too.
            app = study_app(Path("notes.md"), MARKUP_NOTES, language="en", store=store)
            async with app.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: app.workbook.phrases_ready, "phrases found")
                await pilot.press("e")
                await until(pilot, lambda: isinstance(app.screen, PhraseEditorScreen), "the editor opened")
                selections = app.screen.query_one(SelectionList)
                prompts = [str(selections.get_option_at_index(i).prompt) for i in range(selections.option_count)]
                assert "[link=http://x]link[/link]" in prompts
