"""Every key is a binding declared once; the help screen and the command palette read them here.

A binding of the project carries an `id`. Its `description` names it in the key bar
and the help screen; a `tooltip` makes it a command of the palette too (the tooltip is
the command's help). Bindings of one `Binding.Group` share one row of help. A node says
under which title of the help its keys go with `HELP_TITLE`, and may send some of them
elsewhere with `HELP_SECTIONS` (section title -> binding ids). A group named in its `HELP_APART`
(by its description's key) shares an entry of the key bar only: the help gives each of its bindings a row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from .i18n import t

GENERAL = "help_general"


class HelpRow(NamedTuple):
    keys: list[Binding]
    description: str


def _nodes(screen: Screen[object]) -> Iterator[DOMNode]:
    """The screen's widgets in order, the screen, then the app: where its keys come from."""
    yield from screen.walk_children(with_self=False)
    yield screen
    yield screen.app


def declared_bindings(screen: Screen[object]) -> Iterator[tuple[DOMNode, Binding]]:
    """The project's bindings of `screen`, its widgets and the app, once each, with their node."""
    seen: set[str] = set()
    for node in _nodes(screen):
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id is None or binding.id in seen:
                    continue
                seen.add(binding.id)
                yield node, binding


def commands(screen: Screen[object]) -> Iterator[tuple[DOMNode, Binding]]:
    """The bindings the command palette offers: those with a tooltip to explain them."""
    return ((node, binding) for node, binding in declared_bindings(screen) if binding.tooltip)


def help_sections(screen: Screen[object]) -> list[tuple[str, list[HelpRow]]]:
    """The help of `screen`: (title key, rows) in order, each row the keys of one binding or group."""
    from textual.widgets import Input

    sections: dict[str, list[HelpRow]] = {}
    rows_by_entry: dict[object, HelpRow] = {}
    # The app's keys that type a character (q, ?) go into a text field that has the focus.
    typing = isinstance(screen.focused, Input)
    for node in _nodes(screen):
        title = getattr(node, "HELP_TITLE", GENERAL)
        moved = {
            binding_id: section
            for section, ids in getattr(node, "HELP_SECTIONS", {}).items()
            for binding_id in ids
        }
        # Named by their descriptions' keys: the bindings' groups are translated copies.
        apart = {t(key) for key in getattr(node, "HELP_APART", ())}
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id is None and binding.action != "command_palette":
                    continue
                if typing and node is screen.app and _types_a_character(binding.key):
                    continue
                group = binding.group if binding.group and binding.group.description not in apart else None
                entry = group or binding.id or binding.action
                row = rows_by_entry.get(entry)
                if row is not None:
                    if all(binding.key != known.key for known in row.keys):
                        row.keys.append(binding)
                    continue
                description = group.description if group else binding.description
                row = HelpRow([binding], description)
                rows_by_entry[entry] = row
                sections.setdefault(moved.get(binding.id or "", title), []).append(row)
    return list(sections.items())


def _types_a_character(key: str) -> bool:
    """Whether pressing `key` in a text field types a character there (q, ?; not Esc or ctrl+p)."""
    from textual.keys import key_to_character

    character = key_to_character(key)
    return character is not None and character.isprintable()
