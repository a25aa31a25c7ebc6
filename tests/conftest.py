"""Fixtures for every test: a temporary data directory, so no test touches the user's own, and the study database in it."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual._wait
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

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

# Each app parses the same styles again (its stylesheet's cache dies with it), and so does
# every screen with a CSS_PATH, in a fresh stylesheet: 8 % of a Pilot test's time. Parsing
# depends only on the text, where it was read from and the theme's variables, so the tests
# parse each once per process. tests/test_pilot_timing.py checks the patched signature.
_parse_rules = Stylesheet._parse_rules
_parsed: dict[tuple[object, ...], list[RuleSet]] = {}


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: tuple[str, str],
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    variables = self.__dict__.get("_variables_key")
    if variables is None or variables[0] is not self._variables:  # set_variables gives a new dict
        variables = self.__dict__["_variables_key"] = (self._variables, tuple(self._variables.items()))
    key = (css, read_from, is_default_rules, tie_breaker, scope, variables[1])
    if key not in _parsed:
        _parsed[key] = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    return _parsed[key]


Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]

# A Pilot test makes and drops hundreds of thousands of objects (strips, segments, styles),
# and at Python's default thresholds the young generations were collected thousands of times
# a module: 11 % of a Pilot test's time. Collected less often, a worker holds a few hundred
# megabytes more at most, and the suite takes about a tenth less CPU. Every cycle is still
# collected, by the same collector: only when changes.
gc.set_threshold(50_000, 20, 100)


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


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: pytest runs without it too (-p no:xdist)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: one worker more than there are cores, unless PYTEST_XDIST_AUTO_NUM_WORKERS says.

    The end-to-end tests spend most of their time waiting for the app in tmux, and Pilot
    tests for the app to settle: a third worker on two cores uses that time.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    return (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1) + 1
