import csv

import pytest

from gazetteer import sources
from gazetteer.place import LEVELS


def rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("path", [sources.COUNTRIES_CSV, sources.ADMIN1_CSV, sources.ADMIN2_CSV,
                                  sources.SUPPLEMENT_CSV, sources.DEMONYMS_CSV])
def test_every_row_cites_its_source(path):
    data = rows(path)
    assert data and all(r["source"].strip() for r in data)


def test_supplement_rows_are_valid_places():
    ids = set()
    for r in rows(sources.SUPPLEMENT_CSV):
        assert r["level"] in LEVELS, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert r["id"] not in ids
        ids.add(r["id"])
    assert {"kremlin", "konstantinovsky-palace", "persian-gulf", "taiwan-strait",
            "new-territories", "stonecutters-island", "gaza-strip", "west-bank"} <= ids


def test_country_points_follow_geonames():
    points = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in rows(sources.COUNTRIES_CSV)}
    assert points["BY"] == (53.0, 28.0)
    assert points["PL"] == (52.0, 20.0)
    assert len(points) > 230


def test_demonyms_cover_countries_and_pick_the_main_one():
    dem = sources.read_demonyms()
    assert dem["French"] == "FR" and dem["Polish"] == "PL" and dem["Belarusian"] == "BY"
    assert len(set(dem.values())) > 180
    assert "Philippines" not in dem


@pytest.mark.parametrize(("name", "aliases"), [
    ("Zhejiang Sheng", ("Zhejiang",)), ("Muhafazat Kirkuk", ("Kirkuk",)),
    ("Jewish Autonomous Oblast", ()), ("Texas", ()),
])
def test_region_aliases(name, aliases):
    assert sources.region_aliases(name) == aliases


def test_unreadable_csv_is_a_source_error(tmp_path, monkeypatch):
    from gazetteer.errors import SourceError

    monkeypatch.setattr(sources, "COUNTRIES_CSV", str(tmp_path / "missing.csv"))
    with pytest.raises(SourceError, match="missing.csv"):
        list(sources.read_countries())
