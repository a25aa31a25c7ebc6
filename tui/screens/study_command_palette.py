"""Textual's command palette, speaking the interface language."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from ..i18n import t


class StudyCommandPalette(CommandPalette):
    """The command palette with its prompt and its "no matches" in the interface language.

    Textual writes both in English: the prompt is a parameter; the notice is drawn by
    `_start_no_matches_countdown`, given here as Textual has it with the words changed
    (tests/app/test_study_command_palette.py checks that Textual still has that method).
    """

    def __init__(self) -> None:
        super().__init__(placeholder=t("palette_placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                notice = Align.center(Text(t("palette_no_matches"), style="not bold"))
                self.query_one(CommandList).add_option(Option(notice, disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False  # discovering with nothing to show: nothing to say

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
