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
        "符合下列情形之一的，图书馆方可办理馆际借阅：",
        "（一）取得读者的同意；",
        "（二）为完成教学任务或者科研任务所必需；",
        "（三）为应对突发停电故障，或者紧急情况下为保护读者的人身安全和馆藏安全所必需；",
        "（四）本馆章程规定的其他情形。",
    )
    # （三） goes on past its comma with 或者: its first clause is half of it, no blank.
    assert found == ["取得读者的同意", "为完成教学任务或者科研任务所必需"]


def test_an_item_that_runs_on_past_its_comma_gives_no_core_clause() -> None:
    from tui.core.items import _runs_on

    def runs_on(item: str) -> bool:
        return _runs_on(item, item.index("，"), len(item))

    assert runs_on("（二）数据的使用目的、使用方式，保存的数据种类、保存期限；")  # a list on both sides
    assert runs_on("（三）服务提供者停止提供服务，或者约定期限已届满；")  # a join after the comma
    # Near miss: a clause of its own after the comma leaves the first clause the core.
    assert not runs_on("（四）开展实地核查，对可疑的经营活动进行调查；")
    found = article(
        "服务提供者应当向用户告知下列事项：",
        "（一）服务提供者的名称和联系方式；",
        "（二）数据的使用目的、使用方式，保存的数据种类、保存期限；",
        "（三）服务提供者停止提供服务，或者约定期限已届满；",
        "（四）开展实地核查，对可疑的经营活动进行调查；",
    )
    assert "开展实地核查" in found and "数据的使用目的、使用方式" not in found


def test_a_catch_all_item_and_a_long_clause_are_no_blanks() -> None:
    found = article(
        "有下列情形之一的，应当删除：",
        "（一）借阅目的已实现、无法实现或者为实现借阅目的不再必要而且还要再长一些才够；",
        "（二）本馆章程规定的其他情形。",
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
    # 方面 only says "the area of": the blank is the area itself.
    assert "服务群众" in found and "推动工作" in found
    assert "服务群众方面" not in found
    assert not any(t.startswith("要") for t in found)


def test_an_item_ending_in_a_real_noun_keeps_it() -> None:
    # Near miss of the 方面 rule: a head that names something stays in the blank.
    paragraph = "一是要完善制度机制,建立健全作风建设的各项规章制度;二是要强化监督检查,充分发挥纪检监察机关的作用。"
    found = texts(extract_paragraph(paragraph))
    assert "完善制度机制" in found and "强化监督检查" in found
