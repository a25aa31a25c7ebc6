"""The key points a careful reader marks in a law with no quotation marks, scored as the gold file says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.model import Document, Phrase
from tui.core.phrases import extract

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
KEYPOINTS = SHARED / "gold" / "pipl.keypoints.json"


def keypoint_found(doc: Document, found: dict[str, list[Phrase]], wanted: str) -> bool:
    """The gold file's rule: one blank at an occurrence of `wanted` either contains it and is at
    most 1.6 times its length plus 2 characters, or lies inside it and covers 60% of it."""
    for section in doc.walk():
        for index, paragraph in enumerate(section.paragraphs):
            at = paragraph.find(wanted)
            while at != -1:
                end = at + len(wanted)
                for p in found[section.id]:
                    if p.paragraph != index or p.end <= at or end <= p.start:
                        continue
                    if p.start <= at and end <= p.end and len(p.text) <= 1.6 * len(wanted) + 2:
                        return True
                    if at <= p.start and p.end <= end and len(p.text) >= 0.6 * len(wanted):
                        return True
                at = paragraph.find(wanted, at + 1)
    return False


def keypoint_score(gold: Path = KEYPOINTS) -> tuple[int, list[str]]:
    """How many of the gold key points are blanks, and the ones that are not."""
    from tui.core.loader import load
    from tui.core.outline import parse

    data = json.loads(gold.read_text(encoding="utf-8"))
    path = (gold.parent / data["document"]).resolve()
    doc = parse(load(path), path.name)
    found = extract(doc)
    missing = [k for k in data["keypoints"] if not keypoint_found(doc, found, k)]
    return len(data["keypoints"]) - len(missing), missing


@pytest.mark.skipif(not KEYPOINTS.exists(), reason="the shared gold files are not next to the project")
def test_key_points_of_the_law_are_blanks() -> None:
    score, missing = keypoint_score()
    assert score >= 16, missing
