"""A store of many events for the scale tests, made in a few seconds from the hand-built ones.

``dash_fixtures.fill_store`` writes the sample articles and their events through ``Store``;
then one ``INSERT ... SELECT`` per table copies them, copy *k* of an article getting the id
``ID#k``, its dates moved by ``k % 1500`` days and its events moved a step on a lattice of
points around their place (so copies are spread over Europe and over four years). The store's
triggers index the copies as they would any ingested event.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dash_fixtures import fill_store

_SHIFT = "printf('%+d days', c.k % 1500)"
# Copy numbers 1..:copies, joined to the original rows (kept in temp tables, so that the copies
# just written are never read again).
_COPIES = "WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < :copies) "

_ARTICLES = _COPIES + f"""
INSERT INTO articles (id, title, published, published_basis, source, meta, text, n_events,
                      fingerprint, stored_at, content_hash, extractor, origin)
SELECT a.id || '#' || c.k, a.title, date(a.published, {_SHIFT}), a.published_basis, a.source,
       a.meta, a.text, a.n_events, a.fingerprint, a.stored_at, a.content_hash, a.extractor, ''
FROM temp.base_articles AS a, c
"""

# Copy k sits (k % 40, k / 40 % 40) steps of 0.25 degrees from the original place, less half
# the lattice, so copies of one event never share a point.
_EVENTS = _COPIES + f"""
INSERT INTO events
SELECT e.article_id || '#' || c.k, e.seq, e.id || '#' || c.k, e.type, e.cameo, e.evidence,
       e.evidence_start, e.evidence_end, e.trigger_start, e.trigger_end,
       date(e.date_start, {_SHIFT}), date(e.date_end, {_SHIFT}), e.date_granularity,
       e.date_basis, e.date_text, e.date_span_start, e.date_span_end,
       date(e.reported, {_SHIFT}), e.place_id, e.place_name, e.place_text, e.place_span_start,
       e.place_span_end, e.country_code,
       e.lat + (c.k / 40 % 40 - 20) * 0.25, e.lon + (c.k % 40 - 20) * 0.25,
       e.place_level, e.uncertainty_km, e.actors, e.confidence,
       json_array(e.article_id || '#' || c.k), e.unplaced_reason
FROM temp.base_events AS e, c
"""


def big_store(path: Path, events: int) -> Path:
    """A store at ``path`` holding about ``events`` events (whole copies of the samples)."""
    fill_store(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        base = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("CREATE TEMP TABLE base_articles AS SELECT * FROM articles")
        conn.execute("CREATE TEMP TABLE base_events AS SELECT * FROM events")
        copies = {"copies": events // base - 1}
        conn.execute("BEGIN")
        conn.execute(_ARTICLES, copies)
        conn.execute(_EVENTS, copies)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path
