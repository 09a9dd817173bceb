"""Event extraction accuracy and speed on the development set and the seed articles.

    python benchmarks/bench_events.py            # scorer tables for train, validation and the seeds
    python benchmarks/bench_events.py --errors   # also list missed and spurious events (train, --extra sets)
    python benchmarks/bench_events.py --extra DIR ...  # also score annotated sets of your own

Needs the development data in ../shared/eval/events (articles/, gold.jsonl, split.json, score.py),
which a clone of geotimeline does not ship; without it the benchmark says so and stops.
Prints the official scorer's tables (whole-event and place-only precision/recall/F1 overall and
per type, date accuracy) for the train split the extractor is fitted on and for the validation
split it never saw, a summary of both, and articles per second (extraction only, one core).
Errors are listed for the train split and the --extra sets only: validation is for scoring, not
for study.
An --extra DIR holds articles/ (files like data/articles) and gold.jsonl (events annotated by the
guideline, the scorer's format); it is scored whole, with the same scorer.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.articles import iter_files, read_path  # noqa: E402
from events.export import to_record  # noqa: E402
from events.extract import Extractor  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "events"
SEEDS = ROOT.parent / "shared" / "seeds"


def predict(folder: Path, extractor: Extractor) -> tuple[list[dict], float, int]:
    articles = [a for path in iter_files([folder]) for a in read_path(path)]
    started = time.perf_counter()
    records = [to_record(event, article) for article in articles for event in extractor.extract(article)]
    return records, time.perf_counter() - started, len(articles)


def score(records: list[dict], gold: Path, split: str | None) -> str:
    """The official scorer's report; placeless mentions (null lat/lon) are left out of it."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.writelines(json.dumps(r) + "\n" for r in records if r["lat"] is not None)
    command = [sys.executable, str(EVAL / "score.py"), out.name, "--gold", str(gold)]
    if split:
        command += ["--split", split]
    try:
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout
    finally:
        Path(out.name).unlink()


def overall(report: str) -> tuple[str, str]:
    """(event F1, place-only F1) from a scorer report."""
    rows = [line.split() for line in report.splitlines() if line.strip().startswith("overall")]
    return rows[0][-1], rows[1][-1]


def show_errors(records: list[dict], gold_path: Path, articles: set[str]) -> None:
    sys.path.insert(0, str(EVAL))
    import score as scorer  # the official matcher, so the listing agrees with the numbers

    gold, _ = scorer.load_jsonl(str(gold_path), "gold")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.writelines(json.dumps(r) + "\n" for r in records if r["lat"] is not None)
    preds, _ = scorer.load_jsonl(out.name, "pred")
    Path(out.name).unlink()
    for article in sorted(articles):
        golds = [g for g in gold if g["article"] == article]
        mine = [p for p in preds if p["article"] == article]
        pairs = scorer.greedy_match(golds, mine, 50.0, False, True)
        hit_g, hit_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        print(f"\n== {article}: {len(pairs)} matched")
        for tag, items, hit in (("MISS ", golds, hit_g), ("EXTRA", mine, hit_p)):
            for item in (i["raw"] for i in items if id(i) not in hit):
                print(f"  {tag} {item['type']:<10} {str(item['place'])[:24]:<24} {item['date']!s:<10} "
                      f"| {item['evidence'][:100]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true",
                        help="list missed and spurious events of train and of the --extra sets")
    parser.add_argument("--extra", type=Path, nargs="+", default=[], metavar="DIR",
                        help="also score annotated sets: each DIR holds articles/ and gold.jsonl")
    args = parser.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"bench_events: skipped, the development set is not at {EVAL} (it is not shipped).")
        return 0
    extractor = Extractor()
    extractor.extract(next(read_path(p) for p in iter_files([EVAL / "articles"]))[0])  # load outside timing
    records, seconds, count = predict(EVAL / "articles", extractor)
    placed = sum(r["lat"] is not None for r in records)
    print(f"### development set: {count} articles, {placed} placed events (+{len(records) - placed} "
          f"mentions without a place), {count / seconds:.1f} articles/s (extraction only, one core)")
    summary = {}
    for split in ("train", "validation"):
        report = score(records, EVAL / "gold.jsonl", split)
        print(f"\n### {split}\n\n{report}")
        summary[split] = overall(report)
    seeds, _, seed_count = predict(ROOT / "data" / "articles", extractor)
    report = score(seeds, SEEDS / "gold-events.jsonl", None)
    print(f"\n### seeds ({seed_count} articles)\n\n{report}")
    for extra in args.extra:
        if not (extra / "gold.jsonl").exists() or not (extra / "articles").is_dir():
            print(f"\n### {extra}: skipped, it needs articles/ and gold.jsonl")
            continue
        extra_records, _, extra_count = predict(extra / "articles", extractor)
        extra_report = score(extra_records, extra / "gold.jsonl", None)
        print(f"\n### {extra} ({extra_count} articles)\n\n{extra_report}")
        summary[str(extra)] = overall(extra_report)
        if args.errors:  # a set of one's own is for study
            gold_articles = {json.loads(line)["article"] for line in (extra / "gold.jsonl").open(encoding="utf-8")
                             if line.strip()}
            show_errors(extra_records, extra / "gold.jsonl", gold_articles | {r["article"] for r in extra_records})
    print("summary: " + ", ".join(f"{split} event F1 {event}, place-only F1 {place}"
                                  for split, (event, place) in summary.items())
          + f", seeds event F1 {overall(report)[0]}")
    if args.errors:
        train = set(json.loads((EVAL / "split.json").read_text(encoding="utf-8"))["train"])
        show_errors(records, EVAL / "gold.jsonl", train)
    return 0


if __name__ == "__main__":
    sys.exit(main())
