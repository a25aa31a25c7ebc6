"""Start-up, large documents, key presses and memory of the app, against a reference app."""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from tests.bench.peak import PEAK

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
RUNS = 15  # pairs: this shared machine's speed swings by half within a minute

# A minimal Textual app of the same shape: a 60-node Tree and 2,000 Chinese characters.
REFERENCE = PEAK + textwrap.dedent(
    """
    import sys, time
    from textual.app import App
    from textual.containers import Horizontal
    from textual.widgets import Static, Tree

    class Reference(App):
        def compose(self):
            tree = Tree("doc")
            for i in range(60):
                tree.root.add_leaf(f"第{i}节 章节标题")
            tree.root.expand()
            with Horizontal():
                yield tree
                yield Static("作风建设永远在路上。" * 200)

        def on_ready(self):
            print("frame", time.time(), flush=True)
            print("cpu", time.process_time(), flush=True)
            self.exit()

    Reference().run(headless=True, size=(100, 30))
    print("rss", peak_kb(), flush=True)
    """
)

# The real `study` command, with a probe that reports the first frame and the moment the
# document's outline and first section are on screen.
STUDY = PEAK + textwrap.dedent(
    """
    import sys, time
    import tui.app

    class Timed(tui.app.StudyApp):
        def on_ready(self):
            print("frame", time.time(), flush=True)
            print("cpu", time.process_time(), flush=True)

        def on_document_opening_opened(self, message):
            super().on_document_opening_opened(message)
            self.call_after_refresh(self._shown)

        def _shown(self):
            print("shown", time.time(), flush=True)

        def on_document_opening_phrases_found(self, message):
            super().on_document_opening_phrases_found(message)
            print("phrases", time.time(), flush=True)
            self.exit()

        def run(self, **kwargs):
            return super().run(headless=True, size=(100, 30))

    tui.app.StudyApp = Timed
    from tui.cli import main
    main(sys.argv[1:])
    print("rss", peak_kb(), flush=True)
    """
)


def _run(script: str, args: list[str], data_dir: str) -> dict[str, float]:
    env = dict(os.environ, STUDY_DATA_DIR=data_dir, STUDY_LANG="zh")
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    ).stdout
    figures: dict[str, float] = {}
    for line in out.splitlines():
        name, _, value = line.partition(" ")
        if name in ("frame", "shown", "phrases"):
            figures[name] = float(value) - started
        elif name == "cpu":
            figures[name] = float(value)  # the process's own CPU time: what other work on the machine changes least
        elif name == "rss":
            figures[name] = float(value) / 1024  # KiB -> MiB
    return figures


def megabyte_document(folder: Path) -> Path:
    """About 1 MB of Chinese: the 20th Congress report repeated when present, else the speech."""
    source = CORPUS / "zh_report_20th_party_congress_2022.txt"
    text = source.read_text("utf-8") if source.exists() else SPEECH.read_text("utf-8")
    copies = max(1, (1 << 20) // len(text.encode("utf-8")) + 1)
    path = folder / "megabyte.txt"
    path.write_text("\n".join([text] * copies), "utf-8")
    return path


def _median(values: list[float]) -> float:
    return statistics.median(values)


async def _key_presses(path: Path, data_dir: str) -> dict[str, float]:
    os.environ["STUDY_DATA_DIR"] = data_dir
    from tui.app import StudyApp
    from tui.core.loader import load
    from tui.core.store import Store
    from tui.core.workbook import Workbook
    from tui.i18n import set_language
    from tui.widgets.text_view import TextView

    # The moment the text pane last drew a line: a key press is handled and redrawn then.
    drawn = [0.0]
    render_line = TextView.render_line

    def timed_render_line(self, y):
        strip = render_line(self, y)
        drawn[0] = time.perf_counter()
        return strip

    TextView.render_line = timed_render_line
    store = Store.open()
    set_language("zh")
    app = StudyApp(Workbook(path, load(path), store))
    timings: dict[str, list[float]] = {"next section": [], "page down": []}
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.reader.query_one("#text").focus()
        for _ in range(20):
            for name, key in (("next section", "right_square_bracket"), ("page down", "pagedown")):
                started = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                timings[name].append(drawn[0] - started)
    TextView.render_line = render_line
    store.close()
    return {name: _median(values) * 1000 for name, values in timings.items()}


def main() -> None:
    # Textual was compiled to bytecode when it was installed; the app's own modules are here
    # too, so that both start as installed programs do (with PYTHONDONTWRITEBYTECODE set,
    # every start would otherwise compile the app's source again).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        big = megabyte_document(folder)
        big_mb = big.stat().st_size / 1e6
        # In turns, so that a change in the machine's load falls on both alike.
        reference, study = [], []
        for _ in range(RUNS):
            reference.append(_run(REFERENCE, [], scratch))
            study.append(_run(STUDY, [str(SPEECH)], scratch))
        large = [_run(STUDY, [str(big)], scratch) for _ in range(3)]
        keys = asyncio.run(_key_presses(big, scratch))

    ref_frame = _median([r["frame"] for r in reference])
    study_frame = _median([r["frame"] for r in study])
    # Each study run's time over the reference run just before it: the two ran within a second
    # of each other, at one speed of the machine.
    pairs = sorted(s["frame"] / r["frame"] for r, s in zip(reference, study))
    quartiles = statistics.quantiles(pairs, n=4)
    print(f"reference app, first frame:          {ref_frame * 1000:7.0f} ms (median of {RUNS})")
    print(f"study, bundled speech, first frame:  {study_frame * 1000:7.0f} ms  ratio {study_frame / ref_frame:.2f}")
    print(f"study over reference, run by run:    median {statistics.median(pairs):.2f}, "
          f"middle half {quartiles[0]:.2f}-{quartiles[2]:.2f} ({RUNS} pairs)")
    ref_cpu = _median([r["cpu"] for r in reference])
    study_cpu = _median([r["cpu"] for r in study])
    print(f"CPU time to the first frame: reference {ref_cpu * 1000:.0f} ms, study {study_cpu * 1000:.0f} ms  ratio {study_cpu / ref_cpu:.2f}")
    print(f"study, bundled speech, outline shown:{_median([r['shown'] for r in study]) * 1000:7.0f} ms")
    print(f"study, bundled speech, key phrases found (first run):{_median([r['phrases'] for r in study[:1]]) * 1000:7.0f} ms")
    print(f"study, bundled speech, key phrases found (cached):   {_median([r['phrases'] for r in study[1:]]) * 1000:7.0f} ms")
    print(f"study, {big_mb:.1f} MB document, outline shown:{_median([r['shown'] for r in large]) * 1000:7.0f} ms (median of 3), key phrases found {_median([r['phrases'] for r in large]) * 1000:.0f} ms")
    for name, value in keys.items():
        print(f"key press on 1 MB ({name}), handled and redrawn: {value:6.1f} ms (median of 20)")
    print(f"peak memory: reference {_median([r['rss'] for r in reference]):.0f} MB, "
          f"bundled {_median([r['rss'] for r in study]):.0f} MB, 1 MB document {_median([r['rss'] for r in large]):.0f} MB")


if __name__ == "__main__":
    main()
