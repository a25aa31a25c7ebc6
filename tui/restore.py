"""`study restore`: the documents the library forgot, listed; one of them brought back with its progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import CliError
from .cli import show

if TYPE_CHECKING:
    from .core.store import Store


def restore(number: int | None, store: Store) -> int:
    """Without a number, list the forgotten documents (the last first); with one, restore that document."""
    from .core.database import StoreError
    from .i18n import t

    try:
        forgotten = store.forgotten()
        if number is None:
            if not forgotten:
                show(t("restore_none"))
                return 0
            for document in forgotten:
                when = document.forgotten_at.astimezone().strftime("%Y-%m-%d %H:%M")
                show(t("restore_line", number=document.backup_id, title=document.title, path=document.path, when=when))
            show(t("restore_hint"))
            return 0
        chosen = next((document for document in forgotten if document.backup_id == number), None)
        if chosen is None:
            raise CliError(t("restore_unknown", number=number))
        try:
            store.restore(number)
        except StoreError as error:
            if error.kind != "other":
                raise  # busy, read-only, a full disk: said as such
            raise CliError(t("restore_taken", title=chosen.title, path=chosen.path)) from None
        show(t("restore_done", title=chosen.title))
        return 0
    finally:
        store.close()
