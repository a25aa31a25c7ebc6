"""tui.core.phrase_rules: each rule that proposes key phrases, shown with a hit and a near-miss."""

from __future__ import annotations

import pytest

from tests.core.test_phrases import texts
from tui.core.model import Document, Section
from tui.core.phrases import extract, extract_paragraph

# ---------------------------------------------------------------- quotes and titles


def test_quote_in_curly_marks_is_a_blank() -> None:
    found = extract_paragraph("我们必须以“延安整风精神”为镜鉴，站稳人民立场，这是一段足够长的话。")
    assert ("延安整风精神", "quote") in [(p.text, p.kind) for p in found]


@pytest.mark.parametrize(
    "paragraph",
    [
        '我们必须以"延安整风精神"为镜鉴，站稳人民立场，这是一段足够长的话。',
        "我们必须以「延安整风精神」为镜鉴，站稳人民立场，这是一段足够长的话。",
        "我们必须以『延安整风精神』为镜鉴，站稳人民立场，这是一段足够长的话。",
        "我们必须以‘延安整风精神’为镜鉴，站稳人民立场，这是一段足够长的话。",
    ],
)
def test_ascii_and_corner_marks_are_quotes_too(paragraph: str) -> None:
    assert "延安整风精神" in texts(extract_paragraph(paragraph))


def test_unclosed_quote_is_not_a_blank() -> None:
    found = extract_paragraph("我们必须以“延安整风精神为镜鉴，站稳人民立场，这是一段足够长的话。")
    assert not any(p.kind == "quote" for p in found)
    assert not any(p.text.startswith("延安整风精神为") for p in found)


def test_quotes_listed_together_are_one_blank() -> None:
    # “A”、“B”、“C”: each quote alone would be one item cut out of the list.
    found = texts(extract_paragraph("要做到“早发现”、“早报告”、“早处置”，这是一段足够长的话，再长一些。"))
    assert "早发现”、“早报告”、“早处置" in found
    assert not {"早发现", "早报告", "早处置"} & set(found)


def test_a_list_of_quotes_up_to_thirty_characters_is_one_blank() -> None:
    # Three numbered formulations named together are recalled together, marks and all 24 characters.
    found = texts(extract_paragraph("概括为“五个必须”、“六项重点任务”、“七个方面工作要求”，这是一段足够长的话，再长一些也无妨。"))
    assert "五个必须”、“六项重点任务”、“七个方面工作要求" in found
    assert not {"五个必须", "六项重点任务", "七个方面工作要求"} & set(found)


def test_quotes_not_listed_together_are_blanks_of_their_own() -> None:
    # Near misses: quotes side by side without 、 are two phrases; a list too long for one
    # blank is asked quote by quote.
    found = texts(extract_paragraph("对照“建设示范园区”“创建文明城市”等目标，这是一段足够长的话，为了让段落足够长而写的说明文字，没有别的意思。"))
    assert {"建设示范园区", "创建文明城市"} <= set(found)
    long = "提出“第一项很长很长的工作任务”、“第二项很长很长的工作任务”、“第三项很长的任务”，这是一段足够长的话，再长一些也无妨。"
    assert {"第一项很长很长的工作任务", "第二项很长很长的工作任务"} <= set(texts(extract_paragraph(long)))


def test_quotes_in_a_list_that_goes_on_without_quotes_are_no_blank() -> None:
    # “A”、“B”、C: the quotes alone, or one of them, would cut the list.
    found = texts(extract_paragraph("坚持“早发现”、“早报告”、及时处置的要求，这是一段足够长的话。"))
    assert not any("早发现" in blank or "早报告" in blank for blank in found)


def test_nested_quote_is_blanked_on_its_own() -> None:
    paragraph = "他说：“我们要做到‘两个维护’，始终在学习上工作上生活上严格要求自己。”这是要求。"
    found = extract_paragraph(paragraph)
    assert "两个维护" in texts(found)
    assert not any("‘" in p.text or "’" in p.text for p in found)


def test_long_quote_is_quizzed_in_parts_at_its_clauses() -> None:
    paragraph = "习近平总书记深刻指出:“党的作风是党的形象,是观察党群干群关系、人心向背的晴雨表。”我们要牢记。"
    found = [p for p in extract_paragraph(paragraph) if p.kind == "quote"]
    assert texts(found)[0] == "党的作风是党的形象"
    assert "党的作风是党的形象,是观察党群干群关系、人心向背的晴雨表" not in texts(found)
    # X、Y的Z is one unit: cut at its 、 both halves would be fragments (and no list either).
    assert texts(extract_paragraph(paragraph)) == ["党的作风是党的形象", "观察党群干群关系、人心向背的晴雨表"]
    longer = "总书记指出:“党的作风是党的形象,是观察党群干群关系、人心向背和社会风气变化的晴雨表。”我们要牢记。"
    assert texts(extract_paragraph(longer)) == ["党的作风是党的形象"]  # too long to be one blank: none


def test_a_long_clause_with_a_list_of_its_own_is_cut_at_its_items() -> None:
    from tui.core.paragraph import Paragraph
    from tui.core.phrase_rules import quote_parts

    text = "要坚持实事求是、群众路线、独立自主、自我革命和统一战线"
    paragraph = Paragraph(text)
    parts = [text[s:e] for s, e in quote_parts(paragraph, 0, len(text))]
    assert parts and "的" not in "".join(parts)  # near miss: no 的 after the last 、


def test_a_modal_before_a_quoted_part_stays_out_of_it() -> None:
    paragraph = "总书记强调:“作风建设关系党的生死存亡,必须抓常、抓细、抓长。”我们要牢记,这是一段足够长的话。"
    found = texts(extract_paragraph(paragraph))
    assert "抓常、抓细、抓长" in found and "必须抓常、抓细、抓长" not in found


def test_short_quote_of_two_clauses_stays_whole() -> None:
    found = extract_paragraph("坚决克服“松口气、歇歇脚”的麻痹思想，保持定力，这是一段足够长的话。")
    assert "松口气、歇歇脚" in texts(found)


def test_single_character_and_digit_quotes_are_never_blanks() -> None:
    found = extract_paragraph("坚决反对“独”和“2025”这类写法，保持定力，这是一段足够长的话，再写几个字。")
    assert "独" not in texts(found) and "2025" not in texts(found)


def test_title_is_a_blank_and_a_stray_title_mark_is_not() -> None:
    found = extract_paragraph("深入学习《习近平关于加强党的作风建设论述摘编》，这是一段足够长的话。")
    assert [(p.text, p.kind) for p in found if p.kind == "title"] == [("习近平关于加强党的作风建设论述摘编", "title")]
    stray = extract_paragraph("深入学习习近平关于加强党的作风建设论述摘编》，这是一段足够长的话。")
    assert not any(p.kind == "title" for p in stray)


def test_quoted_term_is_a_blank_where_it_appears_unquoted() -> None:
    doc = Document(
        "t",
        "text",
        [
            Section("1", "heading", 1, "一、", "甲", ["彰显了党对作风问题“零容忍”的坚定立场，这是一段足够长的话。"]),
            Section("2", "heading", 1, "二、", "乙", ["纪检监察机关要对作风问题零容忍，严肃查处违规违纪行为。"]),
        ],
    )
    found = extract(doc)
    assert "零容忍" in texts(found["2"])
    lone = extract_paragraph("纪检监察机关要对作风问题零容忍，严肃查处违规违纪行为。")
    assert "零容忍" not in texts(lone)


# ---------------------------------------------------------------- formulations


def test_numbered_formulation_is_a_blank() -> None:
    found = extract_paragraph("全党要牢牢把握三个转变，坚持不懈抓好落实，这是一段足够长的话。")
    assert ("三个转变", "formulation") in [(p.text, p.kind) for p in found]


@pytest.mark.parametrize(
    "paragraph",
    [
        "城镇化率提高了二十二个百分点，这是一段足够长的话，还要再长一些。",
        "这是一个追求真理的过程，这是一段足够长的话，还要再长一些。",
        "下面我从四个方面与大家交流，这是一段足够长的话，还要再长一些。",
        "我们制定了第三个历史决议，这是一段足够长的话，还要再长一些。",
    ],
)
def test_counts_of_things_are_not_formulations(paragraph: str) -> None:
    found = extract_paragraph(paragraph)
    assert not any(p.kind == "formulation" for p in found), found
    assert not any(p.text in ("二个百分点", "一个追求真理", "四个方面") for p in found)
    # 二十二个百分点 is a figure (a quantity with its unit), never a formulation.
    assert all(p.kind == "figure" for p in found if p.text == "二十二个百分点")


def test_well_known_formulation_is_not_split() -> None:
    found = extract_paragraph("把加强作风建设作为捍卫两个确立的具体行动，这是一段足够长的话。")
    assert "两个确立" in texts(found)
    assert "确立" not in texts(found) and "两个" not in texts(found)


def test_first_before_a_noun_is_a_formulation_and_an_ordinal_is_not() -> None:
    found = extract_paragraph("党组织书记要履行好第一责任人职责，亲自抓、带头做，这是一段话。")
    assert "第一责任人" in texts(found)
    found = extract_paragraph("我们第一时间作出部署，第一次召开会议，这是一段足够长的话。")
    assert not any(p.text.startswith("第一") for p in found)


# ---------------------------------------------------------------- enumerations


def test_enumeration_items_give_their_core_clause() -> None:
    paragraph = (
        "针对问题要逐一整改。一是要加强教育培训,提升干部职工的思想认识;"
        "二是要完善制度机制,建立健全各项规章制度;三是要强化监督检查,严肃处理违规人员。"
    )
    found = [p for p in extract_paragraph(paragraph) if p.kind == "enumeration"]
    assert texts(found) == ["加强教育培训", "完善制度机制", "强化监督检查"]


def test_ordinal_enumeration_is_found() -> None:
    paragraph = "第一，坚持党的全面领导，把方向、谋大局、定政策、促改革。第二，坚持以人民为中心，办好民生实事，解决急难愁盼问题。"
    found = [p for p in extract_paragraph(paragraph) if p.kind == "enumeration"]
    assert texts(found) == ["坚持党的全面领导", "坚持以人民为中心"]


def test_a_lone_first_item_or_a_word_ending_in_yi_is_no_enumeration() -> None:
    lone = "一是要加强教育培训,提升干部职工的思想认识,这是一段足够长的话,还要再长一些。"
    assert not any(p.kind == "enumeration" for p in extract_paragraph(lone))
    word = "思想统一是前提,要加强教育培训;行动一致是关键,要完善制度机制,这是一段足够长的话。"
    assert not any(p.kind == "enumeration" for p in extract_paragraph(word))


# ---------------------------------------------------------------- lists


@pytest.mark.parametrize(
    ("paragraph", "wanted"),
    [
        ("是否存在态度冷漠、推诿扯皮的情况,像有的窗口单位工作人员爱答不理。", "态度冷漠、推诿扯皮"),
        ("通过自我剖析、群众评议、上级督查等多种方式,全面梳理存在的问题。", "自我剖析、群众评议、上级督查"),
        ("要将作风建设纳入党建工作重要内容,与业务工作同部署、同落实、同考核。", "同部署、同落实、同考核"),
        ("形成一级抓一级、层层抓落实的工作格局,确保各项任务落到实处。", "一级抓一级、层层抓落实"),
    ],
)
def test_short_parallel_list_is_one_blank(paragraph: str, wanted: str) -> None:
    assert wanted in texts(extract_paragraph(paragraph))


def test_long_list_is_quizzed_item_by_item() -> None:
    paragraph = "当前,我县正处于规划收官期、乡村振兴深化期、产业转型突破期,作风建设既是政治任务,更是推动高质量发展的关键,必须抓紧抓实。"
    found = texts(extract_paragraph(paragraph))
    assert "乡村振兴深化期" in found and "产业转型突破期" in found


def test_list_of_long_clauses_is_not_a_term_list() -> None:
    paragraph = "坚持和完善城市公共文化服务体系、推进社区管理体系和服务能力现代化,作出决定和决议。"
    assert not any(p.kind == "list" for p in extract_paragraph(paragraph))


def test_list_of_everyone_is_not_a_term_list() -> None:
    paragraph = "各部门、各单位要开展作风问题大排查,全面梳理本部门、本单位存在的作风问题。"
    assert not any(p.kind == "list" for p in extract_paragraph(paragraph))


def test_a_quote_blanked_in_two_sections_is_known_by_the_third() -> None:
    text = "推动我县“五年规划”圆满收官，这是一段为了足够长而写的话，没有别的意思。"
    sections = [Section(str(i), "heading", 1, f"{i}、", f"第{i}节", [text]) for i in range(3)]
    found = extract(Document("t", "text", sections))
    assert ["五年规划" in texts(found[str(i)]) for i in range(3)] == [True, True, False]


def test_a_short_section_keeps_room_for_one_figure_but_no_term() -> None:
    sections = [
        Section("1", "heading", 2, "", "第七十四条", ["本法自2026年5月1日起施行。"]),
        Section("2", "heading", 2, "", "第七十五条", ["本办法由市市场监管部门负责解释。"]),
        Section("3", "heading", 2, "", "第七十六条", ["见下。"]),
    ]
    found = extract(Document("t", "text", sections))
    assert [p.kind for p in found["1"]] == ["figure"]
    # Near misses: a term does not earn a blank in a short section; a tiny one has none.
    assert found["2"] == [] and found["3"] == []


def test_a_phrase_is_asked_once_in_a_section() -> None:
    paragraph = "全面落实“三项制度”要求，这是为了足够长而写的话。坚持和完善“三项制度”实施办法，再长一些也无妨。"
    found = texts(extract_paragraph(paragraph))
    assert found.count("三项制度") == 1
    # Near miss: two different quotes of the section are both asked.
    paragraph = "全面落实“三项制度”要求，这是为了足够长而写的话。坚持和完善“首问负责”的原则，再长一些也无妨。"
    found = texts(extract_paragraph(paragraph))
    assert "三项制度" in found and "首问负责" in found


def test_a_formulation_blanked_in_two_sections_is_known_by_the_third() -> None:
    text = "各地要主动融入新发展格局，这是为了足够长而写的一段话，没有别的意思。"
    sections = [Section(str(i), "heading", 1, f"{i}、", f"第{i}节", [text]) for i in range(3)]
    found = extract(Document("t", "text", sections))
    assert ["新发展格局" in texts(found[str(i)]) for i in range(3)] == [True, True, False]
