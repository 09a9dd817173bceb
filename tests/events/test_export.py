import csv
import datetime as dt
import io
import json
import math

import pytest
from pipeline_helpers import SHARED, needs_shared

from events.export import RECORD_FIELDS, to_geojson, to_record, write_csv, write_jsonl
from events.model import Article


@needs_shared
def test_record_uses_the_gold_field_names(make_event):
    gold = [json.loads(line) for line in (SHARED / "seeds" / "gold-events.jsonl").open()]
    gold_fields = set().union(*gold)
    record = to_record(make_event("a1", 0))
    assert gold_fields <= set(record)
    assert list(record) == list(RECORD_FIELDS)
    assert record == {
        "article": "a1", "type": "meeting", "place": "Minsk", "resolved": "Minsk, BY",
        "lat": 53.9, "lon": 27.56667, "place_level": "city", "uncertainty_km": 12.5,
        "date": "2024-12-01", "date_granularity": "day", "date_basis": "explicit",
        "reported": "2024-12-04", "actors": ["Vladimir Putin", "Alexander Lukashenko"],
        "evidence": "Putin met Lukashenko in Minsk on December 1.", "id": "a1:0", "cameo": "043",
        "confidence": 0.875, "sources": ["a1"], "date_end": "2024-12-01", "unplaced_reason": None,
        "corrected": [],
    }


@pytest.mark.parametrize(
    "granularity, start, end, date, exported",
    [
        ("day", dt.date(2024, 12, 6), dt.date(2024, 12, 6), "2024-12-06", "day"),
        ("month", dt.date(2024, 5, 1), dt.date(2024, 5, 31), "2024-05", "month"),
        ("year", dt.date(2021, 1, 1), dt.date(2021, 12, 31), "2021", "year"),
        ("range", dt.date(1987, 6, 8), dt.date(1987, 6, 10), "1987-06-08", "day"),
        ("none", None, None, None, None),
    ],
)
def test_dates_follow_the_granularity(make_event, granularity, start, end, date, exported):
    event = make_event("a", 0, date_granularity=granularity, date_start=start, date_end=end)
    record = to_record(event)
    assert (record["date"], record["date_granularity"]) == (date, exported)
    assert record["date_end"] == (end.isoformat() if end else None)


def test_unlocated_undated_event(make_event):
    event = make_event("a", 0, lat=None, lon=None, place_name="", place_text="", country_code="",
                       place_level="", uncertainty_km=None, reported=None, date_start=None,
                       date_end=None, date_granularity="none", date_basis="none", sources=())
    article = Article(id="a", text="t", title="T", published=dt.date(2020, 1, 2), source="s")
    record = to_record(event, article)
    assert record["lat"] is None and record["resolved"] is None and record["place"] is None
    assert record["reported"] == "2020-01-02"
    assert (record["article_title"], record["article_source"]) == ("T", "s")
    assert record["sources"] == ["a"]


def test_jsonl_is_scorable_utf8(make_event):
    buffer = io.StringIO()
    events = [make_event("a", 0, actors=("Лукашенко",)), make_event("a", 1, lat=math.nan)]
    assert write_jsonl(events, buffer) == 2
    lines = buffer.getvalue().splitlines()
    assert "Лукашенко" in lines[0]
    assert [json.loads(line)["lat"] for line in lines] == [53.9, None]


def test_csv_neutralises_formulas_but_keeps_numbers(make_event):
    events = [
        make_event("a", 0, place_text="=HYPERLINK(\"http://evil\")", evidence="+1 cmd",
                   actors=("@SUM(A1)", "x"), lat=-33.5, lon=-70.25, date_text="-2"),
        make_event("a", 1, place_text="\tTab", evidence="\rCR", cameo="-1+1"),
    ]
    buffer = io.StringIO(newline="")
    assert write_csv(events, buffer) == 2
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    assert rows[0]["place"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[0]["evidence"] == "'+1 cmd"
    assert rows[0]["actors"] == "'@SUM(A1); x"
    assert (rows[0]["lat"], rows[0]["lon"]) == ("-33.5", "-70.25")
    assert (rows[1]["place"], rows[1]["evidence"], rows[1]["cameo"]) == ("'\tTab", "'\rCR", "'-1+1")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
            assert not value.startswith("-") or float(value) < 0


def test_geojson_is_rfc7946(make_event):
    located = make_event("a", 0, lat=52.1, lon=23.7)
    unlocated = make_event("a", 1, lat=None, lon=None)
    collection = to_geojson([located, unlocated])
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    (feature,) = collection["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [23.7, 52.1]}
    assert feature["properties"] == to_record(located)
    json.dumps(collection, allow_nan=False)
    with_all = to_geojson([located, unlocated], include_unlocated=True)
    assert [f["geometry"] for f in with_all["features"]][1] is None
