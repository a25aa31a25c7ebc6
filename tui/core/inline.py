"""Inline Markdown: a paragraph as a reader sees it (markers hidden, styles kept), and where each raw offset lands.

Phrases and blanks are offsets into the raw paragraph; `Inline.shown_offset` maps them
to the text shown. Only what a reader needs is read: **bold**, *italic* (and the
underscore forms), ***both***, `code`, [links](url) and ![images](src) (their text
shows, the address does not), <https://autolinks>, ~~strike~~ and ==highlight==, and
backslash escapes. Emphasis follows CommonMark's delimiter rules, loosened for Chinese:
a Chinese character next to a marker counts as a word boundary, so **“作风”**建设 is bold.
Anything that does not pair up stays as written, so a lone * or _ is text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import get_character_cell_size

from .lazy_pattern import lazy_compile

__all__ = ["Inline", "InlineStyle", "parse_inline", "plain_inline"]

InlineStyle = Literal["bold", "italic", "code", "link", "strike", "mark"]

_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK = lazy_compile(r"<(?:https?://|mailto:|ftp://)[^\s<>]+>", re.IGNORECASE)


@dataclass(frozen=True)
class Inline:
    """A paragraph as shown: `text`, its styled spans (shown offsets), and the raw runs left out."""

    raw: str
    text: str
    styles: tuple[tuple[int, int, InlineStyle], ...] = ()
    # The raw runs hidden, in order: where each starts, how long it is, and how many raw
    # characters were hidden before it.
    _starts: tuple[int, ...] = field(default=(), repr=False)
    _lengths: tuple[int, ...] = field(default=(), repr=False)
    _before: tuple[int, ...] = field(default=(), repr=False)

    def shown_offset(self, raw: int) -> int:
        """Where raw offset `raw` lands in `text`; an offset inside a hidden marker lands where it was."""
        run = bisect_right(self._starts, raw) - 1
        if run < 0:
            return raw
        hidden = self._before[run] + min(raw - self._starts[run], self._lengths[run])
        return raw - hidden

    def shown_span(self, start: int, end: int) -> tuple[int, int]:
        """A raw span [start, end) as a shown span."""
        return self.shown_offset(start), self.shown_offset(end)


def plain_inline(raw: str) -> Inline:
    """Text that is not Markdown: shown as written."""
    return Inline(raw, raw)


@dataclass
class _Run:
    """A run of * _ ~ = that may open or close emphasis."""

    char: str
    start: int
    length: int
    can_open: bool
    can_close: bool


def parse_inline(raw: str) -> Inline:
    """Read the inline Markdown of one paragraph (or heading)."""
    if not any(char in raw for char in "*_`[~=<\\"):
        return Inline(raw, raw)
    hidden: list[tuple[int, int]] = []
    styles: list[tuple[int, int, InlineStyle]] = []
    runs: list[_Run] = []
    brackets: list[tuple[int, bool, int]] = []  # "[" or "![": where, an image, runs before it
    n = len(raw)
    i = 0
    while i < n:
        char = raw[i]
        if char == "\\" and i + 1 < n and raw[i + 1] in _ESCAPABLE:
            hidden.append((i, i + 1))
            i += 2
        elif char == "`":
            j = _run_end(raw, i)
            close = _closing_ticks(raw, j, j - i)
            if close < 0:
                i = j  # no closing run of the same length: the backticks are text
                continue
            hidden += [(i, j), (close, close + j - i)]
            styles.append((j, close, "code"))
            i = close + j - i
        elif char in "*_~=":
            j = _run_end(raw, i)
            if char in "*_" or j - i == 2:
                runs.append(_flanking(raw, char, i, j))
            i = j
        elif char == "!" and raw.startswith("[", i + 1):
            brackets.append((i, True, len(runs)))
            i += 2
        elif char == "[":
            brackets.append((i, False, len(runs)))
            i += 1
        elif char == "]" and brackets:
            start, image, bottom = brackets.pop()
            close = _link_end(raw, i + 2) if raw.startswith("(", i + 1) else -1
            if close < 0:
                i += 1
                continue
            text_start = start + (2 if image else 1)
            hidden += [(start, text_start), (i, close + 1)]
            styles.append((text_start, i, "link"))
            _emphasis(runs, bottom, hidden, styles)  # markers inside the link text pair among themselves
            del runs[bottom:]
            if not image:
                brackets = [b for b in brackets if b[1]]  # no link inside a link
            i = close + 1
        elif char == "<" and (autolink := _AUTOLINK.match(raw, i)):
            hidden += [(i, i + 1), (autolink.end() - 1, autolink.end())]
            styles.append((i + 1, autolink.end() - 1, "link"))
            i = autolink.end()
        else:
            i += 1
    _emphasis(runs, 0, hidden, styles)
    return _build(raw, hidden, styles)


def _run_end(raw: str, i: int) -> int:
    j = i + 1
    while j < len(raw) and raw[j] == raw[i]:
        j += 1
    return j


def _closing_ticks(raw: str, after: int, length: int) -> int:
    """Where the run of exactly `length` backticks closing a code span starts, or -1."""
    ticks = "`" * length
    at = raw.find(ticks, after)
    while at >= 0:
        end = _run_end(raw, at)
        if end - at == length:
            return at
        at = raw.find(ticks, end)
    return -1


def _link_end(raw: str, i: int) -> int:
    """The ")" that ends a link's address starting at `i` (parentheses inside it balanced), or -1."""
    depth = 0
    while i < len(raw):
        char = raw[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i
            depth -= 1
        elif char == " " and depth == 0 and raw.startswith('"', i + 1):
            title_end = raw.find('"', i + 2)  # [text](address "title")
            if title_end < 0:
                return -1
            i = title_end
        elif char.isspace():
            return -1  # an address has no spaces
        i += 1
    return -1


def _kind(char: str) -> str:
    """space, punct, wide (a Chinese character: a boundary, as spaces and punctuation are) or word."""
    if not char or char.isspace():
        return "space"
    if unicodedata.category(char)[0] in "PS":
        return "punct"
    if get_character_cell_size(char) == 2:
        return "wide"
    return "word"


def _flanking(raw: str, char: str, start: int, end: int) -> _Run:
    before = _kind(raw[start - 1] if start else "")
    after = _kind(raw[end] if end < len(raw) else "")
    left = after != "space" and (after != "punct" or before != "word")
    right = before != "space" and (before != "punct" or after != "word")
    if char == "_":
        # snake_case: an underscore inside a word is a character, not a marker
        return _Run(char, start, end - start, left and (not right or before == "punct"),
                    right and (not left or after == "punct"))
    return _Run(char, start, end - start, left, right)


def _emphasis(
    runs: list[_Run], bottom: int, hidden: list[tuple[int, int]], styles: list[tuple[int, int, InlineStyle]]
) -> None:
    """Pair openers and closers from `bottom` up, as CommonMark does, nearest opener first."""
    closer_at = bottom
    while closer_at < len(runs):
        closer = runs[closer_at]
        opener_at = closer_at - 1
        if closer.can_close:
            while opener_at >= bottom and not (runs[opener_at].char == closer.char and runs[opener_at].can_open):
                opener_at -= 1
        if not closer.can_close or opener_at < bottom:
            closer_at += 1
            continue
        opener = runs[opener_at]
        if closer.char in "*_":
            used = 2 if opener.length >= 2 and closer.length >= 2 else 1
            style: InlineStyle = "bold" if used == 2 else "italic"
        else:
            used, style = 2, "strike" if closer.char == "~" else "mark"
        opener_end = opener.start + opener.length
        hidden += [(opener_end - used, opener_end), (closer.start, closer.start + used)]
        styles.append((opener_end, closer.start, style))
        opener.length -= used
        closer.start += used
        closer.length -= used
        del runs[opener_at + 1 : closer_at]  # markers between them pair no more
        closer_at = opener_at + 1
        if opener.length == 0:
            del runs[opener_at]
            closer_at -= 1
        if closer.length == 0:
            del runs[closer_at]


def _build(raw: str, hidden: list[tuple[int, int]], styles: list[tuple[int, int, InlineStyle]]) -> Inline:
    hidden.sort()
    starts: list[int] = []
    lengths: list[int] = []
    before: list[int] = []
    pieces: list[str] = []
    total = at = 0
    for start, end in hidden:
        pieces.append(raw[at:start])
        starts.append(start)
        lengths.append(end - start)
        before.append(total)
        total += end - start
        at = end
    pieces.append(raw[at:])
    inline = Inline(raw, "".join(pieces), (), tuple(starts), tuple(lengths), tuple(before))
    shown = []
    for start, end, style in styles:
        low, high = inline.shown_span(start, end)
        if low < high:
            shown.append((low, high, style))
    shown.sort()
    return Inline(raw, inline.text, tuple(shown), inline._starts, inline._lengths, inline._before)
