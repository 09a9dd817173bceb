import datetime as dt
from dataclasses import replace

import pytest

from events.extract.dedupe import deduplicate
from events.model import Event, Span

PALACE = dict(place_id="supp:konstantinovsky", place_name="Konstantinovsky Palace", lat=59.8556,
              lon=30.0614, place_level="landmark", country_code="RU")
CITY = dict(place_id="498817", place_name="Saint Petersburg", lat=59.9386, lon=30.3141,
            place_level="city", country_code="RU")
RUSSIA = dict(place_id="country:RU", place_name="Russia", lat=60.0, lon=100.0, place_level="country",
              country_code="RU")


def _event(evidence, trigger="met", type_="meeting", day=None, date_text="", actors=(), **place):
    start = evidence.index(trigger)
    date = dict(date_start=day, date_end=day, date_granularity="day", date_text=date_text) if day else {}
    return Event(id=f"{evidence[:8]}{type_}", type=type_, cameo="040", article_id="a",
                 evidence=evidence, evidence_start=hash(evidence) % 1000, evidence_end=0,
                 trigger_span=Span(start, start + len(trigger)), actors=actors, **date, **place)


def test_a_landmark_and_its_city_are_one_event_at_the_landmark_with_every_actor():
    at_palace = _event("They met at the palace.", actors=("Vladimir Putin",), **PALACE)
    in_city = _event("They met in the city.", day=dt.date(2023, 7, 23), actors=("Alexander Lukashenko",), **CITY)
    [merged] = deduplicate([in_city, at_palace])
    assert merged.place_level == "landmark"
    assert merged.date_start == dt.date(2023, 7, 23) and merged.date_basis == "context"
    assert set(merged.actors) == {"Vladimir Putin", "Alexander Lukashenko"}


def test_different_days_and_far_places_stay_apart():
    monday = _event("They met Monday.", day=dt.date(2006, 12, 4), **CITY)
    sunday = _event("They met Sunday.", day=dt.date(2006, 12, 3), **CITY)
    moscow = _event("They met in Moscow.", day=dt.date(2006, 12, 3), place_id="524901",
                    place_name="Moscow", lat=55.75, lon=37.62, place_level="city", country_code="RU")
    assert len(deduplicate([monday, sunday, moscow])) == 3


@pytest.mark.parametrize(("ongoing", "started"), [
    # "currently" gives way to the arrival date
    (("A delegation is currently paying a visit.", "visit", dt.date(2005, 11, 29), "currently", CITY),
     ("The delegation arrived on Saturday.", "arrived", dt.date(2005, 11, 26), "Saturday", CITY)),
    # the current visit is the visit that began on Monday
    (("His current visit is a milestone.", "visit", dt.date(2006, 11, 22), "current", CITY),
     ("He started his visit on Monday.", "visit", dt.date(2006, 11, 20), "Monday", CITY)),
    # now visiting the country is the stay that began in its city
    (("He is now visiting Russia.", "visiting", dt.date(2006, 11, 3), "now", RUSSIA),
     ("He arrived in the city on Thursday.", "arrived", dt.date(2006, 11, 2), "Thursday", CITY)),
])
def test_a_stay_under_way_is_the_stay_that_began_on_its_start_day(ongoing, started):
    events = [_event(text, trigger=trigger, type_="visit", day=day, date_text=date_text, **place)
              for text, trigger, day, date_text, place in (ongoing, started)]
    [merged] = deduplicate(events)
    assert merged.date_start == started[2]


def test_talks_today_are_another_round_than_talks_on_monday():
    today = _event("The talks will resume today.", trigger="talks", day=dt.date(2005, 11, 30),
                   date_text="today", **CITY)
    monday = _event("Negotiators met on Monday.", day=dt.date(2005, 11, 28), date_text="Monday", **CITY)
    assert {e.date_start for e in deduplicate([today, monday])} == {dt.date(2005, 11, 28), dt.date(2005, 11, 30)}


def test_forces_in_a_city_and_others_sent_to_its_country_stay_two_deployments():
    # "German peacekeepers are already in X. The Finnish battalion will deploy in <country> on
    # August 25.": other forces, another event; the city's does not take the country's date.
    state = _event("Peacekeepers are already in the city.", trigger="Peacekeepers", type_="deployment", **CITY)
    move = _event("The battalion will deploy in the country.", trigger="deploy", type_="deployment",
                  day=dt.date(2023, 8, 25), **RUSSIA)
    kept = deduplicate([state, move])
    assert {(e.place_level, e.date_start) for e in kept} == {("city", None), ("country", dt.date(2023, 8, 25))}


def test_state_visits_to_named_places_are_one_each_and_meet_their_dated_report():
    plural = _event("He paid state visits to Russia and Kazakhstan.", trigger="visits", type_="visit", **RUSSIA)
    dated = _event("His visit to the country began on Monday.", trigger="visit", type_="visit",
                   day=dt.date(2023, 7, 24), **RUSSIA)
    assert [e.date_start for e in deduplicate([plural, dated])] == [dt.date(2023, 7, 24)]
    several = _event("He paid several visits to Russia.", trigger="visits", type_="visit", **RUSSIA)
    assert len(deduplicate([several, dated])) == 2


def test_an_undated_country_meeting_joins_the_dated_one_in_a_city_but_plurals_do_not():
    country = _event("Talks in Russia covered a wide range.", trigger="Talks", **RUSSIA)
    city = _event("They met in the city on Monday.", day=dt.date(2006, 12, 4), **CITY)
    assert len(deduplicate([country, city])) == 1
    several = replace(_event("They held several meetings in Russia.", trigger="meetings", **RUSSIA))
    assert len(deduplicate([several, city])) == 2


def test_an_anaphoric_meeting_at_a_summit_is_the_summit():
    summit = _event("The Supreme State Council meets on December 6 in Minsk.", trigger="Supreme State Council",
                    type_="summit", day=dt.date(2024, 12, 6), **CITY)
    meeting = _event("The December 6th meeting in Minsk matters.", trigger="meeting",
                     day=dt.date(2024, 12, 6), **CITY)
    held = _event("Putin and Lukashenko held ten meetings at the summit.", trigger="meetings",
                  day=dt.date(2024, 12, 6), **CITY)
    kept = deduplicate([summit, meeting, held])
    assert sorted(e.evidence for e in kept) == sorted([summit.evidence, held.evidence])
