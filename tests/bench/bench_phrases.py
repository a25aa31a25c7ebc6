"""Benchmark of key-phrase extraction: first run on the bundled speech, throughput on ~1 MB, peak memory,
a 10 MB document of one paragraph, and a paragraph of many quotes (linear, not quadratic)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.bench.peak import PEAK

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
MEGABYTE = 1_000_000

# Each measurement runs in a fresh interpreter so that start-up costs and peak memory are
# those of a process that has done nothing else.
FIRST_RUN = PEAK + """
import json, sys, time
from tui.core.loader import load
from tui.core.outline import parse
doc = parse(load(sys.argv[1]), "speech")
before = peak_kb()
started = time.perf_counter()
from tui.core.phrases import extract
found = extract(doc)
seconds = time.perf_counter() - started
print(json.dumps({
    "seconds": seconds,
    "phrases": sum(len(p) for p in found.values()),
    "rss_before_kb": before,
    "rss_peak_kb": peak_kb(),
}))
"""

THROUGHPUT = PEAK + """
import json, sys, time
from tui.core.outline import parse
from tui.core import phrases
text = open(sys.argv[1], encoding="utf-8").read()
doc = parse(text, "big")
phrases.extract_paragraph("预热“分词器”,两个确立。")  # the segmenter's start-up is measured elsewhere
cold = time.perf_counter()
found = phrases.extract(doc)
cold = time.perf_counter() - cold
warm = time.perf_counter()
phrases.extract(doc)
warm = time.perf_counter() - warm
print(json.dumps({
    "bytes": len(text.encode("utf-8")),
    "characters": len(text),
    "sections": sum(1 for _ in doc.walk()),
    "phrases": sum(len(p) for p in found.values()),
    "cold_seconds": cold,
    "warm_seconds": warm,
    "rss_peak_kb": peak_kb(),
}))
"""


ONE_PARAGRAPH = PEAK + """
import json, sys, time
from tui.core.model import Document, Section
from tui.core import phrases
text = open(sys.argv[1], encoding="utf-8").read()
doc = Document("t", "text", [Section("1", "heading", 1, "一、", "一节", [text])])
before = peak_kb()
started = time.perf_counter()
found = phrases.extract(doc)
print(json.dumps({
    "bytes": len(text.encode("utf-8")),
    "seconds": time.perf_counter() - started,
    "phrases": sum(len(p) for p in found.values()),
    "rss_before_kb": before,
    "rss_peak_kb": peak_kb(),
}))
"""

QUOTES = """
import json, sys, time
from tui.core import phrases
phrases.extract_paragraph("预热“分词器”,两个确立。")
result = {}
for count in (10_000, 20_000):
    text = "".join(f"要坚持“第{n}条原则”," for n in range(count)) + "这是一段。"
    started = time.perf_counter()
    phrases.extract_paragraph(text)
    result[count] = time.perf_counter() - started
print(json.dumps(result))
"""


def _run(code: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=True, timeout=300
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def megabyte_of_chinese(path: Path) -> str:
    """About 1 MB (UTF-8) of real Chinese documents, the corpus when present, else the speech.

    The texts are repeated, so later copies find the part-of-speech cache warm: a megabyte
    of all-different text costs somewhat more (about 15 µs for each new distinct word).
    """
    sources = [
        CORPUS / "zh_report_20th_party_congress_2022.txt",
        CORPUS / "zh_law_personal_information_protection_2021_md.txt",
    ]
    texts = [p.read_text(encoding="utf-8") for p in sources if p.exists()] or [SPEECH.read_text(encoding="utf-8")]
    pieces: list[str] = []
    size = 0
    while size < MEGABYTE:
        for text in texts:
            pieces.append(text)
            size += len(text.encode("utf-8"))
    big = "\n".join(pieces)
    path.write_text(big, encoding="utf-8")
    return big


def one_paragraph(path: Path, size: int) -> None:
    """About `size` bytes of real Chinese text with no line break at all."""
    texts = [p.read_text(encoding="utf-8") for p in [CORPUS / "zh_report_20th_party_congress_2022.txt"] if p.exists()]
    text = "".join((texts or [SPEECH.read_text(encoding="utf-8")])[0].split())
    copies = size // len(text.encode("utf-8")) + 1
    path.write_text(text * copies, encoding="utf-8")


def main() -> None:
    import tempfile

    first = _run(FIRST_RUN, str(SPEECH))
    print(
        f"first extraction on the bundled speech (segmenter start-up included): {first['seconds'] * 1000:.0f} ms"
        f"   [target < 300 ms], {first['phrases']} phrases"
    )
    print(
        f"peak memory of that process: {first['rss_peak_kb'] / 1024:.1f} MB "
        f"(before extraction {first['rss_before_kb'] / 1024:.1f} MB)   [target < 150 MB]"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        megabyte_of_chinese(path)
        big = _run(THROUGHPUT, str(path))
    mb = big["bytes"] / MEGABYTE
    print(
        f"~1 MB of Chinese ({big['bytes']:,} bytes, {big['characters']:,} characters, {big['sections']} sections,"
        f" {big['phrases']:,} phrases):"
    )
    print(f"  first extraction {big['cold_seconds']:.2f} s = {mb / big['cold_seconds']:.1f} MB/s   [target >= 1 MB/s]")
    print(f"  again            {big['warm_seconds']:.2f} s = {mb / big['warm_seconds']:.1f} MB/s")
    print(f"  peak memory of that process: {big['rss_peak_kb'] / 1024:.1f} MB")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.txt"
        one_paragraph(path, 10 * MEGABYTE)
        one = _run(ONE_PARAGRAPH, str(path))
    print(
        f"10 MB in one paragraph ({one['bytes']:,} bytes, {one['phrases']:,} phrases): {one['seconds']:.1f} s,"
        f" peak memory {one['rss_peak_kb'] / 1024:.0f} MB   [target < 300 MB]"
    )
    quotes = _run(QUOTES)
    ten, twenty = quotes["10000"], quotes["20000"]
    print(
        f"one paragraph of 10,000 quotes: {ten:.2f} s; of 20,000: {twenty:.2f} s"
        f" (x{twenty / ten:.1f} for twice the quotes)   [linear: about x2; it was 2.8 s and 10.6 s]"
    )


if __name__ == "__main__":
    main()
