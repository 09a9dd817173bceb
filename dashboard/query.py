"""The dashboard's questions to the store, answered by SQL over its query index (events/index.py).

Filtering, counting, the timeline's bins and the map's grid all run in SQLite over the narrow
``event_index`` table (a million rows scan in a few hundred milliseconds), the text filter
through FTS5 and the actor filter through ``event_actors``. Only the events a view shows one by
one (a few thousand at most) are read whole and become ``Event`` values.

Every function takes an open ``sqlite3.Connection`` (see ``connect``) and plain values; nothing
here knows Streamlit.
"""

# ruff: noqa: S608 - SQL is built from constants; every value is a ? parameter
from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dashboard.filters import BULK_SHARE, EPOCH, FILTERS, Filters, day_number
from dashboard.filters import fts_query as fts_query  # the text filter's: a re-export
from events.columns import EVENT_COLUMNS, from_row
from events.index import CELL_BITS
from events.model import EVENT_TYPES, Article, Event
from events.store import article_from_row


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection (the store must exist and be at the current schema version)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                           timeout=60.0)
    conn.execute("PRAGMA busy_timeout = 60000")
    return conn


def from_day(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))


def where(filters: Filters) -> tuple[str, list[object]]:
    """A WHERE clause over ``event_index AS i`` for ``filters``, and its parameters: the SQL of
    each filter in ``filters.FILTERS`` (the same tests as ``filters.apply``)."""
    parts: list[str] = []
    params: list[object] = []
    for definition in FILTERS:
        condition = definition.sql(filters)
        if condition is not None:
            parts.append(condition[0])
            params += condition[1]
    return (" AND ".join(parts) or "1"), params


# -- what the store holds (the sidebar's options and ranges) -------------------------------


@dataclass(frozen=True)
class Catalog:
    """The whole store in a few numbers: what the filters offer and the date ranges.

    ``bulk_span`` is the shortest range holding ``BULK_SHARE`` of the dated events (as
    ``filters.bulk_span``); ``outside_bulk`` counts the events outside it with the first and
    last day among them. ``bounds`` are the south-west and north-east corners of the located
    events (None when none is located): where the map looks before it has shown anything.
    """

    events: int
    articles: int
    types: tuple[str, ...]
    countries: tuple[str, ...]
    actors: tuple[str, ...]
    full_span: tuple[dt.date, dt.date] | None
    bulk_span: tuple[dt.date, dt.date] | None
    outside_bulk: tuple[int, dt.date | None, dt.date | None]
    bounds: list[list[float]] | None = None


def catalog(conn: sqlite3.Connection) -> Catalog:
    events = conn.execute("SELECT count(*) FROM event_index").fetchone()[0]
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    stored = {r[0] for r in conn.execute("SELECT DISTINCT type FROM event_index")}
    types = tuple(t for t in EVENT_TYPES if t in stored) + tuple(sorted(stored - set(EVENT_TYPES)))
    countries = tuple(r[0] for r in conn.execute(
        "SELECT DISTINCT country FROM event_index WHERE country != ''"))
    actors = tuple(sorted((r[0] for r in conn.execute("SELECT DISTINCT actor FROM event_actors")),
                          key=str.casefold))
    lo = conn.execute("SELECT min(d0) FROM event_index").fetchone()[0]
    hi = conn.execute("SELECT max(d1) FROM event_index").fetchone()[0]
    full = None if lo is None or hi is None else (from_day(lo), from_day(hi))
    bulk = _bulk_span(conn, full)
    outside: tuple[int, dt.date | None, dt.date | None] = (0, None, None)
    if bulk is not None and bulk != full:
        n, first, last = conn.execute(
            "SELECT count(*), min(d0), max(d1) FROM event_index WHERE d1 < ? OR d0 > ?",
            (day_number(bulk[0]), day_number(bulk[1]))).fetchone()
        outside = (n, from_day(first) if first is not None else None,
                   from_day(last) if last is not None else None)
    return Catalog(events=events, articles=articles, types=types, countries=countries,
                   actors=actors, full_span=full, bulk_span=bulk, outside_bulk=outside,
                   bounds=_located_bounds(conn))


def _located_bounds(conn: sqlite3.Connection) -> list[list[float]] | None:
    # One aggregate a statement, so that min and max of lat each take one step of the
    # (lat, lon) index; the longitudes take one pass over that index, not over the table.
    south = conn.execute("SELECT min(lat) FROM events WHERE lat IS NOT NULL").fetchone()[0]
    if south is None:
        return None
    north = conn.execute("SELECT max(lat) FROM events").fetchone()[0]
    west, east = conn.execute(
        "SELECT min(lon), max(lon) FROM events WHERE lat IS NOT NULL").fetchone()
    return [[south, west], [north, east]]


_BULK_SHRINK, _BULK_MIN_SAVED = 0.5, 365


def _bulk_span(conn: sqlite3.Connection, full: tuple[dt.date, dt.date] | None,
               ) -> tuple[dt.date, dt.date] | None:
    """``filters.bulk_span`` by SQL: only the first and last few percent of the sorted days are
    read (the shortest window holding ``BULK_SHARE`` of them starts among the first ones)."""
    if full is None:
        return None
    n = conn.execute("SELECT count(*) FROM event_index WHERE d0 IS NOT NULL").fetchone()[0]
    keep = math.ceil(BULK_SHARE * n)
    if keep >= n:
        return full
    starts = [r[0] for r in conn.execute(
        "SELECT d0 FROM event_index WHERE d0 IS NOT NULL ORDER BY d0 LIMIT ?", (n - keep + 1,))]
    ends = [r[0] for r in conn.execute(
        "SELECT d0 FROM event_index WHERE d0 IS NOT NULL ORDER BY d0 LIMIT ? OFFSET ?",
        (n - keep + 1, keep - 1))]
    widths = [b - a for a, b in zip(starts, ends, strict=True)]
    first = min(range(len(widths)), key=widths.__getitem__)
    lo, last_start = starts[first], ends[first]
    hi = conn.execute("SELECT max(d1) FROM event_index WHERE d0 BETWEEN ? AND ?",
                      (lo, last_start)).fetchone()[0]
    hi = max(hi, last_start)
    full_days = (full[1] - full[0]).days
    if hi - lo > full_days * _BULK_SHRINK or full_days - (hi - lo) < _BULK_MIN_SAVED:
        return full
    return from_day(lo), from_day(hi)


# -- what passes the filters ------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many events pass the filters, and how many of them are undated or not on the map."""

    shown: int
    undated: int
    unlocated: int


def counts(conn: sqlite3.Connection, filters: Filters) -> Counts:
    clause, params = where(filters)
    row = conn.execute(
        "SELECT count(*), total(undated), total(cell IS NULL) "
        f"FROM event_index AS i WHERE {clause}", params).fetchone()
    return Counts(shown=row[0], undated=int(row[1]), unlocated=int(row[2]))


def x_of(lon: float) -> float:
    return (lon + 180.0) / 360.0


def y_of(lat: float) -> float:
    lat = max(-85.0511, min(85.0511, lat))
    return (1.0 - math.log(math.tan(math.radians(lat) / 2 + math.pi / 4)) / math.pi) / 2.0


def lon_of(x: float) -> float:
    return x * 360.0 - 180.0


def lat_of(y: float) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y))))


def events(conn: sqlite3.Connection, filters: Filters, *, limit: int | None = None,
           extra: str = "", extra_params: Sequence[object] = ()) -> list[Event]:
    """The events passing ``filters`` (and the condition ``extra`` on ``i``), read whole, in
    store order (by article, then extraction order) unless ``limit`` asks for the earliest."""
    clause, params = where(filters)
    if extra:
        clause, params = f"{clause} AND {extra}", [*params, *extra_params]
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    order = "ORDER BY e.article_id, e.seq"
    if limit is not None:
        # The earliest first, read in the order of the covering index event_index_day.
        order = f"ORDER BY i.d0 LIMIT {int(limit)}"
    rows = conn.execute(
        f"SELECT {columns} FROM event_index AS i JOIN events AS e ON e.rowid = i.id "
        f"WHERE {clause} {order}", params).fetchall()
    return [from_row(row) for row in rows]


def _near(lat: float, lon: float, decimals: int) -> tuple[str, tuple[float, ...]]:
    half = 0.5 * 10.0**-decimals
    return ("i.id IN (SELECT rowid FROM events WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)",
            (lat - half, lat + half, lon - half, lon + half))


def events_near(conn: sqlite3.Connection, filters: Filters, lat: float, lon: float,
                decimals: int, limit: int | None = None) -> list[Event]:
    """The events passing ``filters`` whose coordinates round to ``(lat, lon)`` at
    ``decimals`` (where a map click reports a marker); the first ``limit`` by date if given."""
    extra, params = _near(lat, lon, decimals)
    found = events(conn, filters, extra=extra, extra_params=params, limit=limit)
    return [e for e in found if round(e.lat, decimals) == round(lat, decimals)
            and round(e.lon, decimals) == round(lon, decimals)]


def count_near(conn: sqlite3.Connection, filters: Filters, lat: float, lon: float,
               decimals: int) -> int:
    """How many events ``events_near`` would find without a limit."""
    extra, params = _near(lat, lon, decimals)
    clause, where_params = where(filters)
    return conn.execute(f"SELECT count(*) FROM event_index AS i WHERE {clause} AND {extra}",
                        [*where_params, *params]).fetchone()[0]


def _cell_at(lat: float, lon: float) -> int:
    return (min(CELLS - 1, int(y_of(lat) * CELLS)) * CELLS
            + min(CELLS - 1, int(x_of(lon) * CELLS)))


def at_point(conn: sqlite3.Connection, filters: Filters, lat: float, lon: float, decimals: int,
             limit: int) -> tuple[list[Event], int]:
    """What a click at ``(lat, lon)`` opens: the first ``limit`` events (by date) of a marker
    there (``events_near``), else of the finest grid cell there (the overview's count of a
    single place), and how many there are in all."""
    found = events_near(conn, filters, lat, lon, decimals, limit)
    if found:
        return found, max(len(found), count_near(conn, filters, lat, lon, decimals)
                          if len(found) == limit else 0)
    cell = _cell_at(lat, lon)
    found = events(conn, filters, extra="i.cell = ?", extra_params=(cell,), limit=limit)
    if len(found) < limit:
        return found, len(found)
    clause, params = where(filters)
    return found, conn.execute(f"SELECT count(*) FROM event_index AS i WHERE {clause} AND "
                               "i.cell = ?", [*params, cell]).fetchone()[0]


def article_heads(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Article]:
    """The articles ``ids`` without their text (what tables and citations need)."""
    wanted = json.dumps(sorted(set(ids)))
    rows = conn.execute(
        "SELECT id, title, published, published_basis, source, meta, '' FROM articles "
        "WHERE id IN (SELECT value FROM json_each(?))", (wanted,)).fetchall()
    return {row[0]: article_from_row(row) for row in rows}


def article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    row = conn.execute(
        "SELECT id, title, published, published_basis, source, meta, text FROM articles "
        "WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else article_from_row(row)


# -- aggregates ---------------------------------------------------------------------------


def timeline_unit(span: tuple[dt.date, dt.date]) -> str:
    """Bars of a day up to four months, of a week up to three years, else of a month."""
    days = (span[1] - span[0]).days
    return "day" if days <= 120 else "week" if days <= 3 * 366 else "month"


def bin_start(day: int, unit: str) -> int:
    """The first day of the ``unit`` (day, week from Monday, month) holding ``day``."""
    if unit == "day":
        return day
    if unit == "week":
        return day - (day + 3) % 7  # day 0, 1 January 1970, was a Thursday
    return day_number(from_day(day).replace(day=1))


def day_counts(conn: sqlite3.Connection, filters: Filters) -> list[tuple[int, str, int]]:
    """(day, type, events) for the filtered events with a day to draw: an event counts on its
    first day, an undated one on its report date. Read in the order of the covering index
    ``event_index_day``, so SQLite counts without sorting."""
    clause, params = where(filters)
    return conn.execute(
        "SELECT i.d0, i.type, count(*) FROM event_index AS i "
        f"WHERE {clause} AND i.d0 IS NOT NULL GROUP BY i.d0, i.type", params).fetchall()


def timeline_bins(rows: Iterable[tuple[int, str, int]], unit: str) -> list[tuple[int, str, int]]:
    """``day_counts`` rows summed per ``unit`` (first day of the bin, type, events)."""
    bins: dict[tuple[int, str], int] = {}
    starts: dict[int, int] = {}
    for day, kind, n in rows:
        start = starts.get(day)
        if start is None:
            start = starts[day] = bin_start(day, unit)
        bins[start, kind] = bins.get((start, kind), 0) + n
    return sorted((start, kind, n) for (start, kind), n in bins.items())


CELLS = 1 << CELL_BITS


def cell_counts(conn: sqlite3.Connection, filters: Filters) -> list[tuple[int, str, int]]:
    """(finest grid cell, type, events) for the filtered located events. Events gather at
    places, so a million of them fill a few thousand cells; the map's coarser grids are sums
    of these (``grid``), with no further SQL while the user pans and zooms."""
    clause, params = where(filters)
    return conn.execute(
        "SELECT i.cell, i.type, count(*) FROM event_index AS i "
        f"WHERE {clause} AND i.cell IS NOT NULL GROUP BY i.cell, i.type", params).fetchall()


@dataclass(frozen=True)
class Cell:
    """A grid cell's events: their count by type, their mean point and their bounds."""

    lat: float
    lon: float
    count: int
    by_type: dict[str, int]
    bounds: tuple[float, float, float, float]  # south, west, north, east
    single: bool = False  # one cell of the finest grid: a place, nothing left to zoom into


# A cell of the map's grid is this many pixels wide on screen at the zoom it is drawn for.
CELL_PIXELS = 64


def _box(view: Sequence[Sequence[float]]) -> tuple[int, int, int, int]:
    """Finest-grid columns and rows (first, last) covering ``view`` [[south, west], [north,
    east]]; a view wider than the world covers every column."""
    (south, west), (north, east) = view
    if east - west >= 360:
        c0, c1 = 0, CELLS - 1
    else:
        c0 = int(x_of(max(-180.0, west)) * CELLS)
        c1 = min(CELLS - 1, int(x_of(min(180.0, east)) * CELLS))
    return c0, c1, int(y_of(north) * CELLS), min(CELLS - 1, int(y_of(south) * CELLS))


def grid(rows: Iterable[tuple[int, str, int]], view: Sequence[Sequence[float]],
         zoom: int) -> list[Cell]:
    """``cell_counts`` rows inside ``view`` summed per square of ``CELL_PIXELS`` screen pixels
    at ``zoom``."""
    c0, c1, r0, r1 = _box(view)
    shift = max(0, CELL_BITS - (max(0, int(zoom)) + 8 - CELL_PIXELS.bit_length() + 1))
    sums: dict[tuple[int, int], list] = {}
    for cell, kind, n in rows:
        row, col = divmod(cell, CELLS)
        if not (c0 <= col <= c1 and r0 <= row <= r1):
            continue
        key = (col >> shift, row >> shift)
        acc = sums.get(key)
        if acc is None:
            acc = sums[key] = [0, 0.0, 0.0, col, col, row, row, {}]
        acc[0] += n
        acc[1] += n * (col + 0.5)
        acc[2] += n * (row + 0.5)
        acc[3], acc[4] = min(acc[3], col), max(acc[4], col + 1)
        acc[5], acc[6] = min(acc[5], row), max(acc[6], row + 1)
        acc[7][kind] = acc[7].get(kind, 0) + n
    return [Cell(lat=lat_of(sy / n / CELLS), lon=lon_of(sx / n / CELLS), count=n, by_type=kinds,
                 bounds=(lat_of(y1 / CELLS), lon_of(x0 / CELLS), lat_of(y0 / CELLS),
                         lon_of(x1 / CELLS)), single=x1 - x0 == 1 and y1 - y0 == 1)
            for n, sx, sy, x0, x1, y0, y1, kinds in sums.values()]


def cell_bounds(rows: Iterable[tuple[int, str, int]]) -> list[list[float]] | None:
    """South-west and north-east corners of the cells in ``rows`` (None when empty)."""
    cols: list[int] = []
    lines: list[int] = []
    for cell, _kind, _n in rows:
        row, col = divmod(cell, CELLS)
        cols.append(col)
        lines.append(row)
    if not cols:
        return None
    return [[lat_of((max(lines) + 1) / CELLS), lon_of(min(cols) / CELLS)],
            [lat_of(min(lines) / CELLS), lon_of((max(cols) + 1) / CELLS)]]


def in_view(conn: sqlite3.Connection, filters: Filters, view: Sequence[Sequence[float]],
            limit: int) -> list[Event]:
    """Up to ``limit`` filtered events inside ``view``, read whole."""
    c0, c1, r0, r1 = _box(view)
    return events(conn, filters, limit=limit, extra=(
        f"i.cell BETWEEN ? AND ? AND i.cell % {CELLS} BETWEEN ? AND ?"),
        extra_params=(r0 * CELLS, r1 * CELLS + CELLS - 1, c0, c1))


def first_by_date(conn: sqlite3.Connection, filters: Filters, limit: int) -> list[Event]:
    """The first ``limit`` filtered events by date."""
    return events(conn, filters, limit=limit)


def unlocated(conn: sqlite3.Connection, filters: Filters, limit: int) -> list[Event]:
    """The first ``limit`` filtered events without a place on the map, by date."""
    # "+": read in date order (index event_index_day), not every unlocated event then sorted.
    return events(conn, filters, extra="+i.cell IS NULL", limit=limit)


def undated(conn: sqlite3.Connection, filters: Filters, limit: int) -> list[Event]:
    """The first ``limit`` filtered events without a date of their own, by report date."""
    return events(conn, filters, extra="i.undated = 1", limit=limit)


def of_actor(conn: sqlite3.Connection, filters: Filters, actor: str, limit: int) -> list[Event]:
    return events(conn, filters, extra="i.id IN (SELECT event FROM event_actors WHERE actor = ?)",
                  extra_params=(actor,), limit=limit)
