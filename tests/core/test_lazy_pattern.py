from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tui.core.lazy_pattern import lazy_compile


def test_nothing_is_compiled_until_the_pattern_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    compile_ = re.compile
    monkeypatch.setattr(re, "compile", lambda source, flags=0: compiled.append(source) or compile_(source, flags))
    pattern = lazy_compile(r"第([一二三四五六七八九十]+)章")
    assert compiled == []
    assert pattern.match("第三章 总则").group(1) == "三"
    assert pattern.search("见第十章") is not None
    assert compiled == ["第([一二三四五六七八九十]+)章"]  # once, however often it is used


def test_once_used_its_methods_are_the_compiled_patterns_own() -> None:
    pattern = lazy_compile(r"(?:谢谢大家|谢谢)[！!。.]?$")
    assert pattern.fullmatch("谢谢大家！")
    assert isinstance(pattern.match.__self__, re.Pattern)
    assert "match" in vars(pattern)  # found before __getattr__: no indirection on later calls


def test_a_copy_or_a_pickle_is_the_same_pattern() -> None:
    import copy
    import pickle

    fresh, used = lazy_compile(r"第(\d+)条"), lazy_compile(r"第(\d+)条")
    assert used.search("第3条")
    for pattern in (fresh, used):  # before it was compiled, and after
        for twin in (copy.copy(pattern), copy.deepcopy(pattern), pickle.loads(pickle.dumps(pattern))):
            assert twin.pattern == pattern.pattern
            assert bool(twin.search("第12条")) == bool(pattern.search("第12条"))


@pytest.mark.parametrize(
    ("source", "flags", "text"),
    [
        (r"<(?:https?://|mailto:)[^\s<>]+>", re.IGNORECASE, "see <HTTPS://example.org> and <mailto:a@b>"),
        (r"[ \t\u3000]+(?=[（(]?[^\s:：\d][^\s:：]{0,7}[:：])", 0, "来源：新华社 作者：某某 日期：2024"),
        (r"(\d{1,3}(?:[.．]\d{1,3}){0,4}[.．、])(?![\d.．])", 0, "1.2. 总体要求"),
    ],
)
def test_it_answers_as_the_compiled_pattern_does(source: str, flags: int, text: str) -> None:
    lazy, eager = lazy_compile(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("|", text) == eager.sub("|", text)
    assert lazy.split(text) == eager.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (eager.pattern, eager.flags, eager.groups)


PARSE_SPEECH = """
import sys
import tui.core.heading_patterns as patterns, tui.core.residue as residue, tui.core.contents as contents
from tui.core.outline import parse

everything = {name: value for module in (patterns, residue, contents) for name, value in vars(module).items()
              if type(value).__name__ == "_LazyPattern"}
parse("一、总体要求\\n坚持稳中求进工作总基调。\\n（一）主要任务\\n扩大国内需求。\\n", "notes.txt")
print(len(everything), *sorted(name for name, value in everything.items() if "match" in vars(value)))
"""


def test_parsing_a_speech_compiles_only_the_patterns_its_lines_reach() -> None:
    # The parser's patterns for 第X章, English headings, Roman numerals and the like cost
    # start-up time only for a document that has such lines.
    run = subprocess.run([sys.executable, "-c", PARSE_SPEECH], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    patterns, *compiled = run.stdout.split()
    assert int(patterns) >= 25
    assert 0 < len(compiled) <= int(patterns) // 2
    # Its first line has no colon and starts with no button's word: no key:value or button pattern.
    assert not {"RE_META_PART", "RE_META_SPLIT", "RE_NOISE"} & set(compiled), compiled
