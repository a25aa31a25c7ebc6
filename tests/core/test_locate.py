"""Tests of tui/core/locate.py: a section found by its id, its numbering as people write it, or its heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.loader import load
from tui.core.locate import find_section
from tui.core.outline import parse

ROOT = Path(__file__).resolve().parents[2]
SPEECH = parse(load(ROOT / "data" / "zuofeng-speech.txt"), "zuofeng-speech.txt")

NOTES = """# Constitution notes

## Article. I.

### Section. 1.

All legislative Powers.

### Section. 2.

The House of Representatives.

## Article. II.

### Section. 1.

The executive Power.

### Section. 2.

The President shall be Commander in Chief.
"""
MARKDOWN = parse(NOTES, "notes.md")

LAW = parse(
    "中华人民共和国某某法\n\n第一章 总则\n\n第一条 为了保护权益，制定本法。\n\n"
    "第二章 一般规定\n\n第二条 处理信息应当遵循合法原则。\n",
    "law.txt",
)


def heading(document, reference: str) -> str | None:
    section = find_section(document, reference)
    return None if section is None else section.label + section.heading


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("二", "二、坚持问题导向,精准靶向施策"),
        ("二、", "二、坚持问题导向,精准靶向施策"),
        ("二、（一）", "(一)深入查摆问题,找准作风顽疾"),
        ("二.（一）", "(一)深入查摆问题,找准作风顽疾"),
        ("二(一)", "(一)深入查摆问题,找准作风顽疾"),
        ("二 （二）", "(二)制定整改措施,确保对症下药"),
        ("四、（二）", "(二)持续跟踪问效,确保常态长效"),
        ("问题导向", "二、坚持问题导向,精准靶向施策"),
        ("精准靶向施策", "二、坚持问题导向,精准靶向施策"),
        ("制定整改措施，确保对症下药", "(二)制定整改措施,确保对症下药"),
    ],
)
def test_the_speech_by_the_numbering_people_see_or_by_heading_words(reference: str, expected: str) -> None:
    assert heading(SPEECH, reference) == expected


def test_an_id_is_still_an_id() -> None:
    found = find_section(SPEECH, "2.1")
    assert found is not None and found.id == "2.1"
    # "2" is the id of the second section, 一、 (the opening is 1), before any numbering.
    assert heading(SPEECH, "2") == "一、提高政治站位,深化思想认识"


def test_markdown_headings_are_their_own_numbering() -> None:
    assert heading(MARKDOWN, "Article. II") == "##Article. II."
    assert heading(MARKDOWN, "article ii") == "##Article. II."
    assert heading(MARKDOWN, "Article. II Section. 2") == "###Section. 2."
    assert heading(MARKDOWN, "Article I, Section 2") == "###Section. 2."
    first = find_section(MARKDOWN, "Section. 2")
    assert first is not None and MARKDOWN.path(first.id)[0].heading == "Article. I."  # the first in reading order


def test_chapters_of_a_law() -> None:
    assert heading(LAW, "第二章") == "第二章一般规定"


@pytest.mark.parametrize("reference", ["", "  ", "、", "九", "没有这几个字", "[/x]"])
def test_what_names_no_section_finds_none(reference: str) -> None:
    assert find_section(SPEECH, reference) is None


def test_the_opening_and_the_closing_by_the_names_the_outline_shows() -> None:
    speech = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"
    document = parse(load(speech), speech.name)
    for name, kind in [("开篇", "preamble"), ("Opening", "preamble"), ("结语", "closing"), ("closing", "closing")]:
        found = find_section(document, name)
        assert found is not None and found.kind == kind, name
