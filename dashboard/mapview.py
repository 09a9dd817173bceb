"""The event map: a pure ``build_map(frame) -> folium.Map`` plus the Streamlit call that shows it.

Events travel to the browser as one compact columnar JSON payload (coordinates, and indexes into
small tables of types, date labels, places and titles); a single script turns it into markers,
clustered by Leaflet.markercluster. There is no per-marker Jinja template, so 100,000 events cost
one ``json.dumps`` rather than 100,000 template renders. Tooltips and popups are built in the
browser with ``textContent``, so no article string is ever parsed as HTML there.
"""

from __future__ import annotations

import json
from typing import Any

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from dashboard import assets, basemap, filters
from dashboard.assets import static_text
from dashboard.labels import TYPE_COLORS, type_color, type_label
from dashboard.playback import PlaybackControl
from events.model import EVENT_TYPES

# Coordinates are sent with 5 decimals (about 1 m); a click comes back with the same numbers.
COORD_DECIMALS = 5
# Up to this many events every uncertainty circle is drawn; beyond it only those of markers shown
# on their own (not inside a cluster), which keeps 100,000 events from becoming a smear.
ALL_CIRCLES_UP_TO = 500
MAP_HEIGHT = 560

_JSON_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>``: no ``</script>``, no HTML comment, no U+2028."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_UNSAFE)


def located(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that can go on the map (both coordinates known)."""
    return frame[frame["lat"].notna() & frame["lon"].notna()]


def _codes(values: pd.Series) -> tuple[list[int], list[str]]:
    codes, uniques = pd.factorize(values.fillna("").astype(str), sort=False)
    return codes.tolist(), [str(u) for u in uniques]


def map_payload(frame: pd.DataFrame) -> dict[str, Any]:
    """The columnar payload for the events of ``frame`` that have coordinates."""
    rows = located(frame)
    types = list(EVENT_TYPES)
    extra = sorted(set(rows["type"].unique()) - set(types))
    types += extra
    type_codes = pd.Categorical(rows["type"], categories=types).codes.tolist()
    dates, date_labels = _codes(rows["date_label"])
    places, place_labels = _codes(rows["place"])
    titles, title_labels = _codes(rows["title"])
    uncertainty = rows["uncertainty_km"].fillna(0).round(1)
    return {
        # First and last day (days since 1970) for playback; undated events at their report
        # date, as on the timeline; null when there is neither.
        "s": _day_numbers(rows["when_start"]),
        "e": _day_numbers(rows["when_end"]),
        "types": [type_label(t) for t in types],
        "colors": [type_color(t) for t in types],
        "lat": rows["lat"].round(COORD_DECIMALS).tolist(),
        "lon": rows["lon"].round(COORD_DECIMALS).tolist(),
        "t": type_codes,
        "d": dates,
        "dl": date_labels,
        "p": places,
        "pl": place_labels,
        "a": titles,
        "al": title_labels,
        "k": (rows["place_level"] == "country").astype(int).tolist(),
        "u": [int(u) if u == int(u) else u for u in uncertainty.tolist()],
        "allCircles": ALL_CIRCLES_UP_TO,
    }


def _day_numbers(days: pd.Series) -> list[int | None]:
    numbers = (days - pd.Timestamp(0)) // pd.Timedelta(days=1)
    return [None if pd.isna(n) else int(n) for n in numbers]


def bounds(frame: pd.DataFrame) -> list[list[float]] | None:
    """South-west and north-east corners of the located events, or None when there are none."""
    rows = located(frame)
    if rows.empty:
        return None
    return [
        [float(rows["lat"].min()), float(rows["lon"].min())],
        [float(rows["lat"].max()), float(rows["lon"].max())],
    ]


class EventLayer(JSCSSMixin, MacroElement):
    """All events as clustered markers, their uncertainty circles, a legend and the local basemap.

    The behaviour is ``static/events.js`` (``gtEventLayer``); this element hands it the payload
    and options as inert JSON.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
{{ this.script }}
gtEventLayer({{ this._parent.get_name() }}, {{ this.payload }}, {{ this.options }});
{% endmacro %}
"""
    )

    def __init__(
        self, payload: dict[str, Any], *, outlines: str | None = None,
        cities: list[list[object]] | None = None, view: list[list[float]] | None = None,
        note: str = "",
    ) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.default_js = assets.cluster_js()
        self.default_css = assets.cluster_css()
        self.script = static_text("events.js")
        self.payload = script_json(payload)
        # The outlines are already JSON text: spliced in, not parsed and dumped again.
        options = script_json({"cities": cities or [], "legend": legend_html(), "view": view,
                               "note": note})
        self.options = options[:-1] + ',"outlines":' + (outlines or "null") + "}"
        self.options = self.options.translate(_JSON_UNSAFE)


def legend_html() -> str:
    """The legend's markup, built from the fixed type names only (no data strings)."""
    rows = [
        f'<div><span class="gt-swatch" style="background:{colour}"></span>{type_label(name)}</div>'
        for name, colour in TYPE_COLORS.items()
    ]
    rows.append('<div><span class="gt-swatch gt-swatch-country"></span>whole country</div>')
    rows.append('<div><span class="gt-swatch gt-swatch-circle"></span>approximate place</div>')
    return "".join(rows)


def build_map(
    frame: pd.DataFrame, *, tiles: bool = True, outlines: bool = True,
    view: list[list[float]] | None = None, note: str = "",
) -> folium.Map:
    """A folium map of the events in ``frame`` (rows of ``data.events_frame``), fitted to them.

    Every script and stylesheet it needs is local (see ``assets``); ``tiles`` adds OpenStreetMap
    tiles over the built-in country outlines. With no located events the map shows ``view``
    (south-west and north-east corners, say the last view that had events) and ``note`` (why
    it is empty) instead of jumping back to Europe.
    """
    fmap = folium.Map(
        location=[50.0, 30.0], zoom_start=3, tiles=None, control_scale=True,
        world_copy_jump=True, min_zoom=2,
    )
    # Instance attributes shadow folium's CDN lists (which also pull jQuery and Bootstrap).
    fmap.default_js = assets.leaflet_js()
    fmap.default_css = assets.leaflet_css()
    if tiles:
        folium.TileLayer("OpenStreetMap", max_zoom=18).add_to(fmap)
    fmap.get_root().header.add_child(
        Element(f"<style>{static_text('map.css')}</style>"), name="gt_map_css")
    EventLayer(
        map_payload(frame),
        outlines=basemap.countries_geojson() if outlines else None,
        cities=basemap.city_labels() if outlines else None,
        view=view, note=note,
    ).add_to(fmap)
    PlaybackControl().add_to(fmap)
    return fmap


K_LAST_VIEW = "gt_map_last_view"


def kept_view(shown: pd.DataFrame, frame: pd.DataFrame, chosen: filters.Filters) -> dict[str, Any]:
    """``build_map``'s ``view`` and ``note`` for this run: with nothing to draw, the last view
    that had events (else all the events') and why nothing is drawn. Remembers the view."""
    import streamlit as st

    corners = bounds(shown)
    if corners is not None:
        st.session_state[K_LAST_VIEW] = corners
        return {}
    view = st.session_state.get(K_LAST_VIEW) or bounds(frame)
    if shown.empty:
        return {"view": view, "note": filters.why_empty(frame, chosen)}
    count = len(shown)
    return {"view": view, "note": f"{count:,} matching event{'s have' if count != 1 else ' has'} "
            "no place on the map: see “Not on the map” below."}


def events_at(frame: pd.DataFrame, lat: float, lon: float) -> pd.DataFrame:
    """Rows of ``frame`` whose marker is at ``(lat, lon)`` as the map reports a click."""
    rows = located(frame)
    same = (rows["lat"].round(COORD_DECIMALS) == round(float(lat), COORD_DECIMALS)) & (
        rows["lon"].round(COORD_DECIMALS) == round(float(lon), COORD_DECIMALS)
    )
    return rows[same]


def show(fmap: folium.Map, *, key: str = "event_map") -> dict[str, Any] | None:
    """Render with streamlit-folium; only a click on a marker comes back (panning is silent)."""
    import streamlit_folium

    return streamlit_folium.st_folium(
        fmap, key=key, height=MAP_HEIGHT, use_container_width=True,
        returned_objects=["last_object_clicked"],
    )
