"""ReciteScreen on the bundled speech: levels, Space, grading aloud, typed recitation; what the store holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from tui.app import StudyApp
from tui.core.hiding import hide
from tui.core.store import Store
from tui.i18n import t
from tui.screens.help_screen import HelpScreen
from tui.screens.reader_screen import ReaderScreen
from tui.screens.recite_screen import DIFF_STYLES, ReciteScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.passage_text import PassageText

from .conftest import study_app, until

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
SIZE = (100, 30)


@pytest.fixture
def open_app(store: Store) -> Callable[..., StudyApp]:
    def build(section: str | None = "2", language: str = "zh") -> StudyApp:
        return study_app(SPEECH, language=language, section=section, store=store)

    return build


async def recite(pilot: Pilot, key: str = "p") -> ReciteScreen:
    app: StudyApp = pilot.app  # type: ignore[assignment]
    await until(pilot, lambda: app.workbook.phrases_ready and isinstance(app.screen, ReaderScreen), "phrases found")
    await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, ReciteScreen), "the recital opened")
    return app.screen  # type: ignore[return-value]


def drawn(screen: ReciteScreen) -> str:
    """The passage pane's text, its lines joined (the gutter is drawn apart from them)."""
    return "".join(screen.query_one(PassageText).plain_lines)


async def test_the_first_frame_of_a_recital_shows_its_passage(open_app: Callable[..., StudyApp], full_frames: list[list[str]]) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await recite(pilot)
    first = next(frame for frame in full_frames if frame[0].strip().startswith("背诵："))
    assert "习近平总书记强调" in "\n".join(first)  # not an empty pane waiting for its size


@pytest.mark.parametrize(("language", "width", "end"), [("en", 100, "grade 1-4"), ("zh", 50, "1–4 自评")])
async def test_the_status_line_is_whole_at_any_level(open_app: Callable[..., StudyApp], language: str, width: int, end: str) -> None:
    app = open_app(language=language)
    async with app.run_test(size=(width, 30)) as pilot:
        screen = await recite(pilot)
        await pilot.press("equals_sign", "equals_sign")  # level 2: the longest name
        await pilot.pause()
        status = screen.query_one("#recite-status", Static)
        lines = [strip.text.rstrip() for strip in status.render_lines(Region(0, 0, status.size.width, status.size.height))]
        assert " ".join(lines).replace("  ", " ").strip().endswith(end), lines


async def test_levels_step_up_and_down_and_draw_the_hidden_text(open_app: Callable[..., StudyApp]) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        first = screen.passages[0]
        assert [p.section_id for p in screen.passages] == ["2.1", "2.2"]
        assert first.text in drawn(screen) and first.heading in drawn(screen)
        for level in range(1, 5):
            await pilot.press("plus" if level % 2 else "equals_sign")
            assert screen.level == level
            assert hide(first.text, level, first.phrases) in drawn(screen)
        await pilot.press("plus")  # no level past 4
        assert screen.level == 4 and "＿＿＿＿" in drawn(screen)
        await pilot.press("minus", "minus", "minus", "minus", "minus")
        assert screen.level == 0 and first.text in drawn(screen)
        status = str(screen.query_one("#recite-status").render())
        assert "第 1/2 段" in status and "全文" in status


async def test_space_reveals_clause_by_clause_and_a_level_change_resets(open_app: Callable[..., StudyApp]) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        text = screen.passages[0].text
        await pilot.press("plus", "plus", "plus", "plus")
        await pilot.press("space")
        assert drawn(screen).count("习近平总书记强调:") == 1  # the first clause in full, in place
        assert hide(text, 4, revealed=1) in drawn(screen)
        await pilot.press("space")
        assert hide(text, 4, revealed=2) in drawn(screen)
        await pilot.press("minus")
        assert screen.revealed == {} and hide(text, 3) in drawn(screen)


async def test_grades_are_stored_as_passage_reviews(open_app: Callable[..., StudyApp], store: Store) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        await pilot.press("plus", "plus", "3")
        reviews = store.reviews(app.workbook.document_id())
        assert [(r.card_key, r.rating, r.outcome) for r in reviews] == [(screen.passages[0].key, 3, "recited:2")]
        assert screen.current == 1  # on to the next paragraph
        await pilot.press("1")
        assert [r.card_key for r in store.reviews(app.workbook.document_id())][-1] == screen.passages[1].key
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back to reading")
        phrase_keys = {card.key for card in app.workbook.cards}
        assert not phrase_keys & {r.card_key for r in store.reviews(app.workbook.document_id())}


async def test_typed_recitation_is_scored_and_its_score_stored(
    open_app: Callable[..., StudyApp], store: Store
) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        await pilot.press("w")
        area = screen.query_one("#recital-input", TextArea)
        assert area.has_focus and screen.typing
        expected = screen.passages[0].text
        typed = expected.replace("作风建设", "工作建设", 1)[:-30]
        await pilot.press("1", "space")  # typed into the text, not read as grades or reveals
        assert area.text == "1 " and store.reviews(app.workbook.document_id()) == []
        area.load_text(typed)
        await pilot.press("ctrl+s")
        [review] = store.reviews(app.workbook.document_id())
        assert review.card_key == screen.passages[0].key and review.outcome == "typed"
        assert review.typed == typed and review.score is not None and 0.7 < review.score < 0.95
        assert review.rating == 1  # under 90 %: Again
        assert f"{int(review.score * 100)}%" in str(screen.query_one("#recital-result").render())
        assert screen.result is not None
        shown = screen.result_text(screen.result[1], screen.result[0])
        styles = {str(span.style) for span in shown.spans}
        assert {DIFF_STYLES["missing"], DIFF_STYLES["wrong"]} <= styles
        await pilot.press("2")  # the suggestion changed: the review is rated again, not doubled
        [review] = store.reviews(app.workbook.document_id())
        assert review.rating == 2


async def test_while_typing_the_key_bar_shows_the_keys_in_force(open_app: Callable[..., StudyApp]) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        bar = screen.query_one(KeyBar)
        reading = bar.keys_text().plain
        assert t("key_recite_level") in reading and "^s" not in reading
        await pilot.press("w")
        await pilot.pause()
        typing = bar.keys_text().plain
        # + - type into the box, as do space and the digits: only submitting and leaving are keys.
        assert "^s " + t("key_recite_submit") in typing and "Esc" in typing
        assert t("key_recite_level") not in typing and t("key_recite_type") not in typing
        await pilot.press("escape")  # the draft put away: reading again
        await pilot.pause()
        assert bar.keys_text().plain == reading


async def test_what_is_typed_in_one_burst_after_w_goes_into_the_box(open_app: Callable[..., StudyApp]) -> None:
    from textual import events

    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        driver = app._driver
        assert driver is not None
        for key in ["w", *"作风建设"]:
            event = events.Key(key, key)
            event.set_sender(app)
            driver.send_message(event)  # as a terminal hands over a paste: no pause between
        await until(pilot, lambda: screen.query_one("#recital-input", TextArea).text == "作风建设", "the typed text")
        assert screen.typing


async def test_the_paragraph_typed_from_memory_is_hidden_until_submitted(open_app: Callable[..., StudyApp]) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot, "w")  # w in the reader opens at level 0, every paragraph in full
        first, second = screen.passages[0].text, screen.passages[1].text
        assert screen.typing and screen.level == 0
        assert first not in drawn(screen) and "习近平总书记强调" not in drawn(screen)
        assert hide(first, 4) in drawn(screen)  # its length and punctuation only
        assert second in drawn(screen)  # the other paragraphs stay at the level
        await pilot.press("escape")  # put away as a draft: the paragraph shows again
        assert first in drawn(screen)
        await pilot.press("plus", "w")
        assert hide(first, 4) in drawn(screen) and hide(second, 1, screen.passages[1].phrases) in drawn(screen)
        screen.query_one("#recital-input", TextArea).load_text(first)
        await pilot.press("ctrl+s")
        assert screen.result is not None and hide(first, 1, screen.passages[0].phrases) in drawn(screen)


async def test_a_typed_draft_is_no_review_and_waits_while_the_screen_is_open(
    open_app: Callable[..., StudyApp], store: Store
) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot, "w")  # w in the reader: straight to typing
        assert screen.typing
        await pilot.press("习", "近")
        await pilot.press("escape")
        assert not screen.typing and store.reviews(app.workbook.document_id()) == []
        await pilot.press("w")
        assert screen.query_one("#recital-input", TextArea).text == "习近"
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back to reading")
        assert store.reviews(app.workbook.document_id()) == []


async def test_recite_keys_in_help_and_palette(open_app: Callable[..., StudyApp]) -> None:
    from tui.bindings import commands, help_sections

    app = open_app(language="en")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        reader = app.screen
        ids = {binding.id for _, binding in commands(reader)}
        assert {"recite", "recite_typed"} <= ids
        titles = dict(help_sections(reader))
        # One entry of the key bar (fpw), a row each in the help.
        assert [row.description for row in titles["help_recite"]] == ["Framework", "Recite", "Write out"]
        screen = await recite(pilot)
        assert {"recite_more", "recite_less", "recite_reveal", "recite_type", "recite_submit"} <= {
            binding.id for _, binding in commands(screen)
        }
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")


async def test_the_preamble_is_recited_without_a_heading(open_app: Callable[..., StudyApp]) -> None:
    app = open_app(section="1")
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        assert [p.section_id for p in screen.passages] == ["1", "1"]
        assert screen.passages[0].heading is None and screen.passages[0].text == "同志们:"


async def test_a_section_without_paragraphs_says_so(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "headings.txt"
    path.write_text("一、只有标题\n二、第二部分\n这里才有正文。\n", encoding="utf-8")
    app = study_app(path, language="en", section="1", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.workbook.phrases_ready and isinstance(app.screen, ReaderScreen), "reader")
        notes: list[str] = []
        app.screen.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and notes == [t("recite_nothing")]


async def test_a_grade_the_store_refuses_waits_and_goes_in_on_leaving(
    open_app: Callable[..., StudyApp], store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.database import StoreError

    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await recite(pilot)
        real = Store.record_review

        def busy(*_: object, **__: object) -> None:
            raise StoreError(kind="busy")

        monkeypatch.setattr(Store, "record_review", busy)
        await pilot.press("4")
        assert [answer.card_key for answer in app.workbook.answers.waiting] == [screen.passages[0].key]
        assert screen.current == 1  # the recital goes on
        monkeypatch.setattr(Store, "record_review", real)
        app.workbook.leave(None)
        assert [(r.card_key, r.rating) for r in store.reviews(app.workbook.document_id())] == [
            (screen.passages[0].key, 4)
        ]
