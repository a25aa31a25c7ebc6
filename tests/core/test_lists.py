"""tui.core.lists: a parallel list is one blank, or all of its items; it starts and ends at its items' edges."""

from __future__ import annotations

import pytest

from tests.core.test_phrases import texts
from tui.core.lists import list_candidates
from tui.core.paragraph import Paragraph
from tui.core.phrases import extract_paragraph

# Text around a sentence, so that its paragraph is long enough to have room for a blank.
PADDING = "这是为了让段落足够长而写的说明文字，没有别的意思。"


def padded(sentence: str) -> list[str]:
    """The blanks of a paragraph holding `sentence` between two sentences of padding."""
    return texts(extract_paragraph(f"{PADDING}{sentence}{PADDING}"))


def lists(text: str) -> list[str]:
    return [text[c.start : c.end] for c in list_candidates(0, Paragraph(text))]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a subject and a verb before the first item stay out of it
        ("图书馆管理员违反法律、行政法规或者违反合同出借馆藏图书。", "法律、行政法规"),
        # the verb of a clause after the last item stays out of it
        ("（三）法律、行政法规规定的其他借阅条件。", "法律、行政法规"),
        # a verb governing the whole list stays out of it; the noun the items qualify comes in
        ("学校招生应当遵循公开、透明原则，公布招生录取规则。", "公开、透明原则"),
        ("学校收费应当遵循合法、合理、节约和诚信原则，不得通过摊派。", "合法、合理、节约和诚信原则"),
        # a list of single verbs is one blank even when long
        ("图书的管理包括图书的采购、登记、编目、上架、借出、归还、修补、剔除等。", "采购、登记、编目、上架、借出、归还、修补、剔除"),
        ("任何组织、个人不得擅自复制、修改、出售、传播他人作品资料。", "复制、修改、出售、传播"),
    ],
)
def test_a_list_starts_and_ends_at_its_items(text: str, wanted: str) -> None:
    assert lists(text) == [wanted]


def test_a_modified_second_item_is_no_list() -> None:
    # 少年宫 and 章程规定的家长代表: the second item has a clause of its own.
    assert lists("少年宫、章程规定的家长代表和由学校董事会确定的组织可以依法提出意见。") == []


def test_a_list_of_four_terms_is_one_blank() -> None:
    text = "全党要增强政治意识、大局意识、核心意识、看齐意识，自觉在思想上政治上行动上同党中央保持高度一致。"
    assert "政治意识、大局意识、核心意识、看齐意识" in texts(extract_paragraph(text))


def test_a_long_list_of_three_is_quizzed_item_by_item_never_one_item_alone() -> None:
    text = (
        "当前正处于规划收官期、乡村振兴深化期、产业转型突破期，自觉在思想上政治上行动上"
        "同党中央保持高度一致，不断提高政治判断力，这是一段足够长的话，再长一些也无妨。"
    )
    found = [p for p in extract_paragraph(text) if p.kind == "list"]
    items = ["规划收官期", "乡村振兴深化期", "产业转型突破期"]
    assert [p.text for p in found] == items


def test_a_long_list_of_many_items_is_one_blank_or_none() -> None:
    whole = "当前正处于规划收官期、乡村振兴深化期、产业转型突破期、改革攻坚关键期，这是一段足够长的话，再长一些也无妨。"
    assert "规划收官期、乡村振兴深化期、产业转型突破期、改革攻坚关键期" in texts(extract_paragraph(whole))
    longer = whole.replace("改革攻坚关键期", "改革攻坚关键期、开放发展机遇期")
    assert not any(p.kind == "list" for p in extract_paragraph(longer))


def test_a_long_list_gives_all_its_items_or_none_when_room_is_short() -> None:
    # Room for two blanks only: the three items do not fit, so none of them is cut out alone.
    text = "正处于规划收官期、乡村振兴深化期、产业转型突破期，这是足够长的一句话。"
    found = texts(extract_paragraph(text))
    assert not {"规划收官期", "乡村振兴深化期", "产业转型突破期"} & set(found)


@pytest.mark.parametrize(
    "blank",
    ["员违反法律、行政法规", "少年宫、章程规定", "遵循公开、透明原则", "大局意识"],
)
def test_known_bad_blanks_never_come_back(blank: str) -> None:
    paragraphs = [
        "图书馆管理员违反法律、行政法规或者违反合同出借馆藏图书的，应当停止出借。",
        "少年宫、章程规定的家长代表和由学校董事会确定的组织可以依法向学校提出意见。",
        "学校招生应当遵循公开、透明原则，公布招生录取规则，明示录取的条件、方式和名额。",
        "全党要增强政治意识、大局意识、核心意识、看齐意识，这是足够长的一句话。",
    ]
    for paragraph in paragraphs:
        assert blank not in texts(extract_paragraph(paragraph))


def test_a_last_item_runs_on_to_the_head_the_others_share() -> None:
    # 水质监测 | 预警体系: the others end in 体系, so the last item does too.
    found = extract_paragraph("完善城市供水保障体系、调度体系、服务体系、水质监测预警体系，不断完善。")
    assert texts(found) == ["保障体系、调度体系、服务体系、水质监测预警体系"]
    # Near miss: a last item that has the head already is left as it is.
    found = extract_paragraph("坚持书香校园、书香家庭、书香社区一体建设，不断前进。")
    assert texts(found) == ["书香校园、书香家庭、书香社区"]


def test_a_last_item_runs_on_to_the_one_character_head_the_others_end_in() -> None:
    # 科学技术 | 发展史: the last item was ended at the others' length; they all end in 史.
    found = extract_paragraph("持续抓好中国史、世界史、文明史、科学技术发展史宣传教育，不断前进。")
    assert texts(found) == ["中国史、世界史、文明史、科学技术发展史"]
    found = extract_paragraph("持续抓好党史、国史、改革史、社会主义发展史宣传教育，不断前进。")
    assert texts(found) == ["党史、国史、改革史、社会主义发展史"]  # however short the others are
    found = extract_paragraph("持续抓好党史、国史、社会主义发展史宣传教育，不断前进。")
    assert texts(found) == ["党史、国史、社会主义发展史"]  # two others are enough
    # Near miss: a last item that ends in it already is left as it is.
    found = extract_paragraph("推动城市化、工业化、信息化、农业现代化同步发展。")
    assert texts(found) == ["城市化、工业化、信息化、农业现代化"]


def test_a_list_cut_out_of_a_compound_the_document_uses_is_no_blank() -> None:
    # 校园安全保护评估 is a compound of this text: 保护评估、认证服务 would cut it in half.
    text = "开展校园安全保护评估。支持有关机构开展校园安全保护评估、认证服务；推动行业发展。"
    assert "保护评估、认证服务" not in texts(extract_paragraph(text))
    # Near miss: the same list where the noun before it is no compound met elsewhere.
    text = "开展风险评估。支持有关机构开展安全保护评估、认证服务；推动行业发展。"
    assert "保护评估、认证服务" in texts(extract_paragraph(text))

def test_a_list_that_goes_on_past_its_last_item_is_no_blank() -> None:
    # A join whose item was not taken, and a short last item that qualifies the noun after it.
    found = padded("记录读者的阅读习惯、兴趣爱好或者年龄、职业、学历状况等。")
    assert "阅读习惯、兴趣爱好" not in found
    found = padded("出任相关公司的经理、会计、高级技术人员。")
    assert "经理、会计、高级" not in found
    # Near miss: a short last item before a particle the segmenter glued on (完整|地向).
    found = padded("应当真实、准确、完整地向个人告知下列事项。")
    assert "真实、准确、完整" in found



def test_a_quality_before_the_first_item_belongs_to_it() -> None:
    found = padded("提供重要电子书借阅服务、读者数量巨大、图书种类复杂的公司。")
    assert not any(t.startswith("电子书借阅服务") for t in found)


def test_the_tail_of_a_longer_list_is_no_list() -> None:
    text = f"{PADDING}委托保管借阅档案、向其他图书馆提供借阅档案、公开借阅档案；{PADDING}"
    assert "提供借阅档案、公开借阅档案" not in texts(extract_paragraph(text))
    # Near miss: after 的 a phrase is closed, and the list after it stands alone.
    text = f"{PADDING}应当以醒目方式、简明易懂的语言真实、准确、完整地向读者告知。{PADDING}"
    assert "真实、准确、完整" in texts(extract_paragraph(text))
    # A verb as the last item has its object after it: the list is whole.
    text = f"{PADDING}持续不断鼓励、支持、引导社区志愿服务发展。{PADDING}"
    assert "鼓励、支持、引导" in texts(extract_paragraph(text))


def test_a_first_item_takes_the_opener_the_others_share() -> None:
    found = padded("建成世界最大的高速铁路网、高速公路网，机场港口建设取得进展。")
    assert "高速铁路网、高速公路网" in found
    # Near miss: the opener glued to the word before by the segmenter leaves no clean edge.
    found = padded("全面落实学校的基本制度、基本规范，采取一系列有效措施。")
    assert "制度、基本规范" not in found


def test_a_short_last_item_that_qualifies_the_noun_after_it_cuts_the_list() -> None:
    found = padded("提高维护公司声誉、安全、发展利益综合能力。")
    assert "公司声誉、安全、发展" not in found
    found = padded("持续不断鼓励、支持、引导社区志愿服务发展。")
    assert "鼓励、支持、引导" in found  # near miss: verbs with their object


def test_a_list_joined_to_more_than_its_items_is_no_blank() -> None:
    # 和处理的……: a verb made a modifier by 的 is one more item, not a new clause.
    text = f"{PADDING}借阅信息的使用目的、使用方式和使用的借阅信息种类发生变更的，应当重新取得同意。{PADDING}"
    assert "使用目的、使用方式" not in texts(extract_paragraph(text))
    # 名称或者|姓名: the first item is the second half of a pair before it.
    text = f"{PADDING}应当向读者告知承办方的名称或者姓名、联系方式、活动目的、活动方式。{PADDING}"
    assert not any(t.startswith("姓名、") for t in texts(extract_paragraph(text)))
    # Near miss: a verb after the join opens a clause of its own.
    text = f"{PADDING}管理员违反法律、行政法规或者违反合同出借馆藏图书。{PADDING}"
    assert "法律、行政法规" in texts(extract_paragraph(text))


def test_a_pair_met_all_through_the_document_is_boilerplate() -> None:
    from tui.core.model import Document, Section
    from tui.core.phrases import extract

    def blanks(times: int) -> list[str]:
        text = "管理员违反法律、行政法规或者违反合同出借馆藏图书，应当承担责任。"
        sections = [Section(str(i), "heading", 1, f"{i}、", f"第{i}条", [text]) for i in range(times)]
        found = extract(Document("t", "text", sections))
        return [t for phrases in found.values() for t in texts(phrases)]

    assert "法律、行政法规" not in blanks(8)
    assert "法律、行政法规" in blanks(3)  # near miss: a list met a few times is still one


def test_a_last_item_cut_inside_a_word_or_before_its_own_object_is_no_list() -> None:
    found = padded("我国发展进入风险挑战并存、不确定难预料因素增多的时期。")
    assert not any(t.endswith("不确定难") for t in found)
    found = padded("确保校长发挥统筹全局、协调各方的管理核心作用。")
    assert "统筹全局、协调" not in found
    # Near miss: items of the same shape ending at a mark.
    found = padded("坚持尽力而为、量力而行，服务读者。")
    assert "尽力而为、量力而行" in found


def test_two_unlike_pieces_of_a_sentence_are_no_pair() -> None:
    found = padded("聚焦教学遇到的新问题、学校管理存在的深层次问题。")
    assert "新问题、学校管理" not in found
    found = padded("中华民族迎来了从站起来、富起来到强起来的伟大飞跃。")
    assert "站起来、富起来" not in found
    # Near miss: a pair of the same length is one, whatever the tagger says.
    found = padded("是否存在态度冷漠、推诿扯皮的情况，要认真查摆。")
    assert "态度冷漠、推诿扯皮" in found


def test_the_ends_of_two_phrases_are_no_pair() -> None:
    # Two 的-phrases: 可靠的人才基础、更为健全|的制度保障.
    found = padded("这为改革提供了更为可靠的人才基础、更为健全的制度保障。")
    assert not any("人才基础、" in t for t in found)
    found = padded("当前任务的繁重程度、完成任务的紧迫程度明显上升。")
    assert "繁重程度、完成任务" not in found
    # A predicate, then the subject of the next clause: 热情更加高涨、服务意识|更加牢固.
    found = padded("基层的工作热情更加高涨、服务意识更加牢固。")
    assert not any(t.endswith("服务意识") for t in found)
    # Near miss: a pair after 的 that ends at a mark is one.
    found = padded("清醒认识作风问题的顽固性、反复性，坚决克服麻痹思想。")
    assert "顽固性、反复性" in found


def test_a_last_item_short_of_the_head_the_others_end_in_is_cut() -> None:
    text = f"{PADDING}梳理基层反映的老问题、长期存在的突出问题、干部职工操心烦心问题，逐一解决。{PADDING}"
    assert not any(t.endswith("干部职工") for t in texts(extract_paragraph(text)))
    # A first item that is all head, met again after the last (创新|中心、市级科技|创新中心).
    text = f"{PADDING}支持建设省级科技创新中心、市级科技创新中心，完善配套设施。{PADDING}"
    assert not any(t.startswith("中心、") for t in texts(extract_paragraph(text)))
    # Near miss: a head close enough is taken into the last item (风险监测|预警体系).
    text = f"{PADDING}健全监督工作制度体系、责任体系、考核体系、风险监测预警体系，加强建设。{PADDING}"
    assert "制度体系、责任体系、考核体系、风险监测预警体系" in texts(extract_paragraph(text))


def test_a_first_item_that_starts_inside_a_word_is_no_list() -> None:
    # 产业结构 is one word of the language: 产业|结构调整 cuts it.
    text = f"{PADDING}统筹产业结构调整、人才培养、项目建设、环境整治，协同推进。{PADDING}"
    assert not any(t.startswith("结构调整") for t in texts(extract_paragraph(text)))
    # Near miss: a verb before the first item is no part of it.
    text = f"{PADDING}统筹推进结构调整、人才培养、项目建设、环境整治，协同推进。{PADDING}"
    assert "结构调整、人才培养、项目建设、环境整治" in texts(extract_paragraph(text))


def test_a_first_item_cut_from_its_verb_is_no_list() -> None:
    found = padded("争做有理想、敢创新、能吃苦、肯奉献的好干部。")
    assert not any(t.startswith("理想、") for t in found)
    # Near miss: the first item opens with a one-character verb like the others.
    found = padded("俯下身子做好事、办实事、解难事，这样才行。")
    assert "做好事、办实事、解难事" in found


def test_the_ends_of_two_clauses_in_a_chiasmus_are_no_pair() -> None:
    found = padded("坚持乡村建设农民干、乡村振兴为农民，提高治理水平。")
    assert not any(t.startswith("农民干") for t in found)
    # Near miss: a pair of the same length is one, whatever its ends (不敢担当、逃避责任).
    found = padded("是否存在不敢担当、逃避责任的问题，要认真查摆。")
    assert "不敢担当、逃避责任" in found


def test_a_modifier_of_the_whole_list_stays_out_of_its_first_item() -> None:
    found = padded("努力培养更多名师、骨干教师，")
    assert not any(t.startswith("多") for t in found)
    # Near miss: every item opens with the same character (多元投入、多方参与).
    found = padded("加快建立多元投入、多方参与、共建共享的养老制度。")
    assert "多元投入、多方参与、共建共享" in found


def test_a_verb_with_a_generic_complement_is_filler() -> None:
    found = padded("切实把作风建设抓好、抓实、抓出成效，推动发展。")
    assert not any(t.startswith("抓好") for t in found)
    # Near miss: complements that say how (抓常、抓细、抓长) are the point.
    found = padded("作风建设必须抓常、抓细、抓长，持之以恒。")
    assert "抓常、抓细、抓长" in found


def test_a_last_item_ends_at_the_head_the_others_end_in() -> None:
    text = f"{PADDING}统筹学前教育、高等教育、继续教育协同创新，推进融合。{PADDING}"
    assert "学前教育、高等教育、继续教育" in texts(extract_paragraph(text))
    # Near miss: a last item that ends at the head already stays as it is.
    text = f"{PADDING}加强基础课程、选修课程、实践课程，推进融合。{PADDING}"
    assert "基础课程、选修课程、实践课程" in texts(extract_paragraph(text))


def test_a_last_item_whose_object_follows_it_cuts_the_list() -> None:
    # The last item is a verb or an idiom, and the noun after it is its object, both
    # qualifying a head after 的: the list stops short of its last item's object.
    found = padded("秉持公开透明、平等协商、互不干涉对方事务的做法。")
    assert not any("互不干涉" in blank for blank in found)
    # Near miss: items that end in their own noun; the noun after them is their head.
    found = padded("要提高发现问题、分析问题、解决问题能力的水平。")
    assert "发现问题、分析问题、解决问题" in found


def test_a_last_item_one_character_short_of_the_others_is_cut_before_its_suffix() -> None:
    # The segmenter glued the last item's suffix to the word after it (商业|圈为): cut.
    found = padded("以产业群、商业圈为依托构建协调发展格局。")
    assert not any("商业" in blank for blank in found)
    # Near miss: items of several words, the last one shorter but whole.
    found = padded("坚持党政机关、国有企业、事业单位一起抓。")
    assert "党政机关、国有企业、事业单位" in found


def test_a_first_item_without_the_word_the_second_item_opens_with_is_cut() -> None:
    # 城乡|融合发展规划、城乡产业规划: the word before the first item is its own, as the
    # second item's is: the list would start inside its first item.
    found = padded("深入实施城乡融合发展规划、城乡产业规划、乡村建设规划。")
    assert not any("融合发展规划" in blank for blank in found)
    # Near miss: a word before the list that no other item opens with.
    found = padded("加强城市公共交通、供水、燃气等服务。")
    assert "公共交通、供水、燃气" in found


def test_a_list_cut_out_of_a_longer_enumeration_is_no_blank() -> None:
    # Pairs joined by 和 listed with 、: a list from the second of one pair to the next pair
    # starts inside the enumeration; one that stops before a 、 ends inside it.
    found = padded("要统筹校内安全和校外安全、线上安全和线下安全，")
    assert not any("、" in blank for blank in found)
    found = padded("完善学校安全制度体系、应急体系、预案体系、风险监测预警体系、校园安保管理体系，")
    assert not any("应急体系" in blank for blank in found)
    # Near misses: the same lists with nothing before or after them.
    found = padded("要兼顾校外安全、线上安全和线下安全，")
    assert "校外安全、线上安全和线下安全" in found
    found = padded("完善学校安全制度体系、应急体系、预案体系、风险监测预警体系，")
    assert "制度体系、应急体系、预案体系、风险监测预警体系" in found


def test_an_edge_item_shorter_than_the_others_is_cut() -> None:
    # 爱|集体: the first item lost its one-character verb to the word before the list.
    found = padded("教育队员爱集体、守纪律、讲卫生，")
    assert not any("集体" in blank for blank in found)
    # 整体性|推进: the last item stops before the word that completes it.
    found = padded("要以规范性考量、系统性筹划、整体性推进校园建设，")
    assert not any("整体性" in blank for blank in found)
    # Near misses: items of one length.
    found = padded("教育队员团结集体、遵守纪律、讲究卫生，")
    assert "团结集体、遵守纪律、讲究卫生" in found
    found = padded("坚持系统性谋划、整体性推进、协同性落实，")
    assert "系统性谋划、整体性推进、协同性落实" in found


def test_a_first_item_carrying_a_word_before_the_shape_the_others_share_is_trimmed() -> None:
    # 督查|具体化、透明化、经常化: the items are of one length and one last character; the
    # word before the first item's shape qualifies them all.
    found = padded("要推进日常督查具体化、透明化、经常化，")
    assert "具体化、透明化、经常化" in found
    # Near miss: a first item of the others' shape already.
    found = padded("要推动校园管理精细化、规范化、智能化，")
    assert "精细化、规范化、智能化" in found
