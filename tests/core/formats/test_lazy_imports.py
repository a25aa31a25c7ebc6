"""The format readers load their libraries only when a file of their kind is opened: a .txt loads none."""

from __future__ import annotations

import subprocess
import sys

from .fixtures import ROOT, SPEECH

LIBRARIES = ("docx", "pypdf", "pdfminer", "trafilatura", "ebooklib", "lxml", "tui.core.formats.word",
             "tui.core.formats.pdf", "tui.core.formats.web", "tui.core.formats.epub")

CHECK = """
import sys
import tui.app, tui.cli
from tui.core.loader import load_text
from tui.core.outline import parse
parse(load_text(sys.argv[1]).text, sys.argv[1])
loaded = sorted(n for n in sys.modules if any(n == f or n.startswith(f + ".") for f in sys.argv[2:]))
print(" ".join(loaded))
"""


def loaded_after(path: str, *watched: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, path, *watched], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_text_file_loads_no_format_library() -> None:
    assert loaded_after(str(SPEECH), *LIBRARIES) == ""


def test_the_check_would_notice_a_library(tmp_path) -> None:
    from .fixtures import speech_docx

    path = speech_docx(tmp_path / "speech.docx")
    assert loaded_after(str(path), "docx", "tui.core.formats.word").split() >= ["docx"]
    assert "tui.core.formats.word" in loaded_after(str(path), "docx", "tui.core.formats.word")
