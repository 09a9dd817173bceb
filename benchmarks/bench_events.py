"""Event extraction accuracy and speed on the development set (shared/eval/events) and the seeds.

    python benchmarks/bench_events.py            # scorer tables for the dev set and the seeds
    python benchmarks/bench_events.py --errors   # also list missed and spurious events per article

Prints the official scorer's output (shared/eval/events/score.py) and articles/second.
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
from events.extract import extract  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "events"
SEEDS = ROOT.parent / "shared" / "seeds"


def predict(folder: Path) -> tuple[list[dict], float, int]:
    articles = [a for path in iter_files([folder]) for a in read_path(path)]
    extract(articles[0])  # load the gazetteer index once, outside the timing
    started = time.perf_counter()
    records = [to_record(event, article) for article in articles for event in extract(article)]
    return records, time.perf_counter() - started, len(articles)


def score(records: list[dict], gold: Path) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.writelines(json.dumps(r) + "\n" for r in records)
    subprocess.run([sys.executable, str(EVAL / "score.py"), out.name, "--gold", str(gold)], check=True)
    Path(out.name).unlink()


def show_errors(records: list[dict], gold_path: Path) -> None:
    sys.path.insert(0, str(EVAL))
    import score as scorer  # the official matcher, so the listing agrees with the numbers

    gold, _ = scorer.load_jsonl(str(gold_path), "gold")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.writelines(json.dumps(r) + "\n" for r in records)
    preds, _ = scorer.load_jsonl(out.name, "pred")
    for article in sorted({g["article"] for g in gold} | {p["article"] for p in preds}):
        golds = [g for g in gold if g["article"] == article]
        mine = [p for p in preds if p["article"] == article]
        pairs = scorer.greedy_match(golds, mine, 50.0, False, True)
        hit_g = {id(g) for g, _ in pairs}
        hit_p = {id(p) for _, p in pairs}
        print(f"\n== {article}: {len(pairs)} matched")
        for tag, items, hit in (("MISS ", golds, hit_g), ("EXTRA", mine, hit_p)):
            for item in (i["raw"] for i in items if id(i) not in hit):
                print(f"  {tag} {item['type']:<10} {str(item['place'])[:24]:<24} {item['date']!s:<10} "
                      f"| {item['evidence'][:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list missed and spurious events")
    args = parser.parse_args()
    for name, folder, gold in (("dev set", EVAL / "articles", EVAL / "gold.jsonl"),
                               ("seeds", ROOT / "data" / "articles", SEEDS / "gold-events.jsonl")):
        records, seconds, count = predict(folder)
        print(f"\n### {name}: {count} articles, {len(records)} events, "
              f"{count / seconds:.1f} articles/s (extraction only, one core)\n")
        score(records, gold)
        if args.errors:
            show_errors(records, gold)


if __name__ == "__main__":
    main()
