"""Fixtures for the end-to-end tests: a tmux server of their own, closed after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.terminal import Tmux


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux()
    yield server
    server.close()
