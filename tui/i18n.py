"""Every user-facing string of study, in Chinese and English, and the choice between them."""

from __future__ import annotations

import locale
import os

LANGUAGES = ("zh", "en")

# key -> (Chinese, English). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    "preamble": ("开篇", "Opening"),
    "closing": ("结语", "Closing"),
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


def captions(language_code: str | None = None) -> dict[str, str]:
    """Readable names for the sections that have no heading."""
    if language_code:
        set_language(language_code)
    return {"preamble": t("preamble"), "closing": t("closing")}
