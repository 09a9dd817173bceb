import pytest
from geopy.location import Location

from gazetteer import LocalGeocoder
from gazetteer.errors import GazetteerError


@pytest.fixture
def geocoder(gz):
    return LocalGeocoder(gz)


def test_geocode_returns_a_location_with_raw_place_fields(geocoder):
    loc = geocoder.geocode("Minsk")
    assert isinstance(loc, Location)
    assert loc.raw["country_code"] == "BY" and loc.raw["level"] == "city"
    assert (loc.latitude, loc.longitude) == (loc.raw["lat"], loc.raw["lon"])
    assert "Minsk" in loc.address


def test_geocode_exactly_one_false_gives_a_list(geocoder):
    locs = geocoder.geocode("Brest", exactly_one=False)
    assert isinstance(locs, list) and len(locs) >= 2
    assert all(isinstance(loc, Location) for loc in locs)
    assert len(geocoder.geocode("Brest", exactly_one=False, limit=1)) == 1


def test_geocode_qualifier_narrows(geocoder):
    assert geocoder.geocode("Brest, France").raw["country_code"] == "FR"
    assert geocoder.geocode("Brest, Belarus").raw["country_code"] == "BY"
    assert geocoder.geocode("St. Petersburg, Florida").raw["country_code"] == "US"
    assert geocoder.geocode("Brest", country_codes="fr").raw["country_code"] == "FR"


def test_geocode_no_match(geocoder):
    assert geocoder.geocode("Xyzzyqq Nowhere") is None
    assert geocoder.geocode("Xyzzyqq Nowhere", exactly_one=False) == []
    assert geocoder.geocode(" , ") is None


def test_geocode_bad_input(geocoder):
    with pytest.raises(TypeError):
        geocoder.geocode(None)


def test_reverse(geocoder):
    loc = geocoder.reverse((53.9, 27.56))
    assert loc.raw["name"] == "Minsk"
    assert geocoder.reverse("52.11, 23.72").raw["name"] == "Brest"
    assert isinstance(geocoder.reverse((53.9, 27.56), exactly_one=False), list)


@pytest.mark.parametrize("bad", ["not a point", (123.0, 500.0, 1, 2), object()])
def test_reverse_bad_input(geocoder, bad):
    with pytest.raises(GazetteerError):
        geocoder.reverse(bad)


def test_default_gazetteer_is_used_lazily():
    assert LocalGeocoder().geocode("Astana").raw["country_code"] == "KZ"
