"""Opening Word and PDF files: a 300-page PDF and a 200-page .docx, read and shown, built here from the speech."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.bench_app import STUDY, _run
from tests.core.formats.fixtures import pdf, speech_docx, speech_lines

RUNS = 3
PDF_PAGES = 300  # the speech (about 2,300 characters) set again and again until the file has this many pages
DOCX_COPIES = 60  # 140,000 characters: 200 pages at the 700 characters of an A4 page of official text


def _load(path: Path) -> tuple[float, int]:
    """Seconds to read the file into text, in this process; and the text's length."""
    from tui.core.loader import load

    started = time.perf_counter()
    text = load(path)
    return time.perf_counter() - started, len(text)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        lines = [line for line in speech_lines() if line.strip()]
        from pypdf import PdfReader

        per_ten = len(PdfReader(str(pdf(folder / "ten.pdf", lines * 10))).pages)
        started = time.perf_counter()
        long_pdf = pdf(folder / "long.pdf", lines * (-(-PDF_PAGES * 10 // per_ten) + 1))
        made_pdf = time.perf_counter() - started
        started = time.perf_counter()
        long_docx = speech_docx(folder / "long.docx", copies=DOCX_COPIES)
        made_docx = time.perf_counter() - started

        pages = len(PdfReader(str(long_pdf)).pages)
        print(f"fixtures: {pages}-page PDF ({long_pdf.stat().st_size / 1e6:.1f} MB, made in {made_pdf:.1f} s), "
              f".docx of {DOCX_COPIES} speeches ({long_docx.stat().st_size / 1e6:.2f} MB, made in {made_docx:.1f} s)")
        for name, path, budget in (("PDF", long_pdf, 5.0), (".docx", long_docx, 2.0)):
            seconds, length = _load(path)
            print(f"{name}: read into text in {seconds * 1000:6.0f} ms ({length:,} characters)")
            shown = [_run(STUDY, [str(path)], scratch)["shown"] for _ in range(RUNS)]
            median = statistics.median(shown)
            verdict = "within" if median < budget else "OVER"
            print(f"{name}: `study {path.name}` outline and first section on screen: {median * 1000:6.0f} ms "
                  f"(median of {RUNS}; {verdict} the {budget:.0f} s budget)")


if __name__ == "__main__":
    main()
