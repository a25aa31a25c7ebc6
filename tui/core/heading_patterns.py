"""The heading grammar's patterns: the markers of numbered headings, Markdown's lines, a heading's limits."""

from __future__ import annotations

from .lazy_pattern import lazy_compile
from .numerals import CN_CHARS, CN_MAX_LEN, ENCLOSED, ROMAN_CHARS

# Every pattern here is anchored at the start of a line and bounded, or runs on a slice
# of bounded length: a 10 MB line must cost one pass, never a quadratic search.

SPACES = " \t\u3000\xa0"
# A run of characters a numeral may be written with; read_numeral decides whether it is one.
_CN_NUM = rf"[{CN_CHARS}]{{1,{CN_MAX_LEN}}}"
_NUM = rf"(?:{_CN_NUM}|[0-9０-９]{{1,4}})"

# Not 一、二、三等奖: a run of numerals and 、 is an enumeration inside a sentence.
RE_CN = lazy_compile(rf"(({_CN_NUM})[ \t\u3000]?(?:、|[．.](?![.．\d])))(?!{_CN_NUM}[、．.])")  # 一、 一． 壹、
RE_CN_CLOSE = lazy_compile(rf"(({_CN_NUM})[）)])")                                   # 一）
RE_CN_PAREN = lazy_compile(rf"([（(〔]({_CN_NUM})[）)〕])[、．.]?")                  # (一) （一）
RE_DECIMAL = lazy_compile(r"(\d{1,3}(?:[.．]\d{1,3}){0,4}[.．、])(?![\d.．])")     # 1. 1、 1． 1.2.
RE_DECIMAL_BARE = lazy_compile(r"(\d{1,3}(?:[.．]\d{1,3}){1,4})(?=[ \t\u3000])")  # 1.2 heading
RE_NUM_PAREN = lazy_compile(r"([（(]\d{1,3}[）)])[、．.]?")                         # (1) （1）
RE_NUM_CLOSE = lazy_compile(r"(\d{1,3}[）)])(?![\d）)])")                           # 1） 1)
# 第三章 第五条之一 第一讲 第二课时 第三单元; the unit's alternatives longest first.
RE_DI = lazy_compile(rf"(第[ \t\u3000]?({_NUM})[ \t\u3000]?(部分|分编|课时|单元|专题|模块|卷|编|篇|章|回|节|条|讲|课)(?:之({_CN_NUM}))?)")
RE_PREFIX = lazy_compile(rf"((专题|模块|单元)[ \t\u3000]?({_NUM}))(?=[ \t\u3000、：:．.—\-–（(《“「【]|$)")  # 专题一 模块2
RE_WORD = lazy_compile(
    r"((Part|PART|Book|BOOK|Title|TITLE|Volume|VOLUME|Module|MODULE|Unit|UNIT|Chapter|CHAPTER|Lesson|LESSON|"
    r"Lecture|LECTURE|Topic|TOPIC|Appendix|APPENDIX|Annex|ANNEX|Act|ACT|Scene|SCENE|Article|ARTICLE|Section|SECTION|"
    r"Sub-?[Ss]ection|SUB-?SECTION|Clause|CLAUSE)\.?[ \t]+"
    r"([IVXLCDM]{1,8}|\d{1,4}(?:\.\d{1,3}){0,3}|[A-Z]|[A-Za-z]{3,9}(?:-[A-Za-z]{3,5})?)\b\.?"
    r"|(§)[ \t]?\d{1,4}[a-z]?(?:\.\d{1,3}){0,3}\.?)"
)
# A, (a), b), IV., (iv), Ⅱ、: a letter or a Roman numeral, then its stop or its brackets.
RE_LATIN_ENUM = lazy_compile(r"(?:[(（]([A-Za-z]{1,7})[)）]|([A-Za-z]{1,7})(?:[.．](?=[ \t\u3000]|$)|[)）、]))")
RE_ROMAN_ENUM = lazy_compile(rf"([{ROMAN_CHARS}]{{1,4}})(?:[、．.)）]|(?=[ \t\u3000]|$))")
# ① ⑴ ⒈ 1）: list marks more often than heading numbers (㈠ is （一）).
MINOR_FAMILIES = frozenset(style for style, _ in ENCLOSED.values() if style != "cn_paren") | {"num_close"}
# The first characters of every heading but those starting with a digit or an ASCII letter.
HEADING_STARTS = frozenset(CN_CHARS + "(（〔专模单§" + ROMAN_CHARS) | ENCLOSED.keys()
RE_MD_LIST = lazy_compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
RE_FENCE = lazy_compile(r"[ ]{0,3}(`{3,}|~{3,})")
RE_SETEXT = lazy_compile(r"[ ]{0,3}(=+|-+)[ \t]*")
# reStructuredText underlines (and overlines) with any of its adornment characters.
RE_ADORNMENT = lazy_compile(r"([=\-~^*+#\"'`:._])\1{2,}[ \t]*")
RE_BREAK = lazy_compile(r"[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})")
RE_ITEM = lazy_compile(rf"(({_CN_NUM})是|第({_CN_NUM})[，,、])")                    # 一是 / 第一，

# The units of 第X… and 专题X, outermost first: a course's 模块 hold 专题 or 单元, which hold
# 章, 讲 or 课, which hold 节 or 课时; a law's 编 hold 分编, 章, 节 and 条; a novel's 卷 hold 回.
FAMILY_ORDER = {
    "卷": 0, "编": 0, "篇": 0, "部分": 0, "模块": 0, "分编": 1, "专题": 2, "单元": 2,
    "章": 3, "回": 3, "讲": 3, "课": 3, "节": 4, "课时": 4, "条": 5,
}
WORD_DEPTH = {
    "part": 0, "book": 0, "title": 0, "volume": 0, "module": 0, "unit": 1, "chapter": 2, "lesson": 2, "lecture": 2,
    "topic": 2, "appendix": 2, "annex": 2, "act": 2, "scene": 3, "article": 3, "section": 4, "subsection": 5,
    "sub-section": 5, "clause": 6,
}
# After these units with no space, these characters make a word of it (第一讲话, 第二课堂,
# 第一篇章, 单元格), not a division.
WORD_AFTER = {
    "讲": set("话座解究述授义稿坛台师学演理求到了过"), "课": set("堂程题本文件外后前间表业余桌"), "篇": set("章幅目文"),
    "单元": set("格楼房"), "回": set("答到来去顾应复归忆合头首报"), "卷": set("入起烟宗子轴尺帘"),
}
# After 第X条 with no space, these show a reference (第三条第二款, 第五条规定的) or an
# ordinary word (条件, 条例), not an article.
NOT_ARTICLE = set("、，,。；;的第款项之规件例或和及与至到")

# A salutation (同志们：, 各位代表！) is text: never a heading, never a title; it opens the closing.
SALUTATION = lazy_compile(
    r"(?:尊敬的|亲爱的)?(同志们|同事们|朋友们|同学们|老师们|各位[\u4e00-\u9fff]{1,6}?|女士们[、，,]先生们)"
    r"[，,！!：:、]"
)

# A table of contents: its marker line, and the leaders and page numbers ending its entries.

# A heading's text is short: a run-on heading ends at its first sentence end within this
# many characters, and a numbered line with no sentence end this early is a numbered paragraph.
MAX_HEADING = 60
HEADING_END = "。；！？;!?"
TRAILING_PUNCT = "。；！？;!?：:，,、 \t\u3000"
# A short label before a colon is a heading too: （一）指导思想：以……为指导。
MAX_COLON_HEADING = 16
