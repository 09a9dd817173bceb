"""The store's query index: what a dashboard filters, counts and maps by, kept by SQLite itself.

Schema version 5 adds, beside ``events``:

- ``event_index``: one narrow row per event (its ``events.rowid``): type, country, place id,
  the days it is drawn at (``d0``/``d1``, days since 1970: the event's own dates when they are
  drawable, else its report date), the undated / approximate flags, Web Mercator ``x``/``y``
  in [0, 1] and the finest grid ``cell`` holding the point (NULL when unlocated); indexed for
  date and country, with two covering indexes ordered as the timeline and the map group (by
  type within). Scanning it is what a million-event filter costs, so it holds no text.
- ``event_actors``: (actor, event) pairs, for the actor filter and the actor list.
- ``events_fts`` / ``titles_fts``: FTS5 over the events' passages, places, actors and types,
  and over the articles' titles (external content: the text is not stored twice).

Triggers fill all of them in the transaction that writes an event or an article, so every
writer (ingest, uploads, another program through SQLite) keeps them right, and a store never
has an event its index lacks. Reports are merged (``events.merge``) only for the events a view
shows, not here: the index counts stored reports.

The index refers to events by their SQLite rowid, which ``VACUUM`` may renumber (``events`` has
no INTEGER PRIMARY KEY): nothing in geotimeline vacuums; after a manual VACUUM, rebuild with
``INSERT INTO events_fts(events_fts) VALUES ('rebuild')`` and ``BACKFILL_INDEX`` (the migration).
"""

# ruff: noqa: S608 - every statement here is built from this module's constants
from __future__ import annotations

# Days since 1970 of an ISO date, NULL unless the timeline can draw it (1678..2261, as
# dashboard.data._timestamps): a made-up year 9999 is not drawn at 2261.
_DAY = ("(CASE WHEN {0} BETWEEN '1678-01-01' AND '2261-12-31' "
        "THEN CAST(julianday({0}) - 2440587.5 AS INTEGER) END)")
_INDEX_COLUMNS = "id, type, country, place_id, d0, d1, undated, approximate, x, y, cell"
# The finest grid: 2**18 cells across the Web Mercator square (about 150 m at the equator).
CELL_BITS = 18


def _dates(ev: str) -> str:
    """``s``, ``e`` and ``r``: the drawable first and last day of the event row ``ev`` and its
    report date (its own, else its article's publication date)."""
    reported = (f"coalesce({ev}.reported, "
                f"(SELECT published FROM articles AS a WHERE a.id = {ev}.article_id))")
    return (f"{_DAY.format(ev + '.date_start')} AS s, "
            f"{_DAY.format(f'coalesce({ev}.date_end, {ev}.date_start)')} AS e, "
            f"{_DAY.format(reported)} AS r")


def _index_row(ev: str, rowid: str) -> str:
    """The ``event_index`` values of event row ``ev`` (whose ``s``, ``e``, ``r`` are in scope)."""
    located = f"{ev}.lat IS NOT NULL AND {ev}.lon IS NOT NULL"
    # Latitude is clamped where Web Mercator ends.
    lat = f"max(-85.0511, min(85.0511, {ev}.lat))"
    y = f"(1.0 - ln(tan(radians({lat}) / 2 + pi() / 4)) / pi()) / 2.0"
    return f"""{rowid}, {ev}.type, {ev}.country_code, {ev}.place_id,
           coalesce(s, r), coalesce(e, s, r), s IS NULL,
           {ev}.date_granularity IN ('month', 'year', 'range') OR {ev}.place_level = 'country'
               OR coalesce({ev}.uncertainty_km, 0) > 0,
           CASE WHEN {located} THEN ({ev}.lon + 180.0) / 360.0 END,
           CASE WHEN {located} THEN {y} END,
           CASE WHEN {located}
               THEN min({(1 << CELL_BITS) - 1}, CAST({y} * {1 << CELL_BITS} AS INTEGER))
                   * {1 << CELL_BITS}
               + min({(1 << CELL_BITS) - 1}, CAST(({ev}.lon + 180.0) / 360.0 * {1 << CELL_BITS}
                                                   AS INTEGER)) END"""


INSERT_INDEX_ROW = (f"INSERT INTO event_index ({_INDEX_COLUMNS}) "
                    f"SELECT {_index_row('new', 'new.rowid')} FROM (SELECT {_dates('new')});")
# A store of an older version is indexed once, in the migration's transaction.
BACKFILL_INDEX = (f"INSERT INTO event_index ({_INDEX_COLUMNS}) "
                  f"SELECT {_index_row('ev', 'ev.rid')} FROM (SELECT events.*, events.rowid "
                  f"AS rid, {_dates('events')} FROM events) AS ev")

# Trigger bodies: index the row ``new``, forget the row ``old``.
_INDEX_NEW = f"""
    {INSERT_INDEX_ROW}
    INSERT OR IGNORE INTO event_actors (actor, event)
        SELECT value, new.rowid FROM json_each(new.actors) WHERE type = 'text';
    INSERT INTO events_fts (rowid, evidence, place_name, place_text, actors, type)
        VALUES (new.rowid, new.evidence, new.place_name, new.place_text, new.actors, new.type);
"""
_UNINDEX_OLD = """
    DELETE FROM event_index WHERE id = old.rowid;
    DELETE FROM event_actors WHERE event = old.rowid;
    INSERT INTO events_fts (events_fts, rowid, evidence, place_name, place_text, actors, type)
        VALUES ('delete', old.rowid, old.evidence, old.place_name, old.place_text, old.actors,
                old.type);
"""

# Schema version 7 drops these: no query of the dashboard (dashboard/query.py) or of the store
# reads them (EXPLAIN QUERY PLAN; tests/dashboard/test_query.py checks the indexes the dashboard
# reads). Each wrote a page per event at every commit (a random position in its b-tree): the
# three were about a sixth of what storing an article cost. Events are found by their article
# and through event_index, never by ``events.id`` or ``events.date_start``, and nothing filters
# by place id.
UNUSED_INDEXES = ("events_by_id", "events_by_date", "event_index_place")

MIGRATION: tuple[str, ...] = (
    """CREATE TABLE event_index (
        id INTEGER PRIMARY KEY,        -- events.rowid
        type TEXT NOT NULL,
        country TEXT NOT NULL,
        place_id TEXT NOT NULL,
        d0 INTEGER,                    -- first day drawn (days since 1970), NULL: none at all
        d1 INTEGER,                    -- last day drawn
        undated INTEGER NOT NULL,      -- no drawable date of its own: drawn at the report date
        approximate INTEGER NOT NULL,  -- month / year / span, whole country, or a radius
        x REAL,                        -- Web Mercator, 0..1 west to east; NULL: not on the map
        y REAL,                        -- 0..1 north to south
        cell INTEGER                   -- row * 2**18 + column of the finest grid cell
    )""",
    # Two covering indexes hold every column a filter reads, in the order the timeline (by
    # day, then type) and the map's grid (by cell, then type) group by: both are read in
    # order, without a sort, and without visiting the table.
    "CREATE INDEX event_index_day ON event_index(d0, type, d1, undated, approximate, country)",
    "CREATE INDEX event_index_cell ON event_index(cell, type, d0, d1, undated, approximate, "
    "country)",
    "CREATE INDEX event_index_end ON event_index(d1)",
    "CREATE INDEX event_index_country ON event_index(country)",
    "CREATE INDEX event_index_place ON event_index(place_id)",
    """CREATE TABLE event_actors (
        actor TEXT NOT NULL,
        event INTEGER NOT NULL,        -- events.rowid
        PRIMARY KEY (actor, event)
    ) WITHOUT ROWID""",
    "CREATE INDEX event_actors_event ON event_actors(event)",
    # The dashboard finds a clicked marker's events by their coordinates.
    "CREATE INDEX events_by_point ON events(lat, lon)",
    """CREATE VIRTUAL TABLE events_fts USING fts5(
        evidence, place_name, place_text, actors, type,
        content='events', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE titles_fts USING fts5(
        title, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    f"CREATE TRIGGER events_indexed AFTER INSERT ON events BEGIN {_INDEX_NEW} END",
    f"CREATE TRIGGER events_unindexed AFTER DELETE ON events BEGIN {_UNINDEX_OLD} END",
    # Rows are only ever inserted and deleted by the store; an UPDATE by another program is
    # re-indexed as a delete and an insert.
    f"CREATE TRIGGER events_reindexed AFTER UPDATE ON events BEGIN {_UNINDEX_OLD} {_INDEX_NEW} END",
    """CREATE TRIGGER titles_indexed AFTER INSERT ON articles BEGIN
        INSERT INTO titles_fts (rowid, title) VALUES (new.rowid, new.title);
    END""",
    """CREATE TRIGGER titles_unindexed AFTER DELETE ON articles BEGIN
        INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    END""",
    """CREATE TRIGGER titles_reindexed AFTER UPDATE OF title ON articles BEGIN
        INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
        INSERT INTO titles_fts (rowid, title) VALUES (new.rowid, new.title);
    END""",
    # A store of an older version is indexed once, in the migration's transaction.
    "INSERT INTO titles_fts (titles_fts) VALUES ('rebuild')",
    "INSERT INTO events_fts (events_fts) VALUES ('rebuild')",
    BACKFILL_INDEX,
    "INSERT INTO event_actors (actor, event) SELECT DISTINCT j.value, e.rowid FROM events AS e, "
    "json_each(e.actors) AS j WHERE j.type = 'text'",
)
