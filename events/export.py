"""Events out: flat records (the field names of the gold files), JSON Lines, CSV and GeoJSON.

``to_record`` is the one mapping from an Event; every format is built from it, so a JSON Lines
export can be scored directly by ``eval/events/score.py``. ``RECORD_FIELDS`` are the gold file's
names in its order (a public format: keep them). CSV cells that a spreadsheet would run as a formula
are neutralised; GeoJSON follows RFC 7946 (``[lon, lat]``, WGS 84, no ``crs`` member).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from typing import IO, Any

from events.model import Article, Event

RECORD_FIELDS = (
    "article", "type", "place", "resolved", "lat", "lon", "place_level", "uncertainty_km",
    "date", "date_granularity", "date_basis", "reported", "actors", "evidence",
    "id", "cameo", "confidence", "sources", "date_end", "unplaced_reason", "corrected",
)
ARTICLE_FIELDS = ("article_title", "article_source")
# The Event fields no record holds: offsets into the passage and the article, the words as the
# text wrote them, the gazetteer's id. Every other field shows in a record (a test checks it,
# so a field added to Event is exported, or listed here, by choice).
NOT_EXPORTED = (
    "evidence_start", "evidence_end", "trigger_span", "date_text", "date_span", "place_id",
    "place_span",
)
# ISO prefix length for each granularity the scorer knows; a range is given by its first day
# (the annotation guideline's rule) and its end in ``date_end``.
_DATE_CHARS = {"day": 10, "month": 7, "year": 4, "range": 10}
_EXPORTED_GRANULARITY = {"day": "day", "month": "month", "year": "year", "range": "day"}
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_record(event: Event, article: Article | None = None) -> dict[str, Any]:
    """One flat, JSON-ready dict per event; with ``article``, its title and source are added
    and a missing ``reported`` date falls back to its publication date."""
    granularity = event.date_granularity
    if granularity in _DATE_CHARS and event.date_start is not None:
        date = event.date_start.isoformat()[: _DATE_CHARS[granularity]]
        exported_granularity: str | None = _EXPORTED_GRANULARITY[granularity]
    else:
        date, exported_granularity = None, None
    reported = event.reported or (article.published if article is not None else None)
    resolved = None
    if event.place_name:
        resolved = (
            f"{event.place_name}, {event.country_code}" if event.country_code else event.place_name
        )
    record: dict[str, Any] = {
        "article": event.article_id,
        "type": event.type,
        "place": event.place_text or None,
        "resolved": resolved,
        "lat": _finite(event.lat),
        "lon": _finite(event.lon),
        "place_level": event.place_level or None,
        "uncertainty_km": _finite(event.uncertainty_km),
        "date": date,
        "date_granularity": exported_granularity,
        "date_basis": event.date_basis,
        "reported": _iso(reported),
        "actors": list(event.actors),
        "evidence": event.evidence,
        "id": event.id,
        "cameo": event.cameo,
        "confidence": _finite(event.confidence),
        "sources": list(event.sources) or [event.article_id],
        "date_end": _iso(event.date_end) if date is not None else None,
        "unplaced_reason": event.unplaced_reason or None,
        # The kinds of human correction applied (events.corrections), [] as extracted.
        "corrected": list(event.corrected),
    }
    if article is not None:
        record["article_title"] = article.title
        record["article_source"] = article.source
    return record


def write_jsonl(
    events: Iterable[Event], fp: IO[str], *, articles: Mapping[str, Article] | None = None
) -> int:
    """One JSON object a line (UTF-8 text, not ASCII-escaped); returns the number written."""
    count = 0
    for event in events:
        record = to_record(event, _article_of(event, articles))
        fp.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count


def write_csv(
    events: Iterable[Event], fp: IO[str], *, articles: Mapping[str, Article] | None = None
) -> int:
    """A header row then one row per event; lists joined with "; ", None as an empty cell.

    Text cells starting with ``= + - @``, a tab or a CR get a leading ``'`` so spreadsheets
    show them as text; numbers are written as numbers. ``fp`` should be opened with
    ``newline=""``. Returns the number of rows written.
    """
    fields = RECORD_FIELDS + (ARTICLE_FIELDS if articles is not None else ())
    writer = csv.writer(fp)
    writer.writerow(fields)
    count = 0
    for event in events:
        record = to_record(event, _article_of(event, articles))
        writer.writerow([_cell(record.get(field)) for field in fields])
        count += 1
    return count


def to_geojson(
    events: Iterable[Event],
    *,
    articles: Mapping[str, Article] | None = None,
    include_unlocated: bool = False,
) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of Points (``[lon, lat]``), properties = ``to_record``.

    Events without coordinates are left out by default (a map file); with
    ``include_unlocated=True`` they are kept as Features with ``"geometry": null``.
    """
    features = []
    for event in events:
        lat, lon = _finite(event.lat), _finite(event.lon)
        located = lat is not None and lon is not None
        if not located and not include_unlocated:
            continue
        features.append({
            "type": "Feature",
            "id": event.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]} if located else None,
            "properties": to_record(event, _article_of(event, articles)),
        })
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[Event], fp: IO[str], **options: Any) -> int:
    collection = to_geojson(events, **options)
    json.dump(collection, fp, ensure_ascii=False, allow_nan=False)
    fp.write("\n")
    return len(collection["features"])


def _article_of(event: Event, articles: Mapping[str, Article] | None) -> Article | None:
    return None if articles is None else articles.get(event.article_id)


def _finite(value: float | None) -> float | None:
    # NaN or infinity would make invalid JSON; they mean "unknown" here.
    if value is None or not math.isfinite(value):
        return None
    return value


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text
