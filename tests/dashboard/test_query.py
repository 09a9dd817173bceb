"""The store answers the filters as the table does (dashboard/query.py against filters.apply),
and the page switches to its overview above the detail limit."""

from __future__ import annotations

import datetime as dt
import json
from contextlib import closing
from pathlib import Path

import dash_fixtures as fx
import pytest
from dash_fixtures import fill_store
from test_app import FakeMap, counts, html, rerun, run

from dashboard import data, filters, mapview, query
from dashboard.filters import Filters
from events import store as store_module
from events.index import UNUSED_INDEXES
from events.store import Store

D = dt.date


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return fill_store(tmp_path / "all.sqlite", xss=True, unlocated=True)


@pytest.fixture
def table(store):
    with Store(store) as opened:
        events, articles = opened.events(), {a.id: a for a in opened.articles()}
    return data.events_frame(events, articles)


CASES = [
    Filters(),
    Filters(start=D(2024, 11, 1), end=D(2024, 12, 6)),
    Filters(start=D(2024, 5, 20), end=D(2024, 5, 25)),
    Filters(end=D(2023, 12, 31)),
    Filters(types=("deployment", "summit")),
    Filters(countries=("BY",)),
    Filters(actors=("Vladimir Putin",)),
    Filters(include_undated=False),
    Filters(include_approximate=False),
    Filters(text="minsk"),
    Filters(text="Supreme State"),
    Filters(text="brigade", types=("deployment",), include_approximate=False),
]


@pytest.mark.parametrize("chosen", CASES, ids=repr)
def test_the_store_keeps_what_the_table_keeps(store, table, chosen):
    kept = filters.apply(table, chosen)
    with closing(query.connect(store)) as conn:
        found = query.events(conn, chosen)
        got = query.counts(conn, chosen)
    assert sorted(e.id for e in found) == sorted(kept["id"])
    assert (got.shown, got.undated, got.unlocated) == (
        len(kept), int(kept["undated"].sum()), int(kept["lat"].isna().sum()))


def test_text_is_words_with_the_last_one_a_prefix():
    assert query.fts_query("Minsk tal") == '"minsk tal" *'
    assert query.fts_query("«Лукашенко»!") == '"лукашенко" *'
    assert query.fts_query(" -- ") is None
    assert query.fts_query('a "quoted" OR b') == '"a quoted or b" *'  # no FTS syntax gets in


def test_counts_per_day_and_per_cell_add_up(store, table):
    with closing(query.connect(store)) as conn:
        days = query.day_counts(conn, Filters())
        cells = query.cell_counts(conn, Filters())
    dated = table[table["when_start"].notna()]
    assert sum(n for _, _, n in days) == len(dated)
    months = query.timeline_bins(days, "month")
    assert {query.from_day(start) for start, _, _ in months} == {
        d.date().replace(day=1) for d in dated["when_start"]}
    weeks = query.timeline_bins(days, "week")
    assert all(query.from_day(start).weekday() == 0 for start, _, _ in weeks)
    located = mapview.located(table)
    world = [[-85.0, -180.0], [85.0, 180.0]]
    for zoom in (2, 6, 12):
        assert sum(c.count for c in query.grid(cells, world, zoom)) == len(located)
    (south, west), (north, east) = query.cell_bounds(cells)
    assert south <= located["lat"].min() and north >= located["lat"].max()
    assert west <= located["lon"].min() and east >= located["lon"].max()
    # A view around Minsk holds what lies in it, nothing in Russia.
    near = query.grid(cells, [[53.0, 27.0], [54.5, 28.5]], 6)
    inside = located["lat"].between(53.0, 54.5) & located["lon"].between(27.0, 28.5)
    assert sum(c.count for c in near) == int(inside.sum()) >= 3


def test_a_click_finds_the_events_at_the_marker(store):
    with closing(query.connect(store)) as conn:
        minsk = query.events_near(conn, Filters(), 53.9, 27.56667, mapview.COORD_DECIMALS)
        assert sorted(e.date_text for e in minsk) == ["December 6", "May 2024"]
        assert query.events_near(conn, Filters(types=("visit",)), 53.9, 27.56667, 5)[0].type \
            == "visit"
        assert query.events_near(conn, Filters(), 53.91, 27.56667, 5) == []
        heads = query.article_heads(conn, [fx.ARTICLE_DEC.id, "missing"])
    assert list(heads) == [fx.ARTICLE_DEC.id] and heads[fx.ARTICLE_DEC.id].text == ""


def test_the_catalog_lists_what_the_filters_offer(store, table):
    with closing(query.connect(store)) as conn:
        catalog = query.catalog(conn)
    assert catalog.events == len(table) and catalog.articles == 3
    assert catalog.types[0] == "meeting" and "deployment" in catalog.types
    assert "Vladimir Putin" in catalog.actors and "BY" in catalog.countries
    assert catalog.full_span[0] <= D(2023, 7, 23) and catalog.full_span[1] >= D(2024, 12, 6)
    located = table.dropna(subset=["lat", "lon"])
    assert catalog.bounds == [[located["lat"].min(), located["lon"].min()],
                              [located["lat"].max(), located["lon"].max()]]


def plans(conn, ask) -> list[str]:
    """The query plan of each statement ``ask(conn)`` runs."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)  # each statement with its values written in
    try:
        ask(conn)
    finally:
        conn.set_trace_callback(None)
    return [" | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in seen]


def test_the_queries_read_the_indexes_built_for_them(store):
    """Without ANALYZE the plans do not depend on the store's size: these are the big store's."""
    with closing(query.connect(store)) as conn:
        assert "COVERING INDEX event_index_day" in plans(
            conn, lambda c: query.day_counts(c, Filters()))[0]
        assert "COVERING INDEX event_index_cell" in plans(
            conn, lambda c: query.cell_counts(c, Filters()))[0]
        assert "INDEX event_index_country (country=?)" in plans(
            conn, lambda c: query.counts(c, Filters(countries=("BY",))))[0]
        assert "events_by_point" in " ".join(plans(
            conn, lambda c: query.events_near(c, Filters(), 53.9, 27.56667, 5)))
        catalog = " ".join(plans(conn, query.catalog))
    assert "COVERING INDEX event_index_end" in catalog  # max(d1)
    assert "COVERING INDEX event_index_country" in catalog  # its countries
    assert not any(name in catalog for name in UNUSED_INDEXES)


def answers(path: Path) -> tuple:
    """What the dashboard asks a store, for every case of CASES."""
    with closing(query.connect(path)) as conn:
        return query.catalog(conn), [
            (sorted(e.id for e in query.events(conn, chosen)), query.counts(conn, chosen),
             sorted(query.day_counts(conn, chosen)), sorted(query.cell_counts(conn, chosen)))
            for chosen in CASES
        ], query.events_near(conn, Filters(), 53.9, 27.56667, mapview.COORD_DECIMALS)


def indexes_of(path: Path) -> set[str]:
    with closing(query.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_version_6_store_loses_its_unused_indexes_and_answers_the_same(tmp_path, monkeypatch):
    path = tmp_path / "v6.sqlite"
    with monkeypatch.context() as patch:  # a store as version 6 wrote it
        patch.setattr(store_module, "SCHEMA_VERSION", 6)
        fill_store(path, xss=True, unlocated=True)
    assert set(UNUSED_INDEXES) <= indexes_of(path)
    before = answers(path)
    with Store(path) as migrated:
        assert migrated.verify() == []
    with closing(query.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    indexes = indexes_of(path)
    assert not indexes & set(UNUSED_INDEXES) and "event_index_day" in indexes
    assert answers(path) == before
    assert before[1][0][0]  # the cases found events


def test_above_the_detail_limit_the_page_is_an_overview(sample_store, monkeypatch):
    monkeypatch.setattr(data, "DETAIL_LIMIT", 3)
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    assert counts(at).startswith("**9 of 9 events** from 2 articles")
    assert fake.kwargs[-1]["returned_objects"] == ["last_object_clicked", "bounds", "zoom"]
    layer = fake.kwargs[-1]["feature_group_to_add"]
    payload = next(iter(layer._children.values())).payload
    # Nine events, a handful of places: few enough in view to be markers, not counts.
    assert '"markers"' in payload and "Minsk, Belarus" in payload
    captions = " ".join(c.value for c in at.caption)
    assert "9 events: counts per" in captions
    assert "the table shows the first" not in captions  # the table holds all nine
    assert len(at.dataframe[0].value) == 9
    # The browser reports a world view at zoom 2: more than MARKERS_UP_TO would be counts.
    monkeypatch.setattr(mapview, "MARKERS_UP_TO", 2)
    at.session_state[mapview.MAP_KEY] = {
        "bounds": {"_southWest": {"lat": -60, "lng": -170}, "_northEast": {"lat": 75, "lng": 170}},
        "zoom": 2, "last_object_clicked": None}
    rerun(at, fake)
    payload = next(iter(fake.kwargs[-1]["feature_group_to_add"]._children.values())).payload
    assert '"cells"' in payload and "Minsk" not in payload
    # A count of one place (Astana, alone in its part of the world) opens its passages.
    cells = json.loads(payload)
    astana = next(c for c, one in zip(cells["cells"], cells["one"], strict=True)
                  if one and abs(c[1] - 71.4) < 1)
    fake.click = (astana[0], astana[1])
    rerun(at, fake)
    assert "Astana, Kazakhstan</b> · 1 event at this marker" in html(at)
    # A click on a marker (as gtMarkers reports it) opens its passages.
    fake.click = (53.9, 27.56667)
    rerun(at, fake)
    assert "Minsk, Belarus</b> · 2 events at this marker" in html(at)
