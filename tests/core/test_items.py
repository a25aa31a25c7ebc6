"""tui.core.items: the core clause of each numbered item — （一）（二） in articles, 1】 (1) ① in notes, 一是/二是."""

from __future__ import annotations

from tests.core.test_phrases import texts
from tui.core.model import Document, Section
from tui.core.phrases import extract, extract_paragraph


def article(*paragraphs: str) -> list[str]:
    doc = Document("t", "text", [Section("1", "heading", 2, "第十三条", "", list(paragraphs))])
    return [(p.text) for p in extract(doc)["1"] if p.kind == "item"]


def test_items_inside_an_article_give_their_core_clause() -> None:
    found = article(
        "符合下列情形之一的，个人信息处理者方可处理个人信息：",
        "（一）取得个人的同意；",
        "（二）为履行法定职责或者法定义务所必需；",
        "（三）为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需；",
        "（四）法律、行政法规规定的其他情形。",
    )
    assert found == ["取得个人的同意", "为履行法定职责或者法定义务所必需", "为应对突发公共卫生事件"]


def test_a_catch_all_item_and_a_long_clause_are_no_blanks() -> None:
    found = article(
        "有下列情形之一的，应当删除：",
        "（一）处理目的已实现、无法实现或者为实现处理目的不再必要而且还要再长一些才够；",
        "（二）法律、行政法规规定的其他情形。",
    )
    assert found == []


def test_numbered_items_in_notes() -> None:
    for paragraph in (
        "本章要点：1】坚持党的全面领导；2】坚持以人民为中心；3】坚持全面深化改革。这是一段足够长的话，还要再长一些，再长一些也无妨。",
        "本章要点：（1）坚持党的全面领导；（2）坚持以人民为中心；（3）坚持全面深化改革。这是一段足够长的话，还要再长一些，再长一些也无妨。",
        "本章要点：①坚持党的全面领导；②坚持以人民为中心；③坚持全面深化改革。这是一段足够长的话，还要再长一些，再长一些也无妨。",
    ):
        found = [p.text for p in extract_paragraph(paragraph) if p.kind == "item"]
        assert found == ["坚持党的全面领导", "坚持以人民为中心", "坚持全面深化改革"], paragraph


def test_a_lone_first_item_or_an_article_number_is_no_item() -> None:
    lone = "（一）取得个人的同意，这是一段足够长的话，还要再长一些，再长一些也无妨。"
    assert not any(p.kind == "item" for p in extract_paragraph(lone))
    numbered = "依照本法第十三条第一款第二项的规定，这是一段足够长的话，还要再长一些也无妨。"
    assert not any(p.kind == "item" for p in extract_paragraph(numbered))


def test_a_modal_glued_to_its_verb_leaves_the_clause_after_the_preposition() -> None:
    paragraph = "一是要查摆在服务群众方面,是否存在态度冷漠的情况;二是要查摆在推动工作方面,是否存在敷衍了事的现象。"
    found = texts(extract_paragraph(paragraph))
    assert "服务群众方面" in found and "推动工作方面" in found
    assert not any(t.startswith("要") for t in found)
