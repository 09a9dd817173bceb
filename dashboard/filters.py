"""Filters as a value, and ``FILTERS``: the one table of filter definitions that the sidebar,
the URL, the store's query and the event table's filtering are all driven by.

Adding a filter is a field of ``Filters`` and a row of ``FILTERS`` (its URL key, widget, clamp,
SQL and pandas predicates; a test checks every field has its row and that both predicates keep
the same events). Pure functions of plain data (no Streamlit), so they are tested directly and
the URL round trip ``from_query(to_query(f)) == f`` holds for every Filters value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard.labels import country_name, type_label
from events.model import EVENT_TYPES

if TYPE_CHECKING:
    from dashboard.query import Catalog


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the events to. Empty tuples mean "all"; ``start``/``end`` None
    mean the data's own first / last day. Dated events are kept when their interval
    ``[start, end]`` overlaps the range (so "May 2024" stays in a range from 20 May); undated
    ones are placed at their report date, and one with no report date either is always kept.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    text: str = ""
    include_undated: bool = True
    include_approximate: bool = True


# Days are numbered from 1970 in the store's query index (events/index.py).
EPOCH = dt.date(1970, 1, 1)
# The text filter's words (FTS5's unicode61 tokenizer splits on the same boundaries).
_WORD = re.compile(r"\w+")
# A condition in SQL and its ? parameters.
SQL = tuple[str, list[object]]


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def fts_query(text: str) -> str | None:
    """The FTS5 query for what the user typed: its words as one phrase, the last word as a
    prefix ("minsk tal" finds "Minsk talks"); None when it holds no word."""
    words = _WORD.findall(text.casefold())
    if not words:
        return None
    return '"' + " ".join(words) + '" *'


@dataclass(frozen=True)
class FilterDef:
    """One filter: what the URL, the sidebar, the store's query and the event table know of it.

    ``fields`` are the ``Filters`` fields it sets and ``urls`` their URL keys (short, so a shared
    link stays readable); ``read`` makes a field's value of its URL values, leniently (a link may
    be old or hand-edited). ``sql`` (a condition on ``event_index AS i`` and its parameters) and
    ``keeps`` (a mask over ``data.events_frame``) are the same test; both give None when the
    filter keeps everything. Values not among ``options`` (what the store holds) are dropped,
    unless ``clamp`` says otherwise. ``widget`` names how the sidebar draws it (its state key is
    ``f_`` + ``name``), with ``label``, ``format``, ``placeholder`` and ``help``.
    """

    name: str
    fields: tuple[str, ...]
    urls: tuple[str, ...]
    read: Callable[[list[str]], Any]
    sql: Callable[[Filters], SQL | None]
    keeps: Callable[[pd.DataFrame, Filters], pd.Series | None]
    describe: Callable[[Filters], str]
    widget: str
    label: str
    options: Callable[[Catalog], Sequence[str]] | None = None
    clamp: Callable[[Filters, Catalog], Filters] | None = None
    format: Callable[[str], str] | None = None
    placeholder: str = ""
    help: str = ""

    @property
    def key(self) -> str:
        return f"f_{self.name}"

    def active(self, filters: Filters) -> bool:
        """Whether ``filters`` sets this filter to anything but its default."""
        return any(getattr(filters, f) != getattr(_DEFAULT, f) for f in self.fields)

    def fit(self, filters: Filters, catalog: Catalog) -> Filters:
        """``filters`` with this filter's value made one the store's ``catalog`` can have."""
        if self.clamp is not None:
            return self.clamp(filters, catalog)
        if self.options is None:
            return filters
        (field,) = self.fields
        return replace(filters, **{field: self.among_options(getattr(filters, field), catalog)})

    def among_options(self, values: Iterable[str], catalog: Catalog) -> tuple[str, ...]:
        """Those of ``values`` that are among the filter's ``options``, in the order given."""
        allowed = set(self.options(catalog)) if self.options is not None else set()
        return tuple(v for v in values if v in allowed)


_DEFAULT = Filters()


# -- the predicates, SQL and pandas side by side ------------------------------------------------


def _dates_sql(f: Filters) -> SQL | None:
    # A unary "+" keeps SQLite from using an index where a filter usually keeps most rows
    # (dates, type): a scan of the narrow table is faster then.
    if f.start is None and f.end is None:
        return None
    lo = day_number(f.start) if f.start else -(10**9)
    hi = day_number(f.end) if f.end else 10**9
    return "((+i.d0 <= ? AND +i.d1 >= ?) OR +i.d0 IS NULL)", [hi, lo]


def _dates_keep(frame: pd.DataFrame, f: Filters) -> pd.Series | None:
    # The interval [when_start, when_end] overlaps the range; events with no day at all stay.
    if f.start is None and f.end is None:
        return None
    lo = pd.Timestamp(f.start) if f.start else pd.Timestamp.min
    hi = pd.Timestamp(f.end) if f.end else pd.Timestamp.max
    overlaps = (frame["when_start"] <= hi) & (frame["when_end"] >= lo)
    return overlaps | frame["when_start"].isna()


def _dates_clamp(f: Filters, catalog: Catalog) -> Filters:
    return clamp(f, catalog.full_span)


def _dates_describe(f: Filters) -> str:
    lo = f.start.isoformat() if f.start else "the first day"
    hi = f.end.isoformat() if f.end else "the last day"
    return f"dates {lo} to {hi}"


def _one_of(field: str, sql: str) -> Callable[[Filters], SQL | None]:
    """The SQL of a list filter: ``sql`` with ``{}`` standing for its values' placeholders."""
    def where(f: Filters) -> SQL | None:
        values = getattr(f, field)
        return (sql.format(", ".join("?" * len(values))), list(values)) if values else None
    return where


def _is_in(field: str, column: str) -> Callable[[pd.DataFrame, Filters], pd.Series | None]:
    def keep(frame: pd.DataFrame, f: Filters) -> pd.Series | None:
        values = getattr(f, field)
        return frame[column].isin(values) if values else None
    return keep


def _actors_keep(frame: pd.DataFrame, f: Filters) -> pd.Series | None:
    if not f.actors:
        return None
    wanted = frozenset(f.actors)
    return frame["actors"].map(lambda actors: not wanted.isdisjoint(actors)).astype(bool)


def _text_sql(f: Filters) -> SQL | None:
    match = fts_query(f.text)
    if match is None:
        return None
    return ("(i.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?) OR i.id IN "
            "(SELECT e.rowid FROM titles_fts JOIN articles AS a ON a.rowid = titles_fts.rowid "
            "JOIN events AS e ON e.article_id = a.id WHERE titles_fts MATCH ?))", [match, match])


def _text_keep(frame: pd.DataFrame, f: Filters) -> pd.Series | None:
    text = f.text.strip().casefold()
    return frame["search"].str.contains(text, regex=False) if text else None


def _include(field: str, column: str) -> tuple[Callable[[Filters], SQL | None],
                                               Callable[[pd.DataFrame, Filters], pd.Series | None]]:
    """The SQL and pandas predicates of a toggle that, turned off, leaves out the events
    flagged in ``column``."""
    def sql(f: Filters) -> SQL | None:
        return None if getattr(f, field) else (f"i.{column} = 0", [])

    def keep(frame: pd.DataFrame, f: Filters) -> pd.Series | None:
        return None if getattr(f, field) else ~frame[column]
    return sql, keep


# -- reading URL values, leniently ------------------------------------------------------------


def _date(values: list[str]) -> dt.date | None:
    for value in values:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            continue
    return None


def _flag(values: list[str]) -> bool:
    return values[-1].strip().lower() not in ("0", "false", "no", "off")


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in (s.strip() for s in values) if v))


_UNDATED_SQL, _UNDATED_KEEP = _include("include_undated", "undated")
_APPROX_SQL, _APPROX_KEEP = _include("include_approximate", "approximate")

# The filters, in the order the sidebar draws them and ``explain_empty`` names them.
FILTERS: tuple[FilterDef, ...] = (
    FilterDef(
        "dates", ("start", "end"), ("from", "to"), _date, _dates_sql, _dates_keep,
        _dates_describe, "dates", "Dates", clamp=_dates_clamp,
        help="Events whose date interval overlaps this range (a month-long event stays in while "
        "any of its days is in range). Undated events count at their report date.",
    ),
    FilterDef(
        "types", ("types",), ("type",),
        lambda values: tuple(t for t in _unique(values) if t in EVENT_TYPES),
        _one_of("types", "+i.type IN ({})"), _is_in("types", "type"),
        lambda f: "type " + " or ".join(type_label(t) for t in f.types),
        "multiselect", "Event type", options=lambda c: c.types, format=type_label,
        placeholder="All types",
    ),
    FilterDef(
        "countries", ("countries",), ("country",),
        lambda values: tuple(c.upper() for c in _unique(values)),
        _one_of("countries", "i.country IN ({})"), _is_in("countries", "country"),
        lambda f: "country " + " or ".join(country_name(c) for c in f.countries),
        "multiselect", "Country", options=lambda c: sorted(c.countries, key=country_name),
        format=country_name, placeholder="All countries",
    ),
    FilterDef(
        "actors", ("actors",), ("actor",), _unique,
        _one_of("actors", "i.id IN (SELECT event FROM event_actors WHERE actor IN ({}))"),
        _actors_keep, lambda f: "actor " + " or ".join(f.actors),
        "multiselect", "Actor", options=lambda c: c.actors, placeholder="All actors",
    ),
    FilterDef(
        "text", ("text",), ("q",), lambda values: values[-1], _text_sql, _text_keep,
        lambda f: f"search “{f.text.strip()}”", "text", "Search passages",
        placeholder="word or phrase",
        help="Whole words, in the passage, article title, place and actors; case and accents are "
        "ignored and the last word may be the start of one ('minsk tal' finds 'Minsk talks').",
    ),
    FilterDef(
        "undated", ("include_undated",), ("undated",), _flag, _UNDATED_SQL, _UNDATED_KEEP,
        lambda f: "leaving out undated events", "toggle", "Include undated events",
        help="Events whose text gives no date; shown at their article's report date.",
    ),
    FilterDef(
        "approx", ("include_approximate",), ("approx",), _flag, _APPROX_SQL, _APPROX_KEEP,
        lambda f: "leaving out approximate events", "toggle", "Include approximate events",
        help="Dates known only to the month, year or a span; places known only to the country "
        "or within a radius.",
    ),
)

def apply(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of ``frame`` (see ``data.events_frame``) that pass ``filters``, in order."""
    keep = pd.Series(True, index=frame.index)
    for definition in FILTERS:
        mask = definition.keeps(frame, filters)
        if mask is not None:
            keep &= mask
    return frame[keep]

def data_span(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last day any event (or undated event's report) touches; None when no dates."""
    lo = frame["when_start"].min()
    hi = frame["when_end"].max()
    if pd.isna(lo) or pd.isna(hi):
        return None
    return lo.date(), hi.date()


# The default date range holds this share of the events' dates, so that a stray year (a document
# number read as 1721) does not stretch the slider and the timeline over centuries.
BULK_SHARE = 0.98
# ...but only when leaving the strays out shortens the range a lot (to under half, by a year or
# more): events merely at the edge of a dense range are not strays.
_BULK_SHRINK, _BULK_MIN_SAVED = 0.5, dt.timedelta(days=365)


def bulk_span(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The default date range: the shortest window holding ``BULK_SHARE`` of the events' dates
    (the report date for undated ones), or ``data_span`` when that leaves out no strays."""
    full = data_span(frame)
    if full is None:
        return None
    dated = frame[frame["when_start"].notna()]
    # Whole days as integers: nanosecond differences overflow beyond 292 years.
    starts = dated["when_start"].sort_values().to_numpy().astype("datetime64[D]")
    days = starts.astype("int64")
    keep = math.ceil(BULK_SHARE * len(starts))
    if keep >= len(starts):
        return full
    widths = days[keep - 1:] - days[: len(days) - keep + 1]
    first = int(widths.argmin())
    lo, last_start = pd.Timestamp(starts[first]), pd.Timestamp(starts[first + keep - 1])
    inside = dated["when_start"].between(lo, last_start)
    hi = max(dated.loc[inside, "when_end"].max(), last_start)
    bulk = lo.date(), hi.date()
    full_days, bulk_days = full[1] - full[0], bulk[1] - bulk[0]
    if bulk_days > full_days * _BULK_SHRINK or full_days - bulk_days < _BULK_MIN_SAVED:
        return full
    return bulk


def clamp(filters: Filters, span: tuple[dt.date, dt.date] | None) -> Filters:
    """``filters`` with its dates inside ``span``; a date equal to the span's edge becomes None."""
    if span is None:
        return replace(filters, start=None, end=None)
    lo, hi = span
    start = filters.start if filters.start and lo < filters.start <= hi else None
    end = filters.end if filters.end and lo <= filters.end < hi else None
    if start and end and start > end:
        start, end = end, start
    return replace(filters, start=start, end=end)


def fit(filters: Filters, catalog: Catalog) -> Filters:
    """``filters`` with every value one the store can have (see ``FilterDef.fit``): the one
    clamp, of a shared link's filters and of the sidebar's alike."""
    for definition in FILTERS:
        filters = definition.fit(filters, catalog)
    return filters


def _url_value(value: object) -> str | list[str]:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return list(value)
    return str(value)


def to_query(filters: Filters) -> dict[str, str | list[str]]:
    """URL query parameters for ``filters``; defaults are left out, lists repeat the key."""
    query: dict[str, str | list[str]] = {}
    for definition in FILTERS:
        for field, key in zip(definition.fields, definition.urls, strict=True):
            value = getattr(filters, field)
            if value != getattr(_DEFAULT, field):
                query[key] = _url_value(value)
    return query


def _values(query: Mapping[str, str | Iterable[str]], key: str) -> list[str]:
    value = query.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def from_query(query: Mapping[str, str | Iterable[str]]) -> Filters:
    """Filters from URL query parameters. Lenient: an unreadable value is ignored, never raised,
    since a shared link may be old or hand-edited."""
    values: dict[str, Any] = {}
    for definition in FILTERS:
        for field, key in zip(definition.fields, definition.urls, strict=True):
            given = _values(query, key)
            if given:
                values[field] = definition.read(given)
    return Filters(**values)


def why_empty(frame: pd.DataFrame, filters: Filters) -> str:
    """Why no event of ``frame`` passes ``filters`` (see ``explain_empty``)."""
    return explain_empty(len(frame), filters, lambda only: len(apply(frame, only)))


def explain_empty(total: int, filters: Filters, count: Callable[[Filters], int]) -> str:
    """Why none of ``total`` events passes ``filters``: each active filter with how many events
    it keeps alone (``count(filters)`` counts them: ``apply`` on a table, or the store).

    Filter values come from the user or the URL; the result is plain text (render it as text).
    """
    if not total:
        return "The store has no events yet: add articles in the sidebar."
    alone = [(d, _only(d, filters)) for d in FILTERS if d.active(filters)]
    if not alone:
        return "No events match."
    parts = [f"{d.describe(filters)} keeps {count(only):,} of {total:,}" for d, only in alone]
    verdict = "No event passes all the filters together" if len(parts) > 1 else "No events match"
    return f"{verdict}: " + "; ".join(parts) + "."


def _only(definition: FilterDef, filters: Filters) -> Filters:
    """No filter but ``definition``, set as in ``filters``."""
    return replace(Filters(), **{f: getattr(filters, f) for f in definition.fields})
