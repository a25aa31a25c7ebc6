"""Every user-facing string of study, in Chinese and English, and the choice between them."""

from __future__ import annotations

import locale
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.dom import DOMNode

from .strings_cli import CLI
from .strings_modes import MODES

LANGUAGES = ("zh", "en")

# key -> (Chinese, English). Placeholders use str.format names. Those of reading and quizzing; the study modes' are in strings_modes.py.
STRINGS: dict[str, tuple[str, str]] = {
    "preamble": ("开篇", "Opening"),
    "closing": ("结语", "Closing"),
    # files that cannot be studied (tui/core/loader.py, by kind)
    "load_missing": ("{name}：没有这个文件", "{name}: no such file"),
    "load_permission": ("{name}：没有读取权限", "{name}: permission denied"),
    "load_unreadable": ("{name}：读不出来（{detail}）", "{name}: cannot be read ({detail})"),
    "load_unreadable_plain": ("{name}：读不出来", "{name}: cannot be read"),
    "load_folder": ("{name}：这是一个文件夹，不是文本文件", "{name}: is a folder, not a text file"),
    "load_not_regular": ("{name}：不是普通文件", "{name}: is not a regular file"),
    "load_too_large": ("{name}：文件太大（{size} MB，上限是 {limit} MB）", "{name}: too large ({size} MB; the limit is {limit} MB)"),
    "load_empty": ("{name}：文件是空的", "{name}: the file is empty"),
    "load_blank": ("{name}：文件是空的（只有空白）", "{name}: the file is empty (only whitespace)"),
    "load_binary": ("{name}：看起来是二进制文件，不是文本", "{name}: looks like a binary file, not text"),
    "load_bad_bom": ("{name}：带有 {detail} 字节顺序标记，内容却不是 {detail}", "{name}: not valid {detail} despite its byte-order mark"),
    "load_encoding": ("{name}：认不出文本编码（不是 UTF-8、UTF-16 或 GB18030）", "{name}: cannot tell the text encoding (not UTF-8, UTF-16 or GB18030)"),
    "load_doc": ("{name}：这是 Word 97–2003 的 .doc 文件；请另存为 .docx（或 .txt）再打开", "{name}: a Word 97-2003 .doc file; save it as .docx (or .txt) to study it"),
    "load_encrypted": ("{name}：文件有密码保护；请另存一份不加密的再打开", "{name}: protected by a password; save a copy without one to study it"),
    "load_scanned": ("{name}：这是扫描版 PDF，没有文字层；请先做文字识别（OCR）", "{name}: a scanned PDF with no text layer; run it through OCR first"),
    "load_corrupt": ("{name}：{format} 文件已损坏（{detail}）", "{name}: a damaged {format} file ({detail})"),
    "load_corrupt_plain": ("{name}：{format} 文件已损坏", "{name}: a damaged {format} file"),
    "load_unsupported": ("{name}：这是 {format} 文件，study 读不了；请另存为 .docx、.pdf 或 .txt", "{name}: study cannot read {format} files; save it as .docx, .pdf or .txt"),
    "load_no_text": ("{name}：这个 {format} 文件里没有找到文字", "{name}: no text found in this {format} file"),
    "load_stdin_tty": ("{name}：标准输入是终端；请用管道传入文档（pbpaste | study -）", "{name}: standard input is a terminal; pipe a document in (pbpaste | study -)"),
    "load_progress": ("正在读取 {name}：第 {done}/{total} 页", "Reading {name}: page {done} of {total}"),
    "stdin_no_terminal": ("读完标准输入后找不到终端来接收按键；可以改用 study outline - 或 study phrases -", "No terminal to take keys from after reading standard input; try study outline - or study phrases -"),
    "no_terminal": ("没有终端可以显示；不用终端时可以用 study outline、study phrases 或 study export", "no terminal to show the app in; study outline, study phrases and study export work without one"),
    "load_replaced": ("{name}：有 {count} 个字符无法解码，已显示为 �", "{name}: {count} character(s) could not be decoded and show as �"),
    # database problems (tui/core/database.py, by kind)
    "store_busy": ("学习记录数据库正忙：另一个 study 正在写入。请稍后再试。", "The study database is busy: another study is writing to it. Try again in a moment."),
    "store_read_only": ("学习记录数据库是只读的：无法保存进度。", "The study database is read-only: progress cannot be saved."),
    "store_full": ("磁盘已满：无法写入学习记录数据库。", "The disk is full: study could not save to its database."),
    "store_corrupt": ("学习记录数据库已损坏；重新启动 study 会把它移到一旁并重新开始。", "The study database is damaged; restart study to move it aside and start afresh."),
    "store_newer": ("学习记录数据库来自更新版本的 study（结构版本 {version}）；请更新 study 后再打开。", "The study database is from a newer study (schema {version}); update study to open it."),
    "store_unavailable": ("无法打开 {path} 中的学习记录数据库。", "Cannot open the study database in {path}."),
    "store_other": ("学习记录数据库出错（{detail}）。", "The study database failed ({detail})."),
    # reader
    "opening": ("正在打开…", "Opening…"),
    "extracting": ("正在找出要点…", "Finding key phrases…"),
    "phrase_count": ("要点 {count} 个", "{count} key phrases"),
    "too_small": (
        "窗口太小了：请把终端调到至少 {width}×{height}。按 q 退出。",
        "The terminal is too small: make it at least {width}×{height}. Press q to quit.",
    ),
    "search_placeholder": ("搜索全文（回车跳到下一处，Esc 关闭）", "Search the text (Enter: next match, Esc: close)"),
    "search_count": ("第 {index}/{total} 处", "match {index} of {total}"),
    "search_none": ("没有找到“{query}”", "No match for “{query}”"),
    "highlight_on": ("已标出要点", "Key phrases highlighted"),
    "highlight_off": ("已取消标出要点", "Key phrase highlighting off"),
    "phrases_too_large": (
        "{name}：文档太长（{chars:,} 字，上限 {limit:,} 字），不找要点；可以阅读和搜索。",
        "{name}: too long to find key phrases in ({chars:,} characters; the limit is {limit:,}); it can be read and searched.",
    ),
    "no_phrases_yet": ("要点还在提取中", "Key phrases are still being found"),
    "no_phrases_at_all": ("这篇文档里没有找到可测验的要点（可以按 e 自己添加）。", "No key phrases were found in this document (press e to add your own)."),
    "progress_not_kept": ("无法使用学习记录数据库（{error}）：可以阅读，但不会保存进度。", "The study database cannot be used ({error}): you can read, but progress will not be kept."),
    "section_missing": ("{name}：没有这一节：{section}（study outline 列出各节）", "{name}: no such section: {section} (study outline lists them)"),
    "edits_not_read": ("读不出已保存的要点修改（{error}），先按原始要点测验。", "Your saved phrase edits could not be read ({error}); quizzing the phrases as found."),
    "edit_not_saved": ("要点修改没有保存（{error}）。", "The phrase edit was not saved ({error})."),
    # keys (footer, help screen, command palette)
    "key_quit": ("退出", "Quit"),
    "key_help": ("帮助", "Help"),
    "key_search": ("搜索", "Search"),
    "key_next_match": ("下一处", "Next match"),
    "key_previous_match": ("上一处", "Previous match"),
    "key_highlight": ("标出要点", "Highlight"),
    "key_next_section": ("下一节", "Next section"),
    "key_previous_section": ("上一节", "Previous section"),
    "key_switch_pane": ("切换窗格", "Switch pane"),
    "key_sections": ("上一节 / 下一节", "Previous / next section"),
    "key_sections_short": ("上/下一节", "Prev/next section"),
    "key_recite_short": ("背诵", "Recite"),
    "key_highlight_long": ("标出 / 不标出要点", "Key phrases on / off"),
    "key_matches": ("下一处 / 上一处", "Next / previous match"),
    "key_palette": ("命令面板", "Command palette"),
    "key_palette_short": ("命令面板", "Palette"),
    "palette_placeholder": ("搜索命令…", "Search for commands…"),
    "palette_no_matches": ("没有找到", "No matches found"),
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
    "palette_help_hint": ("给当前的空多显示一个字", "Show one more character of the active blank"),
    "palette_help_reveal": ("放弃当前的空，显示答案", "Give up on the active blank and show its answer"),
    "palette_help_next_blank": ("跳到下一个空", "Go to the next blank"),
    "palette_help_previous_blank": ("回到上一个空", "Go back to the previous blank"),
    "rate_again": ("评为：重来", "Rate: Again"),
    "rate_hard": ("评为：困难", "Rate: Hard"),
    "rate_good": ("评为：良好", "Rate: Good"),
    "rate_easy": ("评为：简单", "Rate: Easy"),
    "palette_help_rate": ("修改刚答的空的评分", "Change the rating of the blank just answered"),
    "palette_help_leave": ("回到阅读，已答的都已保存", "Back to reading; every answer given is kept"),
    # quiz, review, phrase editing
    "key_quiz": ("测验本节", "Quiz section"),
    "key_review": ("复习", "Review"),
    "key_edit_phrases": ("编辑要点", "Edit phrases"),
    "palette_help_quiz": ("把本节的要点挖成填空来测验", "Quiz the section in view with its key phrases as blanks"),
    "palette_help_review": ("复习全文今天到期的卡片", "Review the cards due today across the document"),
    "palette_help_edit_phrases": ("关闭、恢复或添加本节的要点", "Switch off, restore or add key phrases of this section"),
    "quiz_title": ("测验：{path}", "Quiz: {path}"),
    "review_title": ("复习", "Review"),
    "review_nothing_due": ("现在没有要复习的卡片。", "Nothing is due for review now."),
    "quiz_no_blanks": ("这一节没有可测验的要点。", "This section has no key phrases to quiz."),
    "drill_progress": ("已答 {done}/{total}", "{done} of {total} answered"),
    "key_next_blank": ("下一空", "Next blank"),
    "key_previous_blank": ("上一空", "Previous blank"),
    "key_hint": ("提示一字", "Hint"),
    "key_reveal": ("看答案", "Reveal"),
    "key_leave": ("离开", "Leave"),
    "key_rate": ("答完后改评分，回车确认", "Change the rating just after answering; Enter confirms"),
    "key_blanks": ("下一空 / 上一空", "Next / previous blank"),
    "key_answer": ("检查答案；空回车显示答案", "Check the answer; empty: show it"),
    "answer_placeholder": ("第 {number} 空：输入答案后回车（直接回车显示答案）", "Blank {number}: type the answer and press Enter (Enter alone shows it)"),
    "answer_placeholder_short": ("第 {number} 空：输入答案后回车", "Blank {number}: type it, then Enter"),
    "answer_placeholder_tiny": ("第 {number} 空", "Blank {number}"),
    "answer_done": ("都答完了：回车看小结", "All answered: press Enter for the summary"),
    "answer_done_short": ("都答完了：回车", "All answered: Enter"),
    "outcome_right": ("第 {number} 空 正确", "Blank {number}: right"),
    "outcome_near": ("第 {number} 空 差一点", "Blank {number}: nearly"),
    "outcome_wrong": ("第 {number} 空 不对", "Blank {number}: wrong"),
    "outcome_revealed": ("第 {number} 空 已显示", "Blank {number}: shown"),
    "outcome_elsewhere": ("第 {number} 空：答案对，但问的不是它，再想想", "Blank {number}: right, but not the one asked; try again"),
    "review_next": ("回车看下一张，或直接输入它的答案", "Enter: the next card, or type its answer"),
    "review_next_short": ("回车：下一张", "Enter: next card"),
    "typed": ("你答：", "you typed:"),
    "expected": ("答案：", "answer:"),
    "rating_line": ("评分：{rating}（按 1–4 修改）", "rating: {rating} (1–4 to change)"),
    "rating_again": ("重来", "Again"),
    "rating_hard": ("困难", "Hard"),
    "rating_good": ("良好", "Good"),
    "rating_easy": ("简单", "Easy"),
    "summary_title": ("本轮小结", "Summary"),
    "summary_right": ("正确", "Right"),
    "summary_near": ("差一点", "Nearly"),
    "summary_wrong": ("不对", "Wrong"),
    "summary_revealed": ("看了答案", "Shown"),
    "summary_skipped": ("未答", "Not answered"),
    "summary_time": ("用时", "Time"),
    "summary_missed": ("要再看的：", "To look at again:"),
    "summary_next": ("回车：接着测验 {section}；Esc：回到阅读", "Enter: quiz {section} next; Esc: back to reading"),
    "summary_back": ("回车或 Esc：回到阅读", "Enter or Esc: back to reading"),
    "key_go_on": ("继续", "Go on"),
    "key_back": ("返回", "Back"),
    "editor_title": ("编辑要点：{section}", "Key phrases: {section}"),
    "editor_add_placeholder": ("添加本节中的一个短语，回车确认", "Add a phrase from this section's text and press Enter"),
    "editor_help": ("空格：开关所选要点；Esc：关闭（改动已保存）", "Space: switch the phrase on or off; Esc: close (changes are saved)"),
    "editor_on": ("已恢复“{phrase}”", "“{phrase}” is back"),
    "editor_off": ("已关闭“{phrase}”", "“{phrase}” switched off"),
    "editor_not_in_text": ("本节正文里没有“{phrase}”", "“{phrase}” does not occur in this section's text"),
    "editor_added": ("已添加“{phrase}”", "“{phrase}” added"),
    "help_quiz": ("测验与复习", "Quiz and review"),
    "new_per_day_negative": ("--new-per-day 必须是 0 或更大的数", "--new-per-day must be 0 or more"),
    "database_moved_aside": (
        "学习记录数据库已损坏：原文件已改名为 {name} 保留，并新建了一个数据库；study backup --restore 可恢复最近的每日备份。",
        "The study database was damaged; it was moved to {name} and a new one started. "
        "study backup --restore brings back the last daily copy.",
    ),
    "answers_kept_in_file": (
        "数据库没有接受 {count} 个答案，已另存到 {path}",
        "the database refused {count} answer(s); they are kept in {path}",
    ),
    "answers_printed": (
        "数据库没有接受 {count} 个答案，也无法另存为文件，答案如下：",
        "the database refused {count} answer(s) and no file could be written; here they are:",
    ),
    "answer_not_saved": (
        "有 {count} 个答案暂未存入数据库（{error}），会在下一次作答或退出时再存。",
        "{count} answer(s) not saved yet ({error}); they will be saved with the next answer or on leaving.",
    ),
    "stats_section": ("章节", "Section"),
    "stats_cards": ("卡片", "Cards"),
    "stats_new": ("新", "New"),
    "stats_due": ("到期", "Due"),
    "stats_reviews": ("复习次数", "Reviews"),
    "stats_mastery": ("掌握度", "Mastery"),
    "stats_orphaned": (
        "已不在文中的卡片：{cards} 张，共 {reviews} 次复习（记录仍保存在数据库中）：",
        "Cards no longer in the text: {cards}, with {reviews} reviews (kept in the database):",
    ),
    "stats_total": ("合计", "Total"),
    "stats_accuracy": ("正确率：{accuracy}", "Accuracy: {accuracy}"),
    "stats_reviews_per_day": (
        "近 {days} 天复习（{first} 至 {last}）：{counts}",
        "Reviews, last {days} days ({first} to {last}): {counts}",
    ),
    "stats_due_forecast": (
        "未来 {days} 天到期（{first} 至 {last}）：{counts}",
        "Due, next {days} days ({first} to {last}): {counts}",
    ),
}

# The study modes' strings (reciting, the framework, stats, library, exams, exports): one table.
STRINGS.update(MODES)
STRINGS.update(CLI)

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


def t(key: str, /, **values: object) -> str:
    """The string for `key` in the current language, formatted with `values`."""
    zh, en = STRINGS[key]
    text = zh if language() == "zh" else en
    return text.format(**values) if values else text


def translate_bindings(node: DOMNode) -> None:
    """Give a widget's or screen's bindings their descriptions in the current language.

    Bindings are declared with i18n keys as descriptions; they are translated per
    instance, so the language can differ between apps in one process (tests do that).
    """
    from dataclasses import replace

    from textual.binding import BindingsMap

    bindings = node._bindings
    translated = []
    for key_bindings in bindings.key_to_bindings.values():
        for binding in key_bindings:
            key = _description_key(binding)
            if key:
                binding = replace(binding, description=t(key))
            if binding.tooltip in STRINGS:
                binding = replace(binding, tooltip=t(binding.tooltip))
            if binding.group is not None and binding.group.description in STRINGS:
                binding = replace(binding, group=replace(binding.group, description=t(binding.group.description)))
            translated.append(binding)
    node._bindings = BindingsMap(translated)


def _description_key(binding: Binding) -> str | None:
    """The i18n key of a binding's description; Textual adds the palette's own, in English."""
    if binding.action == "command_palette":
        return "key_palette_short"
    description = binding.description
    return description if description in STRINGS else None


def store_message(error: object) -> str:
    """A database error (tui.core.database.StoreError) in the current language, by its kind."""
    kind = getattr(error, "kind", "other")
    values = dict(getattr(error, "values", {}))
    key = f"store_{kind}" if f"store_{kind}" in STRINGS else "store_other"
    values.setdefault("detail", kind)
    try:
        return t(key, **values)
    except (KeyError, IndexError):
        return t("store_other", detail=kind)


def os_error_detail(error: OSError) -> str:
    """Why the system refused a file, in the current language (its own words are English)."""
    import errno

    key = {
        errno.EROFS: "os_read_only",
        errno.ENOSPC: "os_no_space",
        errno.EDQUOT: "os_no_space",
        errno.EACCES: "os_denied",
        errno.EPERM: "os_denied",
        errno.ENOENT: "os_missing",
    }.get(error.errno or 0)
    if key is not None:
        return t(key)
    if language() == "en" and error.strerror:
        return error.strerror  # the system's own words, in English already
    return t("os_other", code=error.errno or "?")


def load_message(error: object) -> str:
    """A file that could not be read (tui.core.loader.LoadError) in the current language, by its kind.

    The detail of a damaged or unreadable file is in its library's or the system's own
    words, which are English: a Chinese message leaves it out rather than mix the two.
    """
    kind = getattr(error, "kind", "unreadable")
    values = dict(getattr(error, "values", {}))
    if kind in ("corrupt", "unreadable") and language() == "zh" and str(values.get("detail", "")).isascii():
        values.pop("detail", None)
        return t(f"load_{kind}_plain", **values)
    return t(f"load_{kind}", **values)


def captions() -> dict[str, str]:
    """Readable names for the sections that have no heading, in the current language."""
    return {"preamble": t("preamble"), "closing": t("closing")}
