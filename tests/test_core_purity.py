"""tui.core stays free of the interface: its modules load neither Textual nor the app, screens or widgets."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import tui.core

ROOT = Path(__file__).resolve().parents[1]
# Found, not listed, so that a module added later is covered without anyone remembering to.
MODULES = sorted(info.name for info in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core."))

# In one fresh interpreter, each module in turn: the first one after which an interface
# module is loaded is the one that imports it (those before it did not).
CHECK = """
import importlib, sys
FORBIDDEN = ("textual", "tui.app", "tui.cli", "tui.screens", "tui.widgets", "tui.bindings")
for module in sys.argv[1:]:
    importlib.import_module(module)
    loaded = sorted(n for n in sys.modules if any(n == f or n.startswith(f + ".") for f in FORBIDDEN))
    if loaded:
        print(module, " ".join(loaded))
        break
"""


def check(*modules: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, *modules], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_domain_modules_are_found() -> None:
    assert {"tui.core.model", "tui.core.loader", "tui.core.outline", "tui.core.workbook"} <= set(MODULES)


def test_no_domain_module_imports_the_interface() -> None:
    assert check(*MODULES) == ""


def test_the_check_would_notice_textual_and_the_app() -> None:
    # The same check on modules that do import the interface must name them.
    assert check("tui.core.model", "textual.app").startswith("textual.app textual")
    assert "tui.screens" in check("tui.screens.help_screen")
