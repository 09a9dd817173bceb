"""Cross-article merging: the same event reported by several articles becomes one event."""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import replace

from geopy.distance import EARTH_RADIUS, great_circle

from events.model import Event

SAME_PLACE_KM = 10.0  # two reports of one summit may resolve "Minsk" to points a few km apart
# Grid cells of 0.1 degree (11 km north-south, less east-west) hold the merged events, so a new
# report is compared only with those in its own and the neighbouring cells: merging stays about
# linear in the number of events instead of quadratic.
_CELL_DEGREES = 0.1
_COLUMNS = round(360 / _CELL_DEGREES)  # longitude wraps round: 180°E and 180°W share a column


def merge(events: list[Event]) -> list[Event]:
    """Events of the same type, at the same place, with overlapping dates, merged into one.

    The merged event is the earliest report's (its id, evidence and place), with the finest date
    any report gives, every actor, the highest confidence, and ``sources`` listing every article.
    Undated events are never merged across articles: without a date nothing says two reports of
    "troops near Brest" are about the same deployment. Input order does not change the result.
    """
    ordered = sorted(events, key=lambda e: (e.reported is None, e.reported or 0, e.article_id, e.id))
    merged: list[Event] = []
    cells: dict[tuple, list[int]] = defaultdict(list)
    for event in ordered:
        twin = next((i for i in _candidates(event, cells) if _same(merged[i], event)), None)
        if twin is None:
            merged.append(replace(event, sources=event.sources or (event.article_id,)))
            if event.date_start is not None:
                cells[_cell_key(event)].append(len(merged) - 1)
        else:
            merged[twin] = _combine(merged[twin], event)
    return merged


def _cell_key(event: Event) -> tuple:
    if event.lat is None or event.lon is None:
        return (event.type, "place", event.place_id)
    return (event.type, math.floor(event.lat / _CELL_DEGREES), math.floor(event.lon / _CELL_DEGREES) % _COLUMNS)


def _candidates(event: Event, cells: dict[tuple, list[int]]) -> list[int]:
    """Indices of merged events that could be the same event: same type, nearby cell, in order."""
    if event.date_start is None:
        return []
    kind, *where = _cell_key(event)
    if where[0] == "place":
        return cells.get((kind, *where), [])
    row, column = where
    reach = _reach(row)
    if 2 * reach + 1 >= _COLUMNS:
        columns = range(_COLUMNS)
    else:
        columns = [(column + dc) % _COLUMNS for dc in range(-reach, reach + 1)]
    found = [i for dr in (-1, 0, 1) for c in columns for i in cells.get((kind, row + dr, c), [])]
    return sorted(found)


@functools.cache
def _reach(row: int) -> int:
    """How many grid columns either side may hold a point within SAME_PLACE_KM of a point in
    ``row``: more towards the poles, where meridians converge (all of them within about 10 km of
    a pole); columns wrap round the antimeridian."""
    # The neighbouring rows reach up to two cells nearer the pole; there a longitude difference
    # d keeps two points at least 2R asin(cos(lat) sin(d/2)) apart.
    polar = math.radians(min(90.0, max(abs(row), abs(row + 1)) * _CELL_DEGREES + _CELL_DEGREES))
    sine = math.sin(SAME_PLACE_KM / (2 * EARTH_RADIUS)) / max(math.cos(polar), 1e-12)
    if sine >= 1:
        return _COLUMNS
    return math.ceil(math.degrees(2 * math.asin(sine)) / _CELL_DEGREES) + 1


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.date_start is None or b.date_start is None:
        return False
    if a.article_id in b.sources or b.article_id in a.sources:
        return False  # within one article, events.extract already kept distinct events apart
    if a.place_id != b.place_id:
        if None in (a.lat, b.lat) or great_circle((a.lat, a.lon), (b.lat, b.lon)).km > SAME_PLACE_KM:
            return False
    return a.date_start <= b.date_end and b.date_start <= a.date_end


def _combine(first: Event, other: Event) -> Event:
    combined = replace(
        first,
        actors=tuple(dict.fromkeys(first.actors + other.actors)),
        confidence=max(first.confidence, other.confidence),
        sources=tuple(dict.fromkeys(first.sources + (other.sources or (other.article_id,)))),
    )
    finer = (other.date_end - other.date_start) < (first.date_end - first.date_start)
    if finer:
        combined = replace(combined, date_start=other.date_start, date_end=other.date_end,
                           date_granularity=other.date_granularity, date_basis="context",
                           date_text=other.date_text, date_span=None)
    return combined
