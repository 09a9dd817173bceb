"""The gazetteer's value types: a Place and a Toponym (a place reference found in text)."""

from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("landmark", "city", "region", "country")


@dataclass(frozen=True)
class Place:
    """One entry of the gazetteer.

    Invariants: ``-90 <= lat <= 90``, ``-180 <= lon <= 180``, ``level in LEVELS``,
    ``population >= 0``. ``id`` is the GeoNames id as a string, or ``supp:<slug>`` for
    rows of the curated supplement, or ``country:<ISO2>`` for country points. ``feature`` is
    the GeoNames feature code when known ("PPLC" a capital, "ADM1", "PCLI"), else "".
    """

    id: str
    name: str
    country_code: str
    admin1: str
    level: str
    lat: float
    lon: float
    population: int = 0
    alt_names: tuple[str, ...] = field(default=(), repr=False)
    feature: str = ""


@dataclass(frozen=True)
class Toponym:
    """A place reference in a text: ``text == source[start:end]``.

    ``kind`` is ``"name"`` for a place name and ``"demonym"`` for an adjective or demonym
    ("Polish", "Belarusians") that refers to a country. ``place`` is the resolved Place, or
    None when no candidate could be chosen; ``candidates`` are all Places considered, best first.
    """

    start: int
    end: int
    text: str
    kind: str
    place: Place | None
    candidates: tuple[Place, ...] = field(default=(), repr=False)
