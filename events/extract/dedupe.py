"""Reports of one event within an article: when two are the same event, and how they combine.

GUIDELINES §1: an article has one event per (type, resolved place, date). Two reports are the same
event when their types agree, their places are the same or nested and their dates are compatible;
the merged event keeps the most specific place, the finest date and every actor.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geopy.distance import great_circle

from events.extract.places import LEVEL_RANK
from events.model import Event

_STAYS = frozenset({"visit", "deployment"})  # events that last, so "now" and a recent day meet
NESTED_KM = 30.0  # a landmark and its city, or a city and its centre, are one place
# A plural event word followed by the places it went to ("state visits to Saudi Arabia and
# Morocco"), unless counted or qualified as many ("several visits to", "two previous tours of").
_TO_NAMES = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?(?-i:[A-Z])")
_QUANTIFIED = re.compile(r"\b(?:several|many|numerous|frequent|repeated|regular|previous|past|earlier|recent|"
                         r"two|three|four|five|six|seven|eight|nine|ten|\d+|some|few|all)\s+(?:[\w-]+\s+){0,2}$",
                         re.IGNORECASE)
# "the meeting", "The December 6th meeting", "this week's session": a gathering named again.
_DEFINITE = re.compile(r"\b(?:the|this|that|its)\s+(?:[\w'’\-]+\s+){0,3}$", re.IGNORECASE)


def deduplicate(events: list[Event]) -> list[Event]:
    """The article's events with reports of one event merged, in text order. Reports are taken
    most specific first, so the kept one is the best; a meeting that only refers back to a summit
    at the same place and time ("the December 6 meeting in Minsk") is the summit itself."""
    summits = [e for e in events if e.type == "summit"]
    reports = [e for e in events if not (e.type == "meeting" and _refers_to_summit(e, summits))]
    kept: list[Event] = []
    for event in sorted(reports, key=_specificity, reverse=True):
        twin = next((k for k in kept if same_event(k, event)), None)
        if twin is None:
            kept.append(event)
        else:
            kept[kept.index(twin)] = absorb(twin, event)
    return sorted(kept, key=lambda e: (e.evidence_start, e.trigger_span.start))


def _specificity(event: Event) -> tuple:
    return (event.date_start is not None, LEVEL_RANK.get(event.place_level, 0),
            event.date_granularity == "day", event.confidence, -event.evidence_start)


def _refers_to_summit(meeting: Event, summits: list[Event]) -> bool:
    """ "The December 6th meeting in Minsk" names a summit at the same place and time again;
    "held ten meetings, the most recent at the CSTO summit" does not."""
    before = meeting.evidence[: meeting.trigger_span.start]
    trigger = meeting.evidence[meeting.trigger_span.start: meeting.trigger_span.end]
    anaphoric = trigger.lower() in ("meeting", "session") and _DEFINITE.search(before)
    return bool(anaphoric) and any(same_event(s, replace(meeting, type="summit")) for s in summits)


def same_event(a: Event, b: Event) -> bool:
    """Same type, same or nested place, compatible dates (one interval inside the other, or one
    of them undated).

    Nested: within 30 km (a palace and its city), or, when one of them is dated, a country and a
    place in it ("talks in Japan" and "talks late Monday" in TOKYO; an exercise in Hong Kong and
    "the exercise in the New Territories"); not for deployments, whose reports at a city and at its
    country are mostly of other forces. For visits only an undated country report joins a dated
    place: an undated stop within a dated trip ("due in Kenya on Friday", "also expected to visit a
    factory in Nairobi") is its own event.
    """
    if a.type != b.type or a.article_id != b.article_id:
        return False
    undated = a.date_start is None or b.date_start is None
    if undated and (is_plural(a) or is_plural(b)):
        return False  # "several visits to Saudi Arabia" are not the dated visit of the same article
    one_dated = (a.date_start is None) != (b.date_start is None)
    nested = _country_report_of(a, b) or _country_report_of(b, a) if a.type == "visit" \
        else one_dated and inside(a, b) and a.type != "deployment"
    if a.place_id != b.place_id and not (_near(a, b) or nested):
        return False
    if undated:
        return True
    # "is currently paying a visit" and "arrived on Saturday": one stay; but talks that "resume
    # today" after Monday's are another round.
    if a.type in _STAYS and (_is_deictic(a) or _is_deictic(b)) and abs((a.date_start - b.date_start).days) <= 7:
        return True
    return within(a, b) or within(b, a)


def _near(a: Event, b: Event) -> bool:
    if None in (a.lat, b.lat) or "country" in (a.place_level, b.place_level):
        return False
    return great_circle((a.lat, a.lon), (b.lat, b.lon)).km <= NESTED_KM


def _country_report_of(country: Event, place: Event) -> bool:
    # ("is now visiting China" after "arrived in Beijing on Thursday": the same stay)
    return (country.place_level == "country" and place.date_start is not None and inside(country, place)
            and (country.date_start is None or _is_deictic(country)
                 and abs((country.date_start - place.date_start).days) <= 7
                 or country.date_start == place.date_start
                 and country.date_granularity == place.date_granularity == "day"))


def inside(a: Event, b: Event) -> bool:
    """One is a country and the other a place in that country (either way round)."""
    levels = {a.place_level, b.place_level}
    return "country" in levels and len(levels) == 2 and a.country_code == b.country_code != ""


def is_plural(event: Event) -> bool:
    """Events in general ("several visits to Saudi Arabia", "regular summit meetings"), not "state
    visits to Saudi Arabia and Morocco", one to each place it names."""
    trigger = event.evidence[event.trigger_span.start: event.trigger_span.end].lower()
    if trigger not in ("visits", "trips", "meetings", "summits", "tours"):
        return False
    one_each = _TO_NAMES.match(event.evidence, event.trigger_span.end) is not None
    return not one_each or _QUANTIFIED.search(event.evidence, 0, event.trigger_span.start) is not None


def _is_deictic(event: Event) -> bool:
    return event.date_text.lower() in ("now", "current", "currently", "today", "this week", "at present")


def within(inner: Event, outer: Event) -> bool:
    return outer.date_start <= inner.date_start and inner.date_end <= outer.date_end


def absorb(kept: Event, other: Event) -> Event:
    """``kept`` enriched by a second report of the same event: finer date, more specific place, all actors."""
    merged = replace(kept, actors=tuple(dict.fromkeys(kept.actors + other.actors)),
                     confidence=max(kept.confidence, other.confidence))
    if LEVEL_RANK.get(other.place_level, 0) > LEVEL_RANK.get(kept.place_level, 0):
        merged = replace(merged, place_id=other.place_id, place_name=other.place_name,
                         place_text=other.place_text, country_code=other.country_code,
                         lat=other.lat, lon=other.lon, place_level=other.place_level,
                         uncertainty_km=other.uncertainty_km, evidence=other.evidence,
                         evidence_start=other.evidence_start, evidence_end=other.evidence_end,
                         trigger_span=other.trigger_span, place_span=other.place_span,
                         date_span=None, id=other.id,
                         date_basis="context" if kept.date_start else "none")
        if merged.date_start is None:
            merged = replace(merged, date_basis="none")
    if other.date_start is not None and (
            merged.date_start is None
            or within(other, merged) and other.date_granularity != merged.date_granularity
            or _is_deictic(merged) and not _is_deictic(other)):  # "arrived on Saturday" beats "currently"
        same_sentence = other.evidence_start == merged.evidence_start
        merged = replace(merged, date_start=other.date_start, date_end=other.date_end,
                         date_granularity=other.date_granularity, date_text=other.date_text,
                         date_span=other.date_span if same_sentence else None,
                         date_basis=other.date_basis if same_sentence else "context")
    return merged
