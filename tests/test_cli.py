"""tui.cli: the `study` command and its subcommands, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui import cli
from tui.core import loader
from tui.core.loader import load
from tui.core.names import to_data
from tui.core.outline import parse

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "zuofeng-speech.txt"


def study(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m tui.cli ARGS` in a fresh process, as the `study` script would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


class TestOutlineCommand:
    def test_prints_an_indented_tree(self) -> None:
        result = study("outline", str(BUNDLED), "--lang", "zh")
        assert (result.returncode, result.stderr) == (0, "")
        lines = result.stdout.splitlines()
        # Each section after its id, the id --section takes.
        assert lines[:4] == ["zuofeng-speech", "1    开篇", "2    一、提高政治站位,深化思想认识", "2.1    (一)把握核心要义,校准政治方向"]
        assert lines[-1] == "6    结语"
        assert len(lines) == 1 + 1 + 4 * 3 + 1

    def test_english_captions(self) -> None:
        result = study("outline", str(BUNDLED), "--lang", "en")
        assert result.returncode == 0
        assert result.stdout.splitlines()[1] == "1    Opening"

    def test_json_is_the_documented_shape(self) -> None:
        result = study("outline", str(BUNDLED), "--json")
        assert (result.returncode, result.stderr) == (0, "")
        data = json.loads(result.stdout)
        assert data == to_data(parse(load(BUNDLED), BUNDLED.name))
        assert list(data) == ["title", "title_from", "meta", "noise", "sections"]
        assert data["meta"] == {"浏览量": "447", "发布时间": "2025-03-26"}
        assert data["noise"] == ["点赞", "收藏"]
        section = data["sections"][1]
        assert list(section) == ["id", "kind", "level", "label", "heading", "paragraphs", "children"]
        assert (section["id"], section["label"], section["children"][0]["id"]) == ("2", "一、", "2.1")
        assert "习近平" in result.stdout  # Chinese is printed as itself, not as \\u escapes

    def test_json_is_the_same_on_every_run(self) -> None:
        assert study("outline", str(BUNDLED), "--json").stdout == study("outline", str(BUNDLED), "--json").stdout

    def test_without_a_path_it_outlines_the_bundled_speech(self) -> None:
        result = study("outline", "--json")
        assert result.returncode == 0
        assert json.loads(result.stdout) == to_data(parse(load(BUNDLED), BUNDLED.name))

    def test_a_gbk_file_with_crlf(self, tmp_path: Path) -> None:
        path = tmp_path / "方案.txt"
        path.write_bytes("关于加强作风建设的实施方案\r\n一、总体要求\r\n（一）指导思想。正文。\r\n二、主要任务\r\n".encode("gbk"))
        result = study("outline", str(path), "--lang", "zh")
        assert result.returncode == 0
        assert result.stdout.splitlines() == ["关于加强作风建设的实施方案", "1    一、总体要求", "1.1    （一）指导思想", "2    二、主要任务"]

    def test_a_markdown_file(self, tmp_path: Path) -> None:
        path = tmp_path / "notes.md"
        path.write_text("# Notes\n\nIntro.\n\n## Setup\n\nText.\n", encoding="utf-8")
        result = study("outline", str(path), "--lang", "en")
        assert result.stdout.splitlines() == ["Notes", "1  Opening", "2  Setup"]

    def test_a_file_without_headings(self, tmp_path: Path) -> None:
        path = tmp_path / "diary.txt"
        path.write_text("今天天气很好。\n我们去公园散步。\n", encoding="utf-8")
        result = study("outline", str(path), "--json")
        data = json.loads(result.stdout)
        assert [s["kind"] for s in data["sections"]] == ["preamble"]
        assert data["title"] == "diary" and data["title_from"] == "filename"

    def test_the_language_is_chosen_before_the_command_runs(self, capsys, monkeypatch) -> None:
        # In one process, as tests and embedders run it: each run sets its own language.
        from tui import i18n

        assert cli.main(["outline", str(BUNDLED), "--lang", "zh"]) == 0
        assert capsys.readouterr().out.splitlines()[1] == "1    开篇"
        assert i18n.language() == "zh"
        assert cli.main(["outline", str(BUNDLED), "--lang", "en"]) == 0
        assert capsys.readouterr().out.splitlines()[1] == "1    Opening"
        monkeypatch.setenv("STUDY_LANG", "zh")
        assert cli.main(["outline", str(BUNDLED)]) == 0  # no --lang: STUDY_LANG, as in a fresh process
        assert capsys.readouterr().out.splitlines()[1] == "1    开篇"

    def test_the_installed_script(self) -> None:
        script = Path(sys.executable).with_name("study")
        if not script.exists():
            pytest.skip("the study script is not installed next to this interpreter")
        result = subprocess.run([str(script), "outline", str(BUNDLED), "--json"], capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert result.returncode == 0
        assert json.loads(result.stdout)["sections"][1]["heading"] == "提高政治站位,深化思想认识"


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "a folder"
    folder.mkdir()
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(bytes(range(0x80, 0x100)) * 20)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\u3000\n\t\n", encoding="utf-8")
    return {
        "missing": (tmp_path / "no such.txt", "no such file"),
        "folder": (folder, "folder"),
        "binary": (binary, "binary"),
        "undecodable": (garbled, "encoding"),
        "empty": (empty, "empty"),
        "whitespace": (blank, "empty"),
    }


class TestBadInput:
    @pytest.mark.parametrize("case", ["missing", "folder", "binary", "undecodable", "empty", "whitespace"])
    @pytest.mark.parametrize("command", [["outline"], ["outline", "--json"]], ids=["outline", "outline-json"])
    def test_one_line_on_stderr_and_status_one(self, tmp_path: Path, case: str, command: list[str]) -> None:
        path, problem = _bad_inputs(tmp_path)[case]
        result = study(*command, str(path))
        assert result.returncode == 1
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"study: {path}: ")
        assert problem in result.stderr

    def test_plain_study_with_a_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "missing.txt"
        result = study(str(path))
        assert result.returncode == 1
        assert result.stderr == f"study: {path}: no such file\n"

    def test_relative_path_is_named_as_given(self, tmp_path: Path) -> None:
        result = study("outline", "nowhere.txt", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (1, "study: nowhere.txt: no such file\n")

    def test_no_read_permission(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        # Tests run as root, who may read anything: the refusal is simulated in-process.
        path = tmp_path / "secret.txt"
        path.write_text("一、总体要求\n", encoding="utf-8")

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(loader, "open", refuse, raising=False)
        assert cli.main(["outline", str(path)]) == 1
        captured = capsys.readouterr()
        assert (captured.out, captured.err) == ("", f"study: {path}: permission denied\n")

    @pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
    def test_no_read_permission_for_real(self, tmp_path: Path) -> None:
        path = tmp_path / "secret.txt"
        path.write_text("一、总体要求\n", encoding="utf-8")
        path.chmod(0)
        try:
            result = study("outline", str(path))
        finally:
            path.chmod(0o600)
        assert (result.returncode, result.stderr) == (1, f"study: {path}: permission denied\n")


class TestAwkwardFiles:
    def test_a_file_named_like_an_option(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        (tmp_path / "-notes.txt").write_text("一、总体要求\n正文。\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        assert cli.main(["outline", "-notes.txt", "--lang", "zh"]) == 0
        assert capsys.readouterr().out.splitlines()[1] == "1  一、总体要求"

    def test_an_option_is_still_an_option_when_no_such_file_exists(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        with pytest.raises(SystemExit) as exit_:
            cli.main(["outline", "-x"])
        assert exit_.value.code == 2

    def test_replaced_characters_are_one_line_on_stderr(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        data = bytearray(BUNDLED.read_bytes())
        at = data.index("。".encode(), 2000) + 3  # inside a paragraph, between two characters
        data[at:at] = b"\xff\xfe\xff"
        path = tmp_path / "damaged.txt"
        path.write_bytes(bytes(data))
        assert cli.main(["outline", str(path), "--lang", "en"]) == 0
        out, err = capsys.readouterr()
        assert err == f"study: {path}: 3 character(s) could not be decoded and show as �\n"
        assert out.splitlines()[2] == "2    一、提高政治站位,深化思想认识"
        assert cli.main(["stats", str(path), "--lang", "zh"]) == 0
        assert capsys.readouterr().err == f"study: {path}：有 3 个字符无法解码，已显示为 �\n"


class TestTooLargeForPhrases:
    def test_phrases_and_stats_refuse_in_one_line_before_starting(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from tui.core import workbook

        monkeypatch.setattr(workbook, "MAX_PHRASE_CHARS", 100)
        for command in ("phrases", "stats"):
            assert cli.main([command, str(BUNDLED), "--lang", "en"]) == 1
            out, err = capsys.readouterr()
            assert out == ""
            assert err.startswith(f"study: {BUNDLED}: too long to find key phrases in (")
            assert err.count("\n") == 1
        assert cli.main(["outline", str(BUNDLED), "--lang", "en"]) == 0  # reading it is fine


class TestPhrasesCommand:
    def test_the_users_phrase_edits_are_what_is_listed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from tui.core.model import PhraseEdit
        from tui.core.store import Store
        from tui.core.workbook import Workbook

        path = tmp_path / "图书角.txt"
        path.write_text(
            "社区图书角管理办法\n一、开放时间\n图书角每周二、周四和周六下午开放，由志愿者轮流值守。借阅前须出示“读者卡”。\n"
            "二、借还规则\n借阅期限为十四天，可续借一次。逾期未还的，暂停借阅资格一个月。\n",
            encoding="utf-8",
        )
        assert cli.main(["phrases", str(path), "--json"]) == 0
        found = {s["id"]: [p["text"] for p in s["phrases"]] for s in json.loads(capsys.readouterr().out)["sections"]}
        assert found == {"1": ["读者卡"], "2": ["十四天"]}
        store = Store.open()
        workbook = Workbook(path, load(path), store)
        doc = workbook.open()
        store.add_phrase_edit(workbook.document_id(), PhraseEdit(doc.section_key("1"), "add", "志愿者轮流值守"))
        store.add_phrase_edit(workbook.document_id(), PhraseEdit(doc.section_key("2"), "remove", "十四天"))
        store.close()
        assert cli.main(["phrases", str(path), "--json"]) == 0
        out, err = capsys.readouterr()
        sections = json.loads(out)["sections"]
        assert [[(p["text"], p["kind"]) for p in s["phrases"]] for s in sections] == [
            [("志愿者轮流值守", "user"), ("读者卡", "quote")],
            [],
        ]
        assert cli.main(["phrases", str(path), "--lang", "zh"]) == 0
        out, err = capsys.readouterr()
        assert (out.splitlines(), err) == (["一、开放时间", "  · 志愿者轮流值守  [user]", "  · 读者卡  [quote]", "二、借还规则"], "")


class TestTheCommandLinesLanguage:
    @staticmethod
    def help_of(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str) -> str:
        monkeypatch.setenv("COLUMNS", "60")  # argparse wraps at the terminal's width
        with pytest.raises(SystemExit) as exit_:
            cli.main([*argv, "--help"])
        assert exit_.value.code == 0
        return capsys.readouterr().out

    @pytest.mark.parametrize("command", [[], ["quiz"], ["export"], ["exam"], ["backup"], ["restore"]])
    def test_help_speaks_chinese_and_fits_the_terminal(self, capsys, monkeypatch, command: list[str]) -> None:
        from rich.cells import cell_len

        shown = self.help_of(capsys, monkeypatch, *command, "--lang", "zh")
        assert shown.startswith("用法：study") and "选项：" in shown and "显示本帮助并退出" in shown
        # argparse's words and the options' help: no English sentence left (option names stay).
        for english in ("usage", "options:", "show this help", "interface language", "default:"):
            assert english not in shown, english
        # Broken by the cells a line takes, as the terminal shows it: a Chinese character is two.
        assert max(cell_len(line) for line in shown.splitlines()) <= 60

    def test_help_speaks_english_when_asked(self, capsys, monkeypatch) -> None:
        shown = self.help_of(capsys, monkeypatch, "export", "--lang", "en")
        assert shown.startswith("usage: study export") and "write an Anki package" in shown

    @pytest.mark.parametrize(
        ("argv", "said"),
        [
            (["exam", "a.txt", "2027-01-01", "extra"], "study exam：错误：无法识别的参数：extra"),
            (["quiz", "--new-per-day", "abc"], "study quiz：错误：参数 --new-per-day：无效的值 'abc'"),
            (["--lang", "fr"], "study：错误：参数 --lang：无效的选项 'fr'（可选：'zh', 'en'）"),
        ],
    )
    def test_a_usage_error_speaks_the_interface_language(self, capsys, monkeypatch, argv, said) -> None:
        monkeypatch.setenv("STUDY_LANG", "zh")
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("用法：") and err.rstrip("\n").splitlines()[-1] == said
