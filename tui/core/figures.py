"""Figures: a quantity with its unit and qualifier (3.6%以上, 不满十四周岁, two thirds) or a date, as one blank."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.paragraph import Paragraph

_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_ZH_DIGITS = "〇零一二三四五六七八九十两"
# A Chinese numeral opens with a digit (千万 alone is an adverb: 千万不要) and may hold 多/余
# between its magnitudes (九千六百多万).
_ZH = rf"[{_ZH_DIGITS}][{_ZH_DIGITS}百千万亿多余]*(?:点[〇零一二三四五六七八九]+)?"
_NUMBER = rf"(?:{_ARABIC}(?:[多余]?[十百千万亿]+)?|{_ZH})"
_PERCENT = rf"(?:[百千]分之{_ZH}|{_ZH}分之{_ZH}|{_ARABIC}\s?[%％‰]|{_NUMBER}个百分点|{_NUMBER}倍)"
# Units that make a number a measure on their own.
_MEASURE_UNITS = (
    "万亿元 亿美元 万美元 亿元 万元 千元 美元 欧元 元 周岁 周年 岁 个月 个工作日 工作日 小时 分钟 年 天 "
    "平方公里 平方米 公里 千米 公顷 万吨 吨 千瓦时 千瓦 立方米 公斤 千克 亩"
).split()
# Counters: a count of things is a figure only when it is large or qualified (三个人 is not).
_COUNTERS = "万人次 万人 人次 人 名 户 套 家 个 项 所 座 件 条 部 台 辆 艘 架 位".split()
_UNITS_LONGEST_FIRST = sorted(_MEASURE_UNITS + _COUNTERS, key=len, reverse=True)
_UNIT = "|".join(_UNITS_LONGEST_FIRST)
_AFTER = "以上|以下|以内|之内|以外|左右|上下|之多|有余"
_BEFORE = "不满|未满|年满|不超过|超过|不少于|少于|不低于|低于|不高于|高于|至少|最多|将近|接近|约|近|逾"
_AMOUNT = rf"(?:{_PERCENT}|{_NUMBER}[多余]?(?:{_UNIT})?)(?:{_AFTER})?"
_DATE = (
    r"(?:(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日)?"
    r"|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日"
    r"|(?:[0-9０-９]{4}|[〇零][〇零一二三四五六七八九]{3}|[一二][〇零一二三四五六七八九]{3})年)"
)
_CHINESE = re.compile(
    # The lookahead lets the engine pass over most characters without trying each branch.
    rf"(?=[0-9０-９{_ZH_DIGITS}百千不未年超少低高至最将接约近逾])(?:{_DATE}|(?:(?:{_BEFORE}){_AMOUNT}|{_AMOUNT})(?:(?:至|到|～|~|—|－|-)?(?:{_AMOUNT}))?)"
)
_NUMERAL_CHARS = set(_ZH_DIGITS + "百千万亿多余点0123456789０１２３４５６７８９.．,，")
# Before these a number is an ordinal, a label or a reference, not a quantity.
_ORDINAL_BEFORE = set("第每前后初上下共")
_ORDINAL_AFTER = set("届次条款章节号期版页卷级类代批轮")
# A bare span of time (五年) before 来 or after 未来 is the period a text speaks of.
_PERIOD = re.compile(rf"{_ZH}(?:年|个月|天)")
_PERIOD_BEFORE = ("未来", "过去", "今后", "近", "这", "最近")
# Nouns naming what a figure measures, kept with it (营业额百分之五以下).
_MEASURE_NOUN_ENDS = set("额率量值")
# The time a measure is taken over, just before its noun (上一年度收入, 本季度产量).
_WHEN = re.compile(r"(?:上一?|本|当|前一?|去|今)(?:个)?(?:年度|季度|年|月)$")

_EN_UNITS = r"(?:years?|months?|weeks?|days?|hours?|miles?|dollars?|cents?|percent|per\s+cent|acres?|feet|pounds?)"
_EN_SMALL = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_WORD = rf"(?:(?:{'|'.join(_EN_TENS)})(?:[- ](?:{'|'.join(_EN_SMALL[:9])}))?|{'|'.join(_EN_SMALL)})"
_EN_BIG = r"(?:hundred|thousand|million|billion)"
_EN_LARGE = rf"(?:{_EN_WORD}\s+{_EN_BIG}(?:\s+(?:and\s+)?{_EN_WORD}(?:\s+{_EN_BIG})?)*)"
_EN_NUMBER = rf"(?:{_EN_LARGE}|{_EN_WORD})"
_EN_FRACTION = rf"(?:{'|'.join(_EN_SMALL[:10])}|a)[- ](?:halves|half|thirds?|fourths?|fifths?|quarters?|sixths?|tenths?)"
_EN_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_EN_DATE = (
    rf"(?:(?:{_EN_MONTH})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th|d)\s+day\s+of\s+(?:{_EN_MONTH})"
    rf"|(?:first|second|third|fourth|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"\s+in\s+(?:{_EN_MONTH}))"
)
_ENGLISH = re.compile(
    rf"(?<![\w-])(?:{_EN_DATE}|{_EN_FRACTION}|(?:{_EN_NUMBER}|[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?)\s+{_EN_UNITS}"
    rf"|[0-9]+(?:\.[0-9]+)?\s?(?:%|percent)|\$[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?"
    rf"|{_EN_LARGE})(?![\w-])",
    re.IGNORECASE,
)
# The lookahead (a digit, or the first letter of a number word) lets the engine pass over
# most characters without trying every number word at each.
_HAS_FIGURE = re.compile(rf"(?=[0-9０-９{_ZH_DIGITS}otfsen])(?:[0-9０-９{_ZH_DIGITS}]|{_EN_WORD})", re.IGNORECASE)
_LATIN_LETTER = re.compile("[A-Za-z]")
# Where a Chinese figure may start: a digit, or a qualifier's first character.
_CHINESE_START = re.compile(rf"[0-9０-９{_ZH_DIGITS}百千不未年超少低高至最将接约近逾]")


def figure_spans(paragraph: Paragraph) -> list[tuple[int, int]]:
    """Spans of the figures in a paragraph, each a whole quantity (or range) or date."""
    text = paragraph.text
    if not _HAS_FIGURE.search(text):
        return []
    found: list[tuple[int, int]] = []
    for match in _CHINESE.finditer(text) if _CHINESE_START.search(text) else ():
        span = _chinese_figure(paragraph, match.start(), match.end())
        if span:
            found.append(span)
    if _LATIN_LETTER.search(text):
        for match in _ENGLISH.finditer(text):
            if match.group()[0].isdigit() and not re.search(r"[^\d,.\s]", match.group()):
                continue
            found.append((match.start(), match.end()))
    return _ranges(text, found)


# What joins the two ends of a range (2020年到2035年, 三至五年, 1949—2019年).
_RANGE_JOINS = frozenset(("到", "至", "—", "——", "－", "-", "～", "~", "–"))


def _ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two figures joined as a range are one: either end alone cuts the range in half."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and text[merged[-1][1] : start].strip() in _RANGE_JOINS:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _chinese_figure(paragraph: Paragraph, start: int, end: int) -> tuple[int, int] | None:
    text = paragraph.text
    figure = text[start:end]
    if start > 0 and (text[start - 1] in _ORDINAL_BEFORE or text[start - 1] in _NUMERAL_CHARS):
        return None  # 第三十次, 每年, or the tail of a longer number
    if end < len(text) and text[end] in _ORDINAL_AFTER:
        return None  # 十九届, 二十大 has no unit anyway
    if not _is_quantity(figure):
        return None
    if _PERIOD.fullmatch(figure) and (text[end : end + 1] in ("来", "间", "前", "了", "的") or text[:start].endswith(_PERIOD_BEFORE)):
        return None  # 五年来, 十年前, 已经五年了, 这五年的变化, 未来五年: the time the text looks back or forward over, not a figure
    # The segmenter may glue a character to the figure's last word (1日起): take it along.
    if end not in paragraph.bounds:
        token = paragraph.token_containing(end - 1)
        if token is None or token[2] - end > 1 or not token[0][-1:].strip() or token[0][-1] in "的了是":
            return None
        end = token[2]
    if start not in paragraph.bounds:
        return None
    token = paragraph.token_at(start)
    if token is not None and paragraph.tag_of(token) in ("i", "l", "nr", "ns", "nz"):
        return None  # a number inside an idiom or a name (信心百倍, 三峡)
    before = paragraph.token_ending(start)
    if before and len(before[0]) >= 2 and before[0][-1] in _MEASURE_NOUN_ENDS and paragraph.tag_of(before) == "n":
        start = before[1]  # 营业额百分之五以下: the figure with what it measures
        when = _WHEN.search(text, max(0, start - 5), start)
        if when and when.start() in paragraph.bounds:
            start = when.start()  # 上一年度收入: and the time it is measured over
    return start, end


_DATE_CHARS = re.compile("[年月日]")
_WHOLE_DATE = re.compile(_DATE)
_QUALIFIERS = re.compile(rf"^(?:{_BEFORE})|(?:{_AFTER})$")
_RATIO = re.compile(r"[%％‰]|分之|百分点|倍")
_DIGIT = re.compile(rf"[0-9０-９{_ZH_DIGITS}]")
_LARGE = re.compile("[万亿]")
_ONE_OR_TWO = ("一", "1", "１", "两", "二", "2", "２")


@lru_cache(maxsize=4096)
def _is_quantity(figure: str) -> bool:
    """Whether the matched text carries a quantity worth recalling, not a bare count."""
    if _DATE_CHARS.search(figure) and _WHOLE_DATE.fullmatch(figure):
        return True
    core = _QUALIFIERS.sub("", figure)
    qualified = core != figure
    if _RATIO.search(figure):
        return True
    unit = next((u for u in _UNITS_LONGEST_FIRST if core.endswith(u)), "")
    number = core[: len(core) - len(unit)].rstrip("多余")
    if not number or not _DIGIT.search(number):
        return False
    large = bool(_LARGE.search(number + unit)) or _arabic_value(number) >= 100
    if not unit:
        return large  # 九百六十多万 (贫困人口), 十四亿
    if unit in _COUNTERS:
        if number in _ONE_OR_TWO:
            return False  # 两个以上 (的单位) says "more than one", not a figure to recall
        return large or qualified
    if number in ("一", "1", "１") and unit in ("年", "天", "个月", "小时", "分钟", "岁"):
        return qualified  # 一年 is no figure; 一年以上 is
    return True


def _arabic_value(number: str) -> float:
    digits = number.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return 0.0
