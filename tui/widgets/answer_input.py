"""The answer's Input: every key acts in the order it was typed, and pasting is noticed."""

from __future__ import annotations

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

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input's own handler inserts it, at once
        active = self.screen.active_bindings.get(event.key)
        if active is None or not active.enabled or active.binding.priority:
            return  # bubbles as usual (a priority binding already had its chance)
        event.stop()
        event.prevent_default()
        await self.app.run_action(active.binding.action, active.node)

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
