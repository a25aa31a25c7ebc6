"""A reader's edits of a workbook's key phrases: saved in the store, quizzed at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .model import PhraseEdit

if TYPE_CHECKING:
    from .workbook import Workbook


def edit_phrase(
    workbook: Workbook, section_id: str, action: Literal["add", "remove"], text: str, *, undo: bool = False
) -> None:
    """Save a phrase edit (or take one back) and quiz with the result at once.

    Raises StoreError, with nothing changed, when the store refuses the edit.
    """
    from .phrases import apply_edits

    document = workbook.opened
    edit = PhraseEdit(document.section_key(section_id), action, text)
    if workbook.store is None:
        edits = [edit]
    else:
        document_id = workbook.document_id()
        if undo:
            workbook.store.remove_phrase_edit(document_id, edit)
        else:
            workbook.store.add_phrase_edit(document_id, edit)
        edits = workbook.store.phrase_edits(document_id)
    workbook.set_phrases(apply_edits(document, workbook.extracted, edits))
