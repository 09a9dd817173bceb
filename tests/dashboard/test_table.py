import csv
import dataclasses
import datetime as dt
import io
import json

import dash_fixtures as fx

from dashboard import table
from dashboard.data import events_frame


def test_table_shows_readable_text_columns(frame):
    shown = table.table_frame(frame)
    assert list(shown.columns) == ["Date", "Date as given", "Type", "Place", "Actors",
                                   "Passage", "Article", "Published", "Source", "Corrected"]
    assert "Minsk, Belarus" in set(shown["Place"])
    assert "May 2024" in set(shown["Date as given"])


def test_the_date_column_sorts_as_dates_not_as_text(frame):
    shown = table.table_frame(frame)
    dated = shown[shown["Date"].notna()].sort_values("Date")
    # As text "1 June 2024" < "28 November 2024" < "3 December 2024" < "6 December 2024"
    # < "December 2022" < "May 2024"; as dates December 2022 comes first, 6 December last.
    assert list(dated["Date as given"]) == ["December 2022", "May 2024", "1 June 2024",
                                            "28 November 2024", "3 December 2024",
                                            "6 December 2024"]
    assert all(isinstance(d, dt.date) for d in dated["Date"])
    undated = shown[shown["Date"].isna()]
    assert undated["Date as given"].str.startswith("undated").all() and len(undated) == 5


def test_selected_events_come_first(frame):
    minsk = frame[frame["place"] == "Minsk, Belarus"]["id"]
    ordered, marked = table.selected_first(frame, minsk)
    assert marked == 2 and len(ordered) == len(frame)
    assert set(ordered["id"].head(2)) == set(minsk)
    rest = [i for i in frame["id"] if i not in set(minsk)]
    assert list(ordered["id"].iloc[2:]) == rest


def test_csv_keeps_cameo_leading_zero(frame):
    articles = {a.id: a for a in fx.sample_articles()}
    rows = list(csv.DictReader(io.StringIO(table.csv_bytes(frame, articles).decode("utf-8"))))
    assert {row["cameo"] for row in rows} == {"036", "043"}
    # Events with no place on the map are in the download too.
    assert len(rows) == len(frame) and "unlocated" in {row["id"] for row in rows}


def test_csv_download_neutralises_formulas():
    event = dataclasses.replace(fx.sample_events()[0], actors=("=HYPERLINK(\"http://x\")",))
    articles = {fx.ARTICLE_DEC.id: dataclasses.replace(fx.ARTICLE_DEC, title="+cmd|' /C calc'!A0")}
    frame = events_frame([event], articles)
    rows = list(csv.DictReader(io.StringIO(table.csv_bytes(frame, articles).decode("utf-8"))))
    assert len(rows) == 1
    cells = [value for value in rows[0].values() if value]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells), cells
    assert any("HYPERLINK" in cell for cell in cells)


def test_geojson_download_is_rfc7946(frame):
    articles = {a.id: a for a in fx.sample_articles() + [fx.ARTICLE_XSS]}
    collection = json.loads(table.geojson_bytes(frame, articles))
    assert collection["type"] == "FeatureCollection"
    features = [f for f in collection["features"] if f["geometry"] is not None]
    assert len(features) == len(frame) - 1  # the unlocated event has no Point...
    [unlocated] = [f for f in collection["features"] if f["geometry"] is None]
    assert unlocated["id"] == "unlocated"  # ...but is in the file all the same
    assert unlocated["properties"]["evidence"].startswith("In St. Petersburg")
    for feature in features:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    minsk = [f for f in features if f["geometry"]["coordinates"] == [27.56667, 53.9]]
    assert len(minsk) == 2
