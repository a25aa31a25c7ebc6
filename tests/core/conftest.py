"""Fixtures for the core tests: a workbook of notes on the study database (`store`, tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.core.notes_workbook import ready
from tui.core.store import Store
from tui.core.workbook import Workbook


@pytest.fixture
def workbook(store: Store) -> Workbook:
    """A workbook of the notes in tests/core/notes_workbook.py, its phrases found."""
    return ready(store)
