"""tui.core.stored_outlines: a text's outline kept in the store and read back, exactly as parsed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core import stored_outlines
from tui.core.loader import content_hash, load
from tui.core.outline import parse
from tui.core.store import Store
from tui.core.stored_outlines import PARSER_MODULES, outline_data, outline_from_data
from tui.core.workbook import FIRST_FRAME_CHARS, Workbook

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data" / "zuofeng-speech.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
NOTES = """---
title: Notes
tags: [study]
---
# Chapter 1

Some *emphasis* and a [link](https://example.org).

## 1.1 Terms

- first
- second
"""


def texts() -> list[tuple[str, str]]:
    """(name, text) of documents of every kind at hand: the bundled speech, Markdown notes, the corpus."""
    found = [(BUNDLED.name, load(BUNDLED)), ("notes.md", NOTES), ("notes.txt", NOTES)]
    if CORPUS.exists():
        found += [(path.name, load(path)) for path in sorted(CORPUS.glob("*.txt"))]
    return found


@pytest.mark.parametrize(("name", "text"), texts(), ids=[name for name, _ in texts()])
def test_an_outline_read_back_equals_the_parse_field_for_field(name: str, text: str) -> None:
    document = parse(text, name)
    assert outline_from_data(json.loads(json.dumps(outline_data(document), ensure_ascii=False))) == document


def test_the_store_gives_back_the_outline_of_that_text_under_that_name_only(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    text = load(BUNDLED)
    key = content_hash(text)
    document = parse(text, BUNDLED.name)
    assert store.cached_outline(key, BUNDLED.name) is None
    store.cache_outline(key, BUNDLED.name, document)
    kept = store.cached_outline(key, BUNDLED.name)
    assert kept == document and kept is not document
    assert store.cached_outline(key, "speech.md") is None  # a .md name can make the same text Markdown
    assert store.cached_outline(content_hash(text + "\n新的一段。"), BUNDLED.name) is None
    store.close()


def test_an_outline_of_another_parser_or_an_unreadable_one_is_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path)
    key = content_hash(NOTES)
    store.cache_outline(key, "notes.md", parse(NOTES, "notes.md"))
    monkeypatch.setattr(stored_outlines, "parser_version", lambda: "another parser")
    assert store.cached_outline(key, "notes.md") is None
    monkeypatch.undo()
    with store._write() as db:
        db.execute("UPDATE outline_cache SET outline = '{\"title\": 1'")
    assert store.cached_outline(key, "notes.md") is None
    store.close()


def test_the_parser_version_is_its_modules_digest() -> None:
    # Every module the parser imports is in PARSER_MODULES: a change to any makes kept outlines stale.
    script = (
        "import sys; before = set(sys.modules); import tui.core.outline; "
        "print(' '.join(sorted(n[len('tui.core.'):] for n in set(sys.modules) - before if n.startswith('tui.core.'))))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert tuple(run.stdout.split()) == PARSER_MODULES
    version = stored_outlines.parser_version()
    assert len(version) == 16 and version == stored_outlines.parser_version()


def test_a_change_to_any_file_of_the_parser_makes_another_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    folder = tmp_path / "core"
    folder.mkdir()
    for name in (*PARSER_MODULES, "stored_outlines"):
        shutil.copy2(ROOT / "tui" / "core" / f"{name}.py", folder / f"{name}.py")
    monkeypatch.setattr(stored_outlines, "__file__", str(folder / "stored_outlines.py"))
    versions = set()
    for name in ("headings", "stored_outlines"):
        stored_outlines.parser_version.cache_clear()
        versions.add(stored_outlines.parser_version())
        source = folder / f"{name}.py"
        source.write_text(source.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    stored_outlines.parser_version.cache_clear()
    versions.add(stored_outlines.parser_version())
    (folder / "numerals.py").unlink()
    stored_outlines.parser_version.cache_clear()
    assert stored_outlines.parser_version() == ""  # a parser that cannot be looked at keeps nothing
    stored_outlines.parser_version.cache_clear()
    assert len(versions) == 3 and "" not in versions


REOPEN = """
import sys
from pathlib import Path
from tui.core.loader import load
from tui.core.store import Store
from tui.core.workbook import Workbook
path = Path(sys.argv[1])
store = Store.open(Path(sys.argv[2]))
workbook = Workbook(path, load(path), store)
document = workbook.open()
parsed = "tui.core.outline" in sys.modules
workbook.find_phrases()  # as the app does after its first frame: the outline parsed now is kept
store.close()
print("parsed" if parsed else "kept", len(list(document.walk())), document.title)
"""


def test_a_text_opened_again_is_not_parsed_and_an_edited_one_is(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("一、总体要求\n坚持稳中求进工作总基调。\n二、主要任务\n扩大国内需求。\n", encoding="utf-8")

    def opened() -> str:
        run = subprocess.run([sys.executable, "-c", REOPEN, str(path), str(tmp_path / "data")],
                             capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert opened() == "parsed 2 notes"
    assert opened() == "kept 2 notes"
    path.write_text(path.read_text(encoding="utf-8") + "三、保障措施\n加强组织领导。\n", encoding="utf-8")
    assert opened() == "parsed 3 notes"
    assert opened() == "kept 3 notes"


def opened(path: Path, text: str, store: Store) -> Workbook:
    """A workbook opened and its phrases found, as the app does (the outline is kept with the phrases)."""
    path.write_text(text, encoding="utf-8")
    workbook = Workbook(path, text, store)
    workbook.open()
    workbook.find_phrases()
    return workbook


def kept_names(store: Store) -> list[str]:
    return [row[0] for row in store._read("SELECT name FROM outline_cache ORDER BY name")]


def test_the_outline_is_kept_after_the_first_frame_with_the_phrases_not_when_opening(tmp_path: Path) -> None:
    # Opening writes nothing more before the first frame; finding the phrases, in the background, keeps it.
    store = Store.open(tmp_path)
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    workbook = Workbook(path, NOTES, store)
    workbook.open()
    assert kept_names(store) == []
    workbook.find_phrases()
    assert kept_names(store) == ["notes.md"]
    store.close()


def test_only_outlines_of_texts_parsed_before_the_first_frame_are_kept(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    long = "一、总体要求\n" + "坚持稳中求进工作总基调。\n" * (FIRST_FRAME_CHARS // 12 + 1)
    for name, text in (("short.txt", NOTES), ("long.txt", long)):
        opened(tmp_path / name, text, store)
    assert kept_names(store) == ["short.txt"]
    store.close()


def test_outlines_of_texts_no_document_has_any_longer_go(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    path = tmp_path / "notes.md"
    for text in (NOTES, NOTES + "\n## 1.2 More\n", NOTES + "\n## 1.3 Yet more\n"):
        opened(path, text, store)  # the same file, edited: one document, its text now the last
    rows = store._read("SELECT content_hash FROM outline_cache")
    assert rows == [(content_hash(NOTES + "\n## 1.3 Yet more\n"),)]
    store.close()


def test_a_forgotten_document_takes_the_outline_of_its_text_with_it(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    secret = opened(tmp_path / "secret.md", NOTES, store)
    opened(tmp_path / "other.txt", "一、总体要求\n坚持稳中求进工作总基调。\n", store)
    assert kept_names(store) == ["other.txt", "secret.md"]
    store.forget(secret.document_id())
    assert kept_names(store) == ["other.txt"]
    store.close()


def test_the_outline_table_is_beside_the_schema_and_a_file_without_it_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cache is no reason to refuse a file: no schema version of its own, so an older study
    # still opens the file, and a read-only file made before it is still read.
    from tests.core.test_database import _read_only_disk
    from tui.core.database import SCHEMA_VERSION

    store = Store.open(tmp_path)
    assert store.schema_version == SCHEMA_VERSION and kept_names(store) == []
    with store._write() as db:
        db.execute("DROP TABLE outline_cache")
    store.close()
    _read_only_disk(monkeypatch)
    store = Store.open(tmp_path)
    workbook = opened(tmp_path / "notes.md", NOTES, store)
    assert workbook.opened == parse(NOTES, "notes.md")
    store.close()
    monkeypatch.undo()
    store = Store.open(tmp_path)  # writable again: the table is made, the outline kept
    opened(tmp_path / "notes.md", NOTES, store)
    assert kept_names(store) == ["notes.md"]
    store.close()


def test_a_store_that_cannot_keep_the_outline_still_opens_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.database import StoreError

    store = Store.open(tmp_path)

    refused: list[object] = []

    def refuse(*args: object) -> None:
        refused.append(args)
        raise StoreError(kind="busy")

    monkeypatch.setattr(store, "cache_outline", refuse)
    workbook = Workbook(BUNDLED, load(BUNDLED), store)
    document = workbook.open()
    found = workbook.find_phrases()
    assert len(refused) == 1  # asked once, refused: no problem told, the phrases found all the same
    assert workbook.problem is None and found.problem is None and workbook.document_id() is not None
    assert document == parse(load(BUNDLED), BUNDLED.name) and any(found.extracted.values())
    store.close()
