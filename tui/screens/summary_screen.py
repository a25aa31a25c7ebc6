"""The end of a quiz or a review: counts, time, the phrases missed, and what to study next."""

from __future__ import annotations

from enum import Enum

from rich.cells import cell_len
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

INDENT = "  "  # before each phrase missed, under the list's title


class Next(Enum):
    """What a round's summary goes on to, besides a section: the next round, or the round's missed blanks."""

    ROUND = "round"
    MISSED = "missed"


class SummaryScreen(ModalScreen[str | Next | None]):
    """Dismissed with the id of the next section to quiz (Enter), or None (Esc).

    Of a quiz in rounds: Enter goes on to the next round (Next.ROUND) while there is one,
    and m quizzes the round's missed blanks again (Next.MISSED).
    """

    CSS_PATH = "styles/summary_screen.tcss"  # read when the screen is first shown, not before the first frame

    HELP_TITLE = "help_quiz"
    BINDINGS = [
        Binding("enter", "go_on", "key_go_on", id="go_on"),
        Binding("m", "missed", "key_missed", tooltip="palette_help_missed", id="missed_again"),
        Binding("escape", "back", "key_back", id="back"),
    ]

    def __init__(
        self,
        summary: Summary,
        following: tuple[str, str] | None,
        rounds: tuple[int, int] = (1, 1),
        again: bool = False,
        to_library: bool = False,
    ) -> None:
        """`rounds`: (this round, how many); `again`: the missed blanks may be asked again;
        `to_library`: what Enter and Esc go back to is the library, not the reader."""
        super().__init__()
        translate_bindings(self)
        self.summary = summary
        self.following = following  # (section id, its name)
        self.round, self.rounds = rounds
        self.again = again and bool(summary.missed)
        self.to_library = to_library

    @property
    def next_round(self) -> int | None:
        """The number of the round Enter goes on to, if any is left."""
        return self.round + 1 if self.round < self.rounds else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # m only where there is something missed to ask again (hidden from the key bar else).
        return self.again if action == "missed" else True

    def compose(self) -> ComposeResult:
        summary = self.summary
        # The keys of this dialog, over those of the screen beneath it.
        yield KeyBar()
        # Scrolls when a long list of missed phrases outgrows a small terminal.
        with VerticalScroll(id="summary-dialog"):
            if self.rounds > 1:
                yield Static(t("summary_round_title", number=self.round, total=self.rounds), id="summary-title")
            else:
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
            if self.again:
                yield Static(Text(t("summary_again", count=len(self.summary.missed))), id="summary-again")
            if self.next_round is not None:
                next_round = t("summary_next_round", number=self.next_round, total=self.rounds)
                yield Static(Text(next_round), id="summary-next")
            elif self.following:
                yield Static(Text(t("summary_next", section=self.following[1])), id="summary-next")
            else:
                back = "summary_back_library" if self.to_library else "summary_back"
                yield Static(Text(t(back)), id="summary-next")

    def _missed(self, width: int = 0) -> str:
        """The phrases to look at again, one a line under their title: a phrase may hold 、
        of its own (抓常、抓细、抓长), so none can join them. Wider than `width`, a phrase
        wraps, indented like its first line."""
        lines = [t("summary_missed")]
        for blank in self.summary.missed:
            text = blank.answer
            room = width - cell_len(INDENT)
            spans = wrap(text, room) if width and room > 0 else [(0, len(text))]
            lines += [INDENT + text[start:end] for start, end in spans]
        return "\n".join(lines)

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
                missed.update(Text(self._missed(width)))

    def action_go_on(self) -> None:
        if self.next_round is not None:
            self.dismiss(Next.ROUND)
        else:
            self.dismiss(self.following[0] if self.following else None)

    def action_missed(self) -> None:
        if self.again:
            self.dismiss(Next.MISSED)

    def action_back(self) -> None:
        self.dismiss(None)
