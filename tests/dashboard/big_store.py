"""A store of many events for the scale tests, made in a few seconds from the hand-built ones.

``dash_fixtures.fill_store`` writes the sample articles and their events through ``Store``;
then one ``INSERT ... SELECT`` per table copies them, copy *k* of an article getting the id
``ID#k``, its dates moved by ``k % 1500`` days and its events moved a step on a lattice of
points around their place (so copies are spread over Europe and over four years). The store's
triggers index the copies as they would any ingested event.

``synthetic_frame`` makes many events in memory instead, for the map's and the timeline's pure
functions.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pandas as pd
from dash_fixtures import fill_store

from dashboard.data import events_frame
from events.model import EVENT_TYPES, Article, Event, Span

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

# Copy k sits (k % 40, k / 40 % 40) steps of 0.2531 degrees from the original place, less half
# the lattice (a step that no distance between two sample places is a multiple of, so copies of
# different places never share a point).
_EVENTS = _COPIES + f"""
INSERT INTO events
SELECT e.article_id || '#' || c.k, e.seq, e.id || '#' || c.k, e.type, e.cameo, e.evidence,
       e.evidence_start, e.evidence_end, e.trigger_start, e.trigger_end,
       date(e.date_start, {_SHIFT}), date(e.date_end, {_SHIFT}), e.date_granularity,
       e.date_basis, e.date_text, e.date_span_start, e.date_span_end,
       date(e.reported, {_SHIFT}), e.place_id, e.place_name, e.place_text, e.place_span_start,
       e.place_span_end, e.country_code,
       e.lat + (c.k / 40 % 40 - 20) * 0.2531, e.lon + (c.k % 40 - 20) * 0.2531,
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


# A spread of real-looking places: (name, country, lat, lon).
_PLACES = [
    ("Minsk", "BY", 53.9, 27.56667), ("Brest", "BY", 52.09755, 23.68775),
    ("Moscow", "RU", 55.75222, 37.61556), ("Warsaw", "PL", 52.22977, 21.01178),
    ("Astana", "KZ", 51.1801, 71.44598), ("Kyiv", "UA", 50.45466, 30.5238),
    ("Vilnius", "LT", 54.68916, 25.2798), ("Riga", "LV", 56.946, 24.10589),
]
_EVIDENCE = "Officials said the {t} near {p} on {d} involved several delegations and units."


def synthetic_events(n: int, seed: int = 7) -> tuple[list[Event], dict[str, Article]]:
    """``n`` events spread over eight places and ten years (a fifth undated), in memory."""
    rng = random.Random(seed)
    articles = {}
    events = []
    first = dt.date(2015, 1, 1)
    for i in range(n):
        article_id = f"a{i // 5}"
        if article_id not in articles:
            articles[article_id] = Article(
                id=article_id, text="", title=f"Report {article_id}",
                published=first + dt.timedelta(days=rng.randrange(3650)), source="synthetic",
            )
        name, country, lat, lon = rng.choice(_PLACES)
        lat += rng.uniform(-3, 3)
        lon += rng.uniform(-4, 4)
        kind = rng.random()
        start = first + dt.timedelta(days=rng.randrange(3650))
        if kind < 0.6:
            end, granularity = start, "day"
        elif kind < 0.8:
            start = start.replace(day=1)
            end, granularity = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(
                days=1), "month"
        else:
            start = end = None
            granularity = "none"
        event_type = EVENT_TYPES[i % len(EVENT_TYPES)]
        evidence = _EVIDENCE.format(t=event_type, p=name, d=start or "an unknown day")
        events.append(Event(
            id=f"e{i}", type=event_type, cameo="036", article_id=article_id, evidence=evidence,
            evidence_start=0, evidence_end=len(evidence), trigger_span=Span(22, 22 + len(
                event_type)), date_start=start, date_end=end, date_granularity=granularity,
            reported=articles[article_id].published, place_id=f"p{i % 5000}",
            place_name=f"{name} {i % 5000}", country_code=country, lat=round(lat, 5),
            lon=round(lon, 5), place_level="country" if i % 50 == 0 else "city",
            uncertainty_km=25.0 if i % 10 == 0 else None, actors=("Official A",),
        ))
    return events, articles


def synthetic_frame(n: int) -> pd.DataFrame:
    """``synthetic_events`` as the dashboard's table."""
    events, articles = synthetic_events(n)
    return events_frame(events, articles)
