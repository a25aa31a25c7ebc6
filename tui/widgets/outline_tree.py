"""The outline pane: the document's sections as a tree, each with its mastery and due count."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ..core.model import Document, Section
from ..core.names import display_heading
from ..core.records import Progress
from ..core.scheduler import mastery_mark
from ..i18n import translate_bindings


def crop(name: str, width: int) -> str:
    """`name` in at most `width` cells, ending in an ellipsis when cut.

    A wide character that would straddle the edge is dropped whole, so the ellipsis
    follows the text directly instead of after a padding space (or a word's space).
    """
    if cell_len(name) <= width:
        return name
    kept, used = [], 0
    for char in name:
        used += cell_len(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


MOVE = Binding.Group("key_outline_move")
FOLD = Binding.Group("key_outline_fold")


class OutlineTree(Tree[str]):
    """Sections with their labels and headings; node data is the section id."""

    DEFAULT_CSS = """
    OutlineTree > .outline-tree--match { text-style: bold underline; }
    OutlineTree > .outline-tree--due { color: $warning; }
    OutlineTree > .outline-tree--mark { color: $success; }
    OutlineTree > .outline-tree--caption { text-style: italic; }
    """
    COMPONENT_CLASSES = Tree.COMPONENT_CLASSES | {
        "outline-tree--match",
        "outline-tree--due",
        "outline-tree--mark",
        "outline-tree--caption",
    }
    HELP_TITLE = "help_outline"
    BINDINGS = [
        # The Tree's own keys as well, with ids and words of the project's, so that the
        # help screen lists them (see tui/bindings.py).
        Binding("up", "cursor_up", "key_outline_move", show=False, id="outline_up", group=MOVE),
        Binding("down", "cursor_down", "key_outline_move", show=False, id="outline_down", group=MOVE),
        Binding("k", "cursor_up", "key_outline_move", show=False, id="outline_k", group=MOVE),
        Binding("j", "cursor_down", "key_outline_move", show=False, id="outline_j", group=MOVE),
        Binding("left", "fold", "key_outline_fold", show=False, id="outline_fold", group=FOLD),
        Binding("right", "unfold", "key_outline_fold", show=False, id="outline_unfold", group=FOLD),
        Binding("enter", "select_cursor", "key_outline_open", show=False, id="outline_open"),
    ]

    class SectionChosen(Message):
        """The user moved to a section in the outline."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        translate_bindings(self)
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self._sections: dict[str, Section] = {}
        self._captions: dict[str, str] = {}
        self._progress: dict[str, Progress] = {}
        self._matches: set[str] = set()
        self._quiet = False
        self.show_root = False
        self.guide_depth = 3
        self.auto_expand = False

    def load(self, document: Document, captions: dict[str, str], expand_to: int = 2) -> None:
        """Show a document's sections, expanded down to `expand_to` levels."""
        self.clear()
        self._section_nodes.clear()
        self._sections = {s.id: s for s in document.walk()}
        self._captions = captions

        def add(parent: TreeNode[str], sections: list[Section]) -> None:
            for section in sections:
                if section.children:
                    node = parent.add(section.id, data=section.id, expand=section.level < expand_to)
                    self._section_nodes[section.id] = node  # before the children: reading order
                    add(node, section.children)
                else:
                    self._section_nodes[section.id] = parent.add_leaf(section.id, data=section.id)

        add(self.root, document.sections)
        self.root.expand()

    @property
    def section_ids(self) -> list[str]:
        return list(self._section_nodes)

    @property
    def current_section(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def show_section(self, section_id: str) -> None:
        """Move the highlight to a section without announcing it (the text already shows it)."""
        node = self._section_nodes.get(section_id)
        if node is None or self.cursor_node is node:
            return
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        # Unfolding invalidates the tree's lines, and a node's line number is only right once
        # they are rebuilt: without this the cursor lands on whatever row the node had before.
        self._tree_lines  # noqa: B018 (the property rebuilds the lines)
        self._quiet = True
        self.move_cursor(node)
        self.call_after_refresh(self._unquiet)

    def _unquiet(self) -> None:
        self._quiet = False

    def set_progress(self, progress: dict[str, Progress]) -> None:
        self._progress = dict(progress)
        self._invalidate()

    def set_matches(self, section_ids: set[str]) -> None:
        self._matches = set(section_ids)
        self._invalidate()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        event.stop()
        if not self._quiet and event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))

    def action_fold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_unfold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        section = self._sections.get(node.data or "")
        if section is None:
            return Text("")
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        progress = self._progress.get(section.id, Progress())
        due = f" {progress.due}" if progress.due else ""
        suffix_width = 2 + cell_len(due)
        prefix = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else ""
        # Crop at a cell boundary so the mark and due count stay in view at any width.
        room = max(4, self.size.width - depth * self.guide_depth - cell_len(prefix) - suffix_width - 1)
        name = crop(display_heading(section, self._captions), room)

        label_style = style
        if section.kind != "heading":
            label_style += self.get_component_rich_style("outline-tree--caption", partial=True)
        if section.id in self._matches:
            label_style += self.get_component_rich_style("outline-tree--match", partial=True)
        text = Text.assemble((prefix, base_style), (name, label_style))
        pad = max(1, room - cell_len(name) + 1)
        text.append(" " * pad, base_style)
        mark = " " if progress.mastery is None else mastery_mark(progress.mastery)
        text.append(mark, self.get_component_rich_style("outline-tree--mark", partial=True))
        if due:
            text.append(due, self.get_component_rich_style("outline-tree--due", partial=True))
        return text
