"""The test suite's faster Pilot (tests/conftest.py) still reaches the Textual code it speeds up."""

from __future__ import annotations

import textual._wait


def test_the_idle_wait_reads_the_step_and_the_threshold_set_for_the_tests() -> None:
    # Were Textual to rename them, setting them would change nothing and the suite would slow down unnoticed.
    names = textual._wait.wait_for_idle.__code__.co_names
    assert "SLEEP_GRANULARITY" in names and "SLEEP_IDLE" in names
    assert textual._wait.SLEEP_GRANULARITY == 0.002

