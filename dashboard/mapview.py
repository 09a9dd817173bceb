"""The event map: a pure ``build_map(frame) -> folium.Map`` plus the Streamlit call that shows it.

Events travel to the browser as one compact columnar JSON payload (coordinates, and indexes into
small tables of types, date labels, places and titles); a single script turns it into markers,
clustered by Leaflet.markercluster. There is no per-marker Jinja template, so 100,000 events cost
one ``json.dumps`` rather than 100,000 template renders. Tooltips and popups are built in the
browser with ``textContent``, so no article string is ever parsed as HTML there.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from dashboard import assets, basemap, query
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
# The overview draws each event of a view holding at most this many (else counts per area).
MARKERS_UP_TO = 2_000

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


class OverviewBase(JSCSSMixin, MacroElement):
    """The overview map's fixed part: basemap and legend (``gtBasemap``), the scripts its
    changing layer calls (``static/overview.js``), and the first view."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
{{ this.script }}
gtBasemap({{ this._parent.get_name() }}, {{ this.options }});
{{ this._parent.get_name() }}.fitBounds({{ this.view }},
  Object.assign(window.gtBase.fitPadding(), {maxZoom: 7}));
{% endmacro %}
"""
    )

    def __init__(self, view: list[list[float]], *, outlines: str | None = None,
                 cities: list[list[object]] | None = None, note: str = "") -> None:
        super().__init__()
        self._name = "OverviewBase"
        self.default_js = assets.cluster_js()
        self.default_css = assets.cluster_css()
        self.script = static_text("events.js") + "\n" + static_text("overview.js")
        options = script_json({"cities": cities or [], "legend": legend_html(), "note": note})
        self.options = (options[:-1] + ',"outlines":' + (outlines or "null") + "}").translate(
            _JSON_UNSAFE)
        self.view = script_json(view)


class OverviewLayer(MacroElement):
    """What the overview shows of the current view: counts per grid cell, or the events
    themselves once few enough (``gtOverview``). Added to a ``folium.FeatureGroup`` that
    streamlit-folium swaps in place (``feature_group_to_add``)."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
window.gtOverview({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }},
                  {{ this.payload }});
{% endmacro %}
"""
    )

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()
        self._name = "OverviewLayer"
        self.payload = script_json(payload)


def cells_payload(cells: list[query.Cell]) -> dict[str, Any]:
    """The grid's cells for ``gtOverview``: point, count, bounds and the count of each type."""
    types = list(EVENT_TYPES)
    rows = []
    for c in cells:
        by_type = [c.by_type.get(t, 0) for t in types]
        by_type.append(c.count - sum(by_type))
        rows.append([round(c.lat, COORD_DECIMALS), round(c.lon, COORD_DECIMALS), c.count,
                     *(round(v, COORD_DECIMALS) for v in c.bounds), *by_type])
    return {"cells": rows, "one": [c.single for c in cells],
            "colors": [type_color(t) for t in types] + ["#777777"]}


def build_overview(view: list[list[float]], *, tiles: bool = True, outlines: bool = True,
                   note: str = "") -> folium.Map:
    """The overview map with no events yet (see ``overview_layer``), showing ``view``."""
    fmap = _base_map(tiles)
    OverviewBase(view, outlines=basemap.countries_geojson() if outlines else None,
                 cities=basemap.city_labels() if outlines else None, note=note).add_to(fmap)
    return fmap


def overview_layer(payload: dict[str, Any]) -> folium.FeatureGroup:
    """The overview's changing layer: ``cells_payload(...)`` or ``{"markers": map_payload(...)}``."""
    group = folium.FeatureGroup(name="events", control=False)
    OverviewLayer(payload).add_to(group)
    return group


def zoom_for(view: list[list[float]], width: int = 1100, height: int = MAP_HEIGHT) -> int:
    """The zoom at which ``view`` fits a map of ``width`` x ``height`` pixels (2 to 7, as the
    first view is fitted), for the first render, before the browser reports its own."""
    (south, west), (north, east) = view
    across = max(1e-9, query.x_of(east) - query.x_of(west))
    down = max(1e-9, query.y_of(south) - query.y_of(north))
    fits = min(width / (256 * across), height / (256 * down))
    return max(2, min(7, int(math.log2(fits))))


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
    fmap = _base_map(tiles)
    EventLayer(
        map_payload(frame),
        outlines=basemap.countries_geojson() if outlines else None,
        cities=basemap.city_labels() if outlines else None,
        view=view, note=note,
    ).add_to(fmap)
    PlaybackControl().add_to(fmap)
    return fmap


def _base_map(tiles: bool) -> folium.Map:
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
    return fmap


K_LAST_VIEW = "gt_map_last_view"


def kept_view(corners: list[list[float]] | None, count: int,
              fallback: list[list[float]] | None, why: Callable[[], str]) -> dict[str, Any]:
    """``build_map``'s ``view`` and ``note`` for this run: with nothing to draw (``corners``
    None), the last view that had events (else ``fallback``) and why nothing is drawn (``why()``
    when no event matches). Remembers the view."""
    import streamlit as st

    if corners is not None:
        st.session_state[K_LAST_VIEW] = corners
        return {}
    view = st.session_state.get(K_LAST_VIEW) or fallback
    if count == 0:
        return {"view": view, "note": why()}
    return {"view": view, "note": f"{count:,} matching event{'s have' if count != 1 else ' has'} "
            "no place on the map: see “Not on the map” below."}


def events_at(frame: pd.DataFrame, lat: float, lon: float) -> pd.DataFrame:
    """Rows of ``frame`` whose marker is at ``(lat, lon)`` as the map reports a click."""
    rows = located(frame)
    same = (rows["lat"].round(COORD_DECIMALS) == round(float(lat), COORD_DECIMALS)) & (
        rows["lon"].round(COORD_DECIMALS) == round(float(lon), COORD_DECIMALS)
    )
    return rows[same]


MAP_KEY = "event_map"


def show(fmap: folium.Map, *, layer: folium.FeatureGroup | None = None,
         key: str = MAP_KEY) -> dict[str, Any] | None:
    """Render with streamlit-folium. With all events on the map only a click on a marker comes
    back (panning is silent); the overview (``layer`` given) also reports where the map looks,
    so that its layer follows the view."""
    import streamlit_folium

    returned = ["last_object_clicked"] if layer is None else [
        "last_object_clicked", "bounds", "zoom"]
    return streamlit_folium.st_folium(
        fmap, key=key, height=MAP_HEIGHT, use_container_width=True,
        returned_objects=returned, feature_group_to_add=layer,
    )


def reported_view(value: dict[str, Any] | None) -> tuple[list[list[float]], int] | None:
    """The view (south-west, north-east corners) and zoom the browser's map last reported
    through streamlit-folium, or None before it has."""
    bounds = (value or {}).get("bounds") or {}
    south_west, north_east = bounds.get("_southWest"), bounds.get("_northEast")
    zoom = (value or {}).get("zoom")
    if not south_west or not north_east or zoom is None:
        return None
    try:
        corners = [[float(south_west["lat"]), float(south_west["lng"])],
                   [float(north_east["lat"]), float(north_east["lng"])]]
        return corners, int(zoom)
    except (KeyError, TypeError, ValueError):
        return None
