"""The pipeline's value types: Article, TimeExpression and Event (see DESIGN.md, data model)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EVENT_TYPES = ("meeting", "visit", "summit", "deployment", "exercise")
GRANULARITIES = ("day", "month", "year", "range", "none")
DATE_BASES = ("explicit", "relative", "context", "none")
PUBLISHED_BASES = ("metadata", "html", "text", "none")


@dataclass(frozen=True)
class Article:
    """One news article, normalised.

    ``id`` is the header's ``id`` or the file stem (stable across re-reads); ``published`` is
    None when no publication date is known, and ``published_basis`` says where it came from.
    ``meta`` keeps any other header keys as strings.
    """

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    published_basis: str = "none"
    source: str = ""
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression in a text: ``text == source[start:end]``.

    ``type`` is a TIMEX3 type (DATE, TIME, DURATION, SET); ``value`` is the TIMEX3 value
    (``2024-12-06``, ``2024-05``, ``P1W``, ``PRESENT_REF``...). For DATE/TIME values that denote
    calendar time, ``first``/``last`` are the first and last day of the interval denoted and
    ``granularity`` is one of day|month|year|range (week, quarter, decade and season become
    ``range``); otherwise they are None and ``granularity`` is ``none``. ``basis`` says whether
    the value was written out (explicit) or computed from the anchor (relative).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    first: dt.date | None = None
    last: dt.date | None = None
    granularity: str = "none"
    basis: str = "explicit"


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into an Event's ``evidence`` sentence."""

    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """A dated, typed, geolocated event reported by one article (merged ones list several).

    ``date_start``/``date_end`` bound the interval the text gives (both None when undated, then
    ``date_granularity == "none"`` and ``date_basis == "none"``). ``lat``/``lon`` are None when the
    place could not be resolved. Spans (``place_span``, ``date_span``, ``trigger_span``) index into
    ``evidence``; ``evidence_start``/``evidence_end`` index into the article text.
    ``sources`` lists the ids of all articles reporting it (the first is ``article_id``).
    ``unplaced_reason`` says why an event has no place (``lat``/``lon`` None): the text names
    none, or names one the gazetteer does not know; it is empty for placed events.
    ``corrected`` lists the kinds of human correction applied (``events.corrections``), in
    order; empty for an event as extracted. It is never stored with the event.
    """

    id: str
    type: str
    cameo: str
    article_id: str
    evidence: str
    evidence_start: int
    evidence_end: int
    trigger_span: Span
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_granularity: str = "none"
    date_basis: str = "none"
    date_text: str = ""
    date_span: Span | None = None
    reported: dt.date | None = None
    place_id: str = ""
    place_name: str = ""
    place_text: str = ""
    place_span: Span | None = None
    country_code: str = ""
    lat: float | None = None
    lon: float | None = None
    place_level: str = ""
    uncertainty_km: float | None = None
    actors: tuple[str, ...] = ()
    confidence: float = 0.5
    sources: tuple[str, ...] = field(default=())
    unplaced_reason: str = ""
    corrected: tuple[str, ...] = ()
