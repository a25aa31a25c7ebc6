"""Tests for tui/core/pinyin.py and its use in checking answers: full pinyin, initials, polyphones, near misses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import pinyin
from tui.core.model import Card, Phrase
from tui.core.quiz import EASY, GOOD, HARD, answer_diff, check, suggest_rating
from tui.core.session import Blank, QuizSession

ROOT = Path(__file__).resolve().parents[2]
STANCE = "提高政治站位,深化思想认识"


class TestStance:
    """The same answer typed every way a user without an input method might."""

    @pytest.mark.parametrize(
        ("typed", "by"),
        [
            ("提高政治站位深化思想认识", "characters"),
            ("提高政治站位，深化思想认识", "characters"),
            ("tgzzzwshsxrs", "initials"),
            ("TGZZZW SHSXRS", "initials"),
            ("tigaozhengzhizhanweishenhuasixiangrenshi", "pinyin"),
            ("ti gao zheng zhi zhan wei shen hua si xiang ren shi", "pinyin"),
            ("tigao zhengzhi zhanwei, shenhua sixiang renshi", "pinyin"),
            ("tí gāo zhèng zhì zhàn wèi, shēn huà sī xiǎng rèn shi", "pinyin"),
            ("ti2gao1zheng4zhi4zhan4wei4shen1hua4si1xiang3ren4shi5", "pinyin"),
            ("ti2 gao1 zheng4 zhi4 zhan4 wei4 shen1 hua4 si1 xiang3 ren4 shi", "pinyin"),
            ("ＴＩＧＡＯ zhengzhi zhanwei shenhua sixiang renshi", "pinyin"),
            ("提高政治站位shenhuasixiangrenshi", "pinyin"),
            ("tigao zzzw 深化思想认识", "initials"),
            ("tgzhzzhw shsxrs", "initials"),  # zh of 政 and 治, sh of 深: two letters as well as one
        ],
    )
    def test_right(self, typed: str, by: str) -> None:
        verdict = check(typed, STANCE)
        assert (verdict.outcome, verdict.by) == ("right", by)

    @pytest.mark.parametrize(
        "typed",
        [
            "tgzzzwshsxrx",  # one initial wrong
            "tigaozhengzhizhanweishenhuasixiangrenshu",  # one letter of the last syllable wrong
            "tigaozhengzhizhanweishenhuasixangrenshi",  # one letter left out of a syllable
            "tigaozhengzhizhanweishenhuasixiangrenshii",  # one letter too many
            "ti gao zheng zhi zhan wei sen hua si xiang ren shi",  # the h of sh left out
        ],
    )
    def test_one_letter_off_is_near(self, typed: str) -> None:
        assert check(typed, STANCE).outcome == "near"

    @pytest.mark.parametrize(
        "typed",
        [
            "tgzzzwshs",  # three missing
            "tgzzzwshsxr",  # one initial missing: a character not typed at all
            "tigaozhengzhizhanweishenhuasixiangren",  # the last syllable missing
            "tigaozhengzhizhanweishenhuasixiangrenzhen",  # the last syllable wrong, more than a letter of it
            "tigao zhengzhi zhanwei da shenhua sixiang renshi",  # one syllable too many
            "tigaozhengzhizhanweishenhuasixiang",  # two syllables missing
            "tigaozhengzhizhanweishenhuasixiangrenzhendeshi",  # two syllables too many
            "zuofengjianshe",
            "tiga zhengzhi zhanwe shenhua sixiang renshi",  # half a syllable is neither it nor its initial
            "xyz",
        ],
    )
    def test_wrong(self, typed: str) -> None:
        verdict = check(typed, STANCE)
        assert (verdict.outcome, verdict.by) == ("wrong", "pinyin")


class TestNearMeansOneLetter:
    """In pinyin, nearly right is one letter off inside the syllables typed: never a syllable left out."""

    REVIVAL = "乡村全面振兴"

    @pytest.mark.parametrize(
        "typed",
        [
            "xiangcunquanmian",  # the last word not typed
            "xiangcunquanmianzhen",  # the last syllable not typed
            "xcqmz",  # the last initial not typed
            "cunquanmianzhenxing",  # the first syllable not typed
            "xiang cun mian zhen xing",  # a syllable in the middle not typed
        ],
    )
    def test_syllables_left_out_are_wrong(self, typed: str) -> None:
        assert check(typed, self.REVIVAL).outcome == "wrong"

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("baozhangminti", "保障民生难题"),  # min as m for 民, i one off s for 生, n for 难
            ("renshenkebianhua", "认识深刻变化"),  # shen as s for 识, hen one off shen for 深
            ("pojiexiangcunti", "破解乡村难题"),  # cun as cu one off cun for 村, n for 难
        ],
    )
    def test_a_syllable_typed_is_never_cut_to_cover_a_character_left_out(self, typed: str, expected: str) -> None:
        assert check(typed, expected).outcome == "wrong"

    @pytest.mark.parametrize(
        ("typed", "expected", "outcome"),
        [
            ("baozhangminshengnanti", "保障民生难题", "right"),
            ("bzmsnt", "保障民生难题", "right"),
            ("renshishenkebianhuq", "认识深刻变化", "near"),
            ("pojiexiangcunnnti", "破解乡村难题", "near"),
        ],
    )
    def test_the_same_answers_typed_whole(self, typed: str, expected: str, outcome: str) -> None:
        assert check(typed, expected).outcome == outcome

    @pytest.mark.parametrize(
        ("typed", "by"),
        [
            ("xiangcunquanmianzhenxin", "pinyin"),  # a letter left out
            ("xiangcunquanmianzhemxing", "pinyin"),  # a letter wrong
            ("xiangcunquanmiannzhenxing", "pinyin"),  # a letter too many
            ("xiāngcūn quánmiàn zhènxīg", "pinyin"),  # with tone marks
            ("ＸＩＡＮＧＣＵＮ quanmian zhenxinf", "pinyin"),  # full width
            ("xcqmzz", "initials"),  # an initial wrong
            ("乡村全面zhenxinh", "pinyin"),
            ("乡寸全面zhenxing", "pinyin"),  # a character typed for another, as without pinyin
        ],
    )
    def test_one_letter_off_is_near(self, typed: str, by: str) -> None:
        verdict = check(typed, self.REVIVAL)
        assert (verdict.outcome, verdict.by) == ("near", by)

    @pytest.mark.parametrize(
        "typed", ["xiangcunquanmianzhenxing", "xcqmzx", "ＸＣＱＭＺＸ", "xiāngcūn quánmiàn zhènxīng"]
    )
    def test_right_is_still_right(self, typed: str) -> None:
        assert check(typed, self.REVIVAL).outcome == "right"

    @pytest.mark.parametrize("typed", ["2400yuan", "250yuan", "25000yuan", "2500wanyuan"])
    def test_a_different_figure_is_wrong(self, typed: str) -> None:
        assert check(typed, "2500元").outcome == "wrong"

    def test_a_slip_beside_a_figure_is_near(self) -> None:
        assert check("2500yan", "2500元").outcome == "near"
        assert check("san ge tisheg", "三个提升").outcome == "near"
        assert check("si ge tisheng", "三个提升").outcome == "wrong"

    def test_a_slip_in_a_numerals_reading_is_near_unless_it_spells_another(self) -> None:
        assert check("sa ge tisheng", "三个提升").outcome == "near"  # sa is no number
        assert check("yudaiyilu", "一带一路").outcome == "near"
        assert check("er ge tisheng", "三个提升").outcome == "wrong"  # 二
        assert check("ge tisheng", "三个提升").outcome == "wrong"  # the figure left out

    @pytest.mark.parametrize(("typed", "expected"), [("5%yx", "5%以上"), ("5%ys", "5%以下"), ("dwtq", "高温天气")])
    def test_an_opposite_spelled_is_wrong(self, typed: str, expected: str) -> None:
        assert check(typed, expected).outcome == "wrong"

    def test_a_slip_that_is_no_opposite_is_near(self) -> None:
        assert check("5%yc", "5%以上").outcome == "near"

    def test_a_negation_typed_too_is_wrong(self) -> None:
        assert check("bsmfz", "深明法旨").outcome == "wrong"
        assert check("smfzz", "深明法旨").outcome == "near"


class TestReadings:
    @pytest.mark.parametrize(
        ("expected", "readings"),
        [
            ("重要", ["zhongyao", "chongyao", "zy", "cy"]),
            ("重新", ["chongxin", "zhongxin"]),
            ("行业", ["hangye", "xingye", "hy", "xy"]),
            ("长大", ["zhangda", "changda", "zd", "cd", "zhd", "chd"]),
        ],
    )
    def test_a_polyphone_is_right_in_every_reading(self, expected: str, readings: list[str]) -> None:
        for typed in readings:
            assert check(typed, expected).outcome == "right", typed

    def test_every_reading_is_known(self) -> None:
        assert {"zhong", "chong"} <= set(pinyin.readings("重"))
        assert {"xing", "hang"} <= set(pinyin.readings("行"))
        assert {"zhang", "chang"} <= set(pinyin.readings("长"))

    @pytest.mark.parametrize("char", list("重行长绿女提高政治站位〇乐的了嗯"))
    def test_the_readings_are_those_pypinyin_gives_with_heteronyms(self, char: str) -> None:
        from pypinyin import Style
        from pypinyin import pinyin as spell

        given = {s for group in spell(char, style=Style.NORMAL, heteronym=True) for s in group}
        assert given <= set(pinyin.readings(char))
        assert {s for s in pinyin.readings(char) if "u" not in s or s in given or s.replace("u", "v") in given} == set(
            pinyin.readings(char)
        )

    @pytest.mark.parametrize("typed", ["lvse", "luse", "lüsè", "lv4se4", "ls"])
    def test_u_umlaut_is_v_or_u(self, typed: str) -> None:
        assert check(typed, "绿色").outcome == "right"

    def test_initials_of_zh_ch_sh_are_one_letter_or_two(self) -> None:
        assert pinyin.units("政")[0].initials == ("z", "zh")
        assert pinyin.units("作")[0].initials == ("z",)
        assert check("zfjs", "作风建设").outcome == "right"
        assert check("zhfjs", "作风建设").outcome == "near"  # 作 is zuo: zh is no initial of it

    def test_syllables_and_initials_mix(self) -> None:
        # ti, then g for 高: a first syllable typed whole and the rest by initials
        assert (check("tig zzzw shsxrs", STANCE).outcome, check("tig zzzw shsxrs", STANCE).by) == ("right", "initials")

    def test_tone_numbers_stand_after_a_syllable_only(self) -> None:
        assert check("shi2si4wu3", "十四五").outcome == "right"
        assert check("s2s4w3", "十四五").outcome == "wrong"


class TestOtherCharacters:
    """Digits, Latin letters and % of the expected answer are typed as themselves."""

    @pytest.mark.parametrize(("typed", "by"), [("2021nian", "pinyin"), ("2021n", "initials"), ("2021 nián", "pinyin")])
    def test_a_year(self, typed: str, by: str) -> None:
        verdict = check(typed, "2021年")
        assert (verdict.outcome, verdict.by) == ("right", by)

    def test_digits_are_not_spelled(self) -> None:
        assert check("ererlingyinian", "2021年").outcome == "wrong"
        assert check("20n", "2021年").outcome == "wrong"

    def test_percent_and_letters(self) -> None:
        assert check("3.6%yishang", "3.6%以上").outcome == "right"
        assert check("3.6%ys", "3.6%以上").outcome == "right"
        assert check("36yishang", "3.6%以上").outcome == "near"  # the % left out
        assert check("GDP zengzhang", "GDP增长").outcome == "right"
        assert check("gdpzz", "GDP增长").by == "initials"

    def test_an_answer_without_chinese_is_compared_as_before(self) -> None:
        verdict = check("House of representatives", "House of Representatives")
        assert (verdict.outcome, verdict.by) == ("right", "characters")
        assert check("Hose", "House").outcome == "near"
        assert check("fangzi", "House").outcome == "wrong"
        assert check("h", "House").outcome == "wrong"

    def test_short_answers_have_no_near_miss(self) -> None:
        assert check("shisiliu", "十四五").outcome == "wrong"
        assert check("ssl", "十四五").outcome == "wrong"


class TestElsewhere:
    def test_initials_right_for_another_phrase_are_tried_again(self) -> None:
        verdict = check("zfjs", "两个确立", others=["作风建设"])
        assert verdict.outcome == "elsewhere"

    def test_this_blank_first(self) -> None:
        assert check("zfjs", "作风建设", others=["走访接送"]).outcome == "right"


class TestRating:
    def test_initials_are_good_at_most(self) -> None:
        assert suggest_rating("right", 0, False, 1.0, 12, initials=True) == GOOD
        assert suggest_rating("right", 0, False, 1.0, 12) == EASY
        assert suggest_rating("near", 0, False, 1.0, 12, initials=True) == HARD

    @pytest.mark.parametrize(("typed", "rating"), [("tgzzzwshsxrs", GOOD), ("tigaozhengzhizhanweishenhuasixiangrenshi", EASY)])
    def test_a_session_caps_an_answer_in_initials(self, typed: str, rating: int) -> None:
        card = Card(f"s :: {STANCE} #1", "s", Phrase(0, 0, len(STANCE), STANCE, "quote"), 1)
        session = QuizSession([Blank(0, card)], now=0.0)
        verdict = session.answer(typed, now=2.0)
        assert verdict is not None and verdict.outcome == "right"
        assert session.states[0].rating == rating


class TestDiff:
    def test_a_wrong_syllable_is_shown_against_its_character(self) -> None:
        typed, wanted = answer_diff("zuofengjianshi", "作风建设")
        assert typed == [("same", "zuo feng jian "), ("wrong", "shi")]
        assert wanted == [("same", "作风建"), ("missing", "设")]

    def test_initials_stay_together_and_punctuation_stays_in_the_answer(self) -> None:
        typed, wanted = answer_diff("tgzzzwshsxr", STANCE)
        assert typed == [("same", "tgzzzwshsxr")]
        assert wanted == [("same", "提高政治站位,深化思想认"), ("missing", "识")]

    def test_letters_are_never_compared_with_characters_one_by_one(self) -> None:
        typed, wanted = answer_diff("qwerty", "作风建设")
        assert "".join(part for _, part in typed).replace(" ", "") == "qwerty"
        assert all(tag != "same" for tag, part in typed if part.strip())
        assert wanted == [("missing", "作风建设")]

    def test_a_syllable_too_many_is_extra(self) -> None:
        typed, wanted = answer_diff("zuo feng da jian she", "作风建设")
        assert ("extra", "da") in typed
        assert wanted == [("same", "作风建设")]

    def test_characters_are_diffed_as_before(self) -> None:
        typed, wanted = answer_diff("作风建筑", "作风建设")
        assert typed == [("same", "作风建"), ("wrong", "筑")]
        assert wanted == [("same", "作风建"), ("missing", "设")]


class TestStart:
    """A long answer typed only from its start (a paragraph recited part of the way)."""

    LONG = "今天,我们召开理论学习中心组学习研讨会,深入学习作风建设论述摘编,当前我县正处于规划收官期"

    def test_the_start_is_read_as_the_start_and_the_rest_is_missing(self) -> None:
        found = pinyin.match("jintianwomenzhaokai", self.LONG, 1000, start=True)
        assert found is not None and found.by == "pinyin"
        assert [unit for kind, _, unit in found.steps if kind == "same"] == list(range(6))
        assert all(kind == "missing" for kind, _, _ in found.steps[6:])
        assert found.edits == len(pinyin.units(self.LONG)) - 6


PHRASES = st.text(alphabet="提高政治站位深化思想认识作风建设永远在路上两个确立重行长", min_size=2, max_size=14)


@settings(max_examples=60, deadline=None)
@given(PHRASES)
def test_the_first_reading_of_each_character_and_its_initials_are_right(expected: str) -> None:
    full = " ".join(pinyin.readings(char)[0] for char in expected)
    initials = "".join(pinyin.readings(char)[-1][0] for char in expected)
    assert (check(full, expected).outcome, check(full, expected).by) == ("right", "pinyin")
    assert (check(initials, expected).outcome, check(initials, expected).by) == ("right", "initials")


LAZY = """
import sys
import tui.app, tui.cli
from tui.core.quiz import check
check("作风建设", "作风建设"); check("house", "House"); check("作风", "作风建设")
from tui.core import pinyin
def loaded():
    return pinyin._dictionary.cache_info().currsize == 1
before = loaded()
check("zfjs", "作风建设")
print(before, loaded(), "pypinyin" in sys.modules)
"""


def test_pypinyin_is_loaded_only_for_an_answer_in_latin_letters_to_a_chinese_one() -> None:
    result = subprocess.run([sys.executable, "-c", LAZY], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # The readings table is read from its file: the package, which builds its phrase
    # dictionary too, is not imported at all.
    assert result.stdout.split() == ["False", "True", "False"]


class TestHints:
    """A hint counts the characters already spelled in pinyin, so it gives the next one."""

    @pytest.mark.parametrize(("typed", "right"), [("zuofeng", 2), ("zf", 2), ("zuofen", 2), ("zuo", 1), ("x", 0), ("作风jian", 3)])
    def test_characters_spelled_right_from_the_start(self, typed: str, right: int) -> None:
        from tui.core.quiz import letters_right

        assert letters_right(typed, "作风建设") == right

    def test_a_hint_after_pinyin_gives_the_next_character_to_type_on_from(self) -> None:
        card = Card("k", "s", Phrase(0, 0, 4, "作风建设", "quote"), 1)
        session = QuizSession([Blank(0, card)], now=0.0)
        assert session.hint("zuofeng") == "作风建"
        verdict = session.answer("作风建she", now=1.0)
        assert verdict is not None and (verdict.outcome, verdict.by) == ("right", "pinyin")
        assert session.states[0].rating == HARD
