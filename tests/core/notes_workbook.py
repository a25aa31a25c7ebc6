"""Study notes for the workbook's tests (test_workbook, test_queues, test_progress, test_phrase_edits), and a busy store."""

from __future__ import annotations

from pathlib import Path

from tui.core import quiz
from tui.core.database import StoreError
from tui.core.session import BlankState
from tui.core.store import Store
from tui.core.workbook import Workbook

NOTES = """学习笔记

一、总体要求
我们要坚持“两个确立”，做到“两个维护”，增强“四个意识”。
二、重点任务
（一）加强学习
要把“学思想、强党性”作为主线，读原著、学原文、悟原理。
（二）狠抓落实
坚决反对“四风”，牢记“作风建设永远在路上”。
"""
NOTES_PATH = Path("notes.txt")


def right(typed: str, rating: int = quiz.GOOD) -> BlankState:
    return BlankState(status="right", typed=typed, rating=rating, seconds=3.0)


def ready(store: Store | None, **options: int) -> Workbook:
    """The notes opened with their phrases found, as the app has them once ready."""
    book = Workbook(NOTES_PATH, NOTES, store, **options)
    book.open()
    book.use_phrases(book.find_phrases())
    return book


class Busy:
    """A store that refuses everything, as one held by another program past its timeout does."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __getattr__(self, name: str):
        def refuse(*args: object, **kwargs: object):
            raise StoreError("The study database is busy.", "busy")

        return refuse
