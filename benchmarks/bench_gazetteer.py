"""Geoparsing benchmark on the shared development corpora (TR-News, GeoVirus).

    python benchmarks/bench_gazetteer.py [--corpus tr-news geovirus] [--errors FILE]

Prints recognition precision/recall/F1 (a predicted span matches a gold span it overlaps,
one-to-one), resolution Acc@161km on the recognised toponyms, end-to-end Acc@161km (a missed
toponym counts as wrong), articles per second of ``geoparse`` on one core, and the latency of
the first lookup in a fresh process. The corpora are read in place with their own ``load.py``
(``$GEOTIMELINE_EVAL`` or ``../shared/eval`` next to the repository); nothing is copied.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from gazetteer import Gazetteer, geoparse  # noqa: E402
from gazetteer.geo import distance_km  # noqa: E402

MISS_KM = 20039.0


def _loader():
    base = os.environ.get("GEOTIMELINE_EVAL") or os.path.join(REPO, "..", "shared", "eval")
    path = os.path.join(base, "geoparsing", "load.py")
    spec = importlib.util.spec_from_file_location("geoparsing_load", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def match(pred, gold):
    """One-to-one overlap matching: returns {gold index: pred index}."""
    pairs, used = {}, set()
    for gi, g in enumerate(gold):
        best = None
        for pi, p in enumerate(pred):
            if pi in used or p.end <= g["start"] or p.start >= g["end"]:
                continue
            overlap = min(p.end, g["end"]) - max(p.start, g["start"])
            if best is None or overlap > best[0]:
                best = (overlap, pi)
        if best:
            pairs[gi] = best[1]
            used.add(best[1])
    return pairs


def evaluate(docs, gz, errors=None):
    n_pred = n_gold = tp = 0
    resolved, e2e = [], []
    t0, c0 = time.perf_counter(), time.process_time()
    preds = [geoparse(d["text"], gazetteer=gz) for d in docs]
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    for d, pred in zip(docs, preds, strict=True):
        gold = d["toponyms"]
        pairs = match(pred, gold)
        n_pred += len(pred)
        n_gold += len(gold)
        tp += len(pairs)
        for gi, g in enumerate(gold):
            if g["lat"] is None:
                continue
            p = pred[pairs[gi]] if gi in pairs else None
            err = MISS_KM
            if p is not None and p.place is not None:
                err = distance_km(g["lat"], g["lon"], p.place.lat, p.place.lon)
            if p is not None:
                resolved.append(err)
            e2e.append(err)
            if errors and err >= 161:
                kind = "MISS" if p is None else "WRONG"
                where = p and p.place and f"{p.place.name},{p.place.country_code},{p.place.level}"
                errors.write(f"{kind}\t{d['doc_id']}\t{g['name']}\t{where}\t{err:.0f}\n")
        if errors:
            matched = set(pairs.values())
            for pi, p in enumerate(pred):
                if pi not in matched:
                    ctx = d["text"][max(0, p.start - 30):p.end + 30].replace("\n", " ")
                    errors.write(f"FP\t{d['doc_id']}\t{p.text}\t{p.place and p.place.name}\t{ctx}\n")
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return {
        "docs": len(docs), "gold": n_gold, "pred": n_pred,
        "precision": round(prec, 3), "recall": round(rec, 3),
        "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
        "acc161_resolved": round(sum(e < 161 for e in resolved) / len(resolved), 3) if resolved else 0,
        "acc161_end_to_end": round(sum(e < 161 for e in e2e) / len(e2e), 3) if e2e else 0,
        "articles_per_s": round(len(docs) / elapsed, 1),
        # CPU time of this process: the one-core rate, unaffected by other jobs on the machine
        "articles_per_cpu_s": round(len(docs) / cpu, 1),
    }


def _fresh_process_seconds(statement: str, setup: str) -> float:
    """Seconds a new Python process takes for ``setup`` (the import) plus ``statement``."""
    code = (f"import time; t = time.perf_counter(); {setup}; {statement}; "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True)
    return round(float(out.stdout.strip()), 3)


def first_lookup_seconds() -> float:
    return _fresh_process_seconds("Gazetteer.default().lookup('Minsk')", "from gazetteer import Gazetteer")


def first_geoparse_seconds() -> float:
    return _fresh_process_seconds("geoparse('Talks in Minsk and Brest.')", "from gazetteer import geoparse")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", default=["tr-news", "geovirus"])
    ap.add_argument("--errors", help="write misses, wrong resolutions and false positives here")
    args = ap.parse_args(argv)
    load = _loader()
    gz = Gazetteer.default()
    geoparse("warm up: Minsk", gazetteer=gz)
    with contextlib.ExitStack() as stack:
        errors = stack.enter_context(open(args.errors, "w", encoding="utf-8")) \
            if args.errors else None
        for name in args.corpus:
            res = evaluate(load.load(name), gz, errors)
            print(json.dumps({"corpus": name, **res}), flush=True)
    print(json.dumps({"first_lookup_s": first_lookup_seconds(),
                      "first_geoparse_s": first_geoparse_seconds()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
