"""List the places in the project that hold text of the sample corpus, which tests must not copy.

    python -m tests.eval.corpus_text [--min 14]

Reads ../shared/corpus when it is there (and says so when it is not). Prints each run of
Chinese of at least `--min` characters, in tui/ and tests/, that occurs in a corpus document
and not in the bundled speech: text to rewrite as text written for the test.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.corpus_text")
    parser.add_argument("--min", type=int, default=14, help="shortest run of characters to report")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    corpus = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(CORPUS.glob("*.txt")))
    speech = (ROOT / "data" / "zuofeng-speech.txt").read_text(encoding="utf-8")
    run = re.compile(rf"[\u4e00-\u9fff、，]{{{args.min},}}")
    found = 0
    for path in sorted([*ROOT.joinpath("tui").rglob("*.py"), *ROOT.joinpath("tests").rglob("*.py")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for text in run.findall(line):
                if text in corpus and text not in speech:
                    print(f"{path.relative_to(ROOT)}:{number}: {text}")
                    found += 1
    print(f"{found} places", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
