"""The correction controls: pure helpers, and the page under AppTest (reject, undo, add actor,
change place of an unlocated mention, add a missed event)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import dash_fixtures as fx
from test_app import FakeMap, counts, html, rerun, run

from dashboard import correct
from events import corrections as fix
from events.store import Store
from gazetteer import Place

BREST_FR = Place(id="3030300", name="Brest", country_code="FR", admin1="Brittany",
                 level="city", lat=48.39029, lon=-4.48628, population=144899)
MINSK_CLICK = (53.9, 27.56667)


def _minsk_events(store_path):
    with Store(store_path) as store:
        return [e for e in store.events() if e.place_name == "Minsk"]


def test_place_choice_label_tells_namesakes_apart():
    assert correct.place_choice_label(BREST_FR) == "Brest — Brittany, France · city · 144,899 people"
    village = Place(id="1", name="Brest", country_code="BY", admin1="Brest", level="city",
                    lat=52.1, lon=23.7, population=0)
    assert correct.place_choice_label(village) == "Brest — Belarus · city · population unknown"
    assert correct.place_choice_label(BREST_FR, "brest, France").startswith("Brest — ")
    assert correct.place_choice_label(village, "BREST").startswith("Brest — ")
    assert correct.place_choice_label(village, "Brześć").startswith(
        "Brest (also called Brześć) — Belarus")


def test_place_choices_rank_by_the_gazetteer_and_narrow_after_a_comma():
    coder = correct.geocoder()
    first = correct.place_choices("Brest", coder)
    assert [p.country_code for p in first[:2]] == ["BY", "FR"]
    assert {p.country_code for p in correct.place_choices("Brest, France", coder)} == {"FR"}
    assert correct.place_choices("   ", coder) == []
    assert correct.place_choices("Xqzvilleqq", coder) == []


def test_a_correction_is_described_and_escaped(make_event):
    event = make_event("a1", 0)
    moved = fix.change_place(event, BREST_FR, by="<b>Ann</b>")
    assert correct.describe(moved) == ("Place", "Minsk, Belarus", "Brest, France")
    shown = correct.correction_html(moved, orphaned=True)
    assert "by &lt;b&gt;Ann&lt;/b&gt;" in shown and "<b>Ann" not in shown
    assert "orphaned" in shown
    made_at = dataclasses.replace(moved, at="2026-12-07T05:20:04+00:00")
    assert "7 Dec 2026 05:20 UTC by &lt;b&gt;Ann" in correct.correction_html(made_at, orphaned=False)
    garbled = dataclasses.replace(moved, at="yesterday")
    assert "yesterday by &lt;b&gt;Ann" in correct.correction_html(garbled, orphaned=False)
    actor = fix.add_actor(event, "<script>alert(1)</script>")
    assert "&lt;script&gt;" in correct.correction_html(actor, orphaned=False)
    dated = fix.change_date(event, "month", dt.date(2024, 5, 9))
    assert correct.describe(dated) == ("Date", "2024-12-01", "2024-05")


def test_passages_of_lists_sentences_with_the_events_first(make_event):
    article = fx.ARTICLE_JUL
    event = make_event(article.id, 0, evidence="Given.", evidence_start=999)
    found = correct.passages_of([article], [event])
    assert found[0] == (article.id, 999, "Given.")
    assert all(article.text[start:start + len(text)] == text for _, start, text in found[1:])
    assert len(found) > 3


def test_reject_then_undo_in_the_page(sample_store, monkeypatch):
    fake = FakeMap(click=MINSK_CLICK)
    at = run(sample_store, monkeypatch, fake)
    assert counts(at).startswith("**9 of 9 events**")
    summit = next(e for e in _minsk_events(sample_store) if e.type == "summit")
    at.button(key=f"gt-fix-panel-{summit.id}-reject").click()
    rerun(at, fake)
    assert counts(at).startswith("**8 of 8 events**")
    assert "Rejected: Summit · Minsk, Belarus · 2024-12-06 → not an event" in html(at)
    [listed] = [b for b in at.button if b.label == "Undo"]
    listed.click()
    rerun(at, fake)
    assert counts(at).startswith("**9 of 9 events**")
    with Store(sample_store) as store:
        assert fix.load_corrections(store) == []


def test_an_actor_with_markup_is_added_and_shown_as_text(sample_store, monkeypatch):
    fake = FakeMap(click=MINSK_CLICK)
    at = run(sample_store, monkeypatch, fake)
    at.text_input(key=correct.K_EDITOR).set_value("Ann")
    visit = next(e for e in _minsk_events(sample_store) if e.type == "visit")
    at.text_input(key=f"gt-fix-panel-{visit.id}-actor").set_value("<img src=x onerror=alert(1)>")
    at.button(key=f"gt-fix-panel-{visit.id}-actor-go").click()
    rerun(at, fake)
    page = html(at)
    assert "<img src=x" not in page
    assert "Actors: Vladimir Putin, &lt;img src=x onerror=alert(1)&gt;</div>" in page
    assert "corrected: actor" in page
    with Store(sample_store) as store:
        [made] = fix.load_corrections(store)
    assert (made.by, made.after) == ("Ann", {"actor": "<img src=x onerror=alert(1)>"})


def test_an_unlocated_mention_gets_a_place(tmp_path, monkeypatch):
    store_path = fx.fill_store(tmp_path / "u.sqlite", unlocated=True)
    fake = FakeMap()
    at = run(store_path, monkeypatch, fake)
    assert "<b>Not on the map: 1 mention</b>" in html(at)
    with Store(store_path) as store:
        [mention] = [e for e in store.events() if e.lat is None]
    key = f"gt-fix-place-{mention.id}"
    at.text_input(key=f"{key}-place-q").set_value("Strelna")
    rerun(at, fake)
    assert at.selectbox(key=f"{key}-place-p").value.country_code == "RU"
    at.button(key=f"{key}-place-go").click()
    rerun(at, fake)
    assert "<b>Not on the map: 0 mentions</b>" in html(at)
    assert len(fake.payload()["lat"]) == 10
    # The panel follows the event to its new place (the fixture's palace meeting is there too).
    assert "<b>Strel&#x27;na, Russia</b> · 2 events at this marker" in html(at)


def test_a_missed_event_is_added_from_a_passage(sample_store, monkeypatch):
    fake = FakeMap(click=MINSK_CLICK)
    at = run(sample_store, monkeypatch, fake)
    at.selectbox(key="gt-add-type").set_value("exercise")
    at.text_input(key="gt-add-place-q").set_value("Brest, France")
    rerun(at, fake)
    at.selectbox(key="gt-add-date-g").set_value("year")
    rerun(at, fake)
    at.date_input(key="gt-add-date-s").set_value(dt.date(2024, 3, 3))
    at.button(key="gt-add-go").click()
    rerun(at, fake)
    assert counts(at).startswith("**10 of 10 events**")
    with Store(sample_store) as store:
        [added] = fix.corrected_events(store).events[-1:]
    assert (added.type, added.country_code, added.date_granularity) == ("exercise", "FR", "year")
    assert added.evidence in fx.ARTICLE_DEC.text


def test_corrections_exported_from_one_store_import_into_another(tmp_path, monkeypatch):
    source = fx.fill_store(tmp_path / "a.sqlite")
    with Store(source) as store:
        event = next(e for e in store.events() if e.type == "summit")
        fix.save(store, [fix.reject(event, by="Ann")])
    exported = correct.export_bytes(source)
    fake = FakeMap()
    at = run(fx.fill_store(tmp_path / "b.sqlite"), monkeypatch, fake)
    assert counts(at).startswith("**9 of 9 events**")
    uploader = next(u for u in at.file_uploader if u.label == "Import corrections")
    uploader.upload("fixes.jsonl", exported, "application/jsonl")
    next(b for b in at.button if b.label == "Import").click()
    rerun(at, fake)
    assert counts(at).startswith("**8 of 8 events**")
    assert "fixes.jsonl: 1 correction imported, 0 already here" in html(at)
    uploader = next(u for u in at.file_uploader if u.label == "Import corrections")
    uploader.upload("bad.jsonl", b'{"article": "x"}\n', "application/jsonl")
    next(b for b in at.button if b.label == "Import").click()
    rerun(at, fake)
    assert "Not imported: bad.jsonl, line 1: not a correction line" in html(at)
