"""The help screen: every key of the app, grouped by what it is for."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import t, translate_bindings
from ..widgets.key_bar import KeyBar

TWO_COLUMNS_FROM = 80  # terminal cells

# (group title key, [(keys as shown, description key)]): the source of truth for help.
KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("help_outline", [
        ("↑ ↓  j k", "key_outline_move"),
        ("← →", "key_outline_fold"),
        ("Enter", "key_outline_open"),
        ("Tab", "key_switch_pane"),
    ]),
    ("help_reading", [
        ("↑ ↓  j k", "key_scroll"),
        ("PgUp PgDn  Space", "key_page"),
        ("Home End", "key_top_bottom"),
        ("[  ]", "key_sections"),
        ("h", "key_highlight_long"),
    ]),
    ("help_search", [
        ("/", "key_search"),
        ("n  N", "key_matches"),
        ("Esc", "key_close"),
    ]),
    ("help_quiz", [
        ("t", "key_quiz"),
        ("r", "key_review"),
        ("e", "key_edit_phrases"),
        ("Enter", "key_answer"),
        ("Tab  Shift+Tab", "key_blanks"),
        ("Ctrl+T", "key_hint"),
        ("Ctrl+R", "key_reveal"),
        ("1 2 3 4", "key_rate"),
        ("Esc", "key_leave"),
    ]),
    ("help_general", [
        ("?", "key_help"),
        ("Ctrl+P", "key_palette"),
        ("q", "key_quit"),
    ]),
]


class HelpScreen(ModalScreen[None]):
    """A dialog listing every key; Esc, ? or q close it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss_help", "key_close", id="close_help"),
    ]

    def __init__(self, extra: list[tuple[str, list[tuple[str, str]]]] | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.groups = KEYS + (extra or [])

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

    def _columns(self) -> list[list[tuple[str, list[tuple[str, str]]]]]:
        """The groups in two columns of about equal height, in order."""
        heights = [len(rows) + 2 for _, rows in self.groups]  # title and the blank after
        half = sum(heights) / 2
        first, used = [], 0
        for group, height in zip(self.groups, heights):
            if first and used + height / 2 > half:
                break
            first.append(group)
            used += height
        rest = self.groups[len(first) :]
        return [first, rest] if rest else [first]

    def _table(self, groups: list[tuple[str, list[tuple[str, str]]]]) -> Table:
        width = max(cell_len(keys) for _, rows in self.groups for keys, _ in rows)
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=width, no_wrap=True, style="bold")
        table.add_column()
        for number, (title, rows) in enumerate(groups):
            if number:
                table.add_row("", "")
            table.add_row(Text(t(title), style="underline"), "")
            for keys, description in rows:
                table.add_row(Text(keys), Text(t(description)))
        return table

    def action_dismiss_help(self) -> None:
        self.dismiss()
