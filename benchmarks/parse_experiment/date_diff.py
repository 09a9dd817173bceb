"""Train only: triggers whose date changes with the parse; whether old/new matches gold."""
import json, sys, os
from pathlib import Path
sys.path.insert(0, os.getcwd()); sys.path.insert(0, "/work/shared/eval/events")
import score as scorer
from events.articles import read_path
from events.export import to_record
from events.extract import Extractor
from events.extract.parse import Parser
EVAL = Path("/work/shared/eval/events")
train = set(json.loads((EVAL/"split.json").read_text())["train"])
gold, _ = scorer.load_jsonl(str(EVAL/"gold.jsonl"), "gold")
a0 = Extractor(confidence=False); a1 = Extractor(confidence=False, parser=Parser())
good = bad = 0
for p in sorted((EVAL/"articles").glob("*.txt")):
    if p.stem not in train: continue
    for a in read_path(p):
        gs = [g for g in gold if g["article"] == a.id]
        def key(e): return (e.evidence_start, e.trigger_span.start, e.place_id)
        def ok(r):
            d = scorer.norm_date(r["date"], r["date_granularity"])
            return any(g["type"] == r["type"] and scorer.haversine_km(g["lat"], g["lon"], r["lat"], r["lon"]) <= 50 and scorer.dates_agree(d, g["date"]) for g in gs)
        e0 = {key(e): e for e, _ in a0.candidates(a)[0]}
        e1 = {key(e): e for e, _ in a1.candidates(a)[0]}
        for k in sorted(set(e0) | set(e1)):
            x, y = e0.get(k), e1.get(k)
            dx = x and x.date_start; dy = y and y.date_start
            if x and y and (dx, x.date_granularity) == (dy, y.date_granularity): continue
            mx = x is not None and ok(to_record(x, a)); my = y is not None and ok(to_record(y, a))
            if mx == my: tag = "same"
            elif my: tag = "GOOD"; good += 1
            else: tag = "BAD"; bad += 1
            e = x or y
            print(f"[{tag}] {a.id} {e.type} {e.place_name} {dx} -> {dy} trig={e.evidence[e.trigger_span.start:e.trigger_span.end]!r}\n     {e.evidence[:300]}")
print("good", good, "bad", bad)
