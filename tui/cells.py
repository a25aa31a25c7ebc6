"""Rich Text cut to a width in terminal cells (a wide character counts two), with … where it was cut."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text


def cut_end(text: Text, cells: int) -> Text:
    """`text` in at most `cells` cells, its end cut off and marked … when it is longer."""
    if text.cell_len <= cells:
        return text
    if cells < 1:
        return Text("", style=text.style)
    short = text.copy()
    short.truncate(cells, overflow="ellipsis")
    if short.plain.endswith(" …") and text.plain[len(short.plain) - 2] != " ":
        # A wide character cut in half leaves a space before the …: the … goes where it was.
        short.right_crop(2)
        short.append("…")
    return short


def cut_start(text: Text, cells: int) -> Text:
    """`text` in at most `cells` cells, its start cut off and marked … when it is longer: a path keeps
    its end, the file's name."""
    if text.cell_len <= cells:
        return text
    if cells < 1:
        return Text("", style=text.style)
    plain = text.plain
    kept, used = len(plain), 1  # the … takes a cell
    while kept and used + cell_len(plain[kept - 1]) <= cells:
        kept -= 1
        used += cell_len(plain[kept])
    return Text("…", style=text.style) + text[kept:]
