"""Country outlines for a basemap that needs no tile server.

The outlines come from the ``countryinfo`` package (PyPI), which ships a GeoJSON outline per
country (johan/world.geo.json, derived from Natural Earth 1:110m). They are drawn beneath the
OpenStreetMap tiles: online the tiles cover them, offline the tiles fail and the outlines show.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

# Two decimals (about 1 km) is finer than a 1:110m outline; it halves the payload.
_DECIMALS = 2


def _round(coords: object) -> object:
    if isinstance(coords, list):
        if coords and isinstance(coords[0], (int, float)):
            return [round(float(c), _DECIMALS) for c in coords]
        return [_round(c) for c in coords]
    return coords


@functools.cache
def countries_geojson() -> str | None:
    """A compact GeoJSON FeatureCollection of country outlines, or None without ``countryinfo``."""
    try:
        data_dir = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        return None
    features = []
    for entry in sorted(data_dir.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            info = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        collection = info.get("geoJSON") or {}
        for feature in collection.get("features", []):
            geometry = feature.get("geometry") or {}
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": str(info.get("name", ""))},
                    "geometry": {
                        "type": geometry["type"],
                        "coordinates": _round(geometry.get("coordinates", [])),
                    },
                }
            )
    if not features:
        return None
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
