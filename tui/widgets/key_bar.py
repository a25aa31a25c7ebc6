"""The key bar: the keys in force on this screen, on one line at the bottom."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

HELP_ACTIONS = ("help", "app.help")
QUIT_ID = "quit"  # the id of the way out, the app's or a screen's in its place


class KeyBar(Widget):
    """Like Textual's Footer, but one widget drawing one line of text.

    The Footer mounts a widget per key and recomposes them whenever focus moves,
    which costs start-up time; this draws the same keys (clickable) as a line of text.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .key-bar--palette { color: $footer-description-foreground; }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--palette"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[object, ...] = ()  # what the bar was last drawn from
        self._keys = Text()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and self._drawn_from() != self._shown:
            self.refresh()

    def render(self) -> Text:
        """The keys, drawn when the bar is painted: in the screen's first frame, at its width.

        They are drawn again only when what they are drawn from changed (focus moves often).
        """
        shown = self._drawn_from()
        if shown != self._shown:
            self._shown = shown
            self._keys = self.keys_text()
        return self._keys

    def _drawn_from(self) -> tuple[object, ...]:
        """What `keys_text` draws from: the width, the theme's colours, and the bindings it can show
        (those shown, the palette's, and the help key its mark names); hidden ones change nothing."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return (
            self.size.width,
            self.app.theme,
            *(
                (key, node is self.app, binding, enabled)
                for key, (node, binding, enabled, _) in self.screen.active_bindings.items()
                if binding.show or key == palette or binding.action in HELP_ACTIONS
            ),
        )

    def keys_text(self) -> Text:
        """The shown bindings of the screen's active chain, each key clickable.

        Bindings of one group (such as [ and ]) share an entry: their keys, then the
        group's description.
        """
        key_style = self.get_component_rich_style("key-bar--key")
        active = [
            (node is not self.app and binding.id != QUIT_ID, key, binding)
            for key, (node, binding, enabled, _tooltip) in self.screen.active_bindings.items()
            if binding.show and enabled and binding.action != "command_palette"
        ]
        # The app's keys (quit, help) first, and a screen's own way out in quit's place (q back to
        # the library): when a narrow bar cuts entries off, these stay.
        shown = [(key, binding) for _, key, binding in sorted(active, key=lambda entry: entry[0])]
        entries: list[Text] = []
        seen: set[object] = set()
        for key, binding in shown:
            entry_id = binding.group or binding.action
            if entry_id in seen:
                continue
            seen.add(entry_id)
            members = [(k, b) for k, b in shown if b.group is not None and b.group == binding.group] or [(key, binding)]
            entry = Text(" ")
            for member_key, member in members:
                click = Style(meta={"@click": f"app.simulate_key({member_key!r})"})
                entry.append(self.app.get_key_display(member), key_style + click)
            description = binding.group.description if binding.group and len(members) > 1 else binding.description
            entry.append(f" {description} ")
            entries.append(entry)
        label = Text()
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            binding = palette[1]
            label = Text(f"{self.app.get_key_display(binding)} {binding.description} ")
            label.stylize(self.get_component_rich_style("key-bar--palette"))
        # Whole entries only: on a narrow terminal the last ones go, never half of one, and
        # a mark at the end says where they are (the help screen lists every key).
        width = self.size.width or 10_000
        if sum(entry.cell_len for entry in entries) + label.cell_len <= width:
            text = Text()
            for entry in entries:
                text.append_text(entry)
            if label and self.size.width:
                text.append(" " * (width - text.cell_len - label.cell_len))
                text.append_text(label)
            return text
        more = self._more_mark(key_style)
        if entries and entries[0].cell_len + more.cell_len > width:
            more = Text()  # no room even for the mark beside the first entry
        text = Text()
        for entry in entries:
            if text.cell_len + entry.cell_len + more.cell_len > width:
                break
            text.append_text(entry)
        room = width - text.cell_len - more.cell_len
        if label and label.cell_len <= room:
            text.append(" " * (room - label.cell_len))
            text.append_text(label)
        else:
            text.append(" " * room)
        text.append_text(more)
        return text

    def _more_mark(self, key_style: Style) -> Text:
        """What ends a bar that had to leave keys out: the help key, which lists them all, and …"""
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if binding.action in HELP_ACTIONS and enabled:
                mark = Text(" ")
                click = Style(meta={"@click": f"app.simulate_key({key!r})"})
                mark.append(self.app.get_key_display(binding), key_style + click)
                mark.append(" … ")
                return mark
        return Text(" … ")
