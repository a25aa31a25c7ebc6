"""tui.core.figures: quantities with their unit and qualifier, and dates, each one blank; labels and counts are not."""

from __future__ import annotations

import pytest

from tests.core.test_phrases import texts
from tui.core.figures import figure_spans
from tui.core.paragraph import Paragraph
from tui.core.phrases import extract_paragraph


def figures(text: str) -> list[str]:
    return [text[s:e] for s, e in figure_spans(Paragraph(text))]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("今年赤字率拟按3.6%以上安排，要保持必要的支出强度。", "3.6%以上"),
        ("城镇新增就业900万人以上，调查失业率保持稳定。", "900万人以上"),
        ("拟安排超长期特别国债1万亿元，用于重大项目建设。", "1万亿元"),
        ("处理不满十四周岁未成年人个人信息的，应当取得监护人的同意。", "不满十四周岁"),
        ("决议须经全体代表的三分之二以上多数通过，方为有效。", "三分之二以上"),
        ("由省级以上部门责令改正，并处五千万元以下罚款。", "五千万元以下"),
        ("评估报告和处理情况记录应当至少保存三年，以备查验。", "三年"),
        ("本法自2021年11月1日起施行，此前的规定同时废止。", "2021年11月1日起"),
        ("到二〇三五年基本实现社会主义现代化，这是一段足够长的话。", "二〇三五年"),
        ("学校年度图书经费从一万二千八百元增加到二万四千六百元。", "二万四千六百元"),
        ("No Person shall be a Senator who shall not have attained to the Age of thirty Years.", "thirty Years"),
        ("But Congress may, by a vote of two thirds of each House, remove such disability.", "two thirds"),
        ("The terms shall end at noon on the 3d day of January of the years.", "3d day of January"),
        ("until the Year one thousand eight hundred and eight, a tax may be imposed.", "one thousand eight hundred and eight"),
    ],
)
def test_a_quantity_with_its_unit_and_qualifier_is_one_figure(text: str, wanted: str) -> None:
    assert wanted in figures(text)


def test_what_a_figure_measures_stays_with_it() -> None:
    assert figures("并处三千万元以下或者上一年度销售额百分之四以下罚款。") == ["三千万元以下", "上一年度销售额百分之四以下"]
    # and the time it is measured over; near miss: no time before the noun
    assert figures("并处销售额百分之四以下罚款。") == ["销售额百分之四以下"]


def test_a_range_is_one_figure() -> None:
    assert figures("对直接责任人员处一万元以上十万元以下罚款。") == ["一万元以上十万元以下"]


@pytest.mark.parametrize(
    "text",
    [
        "第十三条 符合下列情形之一的，图书馆方可办理馆际借阅。",  # an article number
        "（一）取得个人的同意；（二）为订立合同所必需。",  # list labels
        "详见第12页的说明，以及第三章第二节的规定。",  # page and chapter references
        "第十三届市学生代表大会主席团第三十次会议通过。",  # ordinals
        "我们要三个人一组，两个部门一起，把一件事办好。",  # counts that carry nothing
        "一年来，全党同志信心百倍，万众一心，千万不要松懈。",  # idioms and adverbs
        "Section. 2. Article I of the Constitution, Amendment XIV.",  # labels in English
        "One of them shall have one Vote, and the first Meeting shall be held.",  # counts in English
    ],
)
def test_labels_references_and_counts_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_an_article_number_next_to_a_figure_stays_out_of_it() -> None:
    text = "第六十六条 违反本法规定处理个人信息的，处一百万元以下罚款；对直接负责的主管人员处一万元以上十万元以下罚款。"
    found = figures(text)
    assert found == ["一百万元以下", "一万元以上十万元以下"]
    assert "一百万元以下" in texts(extract_paragraph(text))


def test_the_period_a_text_speaks_of_is_no_figure() -> None:
    from tui.core.figures import figure_spans
    from tui.core.paragraph import Paragraph

    def spans(text: str) -> list[str]:
        return [text[s:e] for s, e in figure_spans(Paragraph(text))]

    assert spans("五年来，我们坚持加强党的领导。") == []
    assert spans("未来五年是开局起步的关键时期。") == []
    # Near misses: a span of time that is the point (a ban, a retention period).
    assert spans("实施好长江十年禁渔。") == ["十年"]
    assert spans("记录应当至少保存三年。") == ["三年"]


def test_ten_years_ago_is_no_figure() -> None:
    from tui.core.figures import figure_spans
    from tui.core.paragraph import Paragraph

    text = "十年前，我们面对的形势是改革发展稳定面临深层次问题。"
    assert figure_spans(Paragraph(text)) == []
    # The time that has passed (已经五年了, 这五年的变化) is the story, not a figure to recall.
    assert figures("这所学校建成至今已经五年了，这是一段足够长的话。") == []
    assert figures("回顾建校五年的变化，这是一段足够长的话。") == []
    # Near miss: a qualified span is a threshold (不少于三年的).
    assert figures("日志应当保存不少于三年的时间，这是一段足够长的话。") == ["不少于三年"]


def test_more_than_one_of_something_is_no_figure() -> None:
    assert figures("两个以上的单位共同承担一项任务的，应当约定各自的责任。") == []
    assert figures("由二人以上共同实施的，依照前款处理。") == []
    # Near miss: a larger qualified count is a threshold worth recalling.
    assert figures("应当有三个以上的部门参加。") == ["三个以上"]



@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("从2021年到2025年，要分两步走。这是一段足够长的话。", ["2021年到2025年"]),
        ("试用期为三至六个月，这是一段足够长的话。", ["三至六个月"]),
        # Near misses: two figures joined by a word, or a change from one to the other.
        ("2021年和2025年各开一次会，这是一段足够长的话。", ["2021年", "2025年"]),
        ("收入从一万元增加到三万元，这是一段足够长的话。", ["一万元", "三万元"]),
    ],
)
def test_two_figures_joined_as_a_range_are_one(text: str, wanted: list[str]) -> None:
    # Either end alone would cut the range in half.
    assert figures(text) == wanted
