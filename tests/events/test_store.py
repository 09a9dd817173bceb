import dataclasses
import datetime as dt
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.exc import SchemaVersionError, StoreError
from events.merge import merge
from events.model import (
    DATE_BASES,
    EVENT_TYPES,
    GRANULARITIES,
    PUBLISHED_BASES,
    Article,
    Event,
    Span,
)
from events.store import (
    _MIGRATIONS,
    SCHEMA_VERSION,
    WAL_CHECKPOINT_PAGES,
    Store,
    Written,
    content_hash,
)

ARTICLE = Article(
    id="a1",
    text="Putin met Lukashenko in Minsk on December 6.",
    title="Talks in Minsk",
    published=dt.date(2024, 12, 4),
    published_basis="metadata",
    source="https://example.org/a1",
    meta=(("license", "CC-BY"), ("author", "Анна")),
)


def raw(store, sql, *params):
    with sqlite3.connect(store.path) as conn:
        return conn.execute(sql, params).fetchall()


def test_round_trips_articles_and_events_exactly(store, make_event):
    events = [
        make_event("a1", 0),
        make_event("a1", 1, date_start=None, date_end=None, date_granularity="none",
                   date_basis="none", date_text="", date_span=None, place_span=None,
                   lat=None, lon=None, uncertainty_km=None, actors=(), sources=()),
        make_event("a1", 2, date_start=dt.date(2024, 5, 1), date_end=dt.date(2024, 5, 31),
                   date_granularity="month", lat=-33.8688, lon=151.2093, confidence=1 / 3),
    ]
    assert store.add(ARTICLE, events) is True
    assert store.article("a1") == ARTICLE
    assert store.articles() == [ARTICLE]
    assert store.events() == events
    assert store.events("a1") == events
    assert store.events("other") == []
    assert store.counts() == {"articles": 1, "events": 3}


def test_article_without_date_round_trips(store):
    article = Article(id="x", text="text")
    store.add(article, [])
    assert store.article("x") == article
    assert store.article("missing") is None


def test_readding_unchanged_article_changes_nothing(store, make_event):
    events = [make_event("a1", 0), make_event("a1", 1)]
    assert store.add(ARTICLE, events) is True
    before = raw(store, "SELECT * FROM articles"), raw(store, "SELECT rowid, * FROM events")
    assert store.add(ARTICLE, list(events)) is False
    # The same content reached through another path is still the same article.
    assert store.add(dataclasses.replace(ARTICLE, source="/elsewhere/a1.txt"), events) is False
    after = raw(store, "SELECT * FROM articles"), raw(store, "SELECT rowid, * FROM events")
    assert after == before


def test_changed_text_replaces_the_articles_events(store, make_event):
    store.add(ARTICLE, [make_event("a1", n) for n in range(3)])
    store.add(Article(id="b", text="other"), [make_event("b", 0)])
    changed = dataclasses.replace(ARTICLE, text=ARTICLE.text + " Updated.")
    new_events = [make_event("a1", 7, type="visit")]
    assert store.add(changed, new_events) is True
    assert store.article("a1") == changed
    assert store.events("a1") == new_events
    assert store.events("b") == [make_event("b", 0)]
    assert store.counts() == {"articles": 2, "events": 2}


def test_same_text_new_events_replaces_them(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0)])
    assert store.add(ARTICLE, [make_event("a1", 0, type="summit")]) is True
    assert [e.type for e in store.events()] == ["summit"]


def test_a_failing_batch_writes_nothing(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0)])
    before = raw(store, "SELECT * FROM articles"), raw(store, "SELECT * FROM events")
    good = Article(id="good", text="fine")
    changed = dataclasses.replace(ARTICLE, text="changed")
    # type=None violates NOT NULL in the middle of the transaction.
    with pytest.raises(sqlite3.IntegrityError):
        store.add_many([
            (good, [make_event("good", 0)]),
            (changed, [make_event("a1", 0), make_event("a1", 1, type=None)]),
        ])
    assert (raw(store, "SELECT * FROM articles"), raw(store, "SELECT * FROM events")) == before
    assert store.article("good") is None
    assert store.verify() == []


def test_events_of_another_article_are_refused(store, make_event):
    with pytest.raises(ValueError, match="belongs to article 'zzz'"):
        store.add(ARTICLE, [make_event("zzz", 0)])
    assert store.counts() == {"articles": 0, "events": 0}


def test_remove_deletes_the_article_and_its_events(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0), make_event("a1", 1)])
    assert store.remove("a1") is True
    assert store.remove("a1") is False
    assert store.counts() == {"articles": 0, "events": 0}


def test_merged_events_is_merge_of_events(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0)])
    store.add(Article(id="b", text="b"), [make_event("b", 0)])
    assert store.merged_events() == merge(store.events())


def test_schema_wal_and_version(tmp_path):
    path = tmp_path / "deep" / "dir" / "s.sqlite"
    with Store(path) as store:
        assert store.path == path
        with store.connection() as conn:  # the log is copied into the store less often
            assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_CHECKPOINT_PAGES
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    Store(path).close()  # reopening an existing store migrates nothing and works


def test_a_version_1_store_is_migrated(tmp_path):
    path = tmp_path / "v1.sqlite"
    with sqlite3.connect(path) as conn:
        for statement in _MIGRATIONS[1]:
            conn.execute(statement)
        conn.execute("INSERT INTO articles VALUES ('old', 'T', '2020-01-02', 'metadata', 's', "
                     "'[]', 'Old text.', 0, 'f', '2026-01-01T00:00:00+00:00')")
        conn.execute("PRAGMA user_version = 1")
    with Store(path) as store:
        assert store.article("old") == Article(id="old", text="Old text.", title="T",
                                               published=dt.date(2020, 1, 2),
                                               published_basis="metadata", source="s")
        assert store.extracted_with("") == {}
        store.add(store.article("old"), [], extractor="x1")
        assert store.extracted_with("x1") == {"old": (content_hash(store.article("old")), 0)}
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 7


def test_extractor_names_are_kept_and_updated(store, make_event):
    events = [make_event("a1", 0)]
    store.add(ARTICLE, events, extractor="x1")
    assert store.extracted_with("x1") == {"a1": (content_hash(ARTICLE), 1)}
    assert store.add(ARTICLE, events, extractor="x2") is False  # same events, new name
    assert store.extracted_with("x1") == {} and "a1" in store.extracted_with("x2")
    assert store.add(ARTICLE, events) is False  # an unnamed extractor agreeing changes nothing
    assert "a1" in store.extracted_with("x2")
    store.add(ARTICLE, [make_event("a1", 1)])  # different events from an unnamed extractor
    assert store.extracted_with("x2") == {}


def test_newer_schema_is_refused_clearly(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaVersionError, match=rf"schema version {SCHEMA_VERSION + 1} is newer"):
        Store(path)


@pytest.mark.parametrize(
    "content, reason",
    [(b"this is not a database at all" * 100, "not a geotimeline store"),
     (None, "another program")],
)
def test_foreign_files_are_refused(tmp_path, content, reason):
    path = tmp_path / "s.sqlite"
    if content is None:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE customers (id INTEGER)")
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=reason) as info:
        Store(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_default_path(monkeypatch, tmp_path):
    monkeypatch.setenv("GEOTIMELINE_DB", str(tmp_path / "x.sqlite"))
    assert Store.default_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("GEOTIMELINE_DB")
    default = Store.default_path()
    assert default.name == "geotimeline.sqlite" and default.parent.name == "data"
    git = subprocess.run(
        ["git", "check-ignore", "-q", str(default)], cwd=default.parent.parent, check=False
    )
    assert git.returncode == 0, "the default store must be ignored by git"


def test_verify_reports_a_half_article(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0), make_event("a1", 1)])
    assert store.verify() == []
    with sqlite3.connect(store.path) as conn:
        conn.execute("DELETE FROM events WHERE seq = 1")
    assert store.verify() == ["article 'a1': 2 events expected, 1 stored"]


def test_store_can_be_shared_with_another_thread(store, make_event):
    errors = []

    def write():
        try:
            for i in range(20):
                store.add(Article(id=f"t{i}", text=str(i)), [make_event(f"t{i}", 0)])
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    thread = threading.Thread(target=write)
    thread.start()
    for _ in range(20):
        store.events()
    thread.join()
    assert errors == []
    assert store.counts() == {"articles": 20, "events": 20}


def test_spans_survive_as_spans(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0, trigger_span=Span(0, 3), place_span=Span(4, 9))])
    (event,) = store.events()
    assert event.trigger_span == Span(0, 3) and event.place_span == Span(4, 9)
    assert isinstance(event.actors, tuple) and isinstance(event.sources, tuple)


def test_snapshot_reads_articles_and_events_together(store, make_event):
    store.add(ARTICLE, [make_event("a1", 0)])
    assert store.snapshot() == (store.articles(), store.events())
    assert store.counts() == {"articles": 1, "events": 1}  # the read transaction was closed
    store.add(Article(id="b", text="b"), [])


_texts = st.text(max_size=30)
_spans = st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6))
_floats = st.floats(allow_nan=False)
_events = st.builds(
    Event,
    id=_texts, type=st.sampled_from(EVENT_TYPES), cameo=_texts, article_id=st.just("p"),
    evidence=st.text(), evidence_start=st.integers(0, 2**62), evidence_end=st.integers(0, 2**62),
    trigger_span=_spans, date_start=st.none() | st.dates(), date_end=st.none() | st.dates(),
    date_granularity=st.sampled_from(GRANULARITIES), date_basis=st.sampled_from(DATE_BASES),
    date_text=_texts, date_span=st.none() | _spans, reported=st.none() | st.dates(),
    place_id=_texts, place_name=_texts, place_text=_texts, place_span=st.none() | _spans,
    country_code=_texts, lat=st.none() | _floats, lon=st.none() | _floats, place_level=_texts,
    uncertainty_km=st.none() | _floats, actors=st.lists(_texts, max_size=4).map(tuple),
    confidence=_floats, sources=st.lists(_texts, max_size=3).map(tuple),
)


@settings(max_examples=60, deadline=None)
@given(
    article=st.builds(Article, id=st.just("p"), text=st.text(), title=_texts,
                      published=st.none() | st.dates(), published_basis=st.sampled_from(PUBLISHED_BASES),
                      source=_texts, meta=st.lists(st.tuples(_texts, _texts), max_size=3).map(tuple)),
    events=st.lists(_events, max_size=4),
)
def test_any_article_and_events_round_trip(article, events):
    with Store(":memory:") as store:
        assert store.add(article, events) is True
        assert store.article("p") == article
        assert store.events("p") == events
        assert store.add(article, events) is False


def test_a_file_owns_its_articles(store, make_event):
    a, b = Article(id="a", text="A."), Article(id="b", text="B.")
    first = store.put_file("/in/f.txt", [(a, [make_event("a", 0)])])
    assert first.states == {"a": "new"} and first.changed
    # The file now yields "b" instead of "a": "a" goes, with its events.
    second = store.put_file("/in/f.txt", [(b, [make_event("b", 0)])])
    assert second.states == {"b": "new"} and second.removed == ("a",)
    assert [x.id for x in store.articles()] == ["b"] and {e.article_id for e in store.events()} == {"b"}
    # An article kept unchanged (not re-sent) is not removed; nothing else changes.
    assert not store.put_file("/in/f.txt", [], keep=["b"]).changed
    # Another file storing id "b" replaces it and says from where it came.
    other = store.put_file("/in/g.txt", [(dataclasses.replace(b, text="B2."), [])])
    assert other.states == {"b": "updated"} and other.previous == {"b": "/in/f.txt"}
    # f.txt read again without "b" does not remove what g.txt now owns.
    assert store.put_file("/in/f.txt", [(a, [])]).removed == ()
    assert [x.id for x in store.articles()] == ["a", "b"]
    assert store.verify() == []


def test_files_stored_together_are_stored_as_one_at_a_time(tmp_path, make_event):
    a, b, c = (Article(id=x, text=f"{x}.") for x in "abc")
    files = [("/in/f.txt", [(a, [make_event("a", 0)])], ()),
             ("/in/g.txt", [(b, [make_event("b", 0), make_event("b", 1)])], ()),
             ("/in/f.txt", [(c, [])], ()),   # f.txt again, now yielding c: a goes
             ("/in/h.txt", [(dataclasses.replace(b, text="B2."), [])], ())]  # b replaced
    with Store(tmp_path / "one.sqlite") as one, Store(tmp_path / "all.sqlite") as together:
        apart = [one.put_file(origin, items, keep=keep) for origin, items, keep in files]
        assert together.put_files(files) == apart
        assert together.articles() == one.articles() and together.events() == one.events()
        assert [w.states for w in apart] == [
            {"a": "new"}, {"b": "new"}, {"c": "new"}, {"b": "updated"}]
        assert apart[2].removed == ("a",) and apart[3].previous == {"b": "/in/g.txt"}
        assert together.put_files(files[2:]) == [  # unchanged now: no transaction at all
            Written({"c": "unchanged"}), Written({"b": "unchanged"})]
        # All or nothing: events that do not belong to their article store nothing.
        d = Article(id="d", text="d.")
        with pytest.raises(ValueError, match="belongs to article 'x'"):
            together.put_files([("/in/d.txt", [(d, [make_event("d", 0)])], ()),
                                ("/in/e.txt", [(Article(id="e", text="e."),
                                                [make_event("x", 0)])], ())])
        assert together.article("d") is None and together.verify() == []


def test_processes_opening_a_new_store_at_once_all_open_it(tmp_path):
    """Several processes creating one store at the same moment: each waits for the one that
    switches it to WAL and migrates it, none fails with "database is locked"."""
    import sys

    opener = "import sys; from events.store import Store; Store(sys.argv[1]).close()"
    for attempt in range(4):
        path = tmp_path / f"new{attempt}.sqlite"
        runs = [subprocess.Popen([sys.executable, "-c", opener, str(path)], stderr=subprocess.PIPE,
                                 text=True, cwd=Path(__file__).resolve().parents[2]) for _ in range(4)]
        errors = [run.communicate(timeout=120)[1] for run in runs]
        assert [run.returncode for run in runs] == [0] * 4, errors
        with Store(path) as store:
            assert store.counts()["events"] == 0
