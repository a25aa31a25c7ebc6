"""Documents built at test time, with the writing side of each format's library, from text the test gives.

Nothing here is a document: every fixture is made from the bundled speech or from text
written in the test, so no file of another format is committed.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"

# The speech's two levels of numbered headings, as its .txt writes them.
RE_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、")
RE_LEVEL2 = re.compile(r"^\(([一二三四五六七八九十]+)\)")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A two-level list as Chinese documents number their headings: 一、 then (一).
CHINESE_HEADINGS = f"""
<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
"""


def speech_lines() -> list[str]:
    return SPEECH.read_text(encoding="utf-8").splitlines()


def add_list(document: object, abstract_xml: str, num_id: int, abstract_id: int, overrides: str = "") -> None:
    """Put an abstract list and a list using it into the document's numbering part."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(abstract_xml)
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>')
    )


def number_paragraph(paragraph: object, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def speech_docx(path: Path, *, numbered: bool = True, via_style: bool = False, copies: int = 1) -> Path:
    """The speech as Word writes it: 一、 lines in Heading 1, (一) lines in Heading 2, their numbers
    automatic (numbering.xml) and so not in the paragraphs' text; either on each paragraph or on the styles."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if numbered:
        add_list(document, CHINESE_HEADINGS, 90, 90)
        if via_style:
            for style_name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
                ppr = document.styles[style_name].element.get_or_add_pPr()
                ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))
    for line in speech_lines() * copies:
        if not line.strip():
            continue
        for pattern, level in ((RE_LEVEL1, 1), (RE_LEVEL2, 2)):
            match = pattern.match(line)
            if match:
                paragraph = document.add_paragraph(line[match.end():] if numbered else line, style=f"Heading {level}")
                if numbered and not via_style:
                    number_paragraph(paragraph, 90, level - 1)
                break
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def outline_of(text: str, name: str) -> dict[str, object]:
    """What `study outline --json` prints for this text."""
    from tui.core.names import to_data
    from tui.core.outline import parse

    return to_data(parse(text, name))


def phrases_of(text: str, name: str) -> dict[str, object]:
    """What `study phrases --json` prints for this text."""
    from tui.core.outline import parse
    from tui.core.phrases import extract, phrases_json

    document = parse(text, name)
    return phrases_json(document, extract(document))


def minimal_docx(path: Path, body: str, *, footnotes: str = "", styles: str = "", numbering: str = "") -> Path:
    """A .docx written part by part, for what python-docx cannot write (footnotes, tracked changes, text boxes)."""
    import zipfile

    def part(root: str, inner: str) -> str:
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:{root} xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">{inner}</w:{root}>'
        )

    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>']
    rels = []
    extra: dict[str, str] = {}
    for name, content, kind in (
        ("footnotes", footnotes, "footnotes"),
        ("styles", styles, "styles"),
        ("numbering", numbering, "numbering"),
    ):
        if content:
            overrides.append(
                f'<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
            )
            rels.append(
                f'<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{name}.xml"/>'
            )
            extra[f"word/{name}.xml"] = part(name, content)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels) + "</Relationships>",
        )
        archive.writestr("word/document.xml", part("document", f"<w:body>{body}</w:body>"))
        for name, content in extra.items():
            archive.writestr(name, content)
    return path


def pdf(
    path: Path,
    paragraphs: list[str],
    *,
    header: str = "理论学习中心组学习材料",
    page_number: str = "- {n} -",
    indent: str = "\u3000\u3000",
    latin: bool = False,
    large: tuple[str, ...] = (),
    lines_per_page: int = 34,
    encrypt: object = None,
) -> Path:
    """A PDF set as a printed document: each paragraph hard-wrapped at the measure, a running header,
    a page number in the footer. Chinese is set in reportlab's built-in CID font (no font file needed).
    Paragraphs in `large` are set bigger, as headings are, so they wrap sooner."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "Helvetica" if latin else "STSong-Light"
    width, height = A4
    left, measure, size, leading = 72.0, width - 144.0, 12.0, 20.0
    page = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    state = {"n": 1, "y": height - 90.0, "lines": 0}

    def furniture() -> None:
        page.setFont("STSong-Light", 9)
        if header:
            page.drawCentredString(width / 2, height - 50, header)
        if page_number:
            page.drawCentredString(width / 2, 40, page_number.format(n=state["n"]))

    def line(text: str, font_size: float) -> None:
        if state["lines"] >= lines_per_page:
            furniture()
            page.showPage()
            state.update(n=state["n"] + 1, y=height - 90.0, lines=0)
        page.setFont(font, font_size)
        page.drawString(left, state["y"], text)
        state["y"] -= leading * font_size / size
        state["lines"] += 1

    def wrap(text: str, font_size: float) -> list[str]:
        """Break at the measure: Chinese anywhere (a closing mark stays on its line), English at spaces, or
        inside a long word with a hyphen."""
        out: list[str] = []
        current = ""
        for word in (re.findall(r"\S+\s*", text) if latin else list(text)):
            if pdfmetrics.stringWidth(current + word.rstrip(), font, font_size) <= measure:
                current += word
                continue
            if not latin and word in "。，,、；：”！）)":
                out.append(current + word)
                current = ""
                continue
            if latin and len(word) > 8 and current:
                cut = 4
                while pdfmetrics.stringWidth(current + word[: cut + 1] + "-", font, font_size) <= measure:
                    cut += 1
                out.append(current + word[:cut] + "-")
                current = word[cut:]
                continue
            out.append(current.rstrip())
            current = word
        if current.strip():
            out.append(current.rstrip())
        return out

    for paragraph in paragraphs:
        font_size = 18.0 if paragraph in large else size
        first = paragraph if paragraph in large or RE_LEVEL1.match(paragraph) else indent + paragraph
        for text in wrap(first, font_size):
            line(text, font_size)
    furniture()
    page.save()
    return path


def speech_pdf(path: Path, **options: object) -> Path:
    """The bundled speech as a printed PDF."""
    return pdf(path, [line for line in speech_lines() if line.strip()], **options)  # type: ignore[arg-type]


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF of page images only, as a scanner makes: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        image = Image.new("L", (200, 280), 255)
        draw = ImageDraw.Draw(image)
        for row in range(20, 260, 12):
            draw.line((20, row, 180, row), fill=0, width=3)  # lines of "text", as ink
        draw.text((90, 265), str(n + 1), fill=0)
        page.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        page.showPage()
    page.save()
    return path


def speech_html(*, bold_headings: bool = True, charset: str = "utf-8") -> str:
    """The speech as a news site serves it: navigation, the article (its 一、 headings as wholly bold
    paragraphs or as <h2>), an editor's line, related links, comments and a footer."""
    import html

    lines = [line for line in speech_lines() if line.strip()]
    body = []
    for line in lines:
        text = html.escape(line)
        if RE_LEVEL1.match(line):
            body.append(f"<p><strong>{text}</strong></p>" if bold_headings else f"<h2>{text}</h2>")
        else:
            body.append(f"<p>{text}</p>")
    nav = "".join(f'<li><a href="/{n}/">{n}</a></li>' for n in ("首页", "要闻", "时政", "理论", "评论", "视频", "专题"))
    related = "".join(f'<li><a href="/a/{n}.html">相关阅读：基层作风建设经验交流第{n}期</a></li>' for n in range(1, 6))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>理论学习中心组学习研讨会发言--时政--新闻网</title>
<script>var _hmt = _hmt || []; window.track = function () {{ return 1; }};</script>
<style>.nav li {{ display: inline; }}</style></head>
<body>
<header class="site-header"><div class="logo">新闻网</div><nav class="nav"><ul>{nav}</ul></nav>
<div class="search"><input type="text" placeholder="搜索"><button>搜索</button></div></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/sz/">时政</a> &gt; 正文</div>
<main><article class="article">
<div class="article-body">
{chr(10).join(body)}
</div>
<p class="editor">(责任编辑:王小明)</p>
<div class="share">分享到: <a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
</article>
<aside class="related"><h3>相关新闻</h3><ul>{related}</ul></aside>
<section class="comments"><h3>网友评论</h3><div class="comment"><span class="user">网友甲</span><p>说得好，支持！</p></div>
<div class="comment"><span class="user">网友乙</span><p>作风建设要常抓不懈，期待落实。</p></div></section>
</main>
<footer class="site-footer"><p>关于我们 | 联系我们 | 网站地图 | 广告服务</p><p>Copyright © 2025 新闻网 版权所有 京ICP备00000000号</p></footer>
</body></html>
"""


SPEECH_TITLE = "理论学习中心组学习研讨会发言"


def mhtml(page: str) -> bytes:
    """A page saved as one file, as a browser saves it: MIME headers, the HTML quoted-printable, a stylesheet."""
    from email import charset
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Blink>"
    message["Subject"] = SPEECH_TITLE
    html_part = MIMENonMultipart("text", "html")
    quoted = charset.Charset("utf-8")
    quoted.body_encoding = charset.QP
    html_part.set_payload(page, quoted)
    html_part["Content-Location"] = "https://news.example/a/1.html"
    message.attach(html_part)
    css = MIMENonMultipart("text", "css")
    css.set_payload(".nav li { display: inline; }", "utf-8")
    message.attach(css)
    return message.as_bytes()


BOOK_TITLE = "作风建设学习读本"


def speech_chapters() -> list[list[str]]:
    """The speech's first three numbered parts, a chapter each: the heading line, then its lines."""
    chapters: list[list[str]] = []
    for line in speech_lines():
        if RE_LEVEL1.match(line):
            chapters.append([line])
        elif chapters and line.strip():
            chapters[-1].append(line)
    return chapters[:3]


def epub_book(
    path: Path, chapters: list[tuple[str, str]], title: str = BOOK_TITLE, toc: bool = True, reverse_spine: bool = False
) -> Path:
    """An EPUB written with ebooklib: each chapter (title, XHTML body) a file in the spine, and the table of contents."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("study-test-book")
    book.set_title(title)
    book.set_language("zh")
    items = []
    for number, (chapter_title, body) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=chapter_title, file_name=f"chap_{number:02d}.xhtml", lang="zh")
        item.content = f"<html><head><title>{chapter_title}</title></head><body>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = tuple(items) if toc else ()
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = list(reversed(items)) if reverse_spine else items  # the nav page is not part of the reading order
    epub.write_epub(str(path), book)
    return path


def speech_epub(path: Path, reverse_spine: bool = False) -> Path:
    import html

    chapters = []
    for lines in speech_chapters():
        body = f"<h1>{html.escape(lines[0])}</h1>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
        chapters.append((lines[0], body))
    return epub_book(path, chapters, reverse_spine=reverse_spine)
