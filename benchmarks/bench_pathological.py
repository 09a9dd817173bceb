"""Reading + extraction cost per byte for inputs of every shape, so that regressions show.

    python benchmarks/bench_pathological.py            # 1 MB of each shape
    python benchmarks/bench_pathological.py --mb 20    # the upload limit

Each shape is read (events.articles.read_bytes) and extracted (events.Extractor) in a fresh
process, which reports its time, CPU time and peak RSS. The rate is input KB per CPU second of
that process, so that other work on the machine skews it less than wall time would; "x news" is
how many times slower per byte than news text the shape is (at most 5 is the goal). The shapes:
real news text (the sample articles repeated), one long line, capitalised words, one long
sentence full of triggers and places, a big HTML page, a JSON file of many small items.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_NEWS = "\n\n".join(p.read_text(encoding="utf-8").split("---", 2)[-1]
                    for p in sorted((ROOT / "data" / "articles").glob("*.txt")))


def shapes(size: int) -> dict[str, tuple[str, bytes]]:
    """name -> (file name, content) of about ``size`` bytes each."""
    def repeat(unit: str) -> str:
        return unit * max(1, size // len(unit.encode()))

    items = [{"id": f"i{i}", "published": "2024-12-04", "text": "Leaders met in Minsk on Monday."}
             for i in range(max(1, size // 90))]
    return {
        "news text": ("news.txt", repeat(_NEWS + "\n\n").encode()),
        "one long line": ("line.txt", repeat("the talks went on and on without a stop ").encode()),
        "capitalised words": ("caps.txt", repeat("Minsk Brest Grodno Warsaw Vilnius Riga Kyiv ").encode()),
        "a sentence of triggers": ("triggers.txt",
                                   repeat("Putin met Lukashenko in Minsk and visited Moscow, ").encode()),
        "big HTML": ("page.html", ("<html><body>" + repeat(
            "<div class='x'><p>Troops were deployed near Brest on Monday.</p></div>")
            + "</body></html>").encode()),
        "many JSON items": ("items.json", json.dumps(items).encode()),
    }


_CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
from events.articles import read_bytes
from events.extract import Extractor
extractor = Extractor()
extractor.extract(read_bytes("warm.txt", b"Leaders met in Minsk on Monday.")[0])
data = open({path!r}, "rb").read()
started, cpu_started = time.perf_counter(), time.process_time()
articles = read_bytes({name!r}, data)
events = sum(len(extractor.extract(a)) for a in articles)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(articles), events)
"""


class RefusedInput(Exception):
    """The reading process stopped with this error."""


def measure(name: str, content: bytes, scratch: Path) -> tuple[float, float, int, int, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, articles, events) of reading + extracting."""
    path = scratch / name
    path.write_bytes(content)
    code = _CHILD.format(root=str(ROOT), path=str(path), name=name)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        # an input the reader refuses (HTML over its size limit) says why, in one line
        raise RefusedInput((done.stderr.strip().splitlines() or ["no message"])[-1])
    seconds, cpu, rss_kb, articles, events = done.stdout.split()
    return float(seconds), float(cpu), int(rss_kb) // 1024, int(articles), int(events)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input in MB (default 1)")
    parser.add_argument("--scratch", type=Path, default=ROOT / "data" / "cache" / "pathological")
    args = parser.parse_args()
    args.scratch.mkdir(parents=True, exist_ok=True)
    print(f"{'shape':<24} {'KB':>8} {'seconds':>8} {'CPU s':>7} {'KB/CPU s':>9} {'x news':>7} "
          f"{'peak RSS MB':>12} {'articles':>9} {'events':>7}")
    news_rate = None
    for label, (name, content) in shapes(int(args.mb * 1024 * 1024)).items():
        kb = len(content) / 1024
        try:
            seconds, cpu, rss, articles, events = measure(name, content, args.scratch)
        except RefusedInput as refused:
            print(f"{label:<24} {kb:>8.0f}  not read: {refused}")
            continue
        rate = kb / max(cpu, 1e-9)
        news_rate = news_rate or rate  # news text comes first
        print(f"{label:<24} {kb:>8.0f} {seconds:>8.2f} {cpu:>7.2f} {rate:>9.0f} {news_rate / rate:>7.1f} "
              f"{rss:>12} {articles:>9} {events:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
