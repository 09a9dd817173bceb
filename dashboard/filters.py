"""Filters as a value: applied to the event table, and written to / read from the URL.

Pure functions of plain data (no Streamlit), so they are tested directly and the URL round trip
``from_query(to_query(f)) == f`` holds for every Filters value.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from dashboard.labels import country_name, type_label
from events.model import EVENT_TYPES


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


# URL parameter names, short so a shared link stays readable.
Q_START, Q_END, Q_TYPE, Q_COUNTRY, Q_ACTOR, Q_TEXT = "from", "to", "type", "country", "actor", "q"
Q_UNDATED, Q_APPROX = "undated", "approx"


def apply(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of ``frame`` (see ``data.events_frame``) that pass ``filters``, in order."""
    keep = pd.Series(True, index=frame.index)
    if filters.start is not None or filters.end is not None:
        lo = pd.Timestamp(filters.start) if filters.start else pd.Timestamp.min
        hi = pd.Timestamp(filters.end) if filters.end else pd.Timestamp.max
        overlaps = (frame["when_start"] <= hi) & (frame["when_end"] >= lo)
        keep &= overlaps | frame["when_start"].isna()
    if not filters.include_undated:
        keep &= ~frame["undated"]
    if not filters.include_approximate:
        keep &= ~frame["approximate"]
    if filters.types:
        keep &= frame["type"].isin(filters.types)
    if filters.countries:
        keep &= frame["country"].isin(filters.countries)
    if filters.actors:
        wanted = frozenset(filters.actors)
        keep &= frame["actors"].map(lambda actors: not wanted.isdisjoint(actors)).astype(bool)
    text = filters.text.strip().casefold()
    if text:
        keep &= frame["search"].str.contains(text, regex=False)
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


def to_query(filters: Filters) -> dict[str, str | list[str]]:
    """URL query parameters for ``filters``; defaults are left out, lists repeat the key."""
    query: dict[str, str | list[str]] = {}
    if filters.start:
        query[Q_START] = filters.start.isoformat()
    if filters.end:
        query[Q_END] = filters.end.isoformat()
    if filters.types:
        query[Q_TYPE] = list(filters.types)
    if filters.countries:
        query[Q_COUNTRY] = list(filters.countries)
    if filters.actors:
        query[Q_ACTOR] = list(filters.actors)
    if filters.text:
        query[Q_TEXT] = filters.text
    if not filters.include_undated:
        query[Q_UNDATED] = "0"
    if not filters.include_approximate:
        query[Q_APPROX] = "0"
    return query


def _values(query: Mapping[str, str | Iterable[str]], key: str) -> list[str]:
    value = query.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _date(values: list[str]) -> dt.date | None:
    for value in values:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            continue
    return None


def _flag(values: list[str], default: bool) -> bool:
    if not values:
        return default
    return values[-1].strip().lower() not in ("0", "false", "no", "off")


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in (s.strip() for s in values) if v))


def from_query(query: Mapping[str, str | Iterable[str]]) -> Filters:
    """Filters from URL query parameters. Lenient: an unreadable value is ignored, never raised,
    since a shared link may be old or hand-edited."""
    types = _unique(_values(query, Q_TYPE))
    return Filters(
        start=_date(_values(query, Q_START)),
        end=_date(_values(query, Q_END)),
        types=tuple(t for t in types if t in EVENT_TYPES),
        countries=tuple(c.upper() for c in _unique(_values(query, Q_COUNTRY))),
        actors=_unique(_values(query, Q_ACTOR)),
        text=(_values(query, Q_TEXT) or [""])[-1],
        include_undated=_flag(_values(query, Q_UNDATED), True),
        include_approximate=_flag(_values(query, Q_APPROX), True),
    )


def _describe(filters: Filters, name: str) -> str:
    if name == "dates":
        lo = filters.start.isoformat() if filters.start else "the first day"
        hi = filters.end.isoformat() if filters.end else "the last day"
        return f"dates {lo} to {hi}"
    if name == "text":
        return f"search “{filters.text.strip()}”"
    if name == "include_undated":
        return "leaving out undated events"
    if name == "include_approximate":
        return "leaving out approximate events"
    if name == "types":
        return "type " + " or ".join(type_label(t) for t in filters.types)
    if name == "countries":
        return "country " + " or ".join(country_name(c) for c in filters.countries)
    return "actor " + " or ".join(filters.actors)


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
    default = Filters()
    alone: list[tuple[str, Filters]] = []
    if filters.start is not None or filters.end is not None:
        alone.append(("dates", replace(default, start=filters.start, end=filters.end)))
    for name in ("types", "countries", "actors", "text", "include_undated", "include_approximate"):
        if getattr(filters, name) != getattr(default, name):
            alone.append((name, replace(default, **{name: getattr(filters, name)})))
    if not alone:
        return "No events match."
    parts = []
    for name, only in alone:
        parts.append(f"{_describe(filters, name)} keeps {count(only):,} of {total:,}")
    verdict = "No event passes all the filters together" if len(parts) > 1 else "No events match"
    return f"{verdict}: " + "; ".join(parts) + "."
