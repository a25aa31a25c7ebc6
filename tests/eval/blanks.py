"""Draw a random sample of a document's blanks, each shown in its clause, for blind judging.

    python -m tests.eval.blanks PATH [--seed N] [--count 30] [--key]

The blanks are those of `study phrases PATH --json`. Each is printed inside its clause
(from the previous 。！？；. up to the next) marked 【like this】, numbered, without its kind:
a judge rates them before seeing how they were found. `--key` prints the kinds afterwards.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.core.loader import LoadError, load
from tui.core.outline import parse
from tui.core.phrases import extract, phrases_json

# A clause ends at these marks; an ASCII full stop only before a space or the end (not 3.6).
_CLAUSE_END = re.compile(r"[。！？；!?;]|\.(?=\s|$)")


@dataclass(frozen=True)
class Blank:
    """One blank drawn for judging: where it is, its clause, its kind."""

    section: str
    text: str
    kind: str
    clause: str


def blanks_of(path: Path) -> list[Blank]:
    """Every blank of the document, in document order, each with its marked clause."""
    doc = parse(load(path), path.name)
    data = phrases_json(doc, extract(doc))
    sections = {s.id: s for s in doc.walk()}
    found: list[Blank] = []
    for entry in data["sections"]:
        section = sections[entry["id"]]
        for p in entry["phrases"]:
            paragraph = section.paragraphs[p["paragraph"]]
            found.append(Blank(entry["id"], p["text"], p["kind"], marked_clause(paragraph, p["start"], p["end"])))
    return found


def marked_clause(paragraph: str, start: int, end: int) -> str:
    """The clause around paragraph[start:end] with the blank marked 【like this】, on one line."""
    before = [m.end() for m in _CLAUSE_END.finditer(paragraph, 0, start)]
    left = before[-1] if before else 0
    after = _CLAUSE_END.search(paragraph, end)
    right = after.end() if after else len(paragraph)
    clause = f"{paragraph[left:start]}【{paragraph[start:end]}】{paragraph[end:right]}"
    return " ".join(clause.split())


def sample(blanks: list[Blank], count: int, seed: int) -> list[Blank]:
    """`count` blanks drawn at random (all of them when there are fewer), in drawing order."""
    return random.Random(seed).sample(blanks, min(count, len(blanks)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.blanks", description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--key", action="store_true", help="print the kind of each blank after the sample")
    args = parser.parse_args(argv)
    try:
        blanks = blanks_of(args.path)
    except LoadError as error:
        print(f"{args.path}: {error}", file=sys.stderr)
        return 1
    drawn = sample(blanks, args.count, args.seed)
    print(f"{args.path.name}: {len(drawn)} of {len(blanks)} blanks, seed {args.seed}")
    for number, blank in enumerate(drawn, 1):
        print(f"{number:>3}. {blank.clause}")
    if args.key:
        print("\nkey:")
        for number, blank in enumerate(drawn, 1):
            print(f"{number:>3}. {blank.kind:<12} {blank.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
