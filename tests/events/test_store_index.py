"""The store's query index (events/index.py) follows every write, and old stores get it."""

import dataclasses
import datetime as dt
import sqlite3

from events.model import Article
from events.store import _MIGRATIONS, Store

ARTICLE = Article(id="a1", text="Putin met Lukashenko in Minsk on December 6.", title="Talks in Minsk",
                  published=dt.date(2024, 12, 4), source="s")
DAY_2024_12_01 = (dt.date(2024, 12, 1) - dt.date(1970, 1, 1)).days


def rows(store, sql, *params):
    with sqlite3.connect(store.path) as conn:
        return conn.execute(sql, params).fetchall()


def test_index_rows_follow_adds_replacements_and_removals(store, make_event):
    undated = make_event("a1", 1, date_start=None, date_end=None, date_granularity="none",
                         reported=None, lat=None, lon=None, actors=("Xi Jinping",))
    far = make_event("a1", 2, date_start=dt.date(9999, 1, 1), date_end=dt.date(9999, 1, 1))
    month = make_event("a1", 3, date_start=dt.date(2024, 5, 1), date_end=dt.date(2024, 5, 31),
                       date_granularity="month")
    events = [make_event("a1", 0), undated, far, month]
    store.add(ARTICLE, [dataclasses.replace(e, uncertainty_km=None) for e in events])
    got = rows(store, "SELECT e.seq, i.d0, i.d1, i.undated, i.approximate, i.x IS NULL "
                      "FROM event_index i JOIN events e ON e.rowid = i.id ORDER BY e.seq")
    published = (ARTICLE.published - dt.date(1970, 1, 1)).days
    may = (dt.date(2024, 5, 1) - dt.date(1970, 1, 1)).days
    assert got == [
        (0, DAY_2024_12_01, DAY_2024_12_01, 0, 0, 0),
        (1, published, published, 1, 0, 1),   # undated: at its article's publication date
        (2, published, published, 1, 0, 0),  # year 9999 is not drawn: at its report date
        (3, may, may + 30, 0, 1, 0),
    ]
    x, y = rows(store, "SELECT x, y FROM event_index WHERE undated = 0 LIMIT 1")[0]
    assert abs(x - (27.56667 + 180) / 360) < 1e-9 and 0.3 < y < 0.35  # Minsk, north of centre
    assert rows(store, "SELECT actor, count(*) FROM event_actors GROUP BY actor") == [
        ("Alexander Lukashenko", 3), ("Vladimir Putin", 3), ("Xi Jinping", 1)]
    assert rows(store, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'minsk'") == [(4,)]
    assert rows(store, "SELECT count(*) FROM titles_fts WHERE titles_fts MATCH 'talks'") == [(1,)]

    store.add(ARTICLE, [make_event("a1", 0)])  # replaced: three events go
    assert rows(store, "SELECT count(*) FROM event_index") == [(1,)]
    assert rows(store, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'minsk'") == [(1,)]
    assert rows(store, "SELECT DISTINCT actor FROM event_actors WHERE actor = 'Xi Jinping'") == []
    store.remove("a1")
    for table in ("event_index", "event_actors"):
        assert rows(store, f"SELECT count(*) FROM {table}") == [(0,)]  # noqa: S608
    assert rows(store, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'minsk'") == [(0,)]
    assert rows(store, "SELECT count(*) FROM titles_fts WHERE titles_fts MATCH 'talks'") == [(0,)]


def test_a_version_4_store_is_indexed_when_opened(tmp_path, make_event):
    path = tmp_path / "v4.sqlite"
    with sqlite3.connect(path) as conn:  # a store as version 4 wrote it
        for version in range(1, 5):
            for statement in _MIGRATIONS[version]:
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 4")
    with Store(path) as store:
        store.add(ARTICLE, [make_event("a1", 0), make_event("a1", 1, actors=("Xi Jinping",))])
    with sqlite3.connect(path) as conn:  # forget what versions 5 (the index) and 6 just built
        conn.execute("DROP TABLE corrections")
        conn.execute("DELETE FROM event_index")
        conn.execute("DELETE FROM event_actors")
        conn.execute("INSERT INTO events_fts (events_fts) VALUES ('delete-all')")
        conn.execute("INSERT INTO titles_fts (titles_fts) VALUES ('delete-all')")
        for name in ("event_index", "event_actors", "events_fts", "titles_fts"):
            conn.execute(f"DROP TABLE {name}")
        for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                       ).fetchall():
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("DROP INDEX events_by_point")
        conn.execute("PRAGMA user_version = 4")
    with Store(path) as store:
        assert rows(store, "SELECT count(*) FROM event_index") == [(2,)]
        assert rows(store, "SELECT actor, count(*) FROM event_actors GROUP BY actor") == [
            ("Alexander Lukashenko", 1), ("Vladimir Putin", 1), ("Xi Jinping", 1)]
        assert rows(store, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'minsk'") == [
            (2,)]
        assert rows(store, "SELECT count(*) FROM titles_fts WHERE titles_fts MATCH 'talks'") == [
            (1,)]


def test_an_update_by_another_program_is_reindexed(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0)])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE events SET type = 'summit', lat = NULL")
    assert rows(store, "SELECT type, x FROM event_index") == [("summit", None)]
