"""Anki cloze notes of a document's blanks, one a sentence, with ids that stay the same from one export to the next.

A note's id (its guid) comes from the sentence, not its blanks: the section's key, the
sentence's text and which of the section's sentences with that text it is. Exported
again after more study, or after the key phrases were edited, a sentence keeps its note
and Anki updates it in place instead of adding a copy. The model's id is a constant and
the deck's comes from the document's title, both by hash.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .blanked import Gap, Piece, blanked_sections
from .model import Card, Document
from .sentences import sentence_bounds


def stable_id(name: str) -> int:
    """An id for `name` that never changes, in the range Anki's own ids keep clear of (2**30 to 2**31)."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big")
    return (1 << 30) + digest % (1 << 30)


MODEL_ID = stable_id("study cloze note, model 1")  # the same in every deck ever exported
MODEL_NAME = "study cloze"
TAG_ROOT = "study"

TEMPLATE = '<div class="context">{{Context}}</div>\n{{cloze:Text}}'
CSS = """\
.card { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
  font-size: 22px; text-align: left; line-height: 1.6; color: black; background-color: white; }
.context { font-size: 15px; color: #777; margin-bottom: 0.8em; }
.cloze { font-weight: bold; color: #1a5fb4; }
.nightMode .cloze { color: #8ab4f8; }
"""


@dataclass(frozen=True)
class ClozeNote:
    """One sentence as an Anki note: its id, its text with clozes (HTML), where it is, its tags and cards."""

    guid: str
    text: str
    context: str
    tags: tuple[str, ...]
    keys: tuple[str, ...]  # the card of each cloze, c1 first


def escape(text: str) -> str:
    """Text as a field shows it: HTML escaped, and braces that could open a cloze made entities."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;").replace("\n", "<br>")


def cloze_answer(text: str) -> str:
    """An answer inside {{c1::…}}: a colon could start a hint (::), a brace end the cloze."""
    return escape(text).replace(":", "&#58;")


def tag_part(name: str) -> str:
    """A level of a tag: Anki tags have no spaces and use :: between levels."""
    part = re.sub(r"\s+", "_", name.strip())
    part = re.sub(r":{2,}", ":", part).strip(":")
    return part.replace('"', "")


def deck_name(title: str) -> str:
    """The deck for a document: its title (a :: in it would make a subdeck)."""
    return re.sub(r":{2,}", ":", title).strip() or "study"


def tags_for(path: Sequence[str]) -> tuple[str, ...]:
    """A tag for every level of a section's path: study::二、…, study::二、…::（一）…."""
    parts = [part for part in (tag_part(name) for name in path) if part]
    return tuple("::".join([TAG_ROOT, *parts[: depth + 1]]) for depth in range(len(parts)))


def cloze_notes(
    doc: Document, cards: Sequence[Card], section_id: str | None = None, captions: Mapping[str, str] | None = None
) -> list[ClozeNote]:
    """A note for every sentence with blanks, in reading order, each blank a cloze c1..cn."""
    from genanki import guid_for  # only this command needs it

    keys = doc.section_keys()
    notes: list[ClozeNote] = []
    for section in blanked_sections(doc, cards, section_id, captions):
        seen: Counter[str] = Counter()
        context = escape(" › ".join(section.path))
        tags = tags_for(section.path)
        for paragraph in section.paragraphs:
            for plain, pieces in _sentences(paragraph):
                seen[plain] += 1
                guid = guid_for(keys[section.section.id], plain, str(seen[plain]))
                gaps = [piece for piece in pieces if isinstance(piece, Gap)]
                text = "".join(
                    f"{{{{c{gaps.index(piece) + 1}::{cloze_answer(piece.answer)}}}}}"
                    if isinstance(piece, Gap)
                    else escape(piece)
                    for piece in pieces
                )
                notes.append(ClozeNote(guid, text, context, tags, tuple(gap.card.key for gap in gaps)))
    return notes


def _sentences(paragraph: Sequence[Piece]) -> list[tuple[str, list[Piece]]]:
    """The sentences of a paragraph that hold blanks: each as plain text, and as its pieces."""
    text = ""
    spans: list[tuple[int, int]] = []
    for piece in paragraph:
        start = len(text)
        text += piece.answer if isinstance(piece, Gap) else piece
        if isinstance(piece, Gap):
            spans.append((start, len(text)))
    # A sentence's span; blanks whose sentences overlap (one crossing a full stop) share one.
    merged: list[list[int]] = []
    for start, end in spans:
        left, right = sentence_bounds(text, start, end)
        if merged and left < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    out = []
    for left, right in merged:
        while right > left and text[right - 1].isspace():
            right -= 1
        out.append((text[left:right], _cut(paragraph, left, right)))
    return out


def _cut(paragraph: Sequence[Piece], left: int, right: int) -> list[Piece]:
    """The pieces of a paragraph between two offsets of its text; a blank is whole or left out."""
    pieces: list[Piece] = []
    at = 0
    for piece in paragraph:
        size = len(piece.answer) if isinstance(piece, Gap) else len(piece)
        low, high = max(left, at), min(right, at + size)
        if isinstance(piece, Gap):
            if left <= at and at + size <= right:
                pieces.append(piece)
        elif high > low:
            pieces.append(piece[low - at : high - at])
        at += size
    return pieces


def write_apkg(notes: Sequence[ClozeNote], title: str, path: Path) -> None:
    """Write the notes as an Anki package: one deck named after the document, one cloze model."""
    import genanki  # only this command needs it

    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": "Text"}, {"name": "Context"}],
        templates=[{"name": "Cloze", "qfmt": TEMPLATE, "afmt": TEMPLATE}],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )
    name = deck_name(title)
    deck = genanki.Deck(stable_id(f"study deck: {name}"), name)
    for note in notes:
        deck.add_note(genanki.Note(model=model, fields=[note.text, note.context], tags=list(note.tags), guid=note.guid))
    genanki.Package(deck).write_to_file(str(path))

