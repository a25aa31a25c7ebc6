"""A worksheet for paper (默写, 填空): numbered blanks sized to their answers, then the key; Markdown or HTML."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .blanked import BlankedSection, Gap, blanked_sections, has_cjk
from .model import Card, Document

# A handwritten answer needs more room than a printed one: the line is half as long
# again as the answer (a CJK character two cells, one cell an underscore), and never
# shorter than a short word.
LINE_PER_CELL = 1.5
MIN_LINE = 6
# In Markdown an underscore is syntax: a Chinese worksheet draws its lines with the
# full-width low line (two cells, never syntax), an English one with escaped underscores.
WIDE_LINE = "\uff3f"

# What a Markdown reader would take for syntax, anywhere in a line (& starts an entity).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>~|&$])")
# ...and at the start of a paragraph: a heading, a list, a quote, a rule.
_MD_START = re.compile(r"^(\s*)(?:([#+=-])|(\d{1,9})(?=[.)]))")

CJK_FONTS = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif'

STYLE = f"""\
@page {{ size: A4; margin: 20mm 18mm; }}
body {{ font-family: {CJK_FONTS}; font-size: 12pt; line-height: 2.2; color: #000;
  max-width: 46em; margin: 2em auto; padding: 0 1em; }}
h1 {{ font-size: 18pt; text-align: center; }}
h2 {{ font-size: 14pt; }} h3, h4, h5, h6 {{ font-size: 12pt; }}
h1, h2, h3, h4, h5, h6 {{ line-height: 1.5; break-after: avoid; page-break-after: avoid; }}
p {{ margin: 0.4em 0; text-align: justify; }}
.blank {{ white-space: nowrap; }}
.line {{ display: inline-block; max-width: 90%; border-bottom: 1px solid #000; vertical-align: baseline; }}
.answers {{ line-height: 1.8; margin-top: 3em; border-top: 1px solid #888; }}
.answers p {{ text-align: left; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; }}
  .answers {{ break-before: page; page-break-before: always; margin-top: 0; border-top: none; }}
  p {{ orphans: 2; widows: 2; }}
}}
"""


@dataclass(frozen=True)
class Worksheet:
    """What a worksheet shows: the title, the sections with their gaps, and the words it needs."""

    title: str
    sections: list[BlankedSection]
    cjk: bool  # written in Chinese: full-width numbers and separators
    answers: str = "Answers"  # the answer key's heading

    @property
    def gaps(self) -> list[Gap]:
        return [gap for section in self.sections for gap in section.gaps]


def worksheet(
    doc: Document,
    cards: Sequence[Card],
    section_id: str | None = None,
    captions: Mapping[str, str] | None = None,
    answers: str = "Answers",
) -> Worksheet:
    """The worksheet of a document's cards: every section, or `section_id` and its subsections.

    A subsection alone is headed as people cite it (二、（一）…): a document has many a （一）.
    """
    sections = blanked_sections(doc, cards, section_id, captions)
    if section_id is not None and sections and sections[0].heading and len(sections[0].path) > 1:
        sections[0] = replace(sections[0], heading=sections[0].numbered)
    return Worksheet(doc.title, sections, has_cjk(doc), answers)


def line_length(cells: int) -> int:
    """The underscores a blank for an answer `cells` wide gets."""
    return max(MIN_LINE, math.ceil(cells * LINE_PER_CELL))


def md_line(cells: int, cjk: bool) -> str:
    """A blank's line in Markdown: as long as `line_length` underscores."""
    length = line_length(cells)
    return WIDE_LINE * math.ceil(length / 2) if cjk else "\\_" * length


def number_mark(number: int, cjk: bool) -> str:
    return f"（{number}）" if cjk else f"({number})"


def _separator(sheet: Worksheet) -> tuple[str, str]:
    """What follows a section's name in the key, and what stands between two answers."""
    return ("：", "\u3000") if sheet.cjk else (": ", "; ")


def _level(sheet: Worksheet, section: BlankedSection) -> int:
    """A heading's level on the page: the title is 1, the top sections shown 2 (a subsection shown alone too)."""
    top = min(shown.section.level for shown in sheet.sections)
    return min(6, section.section.level - top + 2)


def _keyed(sheet: Worksheet) -> list[BlankedSection]:
    return [section for section in sheet.sections if section.gaps]


# ---------------------------------------------------------------- Markdown


def md_escape(text: str, start: bool = False) -> str:
    """Text that Markdown shows as written; `start`: it begins a paragraph. A line break stays one."""
    lines = _MD_INLINE.sub(r"\\\1", text).split("\n")
    lines = [_MD_START.sub(_escape_start, line) if start or index else line for index, line in enumerate(lines)]
    return "\\\n".join(lines)


def _escape_start(match: re.Match[str]) -> str:
    space, mark, digits = match.groups()
    return f"{space}\\{mark}" if mark else f"{space}{digits}\\"


def to_markdown(sheet: Worksheet) -> str:
    """The worksheet as Markdown: headings, text with blanks like （1）\\_\\_\\_\\_\\_\\_, then the answer key."""
    lines = [f"# {md_escape(sheet.title)}", ""]
    for section in sheet.sections:
        if section.heading:
            level = _level(sheet, section)
            lines += [f"{'#' * level} {md_escape(section.heading)}", ""]
        for paragraph in section.paragraphs:
            if not paragraph:
                continue
            parts = []
            for index, piece in enumerate(paragraph):
                if isinstance(piece, Gap):
                    parts.append(number_mark(piece.number, sheet.cjk) + md_line(piece.cells, sheet.cjk))
                else:
                    parts.append(md_escape(piece, start=index == 0))
            lines += ["".join(parts), ""]
    after_name, between = _separator(sheet)
    lines += ["---", "", f"## {md_escape(sheet.answers)}", ""]
    for section in _keyed(sheet):
        answers = between.join(number_mark(gap.number, sheet.cjk) + md_escape(gap.answer) for gap in section.gaps)
        lines += [f"**{md_escape(section.numbered)}**{after_name}{answers}", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- HTML


def _h(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


def to_html(sheet: Worksheet, lang: str = "zh-CN") -> str:
    """The worksheet as a complete page for printing on A4: the answer key starts a page of its own."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_h(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_h(sheet.title)}</title>",
        f"<style>\n{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_h(sheet.title)}</h1>",
    ]
    for section in sheet.sections:
        if section.heading:
            level = _level(sheet, section)
            out.append(f"<h{level}>{_h(section.heading)}</h{level}>")
        for paragraph in section.paragraphs:
            if not paragraph:
                continue
            parts = []
            for piece in paragraph:
                if isinstance(piece, Gap):
                    width = line_length(piece.cells) / 2  # an underscore is half an em
                    parts.append(
                        f'<span class="blank">{_h(number_mark(piece.number, sheet.cjk))}'
                        f'<span class="line" style="width: {width:g}em"></span></span>'
                    )
                else:
                    parts.append(_h(piece))
            out.append(f"<p>{''.join(parts)}</p>")
    after_name, between = _separator(sheet)
    out += ['<section class="answers">', f"<h2>{_h(sheet.answers)}</h2>"]
    for section in _keyed(sheet):
        answers = _h(between).join(_h(number_mark(gap.number, sheet.cjk) + gap.answer) for gap in section.gaps)
        out.append(f"<p><b>{_h(section.numbered)}</b>{_h(after_name)}{answers}</p>")
    out += ["</section>", "</body>", "</html>", ""]
    return "\n".join(out)
