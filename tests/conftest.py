"""Fixtures for every test: a temporary data directory, so no test touches the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh STUDY_DATA_DIR for each test; the interface language is left to each test."""
    directory = tmp_path_factory.mktemp("study-data")
    monkeypatch.setenv("STUDY_DATA_DIR", str(directory))
    # The language would otherwise follow the machine running the tests.
    monkeypatch.delenv("STUDY_LANG", raising=False)
    return directory
