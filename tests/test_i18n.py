"""Tests for tui.i18n: every string in both languages, and how the language is chosen."""

from __future__ import annotations

import locale
import re
from string import Formatter

import pytest

from tui import i18n
from tui.i18n import STRINGS, captions, resolve_language, set_language, t

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language from the machine running the tests; the chosen language restored after."""
    for variable in ("STUDY_LANG", *LOCALE_VARIABLES):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(locale, "getlocale", lambda *_: (None, None))
    monkeypatch.setattr(i18n, "_language", None)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


# ---------------------------------------------------------------- the strings


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_with_the_same_placeholders(key):
    zh, en = STRINGS[key]
    assert zh.strip() and en.strip()
    assert placeholders(zh) == placeholders(en)


def test_t_picks_the_language_and_fills_placeholders():
    set_language("zh")
    assert t("key_quit") == "退出"
    assert t("search_count", index=2, total=5) == "第 2/5 处"
    set_language("en")
    assert t("key_quit") == "Quit"
    assert t("search_count", index=2, total=5) == "match 2 of 5"


def test_t_leaves_braces_alone_without_values():
    set_language("en")
    assert t("phrase_count") == "{count} key phrases"


def test_captions_name_the_sections_without_a_heading_in_the_current_language():
    set_language("zh")
    assert captions() == {"preamble": "开篇", "closing": "结语"}
    set_language("en")
    assert captions() == {"preamble": "Opening", "closing": "Closing"}


# ---------------------------------------------------------------- choosing the language


def test_the_option_wins_over_study_lang_and_the_locale(monkeypatch):
    monkeypatch.setenv("STUDY_LANG", "en")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert resolve_language("zh") == "zh"
    monkeypatch.setenv("STUDY_LANG", "zh")
    assert resolve_language("en") == "en"


def test_study_lang_wins_over_the_locale(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("STUDY_LANG", "zh")
    assert resolve_language(None) == "zh"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("STUDY_LANG", "en")
    assert resolve_language(None) == "en"


@pytest.mark.parametrize("value", ["zh", "ZH", "zh_CN", "zh-TW", " zh_CN.UTF-8 "])
def test_study_lang_accepts_locale_like_spellings(monkeypatch, value):
    monkeypatch.setenv("STUDY_LANG", value)
    assert resolve_language(None) == "zh"


def test_an_unknown_study_lang_falls_through_to_the_locale(monkeypatch):
    monkeypatch.setenv("STUDY_LANG", "fr")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert resolve_language(None) == "zh"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert resolve_language(None) == "en"


@pytest.mark.parametrize("variable", LOCALE_VARIABLES)
@pytest.mark.parametrize("value, expected", [("zh_CN.UTF-8", "zh"), ("zh_TW", "zh"), ("en_GB.UTF-8", "en"), ("C", "en")])
def test_a_zh_locale_means_chinese(monkeypatch, variable, value, expected):
    monkeypatch.setenv(variable, value)
    assert resolve_language(None) == expected


def test_lc_all_overrides_lang(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("LC_ALL", "C")
    assert resolve_language(None) == "en"


def test_with_nothing_set_the_process_locale_decides_else_english(monkeypatch):
    assert resolve_language(None) == "en"
    monkeypatch.setattr(locale, "getlocale", lambda *_: ("zh_CN", "UTF-8"))
    assert resolve_language(None) == "zh"


def test_set_language_fixes_it_for_t(monkeypatch):
    monkeypatch.setenv("STUDY_LANG", "zh")
    assert set_language(None) == "zh"
    monkeypatch.setenv("STUDY_LANG", "en")
    assert t("key_help") == "帮助"  # chosen once, not on every call
    assert set_language("en") == "en"
    assert t("key_help") == "Help"


# ---------------------------------------------------------------- bindings


def test_bindings_are_translated_per_instance():
    from textual.app import App
    from textual.binding import Binding

    group = Binding.Group("key_sections_short")

    class Keys(App[None]):
        BINDINGS = [
            Binding("q", "quit", "key_quit"),
            Binding("x", "bell", "not a key of ours"),
            Binding("[", "bell", "key_previous_section", group=group),
        ]

    set_language("zh")
    chinese = Keys()
    i18n.translate_bindings(chinese)
    set_language("en")
    english = Keys()
    i18n.translate_bindings(english)

    def described(app: App) -> dict[str, str]:
        return {binding.action + binding.key: binding.description for _, binding in app._bindings}

    assert described(chinese)["quitq"] == "退出"
    assert described(english)["quitq"] == "Quit"
    assert described(english)["bellx"] == "not a key of ours"
    # Textual's own palette key speaks the language too.
    assert described(chinese)["command_palettectrl+p"] == "命令面板"
    assert described(english)["command_palettectrl+p"] == "Palette"
    groups = {binding.group.description for _, binding in chinese._bindings if binding.group}
    assert groups == {"上/下一节"}


def test_every_kind_of_load_error_has_its_words_in_both_languages():
    from tui.core.loader import MESSAGES

    for kind, english in MESSAGES.items():
        zh, en = STRINGS[f"load_{kind}"]
        assert en == english  # the interface's English is the loader's own message
        assert set(re.findall(r"{(\w+)}", zh)) == set(re.findall(r"{(\w+)}", english))


def test_the_cli_says_a_load_error_in_the_interface_language(tmp_path):
    import subprocess
    import sys

    missing = tmp_path / "无此文件.txt"
    for lang, words in (("zh", "没有这个文件"), ("en", "no such file")):
        result = subprocess.run(
            [sys.executable, "-m", "tui", "outline", str(missing), "--lang", lang],
            capture_output=True, text=True, env={"STUDY_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 1
        assert result.stderr.strip() == f"study: {missing}{'：' if lang == 'zh' else ': '}{words}"


def test_the_study_modes_strings_are_in_the_table_and_name_no_key_twice() -> None:
    import ast
    from pathlib import Path

    from tui import i18n
    from tui.strings_modes import MODES

    # A key in both tables would silently take the modes' text: each is declared once.
    source = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    reading = next(
        node.value for node in source.body if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "STRINGS"
    )
    assert isinstance(reading, ast.Dict)
    keys = {key.value for key in reading.keys if isinstance(key, ast.Constant)}
    assert not keys & set(MODES)
    assert set(MODES) <= set(i18n.STRINGS)
