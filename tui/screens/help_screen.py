"""The help screen: every key of the screen beneath it, read from its bindings and grouped by what it is for."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..bindings import HelpRow, help_sections
from ..i18n import t, translate_bindings
from ..widgets.key_bar import KeyBar

TWO_COLUMNS_FROM = 80  # terminal cells

Rows = list[tuple[str, list[HelpRow]]]


class HelpScreen(ModalScreen[None]):
    """A dialog listing every key of `screen` and of the app; Esc, ? or q close it."""

    CSS_PATH = "styles/help_screen.tcss"  # read when the screen is first shown, not before the first frame

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss_help", "key_close", id="close_help"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        translate_bindings(self)
        self.groups: Rows = help_sections(screen)

    def compose(self) -> ComposeResult:
        # The keys of this dialog, over those of the screen beneath it.
        yield KeyBar()
        with VerticalScroll(id="help-dialog"):
            yield Static(t("help_title"), id="help-title")
            with Horizontal(id="help-groups"):
                for number, column in enumerate(self._columns()):
                    yield Static(self._table(column), classes="help-column -later" if number else "help-column")
            yield Static(t("help_footer"), id="help-footer")

    def on_resize(self, event: Resize) -> None:
        # Two columns keep every key on one page at 100x30; below that they would be too narrow.
        self.set_class(event.size.width < TWO_COLUMNS_FROM, "-narrow")

    def _columns(self) -> list[Rows]:
        """The groups in two columns of about equal height, in order."""
        heights = [len(rows) + 2 for _, rows in self.groups]  # title and the blank after
        half = sum(heights) / 2
        first: Rows = []
        used = 0.0
        for group, height in zip(self.groups, heights):
            if first and used + height / 2 > half:
                break
            first.append(group)
            used += height
        rest = self.groups[len(first) :]
        return [first, rest] if rest else [first]

    def keys_shown(self, row: HelpRow) -> str:
        return "  ".join(self.app.get_key_display(binding) for binding in row.keys)

    def _table(self, groups: Rows) -> Table:
        width = max((cell_len(self.keys_shown(row)) for _, rows in self.groups for row in rows), default=1)
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=width, no_wrap=True, style="bold")
        table.add_column()
        for number, (title, rows) in enumerate(groups):
            if number:
                table.add_row("", "")
            table.add_row(Text(t(title), style="underline"), "")
            for row in rows:
                table.add_row(Text(self.keys_shown(row)), Text(row.description))
        return table

    def action_dismiss_help(self) -> None:
        self.dismiss()
