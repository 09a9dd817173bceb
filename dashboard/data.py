"""Loading the store into a table the dashboard filters, cached per version of the store file.

The pure part (``read_store``, ``events_frame``) knows nothing of Streamlit and is what the tests
and the benchmark call; ``load_view`` wraps it in ``st.cache_resource`` keyed on the store file's
modification stamp, so an ingest by another process shows up on the next rerun and an unchanged
store is read once.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.labels import event_date_label, place_label
from events.corrections import Corrected, Correction, corrected_events, load_corrections
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


@dataclass(frozen=True)
class View:
    """One consistent read of the store: its events as a table plus article metadata.

    ``frame`` has one row per event (column ``event`` holds the Event itself); ``articles`` maps
    article id to the Article (text included, for the passage panel's whole-article view).
    """

    frame: pd.DataFrame
    articles: dict[str, Article]
    counts: dict[str, int]
    # Every human correction in the store, and what applying them gave (orphans, the target
    # each corrected event keeps): the frame already shows the corrected events.
    corrections: list[Correction] = field(default_factory=list)
    corrected: Corrected = field(default_factory=lambda: Corrected([], []))


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
    """Changes whenever a commit lands (WAL mode writes the -wal file first)."""
    stamp: list[int] = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(f"{path}{suffix}")
        except FileNotFoundError:
            stamp += [0, 0]
        else:
            stamp += [info.st_mtime_ns, info.st_size]
    return tuple(stamp)


def events_frame(events: Sequence[Event], articles: dict[str, Article]) -> pd.DataFrame:
    """One row per event with the columns the filters, map, timeline and table need."""
    rows = []
    for event in events:
        article = articles.get(event.article_id)
        title = (article.title or article.id) if article else ""
        start = event.date_start
        end = event.date_end or start
        actors = tuple(event.actors)
        place = place_label(event.place_name, event.country_code, event.place_level)
        rows.append(
            {
                "id": event.id,
                "type": event.type,
                "start": start,
                "end": end,
                "granularity": event.date_granularity,
                "date_label": event_date_label(event),
                "reported": event.reported or (article.published if article else None),
                "place": place,
                "country": event.country_code,
                "lat": event.lat,
                "lon": event.lon,
                "place_level": event.place_level,
                "uncertainty_km": event.uncertainty_km,
                "actors": actors,
                "actors_text": ", ".join(actors),
                "evidence": event.evidence,
                "article_id": event.article_id,
                "title": title,
                "published": article.published if article else None,
                "source": article.source if article else "",
                "confidence": event.confidence,
                "event": event,
                "corrected": ", ".join(event.corrected),
            }
        )
    columns = [
        "id", "type", "start", "end", "granularity", "date_label", "reported", "place",
        "country", "lat", "lon", "place_level", "uncertainty_km", "actors", "actors_text",
        "evidence", "article_id", "title", "published", "source", "confidence", "event",
        "corrected",
    ]
    frame = pd.DataFrame(rows, columns=columns)
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
    """Everything the dashboard shows, read from the store at ``path`` (must exist), with
    the human corrections applied (``events.corrections``).

    Events are read before articles: ingests only add whole articles with their events in one
    transaction, so every event read has its article in the second read.
    """
    with Store(path) as store:
        corrected = corrected_events(store)
        made = load_corrections(store)
        articles = {article.id: article for article in store.articles()}
        counts = store.counts()
    return View(frame=events_frame(corrected.events, articles), articles=articles, counts=counts,
                corrections=made, corrected=corrected)


def ingest_samples(path: Path) -> list[str]:
    """First run: fill a missing store from ``data/articles``; returns the per-file errors."""
    from events.ingest import ingest

    with Store(path) as store:
        results = ingest([SAMPLE_ARTICLES], store)
    return [r.error for r in results if r.error]


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_view(path: str, stamp: tuple[int, ...]) -> View:
    return read_store(Path(path))


def load_view(path: Path) -> View:
    """The cached View of ``path`` for its current version (re-read after any commit)."""
    return _cached_view(str(path), store_stamp(path))


def clear_cache() -> None:
    _cached_view.clear()
