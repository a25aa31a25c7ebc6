"""CJK-aware line breaking in terminal cells: where each line of a paragraph starts and ends."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size

__all__ = ["CLOSING", "OPENING", "CONTROL_TO_SPACE", "cell_width", "rewrap", "wrap"]

Span = tuple[int, int]

# No line starts with these (the full-width ones, their ASCII forms, and their siblings).
CLOSING = frozenset("，。、；：？！”’）》】」』〉〕］｝〗〙" ",.;:?!)]}")
# No line ends with these.
OPENING = frozenset("“‘（《【「『〈〔［｛〖〘" "([{")

# Control characters have no width in a terminal; the view draws each as a space, so the
# wrapper counts them as one cell. This table is what the view uses to draw them.
CONTROL_TO_SPACE = {code: " " for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if code != 0x0A}

# Character classes, as bit flags.
_SPACE = 1  # an ASCII space: a break point, dropped where a line breaks
_WIDE = 2  # two cells (CJK ideographs, kana, hangul, full-width forms): breaks on either side
_NARROW = 4  # one cell, not a space: runs of these are words and stay together
_OPEN = 8
_CLOSE = 16
_ZERO = 32  # combining marks and joiners: they belong to the character before them


class _Widths(dict[str, int]):
    """Cell width per character, computed once per distinct character."""

    def __missing__(self, char: str) -> int:
        code = ord(char)
        if code in CONTROL_TO_SPACE:
            width = 1
        elif char == "\ufe0f":
            # Variation selector 16 may widen the character before it by one cell; counting
            # it as one keeps every line within the width whatever the terminal does.
            width = 1
        else:
            width = get_character_cell_size(char)
        self[char] = width
        return width


class _Classes(dict[str, int]):
    """Line-breaking class per character, computed once per distinct character."""

    def __missing__(self, char: str) -> int:
        if char == " ":
            cls = _SPACE
        elif char == "\ufe0f" or (_WIDTHS[char] == 0):
            cls = _ZERO
        elif _WIDTHS[char] == 2:
            cls = _WIDE
        else:
            cls = _NARROW
        if char in OPENING:
            cls |= _OPEN
        if char in CLOSING:
            cls |= _CLOSE
        self[char] = cls
        return cls


_WIDTHS = _Widths()
_CLASSES = _Classes()


def cell_width(text: str) -> int:
    """Cells `text` takes as the wrapper counts them (control characters count one)."""
    return sum(map(_WIDTHS.__getitem__, text))


def wrap(text: str, width: int, indent: int = 0) -> list[tuple[int, int]]:
    """Break `text` into lines of at most `width` cells; return each line's (start, end).

    `text[start:end]` is the line. Rules:

    - a line may break between any two wide (CJK) characters, at ASCII spaces, and between
      a wide character and a narrow one; never inside a run of narrow characters (a Latin
      word, a number, a URL) unless that run alone is longer than a line;
    - no line starts with closing punctuation (CLOSING) and no line ends with opening
      punctuation (OPENING). When the break that fills the line would put closing
      punctuation first on the next line, the character before it moves down with it.
      Where that is impossible (a single unbreakable run), the line breaks before the
      punctuation anyway rather than letting it hang past the width: the view never
      draws beyond its width;
    - spaces at a break are dropped (they are in no span); every other character is in
      exactly one span, in order. A newline always ends a line and is dropped too;
    - the first line has `indent` cells fewer (clamped so at least two cells remain);
    - where a wide character cannot fit the last cell of an odd width, the line is one
      cell short. A line exceeds the width only when a single character is wider than
      the whole width (width 1 and a CJK character): it then gets a line of its own;
    - empty text has one empty line, (0, 0).
    """
    width = max(1, width)
    indent = max(0, min(indent, width - 2))
    if "\n" not in text:
        return _wrap_piece(text, width, width - indent, 0, [])
    spans: list[tuple[int, int]] = []
    offset = 0
    avail = width - indent
    for piece in text.split("\n"):
        _wrap_piece(piece, width, avail, offset, spans)
        offset += len(piece) + 1
        avail = width
    return spans


def rewrap(
    text: str, spans: list[Span], start: int, removed: int, inserted: int, width: int
) -> tuple[int, int, list[Span]]:
    """The lines of `text` after an edit, found from its lines before: (first, stop, fresh).

    The edit replaced `removed` characters at `start` with the `inserted` now at
    text[start:start + inserted]; `spans` are `wrap(old_text, width)`. The new lines are
    spans[:first] + fresh + spans[stop:] each moved by inserted - removed: what
    `wrap(text, width)` returns. Lines are laid out one after another, each from where
    the one before it ends and looking only a line ahead, so a line far from the edit is
    unchanged: the lines that may see the edit are laid out again, until one starts where
    an old one did, past the edit. That is a few lines when the edit keeps the width (or
    in words, where breaks soon fall in step again); in Chinese text, an edit that changes
    the width can shift every line after it, and those are all laid out again.
    """
    if not spans:
        return 0, 0, wrap(text, width)
    width = max(1, width)
    delta = inserted - removed
    first = max(0, bisect_right(spans, start, key=_start) - 1)
    while first > 0 and _looked_at(text, spans[first - 1][0], spans[first][0], start, width):
        first -= 1
    begin = spans[first][0]
    edited = start + inserted
    fresh: list[Span] = []
    chunk = max(8 * width, 256)
    while True:
        end = min(len(text), max(edited, begin) + chunk)
        window = wrap(text[begin:end], width)
        last = end >= len(text)
        # The window's last line may be cut short by its end, unless that is the text's end.
        usable = window if last else window[:-1]
        for line_start, line_end in usable:
            at = begin + line_start
            if at >= edited:
                stop = bisect_left(spans, at - delta, key=_start)
                if stop < len(spans) and spans[stop][0] == at - delta:
                    return first, stop, fresh
            fresh.append((at, begin + line_end))
        if last:
            return first, len(spans), fresh
        if usable:
            begin += window[len(usable)][0]
        chunk *= 2


def _start(span: Span) -> int:
    return span[0]


def _looked_at(text: str, line_start: int, next_start: int, at: int, width: int) -> bool:
    """Whether laying out the line from `line_start` (the next began at `next_start`) read text[at].

    Finding where a line ends reads up to the first character that does not fit, and on
    past spaces to the character after them; and the first character of the next line.
    """
    if at <= next_start:
        return True
    limit = cell_width(text[line_start:at])
    if limit <= width:
        return True
    # text[at] lies beyond the line's width: it was read only across spaces that reach it.
    cells = 0
    k = line_start
    while k < at and cells + _WIDTHS[text[k]] <= width:
        cells += _WIDTHS[text[k]]
        k += 1
    return all(char == " " for char in text[k:at])


def _wrap_piece(
    text: str, width: int, first: int, offset: int, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Append the lines of `text` (no newlines) to `spans`, shifted by `offset`."""
    n = len(text)
    if text.isascii():
        # Every ASCII character counts one cell here, so the prefix sums are the indices.
        cum: range | list[int] = range(n + 1)
    else:
        # cum[k] is the width of text[:k]; built in C, so no Python work per character.
        cum = list(accumulate(map(_WIDTHS.__getitem__, text), initial=0))
    total = cum[n]
    classes = _CLASSES
    i = 0
    avail = first
    while True:
        limit = cum[i] + avail
        if limit >= total:
            spans.append((offset + i, offset + n))
            return spans
        # The longest prefix from i that fits: text[i:j]. One bisection per line, so runs
        # of CJK text cost nothing per character.
        j = bisect_right(cum, limit, i) - 1
        k = j
        while k > i and not _can_break(text, k, i, n, classes):
            k -= 1
        if k > i:
            end = k
            while end > i and text[end - 1] == " ":
                end -= 1
            if end == i:  # only spaces before the break: keep them rather than an empty line
                end = k
        elif j > i:
            # No legal break: the run is longer than the line, so cut it where it is full,
            # but keep combining marks with their base and, when it costs nothing, take one
            # character down with closing punctuation.
            k = j
            while k > i + 1 and classes[text[k]] & _ZERO:
                k -= 1
            if classes[text[k]] & _CLOSE and k - 1 > i and not classes[text[k - 1]] & (_CLOSE | _ZERO):
                k -= 1
            end = k
        else:
            # Not even one character fits (width 1 and a wide character): it goes alone.
            k = i + 1
            while k < n and classes[text[k]] & _ZERO:
                k += 1
            end = k
        spans.append((offset + i, offset + end))
        # Spaces where a line breaks are dropped: the next line starts after them.
        nxt = k
        while nxt < n and text[nxt] == " ":
            nxt += 1
        if nxt >= n:
            return spans
        i = nxt
        avail = width


def _can_break(text: str, k: int, start: int, n: int, classes: _Classes) -> bool:
    """Whether a line may end between text[k - 1] and text[k] (start < k < n)."""
    after = classes[text[k]]
    if after & _SPACE:
        # A break at spaces must not leave closing punctuation first on the next line.
        m = k + 1
        while m < n and text[m] == " ":
            m += 1
        return m >= n or not classes[text[m]] & (_CLOSE | _ZERO)
    if after & (_CLOSE | _ZERO):
        return False
    j = k - 1
    before = classes[text[j]]
    while before & _ZERO and j > start:
        j -= 1
        before = classes[text[j]]
    if before & _SPACE:
        return True
    if before & _OPEN:
        return False
    return not (before & _NARROW and after & _NARROW)
