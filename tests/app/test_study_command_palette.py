"""Tests of tui/screens/study_command_palette.py: the palette in the interface language."""

from __future__ import annotations

import inspect

import pytest
from textual.command import CommandInput, CommandList, CommandPalette

from tui.screens.study_command_palette import StudyCommandPalette

from .conftest import until, until_ready


def test_textual_still_draws_its_no_matches_notice_where_it_is_replaced() -> None:
    # The palette replaces this method of Textual's: were it renamed, the notice would be English again.
    method = CommandPalette.__dict__.get("_start_no_matches_countdown")
    assert method is not None and list(inspect.signature(method).parameters) == ["self", "search_value"]
    assert "No matches found" in inspect.getsource(method)


@pytest.mark.parametrize(("language", "prompt", "nothing"), [("zh", "搜索命令…", "没有找到"), ("en", "Search for commands…", "No matches found")])
async def test_the_prompt_and_no_matches_speak_the_interface_language(make_app, language, prompt, nothing) -> None:
    app = make_app(language=language)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(app, pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, StudyCommandPalette), "the palette")
        field = app.screen.query_one(CommandInput)
        assert field.placeholder == prompt
        await pilot.press("z", "z", "z", "z")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count == 1 and commands.get_option_at_index(0).disabled, "the notice")
        assert nothing in str(commands.get_option_at_index(0).prompt.renderable)
