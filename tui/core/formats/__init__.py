"""Which format a file is in, told by its bytes, and the reader that turns it into text the outline reads.

Each reader lives in its own module and imports its library only when a file of its
format is opened: a plain text file never loads any of them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from ..loader import LoadError

if TYPE_CHECKING:
    import zipfile

Format = Literal["text", "docx", "epub", "pdf", "html", "mhtml"]
# What each format is called in a message ("a damaged Word file").
LABELS: dict[Format, str] = {
    "text": "text", "docx": "Word", "epub": "EPUB", "pdf": "PDF", "html": "HTML", "mhtml": "MHTML",
}

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE compound file of Word 97-2003, and of encrypted Office files
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S
)
_HTML_TAG = re.compile(rb"<(?:p|div|body|h[1-6]|article|title)[\s>]", re.I)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_MHTML_HEADER = re.compile(rb"^(?:mime-version|content-type)\s*:", re.I | re.M)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SNIFF = 4096  # how far into a file its kind is looked for


def sniff(data: bytes, name: str = "") -> Format:
    """The format of a file's bytes; the name's suffix only breaks a tie between HTML and text.

    Raises LoadError for what is recognised but cannot be read: a Word 97 .doc, an
    encrypted Office file, a damaged or foreign zip (a spreadsheet, a presentation).
    """
    head = data[:_SNIFF]
    if head.startswith(_ZIP):
        return _zip_kind(data, name)
    if head.startswith(_CFB):
        _compound_file(data, name)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"{\\rtf"):
        raise LoadError("unsupported", name=name, format="RTF")
    text_head = head
    for bom in _BOMS:
        if text_head.startswith(bom):
            text_head = text_head[len(bom):]
            break
    if b"\x00" in text_head[:64]:
        text_head = text_head.replace(b"\x00", b"")  # UTF-16 HTML reads as HTML too
    if _is_mhtml(text_head):
        return "mhtml"
    if _HTML_START.match(text_head):
        return "html"
    if name.lower().endswith(_HTML_SUFFIXES) and _HTML_TAG.search(text_head):
        return "html"  # a fragment saved without its <html>, named as HTML
    return "text"


def read(kind: Format, data: bytes, name: str, progress: Callable[[int, int], None] | None = None) -> str:
    """The text of a file in `kind`, in the form `outline.parse` reads; raises LoadError.

    `progress(done, total)` is called as a long file (a PDF, page by page) is read.
    """
    if kind == "docx":
        from . import word

        return word.read(data, name)
    if kind == "pdf":
        from . import pdf

        return pdf.read(data, name, progress)
    if kind in ("html", "mhtml"):
        from . import web

        return web.read(data, name, mhtml=kind == "mhtml")
    if kind == "epub":
        from . import epub

        return epub.read(data, name)
    raise ValueError(f"not a document format: {kind}")


def _zip_kind(data: bytes, name: str) -> Format:
    """A zip is a .docx or an .epub by what it holds, not by its name."""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = archive.read("mimetype")[:64].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, KeyError) as error:
        raise LoadError("corrupt", name=name, format="zip", detail=_short(error)) from None
    if mimetype == b"application/epub+zip" or "META-INF/container.xml" in names:
        return "epub"
    if "word/document.xml" in names or (b"wordprocessingml.document" in _content_types(archive, names)):
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise LoadError("unsupported", name=name, format="OpenDocument")
    if any(entry.startswith("xl/") for entry in names):
        raise LoadError("unsupported", name=name, format="Excel")
    if any(entry.startswith("ppt/") for entry in names):
        raise LoadError("unsupported", name=name, format="PowerPoint")
    raise LoadError("unsupported", name=name, format="zip")


def _content_types(archive: zipfile.ZipFile, names: set[str]) -> bytes:
    import zipfile

    try:
        return archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        return b""


def _compound_file(data: bytes, name: str) -> None:
    """An OLE compound file is never readable here: say which kind it is."""
    # Stream names are stored in UTF-16 in the file's directory.
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        raise LoadError("encrypted", name=name)
    if "WordDocument".encode("utf-16-le") in data:
        raise LoadError("doc", name=name)
    raise LoadError("unsupported", name=name, format="Office 97-2003")


def _is_mhtml(head: bytes) -> bool:
    """A web page saved as one file: MIME headers, then a multipart/related body."""
    headers = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return bool(_MHTML_HEADER.search(headers)) and b"multipart/related" in headers.lower()


def _short(error: BaseException) -> str:
    """An exception as a few words for a one-line message."""
    words = str(error).strip().splitlines()
    return (words[0] if words else type(error).__name__)[:80]
