"""The test suite's faster Pilot and shared style parsing (tests/conftest.py) still reach the Textual code they speed up."""

from __future__ import annotations

import inspect

import textual._wait
from textual.css.stylesheet import Stylesheet

from tests.conftest import _parse_rules


def test_the_idle_wait_reads_the_step_and_the_threshold_set_for_the_tests() -> None:
    # Were Textual to rename them, setting them would change nothing and the suite would slow down unnoticed.
    names = textual._wait.wait_for_idle.__code__.co_names
    assert "SLEEP_GRANULARITY" in names and "SLEEP_IDLE" in names
    assert textual._wait.SLEEP_GRANULARITY == 0.002


def test_styles_are_parsed_once_per_process_through_the_method_textual_calls() -> None:
    # The parse the tests share must take what Textual passes and be what its stylesheet calls.
    stylesheet = Stylesheet(variables={"accent": "red"})
    assert inspect.signature(_parse_rules).parameters.keys() == inspect.signature(Stylesheet._parse_rules).parameters.keys()
    assert "_parse_rules" in Stylesheet.parse.__code__.co_names
    stylesheet.add_source("Static { color: $accent; }", read_from=("test", "1"))
    stylesheet.parse()
    again = Stylesheet(variables={"accent": "red"})
    again.add_source("Static { color: $accent; }", read_from=("test", "1"))
    again.parse()
    assert again.rules == stylesheet.rules and again.rules[0] is stylesheet.rules[0]
    # Other variables are parsed again: the colour is taken from them.
    other = Stylesheet(variables={"accent": "blue"})
    other.add_source("Static { color: $accent; }", read_from=("test", "1"))
    other.parse()
    assert other.rules[0] is not stylesheet.rules[0]
    assert other.rules[0].styles.color != stylesheet.rules[0].styles.color
