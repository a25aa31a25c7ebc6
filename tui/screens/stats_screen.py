"""The stats screen: a document's progress per section, reviews per day, cards due ahead, time and streak."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from ..cells import cut_end
from ..core.names import display_heading
from ..core.report import StudyReport, mastery_percent
from ..core.workbook import Workbook
from ..i18n import captions, t, translate_bindings
from ..widgets.key_bar import KeyBar

BAR_CELLS = 10  # the mastery bar's length: a tenth of the way each
# A date under every week's bar of the reviews chart, every third day's of the forecast:
# closer dates crowd a half-screen chart, and plotext then shifts them in hash order (unstable).
TICK_EVERY, FORECAST_TICK_EVERY = 7, 3
MIN_HEADING = 8  # a section column never narrower than this: on a tiny screen the table scrolls instead


def mastery_bar(value: float) -> str:
    """▰▰▰▱▱▱▱▱▱▱  30%: filled by tenths, rounded down, so a full bar means mastered."""
    filled = min(BAR_CELLS, int(value * BAR_CELLS + 1e-9))
    return "▰" * filled + "▱" * (BAR_CELLS - filled) + f" {mastery_percent(value):>3}%"


def mastery_cell(value: float, style: str = "") -> Text:
    """The mastery bar as the table shows it: the filled part green, the rest dim."""
    bar = mastery_bar(value)
    filled = bar.count("▰")
    text = Text(bar, style=style, no_wrap=True)
    text.stylize("green", 0, filled)
    text.stylize("dim", filled, BAR_CELLS)
    return text


def nice_step(top: int, steps: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, 50 …) that covers 0..`top` in about `steps` steps."""
    step = 1
    while step * steps < top:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10 → 20 → 50 → 100 …
            step = int(step * factor)
            if step * steps >= top:
                break
    return step


def duration(seconds: float) -> str:
    """Time spent, in the interface language: 45 s, 12 min, 1 h 05 min."""
    if seconds < 60:
        return t("duration_seconds", seconds=int(seconds))
    minutes = int(seconds // 60)
    if minutes < 60:
        return t("duration_minutes", minutes=minutes)
    return t("duration_hours", hours=minutes // 60, minutes=f"{minutes % 60:02d}")


class StatsScreen(Screen[None]):
    """What the store says of one document's study; opened with the workbook and its report.

    The report (tui/core/report.py) is read before the screen opens, so a database that
    refuses is told where the key was pressed; the screen itself only draws.
    """

    CSS_PATH = "styles/stats_screen.tcss"  # read when the screen is first shown, not before the first frame

    HELP_TITLE = "key_stats"
    BINDINGS = [
        Binding("d", "exam_date", "key_exam_date", tooltip="palette_help_exam_date", id="exam_date"),
        Binding("escape", "close", "key_back", id="stats_close"),
    ]

    def __init__(self, workbook: Workbook, report: StudyReport) -> None:
        super().__init__()
        translate_bindings(self)
        self.workbook = workbook
        self.report = report
        # The table's cells in full, by row key: cut to the screen's width, and again at a resize.
        self._labels: list[Text] = []
        self._keys: list[str] = []
        self._rows: list[tuple[str, list[Text]]] = []
        self._room = -1  # the section column's width, in cells, the rows were last cut to

    def compose(self) -> ComposeResult:
        stats = self.report.stats
        title = "".join(char if char.isprintable() else " " for char in self.workbook.opened.title)
        yield Static(Text(t("stats_title", title=title)), id="stats-title")
        yield Static(Text(self.figures()), id="stats-figures")
        yield Static(Text(self.exam_line()), id="stats-exam")
        yield Input(placeholder=t("exam_date_prompt"), id="exam-date")
        yield DataTable(id="stats-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="stats-charts"):
            with Vertical():
                yield Static(Text(t("stats_chart_reviews", days=len(stats.reviews_per_day))), classes="stats-caption")
                yield self._chart("reviews-chart", stats.reviews_per_day, -TICK_EVERY)
            with Vertical():
                yield Static(Text(t("stats_chart_due", days=len(stats.due_forecast))), classes="stats-caption")
                yield self._chart("due-chart", stats.due_forecast, FORECAST_TICK_EVERY)
        yield KeyBar()

    def figures(self) -> str:
        """The figures over the table: cards due today and mastered; accuracy, time, streak."""
        report, totals = self.report, self.report.stats.totals
        accuracy = report.stats.accuracy
        # The Due column counts the cards due now, what a review takes; later today's come after.
        due_today = (
            t("stats_due_today", count=report.due_today)
            if totals.due == report.due_today
            else t("stats_due_today_now", count=report.due_today, now=totals.due)
        )
        cards = "  ·  ".join([
            due_today,
            t("stats_line_mastered", mastered=totals.mastered, cards=totals.cards),
        ])
        study = "  ·  ".join([
            t("stats_line_accuracy", accuracy="—" if accuracy is None else f"{accuracy:.0%}"),
            t("stats_line_time", today=duration(report.time_today), total=duration(report.time_total)),
            t("stats_line_streak", days=report.streak),
        ])
        return f"{cards}\n{study}"

    def exam_line(self) -> str:
        """The exam plan in one line (cards a day until the date, on track or not), or how to set a date."""
        from ..core.database import StoreError
        from ..exam import plan_of, plan_summary

        try:
            plan = plan_of(self.workbook)
        except StoreError:
            plan = None  # the figures above were read; a plan the store cannot give is only left out
        return plan_summary(plan) if plan is not None else t("exam_none_here")

    def action_exam_date(self) -> None:
        """d: an input for the exam date (YYYY-MM-DD; empty removes it)."""
        field = self.query_one("#exam-date", Input)
        field.add_class("-open")
        # At once, not by `focus()`, which waits behind keys already sent: a date typed in
        # one burst after d would reach the table (see StudyApp.on_key).
        self.set_focus(field)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from ..arguments import CliError
        from ..core.database import StoreError
        from ..core.exam import local_day
        from ..exam import parse_date
        from ..i18n import store_message

        event.stop()
        value = event.value.strip()
        try:
            when = parse_date(value, local_day()) if value else None
            if self.workbook.store is None:
                raise StoreError("No study database is open.", "unavailable")
            self.workbook.store.set_exam_date(self.workbook.document_id(), when)
        except CliError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except StoreError as error:
            self.notify(store_message(error), severity="error", markup=False)
            return
        event.input.value = ""
        event.input.remove_class("-open")
        self.query_one("#stats-exam", Static).update(Text(self.exam_line()))
        self.query_one(DataTable).focus()

    def _chart(self, chart_id: str, counts: list[tuple[date, int]], tick_every: int) -> Widget:
        """A bar a day; a date under every `tick_every`th from the first day, or from the last
        when negative (the reviews chart dates today)."""
        # Plotext and its Textual widget are imported here, when the screen opens: about
        # 0.2 s that the reader's start-up need not pay.
        from textual_plotext import PlotextPlot

        chart = PlotextPlot(id=chart_id, classes="stats-chart")
        plot = chart.plt
        positions = list(range(len(counts)))
        # Half-cell bars ("hd") keep a gap between 30 days' bars in a half-screen chart.
        plot.bar(positions, [count for _, count in counts], width=0.6, marker="hd")
        ticks = positions[::tick_every] if tick_every > 0 else positions[::tick_every][::-1]
        plot.xticks([float(n) for n in ticks], [f"{counts[n][0]:%m-%d}" for n in ticks])
        # Whole numbers on the axis, about four steps of a round size: counts have no fractions.
        top = max((count for _, count in counts), default=0)
        step = nice_step(top)
        ticks_y = list(range(0, max(top, 1) + step, step))
        plot.ylim(0, ticks_y[-1])
        plot.yticks([float(tick) for tick in ticks_y], [str(tick) for tick in ticks_y])
        return chart

    def on_mount(self) -> None:
        names = captions()
        columns = ("stats_cards", "stats_new", "stats_due", "stats_reviews", "stats_mastered")
        self._labels = [
            Text(t("stats_section_subtree")),
            *[Text(t(key), justify="right") for key in columns],
            Text(t("stats_mastery")),
        ]
        self._keys = ["section", *columns, "mastery"]
        sections = {section.id: section for section in self.workbook.opened.walk()}
        for row in self.report.stats.sections:
            section, s = sections[row.section_id], row.stats
            heading = Text("  " * (section.level - 1) + display_heading(section, names), no_wrap=True)
            figures = (s.cards, s.new, s.due, s.reviews, s.mastered)
            cells = [Text(str(value), justify="right") for value in figures]
            self._rows.append((row.section_id, [heading, *cells, mastery_cell(s.mastery) if s.cards else Text("")]))
        totals = self.report.stats.totals
        figures = (totals.cards, totals.new, totals.due, totals.reviews, totals.mastered)
        total = [
            Text(t("stats_total"), style="bold"),
            *[Text(str(value), justify="right", style="bold") for value in figures],
            mastery_cell(totals.mastery, "bold") if totals.cards else Text(""),
        ]
        self._rows.append(("total", total))
        self._fill_table(self.size.width)
        self.query_one(DataTable).focus()

    def on_resize(self, event: Resize) -> None:
        self._fill_table(event.size.width)

    def _fill_table(self, width: int) -> None:
        """The table's rows, each section's heading cut (with …) to the room the figures leave in
        `width` cells: every column, the mastery last, stays in view without scrolling sideways."""
        if not self._rows:
            return  # not mounted yet
        table = self.query_one(DataTable)
        padding = 2 * table.cell_padding
        figures = sum(
            max(label.cell_len, *(cells[index].cell_len for _, cells in self._rows)) + padding
            for index, label in enumerate(self._labels)
            if index
        )
        # The vertical scrollbar's room is kept whether it shows or not: a resize may bring it.
        gutter = table.styles.gutter.width + table.styles.scrollbar_size_vertical
        room = max(MIN_HEADING, width - gutter - figures - padding)
        if room == self._room:
            return
        self._room = room
        cursor = table.cursor_row
        table.clear(columns=True)
        for index, (key, label) in enumerate(zip(self._keys, self._labels, strict=True)):
            table.add_column(cut_end(label, room) if index == 0 else label, key=key)
        for key, cells in self._rows:
            table.add_row(cut_end(cells[0], room), *cells[1:], key=key)
        table.move_cursor(row=cursor, animate=False)

    def action_close(self) -> None:
        field = self.query_one("#exam-date", Input)
        if field.has_class("-open"):  # Esc in the date's input closes the input, not the screen
            field.value = ""
            field.remove_class("-open")
            self.query_one(DataTable).focus()
            return
        self.dismiss()
