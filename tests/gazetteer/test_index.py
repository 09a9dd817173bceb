import os
import shutil
import sqlite3
import zipfile

import pytest

from gazetteer import Gazetteer, Place, sources
from gazetteer.errors import GazetteerError, IndexBuildError, InvalidInputError, SourceError
from gazetteer.geo import distance_km
from gazetteer.index import build_index, default_index_path


def near(place: Place, lat: float, lon: float, km: float = 30.0) -> bool:
    return distance_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(("name", "cc", "lat", "lon"), [
    ("Brest", "BY", 52.10894, 23.71749),
    ("Minsk", "BY", 53.90019, 27.56653),
    ("St. Petersburg", "RU", 59.93863, 30.31413),
    ("Astana", "KZ", 51.1801, 71.44598),
    ("Grodno", "BY", 53.6758, 23.82887),
    ("Hrodna", "BY", 53.6758, 23.82887),
    ("Kremlin", "RU", 55.752, 37.6175),
    ("Konstantinovsky Palace", "RU", 59.8556, 30.0614),
    ("москва", "RU", 55.75204, 37.61781),
    ("MINSK", "BY", 53.90019, 27.56653),
    ("Belarus", "BY", 53.0, 28.0),
    ("Poland", "PL", 52.0, 20.0),
])
def test_lookup_best_first(gz, name, cc, lat, lon):
    best = gz.lookup(name)[0]
    assert best.country_code == cc
    assert near(best, lat, lon)


def test_lookup_keeps_other_candidates_in_order(gz):
    brests = gz.lookup("Brest")
    countries = [p.country_code for p in brests if p.level == "city"]
    assert countries[:2] == ["BY", "FR"]
    minsks = gz.lookup("Minsk")
    assert minsks[0].name == "Minsk" and minsks[0].country_code == "BY"
    assert "Mińsk Mazowiecki" in [p.name for p in minsks[1:]]


def test_lookup_accent_insensitive(gz):
    assert gz.lookup("Minsk Mazowiecki")[0].name == "Mińsk Mazowiecki"
    assert gz.lookup("Mińsk Mazowiecki")[0].country_code == "PL"


@pytest.mark.parametrize(("typed", "meant"), [
    ("Minskk", "Minsk"),  # a letter doubled
    ("Grdno", "Grodno"),  # one dropped
    ("Vilnuis", "Vilnius"),  # two swapped
    ("Kaunis", "Kaunas"),  # one changed
])
def test_lookup_misspelt_finds_names_one_letter_away(gz, typed, meant):
    assert gz.lookup(meant)[0].id in [p.id for p in gz.lookup_misspelt(typed)]


def test_lookup_misspelt_is_empty_for_known_and_far_names(gz):
    assert gz.lookup_misspelt("Minsk") == []  # a known name is no misspelling
    assert gz.lookup_misspelt("Xyzzyqq") == []
    assert gz.lookup_misspelt("") == []
    with pytest.raises(InvalidInputError):
        gz.lookup_misspelt(None)


def test_lookup_unknown_and_bad_input(gz):
    assert gz.lookup("Xyzzyqq Nowhere") == []
    assert gz.lookup("") == []
    with pytest.raises(InvalidInputError):
        gz.lookup(None)
    with pytest.raises(TypeError):
        gz.lookup(42)


def test_get_and_country(gz):
    minsk = gz.lookup("Minsk")[0]
    assert gz.get(minsk.id) == minsk
    assert gz.get("no-such-id") is None
    belarus = gz.country("by")
    assert belarus.level == "country" and belarus.name == "Belarus"
    assert (belarus.lat, belarus.lon) == (53.0, 28.0)
    assert gz.country("ZZ") is None


@pytest.mark.parametrize(("word", "cc"), [
    ("Polish", "PL"), ("Belarusian", "BY"), ("Belarusians", "BY"), ("Russian", "RU"),
    ("British", "GB"), ("American", "US"), ("Israelis", "IL"),
])
def test_demonym_country(gz, word, cc):
    assert gz.demonym_country(word).country_code == cc


def test_demonym_country_unknown(gz):
    assert gz.demonym_country("Minsk") is None


def test_default_is_a_singleton(gz):
    assert Gazetteer.default() is gz


def test_default_index_lives_in_the_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("GEOTIMELINE_CACHE", str(tmp_path))
    assert default_index_path().startswith(str(tmp_path))


def test_default_index_name_follows_the_shipped_data(monkeypatch, tmp_path):
    """An edited country point names a new index even at the same size and modification time,
    so the next default gazetteer is rebuilt from it."""
    copy = tmp_path / "countries.csv"
    shutil.copyfile(sources.COUNTRIES_CSV, copy)
    monkeypatch.setattr(sources, "CSV_SOURCES", (str(copy),))
    before = default_index_path()
    assert default_index_path() == before
    st = os.stat(copy)
    edited = copy.read_bytes().replace(b",29.5,47.75,", b",29.5,47.76,")
    assert len(edited) == st.st_size and edited != copy.read_bytes()
    copy.write_bytes(edited)
    os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert default_index_path() != before


def test_build_from_a_geonames_dump(tiny_dump, tmp_path):
    path = build_index(str(tmp_path / "idx.sqlite"), geonames=[str(tiny_dump)])
    gz = Gazetteer(path)
    city = gz.lookup("Testograd")[0]
    assert (city.id, city.level, city.population) == ("900001", "city", 120000)
    assert gz.lookup("Тестоград")[0] == city
    # the dump's ADM1 feature replaces the shipped approximate region point
    assert city.admin1 == "Brest"
    region = gz.get("900002")
    assert region.level == "region" and (region.lat, region.lon) == (52.7, 25.0)
    assert region.admin1 == city.admin1
    assert gz.lookup("Hotel Testograd")[0].level == "landmark"
    # country points, curated rows and demonyms come along
    assert gz.country("BY").name == "Belarus"
    assert gz.lookup("Kremlin")[0].id == "supp:kremlin"
    assert gz.demonym_country("Belarusian").country_code == "BY"
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_build_from_a_zipped_dump(tiny_dump, tmp_path):
    zpath = tmp_path / "XX.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(tiny_dump, "XX.txt")
        zf.writestr("readme.txt", "not a table")
    gz = Gazetteer(build_index(str(tmp_path / "z.sqlite"), geonames=[str(zpath)]))
    assert gz.lookup("Testograd")[0].id == "900001"


@pytest.mark.parametrize("content", ["only\tthree\tcolumns\n", "1\tX\tX\t\tnot-a-lat\t0\tP\tPPL"
                                     "\tBY\t\t01\t\t\t\t5\t\t\t\t\n"])
def test_malformed_dump_is_a_source_error(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "bad.sqlite"
    with pytest.raises(SourceError, match="bad.txt"):
        build_index(str(out), geonames=[str(bad)])
    assert not out.exists()
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_missing_dump_is_a_source_error_and_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        build_index(str(tmp_path / "x.sqlite"), geonames=[str(tmp_path / "missing.txt")])


def test_opening_a_missing_or_broken_index(tmp_path):
    with pytest.raises(IndexBuildError):
        Gazetteer(str(tmp_path / "none.sqlite"))
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(GazetteerError):
        Gazetteer(str(broken)).lookup("Minsk")


def test_index_is_read_only(gz):
    with pytest.raises(sqlite3.OperationalError):
        gz._con.execute("DELETE FROM places")


def test_nearest(gz):
    assert gz.nearest(53.9, 27.56).name == "Minsk"


def test_unwritable_cache_is_an_index_build_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(IndexBuildError):
        build_index(str(blocker / "sub" / "idx.sqlite"))


def test_stale_default_indexes_are_removed(tmp_path):
    from gazetteer.index import _remove_stale_defaults

    keep = tmp_path / "gazetteer-0123456789abcdef.sqlite"
    stale = tmp_path / "gazetteer-fedcba9876543210.sqlite"
    custom = tmp_path / "gazetteer-geonames.sqlite"
    for f in (keep, stale, custom):
        f.write_bytes(b"x")
    _remove_stale_defaults(str(keep))
    assert keep.exists() and custom.exists() and not stale.exists()


def test_default_can_point_at_a_custom_index(tiny_dump, tmp_path, monkeypatch):
    path = build_index(str(tmp_path / "custom.sqlite"), geonames=[str(tiny_dump)])
    monkeypatch.setenv("GEOTIMELINE_GAZETTEER", path)
    monkeypatch.setattr(Gazetteer, "_default", None)
    assert Gazetteer.default().lookup("Testograd")[0].id == "900001"
