"""Tests for tui.core.anki: cloze notes one a sentence, escaped, tagged, with ids that survive study and edits."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

from tui.core.anki import MODEL_ID, cloze_notes, deck_name, escape, stable_id, tag_part, tags_for, write_apkg
from tui.core.outline import parse

from .test_worksheet import CAPTIONS, OUTLINE, OUTLINE_PHRASES, cards_of


def outline_notes(text: str = OUTLINE, phrases: dict[str, list[str]] = OUTLINE_PHRASES):
    doc = parse(text, "提纲.txt")
    return cloze_notes(doc, cards_of(doc, phrases), captions=CAPTIONS)


def read_apkg(path: Path, tmp_path: Path) -> sqlite3.Connection:
    """The collection inside a package, opened with sqlite3."""
    with zipfile.ZipFile(path) as package:
        assert "collection.anki2" in package.namelist()
        package.extract("collection.anki2", tmp_path)
    return sqlite3.connect(tmp_path / "collection.anki2")


class TestClozeNotes:
    def test_a_note_a_sentence_with_its_blanks_as_clozes_in_reading_order(self) -> None:
        notes = outline_notes()
        assert [note.text for note in notes] == [
            "今天我们学习《{{c1::论述摘编}}》，共同研讨。",
            "习近平总书记强调：“{{c1::作风建设永远在路上}}”。",
            "要坚决克服“{{c1::松口气、歇歇脚}}”的麻痹思想。",
            "深刻理解“{{c1::抓作风就是抓发展}}”的辩证关系。",
            "查摆&lt;{{c1::形式主义}}&gt;与“{{c2::官僚主义 &amp; 享乐主义}}”问题，效率提高*{{c3::一倍}}*_以上_。",
        ]
        assert notes[-1].keys == (
            "坚持问题导向 :: 形式主义 #1",
            "坚持问题导向 :: 官僚主义 & 享乐主义 #1",
            "坚持问题导向 :: 一倍 #1",
        )

    def test_the_section_path_is_the_context_and_a_tag_for_every_level(self) -> None:
        notes = outline_notes()
        assert (notes[0].context, notes[0].tags) == ("开篇", ("study::开篇",))
        assert notes[1].context == "一、提高政治站位 › （一）把握核心要义"
        assert notes[1].tags == ("study::一、提高政治站位", "study::一、提高政治站位::（一）把握核心要义")

    def test_tags_have_no_spaces_and_no_stray_levels(self) -> None:
        assert tag_part(" Rules of  the road ") == "Rules_of_the_road"
        assert tag_part("a::b: ") == "a:b"
        assert tags_for(["Part one", "", "C++ :: notes"]) == ("study::Part_one", "study::Part_one::C++_:_notes")
        assert deck_name("A::B") == "A:B"

    def test_html_and_cloze_syntax_in_the_text_cannot_break_a_note(self) -> None:
        text = "# Notes\n\n## Syntax\n\nWrite {{c1::fake}} then key::value}} and <b>bold</b> & more.\n"
        doc = parse(text, "notes.md")
        [note] = cloze_notes(doc, cards_of(doc, {"1": ["key::value}}"]}))
        assert note.text == (
            "Write &#123;&#123;c1::fake&#125;&#125; then {{c1::key&#58;&#58;value&#125;&#125;}}"
            " and &lt;b&gt;bold&lt;/b&gt; &amp; more."
        )
        assert note.text.count("{{") == 1 and note.text.count("}}") == 1
        assert escape("a\nb") == "a<br>b"


class TestStableIds:
    def test_the_same_document_gives_the_same_ids(self) -> None:
        assert [note.guid for note in outline_notes()] == [note.guid for note in outline_notes()]
        assert len({note.guid for note in outline_notes()}) == 5

    def test_a_sentence_keeps_its_id_when_its_blanks_change(self) -> None:
        before = {note.text: note.guid for note in outline_notes()}
        fewer = dict(OUTLINE_PHRASES, **{"3": ["一倍"]})
        after = outline_notes(phrases=fewer)
        assert after[-1].text == "查摆&lt;形式主义&gt;与“官僚主义 &amp; 享乐主义”问题，效率提高*{{c1::一倍}}*_以上_。"
        assert after[-1].guid == list(before.values())[-1]

    def test_a_sentence_keeps_its_id_when_text_is_added_before_it(self) -> None:
        guids = [note.guid for note in outline_notes()]
        longer = OUTLINE.replace("（一）把握核心要义\n", "（一）把握核心要义\n新加的一段话。\n")
        assert [note.guid for note in outline_notes(longer)] == guids

    def test_the_model_id_is_a_constant_and_the_deck_id_comes_from_the_title(self) -> None:
        # Pinned: a model id that moved would make Anki take every note for a new one.
        assert MODEL_ID == stable_id("study cloze note, model 1") == 1658887058
        assert 1 << 30 <= stable_id("x") < 1 << 31
        assert stable_id("study deck: a") != stable_id("study deck: b")


class TestPackage:
    def test_the_package_holds_the_notes_in_a_deck_named_after_the_document(self, tmp_path: Path) -> None:
        notes = outline_notes()
        path = tmp_path / "out.apkg"
        write_apkg(notes, "作风建设学习提纲", path)
        db = read_apkg(path, tmp_path)
        rows = db.execute("select guid, mid, flds, tags from notes order by id").fetchall()
        assert len(rows) == 5
        assert {row[1] for row in rows} == {MODEL_ID}
        fields = [row[2].split("\x1f") for row in rows]
        assert fields[4] == [notes[4].text, "二、坚持问题导向"]
        assert rows[1][3].split() == ["study::一、提高政治站位", "study::一、提高政治站位::（一）把握核心要义"]
        # A card per cloze: c1..cn become ords 0..n-1.
        assert db.execute("select count(*) from cards").fetchone() == (7,)
        ords = db.execute("select ord from cards join notes on cards.nid = notes.id where notes.guid = ?", (rows[4][0],))
        assert sorted(o for (o,) in ords) == [0, 1, 2]
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
        assert "作风建设学习提纲" in [deck["name"] for deck in decks.values()]
        models = json.loads(db.execute("select models from col").fetchone()[0])
        assert models[str(MODEL_ID)]["type"] == 1  # cloze
        assert [field["name"] for field in models[str(MODEL_ID)]["flds"]] == ["Text", "Context"]

    def test_writing_twice_gives_the_same_guids(self, tmp_path: Path) -> None:
        guids = []
        for name in ("one", "two"):
            (tmp_path / name).mkdir()
            write_apkg(outline_notes(), "作风建设学习提纲", tmp_path / name / "out.apkg")
            db = read_apkg(tmp_path / name / "out.apkg", tmp_path / name)
            guids.append([guid for (guid,) in db.execute("select guid from notes order by id")])
        assert guids[0] == guids[1] == [note.guid for note in outline_notes()]
