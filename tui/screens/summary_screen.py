"""The end of a quiz or a review: counts, time, the phrases missed, and what to study next."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..core.session import Summary
from ..core.wrap import wrap
from ..i18n import t, translate_bindings
from ..widgets.key_bar import KeyBar


class SummaryScreen(ModalScreen[str | None]):
    """Dismissed with the id of the next section to quiz (Enter), or None (Esc)."""

    BINDINGS = [
        Binding("enter", "go_on", "key_go_on", id="go_on"),
        Binding("escape", "back", "key_back", id="back"),
    ]

    def __init__(self, summary: Summary, following: tuple[str, str] | None) -> None:
        super().__init__()
        translate_bindings(self)
        self.summary = summary
        self.following = following  # (section id, its name)

    def compose(self) -> ComposeResult:
        summary = self.summary
        # The keys of this dialog, over those of the screen beneath it.
        yield KeyBar()
        # Scrolls when a long list of missed phrases outgrows a small terminal.
        with VerticalScroll(id="summary-dialog"):
            yield Static(t("summary_title"), id="summary-title")
            counts = Table.grid(padding=(0, 2))
            counts.add_column(style="bold")
            counts.add_column(justify="right")
            for key, value in (
                ("summary_right", summary.right),
                ("summary_near", summary.near),
                ("summary_wrong", summary.wrong),
                ("summary_revealed", summary.revealed),
                ("summary_skipped", summary.pending),
            ):
                counts.add_row(Text(t(key)), Text(str(value)))
            minutes, seconds = divmod(int(summary.seconds + 0.5), 60)
            counts.add_row(Text(t("summary_time")), Text(f"{minutes}:{seconds:02d}"))
            yield Static(counts, id="summary-counts")
            if summary.missed:
                yield Static(Text(self._missed()), id="summary-missed")
            if self.following:
                yield Static(Text(t("summary_next", section=self.following[1])), id="summary-next")
            else:
                yield Static(Text(t("summary_back")), id="summary-next")

    def _missed(self) -> str:
        return t("summary_missed", phrases="、".join(blank.answer for blank in self.summary.missed))

    def on_mount(self) -> None:
        self.call_after_refresh(self._wrap_missed)

    def on_resize(self) -> None:
        self.call_after_refresh(self._wrap_missed)

    def _wrap_missed(self) -> None:
        # Rich folds a line without spaces anywhere, so a line could begin with 、; the
        # project's wrapper keeps Chinese punctuation where it belongs.
        for missed in self.query("#summary-missed").results(Static):
            width = missed.content_region.width
            if width > 0:
                text = self._missed()
                missed.update(Text("\n".join(text[start:end] for start, end in wrap(text, width))))

    def action_go_on(self) -> None:
        self.dismiss(self.following[0] if self.following else None)

    def action_back(self) -> None:
        self.dismiss(None)
