"""Ingest throughput: files → articles → extract → store, on a corpus generated from real articles.

    python benchmarks/bench_ingest.py                    # 5,000 articles, 2 extraction processes
    python benchmarks/bench_ingest.py --workers 1 --count 1000
    python benchmarks/bench_ingest.py --extractor none   # reading + storing only

The corpus is made from the eval articles and the two sample articles: each copy gets its own id,
publication date and paragraph order, so no two texts are equal. Prints articles/s for a fresh
ingest and for an unchanged re-ingest, and the peak memory of this process and of its workers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from events.articles import read_path  # noqa: E402
from events.ingest import ingest  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--extractor", choices=("real", "none"), default="real")
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

        with Store(Path(tmp) / "bench.sqlite") as store:
            start = time.perf_counter()
            results = ingest([folder], store, workers=args.workers, extractor=extractor)
            fresh = time.perf_counter() - start
            failed = [r for r in results if r.error]
            articles = sum(len(r.article_ids) for r in results)
            events = sum(r.events for r in results)
            start = time.perf_counter()
            ingest([folder], store, workers=args.workers, extractor=extractor)
            again = time.perf_counter() - start
            counts = store.counts()
            db_mb = store.path.stat().st_size / 2**20

    print(f"extractor: {args.extractor}, workers: {args.workers}")
    print(f"ingest:    {articles} articles, {events} events, {len(failed)} failed files, "
          f"{fresh:.1f} s -> {articles / fresh:.0f} articles/s")
    skipped = "not extracted again" if extractor is None else "extracted again"
    print(f"re-ingest (unchanged, {skipped}): {again:.1f} s -> {articles / again:.0f} articles/s")
    print(f"store:     {counts['articles']} articles, {counts['events']} events, {db_mb:.1f} MB")
    print(f"peak memory: main {peak_mb(resource.RUSAGE_SELF):.0f} MB, "
          f"largest worker {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    for result in failed[:5]:
        print(f"  {result.error}")


if __name__ == "__main__":
    main()
