"""`study frame` as a user runs it (in process, the app itself stubbed): what it opens, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import cli
from tui.app import StudyApp

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "zuofeng-speech.txt"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[StudyApp]:
    """The apps the commands would run; none is run."""
    apps: list[StudyApp] = []
    monkeypatch.setattr(StudyApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def test_frame_opens_the_app_at_the_framework_of_the_whole_document(capsys, opened) -> None:
    assert cli.main(["frame"]) == 0
    [app] = opened
    assert (app.start_mode, app.start_section, app.workbook.path.name) == ("frame", None, "zuofeng-speech.txt")


def test_frame_of_a_section(capsys, opened) -> None:
    assert cli.main(["frame", str(BUNDLED), "--section", "二、", "--lang", "en"]) == 0
    [app] = opened
    assert (app.start_mode, app.start_section, app.workbook.path) == ("frame", "二、", BUNDLED)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("name", ["missing.txt", "folder"])
def test_a_bad_path_is_one_line_on_stderr(capsys, opened, tmp_path, name) -> None:
    (tmp_path / "folder").mkdir()
    code = cli.main(["frame", str(tmp_path / name), "--lang", "en"])
    out, err = capsys.readouterr()
    assert (code, out, opened) == (1, "", [])
    assert err.startswith("study: ") and err.count("\n") == 1 and "Traceback" not in err


def test_help_names_the_section_option(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["frame", "--help"])
    assert exit_.value.code == 0
    assert "--section" in capsys.readouterr().out
