"""Pipeline test helpers: hand-made events, a deterministic stand-in extractor, corpora, ingests.

Plain functions, imported by tests and by the subprocesses of the crash and concurrency tests as
``pipeline_helpers`` (a unique name: every test folder has its own ``conftest``).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from events.model import Article, Event, Span

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL_ARTICLES = SHARED / "eval" / "events" / "articles"
# Tests of the development data itself skip on a checkout without ../shared.
needs_shared = pytest.mark.skipif(not EVAL_ARTICLES.is_dir(), reason=f"no development data at {SHARED}")
SAMPLE_ARTICLES = REPO / "data" / "articles"


def make_event(article_id: str, n: int = 0, **changes: object) -> Event:
    """An event with every field set to a non-default value (so round trips test them all)."""
    values: dict[str, object] = dict(
        id=f"{article_id}:{n}",
        type="meeting",
        cameo="043",
        article_id=article_id,
        evidence=f"Putin met Lukashenko in Minsk on December {n + 1}.",
        evidence_start=10 * n,
        evidence_end=10 * n + 47,
        trigger_span=Span(6, 9),
        date_start=dt.date(2024, 12, n % 28 + 1),
        date_end=dt.date(2024, 12, n % 28 + 1),
        date_granularity="day",
        date_basis="explicit",
        date_text=f"December {n + 1}",
        date_span=Span(33, 43),
        reported=dt.date(2024, 12, 4),
        place_id="625144",
        place_name="Minsk",
        place_text="Minsk",
        place_span=Span(24, 29),
        country_code="BY",
        lat=53.9 + n / 1000,
        lon=27.56667,
        place_level="city",
        uncertainty_km=12.5,
        actors=("Vladimir Putin", "Alexander Lukashenko"),
        confidence=0.875,
        sources=(article_id,),
    )
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def fake_extract(article: Article, scale: int = 1) -> list[Event]:
    """0-4 (times ``scale``) events per article, a pure function of its id and text (stands in
    for extract, so store tests do not depend on the real extractor's output)."""
    count = zlib.crc32(f"{article.id}|{article.text}".encode()) % 5 * scale
    return [make_event(article.id, n, evidence=article.text[:80]) for n in range(count)]


def write_corpus(folder: Path, count: int, prefix: str) -> list[str]:
    """``count`` article files made from the real eval articles, each with its own id and text."""
    sources = sorted(EVAL_ARTICLES.glob("*.txt")) or sorted(SAMPLE_ARTICLES.glob("*.txt"))
    texts = [p.read_text().split("\n---\n", 1)[1] for p in sources]
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(count):
        article_id = f"{prefix}{i:05d}"
        text = f"{texts[i % len(texts)]}\n(Copy {article_id}.)"
        (folder / f"{article_id}.txt").write_text(
            f"---\nid: {article_id}\npublished: 2006-11-{i % 28 + 1:02d}\n---\n{text}\n"
        )
        ids.append(article_id)
    return ids


# A `python -m events ingest` with fake_extract (scaled, optionally slowed) as the extractor.
_INGEST_SCRIPT = """
import sys, time, types
sys.path.insert(0, {tests!r})
import pipeline_helpers, events
def extract(article):
    time.sleep({sleep!r})
    return pipeline_helpers.fake_extract(article, scale={scale!r})
module = types.ModuleType("events.extract")
module.extract = extract
sys.modules["events.extract"] = events.extract = module
from events.cli import main
raise SystemExit(main(["ingest", *{paths!r}, "--db", {db!r}, "--no-progress"]))
"""


def start_ingest(paths: list[Path], db: Path, *, scale: int = 1, sleep: float = 0.0):
    """The ingest CLI in a subprocess (a ``subprocess.Popen``), stand-in extractor installed."""
    script = _INGEST_SCRIPT.format(tests=str(Path(__file__).parent), sleep=sleep, scale=scale,
                                   paths=[str(p) for p in paths], db=str(db))
    return subprocess.Popen([sys.executable, "-c", script], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# The formats of write_small_corpus, in turn, with how many articles each file holds.
_SMALL_FORMATS = ((".txt", 1), (".md", 1), (".json", 3), (".jsonl", 4))


def write_small_corpus(folder: Path, count: int, prefix: str, *, edit: int = 0) -> list[str]:
    """``count`` short generated articles (ids ``prefix00000``...) in every format the readers take:
    single ``.txt`` and ``.md`` files with front matter, ``.json`` lists of 3 and ``.jsonl`` files of
    4. ``edit`` > 0 stands for a user editing the corpus: every 5th article's text changes and every
    11th gets a new id (so its file replaces the old article). Returns the ids the corpus holds."""
    folder.mkdir(parents=True, exist_ok=True)
    items = []
    for i in range(count):
        article_id = f"{prefix}{i:05d}" + (f"-e{edit}" if edit and i % 11 == 0 else "")
        revision = edit if i % 5 == 0 else 0
        items.append({"id": article_id, "published": f"2024-12-{i % 28 + 1:02d}", "text": (
            f"Leaders met in Minsk on December {i % 28 + 1} ({article_id}). Talks went on in "
            f"Brest the next day, officials said. Revision {revision}.")})
    start, n = 0, 0
    while start < count:
        suffix, size = _SMALL_FORMATS[n % len(_SMALL_FORMATS)]
        chunk, path = items[start : start + size], folder / f"{prefix}{n:05d}{suffix}"
        if suffix == ".json":
            path.write_text(json.dumps(chunk))
        elif suffix == ".jsonl":
            path.write_text("\n".join(json.dumps(item) for item in chunk) + "\n")
        else:
            (item,) = chunk
            path.write_text(f"---\nid: {item['id']}\npublished: {item['published']}\n---\n"
                            f"{item['text']}\n")
        start, n = start + size, n + 1
    return [item["id"] for item in items]
