"""The blank rules as properties over generated text: figures, lists, emphasis, items, terms, code and addresses."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.core.test_phrases import assert_rules
from tui.core.model import Document, Section
from tui.core.phrases import extract

FRAGMENTS = [
    "个人信息处理者", "处理者", "违反法律、行政法规", "、", "，", "。", "；", "：", "的", "要", "了", "者", "提出",
    "不满十四周岁", "3.6%以上", "五千万元以下", "第十三条", "（一）", "（二）", "1】", "2】", "①", "②", "一是", "二是",
    "**", "==", "`", "```\n", "\n```", "https://example.com/a", "team@example.org", "敏感个人信息", "单独同意",
    "政治意识", "大局意识", "和", "原则", "坚持", "民主集中制", "是指", "本法所称", "the", "of", "and", "House",
    "Representatives", "two thirds", "Years", " ", "“", "”", "《", "》", "作风建设", "永远在路上",
]
paragraph_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="个人信息处理者的是和、，。法律", max_size=5)),
    max_size=30,
).map("".join)
_STRAY = {"的", "要", "了", "提出", "and", "the", "of"}  # and 者 at the start (者 closes 处理者 at the end)
_ADDRESS = re.compile(r"https?://[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]+")


def tokens(text: str) -> list[tuple[str, int, int]]:
    import rjieba

    return rjieba.tokenize(text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(paragraph_text, min_size=1, max_size=4), min_size=1, max_size=3))
@example([["个个、个个个人。、、"]])  # a short section with a list that scored above a figure
def test_blanks_have_clean_edges_and_stay_out_of_code_and_addresses(sections: list[list[str]]) -> None:
    doc = Document("t", "text", [Section(str(i), "heading", 1, "一、", f"h{i}", ps) for i, ps in enumerate(sections)])
    found = extract(doc)
    assert_rules(doc, found)
    for section in doc.walk():
        fenced, inside = set(), False
        for index, paragraph in enumerate(section.paragraphs):
            fences = len(re.findall(r"^ {0,3}(```|~~~)", paragraph, re.MULTILINE))
            if inside or fences:
                fenced.add(index)
            inside ^= fences % 2 == 1
        for p in found[section.id]:
            paragraph = section.paragraphs[p.paragraph]
            words = tokens(paragraph)
            first = next(w for w, s, _ in words if s == p.start)
            last = next(w for w, _, e in words if e == p.end)
            assert first.lower() not in _STRAY | {"者"} and last.lower() not in _STRAY, p
            following = next((w for w, s, _ in words if s == p.end), "")
            assert following != "者" or not re.match(r"[\u4e00-\u9fff]", paragraph[p.end - 1]), p  # 处理|者
            assert p.paragraph not in fenced, p
            assert not any(m.start() < p.end and p.start < m.end() for m in _ADDRESS.finditer(paragraph)), p
    assert extract(doc) == found
