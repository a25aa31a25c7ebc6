"""Word's automatic numbering (numbering.xml) rendered as the text a reader sees: 一、 （一） 1. 1.1 ① 第一章."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass
class Level:
    """One level of a list: how its number is written and where it starts."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # the level (0-based) whose number restarts this one; None: any higher level
    legal: bool = False  # isLgl: every level's number in decimal (1.1.1 under 第一章)
    suffix: str = "tab"


@dataclass
class _List:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # level -> start
    levels: dict[int, Level] = field(default_factory=dict)  # a num's own level definitions


class Numbering:
    """Counts each list as the paragraphs go by, and writes each numbered paragraph's number."""

    def __init__(self, root: Any | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, list[int | None]] = {}  # by abstract list: each level's last number
        self.started: set[str] = set()  # lists whose start overrides have been applied
        if root is None:
            return
        for abstract in root.iterchildren(f"{W}abstractNum"):
            self.abstracts[abstract.get(f"{W}abstractNumId", "")] = {
                int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in abstract.iterchildren(f"{W}lvl")
            }
        for num in root.iterchildren(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            entry = _List(ref.get(f"{W}val", "") if ref is not None else "")
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                start = override.find(f"{W}startOverride")
                if start is not None:
                    entry.overrides[ilvl] = _int(start.get(f"{W}val"), 1)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.lists[num.get(f"{W}numId", "")] = entry

    def label(self, num_id: str, ilvl: int) -> str:
        """The number of the next paragraph in this list at this level ("" for none or a bullet)."""
        entry = self.lists.get(num_id)
        if entry is None or num_id == "0":
            return ""
        levels = {**self.abstracts.get(entry.abstract, {}), **entry.levels}
        level = levels.get(ilvl)
        if level is None:
            return ""
        # Lists that share one abstract list count on together, as Word does, unless a
        # list restarts it: its start overrides apply when it is first used.
        key = entry.abstract or num_id
        counters = self.counters.setdefault(key, [None] * 9)
        if num_id not in self.started and entry.overrides:
            self.started.add(num_id)
            for at, start in entry.overrides.items():
                if 0 <= at < 9:
                    counters[at] = start - 1
            for deeper in range(max(entry.overrides) + 1, 9):
                counters[deeper] = None
        ilvl = max(0, min(ilvl, 8))
        previous = counters[ilvl]
        counters[ilvl] = level.start if previous is None else previous + 1
        for deeper in range(ilvl + 1, 9):
            below = levels.get(deeper)
            if below is None or below.restart is None or below.restart >= ilvl:
                counters[deeper] = None
        if level.fmt in ("none", "bullet"):
            return ""  # a bullet is decoration, not a number the text refers to
        return _fill(level, levels, counters)

    @staticmethod
    def separator(level_suffix: str, number: str, text: str) -> str:
        """What stands between a number and its paragraph: nothing after 一、 before Chinese, else a space."""
        if not number or level_suffix == "nothing":
            return ""
        if not number[-1].isalnum() and text[:1] and ord(text[0]) >= 0x2E80:
            return ""
        return " "

    def suffix(self, num_id: str, ilvl: int) -> str:
        entry = self.lists.get(num_id)
        if entry is None:
            return "tab"
        level = entry.levels.get(ilvl) or self.abstracts.get(entry.abstract, {}).get(ilvl)
        return level.suffix if level is not None else "tab"


def _level(lvl: Any) -> Level:
    def val(tag: str) -> str | None:
        child = lvl.find(f"{W}{tag}")
        return None if child is None else child.get(f"{W}val")

    restart = val("lvlRestart")
    legal = lvl.find(f"{W}isLgl")
    return Level(
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        start=_int(val("start"), 1),
        restart=None if restart is None else _int(restart, 1) - 1,
        legal=legal is not None and legal.get(f"{W}val", "1") not in ("0", "false", "off"),
        suffix=val("suff") or "tab",
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _fill(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
    """lvlText with each %N replaced by level N's number, written in that level's format."""
    out = []
    text = level.text
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            at = int(text[i + 1]) - 1
            number = counters[at] if 0 <= at < 9 else None
            owner = levels.get(at, Level())
            if number is None:
                number = owner.start
            out.append(str(number) if level.legal else format_number(number, owner.fmt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """A number in one of Word's numbering formats (ST_NumberFormat)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return chinese(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return chinese(n, legal=True)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letters = _letters(n)
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "ideographEnclosedCircle" and 1 <= n <= 10:
        return chr(0x3280 + n - 1)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(_FULL_WIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def chinese(n: int, legal: bool = False) -> str:
    """一 … 十 十一 … 二十一 … 一百零一, as Word's chineseCounting writes them (legal: 壹拾壹)."""
    if n <= 0:
        return str(n)
    # Counting writes a gap as 零 (一百零一); 〇 is a digit of its own, for ideographDigital (二〇二五).
    digits, units = (_CN_LEGAL, _CN_LEGAL_UNITS) if legal else ("零" + _CN_DIGITS[1:], _CN_UNITS)
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = chinese(low, legal) if low else ""
        gap = digits[0] if 0 < low < 1000 else ""
        return chinese(high, legal) + ("萬" if legal else "万") + gap + rest
    out = ""
    zero = False
    for place in range(3, -1, -1):
        digit = n // 10**place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        out += digits[digit] + units[place]
    if not legal and 10 <= n < 20:
        out = out[1:]  # 十一, not 一十一
    return out


def _letters(n: int) -> str:
    """A B … Z AA BB …: Word repeats the letter rather than counting on like a spreadsheet."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while n >= value:
            out += numeral
            n -= value
    return out
