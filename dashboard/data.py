"""What the page shows, read from the store and cached per version of the store file.

The store answers the filters (``dashboard.query``: SQL over its query index), so a store of a
million events is never read whole. ``select`` counts the matching events; when they are at most
``DETAIL_LIMIT`` it reads them all, merges reports of one event (``events.merge``) and makes the
table every panel draws from (``events_frame``), as for a small store. Above that the page is an
overview: counts per grid cell and per day from SQL, and only the events a view lists (the
first rows of the table, a clicked marker's, the markers of a zoomed-in map) are read whole.

The pure parts (``read_store``, ``events_frame``, ``frame_of``) know nothing of Streamlit; the
``load_*``/``select`` wrappers cache them keyed on the store file's modification stamp, so an
ingest by another process shows up on the next rerun and an unchanged store is read once.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import query
from dashboard.filters import Filters, to_query
from dashboard.labels import event_date_label, place_label
from events.corrections import (
    Corrected,
    Correction,
    apply,
    corrected_events,
    load_corrections,
    read_corrections,
)
from events.merge import merge
from events.model import Article, Event
from events.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE_ARTICLES = REPO / "data" / "articles"
APPROXIMATE_GRANULARITIES = ("month", "year", "range")
# The days the timeline can draw. pandas' nanosecond timestamps end at 1677-09-21 and
# 2262-04-11; a few months' margin inside them leaves room for the arithmetic done on dates
# (a day added to a range's end, month buckets) without overflowing.
TIMELINE_FIRST_DAY = dt.date(1678, 1, 1)
TIMELINE_LAST_DAY = dt.date(2261, 12, 31)
# Up to this many matching events the page reads them all, merges them and shows every marker,
# passage and row (about half a second at this size on 2 idle cores, mostly building the
# table); above it, aggregates from SQL.
DETAIL_LIMIT = 10_000


@dataclass(frozen=True)
class View:
    """One consistent read of the store: its events as a table plus article metadata.

    ``frame`` has one row per event (column ``event`` holds the Event itself); ``articles`` maps
    article id to the Article (text included, for the passage panel's whole-article view).
    """

    frame: pd.DataFrame
    articles: dict[str, Article]
    counts: dict[str, int]


def store_path(argv: Sequence[str] = ()) -> Path:
    """The store to show: ``argv[0]`` (the first argument after ``--``), else ``$GEOTIMELINE_DB``,
    else the default."""
    if argv and str(argv[0]).strip():
        return Path(argv[0]).expanduser()
    return Store.default_path()


def script_args() -> list[str]:
    """Arguments after ``--`` of ``streamlit run dashboard/app.py -- ARGS``; none otherwise (under
    a test runner ``sys.argv`` is the runner's own)."""
    if sys.argv and Path(sys.argv[0]).name == "app.py":
        return sys.argv[1:]
    return []


def store_stamp(path: Path) -> tuple[int, ...]:
    """Changes whenever a commit lands (WAL mode writes the -wal file first, a checkpoint
    then the main file). An empty -wal counts as none: readers create one and the last writer
    to close deletes it, and neither changes what the store holds."""
    stamp: list[int] = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(f"{path}{suffix}")
        except FileNotFoundError:
            stamp += [0, 0]
        else:
            stamp += [info.st_mtime_ns, info.st_size] if info.st_size else [0, 0]
    return tuple(stamp)


def _article_title(event: Event, article: Article | None) -> str:
    return (article.title or article.id) if article else ""


def _copied(name: str) -> Callable[[Event, Article | None], object]:
    return lambda event, _article: getattr(event, name)


# The event table's columns before the ones computed from the others, each with its value for
# an event and its article (None when the store lacks it): the one list of them, in order.
# Columns named as an Event field hold that field as it is.
_COLUMNS: tuple[tuple[str, Callable[[Event, Article | None], object]], ...] = (
    ("id", _copied("id")),
    ("type", _copied("type")),
    ("start", _copied("date_start")),
    ("end", lambda e, _a: e.date_end or e.date_start),
    ("granularity", _copied("date_granularity")),
    ("date_label", lambda e, _a: event_date_label(e)),
    ("reported", lambda e, a: e.reported or (a.published if a else None)),
    ("place", lambda e, _a: place_label(e.place_name, e.country_code, e.place_level)),
    ("country", _copied("country_code")),
    ("lat", _copied("lat")),
    ("lon", _copied("lon")),
    ("place_level", _copied("place_level")),
    ("uncertainty_km", _copied("uncertainty_km")),
    ("actors", lambda e, _a: tuple(e.actors)),
    ("actors_text", lambda e, _a: ", ".join(e.actors)),
    ("evidence", _copied("evidence")),
    ("article_id", _copied("article_id")),
    ("title", _article_title),
    ("published", lambda _e, a: a.published if a else None),
    ("source", lambda _e, a: a.source if a else ""),
    ("confidence", _copied("confidence")),
    ("event", lambda e, _a: e),
    ("corrected", lambda e, _a: ", ".join(e.corrected)),
)
FRAME_COLUMNS = tuple(name for name, _ in _COLUMNS)


def events_frame(events: Sequence[Event], articles: dict[str, Article]) -> pd.DataFrame:
    """One row per event with the columns the filters, map, timeline and table need."""
    rows = []
    for event in events:
        article = articles.get(event.article_id)
        rows.append([value(event, article) for _, value in _COLUMNS])
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    for column in ("start", "end", "reported", "published"):
        frame[column] = _timestamps(frame[column])
    # An open range whose end cannot be drawn ("since 2000" to 9999) is drawn from its start.
    frame["end"] = frame["end"].fillna(frame["start"])
    for column in ("lat", "lon", "uncertainty_km", "confidence"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["undated"] = frame["start"].isna()
    frame["approximate"] = (
        frame["granularity"].isin(APPROXIMATE_GRANULARITIES)
        | (frame["place_level"] == "country")
        | (frame["uncertainty_km"].fillna(0) > 0)
    )
    # Undated events are drawn, and filtered, at their report date.
    frame["when_start"] = frame["start"].fillna(frame["reported"])
    frame["when_end"] = frame["end"].fillna(frame["start"]).fillna(frame["reported"])
    frame["search"] = (
        frame["evidence"] + "\n" + frame["title"] + "\n" + frame["place"] + "\n"
        + frame["actors_text"] + "\n" + frame["type"]
    ).str.casefold()
    return frame


def _timestamps(values: pd.Series) -> pd.Series:
    """``values`` as nanosecond timestamps; anything that is not a date the timeline can draw
    (year 1650 or 9999, a stray string) becomes NaT.

    Coercing rather than clipping: a date of 9999 drawn at 2261 would be a made-up date. The
    event keeps its own date label (the table and the passage panel still show what the text
    said) and counts as undated for the timeline and the date filter, drawn at its report date.
    """

    def drawable(value: object) -> dt.date | None:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date) and TIMELINE_FIRST_DAY <= value <= TIMELINE_LAST_DAY:
            return value
        return None

    days = [drawable(value) for value in values]
    return pd.Series(pd.to_datetime(days), index=values.index).astype("datetime64[ns]")


def read_store(path: Path) -> View:
    """Everything the dashboard shows, read from the store at ``path`` (must exist), with the
    human corrections applied (``events.corrections``).

    Events are read before articles: ingests only add whole articles with their events in one
    transaction, so every event read has its article in the second read.
    """
    with Store(path) as store:
        events = corrected_events(store).events
        articles = {article.id: article for article in store.articles()}
        counts = store.counts()
    return View(frame=events_frame(events, articles), articles=articles, counts=counts)


def ingest_samples(path: Path) -> list[str]:
    """First run: fill a missing store from ``data/articles``; returns the per-file errors."""
    from events.ingest import ingest

    with Store(path) as store:
        results = ingest([SAMPLE_ARTICLES], store)
    return [r.error for r in results if r.error]


def frame_of(conn, events: list[Event]) -> pd.DataFrame:
    """``events`` (read from the store on ``conn``) with the human corrections of their articles
    applied and reports of one event merged, as the dashboard's table."""
    merged = merge(corrected(conn, events).events)
    return events_frame(merged, query.article_heads(conn, (e.article_id for e in merged)))


def corrected(conn, events: list[Event]) -> Corrected:
    """``events`` with the corrections of their articles applied (``events.corrections.apply``):
    the store answers the filters on what was extracted, and each view corrects what it reads.
    Events a person added are made from their article's text."""
    fixes = read_corrections(conn, {e.article_id for e in events})
    return apply(events, fixes, _added_from(conn, fixes))


def _added_from(conn, fixes: list[Correction]) -> dict[str, str]:
    """The texts of the articles a person added events to (article id -> text)."""
    ids = {c.target.article_id for c in fixes if c.kind == "add"}
    articles = (query.article(conn, article_id) for article_id in sorted(ids))
    return {a.id: a.text for a in articles if a is not None}


@dataclass(frozen=True)
class Fixes:
    """Every human correction in the store (in the order made) and what applying them to the
    events of their articles gave: orphans, and the target each corrected event keeps."""

    corrections: list[Correction]
    corrected: Corrected
    # How many events the corrections add (added events) or take away (rejected ones).
    change: int = 0


def read_fixes(path: Path) -> Fixes:
    """The store's corrections; only the events of corrected articles are read."""
    with Store(path) as store:
        made = load_corrections(store)
        ids = sorted({c.target.article_id for c in made})
        events = [event for article_id in ids for event in store.events(article_id)]
        with store.connection() as conn:
            result = apply(events, made, _added_from(conn, made))
    return Fixes(made, result, len(result.events) - len(events))


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_fixes(path: str, stamp: tuple[int, ...]) -> Fixes:
    return read_fixes(Path(path))


def load_fixes(path: Path) -> Fixes:
    """The cached ``read_fixes`` of ``path`` for its current version."""
    return _cached_fixes(str(path), store_stamp(path))


@dataclass(frozen=True)
class Selection:
    """What passes the filters. ``frame`` holds every matching event (merged) when they are at
    most ``DETAIL_LIMIT``, else None and ``cells`` / ``days`` hold their counts per finest grid
    cell and per day (``query.cell_counts``, ``query.day_counts``)."""

    filters: Filters
    counts: query.Counts
    frame: pd.DataFrame | None
    cells: list[tuple[int, str, int]]
    days: list[tuple[int, str, int]]

    @property
    def overview(self) -> bool:
        return self.frame is None


def select(path: Path, filters: Filters) -> Selection:
    """The events of the store at ``path`` that pass ``filters`` (see ``Selection``)."""
    with closing(query.connect(path)) as conn:
        counts = query.counts(conn, filters)
        if counts.shown <= DETAIL_LIMIT:
            frame = frame_of(conn, query.events(conn, filters))
            return Selection(filters, counts, frame, [], [])
        return Selection(filters, counts, None, query.cell_counts(conn, filters),
                         query.day_counts(conn, filters))


def prepare(path: Path) -> None:
    """Bring the store to the current schema (an older store gets its query index, once)."""
    Store(path).close()


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_catalog(path: str, stamp: tuple[int, ...]) -> query.Catalog:
    prepare(Path(path))
    with closing(query.connect(Path(path))) as conn:
        return query.catalog(conn)


def load_catalog(path: Path) -> query.Catalog:
    """The cached ``query.Catalog`` of ``path`` for its current version."""
    return _cached_catalog(str(path), store_stamp(path))


@st.cache_resource(show_spinner=False, max_entries=6)
def _cached_selection(path: str, stamp: tuple[int, ...], key: str, _filters: Filters,
                      ) -> Selection:
    return select(Path(path), _filters)


def load_selection(path: Path, filters: Filters) -> Selection:
    """The cached ``select`` for this version of the store (a rerun that only moves the map
    costs nothing here)."""
    key = repr(sorted(to_query(filters).items()))
    return _cached_selection(str(path), store_stamp(path), key, filters)


def read(path: Path, ask, *args):
    """``ask(conn, *args)`` on a read-only connection to the store at ``path``."""
    with closing(query.connect(path)) as conn:
        return ask(conn, *args)


def read_frame(path: Path, ask, *args) -> pd.DataFrame:
    """The events ``ask(conn, *args)`` returns, merged, as the dashboard's table."""
    with closing(query.connect(path)) as conn:
        return frame_of(conn, ask(conn, *args))


class Articles(Mapping[str, Article]):
    """The store's articles by id, each read (text included) when first asked for: the page
    needs a few of them, never all."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._read: dict[str, Article | None] = {}

    def __getitem__(self, article_id: str) -> Article:
        if article_id not in self._read:
            self._read[article_id] = read(self._path, query.article, article_id)
        found = self._read[article_id]
        if found is None:
            raise KeyError(article_id)
        return found

    def __iter__(self) -> Iterator[str]:
        with closing(query.connect(self._path)) as conn:
            return iter([r[0] for r in conn.execute("SELECT id FROM articles")])

    def __len__(self) -> int:
        with closing(query.connect(self._path)) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def clear_cache() -> None:
    _cached_catalog.clear()
    _cached_selection.clear()
    _cached_fixes.clear()
