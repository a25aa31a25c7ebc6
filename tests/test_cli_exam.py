"""`study exam`, the exam plan in `study stats`, and `study backup`, as a user runs them."""

from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui import backup, cli
from tui.core import backups
from tui.core.exam import plan
from tui.core.store import Store
from tui.exam import plan_summary
from tui.i18n import set_language

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "zuofeng-speech.txt"
TODAY = date.today()
IN_20_DAYS = (TODAY + timedelta(days=20)).isoformat()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def contents(database: Path) -> list[str]:
    """What the database holds, as SQL: unlike its bytes, the same whether or not its WAL was folded in."""
    connection = sqlite3.connect(database)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def one_line_error(result: tuple[int, str, str]) -> str:
    code, _, err = result
    assert code == 1
    assert err.startswith("study: ") and err.count("\n") == 1
    return err


class TestExam:
    def test_set_shown_and_cleared(self, capsys) -> None:
        code, out, err = run(capsys, "exam", str(BUNDLED), IN_20_DAYS, "--lang", "en")
        assert (code, err) == (0, "")
        assert out.startswith(f"Exam {IN_20_DAYS}, in 20 day(s): 0/") and out.endswith("; on track\n")
        assert run(capsys, "exam", str(BUNDLED), "--lang", "en")[1] == out  # shown again, unchanged
        code, out, _ = run(capsys, "exam", str(BUNDLED), "--clear", "--lang", "en")
        assert (code, out) == (0, "Exam date removed.\n")
        assert run(capsys, "exam", str(BUNDLED), "--lang", "en")[1].startswith("No exam date")

    def test_json(self, capsys) -> None:
        assert run(capsys, "exam", str(BUNDLED), "--json")[1] == '{\n "exam": null\n}\n'
        code, out, _ = run(capsys, "exam", str(BUNDLED), IN_20_DAYS, "--json")
        data = json.loads(out)["exam"]
        assert code == 0
        assert (data["exam_date"], data["days_left"], data["introduced"], data["on_track"]) == (IN_20_DAYS, 20, 0, True)
        assert data["pace"] == -(-data["cards"] // 17) and data["new_per_day"] == max(20, data["pace"])

    def test_a_date_alone_is_the_bundled_speechs(self, capsys) -> None:
        code, out, _ = run(capsys, "exam", IN_20_DAYS, "--json")
        assert code == 0 and json.loads(out)["exam"]["exam_date"] == IN_20_DAYS
        assert json.loads(run(capsys, "exam", str(BUNDLED), "--json")[1])["exam"]["exam_date"] == IN_20_DAYS

    def test_today_is_a_date_the_past_is_not(self, capsys) -> None:
        code, out, _ = run(capsys, "exam", str(BUNDLED), TODAY.isoformat(), "--lang", "en")
        assert (code, out) == (0, f"The exam is today ({TODAY.isoformat()}). Good luck!\n")
        yesterday = (TODAY - timedelta(days=1)).isoformat()
        err = one_line_error(run(capsys, "exam", str(BUNDLED), yesterday, "--lang", "en"))
        assert err == f"study: {yesterday}: this day has passed; an exam date is today or later\n"

    @pytest.mark.parametrize("value", ["2027-02-30", "next week", "20270301", "2027-3-1"])
    def test_a_bad_date_is_one_line(self, capsys, data_dir: Path, value: str) -> None:
        err = one_line_error(run(capsys, "exam", str(BUNDLED), value, "--lang", "zh"))
        assert err == f"study: {value}：不是日期；请写成 YYYY-MM-DD（如 2027-03-01）\n"
        assert not (data_dir / "study.db").exists()  # told before the file or the database was opened

    def test_a_date_and_clear_together_is_one_line(self, capsys) -> None:
        err = one_line_error(run(capsys, "exam", str(BUNDLED), IN_20_DAYS, "--clear", "--lang", "en"))
        assert "not both" in err

    def test_a_missing_file_is_one_line(self, capsys, tmp_path: Path) -> None:
        one_line_error(run(capsys, "exam", str(tmp_path / "nope.txt"), IN_20_DAYS))


class TestStats:
    def test_the_plan_line_once_a_date_is_set(self, capsys) -> None:
        out = run(capsys, "stats", str(BUNDLED), "--lang", "en")[1]
        assert "Exam " not in out and "exam" not in json.loads(run(capsys, "stats", str(BUNDLED), "--json")[1])
        run(capsys, "exam", str(BUNDLED), IN_20_DAYS)
        out = run(capsys, "stats", str(BUNDLED), "--lang", "en")[1]
        assert out.splitlines()[-1].startswith(f"Exam {IN_20_DAYS}, in 20 day(s)")
        data = json.loads(run(capsys, "stats", str(BUNDLED), "--json")[1])
        assert data["exam"]["exam_date"] == IN_20_DAYS and data["exam"]["cards"] == data["totals"]["cards"]


class TestPlanSummary:
    EXAM = date(2027, 3, 1)

    def test_in_both_languages(self) -> None:
        found = plan(self.EXAM, date(2027, 2, 9), cards=300, introduced=120)
        set_language("en")
        assert plan_summary(found) == (
            "Exam 2027-03-01, in 20 day(s): 120/300 cards introduced, at least 11 new a day to have all by 02-26; "
            "reviews aim at 93% recall; on track"
        )
        set_language("zh")
        assert plan_summary(found) == (
            "考试 2027-03-01，还有 20 天：已学 120/300 张卡片，每天至少 11 张新卡，02-26 前学完；复习目标记住率 93%；进度正常"
        )

    def test_behind_done_and_passed(self) -> None:
        set_language("en")
        late = plan(self.EXAM, date(2027, 2, 27), cards=300, introduced=280)
        assert plan_summary(late).endswith("; behind: 20 cards not introduced and the day to have them all has come")
        piled = plan(self.EXAM, date(2027, 2, 9), cards=300, introduced=300, overdue=90, reviews_last_week=140)
        assert plan_summary(piled) == (
            "Exam 2027-03-01, in 20 day(s): all 300 cards introduced; reviews aim at 93% recall; "
            "behind: 90 reviews overdue (more than a day's)"
        )
        assert plan_summary(plan(self.EXAM, date(2027, 3, 2), cards=3, introduced=3)).startswith("The exam date 2027-03-01 has passed")


class TestBackup:
    def test_opening_the_database_makes_the_days_copy(self, capsys, data_dir: Path) -> None:
        code, out, _ = run(capsys, "backup", "--lang", "en")
        assert (code, out) == (0, f"No backups yet in {data_dir / 'backups'}; study makes one each day it first opens its database.\n")
        run(capsys, "stats", str(BUNDLED), "--json")
        run(capsys, "exam", str(BUNDLED), "--json")  # the same day: no second copy
        name = f"study-{TODAY.isoformat()}.db"
        assert [p.name for p in (data_dir / "backups").iterdir()] == [name]
        code, out, _ = run(capsys, "backup", "--lang", "en")
        assert code == 0 and out.splitlines()[0] == f"Backups in {data_dir / 'backups'} (newest first):"
        assert out.splitlines()[1].startswith(f"  {name}  ") and out.splitlines()[1].endswith(" kB")

    def test_restore_after_yes(self, capsys, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        run(capsys, "exam", str(BUNDLED), IN_20_DAYS)  # today's copy, made at opening, is from before the date
        asked: list[str] = []
        monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
        monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or "y")
        code, out, err = run(capsys, "backup", "--restore", "--lang", "en")
        assert (code, err) == (0, "")
        assert asked == [f"Restore study-{TODAY.isoformat()}.db? The current database is moved aside (kept) first. [y/N] "]
        [aside] = data_dir.glob("study.db.before-restore-*")
        assert out.splitlines()[-1] == f"Restored study-{TODAY.isoformat()}.db; the database as it was is kept as {aside.name}"
        assert json.loads(run(capsys, "exam", str(BUNDLED), "--json")[1])["exam"] is None
        kept = sqlite3.connect(f"{aside.as_uri()}?mode=ro", uri=True)  # the database as it was, date and all
        assert kept.execute("SELECT exam_date FROM documents").fetchall() == [(IN_20_DAYS,)]
        kept.close()

    @pytest.mark.parametrize(
        ("step", "code", "said"),
        [("os.replace", errno.EROFS, "read-only"), ("tui.core.backups._copy", errno.ENOSPC, "no space left on the disk")],
        ids=["read-only folder", "full disk"],
    )
    def test_a_restore_that_cannot_write_says_why_and_leaves_the_database(
        self, capsys, data_dir: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, said: str
    ) -> None:
        run(capsys, "stats", str(BUNDLED), "--json")
        before = contents(data_dir / "study.db")

        def refuse(*args: object, **kwargs: object) -> None:
            raise OSError(code, os.strerror(code))

        with monkeypatch.context() as patched:
            patched.setattr(step, refuse)
            err = one_line_error(run(capsys, "backup", "--restore", "--yes", "--lang", "en"))
        assert err == f"study: {data_dir}: cannot be written ({said}); nothing was restored\n"
        assert contents(data_dir / "study.db") == before and not list(data_dir.glob("study.db.before-restore-*"))
        assert json.loads(run(capsys, "stats", str(BUNDLED), "--json")[1])["totals"]["cards"] > 0

    def test_restore_refused_while_a_study_has_the_database_open(self, capsys, data_dir: Path) -> None:
        # An open study would go on writing its answers to the file moved aside: they would be lost.
        run(capsys, "stats", str(BUNDLED), "--json")
        before = contents(data_dir / "study.db")
        with Store.open(data_dir):
            err = one_line_error(run(capsys, "backup", "--restore", "--yes", "--lang", "en"))
        assert err == "study: Another study has the database open; close it first, then restore\n"
        assert contents(data_dir / "study.db") == before and not list(data_dir.glob("study.db.before-restore-*"))
        code, _, err = run(capsys, "backup", "--restore", "--yes", "--lang", "en")  # closed: it goes ahead
        assert (code, err) == (0, "")

    @pytest.mark.parametrize("reply", ["", "n", "no", "yes please"])
    def test_restore_refused_without_a_yes(self, capsys, data_dir: Path, monkeypatch: pytest.MonkeyPatch, reply: str) -> None:
        run(capsys, "stats", str(BUNDLED), "--json")
        before = contents(data_dir / "study.db")
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
        monkeypatch.setattr("builtins.input", lambda question: reply)
        err = one_line_error(run(capsys, "backup", "--restore", "--lang", "en"))
        assert err == "study: not confirmed: nothing restored (--yes restores without asking)\n"
        assert not list(data_dir.glob("study.db.before-restore-*"))
        assert contents(data_dir / "study.db") == before

    def test_restore_refused_without_a_terminal_unless_yes(self, capsys, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        run(capsys, "stats", str(BUNDLED), "--json")
        monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # piped: not a terminal's answer
        one_line_error(run(capsys, "backup", "--restore"))
        assert not list(data_dir.glob("study.db.before-restore-*"))
        code, _, err = run(capsys, "backup", "--restore", TODAY.isoformat(), "--yes")
        assert (code, err) == (0, "")
        assert len(list(data_dir.glob("study.db.before-restore-*"))) == 1

    def test_no_such_backup_is_one_line(self, capsys, data_dir: Path) -> None:
        err = one_line_error(run(capsys, "backup", "--restore", "--yes", "--lang", "en"))
        assert err.startswith("study: No backups yet in ")
        run(capsys, "stats", str(BUNDLED), "--json")
        err = one_line_error(run(capsys, "backup", "--restore", "2001-01-01", "--yes", "--lang", "en"))
        assert err == "study: 2001-01-01: no such backup (study backup lists them)\n"

    def test_a_damaged_backup_is_one_line(self, capsys, data_dir: Path) -> None:
        run(capsys, "stats", str(BUNDLED), "--json")
        [copy] = (data_dir / "backups").iterdir()
        copy.write_bytes(b"\x00broken" * 100)
        err = one_line_error(run(capsys, "backup", "--restore", "--yes", "--lang", "en"))
        assert err == f"study: {copy.name}: this backup is damaged; nothing was changed. Choose another\n"

    def test_a_database_being_written_is_one_line(self, capsys, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        run(capsys, "stats", str(BUNDLED), "--json")
        monkeypatch.setattr(backups, "TIMEOUT", 0.05)
        with Store.open(data_dir) as other, other._write():
            err = one_line_error(run(capsys, "backup", "--restore", "--yes", "--lang", "en"))
        # The study writing has it open: told so before the write itself would make it busy.
        assert err == "study: Another study has the database open; close it first, then restore\n"

    def test_the_copy_runs_beside_the_command_and_is_waited_for(self, capsys, data_dir: Path, monkeypatch) -> None:
        started: list[Path] = []
        real = backups.in_background
        monkeypatch.setattr(backups, "in_background", lambda database: started.append(database) or real(database))
        run(capsys, "stats", str(BUNDLED), "--json")
        assert started == [data_dir / "study.db"] and backup._running is None  # joined before main returned
        assert len(list((data_dir / "backups").iterdir())) == 1

    def test_as_a_user_runs_it(self, data_dir: Path) -> None:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "STUDY_DATA_DIR": str(data_dir)}

        def study(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "tui.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                encoding="utf-8", timeout=120, stdin=subprocess.DEVNULL,
            )

        assert study("stats", str(BUNDLED), "--json").returncode == 0
        listed = study("backup", "--lang", "en")
        assert listed.returncode == 0 and f"study-{TODAY.isoformat()}.db" in listed.stdout
        refused = study("backup", "--restore", "--lang", "en")
        assert (refused.returncode, refused.stderr) == (1, "study: not confirmed: nothing restored (--yes restores without asking)\n")


@pytest.mark.parametrize("command", [["export", "--anki", "{out}/deck.apkg"], ["exam", "--clear"], ["stats"]])
def test_looking_at_a_document_from_the_command_line_is_no_opening(
    command: list[str], tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The library's "last opened" tells when a document was studied: an export, a plan or
    # its stats leave it as it was (a document met that way for the first time, never opened).
    arguments = [a.format(out=tmp_path) for a in command]
    assert cli.main([arguments[0], str(BUNDLED), *arguments[1:]]) == 0
    capsys.readouterr()
    with Store.open(data_dir) as store:
        assert [entry.opened_at for entry in store.library()] == [None]
