"""`study stats`, `study quiz` and `study review` as a user runs them (in process, the app itself stubbed)."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.cells import cell_len

from tui import cli
from tui.app import StudyApp
from tui.core.framework import frame
from tui.core.loader import load
from tui.core.outline import parse
from tui.core.phrases import extract
from tui.core.quiz import cards_for
from tui.core.records import Answer
from tui.core.store import Store
from tui.i18n import language

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "zuofeng-speech.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stats_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    code, out, err = run(capsys, "stats", str(BUNDLED), "--json", *extra)
    assert (code, err) == (0, "")
    return json.loads(out)


def answer(data_dir: Path, section_id: str, count: int, rating: int = 3, days_ago: float = 0.0) -> list[str]:
    """Record answers for the first `count` cards of a section (its phrases', then its heading's), as the app would."""
    text = load(BUNDLED)
    doc = parse(text, BUNDLED.name)
    keys = doc.section_keys()
    every = cards_for(doc, extract(doc)) + frame(doc).cards
    cards = [card for card in every if card.section_id == section_id][:count]
    moment = datetime.now(timezone.utc) - timedelta(days=days_ago)
    with Store.open(data_dir) as store:
        document_id = store.document(BUNDLED, hashlib.sha256(text.encode()).hexdigest(), doc.title)
        for card in cards:
            store.record_review(document_id, Answer(card.key, keys[section_id], rating, outcome="right", typed=card.phrase.text, time=moment))
    return [card.key for card in cards]


def day(offset: int) -> str:
    """A local date `offset` days from today, as `study stats` prints it."""
    return f"{datetime.now().date() + timedelta(days=offset):%m-%d}"


class TestStats:
    def test_json_before_any_answer(self, capsys) -> None:
        data = stats_json(capsys)
        assert list(data) == [
            "title", "section_figures", "sections", "totals", "accuracy", "reviews_per_day", "due_forecast", "orphaned"
        ]
        assert data["section_figures"] == "with_subsections"
        assert data["orphaned"] == []
        assert data["title"] == "zuofeng-speech"
        assert [s["id"] for s in data["sections"]][:4] == ["1", "2", "2.1", "2.2"]
        first = data["sections"][0]
        assert list(first) == ["id", "level", "heading", "cards", "new", "due", "reviews", "mastered", "mastery"]
        assert (first["cards"], first["new"], first["due"], first["reviews"], first["mastery"]) == (8, 8, 0, 0, 0)
        totals = data["totals"]
        # A section's figures count its subsections: the top level adds up to the totals.
        top = [s for s in data["sections"] if s["level"] == 1]
        assert totals["cards"] == sum(s["cards"] for s in top) == totals["new"]
        assert totals["cards"] < sum(s["cards"] for s in data["sections"])
        assert (totals["due"], totals["reviews"], totals["mastery"]) == (0, 0, 0)
        assert data["accuracy"] is None
        today = datetime.now().date()
        assert data["reviews_per_day"] == [
            {"date": (today - timedelta(days=6 - n)).isoformat(), "reviews": 0} for n in range(7)
        ]
        assert data["due_forecast"] == [{"date": (today + timedelta(days=n)).isoformat(), "due": 0} for n in range(7)]

    def test_json_counts_answers_per_section(self, capsys, data_dir) -> None:
        answer(data_dir, "2.1", 4)
        data = stats_json(capsys)
        section = next(s for s in data["sections"] if s["id"] == "2.1")
        # 11 phrases' cards and its heading's.
        assert (section["cards"], section["new"], section["due"], section["reviews"]) == (12, 8, 0, 4)
        # Answered Good once: recalled tomorrow, but not mastered (stability about 2 of 21 days).
        assert 0 < section["mastery"] < 4 / 12 * 0.2
        assert section["mastered"] == 0
        assert data["totals"]["reviews"] == 4
        assert data["totals"]["new"] == data["totals"]["cards"] - 4
        other = next(s for s in data["sections"] if s["id"] == "2.2")
        assert (other["reviews"], other["new"]) == (0, other["cards"])

    def test_failed_cards_show_low_mastery(self, capsys, data_dir) -> None:
        # Every blank of a section shown or rated Again: not known, though recall right
        # now is 1 after any review. Then the same answered Good.
        answer(data_dir, "1", 8, rating=1)
        failed = stats_json(capsys)["sections"][0]
        assert (failed["id"], failed["cards"], failed["reviews"]) == ("1", 8, 8)
        assert failed["mastery"] == 0  # cards last failed count 0 (once 1.0, ●)
        answer(data_dir, "2.2", 99, rating=3)
        data = stats_json(capsys)
        good = next(s for s in data["sections"] if s["id"] == "2.2")
        assert good["new"] == 0
        assert 0 < good["mastery"] < 0.2  # every card right once is not mastery (recall tomorrow: 0.95)
        # Section 二 has no text of its own: its figures are its subsections' (2.1 and 2.2).
        parent = next(s for s in data["sections"] if s["id"] == "2")
        children = [s for s in data["sections"] if s["id"] in ("2.1", "2.2")]
        assert parent["cards"] == sum(s["cards"] for s in children) + 1 > 1  # and its own heading's
        assert parent["reviews"] == good["reviews"]
        assert 0 < parent["mastery"] < good["mastery"]

    def test_accuracy_reviews_per_day_and_forecast(self, capsys, data_dir) -> None:
        answer(data_dir, "2.1", 3, rating=3, days_ago=2)
        answer(data_dir, "2.2", 1, rating=1, days_ago=1)
        data = stats_json(capsys)
        assert data["accuracy"] == 0.75
        per_day = {entry["date"]: entry["reviews"] for entry in data["reviews_per_day"]}
        today = datetime.now().date()
        assert per_day[(today - timedelta(days=1)).isoformat()] == 1
        assert per_day[(today - timedelta(days=2)).isoformat()] == 3
        assert sum(per_day.values()) == 4
        # Learning steps brought all four back within minutes: overdue ones count today.
        assert data["due_forecast"][0] == {"date": today.isoformat(), "due": 4}
        assert sum(entry["due"] for entry in data["due_forecast"]) == 4

    def test_cards_answered_long_ago_are_due(self, capsys, data_dir) -> None:
        answer(data_dir, "3.1", 3, rating=3, days_ago=60)
        data = stats_json(capsys)
        section = next(s for s in data["sections"] if s["id"] == "3.1")
        assert (section["due"], section["reviews"]) == (3, 3)
        assert 0 < section["mastery"] < 3 / section["cards"]  # forgetting has set in
        assert data["totals"]["due"] == 3

    def test_text_table_in_chinese_and_english(self, capsys, data_dir) -> None:
        answer(data_dir, "1", 8, days_ago=1)  # due again minutes later, so overdue now
        code, out, err = run(capsys, "stats", str(BUNDLED), "--lang", "zh")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[0] == "zuofeng-speech"
        assert lines[1].split() == ["章节（含下级）", "卡片", "新", "到期", "复习次数", "已掌握", "掌握度"]
        assert lines[2].startswith("开篇") and lines[2].split()[1:5] == ["8", "0", "8", "8"]
        assert lines[2].endswith("%")
        table = lines[: lines.index("")]
        assert table[-1].startswith("合计")
        # A table in terminal cells: every row as wide as the header, figures right-aligned.
        assert len({cell_len(line) for line in table[1:]}) == 1
        # Parents count their subsections: the top-level rows add up to the total.
        top = [line for line in table[2:-1] if not line.startswith(" ")]
        assert table[-1].split()[1] == str(sum(int(line.split()[-6]) for line in top))
        # Then accuracy, the last 7 days and the next 7, one line each.
        assert lines[len(table) + 1 :] == [
            "正确率：100%",
            f"近 7 天复习（{day(-6)} 至 {day(0)}）：0 0 0 0 0 8 0",
            f"未来 7 天到期（{day(0)} 至 {day(6)}）：8 0 0 0 0 0 0",
        ]
        code, out, _ = run(capsys, "stats", str(BUNDLED), "--lang", "en")
        lines = out.splitlines()
        assert lines[2].startswith("Opening")
        assert lines[1].startswith("Section (with subsections)") and "Mastered" in lines[1]
        assert lines[-3:] == [
            "Accuracy: 100%",
            f"Reviews, last 7 days ({day(-6)} to {day(0)}): 0 0 0 0 0 8 0",
            f"Due, next 7 days ({day(0)} to {day(6)}): 8 0 0 0 0 0 0",
        ]

    def test_text_without_reviews_says_so(self, capsys) -> None:
        code, out, _ = run(capsys, "stats", str(BUNDLED), "--lang", "en")
        assert code == 0
        assert "Accuracy: —" in out.splitlines()

    def test_a_missing_file_is_one_line_on_stderr(self, capsys, tmp_path) -> None:
        code, out, err = run(capsys, "stats", str(tmp_path / "nope.txt"))
        assert code == 1 and out == ""
        assert err.startswith("study: ") and err.count("\n") == 1


class TestCorruptDatabase:
    def test_stats_moves_it_aside_says_so_and_starts_afresh(self, capsys, data_dir) -> None:
        garbage = b"\x00\xffnot sqlite at all" * 500
        (data_dir / "study.db").write_bytes(garbage)
        code, out, err = run(capsys, "stats", str(BUNDLED), "--json")
        assert code == 0
        [moved] = list(data_dir.glob("study.db.corrupt-*"))
        assert moved.read_bytes() == garbage  # never deleted, never changed
        assert err.startswith("study: ") and moved.name in err
        assert json.loads(out)["totals"]["reviews"] == 0
        # The fresh database works: an answer shows in the next run, with no notice.
        answer(data_dir, "1", 1)
        code, out, err = run(capsys, "stats", str(BUNDLED), "--json")
        assert (code, err) == (0, "")
        assert json.loads(out)["totals"]["reviews"] == 1
        assert list(data_dir.glob("study.db.corrupt-*")) == [moved]


class TestOpeningTheApp:
    @pytest.fixture
    def opened(self, monkeypatch: pytest.MonkeyPatch) -> list[StudyApp]:
        """The apps the commands would run; none is run."""
        apps: list[StudyApp] = []
        monkeypatch.setattr(StudyApp, "run", lambda self, *a, **k: apps.append(self))
        return apps

    def test_quiz_opens_the_app_in_quiz_mode(self, capsys, opened) -> None:
        code, _, err = run(capsys, "quiz", str(BUNDLED), "--section", "2.1", "--lang", "en")
        assert (code, err) == (0, "")
        [app] = opened
        assert (app.start_mode, app.start_section, app.workbook.path) == ("quiz", "2.1", BUNDLED)
        assert language() == "en"

    def test_quiz_defaults_to_the_bundled_speech_and_the_first_section(self, capsys, opened) -> None:
        assert run(capsys, "quiz")[0] == 0
        [app] = opened
        assert (app.start_mode, app.start_section, app.workbook.path.name) == ("quiz", None, "zuofeng-speech.txt")

    def test_review_with_a_new_card_limit(self, capsys, opened) -> None:
        assert run(capsys, "review", str(BUNDLED), "--new-per-day", "5")[0] == 0
        [app] = opened
        assert (app.start_mode, app.workbook.new_per_day) == ("review", 5)
        assert run(capsys, "review", str(BUNDLED))[0] == 0
        assert opened[1].workbook.new_per_day == 20

    def test_a_negative_limit_is_refused(self, capsys, opened) -> None:
        code, out, err = run(capsys, "review", "--new-per-day", "-1")
        assert code == 1 and opened == []
        assert err == "study: --new-per-day must be 0 or more\n"

    def test_the_app_gets_the_notice_of_a_corrupt_database(self, capsys, opened, data_dir) -> None:
        (data_dir / "study.db").write_bytes(b"garbage" * 100)
        code, _, err = run(capsys, "quiz", str(BUNDLED), "--lang", "en")
        assert code == 0 and "study.db.corrupt-" in err
        assert err.rstrip().endswith("study backup --restore brings back the last daily copy.")  # what to do next
        [app] = opened
        store = app.workbook.store
        assert store is not None and store.moved_to is not None  # the app shows it too
        assert store.moved_to.name.startswith("study.db.corrupt-")

    def test_help_names_the_options(self, capsys) -> None:
        for command, option in (("quiz", "--section"), ("review", "--new-per-day"), ("stats", "--json")):
            with pytest.raises(SystemExit) as exit_:
                cli.main([command, "--help"])
            assert exit_.value.code == 0
            assert option in capsys.readouterr().out


class TestRefusedAnswers:
    """Answers the database refused to the end are reported once the screen is gone."""

    class FakeApp:
        """Stands in for the app: its run leaves one answer the store never took in the workbook."""

        def __init__(self, workbook: object, file: Path | None = None) -> None:
            self.answers = workbook.answers  # type: ignore[attr-defined]
            self.workbooks = [workbook]
            self.answers.waiting = [
                Answer("甲 :: 零容忍 #1", "甲", 1, "wrong", time=datetime(2026, 1, 2, tzinfo=timezone.utc))
            ]
            self.file = file
            self.return_code = 0
            self.failure = None

        def run(self) -> None:
            if self.file is not None:  # as if the file beside the database took them
                self.answers.file, self.answers.filed = self.file, len(self.answers.waiting)
                self.answers.waiting = []

    def test_kept_in_a_file(self, capsys, monkeypatch, tmp_path) -> None:
        kept = tmp_path / "study.db.unsaved-1.json"
        monkeypatch.setattr("tui.app.StudyApp", lambda workbook, **k: self.FakeApp(workbook, file=kept))
        code, _, err = run(capsys, str(BUNDLED), "--lang", "en")
        assert code == 1
        assert err.strip() == f"study: the database refused 1 answer(s); they are kept in {kept}"

    def test_printed_when_no_file_can_be_written(self, capsys, monkeypatch) -> None:
        monkeypatch.setattr("tui.app.StudyApp", lambda workbook, **k: self.FakeApp(workbook))
        code, _, err = run(capsys, str(BUNDLED), "--lang", "zh")
        assert code == 1
        first, answer = err.strip().splitlines()
        assert first == "study: 数据库没有接受 1 个答案，也无法另存为文件，答案如下："
        assert json.loads(answer) == {
            "card_key": "甲 :: 零容忍 #1", "section_key": "甲", "rating": 1, "outcome": "wrong", "typed": "",
            "hints": 0, "duration": None, "time": "2026-01-02T00:00:00+00:00", "score": None,
        }


class TestDatabaseProblems:
    """Every command that uses the database says what went wrong in one line of the interface language."""

    @pytest.fixture
    def opened(self, monkeypatch: pytest.MonkeyPatch) -> list[StudyApp]:
        apps: list[StudyApp] = []
        monkeypatch.setattr(StudyApp, "run", lambda self, *a, **k: apps.append(self))
        return apps

    def test_stats_when_another_study_holds_the_database(self, capsys, data_dir, monkeypatch) -> None:
        import sqlite3

        run(capsys, "stats", str(BUNDLED))  # the database exists
        real_open = Store.open.__func__
        monkeypatch.setattr(Store, "open", classmethod(lambda cls, data_dir=None, timeout=0.2: real_open(cls, data_dir, timeout=timeout)))
        holder = sqlite3.connect(data_dir / "study.db", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            code, out, err = run(capsys, "stats", str(BUNDLED), "--lang", "zh")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert (code, out) == (1, "")
        assert err == "study: 学习记录数据库正忙：另一个 study 正在写入。请稍后再试。\n"

    @pytest.mark.parametrize("command", [["stats"], ["stats", "--json"], [], ["quiz"], ["review"]], ids=" ".join)
    @pytest.mark.parametrize("kind", ["busy", "read_only", "full", "corrupt", "unavailable", "other"])
    def test_any_store_error_is_one_line(self, capsys, monkeypatch, opened, command, kind) -> None:
        from tui.core.database import store_error

        values = {"path": "/nowhere", "detail": "SQLITE_IOERR"} if kind in ("unavailable", "other") else {}

        def refuse(*args, **kwargs):
            raise store_error(kind, **values)

        monkeypatch.setattr(Store, "open", refuse)
        code, out, err = run(capsys, *command, str(BUNDLED), "--lang", "zh")
        assert (code, out, opened) == (1, "", [])
        assert err.count("\n") == 1 and err.startswith("study: ")
        # Chinese through and through: no English words, only the names it must keep.
        words = set(re.findall(r"[A-Za-z_]+", err)) - {"study", "SQLITE_IOERR", "nowhere"}
        assert words == set()

    def test_stats_reads_a_database_it_may_not_write(self, capsys, data_dir, monkeypatch) -> None:
        import sqlite3

        answer(data_dir, "2.1", 3)
        real = sqlite3.connect

        def read_only(database, *args, uri=False, **kwargs):
            if not uri:
                database, uri = f"{Path(database).resolve().as_uri()}?mode=ro", True
            return real(database, *args, uri=uri, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", read_only)
        data = stats_json(capsys)
        assert data["totals"]["reviews"] == 3
        assert next(s for s in data["sections"] if s["id"] == "2.1")["reviews"] == 3


class TestProgressFollowsTheText:
    """Copies, moves and edits: reviews stay with the cards they belong to, or are shown as orphaned."""

    HEADING = "一、提高政治站位,深化思想认识"

    @pytest.fixture
    def speech(self, tmp_path: Path, data_dir: Path) -> Path:
        """A copy of the bundled speech with every card (50 phrases', 12 headings') answered once, as the app would
        have recorded them."""
        path = tmp_path / "speech.txt"
        path.write_bytes(BUNDLED.read_bytes())
        text = load(path)
        doc = parse(text, path.name)
        keys = doc.section_keys()
        with Store.open(data_dir) as store:
            document_id = store.document(path, hashlib.sha256(text.encode()).hexdigest(), doc.title)
            for card in cards_for(doc, extract(doc)) + frame(doc).cards:
                store.record_review(document_id, Answer(card.key, keys[card.section_id], 3, outcome="right"))
        return path

    def stats(self, capsys, path: Path) -> dict:
        code, out, err = run(capsys, "stats", str(path), "--json")
        assert (code, err) == (0, "")
        return json.loads(out)

    def test_every_card_answered(self, capsys, speech) -> None:
        totals = self.stats(capsys, speech)["totals"]
        assert (totals["cards"], totals["new"], totals["reviews"]) == (59, 0, 59)

    def test_a_copy_opened_once_does_not_take_the_originals_progress(self, capsys, speech) -> None:
        copy = speech.with_name("copy.txt")
        copy.write_bytes(speech.read_bytes())
        assert self.stats(capsys, copy)["totals"]["reviews"] == 59  # the copy starts from the original's progress
        speech.write_text(speech.read_text("utf-8") + "\n补充一句话。\n", "utf-8")
        assert self.stats(capsys, speech)["totals"]["reviews"] == 59
        assert self.stats(capsys, copy)["totals"]["reviews"] == 59

    def test_moved_and_edited_in_one_step(self, capsys, speech) -> None:
        moved = speech.parent / "elsewhere" / "renamed.txt"
        moved.parent.mkdir()
        moved.write_text(speech.read_text("utf-8") + "\n补充一句话。\n", "utf-8")
        speech.unlink()
        totals = self.stats(capsys, moved)["totals"]
        assert (totals["new"], totals["reviews"]) == (0, 59)

    @pytest.mark.parametrize(
        "fixed", ["一、提高政治站位,深化思想认知", "一、提高政治站位，深化思想认识", "一、提高政治站位, 深化思想认识。"]
    )
    def test_a_top_level_heading_fixed(self, capsys, speech, fixed) -> None:
        speech.write_text(speech.read_text("utf-8").replace(self.HEADING, fixed), "utf-8")
        data = self.stats(capsys, speech)
        assert (data["totals"]["new"], data["totals"]["reviews"], data["orphaned"]) == (0, 59, [])

    def test_a_rewritten_paragraph_costs_only_its_own_cards_and_shows_them(self, capsys, speech) -> None:
        lines = speech.read_text("utf-8").split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("(一)深入查摆问题"))
        lines[at] = lines[at].split("。")[0] + "。这一段完全重写了，只讲“新的提法”。"
        speech.write_text("\n".join(lines), "utf-8")
        data = self.stats(capsys, speech)
        rewritten = next(s for s in data["sections"] if s["heading"].startswith("深入查摆问题"))
        # Its phrases' cards start afresh; its heading, not rewritten, keeps its card.
        assert rewritten["reviews"] == 1 and rewritten["new"] == rewritten["cards"] - 1
        # (its one new card, 新的提法, counts in its parent section too)
        kin = [s for s in data["sections"] if s is rewritten or rewritten["id"].startswith(s["id"] + ".")]
        assert all(s["new"] == 0 for s in data["sections"] if s not in kin)
        assert len(data["orphaned"]) == 7 and sum(card["reviews"] for card in data["orphaned"]) == 7
        assert {card["phrase"] for card in data["orphaned"]} >= {"态度冷漠、推诿扯皮", "敷衍了事、消极怠工"}
        code, out, _ = run(capsys, "stats", str(speech), "--lang", "en")
        assert "Cards no longer in the text: 7, with 7 reviews (kept in the database):" in out
        assert "  坚持问题导向,精准靶向施策 / 深入查摆问题,找准作风顽疾 :: 态度冷漠、推诿扯皮 (1)" in out

    def test_a_section_merged_into_the_one_before_keeps_its_cards(self, capsys, speech) -> None:
        # Without its heading, (二)'s text becomes part of (一): its phrases are found there.
        heading = "(二)对标发展需求,增强行动自觉。"
        speech.write_text(speech.read_text("utf-8").replace(heading, ""), "utf-8")
        data = self.stats(capsys, speech)
        assert [s["heading"] for s in data["sections"][2:4]] == ["把握核心要义,校准政治方向", "坚持问题导向,精准靶向施策"]
        assert data["sections"][2]["new"] == 0
        assert data["totals"]["reviews"] + sum(card["reviews"] for card in data["orphaned"]) == 59

    @pytest.mark.parametrize("command", [[], ["quiz"], ["review"]], ids=["open", "quiz", "review"])
    def test_the_app_commands_carry_progress_when_the_app_opens(self, capsys, speech, data_dir, monkeypatch, command) -> None:
        def start(app: StudyApp, *args: object, **kwargs: object) -> None:
            # What the app does as it starts, without a terminal: open the workbook, find the phrases.
            app.workbook.open()
            app.workbook.use_phrases(app.workbook.find_phrases())

        monkeypatch.setattr(StudyApp, "run", start)
        speech.write_text(speech.read_text("utf-8").replace(self.HEADING, "一、提高政治站位，深化思想认识"), "utf-8")
        assert run(capsys, *command, str(speech))[0] == 0
        doc = parse(load(speech), speech.name)
        current = {card.key for card in cards_for(doc, extract(doc)) + frame(doc).cards}
        with Store.open(data_dir) as store:
            [document_id] = {store.find_document(speech, "")}
            assert current == set(store.cards(document_id))  # the app finds every card with its history
