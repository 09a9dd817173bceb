"""The dashboard page under Streamlit's AppTest, on stores of hand-built events.

``streamlit_folium.st_folium`` is replaced by a recorder: it keeps the folium map it was given
(so the map's data can be checked) and returns a chosen click, as the browser component would.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from unittest import mock

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
D = dt.date


class FakeMap:
    """Stands in for ``st_folium``: records maps, answers with ``click`` (lat, lng) or None."""

    def __init__(self, click: tuple[float, float] | None = None) -> None:
        self.maps: list = []
        self.kwargs: list[dict] = []
        self.click = click

    def __call__(self, fig, **kwargs):
        self.maps.append(fig)
        self.kwargs.append(kwargs)
        point = {"lat": self.click[0], "lng": self.click[1]} if self.click else None
        return {"last_object_clicked": point}

    def payload(self) -> dict:
        from dashboard.mapview import EventLayer

        layer = next(c for c in self.maps[-1]._children.values() if isinstance(c, EventLayer))
        return json.loads(layer.payload)


def run(store: Path, monkeypatch, fake: FakeMap, query: dict | None = None) -> AppTest:
    monkeypatch.setenv("GEOTIMELINE_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    if query:
        at.query_params.update(query)
    with mock.patch("streamlit_folium.st_folium", fake):
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at: AppTest, fake: FakeMap) -> AppTest:
    with mock.patch("streamlit_folium.st_folium", fake):
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def add_and_wait(at: AppTest, fake: FakeMap) -> AppTest:
    """The run of a click on 'Add to the map' (which starts the upload in the background), then,
    once the upload is stored, the run that shows its results."""
    from dashboard import uploads

    rerun(at, fake)
    if uploads.K_JOB in at.session_state:  # (else it was done within that run, which showed it)
        assert at.session_state[uploads.K_JOB].finished.wait(120)
        rerun(at, fake)
    return at


def counts(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " events** from " in m.value)


def timeline_points(at: AppTest) -> int:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return sum(len(t.get("customdata") or []) for t in spec["data"])


def query(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def article_uploader(at: AppTest):
    return next(u for u in at.file_uploader if u.label.startswith("Articles"))


def add_button(at: AppTest):
    return next(b for b in at.button if b.label == "Add to the map")


def html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_starts_on_the_sample_data(sample_store, monkeypatch):
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    assert at.title[0].value == "geotimeline"
    assert counts(at).startswith("**9 of 9 events** from 2 articles")
    assert len(fake.payload()["lat"]) == 9
    assert fake.kwargs[0]["returned_objects"] == ["last_object_clicked"]
    assert timeline_points(at) == 9
    assert len(at.dataframe[0].value) == 9
    assert [b.proto.label for b in at.get("download_button")] == [
        "Download CSV", "Download GeoJSON", "Export corrections (JSON Lines)"]
    assert "Click a marker on the map" in html(at)


def test_first_run_fills_a_missing_store(tmp_path, monkeypatch):
    """No store yet: the sample articles are ingested (whatever the extractor finds today)."""
    store = tmp_path / "new" / "store.sqlite"
    at = run(store, monkeypatch, FakeMap())
    assert store.exists()
    assert " events** from 2 articles" in counts(at)


def test_date_filter_changes_counts_map_and_timeline(sample_store, monkeypatch):
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    at.slider(key="f_dates").set_value((D(2024, 11, 1), D(2024, 12, 6)))
    rerun(at, fake)
    assert counts(at).startswith("**3 of 9 events**")
    assert sorted(fake.payload()["pl"]) == ["Astana, Kazakhstan", "Kremlin, Russia",
                                            "Minsk, Belarus"]
    assert timeline_points(at) == 3
    assert query(at, "from") == ["2024-11-01"]
    # A range inside May keeps the month-long May visit.
    at.slider(key="f_dates").set_value((D(2024, 5, 20), D(2024, 5, 25)))
    rerun(at, fake)
    assert counts(at).startswith("**1 of 9 events**")
    assert fake.payload()["dl"] == ["May 2024"]


def test_marker_click_opens_the_passages_there(sample_store, monkeypatch):
    fake = FakeMap(click=(53.9, 27.56667))
    at = run(sample_store, monkeypatch, fake)
    page = html(at)
    assert "Minsk, Belarus</b> · 2 events at this marker" in page
    assert '<mark class="gt-date">December 6</mark>' in page
    assert '<mark class="gt-place">Minsk</mark>' in page
    assert '<mark class="gt-trigger">Supreme State Council</mark>' in page
    assert '<mark class="gt-date">May 2024</mark>' in page
    assert "Putin in Belarus: Strategic Alliances Deepen in Minsk Talks" in page
    assert [e.label for e in at.expander if e.label.startswith("Whole article")] == [
        "Whole article 1 (published 4 December 2024)"
    ]
    # A later click on a cluster (no event exactly there) keeps the passage open.
    fake.click = (50.0, 30.0)
    rerun(at, fake)
    assert '<mark class="gt-date">December 6</mark>' in html(at)


def test_query_parameters_restore_filters(sample_store, monkeypatch):
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake,
             query={"type": ["summit", "visit"], "from": "2024-11-01", "undated": "0",
                    "country": "BY"})
    assert at.multiselect(key="f_types").value == ["summit", "visit"]
    assert at.multiselect(key="f_countries").value == ["BY"]
    assert at.slider(key="f_dates").value == (D(2024, 11, 1), D(2024, 12, 6))
    assert at.toggle(key="f_undated").value is False
    assert counts(at).startswith("**1 of 9 events**")
    assert fake.payload()["pl"] == ["Minsk, Belarus"]
    # And the URL follows the widgets.
    at.multiselect(key="f_types").set_value(["meeting"])
    at.toggle(key="f_undated").set_value(True)
    rerun(at, fake)
    assert query(at, "type") == ["meeting"]
    assert "undated" not in at.query_params


def test_hostile_article_is_shown_as_text(xss_store, monkeypatch):
    fake = FakeMap(click=(53.91, 27.6))
    at = run(xss_store, monkeypatch, fake)
    page = html(at)
    assert "&lt;script&gt;alert(&#x27;xss-script&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#x27;xss-img&#x27;)&gt;" in page
    assert not re.search(r"<(script|img|a\s+href=\"javascript)", page, re.IGNORECASE)
    # The table holds the raw text as data; the grid draws it as text.
    table = at.dataframe[0].value
    assert table["Passage"].str.contains("<script>alert('xss-script')</script>",
                                         regex=False).any()
    # No Markdown element ever carries article text.
    assert not any("xss" in m.value for m in at.markdown)


@pytest.mark.parametrize("name", ["../../evil.md", "..\\..\\evil.md", "/etc/evil.md"])
def test_upload_adds_an_article_without_writing_files(sample_store, monkeypatch, tmp_path,
                                                      name):
    monkeypatch.chdir(tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    text = b"---\ntitle: Upload\npublished: 2024-03-02\n---\nPutin met Lukashenko in Minsk.\n"
    article_uploader(at).upload(name, text, "text/markdown")
    add_button(at).click()
    add_and_wait(at, fake)
    page = html(at)
    assert "evil.md: 1 article" in page, page[-500:]
    assert " events** from 3 articles" in counts(at)
    created = {p for p in tmp_path.rglob("*")} - before
    assert all(p.name.startswith("sample.sqlite") for p in created), created


def test_oversized_and_unknown_uploads_are_refused(sample_store, monkeypatch):
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    article_uploader(at).set_value([
        ("big.txt", b"a" * 21_000_001, "text/plain"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), "text/plain"),
        ("good.txt", b"Putin met Lukashenko in Minsk.", "text/plain"),
    ])
    add_button(at).click()
    add_and_wait(at, fake)
    page = html(at)
    assert "big.txt: too large (21.0 MB; the limit is 20 MB)" in page
    assert re.search(r"picture\.txt: [^<]*PNG", page), page
    # The good file in the same batch is stored all the same.
    assert "good.txt: 1 article" in page
    assert " events** from 3 articles" in counts(at)


def test_an_empty_store_and_unlocated_events(tmp_path, monkeypatch):
    from dash_fixtures import fill_store

    from events.store import Store

    empty = tmp_path / "empty.sqlite"
    Store(empty).close()
    at = run(empty, monkeypatch, FakeMap())
    assert counts(at).startswith("**0 of 0 events** from 0 articles")
    assert any("No events with a date" in c.value for c in at.caption)

    fake = FakeMap()
    at = run(fill_store(tmp_path / "u.sqlite", unlocated=True), monkeypatch, fake)
    assert "1 without a location (in the table, not on the map)" in counts(at)
    assert len(fake.payload()["lat"]) == 9
    assert len(at.dataframe[0].value) == 10


def test_dates_pandas_cannot_hold_do_not_break_the_page(tmp_path, monkeypatch):
    """Years 1650, 9999 and 1 (and a stored value that is no date at all) are beyond pandas'
    timestamps: the page still renders, those events count as undated (drawn at their report
    date) and keep their own date label."""
    import sqlite3
    from dataclasses import replace

    from dash_fixtures import ARTICLE_DEC, MINSK, MINSK_DEC, make_event

    from events.store import Store

    old = replace(ARTICLE_DEC, id="old_article", published=D(1500, 1, 1))
    days = [D(1650, 1, 1), D(9999, 12, 31), D(1, 1, 1), D(2262, 4, 11), D(1677, 9, 21)]
    events = [
        replace(make_event(ARTICLE_DEC, "summit", MINSK_DEC, "Supreme State Council", MINSK,
                           date_text="December 6", start=day, granularity="day"),
                id=f"odd{n}")
        for n, day in enumerate(days)
    ]
    since = make_event(ARTICLE_DEC, "visit", MINSK_DEC, "Supreme State Council", MINSK,
                       date_text="December 6", start=D(2000, 1, 1), end=D(9999, 12, 31),
                       granularity="range")
    store = tmp_path / "odd.sqlite"
    with Store(store) as s:
        s.add(ARTICLE_DEC, [*events, replace(since, id="since")])
        s.add(old, [replace(events[0], id="old", article_id=old.id, reported=old.published)])
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE events SET date_start = '12/31/9999' WHERE id = 'odd4'")

    fake = FakeMap()
    at = run(store, monkeypatch, fake)
    assert counts(at).startswith("**7 of 7 events**")
    table = at.dataframe[0].value
    assert "31 December 9999" in set(table["Date as given"])
    assert D(9999, 12, 31) in set(table["Date"])
    # Only the range's start can be drawn; the undated ones with a report date are drawn there.
    assert timeline_points(at) == 6
    assert at.slider(key="f_dates").value[0] >= D(1678, 1, 1)


def test_json_python_cannot_parse_is_refused_and_the_upload_goes_on(sample_store, monkeypatch):
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    article_uploader(at).set_value([
        ("deep.json", b"[" * 5_000 + b"]" * 5_000, "application/json"),
        ("huge.json", b'{"text": "x", "n": ' + b"1" * 4_400 + b"}", "application/json"),
        ("good.txt", b"Putin met Lukashenko in Minsk.", "text/plain"),
    ])
    add_button(at).click()
    add_and_wait(at, fake)
    page = html(at)
    assert "deep.json: invalid JSON: nested too deeply to read</div>" in page
    assert "huge.json: invalid JSON: an integer of more than 4,300 digits</div>" in page
    assert "good.txt: 1 article" in page
    assert " events** from 3 articles" in counts(at)


def test_event_types_are_text_in_the_timeline_legend_and_ticks(tmp_path, monkeypatch):
    from dataclasses import replace

    from dash_fixtures import ARTICLE_DEC, sample_events

    from events.store import Store

    store = tmp_path / "types.sqlite"
    odd = [replace(e, type="<b>bold</b>") for e in sample_events() if e.article_id == ARTICLE_DEC.id]
    with Store(store) as s:
        s.add(ARTICLE_DEC, odd)
    at = run(store, monkeypatch, FakeMap())
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {t.get("name") for t in spec["data"]} | set(spec["layout"]["yaxis"]["ticktext"])
    assert "&lt;b&gt;bold&lt;/b&gt;" in names
    assert not any("<b>" in (n or "") for n in names)


def test_a_tab_opened_while_another_writes_says_so_then_shows_the_store(sample_store,
                                                                         monkeypatch):
    from dashboard import busy

    fake = FakeMap()
    with busy.writing(sample_store):
        at = run(sample_store, monkeypatch, fake)
        notes = [i.value for i in at.info]
        assert any("Another tab is adding articles to this store (9 events stored so far)" in n
                   for n in notes), notes
    rerun(at, fake)
    assert not at.info
    assert counts(at).startswith("**9 of 9 events** from 2 articles")


def test_a_second_tab_does_not_fill_a_new_store_twice(tmp_path, monkeypatch):
    from dashboard import busy

    store = tmp_path / "new.sqlite"
    with busy.first_writer(store) as mine:  # the first tab, still ingesting
        assert mine
        at = run(store, monkeypatch, FakeMap())
        assert not store.exists() or counts(at).startswith("**0 of 0")
        assert any("Another tab is adding articles" in i.value for i in at.info)


def _store_with_a_stray_year(tmp_path):
    from dataclasses import replace

    from dash_fixtures import ARTICLE_DEC, MINSK, MINSK_DEC, make_event

    from events.store import Store

    base = make_event(ARTICLE_DEC, "summit", MINSK_DEC, "Supreme State Council", MINSK,
                      date_text="December 6", start=D(2024, 1, 1), granularity="day")
    events = [replace(base, id=f"e{i}", date_start=D(2024, 1, 1) + dt.timedelta(days=i),
                      date_end=D(2024, 1, 1) + dt.timedelta(days=i)) for i in range(60)]
    events.append(replace(base, id="stray", date_start=D(1721, 3, 1), date_end=D(1721, 3, 1)))
    store = tmp_path / "stray.sqlite"
    with Store(store) as s:
        s.add(ARTICLE_DEC, events)
    return store


def _slider_day(microseconds: float) -> dt.date:
    """A date slider's bound as AppTest reports it (microseconds since 1970)."""
    return D(1970, 1, 1) + dt.timedelta(microseconds=microseconds)


def test_a_stray_year_does_not_stretch_the_default_range(tmp_path, monkeypatch):
    fake = FakeMap()
    at = run(_store_with_a_stray_year(tmp_path), monkeypatch, fake)
    slider = at.slider(key="f_dates")
    assert slider.value == (D(2024, 1, 1), D(2024, 2, 29))
    assert _slider_day(slider.min) == D(2024, 1, 1)
    assert counts(at).startswith("**60 of 61 events**")
    zoom = at.toggle(key="f_all_dates")
    assert zoom.label == "Zoom to all data (1 far outside the rest)"
    zoom.set_value(True)
    rerun(at, fake)
    assert _slider_day(at.slider(key="f_dates").min) == D(1721, 3, 1)
    assert at.slider(key="f_dates").value == (D(1721, 3, 1), D(2024, 2, 29))
    assert counts(at).startswith("**61 of 61 events**")


def test_zero_matches_keep_the_view_and_say_why(sample_store, monkeypatch):
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    at.multiselect(key="f_countries").set_value(["KZ"])
    rerun(at, fake)
    def options():
        from dashboard.mapview import EventLayer

        layer = next(c for c in fake.maps[-1]._children.values() if isinstance(c, EventLayer))
        return json.loads(layer.options)

    astana = options()["view"]
    assert astana is None  # events drawn: the map fits to them
    at.multiselect(key="f_types").set_value(["visit"])
    rerun(at, fake)
    assert counts(at).startswith("**0 of 9 events**")
    assert fake.payload()["lat"] == []
    assert options()["view"] == [[51.1801, 71.44598], [51.1801, 71.44598]]  # Astana, kept
    assert options()["note"] == ("No event passes all the filters together: type Visit keeps "
                                 "1 of 9; country Kazakhstan keeps 1 of 9.")


def test_a_link_that_matches_nothing_opens_where_the_events_are(sample_store, monkeypatch):
    from dashboard.mapview import EventLayer
    from events.store import Store

    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake, query={"type": "visit", "country": "KZ"})
    assert counts(at).startswith("**0 of 9 events**")
    layer = next(c for c in fake.maps[-1]._children.values() if isinstance(c, EventLayer))
    with Store(sample_store) as store:
        located = [e for e in store.events() if e.lat is not None]
    lats, lons = [e.lat for e in located], [e.lon for e in located]
    assert len(located) > 3  # the sample's places, from Brest to Astana
    assert json.loads(layer.options)["view"] == [[min(lats), min(lons)], [max(lats), max(lons)]]


def test_a_marker_click_highlights_its_events_in_the_timeline_and_table(sample_store,
                                                                        monkeypatch):
    fake = FakeMap(click=(53.9, 27.56667))
    at = run(sample_store, monkeypatch, fake)
    table = at.dataframe[0].value
    places = list(table["Place"])
    assert places[:2] == ["Minsk, Belarus"] * 2 and "Minsk, Belarus" not in places[2:]
    assert len(places) == 9
    assert any("2 events at the selected marker come first" in c.value for c in at.caption)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    rings = [t for t in spec["data"] if t.get("meta") == "selected"]
    assert len(rings) == 1 and len(rings[0]["x"]) == 2


def test_unsupported_upload_types_are_refused_in_one_line(sample_store, monkeypatch):
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    article_uploader(at).set_value([("scan.pdf", b"%PDF-1.7", "application/pdf"),
                                   ("map.png", b"\x89PNG\r\n", "image/png")])
    add_button(at).click()
    add_and_wait(at, fake)
    page = html(at)
    assert "scan.pdf: not added: a .pdf file is not an article" in page
    assert "map.png: not added: a .png file is not an article" in page
    assert counts(at).startswith("**9 of 9 events** from 2 articles")


def test_mentions_not_on_the_map_are_listed_and_counted(tmp_path, monkeypatch):
    from dash_fixtures import fill_store

    fake = FakeMap()
    at = run(fill_store(tmp_path / "u.sqlite", unlocated=True), monkeypatch, fake)
    page = html(at)
    assert "<b>Not on the map: 1 mention</b>" in page
    assert "the text names “Konstantinovsky Palace”, which the gazetteer could not place" in page
    assert ('<mark class="gt-trigger">met</mark> at the <mark class="gt-place">Konstantinovsky '
            'Palace</mark>') in page
    assert "<b>Undated: 5 events</b>" in page
    assert ("the text gives no date; drawn on the timeline at the report date, 23 July 2023"
            in page)
    sidebar = " ".join(m.value for m in at.sidebar.markdown)
    assert "Not on the map: **1** · undated: **5**" in sidebar
    # A filter that leaves it out leaves it out of the count too.
    at.multiselect(key="f_types").set_value(["summit"])
    rerun(at, fake)
    assert "Not on the map: **0** · undated: **0**" in " ".join(
        m.value for m in at.sidebar.markdown)


def test_the_not_on_the_map_panel_escapes_article_text(tmp_path, monkeypatch):
    from dataclasses import replace

    from dash_fixtures import ARTICLE_XSS, xss_events

    from events.store import Store

    store = tmp_path / "x.sqlite"
    event = replace(xss_events()[0], lat=None, lon=None, place_name="",
                    place_text="<img src=x onerror=alert('xss-off')>")
    with Store(store) as s:
        s.add(ARTICLE_XSS, [event])
    at = run(store, monkeypatch, FakeMap())
    page = html(at)
    assert "Not on the map: 1 mention" in page
    assert "“&lt;img src=x onerror=alert(&#x27;xss-off&#x27;)&gt;”" in page
    assert not re.search(r"<(script|img)", page, re.IGNORECASE)


def test_an_itinerary_draws_the_actors_path_and_is_in_the_url(sample_store, monkeypatch):
    from dashboard.itinerary import ItineraryLayer

    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake, query={"trip": "Vladimir Putin"})
    assert at.selectbox(key="f_trip").value == "Vladimir Putin"
    layer = next(c for c in fake.maps[-1]._children.values() if isinstance(c, ItineraryLayer))
    assert json.loads(layer.payload)["label"] == [
        "1 · May 2024", "2 · 28 November 2024", "3 · 3 December 2024", "4 · 6 December 2024"]
    assert "Itinerary of Vladimir Putin: 4 stops in date order" in html(at)
    assert query(at, "trip") == ["Vladimir Putin"]
    at.selectbox(key="f_trip").set_value(None)
    rerun(at, fake)
    assert not [c for c in fake.maps[-1]._children.values() if isinstance(c, ItineraryLayer)]
    assert "trip" not in at.query_params


def test_the_reason_extraction_recorded_is_shown(tmp_path, monkeypatch):
    from dataclasses import replace

    from dash_fixtures import ARTICLE_JUL, unlocated_event

    from events.store import Store

    store = tmp_path / "r.sqlite"
    event = replace(unlocated_event(), unplaced_reason="place not in the gazetteer: Xqzville")
    with Store(store) as s:
        s.add(ARTICLE_JUL, [event])
    page = html(run(store, monkeypatch, FakeMap()))
    assert "Not on the map: 1 mention" in page
    assert "place not in the gazetteer: Xqzville" in page


def test_a_process_reimporting_the_page_does_not_run_it(tmp_path, monkeypatch):
    """Dask's workers start by "spawn", re-importing the parent's __main__ as __mp_main__; in a
    process where Streamlit left app.py as __main__ that must not run the page (whose first run
    would fill a store named by the parent's arguments, e.g. a file called "-q")."""
    import runpy
    import sys

    store = tmp_path / "never.sqlite"
    monkeypatch.setenv("GEOTIMELINE_DB", str(store))
    # run_path gives the file as argv[0], as the spawned worker sees it; the rest is the parent's.
    monkeypatch.setattr(sys, "argv", ["parent", str(store)])
    runpy.run_path(APP, run_name="__mp_main__")
    assert not store.exists()


def test_the_page_stays_usable_while_an_upload_is_stored(sample_store, monkeypatch):
    """The upload is stored by a thread of its own: the run that started it ends, the page
    shows its progress and answers filters meanwhile, and Cancel stops it with nothing lost."""
    import threading

    from dashboard import uploads

    inside, release = threading.Event(), threading.Event()
    real = uploads.ingest_upload

    def held(name, data, store, done=None):
        if name == "second.md":
            inside.set()
            assert release.wait(60)
        return real(name, data, store, done=done)

    monkeypatch.setattr(uploads, "ingest_upload", held)
    fake = FakeMap()
    at = run(sample_store, monkeypatch, fake)
    text = b"---\ntitle: Upload\npublished: 2024-03-02\n---\nPutin met Lukashenko in Minsk.\n"
    article_uploader(at).set_value([("first.md", text, "text/markdown"),
                                    ("second.md", text.replace(b"Upload", b"Two"), "text/markdown"),
                                    ("third.md", text.replace(b"Upload", b"Three"), "text/markdown")])
    add_button(at).click()
    rerun(at, fake)
    assert inside.wait(60)
    rerun(at, fake)
    [bar] = at.get("progress")
    assert "1 of 3 files done" in bar.proto.text
    assert "Now: second.md" in html(at)
    assert not at.info  # its own upload is not "another tab"
    at.slider(key="f_dates").set_value((D(2024, 11, 1), D(2024, 12, 6)))
    rerun(at, fake)
    assert counts(at).startswith("**3 of ")  # the filter applied (to what is stored so far)
    at.button(key="gt_upload_cancel").click()
    rerun(at, fake)
    release.set()
    assert at.session_state[uploads.K_JOB].finished.wait(60)
    rerun(at, fake)
    page = html(at)
    assert "first.md: 1 article" in page
    assert "second.md: cancelled while reading it, not added (the files before it are stored)" in page
    assert "third.md: cancelled, not added" in page
    assert " events** from 3 articles" in counts(at)
    assert not at.get("progress")


def test_an_article_dated_beyond_pandas_is_ingested_and_the_page_loads(tmp_path, monkeypatch):
    """Issue 12: years such as 1650, 9999 and 1 in an article, read and extracted for real, are
    no event's date (implausible for news), and the page loads on the store."""
    from events.ingest import ingest
    from events.store import Store

    (tmp_path / "odd.txt").write_text(
        "---\npublished: 2024-12-06\n---\nTalks\n\n"
        "Putin visited Minsk in 1650, officials said.\n"
        "Lukashenko met Putin in Moscow on 12/31/9999 for talks.\n"
        "Russian troops were deployed near Brest on 1/1/0001.\n"
        "Leaders held a summit in Minsk in the year 1200.\n", encoding="utf-8")
    (tmp_path / "odd.json").write_text(json.dumps(
        {"id": "number", "published": "2024-12-06", "number": 1500,
         "text": "Resolution number 1500 was adopted when Putin met Lukashenko in Minsk."}))
    store = tmp_path / "odd.sqlite"
    with Store(store) as s:
        results = ingest([tmp_path / "odd.txt", tmp_path / "odd.json"], s)
        assert all(r.ok for r in results), [r.error for r in results]
        events = s.events()
    assert len(events) >= 4
    assert all(e.date_start is None or 1800 <= e.date_start.year <= 2100 for e in events), events
    at = run(store, monkeypatch, FakeMap())
    assert counts(at).startswith(f"**{len(events)} of {len(events)} events** from 2 articles")
