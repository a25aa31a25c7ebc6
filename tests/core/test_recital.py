"""Tests for tui/core/recital.py: a typed recitation's score, diff and rating."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.quiz import AGAIN, EASY, GOOD, HARD
from tui.core.recital import grade, rating

SPEECH = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"
TEXT = "今天,我们召开理论学习中心组学习研讨会,深入学习《论述摘编》。"


def test_all_right_ignoring_punctuation_width_and_spaces() -> None:
    result = grade("今天 我们召开理论学习中心组学习研讨会，深入学习论述摘编", TEXT)
    assert result.score == 1.0 and result.percent == 100
    assert result.segments == [("same", TEXT)]


def test_missing_characters() -> None:
    result = grade("今天,我们召开理论学习研讨会,深入学习《论述摘编》。", TEXT)
    # 学习中心组学习 lost one 学习中心组 (or 中心组学习: the same edit)
    assert [tag for tag, _ in result.segments] == ["same", "missing", "same"]
    assert "".join(text for _, text in result.segments) == TEXT
    assert (result.missing, result.extra, result.wrong) == (5, 0, 0)
    assert result.length == 26 and result.score == 1 - 5 / 26


def test_extra_characters() -> None:
    result = grade("今天,我们隆重召开理论学习中心组学习研讨会,深入学习《论述摘编》。", TEXT)
    assert ("extra", "隆重") in result.segments
    assert (result.missing, result.extra, result.wrong) == (0, 2, 0)


def test_wrong_characters_stand_before_what_was_expected() -> None:
    result = grade("今天,我们召开理论学习中心组讨论研讨会,深入学习《论述摘编》。", TEXT)
    at = result.segments.index(("wrong", "讨论"))
    assert result.segments[at + 1] == ("missing", "学习")
    assert result.wrong == 2 and round(result.score, 2) == 0.92


def test_the_score_never_goes_below_zero() -> None:
    assert grade("完全不同的一大段文字" * 5, TEXT).score == 0.0
    assert grade("", TEXT).score == 0.0


def test_ratings_by_score_and_time() -> None:
    assert rating(grade("今天我们召开", TEXT), 10) == AGAIN
    assert rating(grade("今天,我们召开理论学习中心组讨论研讨会,深入学习《论述摘编》。", TEXT), 10) == HARD
    assert rating(grade("今天,我们召开理论学习中心组学习研讨会,深入学习《论述摘》", TEXT), 10) == HARD  # 25/26
    assert rating(grade(TEXT + TEXT[:-3], TEXT + TEXT), 10) == GOOD  # 51/52
    assert rating(grade(TEXT, TEXT), 10) == EASY
    assert rating(grade(TEXT, TEXT), 60) == GOOD


def test_a_long_paragraph_with_slips_far_apart() -> None:
    # The common start and end are set aside before comparing: the slips are still found where they are.
    paragraph = "".join(f"第{n}条规定作风建设永远在路上," for n in range(100))
    typed = paragraph.replace("第3条规定", "第3条规则").replace("第97条", "第九十七条")
    result = grade(typed, paragraph)
    assert ("wrong", "则") in result.segments and ("wrong", "九十七") in result.segments
    assert "".join(text for tag, text in result.segments if tag in ("same", "missing")) == paragraph
    assert result.wrong == 1 + 3 and result.score == 1 - 4 / result.length


class TestInPinyin:
    """A recitation typed in pinyin or initials, as any answer may be, is read as the characters it stands for."""

    PARAGRAPH = "作风建设永远在路上,必须抓常、抓细、抓长。"

    @pytest.mark.parametrize(
        ("typed", "by"),
        [
            ("zfjsyyzlsbxzczxzc", "initials"),
            ("zuo feng jian she yong yuan zai lu shang bi xu zhua chang zhua xi zhua chang", "pinyin"),
            ("zuofengjianshe永远在路上必须抓常抓细抓长", "pinyin"),
        ],
    )
    def test_all_of_it_right(self, typed: str, by: str) -> None:
        recital = grade(typed, self.PARAGRAPH)
        assert (recital.score, recital.by, recital.segments) == (1.0, by, [("same", self.PARAGRAPH)])

    def test_initials_right_are_good_at_most_however_quick(self) -> None:
        assert rating(grade("zfjsyyzlsbxzczxzc", self.PARAGRAPH), seconds=5) == GOOD
        assert rating(grade("作风建设永远在路上必须抓常抓细抓长", self.PARAGRAPH), seconds=5) == EASY

    def test_wrong_and_missing_characters_are_counted_as_in_characters(self) -> None:
        wrong = grade("zfjsxxzlsbxzczxzc", self.PARAGRAPH)  # 永远 typed as xx
        assert (wrong.wrong, wrong.missing, wrong.extra) == (2, 0, 0)
        assert ("missing", "永远") in wrong.segments and ("wrong", "□□") in wrong.segments
        short = grade("zfjsyyzlsbxzczx", self.PARAGRAPH)  # the last 抓长 not recited
        assert (short.missing, short.percent) == (2, 88)
        assert rating(short, seconds=5) == AGAIN

    def test_only_the_start_typed_is_right_and_the_rest_missing(self) -> None:
        """Letters are not spread as initials over the whole paragraph to make more of it right."""
        paragraph = SPEECH.read_text(encoding="utf-8").splitlines()[3]  # 今天,我们召开理论学习中心组学习研讨会,……
        started = "今天,我们召开理论学习中心组"
        for typed in ("jintian women zhaokai lilun xuexi zhongxinzu", "jtwmzkllxxzxz"):
            recital = grade(typed, paragraph)
            assert recital.segments[0] == ("same", started)
            assert (recital.wrong, recital.extra, recital.missing) == (0, 0, recital.length - 13)
            assert recital.score == pytest.approx(13 / recital.length)
        assert grade("jintian women zhaokai lilun xuexi zhongxinzu", paragraph).percent == grade(started, paragraph).percent
