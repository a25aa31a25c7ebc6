"""Edit a section's key phrases: switch found ones off and on, add one from the section's text."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.selection_list import Selection

from ..core.database import StoreError
from ..core.names import display_heading
from ..core.phrase_edits import edit_phrase
from ..core.phrases import as_written
from ..core.workbook import Workbook
from ..i18n import captions, store_message, t, translate_bindings
from ..widgets.key_bar import KeyBar
from ..widgets.phrase_list import PhraseList


class PhraseEditorScreen(ModalScreen[None]):
    """Every change is saved in the store at once and used by quiz and review straight away."""

    CSS_PATH = "styles/phrase_editor_screen.tcss"  # read when the screen is first shown, not before the first frame

    BINDINGS = [Binding("escape", "close", "key_close", id="close_editor")]

    def __init__(self, workbook: Workbook, section_id: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.workbook = workbook
        document = workbook.opened
        self.section = document.find(section_id) or document.sections[0]

    def compose(self) -> ComposeResult:
        # The keys of this dialog, over those of the screen beneath it.
        yield KeyBar()
        with Vertical(id="editor-dialog"):
            yield Static(
                t("editor_title", section=display_heading(self.section, captions())), id="editor-title", markup=False
            )
            yield PhraseList(*self._selections(), id="editor-phrases")
            yield Input(placeholder=t("editor_add_placeholder"), id="editor-add")
            yield Static(t("editor_help"), id="editor-message", markup=False)

    def _found(self) -> list[str]:
        return [p.text for p in self.workbook.extracted.get(self.section.id, [])]

    def _current(self) -> list[str]:
        return [p.text for p in self.workbook.phrases.get(self.section.id, [])]

    def _selections(self) -> list[Selection[str]]:
        current = self._current()
        texts = list(dict.fromkeys(self._found() + current))
        return [_selection(text, text in current) for text in texts]

    def _edit(self, action: Literal["add", "remove"], text: str, undo: bool = False) -> bool:
        """Save an edit through the workbook; False (and said) when the store refused it."""
        try:
            edit_phrase(self.workbook, self.section.id, action, text, undo=undo)
        except StoreError as error:
            self._say(t("edit_not_saved", error=store_message(error)), error=True)
            return False
        return True

    def on_mount(self) -> None:
        self.query_one(PhraseList).focus()

    @on(PhraseList.SelectionToggled)
    def _toggled(self, event: PhraseList.SelectionToggled[str]) -> None:
        text = event.selection.value
        on_now = text in event.selection_list.selected
        if text in self._found():
            # A found phrase is switched off by a "remove" edit and back on by taking it back.
            saved = self._edit("remove", text, undo=on_now)
        else:
            saved = self._edit("add", text, undo=not on_now)
        # A phrase an added one overlaps cannot come back on: the list says what is true.
        self._show_current()
        if saved:
            self._say(t("editor_on" if text in self._current() else "editor_off", phrase=text))

    @on(Input.Submitted, "#editor-add")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        written = as_written(self.section, text)
        if written is None:
            self._say(t("editor_not_in_text", phrase=text), error=True)
            return
        text = written  # as the text has it: a full-width ， typed for its ,
        if not self._edit("add", text):
            return
        self._show_current()
        event.input.value = ""
        self._say(t("editor_added", phrase=text))

    def _show_current(self) -> None:
        """Tick exactly the section's phrases as they are now.

        An added phrase replaces any it overlaps, so more than its own line can change.
        (select/deselect post no SelectionToggled, so this does not feed back.)
        """
        selections = self.query_one(PhraseList)
        current = self._current()
        listed = [selections.get_option_at_index(i).value for i in range(selections.option_count)]
        for text in current:
            if text not in listed:
                selections.add_option(_selection(text, True))
        for text in listed:
            if text in current:
                selections.select(text)
            else:
                selections.deselect(text)

    def _say(self, message: str, error: bool = False) -> None:
        notice = self.query_one("#editor-message", Static)
        notice.update(message)
        notice.set_class(error, "-error")

    def action_close(self) -> None:
        self.dismiss()


def _selection(text: str, on: bool) -> Selection[str]:
    """A phrase's row, its text shown as written: a prompt given as a string is read as markup,
    and a phrase such as [link=…]x[/link] would be a broken link that stops the screen."""
    return Selection(Content(text), text, on)
