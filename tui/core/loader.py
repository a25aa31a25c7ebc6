"""Path -> text: format and encoding told from the bytes, line ends, terminal-safe characters, a clear LoadError.

Word, PDF, web pages and EPUB are read by `tui/core/formats/`, each reader loaded only
when a file of its kind is opened.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from tui.core import sanitize

Progress = Callable[[int, int], None]  # (done, total), as a long document is read

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".rst"}

# The largest file we agree to open: far above any real study document, low enough that
# a mistaken argument (a disk image, a video) is refused before it is read into memory.
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# How much decoded text the UTF-16 guess and the binary check look at.
_SAMPLE = 65536

# A file read with some bytes replaced is still studied when at most this share of its
# characters had to be replaced; past it, the guess of its encoding is not to be trusted.
MAX_REPLACED_SHARE = 0.01


# One English line per kind of problem; the interface has them in its own languages too
# (tui/i18n.py, keys "load_<kind>").
MESSAGES = {
    "missing": "{name}: no such file",
    "permission": "{name}: permission denied",
    "unreadable": "{name}: cannot be read ({detail})",
    "folder": "{name}: is a folder, not a text file",
    "not_regular": "{name}: is not a regular file",
    "too_large": "{name}: too large ({size} MB; the limit is {limit} MB)",
    "empty": "{name}: the file is empty",
    "blank": "{name}: the file is empty (only whitespace)",
    "binary": "{name}: looks like a binary file, not text",
    "bad_bom": "{name}: not valid {detail} despite its byte-order mark",
    "encoding": "{name}: cannot tell the text encoding (not UTF-8, UTF-16 or GB18030)",
    "doc": "{name}: a Word 97-2003 .doc file; save it as .docx (or .txt) to study it",
    "encrypted": "{name}: protected by a password; save a copy without one to study it",
    "scanned": "{name}: a scanned PDF with no text layer; run it through OCR first",
    "corrupt": "{name}: a damaged {format} file ({detail})",
    "unsupported": "{name}: study cannot read {format} files; save it as .docx, .pdf or .txt",
    "no_text": "{name}: no text found in this {format} file",
    "stdin_tty": "{name}: standard input is a terminal; pipe a document in (pbpaste | study -)",
}


class LoadError(Exception):
    """A file that cannot be studied; the message is one line naming the file and the problem.

    `kind` names the problem (a key of MESSAGES) and `values` fill its message, so an
    interface can say the same in its own words.
    """

    def __init__(self, kind: str, **values: object) -> None:
        super().__init__(MESSAGES[kind].format(**values))
        self.kind = kind
        self.values = values


def is_markdown(path: str | os.PathLike[str]) -> bool:
    """Whether the file's name says it is Markdown-like text (.md, .markdown, .rst)."""
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def content_hash(text: str) -> str:
    """What recognises a document's text wherever its file is: a SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Loaded(NamedTuple):
    """A file's text as study reads it, and what had to be done to get it."""

    text: str
    replaced: int = 0  # undecodable bytes, now U+FFFD
    neutralised: int = 0  # control characters, escape sequences and bidi overrides made safe


def load(path: str | os.PathLike[str]) -> str:
    """Read a document (text in any common encoding, or Word, PDF, HTML, EPUB) and return its text with LF line ends."""
    return load_text(path).text


def load_text(path: str | os.PathLike[str], progress: Progress | None = None) -> Loaded:
    """Read a document: its terminal-safe text with LF line ends, and how many characters were replaced.

    `progress(done, total)` is called as a long document (a PDF, page by page) is read.
    """
    return load_bytes(read_bytes(path), str(path), progress)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A document file's bytes, or LoadError: missing, a folder, a FIFO or device, too large, unreadable."""
    path = Path(path)
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LoadError("missing", name=name) from None
    except PermissionError:
        raise LoadError("permission", name=name) from None
    except OSError as error:
        raise LoadError("unreadable", name=name, detail=error.strerror or error) from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError("folder", name=name)
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block or never end; neither is a document.
        raise LoadError("not_regular", name=name)
    if info.st_size > MAX_BYTES:
        raise LoadError("too_large", name=name, size=info.st_size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    try:
        with open(path, "rb") as file:
            data = file.read()
    except PermissionError:
        raise LoadError("permission", name=name) from None
    except IsADirectoryError:
        raise LoadError("folder", name=name) from None
    except OSError as error:
        raise LoadError("unreadable", name=name, detail=error.strerror or error) from None
    return data


def load_bytes(data: bytes, name: str = "<text>", progress: Progress | None = None) -> Loaded:
    """A file's bytes -> `Loaded`, whatever its format: plain text, or Word, PDF, HTML, MHTML, EPUB by their bytes."""
    if not data:
        raise LoadError("empty", name=name)
    from . import formats  # the standard library only; each format's own library loads with its reader

    kind = formats.sniff(data, name)
    if kind == "text":
        return decode_text(data, name)
    return finish_text(formats.read(kind, data, name, progress), name, formats.LABELS[kind])


def finish_text(text: str, name: str, label: str = "text") -> Loaded:
    """Text a format's reader produced, made as safe as a text file's: LF line ends, no BOM, no controls,
    and no lone surrogate (a PDF's reader can make one), which no file, database or terminal can hold:
    each is U+FFFD, counted as replaced."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\x00", "")
    replaced = 0
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pieces = ["\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text]
        replaced = pieces.count("\ufffd") - text.count("\ufffd")
        text = "".join(pieces)
    neutralised = sanitize.count_unsafe(text)
    if neutralised:
        text = sanitize.clean(text)
    if not text.strip():
        raise LoadError("no_text", name=name, format=label)
    return Loaded(text, replaced, neutralised)


def decode(data: bytes, name: str = "<text>") -> str:
    """Bytes -> text: BOM, strict UTF-8, BOM-less UTF-16, strict GB18030, then line by line or detection."""
    return decode_text(data, name).text


def decode_text(data: bytes, name: str = "<text>") -> Loaded:
    """Bytes -> `Loaded`: the text decoded, its line ends made LF, its controls made safe.

    Sanitising happens here, once, before anything parses the text, so every offset
    the outline and the phrases compute is an offset into what the terminal shows.
    """
    if not data:
        raise LoadError("empty", name=name)
    text, replaced = _decode(data, name)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if not text.strip():
        raise LoadError("blank", name=name)
    if _looks_binary(text):
        raise LoadError("binary", name=name)
    neutralised = sanitize.count_unsafe(text)
    if neutralised:
        text = sanitize.clean(text)
        if not text.strip():
            raise LoadError("blank", name=name)
    return Loaded(text, replaced, neutralised)


def _decode(data: bytes, name: str) -> tuple[str, int]:
    """The text and how many characters had to be replaced to read it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), 0
            except UnicodeDecodeError:
                if encoding == "utf-8":
                    decoded = _by_line(data[len(bom):])
                    if decoded is not None:
                        return decoded
                raise LoadError("bad_bom", name=name, detail=encoding.upper()) from None
    if b"\x00" in data:
        # Text never holds NUL bytes, but UTF-16 holds many; ASCII in UTF-16 is even valid
        # UTF-8, so this comes before the UTF-8 attempt.
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise LoadError("binary", name=name)
        return utf16, 0
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), 0
    except UnicodeDecodeError:
        pass
    if _has_utf8_line(data):
        # Mostly UTF-8 with a few bad bytes, or UTF-8 and GBK lines pasted together:
        # one bad byte must not cost the whole file.
        decoded = _by_line(data)
        if decoded is not None:
            return decoded
    detected = _detect(data)
    if detected is not None:
        return detected, 0
    decoded = _by_line(data)
    if decoded is None:
        raise LoadError("encoding", name=name)
    return decoded


def _has_utf8_line(data: bytes) -> bool:
    """Whether some line with non-ASCII characters is valid UTF-8."""
    for line in data.split(b"\n"):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _by_line(data: bytes) -> tuple[str, int] | None:
    """Decode each line as UTF-8 or GB18030, replacing what neither reads; None if too much is replaced."""
    lines = []
    replaced = 0
    for raw in data.split(b"\n"):
        line, bad = _decode_line(raw)
        lines.append(line)
        replaced += bad
    text = "\n".join(lines)
    if replaced > len(text) * MAX_REPLACED_SHARE:
        return None
    return text, replaced


def _decode_line(raw: bytes) -> tuple[str, int]:
    try:
        return raw.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    as_utf8 = raw.decode("utf-8", "replace")
    bad_utf8 = as_utf8.count("\ufffd") - raw.decode("utf-8", "ignore").count("\ufffd")
    # A UTF-8 line with a damaged byte still has more good multi-byte characters than
    # bad bytes; a GBK line has almost none, since GBK pairs are rarely valid UTF-8.
    if sum(1 for ch in as_utf8 if ord(ch) > 0x7F and ch != "\ufffd") >= bad_utf8:
        return as_utf8, bad_utf8
    try:
        return raw.decode("gb18030"), 0
    except UnicodeDecodeError:
        pass
    as_gb = raw.decode("gb18030", "replace")
    bad_gb = as_gb.count("\ufffd")
    return (as_gb, bad_gb) if bad_gb < bad_utf8 else (as_utf8, bad_utf8)


def _utf16_without_bom(data: bytes) -> str | None:
    """Decode both byte orders and keep the one that reads as text, if either does.

    Counting NULs per byte position is not enough: CJK text has NUL low bytes too (一 is
    U+4E00, the ideographic space U+3000). A wrong byte order turns line ends, ASCII and
    CJK punctuation into unassigned or exotic code points, so plausibility decides.
    """
    if len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausible(text[:_SAMPLE])
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < 0.9:
        return None
    return best[1]


def _plausible(text: str) -> float:
    """The share of characters that ordinary Chinese or Western text is made of."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        if (
            0x20 <= code < 0x7F
            or ch in "\n\r\t"
            or 0xA0 <= code < 0x250  # Latin-1, Latin Extended
            or 0x370 <= code < 0x530  # Greek, Cyrillic
            or 0x2000 <= code < 0x2070  # general punctuation
            or 0x3000 <= code < 0x3100  # CJK punctuation, kana
            or 0x4E00 <= code < 0xA000  # CJK unified ideographs
            or 0xFF00 <= code < 0xFFF0  # full-width forms
            or code == 0xFEFF
        ):
            good += 1
    return good / len(text)


def _detect(data: bytes) -> str | None:
    # Imported here: it costs start-up time and most files never get this far. It runs on
    # the whole file, never line by line: short CJK lines are misdetected on their own.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def _looks_binary(text: str) -> bool:
    """Whether the text holds NUL, or more than about 1% control characters.

    Line-like controls (tab, vertical tab, form feed) and ESC do not count: text copied
    from a PDF or a terminal holds them, and `sanitize.clean` makes them safe.
    """
    sample = text[:_SAMPLE]
    control = sum(1 for ch in sample if (ch < " " and ch not in "\n\t\f\v\x1b") or ch == "\x7f")
    return "\x00" in sample or control > len(sample) // 100 + 1
