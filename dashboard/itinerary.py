"""An actor's itinerary: their events in date order, joined by a path on the map, dates on it.

The trip view analysts build by hand: choose "Lukashenko" and see where he went, when. Only
events with both a date and a place can be a stop; the others are counted, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from dashboard.assets import static_text
from dashboard.mapview import COORD_DECIMALS, located, script_json

# Date labels drawn on the map at most; a longer trip keeps its path and hover labels.
MAX_LABELS = 40
# Events of one actor read at most for a trip on a store too big to read whole (the earliest).
MAX_EVENTS = 5_000


@dataclass(frozen=True)
class Trip:
    """``stops`` in date order (``lat``, ``lon``, ``label``); ``left_out`` counts the actor's
    events that cannot be a stop (no date or no place)."""

    actor: str
    stops: tuple[tuple[float, float, str], ...]
    left_out: int


def events_of(frame: pd.DataFrame, actor: str) -> pd.DataFrame:
    return frame[frame["actors"].map(lambda actors: actor in actors).astype(bool)]


def trip(frame: pd.DataFrame, actor: str) -> Trip:
    """``actor``'s stops among the events of ``frame``: dated and located events by start date
    (then end); consecutive events at one place are one stop with all their dates."""
    mine = events_of(frame, actor)
    usable = located(mine)
    usable = usable[usable["start"].notna()].sort_values(["start", "end"], kind="stable")
    stops: list[tuple[float, float, list[str]]] = []
    for lat, lon, label in zip(usable["lat"], usable["lon"], usable["date_label"], strict=True):
        point = (round(float(lat), COORD_DECIMALS), round(float(lon), COORD_DECIMALS))
        if stops and stops[-1][:2] == point:
            if label not in stops[-1][2]:
                stops[-1][2].append(label)
            continue
        stops.append((*point, [label]))
    labelled = tuple(
        (lat, lon, f"{n} · {'; '.join(labels)}") for n, (lat, lon, labels) in enumerate(stops, 1)
    )
    return Trip(actor=actor, stops=labelled, left_out=len(mine) - len(usable))


def summary(journey: Trip) -> str:
    """A caption for the map (plain text: the actor's name comes from articles)."""
    count = len(journey.stops)
    text = (f"Itinerary of {journey.actor}: {count} stop{'s' if count != 1 else ''} "
            "in date order, joined by the dark path.")
    if journey.left_out:
        text += (f" {journey.left_out} of their events have no date or no place and are not "
                 "on the path.")
    return text


class ItineraryLayer(MacroElement):
    """The path and its date labels (``static/itinerary.js``); labels are set as text."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
{{ this.script }}
gtItinerary({{ this._parent.get_name() }}, {{ this.payload }});
{% endmacro %}
"""
    )

    def __init__(self, journey: Trip) -> None:
        super().__init__()
        self._name = "ItineraryLayer"
        self.script = static_text("itinerary.js")
        # One label per place: a trip back to a place adds a line to its label, not a second
        # label drawn over the first.
        at: dict[tuple[float, float], list[str]] = {}
        for lat, lon, label in journey.stops:
            at.setdefault((lat, lon), []).append(label)
        payload: dict[str, Any] = {
            "lat": [s[0] for s in journey.stops],
            "lon": [s[1] for s in journey.stops],
            "label": [s[2] for s in journey.stops],
            "places": [[lat, lon, "\n".join(labels)] for (lat, lon), labels in at.items()],
            "maxLabels": MAX_LABELS,
        }
        self.payload = script_json(payload)
