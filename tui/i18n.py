"""Every user-facing string of study, in Chinese and English, and the choice between them."""

from __future__ import annotations

import locale
import os

LANGUAGES = ("zh", "en")

# key -> (Chinese, English). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    "preamble": ("开篇", "Opening"),
    "closing": ("结语", "Closing"),
    # reader
    "opening": ("正在打开…", "Opening…"),
    "extracting": ("正在找出要点…", "Finding key phrases…"),
    "phrase_count": ("要点 {count} 个", "{count} key phrases"),
    "too_small": ("窗口太小了：请把终端调到至少 {width}×{height}。", "The terminal is too small: make it at least {width}×{height}."),
    "search_placeholder": ("搜索全文（回车跳到下一处，Esc 关闭）", "Search the text (Enter: next match, Esc: close)"),
    "search_count": ("第 {index}/{total} 处", "match {index} of {total}"),
    "search_none": ("没有找到“{query}”", "No match for “{query}”"),
    "highlight_on": ("已标出要点", "Key phrases highlighted"),
    "highlight_off": ("已取消标出要点", "Key phrase highlighting off"),
    "no_phrases_yet": ("要点还在提取中", "Key phrases are still being found"),
    # keys (footer, help screen, command palette)
    "key_quit": ("退出", "Quit"),
    "key_help": ("帮助", "Help"),
    "key_search": ("搜索", "Search"),
    "key_next_match": ("下一处", "Next match"),
    "key_previous_match": ("上一处", "Previous match"),
    "key_highlight": ("标出要点", "Key phrases"),
    "key_next_section": ("下一节", "Next section"),
    "key_previous_section": ("上一节", "Previous section"),
    "key_switch_pane": ("切换窗格", "Switch pane"),
    "key_palette": ("命令面板", "Command palette"),
    "key_close": ("关闭", "Close"),
    "key_outline_move": ("在大纲中上下移动", "Move in the outline"),
    "key_outline_fold": ("折叠 / 展开，或到上一级", "Fold / unfold, or go to the parent"),
    "key_outline_open": ("打开所选章节", "Open the chosen section"),
    "key_scroll": ("滚动正文", "Scroll the text"),
    "key_page": ("翻页", "Page up / down"),
    "key_top_bottom": ("到开头 / 结尾", "Go to the start / end"),
    "help_title": ("按键说明", "Keys"),
    "help_reading": ("阅读", "Reading"),
    "help_outline": ("大纲", "Outline"),
    "help_search": ("搜索", "Search"),
    "help_general": ("通用", "General"),
    "help_footer": ("按 Esc 或 ? 关闭", "Press Esc or ? to close"),
    "palette_help_search": ("在全文中搜索", "Search the whole text"),
    "palette_help_highlight": ("在正文中标出或取消标出要点", "Show or hide key phrases in the text"),
    "palette_help_next_section": ("跳到下一节", "Go to the next section"),
    "palette_help_previous_section": ("跳到上一节", "Go to the previous section"),
    "palette_help_help": ("显示所有按键", "Show every key"),
    "palette_help_quit": ("退出 study", "Quit study"),
}

_language: str | None = None


def resolve_language(explicit: str | None = None) -> str:
    """--lang, else STUDY_LANG, else the locale (zh* -> Chinese), else English."""
    for candidate in (explicit, os.environ.get("STUDY_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"


def set_language(language: str | None) -> str:
    """Fix the interface language for this process; returns the one chosen."""
    global _language
    _language = resolve_language(language)
    return _language


def language() -> str:
    return _language or set_language(None)


def t(key: str, **values: object) -> str:
    """The string for `key` in the current language, formatted with `values`."""
    zh, en = STRINGS[key]
    text = zh if language() == "zh" else en
    return text.format(**values) if values else text


def translate_bindings(node: object) -> None:
    """Give a widget's or screen's bindings their descriptions in the current language.

    Bindings are declared with i18n keys as descriptions; they are translated per
    instance, so the language can differ between apps in one process (tests do that).
    """
    from dataclasses import replace

    from textual.binding import BindingsMap

    bindings = node._bindings  # type: ignore[attr-defined]
    translated = [
        replace(binding, description=t(binding.description)) if binding.description in STRINGS else binding
        for key_bindings in bindings.key_to_bindings.values()
        for binding in key_bindings
    ]
    node._bindings = BindingsMap(translated)  # type: ignore[attr-defined]


def captions(language_code: str | None = None) -> dict[str, str]:
    """Readable names for the sections that have no heading."""
    if language_code:
        set_language(language_code)
    return {"preamble": t("preamble"), "closing": t("closing")}
