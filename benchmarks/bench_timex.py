"""Accuracy and speed of events.timex.find_dates on the TimeML corpora (TempEval-3 task A measures).

Usage: python benchmarks/bench_timex.py [--data DIR] [--corpus NAME ...] [--errors N]

The corpora stay in ../shared/eval/temporal (read through its load.py, never copied). Measures,
as TempEval-3 defines them: relaxed extent F1 (any overlap), strict extent F1 (same offsets),
type accuracy and value F1 over relaxed matches (a value counts when the match's value is equal),
the same value F1 with gold weeks read as GUIDELINES §4 months (val§4F1: find_dates dates "last
week" by its month on purpose, where TimeML writes 1998-W08), and documents per second for find_dates alone, by wall clock and by CPU time (the machine may be
shared). Each document is anchored at its DCT.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.timex import find_dates  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "temporal"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# a resolved TIMEX3 week such as 1998-W08 (not a weekend, not XXXX-WXX)
_GOLD_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")


def week_as_month(value: str) -> str:
    """A gold week value read by GUIDELINES §4 ("last week" is the month holding the Thursday of
    that week), the one place where find_dates deliberately departs from TimeML."""
    m = _GOLD_WEEK.fullmatch(value)
    if m is None:
        return value
    try:
        thursday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 4)
    except ValueError:
        return value
    return f"{thursday.year:04d}-{thursday.month:02d}"


def score(docs: list[dict], preds: list[list], errors: Counter | None = None) -> dict:
    """TempEval-3 style counts over documents; ``preds`` are find_dates results per document.

    ``value_f1`` compares with the TimeML gold as it is; ``value_f1_s4`` reads gold weeks as
    their §4 month first (``week_as_month``), so it shows the loss the week rule does not explain.
    """
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = value_s4 = 0
    for doc, pred in zip(docs, preds, strict=True):
        gold = doc["timexes"]
        n_gold += len(gold)
        n_sys += len(pred)
        used = set()
        for g in gold:
            match = None
            for i, p in enumerate(pred):
                if i not in used and p.start < g["end"] and g["start"] < p.end:
                    match = i
                    break
            if match is None:
                if errors is not None:
                    errors[("missed", g["text"].lower(), g["value"])] += 1
                continue
            used.add(match)
            p = pred[match]
            relaxed += 1
            strict += p.start == g["start"] and p.end == g["end"]
            type_ok += p.type == g["type"]
            value_ok += p.value == g["value"]
            value_s4 += p.value == week_as_month(g["value"])
            if errors is not None and p.value != g["value"]:
                errors[("value", g["text"].lower(), f"{g['value']} != {p.value}")] += 1
            if errors is not None and (p.start, p.end) != (g["start"], g["end"]):
                errors[("extent", g["text"], p.text)] += 1
        if errors is not None:
            for i, p in enumerate(pred):
                if i not in used:
                    errors[("spurious", p.text.lower(), p.value)] += 1
    def prf(k: int) -> float:
        return _f1(k / n_sys if n_sys else 0.0, k / n_gold if n_gold else 0.0)
    return {"gold": n_gold, "sys": n_sys, "relaxed_f1": prf(relaxed), "strict_f1": prf(strict),
            "type_acc": type_ok / relaxed if relaxed else 0.0, "value_f1": prf(value_ok),
            "value_f1_s4": prf(value_s4), "counts": (relaxed, strict, type_ok, value_ok)}


def run(docs: list[dict]) -> tuple[list[list], float, float]:
    """Predictions per document, wall seconds and CPU seconds (the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    preds = [find_dates(d["text"], dt.date.fromisoformat(d["dct"])) for d in docs]
    return preds, time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--corpus", nargs="*", default=["timebank", "aquaint", "wikiwars"])
    ap.add_argument("--errors", type=int, default=0, help="print the N most common errors")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.data))
    from load import load_corpus  # the corpora's own loader

    print(f"{'corpus':<18}{'docs':>5}{'gold':>6}{'sys':>6}{'relaxF1':>9}{'strictF1':>9}"
          f"{'typeAcc':>9}{'valueF1':>9}{'val§4F1':>9}{'docs/s':>9}{'cpu d/s':>9}")
    pooled: dict[str, list] = {"docs": [], "preds": []}
    errors: Counter = Counter()
    for name in args.corpus:
        docs = load_corpus(name, str(args.data))
        preds, seconds, cpu = run(docs)
        s = score(docs, preds, errors if args.errors else None)
        print(f"{name:<18}{len(docs):>5}{s['gold']:>6}{s['sys']:>6}{100 * s['relaxed_f1']:>9.1f}"
              f"{100 * s['strict_f1']:>9.1f}{100 * s['type_acc']:>9.1f}{100 * s['value_f1']:>9.1f}"
              f"{100 * s['value_f1_s4']:>9.1f}{len(docs) / seconds:>9.0f}{len(docs) / cpu:>9.0f}")
        if name in ("timebank", "aquaint"):
            pooled["docs"] += docs
            pooled["preds"] += preds
    if pooled["docs"]:
        s = score(pooled["docs"], pooled["preds"])
        print(f"{'timebank+aquaint':<18}{len(pooled['docs']):>5}{s['gold']:>6}{s['sys']:>6}"
              f"{100 * s['relaxed_f1']:>9.1f}{100 * s['strict_f1']:>9.1f}"
              f"{100 * s['type_acc']:>9.1f}{100 * s['value_f1']:>9.1f}"
              f"{100 * s['value_f1_s4']:>9.1f}")
    for (kind, a, b), n in errors.most_common(args.errors):
        print(f"{n:4d} {kind:<9} {a!r:40} {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
