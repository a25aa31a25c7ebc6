"""tui.core.documents: which stored document a file is, and progress carried through copies, moves and edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.core.test_store import grade, raw
from tui.core.identity import SectionPlace, card_places, layout
from tui.core.loader import content_hash, load
from tui.core.model import PhraseEdit
from tui.core.outline import parse
from tui.core.phrases import extract
from tui.core.quiz import card_key, cards_for
from tui.core.store import Store

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "data") as opened:
        yield opened


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def opened(store: Store, path: Path):
    text = load(path)
    return store.open_document(path, content_hash(text), "讲话", text=text)


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    return write(tmp_path / "speech.txt", BUNDLED.read_text("utf-8"))


class TestWhichDocument:
    def test_new_then_the_same(self, store: Store, speech: Path) -> None:
        first = opened(store, speech)
        assert first.changed and first.copied_from is None
        store.match_sections(first.id, layout(parse(load(speech), "speech.txt")))
        again = opened(store, speech)
        assert (again.id, again.changed) == (first.id, False)

    def test_edited_in_place(self, store: Store, speech: Path) -> None:
        first = opened(store, speech).id
        write(speech, load(speech) + "补充。\n")
        assert (opened(store, speech).id, opened(store, speech).changed) == (first, True)

    def test_renamed(self, store: Store, speech: Path) -> None:
        first = opened(store, speech).id
        renamed = speech.rename(speech.with_name("renamed.txt"))
        assert opened(store, renamed).id == first
        assert store.find_document(renamed, "no such hash") == first  # the record followed the file

    def test_a_copy_is_a_document_of_its_own_that_starts_with_the_originals_progress(self, store: Store, speech: Path) -> None:
        original = opened(store, speech).id
        grade(store, original, "一 :: 零容忍 #1")
        store.set_position(original, "2.1", 3.0)
        store.add_phrase_edit(original, PhraseEdit("一", "add", "两个确立"))
        copy = opened(store, Path(shutil.copy(speech, speech.with_name("copy.txt"))))
        assert copy.id != original and copy.copied_from == original
        assert [r.card_key for r in store.reviews(copy.id)] == ["一 :: 零容忍 #1"]
        assert set(store.cards(copy.id)) == {"一 :: 零容忍 #1"}
        assert store.position(copy.id).section_id == "2.1"
        assert [edit.text for edit in store.phrase_edits(copy.id)] == ["两个确立"]
        grade(store, copy.id, "一 :: 零容忍 #1")  # the copy's answers are its own
        assert len(store.reviews(original)) == 1 and len(store.reviews(copy.id)) == 2
        assert opened(store, speech).id == original  # and the original is still where it was

    def test_the_same_text_in_another_format_is_the_same_document(self, store: Store, speech: Path) -> None:
        # A .docx and its .txt export read as the same text: one document, whichever is opened.
        original = opened(store, speech).id
        grade(store, original, "一 :: 零容忍 #1")
        export = opened(store, Path(shutil.copy(speech, speech.with_name("speech.docx"))))
        assert export.id == original and export.copied_from is None
        assert opened(store, speech).id == original  # and back again
        assert [r.card_key for r in store.reviews(original)] == ["一 :: 零容忍 #1"]

    def test_moved_and_edited(self, store: Store, speech: Path, tmp_path: Path) -> None:
        first = opened(store, speech).id
        moved = write(tmp_path / "elsewhere" / "moved.txt", load(speech).replace("，", ",") + "补充。\n")
        speech.unlink()
        record = opened(store, moved)
        assert (record.id, record.changed, record.copied_from) == (first, True, None)

    def test_copied_and_edited(self, store: Store, speech: Path) -> None:
        first = opened(store, speech).id
        grade(store, first, "一 :: 零容忍 #1")
        copy = opened(store, write(speech.with_name("copy.txt"), load(speech) + "补充。\n"))
        assert copy.id != first and copy.copied_from == first and len(store.reviews(copy.id)) == 1

    def test_a_different_text_is_a_new_document(self, store: Store, speech: Path, tmp_path: Path) -> None:
        first = opened(store, speech).id
        other = write(tmp_path / "other.txt", "。".join(f"另一篇文章的第{n}句话各不相同" for n in range(100)))
        assert opened(store, other).id != first

    def test_without_the_text_the_file_is_read_for_its_fingerprint(self, store: Store, speech: Path, tmp_path: Path) -> None:
        first = store.document(speech, content_hash(load(speech)), "讲话")
        moved = write(tmp_path / "moved.txt", load(speech) + "补充。\n")
        speech.unlink()
        assert store.document(moved, content_hash(load(moved)), "讲话") == first


class TestProgressFollowsSections:
    def test_a_heading_fixed_carries_cards_reviews_and_edits(self, store: Store, speech: Path) -> None:
        text = load(speech)
        doc = parse(text, "speech.txt")
        document_id = opened(store, speech).id
        store.match_sections(document_id, layout(doc))
        cards = cards_for(doc, extract(doc))
        keys = doc.section_keys()
        for card in cards:
            grade(store, document_id, card.key, section=keys[card.section_id])
        old_section = "提高政治站位,深化思想认识"
        store.add_phrase_edit(document_id, PhraseEdit(f"{old_section} / 把握核心要义,校准政治方向", "remove", "零容忍"))
        edited = write(speech, text.replace("一、提高政治站位,深化思想认识", "一、提高政治站位，深化思想认识"))
        record = opened(store, edited)
        doc = parse(load(edited), "speech.txt")
        renamed = store.match_sections(record.id, layout(doc))
        assert renamed[old_section] == "提高政治站位，深化思想认识"
        current = {card.key for card in cards_for(doc, extract(doc))}
        assert current <= set(store.cards(document_id))  # every card still has its history
        assert {review.card_key for review in store.reviews(document_id)} == current
        assert store.phrase_edits(document_id)[0].section_key.startswith("提高政治站位，深化思想认识 / ")

    def test_rewritten_headings_found_by_their_places(self, store: Store) -> None:
        old = [SectionPlace("甲", None, "甲"), SectionPlace("乙", None, "乙")]
        store_id = store.document("/nowhere/a.txt", "h", "A")
        store.match_sections(store_id, old)
        grade(store, store_id, card_key("甲", "零容忍", 1), section="甲")
        grade(store, store_id, card_key("乙", "两个确立", 1), section="乙", rating=1)
        assert store.match_sections(store_id, list(reversed(old))) == {}  # the same headings: nothing moves
        new = [SectionPlace("甲一", None, "甲一"), SectionPlace("甲二", None, "甲二")]  # both rewritten: by place
        assert store.match_sections(store_id, new) == {"乙": "甲一", "甲": "甲二"}  # in the order last seen
        assert set(store.cards(store_id)) == {card_key("甲二", "零容忍", 1), card_key("甲一", "两个确立", 1)}
        assert {r.card_key: r.section_key for r in store.reviews(store_id)} == {
            card_key("甲二", "零容忍", 1): "甲二", card_key("甲一", "两个确立", 1): "甲一"
        }

    def test_a_database_from_before_layouts(self, store: Store, tmp_path: Path) -> None:
        document_id = store.document("/nowhere/a.txt", "h", "A")
        grade(store, document_id, card_key("一、总体 / （一）要求", "零容忍", 1), section="一、总体 / （一）要求")
        with raw(tmp_path / "data") as db:
            assert db.execute("SELECT layout FROM documents").fetchone() == ("",)
        new = [SectionPlace("一、总体", None, "一、总体"), SectionPlace("一、总体 / （一）要求。", "一、总体", "（一）要求。")]
        store.match_sections(document_id, new)
        assert set(store.cards(document_id)) == {card_key("一、总体 / （一）要求。", "零容忍", 1)}


class TestOrphans:
    def test_cards_no_longer_made_are_kept_and_listed(self, store: Store) -> None:
        document_id = store.document("/nowhere/a.txt", "h", "A")
        grade(store, document_id, card_key("一", "零容忍", 1), section="一")
        grade(store, document_id, card_key("一", "零容忍", 1), section="一")
        grade(store, document_id, card_key("一", "两个确立", 1), section="一")
        store.add_phrase_edit(document_id, PhraseEdit("一", "remove", "两个确立"))  # switched off: not an orphan
        [orphan] = store.orphans(document_id, [card_key("一", "作风建设", 1)])
        assert (orphan.key, orphan.section_key, orphan.phrase, orphan.reviews) == (card_key("一", "零容忍", 1), "一", "零容忍", 2)
        assert store.orphans(document_id, [card_key("一", "零容忍", 1)]) == []
        assert len(store.reviews(document_id)) == 3  # nothing was deleted

    def test_match_cards_places_a_renumbered_occurrence(self, store: Store, speech: Path) -> None:
        doc = parse(load(speech), "speech.txt")
        document_id = opened(store, speech).id
        places = card_places(doc, cards_for(doc, extract(doc)))
        first = places[0]
        renumbered = card_key(first.section_key, first.phrase, first.occurrence + 1)
        grade(store, document_id, renumbered, section=first.section_key)
        assert store.match_cards(document_id, places) == 1
        assert set(store.cards(document_id)) == {first.key}
        assert store.orphans(document_id, [place.key for place in places]) == []


def test_cards_that_swap_keys_swap_their_reviews(store: Store) -> None:
    from tui.core.documents import _move_cards

    document_id = store.document("/nowhere/a.txt", "h", "A")
    grade(store, document_id, "甲 :: 一 #1", section="甲", rating=1)
    grade(store, document_id, "乙 :: 二 #1", section="乙", rating=4)
    with store._write() as db:
        _move_cards(db, document_id, {"甲 :: 一 #1": ("乙 :: 二 #1", "乙"), "乙 :: 二 #1": ("甲 :: 一 #1", "甲")})
    assert {r.card_key: r.rating for r in store.reviews(document_id)} == {"乙 :: 二 #1": 1, "甲 :: 一 #1": 4}
    assert {key: card.section_key for key, card in store.cards(document_id).items()} == {"乙 :: 二 #1": "乙", "甲 :: 一 #1": "甲"}


def test_a_document_looked_at_without_studying_it_keeps_its_last_opening(store: Store, speech: Path) -> None:
    from datetime import datetime, timezone

    text = load(speech)
    monday, friday = datetime(2026, 3, 2, tzinfo=timezone.utc), datetime(2026, 3, 6, tzinfo=timezone.utc)
    store.open_document(speech, content_hash(text), "讲话", text=text, now=monday)
    # An export or a plan made on Friday is no opening: the library still says Monday.
    store.open_document(speech, content_hash(text), "讲话", text=text, now=friday, visit=False)
    assert [entry.opened_at for entry in store.library()] == [monday]
    # A document never opened to study, only exported, stays never opened.
    other = write(speech.parent / "notes.txt", "一、学习\n\n坚持“两个确立”。\n")
    store.open_document(other, content_hash(load(other)), "笔记", text=load(other), now=friday, visit=False)
    assert {entry.title: entry.opened_at for entry in store.library()} == {"讲话": monday, "笔记": None}
    # Near miss: opened to study, it is Friday's.
    store.open_document(speech, content_hash(text), "讲话", text=text, now=friday)
    assert store.library()[0].opened_at == friday
