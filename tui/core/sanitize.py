"""Text made safe for a terminal: escape sequences, control and bidi-override characters neutralised."""

from __future__ import annotations

import re

# A whole escape sequence goes: CSI (colours, cursor moves, clearing the screen), OSC
# (window title, clipboard) ended by BEL or ST, DCS/SOS/PM/APC strings, and two-character
# escapes. What it carried was for a terminal, not for a reader.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC, DCS, SOS, PM, APC, never past a line
    r"|\x1b[ -/]*[0-~]"  # two-character escapes (and nF with intermediates)
)

# Vertical tabs (Word's manual line break) and form feeds (page breaks in text copied
# from PDFs) are line breaks; a run of them beside a line end adds nothing.
_BESIDE_LINE_END = re.compile(r"(?<=\n)[\x0b\x0c]+|[\x0b\x0c]+(?=\n)")
_LINE_BREAKS = re.compile(r"[\x0b\x0c]+")

# Bidi embeddings, overrides and isolates reorder what follows them on screen, so a line
# can show something other than what it holds; they are dropped. LRM/RLM are harmless.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# C0 controls but tab and line feed, DEL and C1 controls.
_CONTROLS = "".join(chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)))

# Each control left becomes a visible mark of one cell: its Unicode control picture
# (␛ for ESC, ␇ for BEL, ␡ for DEL) or, for C1 controls which have none, U+FFFD.
_PICTURES = {
    **{chr(code): chr(0x2400 + code) for code in range(0x20)},
    "\x7f": "\u2421",
    **{chr(code): "\ufffd" for code in range(0x80, 0xA0)},
}
_TABLE = str.maketrans({**{ch: _PICTURES[ch] for ch in _CONTROLS}, **{ch: None for ch in _BIDI}})
_UNSAFE = re.compile(f"[{re.escape(_CONTROLS + _BIDI)}]")


def is_unsafe(char: str) -> bool:
    """Whether a character must not reach a terminal as it is (a control or a bidi override)."""
    return char in _CONTROLS or char in _BIDI


def needs_cleaning(text: str) -> bool:
    """Whether `clean` would change the text."""
    return _UNSAFE.search(text) is not None


def count_unsafe(text: str) -> int:
    """How many characters of the text `clean` neutralises (an escape sequence counts once, for its ESC)."""
    return len(_UNSAFE.findall(text))


def clean(text: str) -> str:
    """Text a terminal shows as it is: tab and line feed the only control characters left.

    Escape sequences are removed whole; vertical tabs and form feeds become line
    breaks; bidi overrides go; any other control becomes a visible one-cell mark.
    """
    if not needs_cleaning(text):
        return text  # the common case costs one search
    if "\x1b" in text:
        text = _SEQUENCE.sub("", text)
    if "\x0b" in text or "\x0c" in text:
        text = _LINE_BREAKS.sub("\n", _BESIDE_LINE_END.sub("", text))
    return text.translate(_TABLE)


def clean_line(text: str) -> str:
    """One line for a message or a label (a file name, a section id): no line breaks either."""
    return clean(text).replace("\n", "\u2424").replace("\t", " ")
