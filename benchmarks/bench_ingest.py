"""Ingest throughput: files → articles → extract → store → merge, on a corpus generated from real
articles.

    python benchmarks/bench_ingest.py                    # 3,000 articles, 2 workers, pool and Dask
    python benchmarks/bench_ingest.py --count 1000 --no-dask
    python benchmarks/bench_ingest.py --extractor none   # reading + storing only

The corpus is made from the eval articles and the two sample articles: each copy gets its own id,
publication date and paragraph order, so no two texts are equal. Prints

- the cost of each stage, measured one after the other in this process (read every file,
  extract every article, store them a worker's chunk of files a transaction as ingest does,
  read the store back and merge),
  and the share of the total that is not extraction, in wall time and in CPU time;
- `python -m events ingest` end to end, process start included, with a process pool and with
  `--dask local` (same number of workers), fresh and re-ingesting the unchanged corpus;
- the peak memory of this process and of the largest ingest process.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from events.articles import read_path  # noqa: E402
from events.ingest import _CHUNK as CHUNK  # noqa: E402 - the files a pool worker gets at a time
from events.store import Store  # noqa: E402

EVAL_ARTICLES = REPO.parent / "shared" / "eval" / "events" / "articles"
SAMPLES = REPO / "data" / "articles"
# For a source article without a publication date.
DEFAULT_DATE = dt.date(2024, 12, 4)


def no_events(article):  # noqa: ANN001, ANN201 - the extractor contract
    return []


def make_corpus(folder: Path, count: int) -> int:
    """``count`` article files from the real ones; returns the number of source articles."""
    sources = [a for p in sorted(EVAL_ARTICLES.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))
               for a in read_path(p)]
    if not sources:
        raise SystemExit(f"no source articles found in {EVAL_ARTICLES} or {SAMPLES}")
    for i in range(count):
        source = sources[i % len(sources)]
        rng = random.Random(i)
        paragraphs = [p for p in source.text.split("\n") if p.strip()]
        head, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        published = source.published or DEFAULT_DATE
        published = published.fromordinal(published.toordinal() + rng.randrange(-30, 30))
        text = "\n\n".join(head + rest)
        (folder / f"bench-{i:05d}.txt").write_text(
            f"---\nid: bench-{i:05d}\ntitle: {source.title}\npublished: {published}\n"
            f"source: generated from {source.id}\n---\n{text}\n",
            encoding="utf-8",
        )
    return len(sources)


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


class _Clock:
    """Wall and CPU seconds of each stage: on a machine busy with other work the wall time
    swings with it, this process's CPU time much less."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall[name] = time.perf_counter() - wall
        self.cpu[name] = time.process_time() - cpu


def stages(folder: Path, db: Path, extractor) -> _Clock:  # noqa: ANN001
    """The time of each stage, run one after the other in this process."""
    from events.extract import Extractor
    from events.ingest import default_extractor_version

    files = sorted(folder.iterdir())
    clock = _Clock()
    with clock.stage("read"):
        read = [(path, read_path(path)) for path in files]
    extract = extractor or Extractor().extract
    extract(read[0][1][0])  # the gazetteer index opened: a one-off cost, not per article
    with clock.stage("extract"):
        extracted = [(path, [(a, extract(a)) for a in articles]) for path, articles in read]
    version = default_extractor_version() if extractor is None else ""
    with Store(db) as store:
        with clock.stage("store"):
            # As ingest with a process pool writes: a worker's chunk of files a transaction.
            for begin in range(0, len(extracted), CHUNK):
                store.put_files([(os.path.abspath(path), items, ())
                                 for path, items in extracted[begin : begin + CHUNK]],
                                extractor=version)
        with clock.stage("merge"):
            store.merged_events()
    return clock


def cli_ingest(folder: Path, db: Path, workers: int, dask: bool) -> float:
    """Wall seconds of `python -m events ingest`, process start included."""
    argv = [sys.executable, "-m", "events", "ingest", str(folder), "--db", str(db),
            "--workers", str(workers), "--no-progress"]
    start = time.perf_counter()
    done = subprocess.run([*argv, *(["--dask", "local"] if dask else [])], cwd=REPO,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--extractor", choices=("real", "none"), default="real")
    parser.add_argument("--no-dask", action="store_true", help="skip the --dask local run")
    args = parser.parse_args()
    extractor = no_events if args.extractor == "none" else None

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        start = time.perf_counter()
        n_sources = make_corpus(folder, args.count)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"corpus: {args.count} articles from {n_sources} real ones, {size / 2**20:.1f} MB, "
              f"generated in {time.perf_counter() - start:.1f} s")

        clock = stages(folder, Path(tmp) / "stages.sqlite", extractor)
        print(f"stages (extractor: {args.extractor}; one process, one after the other):")
        for label, times in (("wall time", clock.wall), ("CPU time of this process", clock.cpu)):
            total = sum(times.values())
            print(f" {label}:")
            for stage, seconds in times.items():
                print(f"  {stage:8s} {seconds:6.2f} s  {seconds / total:6.1%}  "
                      f"{1000 * seconds / args.count:6.2f} ms/article  "
                      f"{args.count / seconds:8.0f} articles/s")
            print(f"  not extraction (read + store + merge): {1 - times['extract'] / total:.1%} "
                  "of the total")

        if extractor is not None:
            return  # the CLI always runs the real extractor
        engines = [("pool", False)] + ([] if args.no_dask else [("dask local", True)])
        for name, dask in engines:
            db = Path(tmp) / f"{name.replace(' ', '-')}.sqlite"
            fresh = cli_ingest(folder, db, args.workers, dask)
            again = cli_ingest(folder, db, args.workers, dask)
            with Store(db) as store:
                counts = store.counts()
            print(f"python -m events ingest ({name}, {args.workers} workers): "
                  f"{counts['articles']} articles, {counts['events']} events in {fresh:.1f} s "
                  f"-> {args.count / fresh:.0f} articles/s; unchanged re-ingest {again:.1f} s "
                  f"-> {args.count / again:.0f} articles/s")
    print(f"peak memory: this process {peak_mb(resource.RUSAGE_SELF):.0f} MB, "
          f"largest ingest process {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")


if __name__ == "__main__":
    main()
