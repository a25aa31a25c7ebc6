"""Path -> text: encoding detection, line ends, and a clear LoadError for bad files."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

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


class LoadError(Exception):
    """A file that cannot be studied; the message is one line naming the file and the problem."""


def is_markdown(path: str | os.PathLike[str]) -> bool:
    """Whether the file's name says it is Markdown-like text (.md, .markdown, .rst)."""
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def load(path: str | os.PathLike[str]) -> str:
    """Read a text file in any common encoding and return its text with LF line ends."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise LoadError(f"{name}: no such file")
    if path.is_dir():
        raise LoadError(f"{name}: is a folder, not a text file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"{name}: too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise LoadError(f"{name}: is a folder, not a text file") from None
    except OSError as error:
        raise LoadError(f"{name}: cannot be read ({error.strerror or error})") from None
    return decode(data, name)


def decode(data: bytes, name: str = "<text>") -> str:
    """Bytes -> text: BOM, strict UTF-8, BOM-less UTF-16, strict GB18030, then detection."""
    if not data.strip():
        raise LoadError(f"{name}: the file is empty")
    text = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.strip():
        raise LoadError(f"{name}: the file is empty")
    if _looks_binary(text):
        raise LoadError(f"{name}: looks like a binary file, not text")
    return text


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise LoadError(f"{name}: not valid {encoding.upper()} despite its byte-order mark") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise LoadError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    return _detect(data, name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL bytes at alternate positions (ASCII, line ends)."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # A line end or space every so often is enough; CJK-only text has few NULs, so the
    # test is that NULs sit on one side only, and there are some.
    if odd_nuls > half // 8 and even_nuls == 0:
        encoding = "utf-16-le"
    elif even_nuls > half // 8 and odd_nuls == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes, name: str) -> str:
    # Imported here: it costs start-up time and most files never get this far. It runs on
    # the whole file, never line by line: short CJK lines are misdetected on their own.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(f"{name}: cannot tell the text encoding (tried UTF-8, UTF-16, GB18030)")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    control = sum(1 for ch in sample if ch < " " and ch not in "\n\t\f\v")
    return "\x00" in sample or control > len(sample) // 100 + 1
