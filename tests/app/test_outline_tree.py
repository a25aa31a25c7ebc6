"""Tests for tui.widgets.outline_tree: the sections as a tree, cropping, marks, matches and quiet moves."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region

from tui.core.model import Document, Section
from tui.widgets.outline_tree import OutlineTree, Progress, crop

from .conftest import Recorder

CAPTIONS = {"preamble": "开篇", "closing": "结语"}
LONG_HEADING = "坚持以人民为中心的发展思想，推动经济社会高质量发展取得新成效"


def make_document() -> Document:
    return Document(
        title="讲话",
        title_from="text",
        sections=[
            Section("p", "preamble", 1, "", "", ["同志们："]),
            Section(
                "1",
                "heading",
                1,
                "一、",
                LONG_HEADING,
                children=[
                    Section(
                        "1.1",
                        "heading",
                        2,
                        "（一）",
                        "把握核心要义",
                        ["正文。"],
                        children=[Section("1.1.1", "heading", 3, "1.", "Scope of the rules", ["Text."])],
                    ),
                    Section("1.2", "heading", 2, "（二）", "对标发展需求", ["正文。"]),
                ],
            ),
            Section(
                "2",
                "heading",
                1,
                "二、",
                "建立长效机制",
                ["正文。"],
                children=[Section("2.1", "heading", 2, "（一）", "总结经验教训", ["正文。"])],
            ),
            Section("c", "closing", 1, "", "", ["谢谢大家！"]),
        ],
    )


class OutlineApp(App[None]):
    def __init__(self, width: int = 30) -> None:
        super().__init__()
        self.width = width

    def compose(self) -> ComposeResult:
        tree = OutlineTree(id="outline")
        tree.styles.width = self.width
        yield tree

    def on_mount(self) -> None:
        self.query_one(OutlineTree).load(make_document(), CAPTIONS)


def rows(tree: OutlineTree) -> list[str]:
    """The outline's visible lines as plain text."""
    strips = tree.render_lines(Region(0, 0, tree.size.width, tree.size.height))
    return [strip.text.rstrip() for strip in strips if strip.text.strip()]


# ---------------------------------------------------------------- pure helpers


def test_crop_keeps_short_names_and_ends_cut_ones_with_an_ellipsis():
    assert crop("二、建立长效机制", 16) == "二、建立长效机制"
    assert crop("二、建立长效机制", 15) == "二、建立长效机…"
    assert crop("二、建立长效机制", 14) == "二、建立长效…"  # 机 would straddle the edge: no padding space
    assert crop("Scope of the rules", 10) == "Scope of…"


@pytest.mark.parametrize("width", range(3, 40))
def test_crop_never_overflows_and_never_pads_before_the_ellipsis(width):
    for name in [LONG_HEADING, "（一）把握核心要义,校准政治方向", "Mixed 中文 and English words"]:
        cropped = crop(name, width)
        assert cell_len(cropped) <= width
        if cropped != name:
            kept = cropped[:-1]
            assert cropped.endswith("…") and name.startswith(kept)
            assert not kept.endswith(" ")
            # Nothing more would fit: the next character is a space or overflows.
            assert name[len(kept)] == " " or cell_len(name[: len(kept) + 1]) + 1 > width


async def test_a_node_shows_its_mastery_mark_and_a_blank_when_it_has_no_cards():
    app = OutlineApp()
    async with app.run_test(size=(60, 20)) as pilot:
        tree = app.query_one(OutlineTree)
        tree.set_progress({"1": Progress(0.0), "1.1": Progress(0.1, due=3), "1.2": Progress(0.5), "2": Progress(1.0)})
        await pilot.pause()
        def label(section_id: str) -> str:
            return tree.render_label(tree._section_nodes[section_id], Style(), Style()).plain
        assert label("1").endswith("○") and label("1.1").endswith("◔ 3")
        assert label("1.2").endswith("◑") and label("2").endswith("●")
        assert label("p").endswith(" ")  # no cards: no mark


# ---------------------------------------------------------------- the tree


async def test_sections_in_reading_order_expanded_to_level_two():
    app = OutlineApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        assert tree.section_ids == ["p", "1", "1.1", "1.1.1", "1.2", "2", "2.1", "c"]
        nodes = tree._section_nodes
        assert nodes["1"].is_expanded
        assert not nodes["1.1"].is_expanded  # level 2 shows, its level-3 child is folded away
        lines = rows(tree)
        assert lines[0].startswith("开篇")
        assert lines[-1].startswith("结语")
        assert not any("Scope" in line for line in lines)
        assert any("（一）把握核心要义" in line for line in lines)


async def test_long_headings_are_cropped_to_the_pane_and_marks_line_up():
    app = OutlineApp(width=30)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree.set_progress({sid: Progress(mastery=0.5, due=3) for sid in tree.section_ids})
        await pilot.pause()
        lines = rows(tree)
        assert len(lines) == 7
        assert all(cell_len(line) <= tree.size.width for line in lines)
        heading = next(line for line in lines if "坚持" in line)
        assert "…" in heading and "… " in heading  # cut, and the mark kept apart from it
        # Every row ends with its mark and due count, in the same column.
        assert all(line.endswith("◑ 3") for line in lines)
        assert len({cell_len(line) for line in lines}) == 1


async def test_no_cards_no_mark_and_no_due_count():
    app = OutlineApp(width=30)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree.set_progress({"2": Progress(mastery=1.0, due=0)})
        await pilot.pause()
        lines = rows(tree)
        assert next(line for line in lines if "二、" in line).endswith("●")
        assert next(line for line in lines if "结语" in line) == "结语"


@pytest.mark.parametrize("width", [8, 12, 17, 24, 33])
async def test_any_width_keeps_rows_inside_the_pane(width):
    app = OutlineApp(width=width)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree.set_progress({sid: Progress(mastery=0.0, due=12) for sid in tree.section_ids})
        await pilot.pause()
        for strip in tree.render_lines(Region(0, 0, tree.size.width, tree.size.height)):
            assert strip.cell_length <= tree.size.width


async def test_matches_are_marked_in_bold_underline():
    app = OutlineApp(width=30)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree.set_matches({"2"})
        await pilot.pause()
        strips = tree.render_lines(Region(0, 0, tree.size.width, tree.size.height))

        def marked(strip) -> str:
            return "".join(s.text for s in strip if s.style and s.style.underline and s.style.bold)

        marked_rows = [marked(strip) for strip in strips if marked(strip)]
        assert marked_rows == ["二、建立长效机制"]
        tree.set_matches(set())
        await pilot.pause()
        strips = tree.render_lines(Region(0, 0, tree.size.width, tree.size.height))
        assert not any(marked(strip) for strip in strips)


async def test_keys_announce_the_section_but_show_section_moves_quietly():
    recorder = Recorder()
    app = OutlineApp()
    async with app.run_test(size=(40, 12), message_hook=recorder) as pilot:
        tree = app.query_one(OutlineTree)
        tree.focus()
        await pilot.press("j")  # the cursor starts on no row: the first press puts it on the first
        await pilot.pause()
        recorder.clear()
        await pilot.press("j")
        await pilot.pause()
        assert [m.section_id for m in recorder.of(OutlineTree.SectionChosen)] == ["1"]

        recorder.clear()
        tree.show_section("2")
        await pilot.pause()
        await pilot.pause()
        assert tree.current_section == "2"
        assert recorder.of(OutlineTree.SectionChosen) == []

        # The next key press after a quiet move is announced again.
        await pilot.press("k")
        await pilot.pause()
        assert [m.section_id for m in recorder.of(OutlineTree.SectionChosen)] == ["1.2"]


async def test_show_section_unfolds_the_way_to_a_folded_section():
    app = OutlineApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree._section_nodes["1"].collapse()
        tree.show_section("1.1.1")
        await pilot.pause()
        assert tree._section_nodes["1"].is_expanded
        assert tree._section_nodes["1.1"].is_expanded
        assert tree.current_section == "1.1.1"
        assert any("1. Scope" in line for line in rows(tree))


async def test_show_section_finds_the_right_row_after_folds_above_it():
    app = OutlineApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree._section_nodes["1"].collapse()
        tree._section_nodes["2"].collapse()
        await pilot.pause()  # the rows are rebuilt with both folded
        tree.show_section("2.1")
        await pilot.pause()
        assert tree.current_section == "2.1"
        assert tree.cursor_line == 3  # 开篇, 一、, 二、, （一）


async def test_show_section_ignores_an_unknown_id():
    app = OutlineApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree.show_section("2")
        await pilot.pause()
        tree.show_section("nope")
        await pilot.pause()
        assert tree.current_section == "2"


async def test_loading_again_replaces_the_sections():
    app = OutlineApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        tree = app.query_one(OutlineTree)
        tree.load(Document("短", "text", sections=[Section("x", "heading", 1, "一、", "只有一节", ["正文。"])]), CAPTIONS)
        await pilot.pause()
        assert tree.section_ids == ["x"]
        assert rows(tree) == ["一、只有一节"]
