"""The table of filter definitions (dashboard.filters.FILTERS): every filter has its row, and
each row's SQL keeps exactly what its pandas predicate keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
from contextlib import closing
from pathlib import Path

import pytest
from dash_fixtures import fill_store

from dashboard import data, filters, query, sidebar
from dashboard.filters import FILTERS, Filters
from events.store import Store

D = dt.date

# Settings of each filter alone that keep some events and leave out others. A new filter
# needs its own here: the test below fails until it has them.
SAMPLES = {
    "dates": [Filters(start=D(2024, 11, 1), end=D(2024, 12, 6)), Filters(end=D(2023, 12, 31)),
              Filters(start=D(2024, 5, 20))],
    "types": [Filters(types=("deployment", "summit")), Filters(types=("visit",))],
    "countries": [Filters(countries=("BY",)), Filters(countries=("PL", "KZ"))],
    "actors": [Filters(actors=("Vladimir Putin",)),
               Filters(actors=("Dmitry Mezentsev", "Kassym-Jomart Tokayev"))],
    "text": [Filters(text="minsk"), Filters(text="Supreme State")],
    "undated": [Filters(include_undated=False)],
    "approx": [Filters(include_approximate=False)],
}


def test_every_filters_field_has_one_row():
    fields = [field for definition in FILTERS for field in definition.fields]
    assert sorted(fields) == sorted(f.name for f in dataclasses.fields(Filters))
    for attribute in ("name", "key"):
        names = [getattr(definition, attribute) for definition in FILTERS]
        assert len(set(names)) == len(names)
    urls = [url for definition in FILTERS for url in definition.urls]
    assert len(set(urls)) == len(urls) and sidebar.Q_TRIP not in urls
    assert {definition.widget for definition in FILTERS} <= set(sidebar.WIDGETS)
    assert all(len(d.urls) == len(d.fields) for d in FILTERS)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return fill_store(tmp_path_factory.mktemp("table") / "all.sqlite", xss=True, unlocated=True)


@pytest.fixture(scope="module")
def table(store):
    with Store(store) as opened:
        events, articles = opened.events(), {a.id: a for a in opened.articles()}
    return data.events_frame(events, articles)


def test_every_filter_has_samples():
    assert set(SAMPLES) == {definition.name for definition in FILTERS}


@pytest.mark.parametrize("definition", FILTERS, ids=lambda d: d.name)
def test_each_filters_sql_keeps_what_its_pandas_keeps(store, table, definition):
    for chosen in SAMPLES[definition.name]:
        # The sample sets this filter and no other.
        assert [d.name for d in FILTERS if d.active(chosen)] == [definition.name]
        kept = filters.apply(table, chosen)
        assert 0 < len(kept) < len(table), chosen
        with closing(query.connect(store)) as conn:
            found = query.events(conn, chosen)
            got = query.counts(conn, chosen)
        assert sorted(e.id for e in found) == sorted(kept["id"]), chosen
        assert (got.shown, got.undated, got.unlocated) == (
            len(kept), int(kept["undated"].sum()), int(kept["lat"].isna().sum()))


def test_fit_keeps_what_the_store_can_have(store):
    with closing(query.connect(store)) as conn:
        catalog = query.catalog(conn)
    lo, hi = catalog.full_span
    wanted = Filters(start=lo - dt.timedelta(days=9), end=hi - dt.timedelta(days=1),
                     types=("summit", "exercise"), countries=("BY", "XX"),
                     actors=("Nobody", "Vladimir Putin"), text="x", include_undated=False)
    assert filters.fit(wanted, catalog) == Filters(
        end=hi - dt.timedelta(days=1), types=tuple(t for t in ("summit", "exercise")
                                                    if t in catalog.types),
        countries=("BY",), actors=("Vladimir Putin",), text="x", include_undated=False)
