"""Refit confidence on train, then score train and validation (official scorer) -> one line."""
import json, sys, subprocess, tempfile, re
from pathlib import Path
ROOT = __import__("os").getcwd(); sys.path.insert(0, ROOT)
from events.articles import iter_files, read_path
from events.export import to_record
from events.extract import Extractor
from events.extract.confidence import ConfidenceModel
EVAL = Path("/work/shared/eval/events")
w = Path(tempfile.mktemp(suffix=".json"))
PARSE = "--noparse" not in sys.argv
from events.extract.parse import Parser
P = Parser() if PARSE else None
fit = subprocess.run([sys.executable, "-m", "events.extract.fit", str(EVAL), "--out", str(w)] + (["--parse"] if PARSE else []), capture_output=True, text=True, cwd=ROOT)
cv = re.search(r"cross-validated event F1 ([\d.]+)", fit.stdout + fit.stderr)
models = {"refit": ConfidenceModel.load(w)}
if "--shipped" in sys.argv: models["shipped"] = None
out = []
for name, model in models.items():
    ex = Extractor(confidence=model, parser=P)
    recs = [to_record(e, a) for p in iter_files([EVAL/"articles"]) for a in read_path(p) for e in ex.extract(a) if e.lat is not None]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.writelines(json.dumps(r) + "\n" for r in recs)
    res = []
    for split in ("train", "validation"):
        rep = subprocess.run([sys.executable, str(EVAL/"score.py"), f.name, "--split", split], capture_output=True, text=True).stdout
        rows = [l.split() for l in rep.splitlines() if l.strip().startswith("overall")]
        res.append(f"{split} {rows[0][-1]} (P {rows[0][-3]} R {rows[0][-2]}) place {rows[1][-1]}")
    out.append(f"{name}: cv {cv.group(1) if cv else '?'} | " + " | ".join(res))
print("\n".join(out))
