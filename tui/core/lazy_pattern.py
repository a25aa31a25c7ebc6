"""Regular expressions compiled when first used, for the patterns a document may never call for.

The outline parser holds patterns for every kind of heading and page residue: 第X章,
Roman numerals, English words, a web page's buttons. Compiling one with Chinese
characters in a class costs about a millisecond, and most documents use a third of
them. The app parses before its first frame, so a pattern a text never reaches is
compiled only when one does.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a compiled pattern is asked for: once one of them is, all are its own.
_ATTRIBUTES = (
    "match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "pattern", "flags", "groups",
)


class _LazyPattern:
    """Stands for `re.compile(source, flags)` until an attribute is looked up.

    Then the compiled pattern's methods become this object's own attributes, which Python
    finds before it would call `__getattr__`: matching costs what it costs on the
    compiled pattern. Two threads compiling it at once each set the same methods.
    """

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)  # its own fields, or a protocol's (copy, pickle): not the pattern's
        compiled = re.compile(self._source, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done on first use; only its methods and attributes are used, not
    `isinstance` or the `re` module's functions."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))
