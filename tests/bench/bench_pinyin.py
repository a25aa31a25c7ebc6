"""Checking answers typed in pinyin: full syllables, initials, wrong ones, and the diff of a wrong one.

Every key phrase of the bundled speech (and of the longest document in the shared
corpus, when it is there) answered each way through `quiz.check`, as the quiz does.
pypinyin's import, paid once by the first such answer, is timed apart; then each
phrase's first check (its characters' readings looked up) and a second one (cached).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
CORPUS = Path("/work/shared/corpus")
GOAL_MS = 5.0


def phrases_of(path: Path) -> list[str]:
    from tui.core.loader import load
    from tui.core.outline import parse
    from tui.core.phrases import extract

    found = extract(parse(load(path), path.name))
    return sorted({phrase.text for phrases in found.values() for phrase in phrases})


def spelled(expected: str, initials: bool = False) -> str:
    """The answer typed in pinyin: each character's first reading (or its first letter), the rest as it is."""
    from tui.core import pinyin

    parts = []
    for char in expected:
        readings = pinyin.readings(char) if pinyin.is_chinese(char) else ()
        parts.append((readings[0][0] if initials else readings[0]) if readings else char)
    return ("" if initials else " ").join(parts)


def timed(action, rounds: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        action()
    return (time.perf_counter() - started) / rounds * 1000


def run(name: str, phrases: list[str]) -> None:
    from tui.core import pinyin
    from tui.core.quiz import answer_diff, check

    chinese = [p for p in phrases if any(pinyin.is_chinese(c) for c in p)]
    full = [spelled(p) for p in chinese]
    short = [spelled(p, initials=True) for p in chinese]
    wrong = [spelled(p)[:-2] + "zzz" for p in chinese]  # the last syllable wrong, then some
    pinyin.readings.cache_clear()
    pinyin.units.cache_clear()
    first = [timed(lambda p=p, a=a: check(a, p)) for p, a in zip(chinese, full)]
    again = [timed(lambda p=p, a=a: check(a, p), 5) for p, a in zip(chinese, full)]
    initials = [timed(lambda p=p, a=a: check(a, p), 5) for p, a in zip(chinese, short)]
    missed = [timed(lambda p=p, a=a: check(a, p), 5) for p, a in zip(chinese, wrong)]
    diffs = [timed(lambda p=p, a=a: answer_diff(a, p), 5) for p, a in zip(chinese, wrong)]
    assert all(check(a, p).outcome == "right" for p, a in zip(chinese, full))
    assert all(check(a, p).by == "initials" for p, a in zip(chinese, short))
    longest = max(chinese, key=len)
    print(f"{name}: {len(chinese)} Chinese phrases, {statistics.mean(map(len, chinese)):.1f} characters on average,"
          f" the longest {len(longest)}")
    for label, samples in (
        ("full pinyin, first check of a phrase", first),
        ("full pinyin, checked again", again),
        ("initials", initials),
        ("wrong (last syllable)", missed),
        ("diff of a wrong one", diffs),
    ):
        median = statistics.median(samples)
        print(f"  {label:38s} median {median:6.3f} ms   max {max(samples):6.2f} ms"
              f"{'' if median < GOAL_MS else f'   (over {GOAL_MS} ms)'}")


def main() -> None:
    started = time.perf_counter()
    from tui.core.quiz import check

    check("zfjs", "作风建设")
    print(f"first answer in pinyin, pypinyin imported: {(time.perf_counter() - started) * 1000:.0f} ms")
    run("the bundled speech", phrases_of(SPEECH))
    documents = sorted(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size) if CORPUS.is_dir() else []
    if documents:
        run(documents[-1].name, phrases_of(documents[-1]))
    else:
        print(f"({CORPUS} absent: the speech only)")


if __name__ == "__main__":
    main()
