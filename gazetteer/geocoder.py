"""``LocalGeocoder``: geopy's geocoder contract answered from the local gazetteer, offline."""

from __future__ import annotations

import dataclasses

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.errors import InvalidInputError, InvalidQueryError
from gazetteer.index import Gazetteer
from gazetteer.place import Place


def _location(place: Place) -> Location:
    parts = [place.name, place.admin1 if place.admin1 != place.name else "", place.country_code]
    raw = dataclasses.asdict(place)
    raw["alt_names"] = list(place.alt_names)
    return Location(", ".join(p for p in parts if p), (place.lat, place.lon), raw)


class LocalGeocoder(Geocoder):
    """Offline geocoder. ``geocode("Brest, Belarus")`` -> ``Location`` (``raw`` = the Place's
    fields), a list with ``exactly_one=False``, ``None`` when nothing matches. Text after a comma
    narrows the answer to a country or first-level region."""

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs):
        super().__init__(**kwargs)
        self._gz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gz is None:
            self._gz = Gazetteer.default()
        return self._gz

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None,
                country_codes: str | list[str] | None = None, timeout=None):
        if not isinstance(query, str):
            raise InvalidInputError(f"geocode expects a place name (str), got {query!r}")
        parts = [p.strip() for p in query.split(",") if p.strip()]
        if not parts:
            return None if exactly_one else []
        places = self.gazetteer.lookup(parts[0])
        for qualifier in parts[1:]:
            places = self._narrow(places, qualifier)
        if country_codes:
            wanted = {country_codes.upper()} if isinstance(country_codes, str) else {
                c.upper() for c in country_codes}
            places = [p for p in places if p.country_code in wanted]
        if not places:
            return None if exactly_one else []
        if exactly_one:
            return _location(places[0])
        return [_location(p) for p in places[:limit] if p]

    def _narrow(self, places: list[Place], qualifier: str) -> list[Place]:
        outer = self.gazetteer.lookup(qualifier) or []
        demonym = self.gazetteer.demonym_country(qualifier)
        if demonym:
            outer.append(demonym)
        kept = [p for p in places if any(
            (o.level == "country" and p.country_code == o.country_code)
            or (o.level == "region" and p.country_code == o.country_code
                and p.admin1.casefold() == o.name.casefold())
            for o in outer)]
        return kept or places

    def reverse(self, query, *, exactly_one: bool = True, timeout=None):
        """The populated place nearest to ``query`` ((lat, lon), "lat, lon" or a Point)."""
        try:
            point = Point(query)
        except (TypeError, ValueError) as exc:
            raise InvalidQueryError(f"expected (lat, lon), got {query!r}") from exc
        place = self.gazetteer.nearest(point.latitude, point.longitude)
        if place is None:
            return None if exactly_one else []
        return _location(place) if exactly_one else [_location(place)]
