"""The correction layer: making, applying, storing, exporting and importing corrections."""

import dataclasses
import datetime as dt
import io
import json

import pytest

from events import corrections as c
from events.export import RECORD_FIELDS
from events.model import Article, Span
from events.store import Store
from gazetteer import Place

GOLD_FIELDS = ("article", "type", "place", "resolved", "lat", "lon", "place_level",
               "uncertainty_km", "date", "date_granularity", "date_basis", "reported", "actors",
               "evidence")
BREST_BY = Place(id="629634", name="Brest", country_code="BY", admin1="Brest", level="city",
                 lat=52.09755, lon=23.68775, population=347138, alt_names=("Брэст",))
HRODNA = Place(id="627904", name="Hrodna", country_code="BY", admin1="Grodnenskaya",
               level="city", lat=53.6884, lon=23.8258, population=356900,
               alt_names=("Grodno",))


def article(text: str = "Troops near Brest. Putin met Lukashenko in Minsk on December 1.") -> Article:
    return Article(id="a1", text=text, title="T", published=dt.date(2024, 12, 4))


@pytest.fixture
def two(make_event):
    """A deployment placed in France by mistake and a meeting in Minsk, both of article a1."""
    text = article().text
    wrong = make_event("a1", 0, type="deployment", evidence="Troops near Brest.",
                       evidence_start=0, evidence_end=18, place_id="3030300",
                       place_name="Brest", place_text="Brest", place_span=dataclasses.replace(
                           make_event("a1").place_span, start=12, end=17),
                       country_code="FR", lat=48.39, lon=-4.49)
    meeting = make_event("a1", 1, evidence=text[19:], evidence_start=19, evidence_end=len(text))
    return wrong, meeting


def test_each_kind_changes_only_its_fields(two):
    wrong, meeting = two
    made = [
        c.change_place(wrong, BREST_BY, by="Ann"),
        c.change_type(meeting, "visit"),
        c.change_date(meeting, "month", dt.date(2024, 5, 17)),
        c.add_actor(meeting, "  Xi   Jinping "),
    ]
    result = c.apply([wrong, meeting], made)
    placed, changed = result.events
    assert result.orphaned == []
    assert (placed.country_code, placed.lat, placed.place_id) == ("BY", 52.09755, "629634")
    assert placed.place_span == wrong.place_span  # the text's "Brest" names the chosen place
    assert placed.type == wrong.type and placed.corrected == ("place",)
    assert changed.type == "visit" and changed.cameo == "042"
    assert (changed.date_start, changed.date_end) == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert changed.date_granularity == "month" and changed.date_span is None
    assert changed.actors == (*meeting.actors, "Xi Jinping")
    assert changed.corrected == ("type", "date", "actor")
    assert changed.place_id == meeting.place_id


def test_reject_drops_the_event_and_undo_brings_it_back(store, two):
    wrong, meeting = two
    store.add(article(), [wrong, meeting])
    correction = c.reject(wrong, by="Ann")
    assert c.save(store, [correction]) == 1
    assert [e.id for e in c.corrected_events(store).events] == [meeting.id]
    assert c.undo(store, correction.id) is True
    assert c.undo(store, correction.id) is False
    assert [e.id for e in c.corrected_events(store).events] == [wrong.id, meeting.id]


def test_later_corrections_stay_tied_to_the_extracted_event(two):
    _, meeting = two
    first = c.change_type(meeting, "visit")
    shown = c.apply([meeting], [first])
    visit = shown.events[0]
    # The next correction is made on the event as shown (a visit) but names the extracted one.
    second = c.change_place(visit, HRODNA, target=shown.target_of(visit))
    assert second.target.type == "meeting"
    again = c.apply([meeting], [first, second])
    assert again.orphaned == [] and again.events[0].place_name == "Hrodna"
    assert again.events[0].place_text == "Hrodna"  # "Minsk" does not name Hrodna
    assert again.events[0].place_span is None


def test_corrections_survive_reingesting_a_changed_article(store, two):
    wrong, meeting = two
    store.add(article(), [wrong, meeting])
    c.save(store, [c.change_place(wrong, BREST_BY), c.reject(meeting)])
    # The article gains a paragraph at the top: offsets and ids move, the passages do not.
    edited = article("Update: new text.\n" + article().text)
    shift = len("Update: new text.\n")
    moved = [dataclasses.replace(e, id=e.id + "-new", evidence_start=e.evidence_start + shift,
                                 evidence_end=e.evidence_end + shift) for e in (wrong, meeting)]
    store.add(edited, moved)
    result = c.corrected_events(store)
    assert [(e.id, e.country_code) for e in result.events] == [(wrong.id + "-new", "BY")]
    assert result.orphaned == []


def test_a_correction_whose_event_is_gone_is_kept_as_orphaned(store, two):
    wrong, meeting = two
    store.add(article(), [wrong, meeting])
    kept = c.change_place(wrong, BREST_BY)
    added = c.add_event("a1", "Troops near Brest.", 0, "exercise", place=BREST_BY)
    c.save(store, [kept, added])
    store.remove("a1")
    result = c.corrected_events(store)
    assert result.events == []
    assert {o.id for o in result.orphaned} == {kept.id, added.id}
    assert [x.id for x in c.load_corrections(store)] == [kept.id, added.id]


def test_an_added_event_follows_its_passage(store, two):
    wrong, meeting = two
    store.add(article(), [wrong, meeting])
    added = c.add_event("a1", "Troops near Brest.", 0, "exercise", place=BREST_BY,
                        granularity="year", start=dt.date(2024, 3, 3), actors=["Belarus"])
    c.save(store, [added])
    event = next(e for e in c.corrected_events(store).events if e.type == "exercise")
    assert (event.evidence_start, event.place_name, event.date_granularity) == (0, "Brest", "year")
    assert event.date_end == dt.date(2024, 12, 31) and event.actors == ("Belarus",)
    assert event.corrected == ("add",) and event.cameo
    # The article is edited above the passage: the added event moves with it.
    store.add(article("New lead.\n" + article().text), [])
    event = c.corrected_events(store).events[0]
    assert event.evidence_start == len("New lead.\n") and event.type == "exercise"


def test_bad_values_are_refused_with_the_value():
    with pytest.raises(c.CorrectionError, match="'party'"):
        c.add_event("a1", "x", 0, "party")
    with pytest.raises(c.CorrectionError, match="range needs an end"):
        c.date_interval("range", dt.date(2024, 5, 2), dt.date(2024, 5, 1))
    with pytest.raises(c.CorrectionError, match="'fortnight'"):
        c.date_interval("fortnight", dt.date(2024, 5, 2))
    with pytest.raises(c.CorrectionError, match="non-empty actor name"):
        c.clean_name("   ", what="actor name")
    with pytest.raises(c.CorrectionError, match="unknown correction kind 'merge'"):
        c.Correction(id="x", kind="merge", target=c.Target("a", "e", "visit"))


@pytest.mark.parametrize(("granularity", "start", "end", "expected"), [
    ("day", dt.date(2024, 2, 29), None, (dt.date(2024, 2, 29), dt.date(2024, 2, 29))),
    ("month", dt.date(2024, 12, 9), None, (dt.date(2024, 12, 1), dt.date(2024, 12, 31))),
    ("month", dt.date(2023, 2, 9), None, (dt.date(2023, 2, 1), dt.date(2023, 2, 28))),
    ("year", dt.date(2022, 6, 1), None, (dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
    ("range", dt.date(2022, 6, 1), dt.date(2022, 6, 4), (dt.date(2022, 6, 1), dt.date(2022, 6, 4))),
    ("none", dt.date(2022, 6, 1), None, (None, None)),
])
def test_date_interval(granularity, start, end, expected):
    assert c.date_interval(granularity, start, end) == expected


def test_export_lines_carry_gold_fields_and_import_into_another_store(tmp_path, store, two):
    wrong, meeting = two
    store.add(article(), [wrong, meeting])
    made = [c.change_place(wrong, BREST_BY, by="Ann <b>"), c.reject(meeting)]
    c.save(store, made)
    out = io.StringIO()
    assert c.write_jsonl(store, out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert list(lines[0])[: len(GOLD_FIELDS)] == list(GOLD_FIELDS)
    assert set(RECORD_FIELDS) <= set(lines[0])
    assert lines[0]["resolved"] == "Brest, BY" and lines[0]["corrected"] == ["place"]
    assert lines[0]["correction"]["by"] == "Ann <b>"
    assert lines[0]["correction"]["before"]["country_code"] == "FR"
    assert lines[1]["corrected"] == ["reject"] and lines[1]["correction"]["kind"] == "reject"
    with Store(tmp_path / "other.sqlite") as other:
        other.add(article(), [wrong, meeting])
        found = c.read_jsonl(io.StringIO(out.getvalue()))
        assert c.save(other, found) == 2
        assert c.save(other, found) == 0  # the same file again changes nothing
        assert c.load_corrections(other) == c.load_corrections(store)
        assert [e.country_code for e in c.corrected_events(other).events] == ["BY"]


def test_an_orphan_is_exported_with_its_own_values(store, two):
    wrong, _ = two
    c.save(store, [c.change_place(wrong, BREST_BY)])  # its article was never stored
    out = io.StringIO()
    c.write_jsonl(store, out)
    line = json.loads(out.getvalue())
    assert line["correction"]["orphaned"] is True
    assert (line["article"], line["resolved"], line["type"]) == ("a1", "Brest, BY", "deployment")


def test_a_bad_import_line_is_named():
    with pytest.raises(c.CorrectionError, match="line 2: .*no 'correction'"):
        c.read_jsonl(io.StringIO('\n{"article": "a1"}\n'))
    with pytest.raises(c.CorrectionError, match="line 1"):
        c.read_jsonl(io.StringIO("{not json\n"))


def test_two_events_of_one_passage_are_told_apart_by_their_event_word(make_event):
    text = "Putin met Lukashenko in Minsk in May and visited Minsk in June."
    may = make_event("a1", 0, evidence=text, trigger_span=Span(6, 9))
    june = make_event("a1", 1, evidence=text, trigger_span=Span(40, 47))
    result = c.apply([may, june], [c.reject(june)])
    assert [e.id for e in result.events] == [may.id]
    # Re-extracted with the event word found elsewhere ("visited" -> "visited Minsk"): the
    # only event left of that type and place in the passage is still the one corrected.
    moved = dataclasses.replace(may, trigger_span=Span(5, 9))
    assert c.apply([moved], [c.change_type(may, "summit")]).events[0].type == "summit"
    both = [dataclasses.replace(may, trigger_span=Span(0, 1)), june]
    assert c.apply(both, [c.change_type(may, "summit")]).orphaned != []


@pytest.mark.parametrize(("kind", "after", "message"), [
    ("type", {"type": "party"}, "needs a type"),
    ("place", {"place_id": "1", "place_name": "X"}, "needs place_id"),
    ("place", {**c.place_values(BREST_BY, ""), "lat": "north"}, "numbers for lat and lon"),
    ("date", {"date_granularity": "fortnight"}, "date_granularity"),
    ("actor", {"actor": None}, "actor name"),
    ("add", {"type": "visit", "date_granularity": "eon"}, "date_granularity"),
])
def test_a_correction_with_bad_values_is_refused(kind, after, message):
    with pytest.raises(c.CorrectionError, match=message):
        c.Correction(id="x", kind=kind, target=c.Target("a", "e", "visit"), after=after)
    line = {"correction": {"id": "x", "kind": kind, "after": after,
                           "target": {"article": "a", "evidence": "e", "type": "visit"}}}
    with pytest.raises(c.CorrectionError, match="line 1: .*" + message):
        c.read_jsonl(io.StringIO(json.dumps(line) + "\n"))


def test_a_view_reads_the_corrections_of_its_articles_only(store, make_event):
    first, second = make_event("a1", 0), make_event("b2", 0)
    made = [c.reject(second), c.change_type(first, "visit"), c.add_actor(first, "X")]
    c.save(store, made)
    assert c.load_corrections(store) == made
    with store.connection() as conn:
        assert c.read_corrections(conn) == made
        assert c.read_corrections(conn, ["a1"]) == made[1:]
        assert c.read_corrections(conn, iter(["b2", "zz"])) == made[:1]
        assert c.read_corrections(conn, []) == []
