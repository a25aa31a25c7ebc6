"""Benchmark of loading and outlining: throughput on ~1 MB of Chinese, 10 MB single lines, peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.peak import PEAK

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
MEGABYTE = 1_000_000
TARGET_MB_PER_S = 5.0
SINGLE_LINE_LIMIT_S = 5.0

# Each measurement runs in a fresh interpreter, so its peak memory is that of a process that
# loaded and outlined one document and did nothing else.
MEASURE = PEAK + """
import json, sys, time
started = time.perf_counter()
from tui.core.loader import load
from tui.core.outline import parse
imported = time.perf_counter()
best_load = best_parse = float("inf")
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    text = load(sys.argv[1])
    t1 = time.perf_counter()
    doc = parse(text, sys.argv[1])
    t2 = time.perf_counter()
    best_load, best_parse = min(best_load, t1 - t0), min(best_parse, t2 - t1)
print(json.dumps({
    "import_seconds": imported - started,
    "load_seconds": best_load,
    "parse_seconds": best_parse,
    "characters": len(text),
    "sections": sum(1 for _ in doc.walk()),
    "rss_peak_kb": peak_kb(),
}))
"""

BASELINE = PEAK + """
import json
from tui.core.loader import load
from tui.core.outline import parse
print(json.dumps({"rss_peak_kb": peak_kb()}))
"""


def _run(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    return json.loads(result.stdout)


def _repeat(text: str, size: int) -> str:
    unit = len(text.encode("utf-8"))
    return text * max(1, -(-size // unit))


def _corpus_text() -> str | None:
    files = sorted(CORPUS.glob("zh_*.txt")) if CORPUS.is_dir() else []
    if not files:
        return None
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _documents(folder: Path) -> list[tuple[str, Path, int]]:
    """(what, path, repetitions): the files measured, written into `folder`."""
    speech = SPEECH.read_text(encoding="utf-8")
    docs: list[tuple[str, Path, int]] = []

    def write(name: str, data: bytes, what: str, repetitions: int) -> None:
        path = folder / name
        path.write_bytes(data)
        docs.append((what, path, repetitions))

    megabyte = _repeat(speech, MEGABYTE)
    write("speech-1mb.txt", megabyte.encode("utf-8"), f"bundled speech x{len(megabyte) // len(speech)}, UTF-8", 3)
    write("speech-1mb-gbk.txt", megabyte.replace("\n", "\r\n").encode("gbk"), "the same, GBK with CRLF", 3)
    write("speech-1mb-utf16.txt", megabyte.encode("utf-16-le"), "the same, UTF-16 without BOM", 3)
    corpus = _corpus_text()
    if corpus is not None:
        write("corpus-1mb.txt", _repeat(corpus, MEGABYTE).encode("utf-8"), "Chinese corpus documents repeated, UTF-8", 3)
    english = CORPUS / "en_us_constitution_markdown.txt"
    if english.exists():
        # Hard-wrapped English: every line goes through the re-joining of paragraphs.
        text = english.read_text(encoding="utf-8")
        write("english-1mb.md", _repeat(text, MEGABYTE).encode("utf-8"), "English Markdown corpus document repeated", 3)

    # One single line of 10 MB, several ways: prose after a run-on marker, nothing but markers,
    # a Markdown heading of words and spaces (the closing-# rule of ATX headings), English
    # after a division word, and inline HTML comments (each one cut out of the line).
    prose = "（一）" + speech.replace("\n", "")
    write("line-prose.txt", _repeat(prose, 10 * MEGABYTE).encode("utf-8"), "10 MB single line of Chinese prose", 1)
    write("line-markers.txt", ("（一）一、第一条" * (10 * MEGABYTE // 24)).encode("utf-8"), "10 MB single line of heading markers", 1)
    write("line-markdown.md", ("# " + "word   " * (10 * MEGABYTE // 7) + "#").encode("utf-8"), "10 MB single Markdown heading line", 1)
    write("line-english.txt", ("Section 1. All legislative Powers herein granted " * (10 * MEGABYTE // 49)).encode("utf-8"), "10 MB single line of English", 1)
    write("line-comments.txt", ("正文<!-- 注 -->" * (10 * MEGABYTE // 20)).encode("utf-8"), "10 MB single line full of HTML comments", 1)
    return docs


def main() -> None:
    baseline = _run(BASELINE)["rss_peak_kb"]
    print(f"interpreter with loader and outline imported: {baseline / 1024:.0f} MB peak")
    worst_throughput = float("inf")
    slowest_line = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for what, path, repetitions in _documents(Path(folder)):
            size = path.stat().st_size
            figures = _run(MEASURE, str(path), str(repetitions))
            total = figures["load_seconds"] + figures["parse_seconds"]
            mb = size / MEGABYTE
            rate = mb / total if total else float("inf")
            print(
                f"{what}: {mb:.2f} MB, {figures['sections']} sections; "
                f"load {figures['load_seconds'] * 1000:.0f} ms + outline {figures['parse_seconds'] * 1000:.0f} ms "
                f"= {rate:.1f} MB/s; peak {figures['rss_peak_kb'] / 1024:.0f} MB "
                f"(+{(figures['rss_peak_kb'] - baseline) / 1024:.0f} MB over the bare interpreter)"
            )
            if repetitions > 1:
                worst_throughput = min(worst_throughput, rate)
            else:
                slowest_line = max(slowest_line, total)
    verdict = "ok" if worst_throughput >= TARGET_MB_PER_S else "TOO SLOW"
    print(f"slowest ~1 MB throughput: {worst_throughput:.1f} MB/s (target >= {TARGET_MB_PER_S:.0f} MB/s): {verdict}")
    verdict = "ok" if slowest_line <= SINGLE_LINE_LIMIT_S else "TOO SLOW"
    print(f"slowest 10 MB single line: {slowest_line:.2f} s (target <= {SINGLE_LINE_LIMIT_S:.0f} s): {verdict}")


if __name__ == "__main__":
    main()
