import json

import dash_fixtures as fx

from dashboard import itinerary, mapview
from dashboard.data import events_frame


def test_a_trip_is_the_actors_dated_located_events_in_date_order(frame):
    journey = itinerary.trip(frame, "Vladimir Putin")
    labels = [label for _, _, label in journey.stops]
    # May visit (Minsk), Astana summit, Kremlin meeting, Minsk summit; the undated St. Petersburg
    # meeting (and its unlocated copy) cannot be a stop.
    assert labels == ["1 · May 2024", "2 · 28 November 2024", "3 · 3 December 2024",
                      "4 · 6 December 2024"]
    assert journey.stops[1][:2] == (51.1801, 71.44598)
    assert journey.left_out == 2
    assert itinerary.summary(journey).startswith("Itinerary of Vladimir Putin: 4 stops")


def test_consecutive_events_at_one_place_are_one_stop():
    import dataclasses
    import datetime as dt

    events = fx.sample_events()
    summit = events[1]
    again = dataclasses.replace(summit, id="again", date_start=dt.date(2024, 12, 7),
                                date_end=dt.date(2024, 12, 7))
    frame = events_frame([summit, again, events[0]], {a.id: a for a in fx.sample_articles()})
    journey = itinerary.trip(frame, "Vladimir Putin")
    assert [label for _, _, label in journey.stops] == [
        "1 · 3 December 2024", "2 · 6 December 2024; 7 December 2024"]


def test_the_layer_sends_labels_as_inert_json(frame):
    journey = itinerary.trip(frame, "Vladimir Putin")
    fmap = mapview.build_map(frame)
    itinerary.ItineraryLayer(journey).add_to(fmap)
    html = fmap.get_root().render()
    assert "gtItinerary(" in html
    layer = next(c for c in fmap._children.values() if isinstance(c, itinerary.ItineraryLayer))
    payload = json.loads(layer.payload)
    assert payload["label"][0] == "1 · May 2024" and len(payload["lat"]) == 4
    # Minsk is stop 1 and stop 4: one label with both lines.
    minsk = [text for lat, lon, text in payload["places"] if (lat, lon) == (53.9, 27.56667)]
    assert minsk == ["1 · May 2024\n4 · 6 December 2024"]
    assert len(payload["places"]) == 3
    hostile = itinerary.trip(frame, "<script>alert('xss-actor')</script>")
    assert [label for _, _, label in hostile.stops] == ["1 · 1 June 2024"]
