"""The answer's Input: every key acts in the order it was typed, and pasting is noticed."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.widgets import Input


class AnswerInput(Input, inherit_bindings=False):
    """An `Input` whose bound keys act when the Input takes them, not after they bubble up.

    Textual puts a printable key into an Input at once, but runs a key's binding only
    once the key has bubbled up through the widgets' message queues; keys typed fast
    behind Enter or Tab are in the input by then, and would be read as this blank's
    answer. Here a bound key runs its binding as soon as the Input takes it, so the
    keys after it land where they belong.
    """

    # Enter is not the Input's submit: it is the binding of the screen that asks (check
    # the answer), run in turn like every other bound key.
    BINDINGS = [binding for binding in Input.BINDINGS if not (isinstance(binding, Binding) and binding.key == "enter")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pasted = False  # whether some of the text now in the input was pasted, not typed
        self._prompts: tuple[str, ...] = ()

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input's own handler inserts it, at once
        active = self.screen.active_bindings.get(event.key)
        if active is None or not active.enabled or active.binding.priority:
            return  # bubbles as usual (a priority binding already had its chance)
        event.stop()
        event.prevent_default()
        await self.app.run_action(active.binding.action, active.node)

    def offer(self, *prompts: str) -> None:
        """Show as placeholder the first of `prompts` (longest first) that fits the input's width."""
        self._prompts = prompts
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        width = self.scrollable_content_region.width
        if not self._prompts:
            return
        # Before the first layout there is no width yet: the longest, until a Resize.
        fitting = [prompt for prompt in self._prompts if width <= 0 or cell_len(prompt) <= width]
        self.placeholder = fitting[0] if fitting else shorten(self._prompts[-1], width)

    def _on_paste(self, event: events.Paste) -> None:
        # Input's own handler, after this one, puts the text in.
        if event.text:
            self.pasted = True

    def take(self) -> str:
        """Empty the input and return what it held; emptying it is not an edit (no Changed)."""
        text = self.value
        self.put("")
        return text

    def put(self, text: str) -> None:
        """Set the text, with the cursor after it, as the program's doing: no Changed, not pasted."""
        with self.prevent(Input.Changed):
            self.value = text
        self.cursor_position = len(text)
        self.pasted = False


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` cells after a whole word (or between wide characters), with "…"."""
    if cell_len(text) <= width:
        return text
    end = cells = 0
    while end < len(text) and cells + cell_len(text[end]) <= width - 1:
        cells += cell_len(text[end])
        end += 1
    cut = text[:end]
    if end < len(text) and text[end] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]  # not inside a word
    return cut.rstrip() + "…"
