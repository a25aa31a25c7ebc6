"""Fixtures for every test: a temporary data directory, so no test touches the user's own, and the study database in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import textual._wait

from tui.core.store import Store

ROOT = Path(__file__).resolve().parents[1]

# Textual's Pilot sees the app settled when a 20 ms sleep passes with under 1 ms of work (5 %),
# and it waits so twice after every key: most of a Pilot test was spent asleep. Steps of 2 ms
# with under 0.5 ms of work (25 %: a busy process is near 100 %) see the same settled app
# sooner. Tests that wait on something Textual hands on by a timer wait for it by name:
# tests/app/conftest.py `resize` and `until`. Were these names to go in a later Textual,
# tests/test_pilot_timing.py says so.
textual._wait.SLEEP_GRANULARITY = 0.002
textual._wait.SLEEP_IDLE = 0.0005


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh STUDY_DATA_DIR for each test; the interface language is left to each test."""
    directory = tmp_path_factory.mktemp("study-data")
    monkeypatch.setenv("STUDY_DATA_DIR", str(directory))
    # The language would otherwise follow the machine running the tests.
    monkeypatch.delenv("STUDY_LANG", raising=False)
    return directory


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """The study database in this test's data directory (a test module may define its own)."""
    opened = Store.open(data_dir)
    yield opened
    opened.close()
