"""Prior plausibility of a Place for a bare name, shared by lookup ranking and resolution."""

from __future__ import annotations

import math
from functools import lru_cache

from gazetteer.place import Place

# A country named in news is almost always the country ("Georgia" the country, 3.7M, beats the
# US state, 10M, without context); curated rows are there because news uses them.
COUNTRY_PRIOR = 8.5
CURATED_REGION_PRIOR = 7.0
CURATED_LANDMARK_PRIOR = 6.5
# Region populations are sums over member cities, so they are discounted against a city of the
# same name ("Minsk" the city, not Minsk Oblast).
REGION_DISCOUNT = 0.8
ALT_NAME_PENALTY = 1.0
# A first-level region is a likely referent of its name even where few cities are listed
# ("Wyoming" the state, not Wyoming, Michigan) ...
FIRST_LEVEL_REGION_PRIOR = 5.5
# ... unless the region is named after its own big city ("Brest" the city, not Brest Oblast):
# a city holding at least this share of the region's listed population takes the name.
NAMESAKE_SHARE = 0.3
NAMESAKE_PENALTY = 2.0
# A capital is what a bare name most often means ("Washington": the city, not the state).
CAPITAL_BONUS = 0.6


@lru_cache(maxsize=100_000)
def prior(place: Place, *, own_name: bool = True) -> float:
    """Log-population-like score; higher is a more likely referent of the name alone."""
    base = math.log10(place.population + 1)
    if place.level == "country":
        base = max(base, 7.0) + COUNTRY_PRIOR - 7.0
    elif place.id.startswith("supp:"):
        curated = CURATED_LANDMARK_PRIOR if place.level == "landmark" else CURATED_REGION_PRIOR
        base = max(base, curated)
    elif place.level == "region":
        floor = FIRST_LEVEL_REGION_PRIOR if place.feature == "ADM1" else 4.0
        base = max(base - REGION_DISCOUNT, floor)
    elif place.level == "landmark":
        base = max(base, 3.0)
    elif place.feature == "PPLC":
        base += CAPITAL_BONUS
    return base if own_name else base - ALT_NAME_PENALTY


def name_priors(cands: list[tuple[Place, bool]]) -> dict[str, float]:
    """Prior of each candidate of one name (``{place id: score}``), with the namesake rule."""
    out: dict[str, float] = {}
    for place, own in cands:
        score = prior(place, own_name=own)
        if place.level == "region" and place.population and any(
                c.level == "city" and c.population >= NAMESAKE_SHARE * place.population
                and contains(place, c) for c, _ in cands):
            score -= NAMESAKE_PENALTY
        if place.id not in out or out[place.id] < score:
            out[place.id] = score
    return out


def contains(outer: Place, inner: Place) -> bool:
    """Is ``inner`` inside ``outer`` as far as the gazetteer knows (same country for a
    country; same country and first-level region name for a region)?"""
    if outer.id == inner.id or not outer.country_code:
        return False
    if outer.level == "country":
        return inner.country_code == outer.country_code
    if outer.level == "region":
        return (inner.country_code == outer.country_code and inner.level != "country"
                and _key(inner.admin1) == _key(outer.admin1 or outer.name))
    return False


def _key(name: str) -> str:
    from gazetteer.normalize import name_key

    return name_key(name)
