"""Key phrases worth quizzing: rules over a document's own text, then the user's edits."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tui.core.choose import choose
from tui.core.database import StoreError
from tui.core.emphasis import code_paragraphs, emphasis_candidates
from tui.core.figures import figure_spans
from tui.core.items import enumeration_candidates
from tui.core.lists import list_candidates
from tui.core.model import Document, Phrase, PhraseEdit, Section
from tui.core.names import display_heading
from tui.core.paragraph import Paragraph, pieces
from tui.core.phrase_context import Context, marked_term_candidates
from tui.core.phrase_rules import SCORES, Candidate, formulation_candidates, quote_candidates
from tui.core.term_scores import REPEAT, term_candidates
from tui.core.terms import chinese_terms
from tui.core.terms_en import english_lists

if TYPE_CHECKING:
    from tui.core.store import Store

# Bump whenever a rule changes: cached results are keyed by it.
EXTRACTOR_VERSION = "34"

CHARS_PER_BLANK = 20  # on average at most one blank per this many characters of a section
# A blank earns its place by its own score: a section with nothing worth recalling has none,
# rather than filler (个人权益, 采取措施) to make up a count.
CHARS_PER_TERM = 40  # terms fill at most one blank per this many characters (two in any section)
PART = 50_000  # characters of a section handled at once
SHORT_SECTION = 10  # characters of a section too short for any blank


# ---------------------------------------------------------------------------
# Public API


def extract(doc: Document) -> dict[str, list[Phrase]]:
    """The key phrases of every section, by section id, ordered by (paragraph, start)."""
    # The rules make millions of small tuples and no reference cycles: the cycle collector,
    # run over and over as they pile up, would cost about a fifth of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        sections = list(doc.walk())
        paragraphs = [_pieces_of(s.paragraphs) for s in sections]
        context = Context(paragraphs, [s.heading for s in sections])
        found: dict[str, list[Phrase]] = {}
        for i, section in enumerate(sections):
            found[section.id] = _extract_section(paragraphs[i], context, i)
            for paragraph in paragraphs[i]:
                paragraph.release()  # done with: its words make room for the next section's
        return found
    finally:
        if collecting:
            gc.enable()


def extract_paragraph(text: str) -> list[Phrase]:
    """The key phrases of one paragraph taken on its own (paragraph index 0)."""
    paragraphs = _pieces_of([text])
    return _extract_section(paragraphs, Context([paragraphs]), 0)


def find_occurrence(section: Section, text: str, phrases: Iterable[Phrase] = ()) -> tuple[int, int] | None:
    """Where `text` first occurs in the section's own paragraphs, or None.

    An occurrence that overlaps none of `phrases` is preferred over an earlier one that does.
    """
    if not text or not text.strip():
        return None
    taken = list(phrases)
    first: tuple[int, int] | None = None
    for index, paragraph in enumerate(section.paragraphs):
        start = paragraph.find(text)
        while start != -1:
            if first is None:
                first = (index, start)
            end = start + len(text)
            if not any(p.paragraph == index and p.start < end and start < p.end for p in taken):
                return index, start
            start = paragraph.find(text, start + 1)
    return first


def as_written(section: Section, text: str) -> str | None:
    """`text` as the section writes it, when it is there but for width and case (a full-width ，
    for the text's , as a Chinese input method types it; Ａ or a for A): what is saved for a
    phrase the user typed as they read it. None when it is not in the section's text."""
    if find_occurrence(section, text) is not None:
        return text
    wanted = _folded(text)
    for paragraph in section.paragraphs:
        at = _folded(paragraph).find(wanted)
        if at != -1 and wanted.strip():
            return paragraph[at : at + len(text)]
    return None


def _folded(text: str) -> str:
    """`text` character for character in NFKC and lower case: positions stay those of `text`."""
    import unicodedata

    folded = []
    for char in text:
        plain = unicodedata.normalize("NFKC", char).casefold()
        folded.append(plain if len(plain) == 1 else char)
    return "".join(folded)


def apply_edits(
    doc: Document, phrases: Mapping[str, list[Phrase]], edits: Iterable[PhraseEdit]
) -> dict[str, list[Phrase]]:
    """The phrases with the user's edits applied in order; `phrases` is left untouched.

    An edit for a section that no longer exists, or adding text that no longer occurs, is
    skipped: the file changed since the edit was made.
    """
    result = {section_id: list(found) for section_id, found in phrases.items()}
    by_key: dict[str, list[Section]] = {}
    keys = doc.section_keys()
    for section in doc.walk():
        by_key.setdefault(keys[section.id], []).append(section)
        result.setdefault(section.id, [])
    for edit in edits:
        for section in by_key.get(edit.section_key, []):
            current = result[section.id]
            if edit.action == "remove":
                result[section.id] = [p for p in current if p.text != edit.text]
                continue
            where = _edit_position(section, edit, current)
            if where is None:
                continue
            index, start = where
            end = start + len(edit.text)
            kept = [p for p in current if not (p.paragraph == index and p.start < end and start < p.end)]
            kept.append(Phrase(index, start, end, edit.text, "user"))
            result[section.id] = sorted(kept, key=lambda p: (p.paragraph, p.start))
            break  # sections sharing a key: the edit belongs to the first that holds the text
    return result


def phrases_json(doc: Document, phrases: Mapping[str, list[Phrase]]) -> dict[str, Any]:
    """The machine form of `study phrases --json`: every section in document order."""
    return {
        "sections": [
            {
                "id": section.id,
                "kind": section.kind,
                "heading": section.heading,
                "phrases": [
                    {"text": p.text, "paragraph": p.paragraph, "start": p.start, "end": p.end, "kind": p.kind}
                    for p in phrases.get(section.id, [])
                ],
            }
            for section in doc.walk()
        ]
    }


def format_phrases(
    doc: Document, phrases: Mapping[str, list[Phrase]], captions: Mapping[str, str] | None = None
) -> str:
    """The human form of `study phrases`: each section's name, then its phrases.

    `captions` names the sections without a heading, by kind (`preamble`, `closing`).
    """
    lines: list[str] = []
    for section in doc.walk():
        indent = "  " * max(section.level - 1, 0)
        lines.append(f"{indent}{display_heading(section, captions, preview=False)}")
        for p in phrases.get(section.id, []):
            lines.append(f"{indent}  · {p.text}  [{p.kind}]")
    return "\n".join(lines)


def phrases_for(
    doc: Document, content_hash: str, store: Store | None = None, document_id: int | None = None
) -> tuple[dict[str, list[Phrase]], dict[str, list[Phrase]]]:
    """The document's phrases as extracted, and with the user's saved edits applied.

    Extraction is a pure function of the text and `EXTRACTOR_VERSION`, so the store keeps
    its results by content hash. The cache is only a cache: when the store cannot read or
    write it, extraction goes on without it. The edits are the user's own: a store error
    reading them is raised.
    """
    found = None
    if store is not None:
        try:
            found = store.cached_phrases(content_hash, EXTRACTOR_VERSION)
        except StoreError:
            found = None
    if found is None:
        found = extract(doc)
        if store is not None:
            try:
                store.cache_phrases(content_hash, EXTRACTOR_VERSION, found)
            except StoreError:
                pass
    edited = found
    if store is not None and document_id is not None:
        edits = store.phrase_edits(document_id)
        if edits:
            edited = apply_edits(doc, found, edits)
    return found, edited


# ---------------------------------------------------------------------------
# Choosing the blanks


def _pieces_of(texts: list[str]) -> list[Paragraph]:
    """A section's paragraphs, a long one cut in pieces the segmenter takes one at a time.

    A code block keeps its length but none of its text: nothing in it is ever a blank.
    """
    code = code_paragraphs(texts)
    return [
        Paragraph(" " * len(piece) if index in code else piece, index, offset)
        for index, text in enumerate(texts)
        for offset, piece in pieces(text)
    ]


def _extract_section(paragraphs: list[Paragraph], context: Context, section: int) -> list[Phrase]:
    length = sum(len(p.text) for p in paragraphs) + max(len({p.index for p in paragraphs}) - 1, 0)
    if length <= PART:
        return _extract_part(paragraphs, context, section, length, context.matches[section])
    # A huge section is done a part at a time, each part's words forgotten once it is done,
    # so that memory stays bounded whatever the section's size.
    phrases: list[Phrase] = []
    start = 0
    while start < len(paragraphs):
        end, size = start, 0
        while end < len(paragraphs) and (end == start or size + len(paragraphs[end].text) <= PART):
            size += len(paragraphs[end].text)
            end += 1
        matches = [(i - start, s, e, t) for i, s, e, t in context.matches[section] if start <= i < end]
        phrases += _extract_part(paragraphs[start:end], context, section, size, matches)
        for paragraph in paragraphs[start:end]:
            paragraph.release()
        start = end
    return sorted(phrases, key=lambda p: (p.paragraph, p.start))


def _extract_part(
    paragraphs: list[Paragraph],
    context: Context,
    section: int,
    length: int,
    matches: list[tuple[int, int, int, str]],
) -> list[Phrase]:
    room = length // CHARS_PER_BLANK
    # A short section (本法自2026年5月1日起施行。) still has room for one of the author's marks
    # or a figure, never for a term or a list made up to fill it.
    short = room == 0
    floor = SCORES["figure"] if short else 0.0
    if short and length < SHORT_SECTION:
        return []
    room = max(room, 1)
    candidates: list[Candidate] = []
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.text.strip():
            continue
        candidates += emphasis_candidates(index, paragraph)
        candidates += quote_candidates(index, paragraph)
        candidates += formulation_candidates(index, paragraph)
        candidates += [Candidate(SCORES["figure"], index, s, e, "figure") for s, e in figure_spans(paragraph)]
        candidates += list_candidates(index, paragraph)
        candidates += [Candidate(SCORES["list"], index, s, e, "list") for s, e in english_lists(paragraph)]
    candidates += marked_term_candidates(paragraphs, context, matches)
    candidates += enumeration_candidates(paragraphs)
    candidates += term_candidates(paragraphs, context.terms, section, max(2, length // CHARS_PER_TERM))
    cut = [c for c in candidates if _cut_from_compound(c, paragraphs, context)]
    if cut:
        groups = {c.group for c in cut if c.group is not None}  # a long list goes whole or not at all
        gone = {id(c) for c in cut}
        candidates = [c for c in candidates if id(c) not in gone and (c.group is None or c.group not in groups)]
    lists = _list_spans(candidates)  # before repeated lists go: no word inside one is a blank either
    candidates = [
        c for c in candidates if not _repeated(c, paragraphs, context) and not _given_away(c, paragraphs, context)
    ]
    candidates = [c for c in candidates if c.kind != "zone" and (c.kind != "term" or not _inside_list(c, lists))]
    if short:  # no term or list, whatever its score
        candidates = [c for c in candidates if c.kind not in ("term", "list")]
    chosen = choose(paragraphs, [c for c in candidates if c.score >= floor], room)
    for c in chosen:
        if c.kind in ("term", "list", "quote", "formulation") and c.group is None:
            text = paragraphs[c.paragraph].text[c.start : c.end]
            context.terms.blanked[text] = context.terms.blanked.get(text, 0) + 1
    phrases = []
    for c in chosen:
        piece = paragraphs[c.paragraph]
        start, end = piece.offset + c.start, piece.offset + c.end
        phrases.append(Phrase(piece.index, start, end, piece.text[c.start : c.end], c.kind))
    return sorted(phrases, key=lambda p: (p.paragraph, p.start))


def _list_spans(candidates: list[Candidate]) -> dict[int, list[tuple[int, int]]]:
    """Where the lists are, per piece: the whole stretch of each, items and all."""
    spans: dict[int, list[tuple[int, int]]] = {}
    groups: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        if c.kind in ("list", "zone"):
            if c.group is None:
                spans.setdefault(c.paragraph, []).append((c.start, c.end))
            else:
                groups.setdefault(c.group, []).append(c)
    for members in groups.values():
        spans.setdefault(members[0].paragraph, []).append((members[0].start, members[-1].end))
    return spans


def _cut_from_compound(c: Candidate, paragraphs: list[Paragraph], context: Context) -> bool:
    """A list whose edge falls inside a compound the document uses more than once
    (图书|种类、归还期限, 基本|医疗保险、失业保险): one of its items is cut in half."""
    if c.kind != "list" or "、" not in paragraphs[c.paragraph].text[c.start : c.end]:
        return False
    counts = context.terms.count
    return any(
        (t.start < c.start < t.end or t.start < c.end < t.end) and counts.get(t.text, 0) >= 2
        for t in chinese_terms(paragraphs[c.paragraph])
    )


def _inside_list(c: Candidate, lists: dict[int, list[tuple[int, int]]]) -> bool:
    """A word or phrase inside a list would be one item cut out alone (大局意识)."""
    return any(s < c.end and c.start < e for s, e in lists.get(c.paragraph, ()))


def _repeated(c: Candidate, paragraphs: list[Paragraph], context: Context) -> bool:
    """A whole list already blanked in `REPEAT` sections, or met all through the document,
    is boilerplate (法律、行政法规); a quote or formulation blanked in `REPEAT` sections is
    known by then (“十四五”, 新发展格局 a third time)."""
    if c.kind not in ("list", "quote", "formulation") or c.group is not None:
        return False
    text = paragraphs[c.paragraph].text[c.start : c.end]
    if c.kind != "list":
        return context.terms.blanked.get(text, 0) >= REPEAT
    return context.terms.blanked.get(text, 0) >= REPEAT or context.terms.boilerplate(text)


def _given_away(c: Candidate, paragraphs: list[Paragraph], context: Context) -> bool:
    """A blank its own sentence gives away: the same words again in it (within twenty-one
    days … twenty-one days), or an English quote: one word quoted for what it is (The Word
    "Thirty"), or a name of what the document is about (the Office of "President of the United States")."""
    if c.group is None and _said_again(paragraphs[c.paragraph].text, c.start, c.end):
        return True
    if c.kind not in ("quote", "part"):
        return False
    text = paragraphs[c.paragraph].text[c.start : c.end]
    if not text.isascii() or not text[:1].isalpha():
        return False
    words = text.split()
    return len(words) == 1 or (" of " in text and context.terms.common_name(words[-1]))


_SENTENCE_END = re.compile(r"[。！？；!?;]|\.(?=\s|$)")


def _said_again(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands again, outside itself, in the sentence that holds it."""
    phrase = text[start:end].casefold()
    if len(phrase) < 2:
        return False
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    right = after.start() if after else len(text)
    sentence = text[left:right].casefold()
    at = sentence.find(phrase)
    while at != -1:
        if left + at != start:
            return True
        at = sentence.find(phrase, at + 1)
    return False


def _edit_position(section: Section, edit: PhraseEdit, current: list[Phrase]) -> tuple[int, int] | None:
    if not edit.text:
        return None
    if edit.paragraph is not None and edit.start is not None:
        if 0 <= edit.paragraph < len(section.paragraphs):
            paragraph = section.paragraphs[edit.paragraph]
            if paragraph[edit.start : edit.start + len(edit.text)] == edit.text and edit.start >= 0:
                return edit.paragraph, edit.start
    return find_occurrence(section, edit.text, current)
