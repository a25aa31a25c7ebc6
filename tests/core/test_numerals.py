"""tui.core.numerals: every way a person writes a number from 1 to 9,999 reads back as that number."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.numerals import ENCLOSED, chinese, read_english, read_letter, read_numeral, read_roman, roman

DIGITS = "零一二三四五六七八九"
TO_FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
TO_TRADITIONAL = str.maketrans("贰叁陆", "貳參陸")
TO_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def standard(n: int) -> str:
    """Written here independently of the code under test: every place, then the zeros collapsed."""
    places = "".join(DIGITS[int(d)] + unit if d != "0" else "零" for d, unit in zip(f"{n:04d}", "千百十 "))
    text = re.sub("零+", "零", places.replace(" ", "")).strip("零") or "零"
    return text[1:] if text.startswith("一十") and n < 20 else text  # 十一, not 一十一


def written(n: int) -> set[str]:
    """The ways people write n: 十一 or 一十一, 两百, 〇 for 零, financial, digits."""
    forms = {standard(n), str(n), str(n).translate(TO_FULL_WIDTH)}
    if 10 <= n <= 19:
        forms.add("一" + standard(n))
    for form in list(forms):
        forms.add(form.replace("零", "〇"))
    for form in list(forms):
        forms.add(re.sub("二(?=[百千])", "两", form))
        forms.add(re.sub("二(?=千)", "两", form))
        forms.add(re.sub("二(?=百)", "两", form))
    for form in list(forms):
        if "两" not in form and "〇" not in form:
            forms.add(form.translate(TO_FINANCIAL))
            forms.add(form.translate(TO_FINANCIAL).translate(TO_TRADITIONAL))
    return forms


class TestChinese:
    @pytest.mark.parametrize(
        "text, value",
        [
            ("一", 1), ("十", 10), ("十一", 11), ("一十一", 11), ("二十", 20), ("一百", 100), ("一百零一", 101),
            ("一百一十", 110), ("一百一十一", 111), ("一百二十", 120), ("一百二十一", 121), ("两百", 200),
            ("九百九十九", 999), ("一千", 1000), ("一千零一", 1001), ("一千〇一", 1001), ("一千零一十", 1010),
            ("一千零二十一", 1021), ("两千两百", 2200), ("九千九百九十九", 9999), ("零", 0), ("〇", 0),
            ("壹佰贰拾壹", 121), ("壹拾壹", 11), ("拾", 10), ("貳仟零參", 2003),
            ("12", 12), ("１２", 12), ("143", 143), ("0", 0),
        ],
    )
    def test_reads(self, text: str, value: int) -> None:
        assert read_numeral(text) == value

    @pytest.mark.parametrize(
        "text",
        ["", "一一", "百", "千", "一百五", "一千零零一", "一千零", "二十十", "十百", "两", "两十", "二两百", "一二三",
         "壹百", "一佰", "12345", "1百", "²", "一万"],
    )
    def test_malformed_numerals_are_no_numbers(self, text: str) -> None:
        assert read_numeral(text) is None

    def test_the_writer_here_agrees_with_the_code(self) -> None:
        assert [standard(n) for n in (11, 101, 110, 1001, 1010, 2022)] == ["十一", "一百零一", "一百一十", "一千零一", "一千零一十", "二千零二十二"]
        assert all(chinese(n) == standard(n) for n in range(10000))

    def test_every_number_every_way(self) -> None:
        for n in range(1, 10000):
            for form in written(n):
                assert read_numeral(form) == n, form

    @settings(max_examples=300)
    @given(st.integers(1, 9999), st.data())
    def test_written_any_way_reads_back(self, n: int, data: st.DataObject) -> None:
        form = data.draw(st.sampled_from(sorted(written(n))))
        assert read_numeral(form) == n

    @settings(max_examples=500)
    @given(st.text(alphabet="零〇一二两三四五六七八九十百千", min_size=1, max_size=8))
    def test_only_correct_numerals_read(self, text: str) -> None:
        n = read_numeral(text)
        assert n is None or text in written(n)

    @settings(max_examples=300)
    @given(st.text(alphabet="零壹贰叁肆伍陆柒捌玖拾佰仟", min_size=1, max_size=8))
    def test_only_correct_financial_numerals_read(self, text: str) -> None:
        n = read_numeral(text)
        assert n is None or text in written(n)


class TestRoman:
    def test_every_number_upper_and_lower(self) -> None:
        for n in range(1, 4000):
            assert read_roman(roman(n)) == n
            assert read_roman(roman(n).lower()) == n

    def test_unicode_forms(self) -> None:
        assert [read_roman(chr(0x2160 + i)) for i in range(12)] == list(range(1, 13))  # Ⅰ … Ⅻ
        assert [read_roman(chr(0x2170 + i)) for i in range(12)] == list(range(1, 13))  # ⅰ … ⅻ
        assert read_roman("ⅩⅣ") == 14

    @pytest.mark.parametrize("text", ["", "IIII", "IC", "VX", "Iv", "ABC", "I.", "MMMM"])
    def test_malformed(self, text: str) -> None:
        assert read_roman(text) is None


class TestOthers:
    def test_letters(self) -> None:
        assert (read_letter("A"), read_letter("z"), read_letter("AB"), read_letter("é")) == (1, 26, None, None)

    @pytest.mark.parametrize("text, value", [("One", 1), ("TWELVE", 12), ("twenty", 20), ("Twenty-One", 21), ("ninety-nine", 99)])
    def test_english_words(self, text: str, value: int) -> None:
        assert read_english(text) == value

    @pytest.mark.parametrize("text", ["", "zero", "Time", "twenty-ten", "one-two", "hundred"])
    def test_not_english_numbers(self, text: str) -> None:
        assert read_english(text) is None

    def test_enclosed_numbers(self) -> None:
        assert [ENCLOSED[ch] for ch in "①⑳㉑㊿"] == [("circled", 1), ("circled", 20), ("circled", 21), ("circled", 50)]
        assert [ENCLOSED[ch] for ch in "⑴⒇⒈❶➀⓵㈠"] == [
            ("paren", 1), ("paren", 20), ("stop", 1), ("circled_dark", 1), ("circled_sans", 1), ("circled_double", 1), ("cn_paren", 1),
        ]
        assert "1" not in ENCLOSED and "一" not in ENCLOSED
