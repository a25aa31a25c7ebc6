"""Finding a section by what a reader would write: its id, its numbering as seen, or words of its heading.

`--section 2.1` names a section by id; people name it as they see it: 二, 二、（一）,
二.（一）, 第三章, Article. II, or words of its heading (问题导向). All are read here.
"""

from __future__ import annotations

import unicodedata

from .model import Document, Section

# Nothing but these stays in a comparison key: numbering punctuation, spaces and
# brackets differ between how a label is written and how someone types it.
_KEPT_CATEGORIES = ("L", "N")


def _key(text: str) -> str:
    """Letters and digits only, full-width folded and case ignored: 二、（一） -> 二一."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if unicodedata.category(char)[0] in _KEPT_CATEGORIES)


def _label_key(section: Section) -> str:
    """The section's numbering as a key; a Markdown marker is no number, so its heading stands in."""
    label = section.label.strip()
    if not label.strip("#"):
        return _key(section.heading)
    return _key(label)


# The parts before the first heading and after the last, by the names the outline shows them
# under (in either language) and their own.
UNHEADED = {"开篇": "preamble", "opening": "preamble", "preamble": "preamble", "结语": "closing", "closing": "closing"}


def find_section(document: Document, reference: str) -> Section | None:
    """The section `reference` names, or None.

    Tried in order, the first that names exactly one section wins: an id; the name of the
    opening or the closing (开篇, 结语, Opening, Closing); the
    numbering of the section and its ancestors (二、（一）, 二.（一）); the section's own
    numbering (第三章, 二); its whole heading; words found in one heading only
    (the first in reading order when several headings hold them).
    """
    wanted = reference.strip()
    if not wanted:
        return None
    found = document.find(wanted)
    if found is not None:
        return found
    kind = UNHEADED.get(wanted.casefold())
    if kind is not None:
        return next((s for s in document.walk() if s.kind == kind), None)
    key = _key(wanted)
    if not key:
        return None
    sections = [section for section in document.walk() if section.kind == "heading"]
    paths = {id(section): "".join(_label_key(s) for s in document.path(section.id)) for section in sections}
    for matches in (
        [s for s in sections if paths[id(s)] == key],
        [s for s in sections if _label_key(s) == key],
        [s for s in sections if _key(s.label + s.heading) == key or _key(s.heading) == key],
    ):
        if len(matches) >= 1:
            return matches[0]
    containing = [s for s in sections if key in _key(s.heading)]
    return containing[0] if containing else None
