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

from dashboard import assets, basemap
from dashboard.labels import TYPE_COLORS, type_color, type_label
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
    """All events as clustered markers, their uncertainty circles, a legend and the local basemap."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var D = {{ this.payload }};
  var outlines = {{ this.outlines }};
  var n = D.lat.length;

  // Local basemap beneath the tiles: hidden by them online, visible when they cannot load.
  map.getContainer().style.background = "#dbe9f4";
  if (outlines) {
    map.createPane("gtBasemap").style.zIndex = 150;
    L.geoJSON(outlines, {pane: "gtBasemap", interactive: false,
      style: {color: "#8a96a3", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
  }
  // City names for the local basemap, drawn only for the current view and zoom.
  var cities = {{ this.cities }};
  if (cities.length) {
    var labelPane = map.createPane("gtBasemapLabels");
    labelPane.style.zIndex = 160;
    labelPane.style.pointerEvents = "none";
    var labels = L.layerGroup().addTo(map);
    var fromZoom = [4, 5, 7];
    var drawLabels = function () {
      labels.clearLayers();
      var zoom = map.getZoom(), view = map.getBounds().pad(0.1), drawn = 0;
      for (var c = 0; c < cities.length && drawn < 300; c++) {
        var city = cities[c];
        if (zoom < fromZoom[city[2]] || !view.contains([city[0], city[1]])) { continue; }
        var el = document.createElement("div");
        el.appendChild(document.createElement("i"));
        el.appendChild(document.createElement("span")).textContent = city[3];
        labels.addLayer(L.marker([city[0], city[1]], {pane: "gtBasemapLabels",
          interactive: false, keyboard: false, icon: L.divIcon({iconSize: null, html: el,
          className: "gt-city" + (city[2] === 0 ? " gt-capital" : "")})}));
        drawn++;
      }
    };
    map.on("zoomend moveend", drawLabels);
    drawLabels();
  }
  var offlineNote = L.control({position: "bottomleft"});
  offlineNote.onAdd = function () {
    var div = L.DomUtil.create("div", "gt-offline");
    div.textContent = "Map tiles unavailable: showing built-in country outlines.";
    div.style.display = "none";
    return div;
  };
  offlineNote.addTo(map);
  // Say so only while no tile at all has loaded (one failed tile online is not "offline").
  map.eachLayer(function (layer) {
    if (layer instanceof L.TileLayer) {
      var loaded = false;
      layer.on("tileload", function () {
        loaded = true;
        offlineNote.getContainer().style.display = "none";
      });
      layer.on("tileerror", function () {
        if (!loaded) { offlineNote.getContainer().style.display = "block"; }
      });
    }
  });

  function row(i) {
    return {type: D.types[D.t[i]], date: D.dl[D.d[i]], place: D.pl[D.p[i]],
            title: D.al[D.a[i]], country: D.k[i] === 1, km: D.u[i]};
  }
  function label(r) {
    var where = r.place;
    if (r.country) { where += " (whole country)"; }
    else if (r.km) { where += " (within ~" + r.km + " km)"; }
    return r.type + " \u00b7 " + r.date + " \u00b7 " + where;
  }
  function tooltip(layer) {
    var el = document.createElement("div");
    el.className = "gt-tip";
    el.textContent = label(row(layer.gtIndex));
    return el;
  }
  function popup(layer) {
    var r = row(layer.gtIndex);
    var el = document.createElement("div");
    el.className = "gt-popup";
    var head = document.createElement("b");
    head.textContent = label(r);
    el.appendChild(head);
    if (r.title) {
      var title = document.createElement("div");
      title.className = "gt-popup-title";
      title.textContent = r.title;
      el.appendChild(title);
    }
    var hint = document.createElement("div");
    hint.className = "gt-popup-hint";
    hint.textContent = "Passages for this place open beside the map.";
    el.appendChild(hint);
    return el;
  }
  var icons = {};
  function icon(t, country) {
    var key = t + (country ? "c" : "p");
    if (!icons[key]) {
      var cls = "gt-pin gt-t" + t + (country ? " gt-country" : "");
      icons[key] = L.divIcon({className: cls, iconSize: country ? [22, 22] : [16, 16],
        html: '<span style="--c:' + D.colors[t] + '"></span>'});
    }
    return icons[key];
  }

  // A click reports the event's own coordinates, even when the marker is drawn elsewhere
  // (spiderfied out of a pile of events at one place); the app looks events up by them.
  function reportHome(e) {
    var i = e.target.gtIndex;
    e.latlng = L.latLng(D.lat[i], D.lon[i]);
  }
  function nameForScreenReaders(e) {
    var el = e.target.getElement();
    if (el) { el.setAttribute("aria-label", label(row(e.target.gtIndex))); }
  }
  var markers = new Array(n);
  var circles = L.layerGroup().addTo(map);
  var allCircles = n <= D.allCircles;
  function circleOf(i) {
    return L.circle([D.lat[i], D.lon[i]], {radius: D.u[i] * 1000, interactive: false,
      color: D.colors[D.t[i]], weight: 1.5, dashArray: "5 5", fillOpacity: 0.07});
  }
  function followMarker(m, circle) {
    m.on("add", function () { circles.addLayer(circle); });
    m.on("remove", function () { circles.removeLayer(circle); });
  }
  for (var i = 0; i < n; i++) {
    var country = D.k[i] === 1;
    var m = L.marker([D.lat[i], D.lon[i]], {icon: icon(D.t[i], country), keyboard: true});
    m.gtIndex = i;
    m.on("click", reportHome);
    m.on("add", nameForScreenReaders);
    m.bindTooltip(tooltip, {direction: "top", offset: [0, -8]});
    m.bindPopup(popup, {maxWidth: 320});
    markers[i] = m;
    if (D.u[i] > 0 && !country) {
      if (allCircles) { circles.addLayer(circleOf(i)); }
      else { followMarker(m, circleOf(i)); }
    }
  }
  // Clusters show how many events they hold and, as a ring, the share of each type. Few
  // events cluster only when nearly on top of each other, so their colours stay visible.
  var group = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: n > 500 ? 45 : 18, showCoverageOnHover: false,
    spiderfyOnMaxZoom: true, zoomToBoundsOnClick: true,
    iconCreateFunction: function (cluster) {
      var children = cluster.getAllChildMarkers();
      var counts = {};
      for (var c = 0; c < children.length; c++) {
        var t = D.t[children[c].gtIndex];
        counts[t] = (counts[t] || 0) + 1;
      }
      var stops = [], at = 0;
      Object.keys(counts).sort().forEach(function (t) {
        var next = at + counts[t] / children.length * 100;
        stops.push(D.colors[t] + " " + at.toFixed(2) + "% " + next.toFixed(2) + "%");
        at = next;
      });
      var count = children.length;
      var size = count < 10 ? 32 : count < 1000 ? 38 : 46;
      var text = count < 1000 ? String(count) :
        count < 10000 ? (count / 1000).toFixed(1) + "k" : Math.round(count / 1000) + "k";
      return L.divIcon({className: "gt-cluster", iconSize: [size, size],
        html: '<span style="background:conic-gradient(' + stops.join(",") + ')"><b title="' +
              count + ' events">' + text + "</b></span>"});
    }
  });
  group.addLayers(markers);
  group.addTo(map);
  // For tests and debugging in the browser: the events' layer and its payload.
  window.gtEvents = {group: group, markers: markers, data: D};

  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "gt-legend");
    div.innerHTML = {{ this.legend }};
    return div;
  };
  legend.addTo(map);
})();
{% endmacro %}
"""
    )

    def __init__(
        self, payload: dict[str, Any], *, outlines: str | None = None,
        cities: list[list[object]] | None = None,
    ) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.default_js = assets.cluster_js()
        self.default_css = assets.cluster_css()
        self.payload = script_json(payload)
        self.outlines = (outlines or "null").translate(_JSON_UNSAFE)
        self.cities = script_json(cities or [])
        self.legend = script_json(legend_html())


def legend_html() -> str:
    """The legend's markup, built from the fixed type names only (no data strings)."""
    rows = [
        f'<div><span class="gt-swatch" style="background:{colour}"></span>{type_label(name)}</div>'
        for name, colour in TYPE_COLORS.items()
    ]
    rows.append('<div><span class="gt-swatch gt-swatch-country"></span>whole country</div>')
    rows.append('<div><span class="gt-swatch gt-swatch-circle"></span>approximate place</div>')
    return "".join(rows)


MAP_CSS = """
<style>
.gt-pin span{display:block;width:100%;height:100%;box-sizing:border-box;border-radius:50%;
  background:var(--c);border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.45)}
.gt-pin.gt-country span{background:rgba(255,255,255,.75);border:3px dashed var(--c);
  box-shadow:0 0 0 1px rgba(0,0,0,.25)}
.gt-cluster span{display:flex;align-items:center;justify-content:center;width:100%;height:100%;
  border-radius:50%;box-shadow:0 0 0 1px rgba(0,0,0,.45),0 1px 4px rgba(0,0,0,.35)}
.gt-cluster b{display:flex;align-items:center;justify-content:center;width:62%;height:62%;
  border-radius:50%;background:#fff;color:#222;font:700 12px/1 sans-serif}
.gt-legend{background:rgba(255,255,255,.92);padding:6px 8px;border-radius:6px;
  font:12px/1.5 sans-serif;color:#222;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.gt-swatch{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:6px;
  vertical-align:-1px;border:1px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.4)}
.gt-swatch-country{background:#fff;border:2px dashed #555;box-shadow:none;width:9px;height:9px}
.gt-swatch-circle{background:rgba(0,0,0,.05);border:1px dashed #555;box-shadow:none}
.gt-note{color:#666;font-size:11px}
.gt-offline{background:rgba(255,255,255,.9);padding:3px 6px;border-radius:4px;
  font:12px sans-serif;color:#333}
.gt-popup{font-size:13px;line-height:1.4}
.gt-city{white-space:nowrap;font:11px/1.2 sans-serif;color:#5b6570;margin:-7px 0 0 -2px;
  text-shadow:0 0 2px #f4f1ea,0 0 2px #f4f1ea,0 0 3px #f4f1ea}
.gt-city i{display:inline-block;width:4px;height:4px;border-radius:50%;background:#7b8590;
  margin-right:3px;vertical-align:middle}
.gt-capital{font-weight:600;color:#39424b}
.gt-popup-title{font-style:italic;margin-top:4px}
.gt-popup-hint{color:#666;font-size:11px;margin-top:4px}
</style>
"""


def build_map(frame: pd.DataFrame, *, tiles: bool = True, outlines: bool = True) -> folium.Map:
    """A folium map of the events in ``frame`` (rows of ``data.events_frame``), fitted to them.

    Every script and stylesheet it needs is local (see ``assets``); ``tiles`` adds OpenStreetMap
    tiles over the built-in country outlines.
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
    fmap.get_root().header.add_child(Element(MAP_CSS), name="gt_map_css")
    EventLayer(
        map_payload(frame),
        outlines=basemap.countries_geojson() if outlines else None,
        cities=basemap.city_labels() if outlines else None,
    ).add_to(fmap)
    corners = bounds(frame)
    if corners is not None:
        fmap.fit_bounds(corners, padding=(30, 30), max_zoom=7)
    return fmap


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
