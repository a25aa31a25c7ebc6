"""What a user sees of a scrolling pane: its lines read off the composed screen, page by page."""

from __future__ import annotations

import re

from textual.pilot import Pilot
from textual.widget import Widget


def screen_rows(widget: Widget) -> list[str]:
    """The rows of the screen inside `widget`'s text area (its scrollbar and padding left out).

    Only what is on the screen: a widget taller than the screen is cut off at its edge.
    """
    strips = widget.screen._compositor.render_strips()
    region = widget.scrollable_content_region.intersection(widget.screen.region)
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


async def read_through(pilot: Pilot, widget: Widget) -> list[str]:
    """Every line of a scrolling widget as drawn on screen, scrolled through from the top, page by page."""
    await pilot.pause()
    height = widget.scrollable_content_region.height
    seen: dict[int, str] = {}
    y = 0
    while True:
        widget.scroll_to(y=y, animate=False)
        await pilot.pause()
        top = round(widget.scroll_offset.y)
        for row, text in enumerate(screen_rows(widget)):
            seen.setdefault(top + row, text)
        if top + height >= widget.virtual_size.height or height <= 0 or top < y:
            break
        y = top + height
    return [seen[y] for y in sorted(seen)]


def without_spaces(text: str) -> str:
    """Text with its spaces dropped: a line break may drop a space, and lines are padded with them."""
    return "".join(text.split())


def fill_as_one(text: str) -> str:
    """Text with each blank's run of fill made one: a blank broken at its answer's space loses that cell."""
    return re.sub("_+", "_", text)
