"""The command line's words, in Chinese and English: its help, and argparse's own words and errors."""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "cli_description": (
        "阅读结构化文档，反复练习其中的要点。命令：{commands}（study 命令 --help 查看各命令）。",
        "Read a structured document and drill its key phrases. Commands: {commands} (study COMMAND --help).",
    ),
    "cli_path": (
        ".txt .md .docx .pdf .html .mhtml 或 .epub 文件，或 - 表示标准输入（默认：自带的讲话稿）",
        "a .txt .md .docx .pdf .html .mhtml or .epub file, or - for standard input (default: the bundled speech)",
    ),
    "cli_section_open": (
        "打开到这一节：编号（2.1）、序号（二、（一））或标题中的词",
        "open at this section: its id (2.1), numbering (二、（一）) or heading words",
    ),
    "cli_restore_description": ("列出书库移出的文档，或恢复其中一份。", "List the documents the library forgot, or restore one."),
    "cli_restore_number": ("要恢复的文档的编号（见列表）", "the number of the document to restore, as listed"),
    "cli_json": ("输出 JSON，供其他程序使用", "print JSON for other programs"),
    "cli_exam_date": ("考试日期，YYYY-MM-DD（不写则显示计划）", "the exam date, YYYY-MM-DD (without it: the plan)"),
    "cli_exam_clear": ("删除考试日期", "remove the exam date"),
    "cli_backup_restore": (
        "用一个备份（名称或日期；默认最新的）替换数据库",
        "put a backup (its name or date; default: the newest) in place of the database",
    ),
    "cli_backup_yes": ("不经询问直接恢复", "restore without asking"),
    "cli_section_quiz": (
        "测验这一节：编号、序号或标题中的词（默认：第一个有填空的节）",
        "quiz this section: id, numbering or heading words (default: the first with blanks)",
    ),
    "cli_export_description": (
        "把文档的要点导出为填空：Anki 卡组（完形填空笔记，每句一条，再次导出时原地更新），或附答案的纸质练习。",
        "Write the document's key phrases as blanks: an Anki deck of cloze notes (one a sentence, "
        "updated in place when exported again), or a worksheet for paper with an answer key.",
    ),
    "cli_export_anki": (
        "写出 Anki 卡组包：卡组以文档命名，各节为标签",
        "write an Anki package: a deck named after the document, its sections as tags",
    ),
    "cli_export_worksheet": (
        "写出练习：按答案长短留空并编号，答案附后；.html 是可直接用 A4 打印的网页",
        "write a worksheet: numbered blanks sized to their answers, then the answers; .html is a page ready to print on A4",
    ),
    "cli_section_export": (
        "只导出这一节：编号、序号或标题中的词（默认：全部）",
        "only this section: id, numbering or heading words (default: all)",
    ),
    "cli_section_frame": (
        "背这一节及其下各节的标题（默认：整篇文档）",
        "recall the headings of this section and its subsections (default: the whole document)",
    ),
    "cli_new_per_day": ("复习时每天最多引入的新卡片数（默认 {count}）", "new cards a review may bring in per day (default {count})"),
    "cli_lang": ("界面语言（默认：STUDY_LANG，其次是系统语言）", "interface language (default: STUDY_LANG, then the locale)"),
    "cli_help": ("显示本帮助并退出", "show this help message and exit"),
    "cli_version": ("显示版本号并退出", "show the version and exit"),
    "cli_error": ("{prog}：错误：{message}", "{prog}: error: {message}"),
}

# argparse's own words in its help, as Python 3.11 writes them, and their Chinese.
ARGPARSE_HELP_ZH = (
    ("usage: ", "用法："),
    ("positional arguments:", "位置参数："),
    ("options:", "选项："),
)

# argparse's usage errors, as patterns over its English message, and their Chinese.
ARGPARSE_ERRORS_ZH = (
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"参数 \1：无效的选项 \2（可选：\3）"),
    (r"argument (\S+): invalid \S+ value: (.*)", r"参数 \1：无效的值 \2"),
    (r"argument (\S+): expected one argument", r"参数 \1：需要一个值"),
    (r"argument (\S+): expected at most one argument", r"参数 \1：最多一个值"),
    (r"argument (\S+): ignored explicit argument (.*)", r"参数 \1：不接受值 \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"有歧义的选项：\1 可以是 \2"),
)
