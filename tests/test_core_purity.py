"""tui.core stays free of Textual: each of its modules, imported alone, leaves textual unloaded."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import tui.core

ROOT = Path(__file__).resolve().parents[1]
# Found, not listed, so that a module added later is covered without anyone remembering to.
MODULES = sorted(info.name for info in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core."))

CHECK = """
import importlib, sys
importlib.import_module(sys.argv[1])
loaded = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print(" ".join(loaded))
"""


def test_the_domain_modules_are_found() -> None:
    assert {"tui.core.model", "tui.core.loader", "tui.core.outline"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_module_does_not_import_textual(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", CHECK, module], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


def test_the_check_would_notice_textual() -> None:
    # The same check on a module that does import textual must report it.
    result = subprocess.run([sys.executable, "-c", CHECK, "textual.app"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "textual" in result.stdout.split()
