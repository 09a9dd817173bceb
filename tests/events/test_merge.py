import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.merge import merge
from events.model import Event, Span


def _event(article, type_="summit", place_id="625144", lat=53.9, lon=27.567, day=6, month=12,
           granularity="day", actors=(), reported=dt.date(2024, 12, 4)):
    start = dt.date(2024, month, day) if granularity == "day" else dt.date(2024, month, 1)
    end = start if granularity == "day" else dt.date(2024, month, 31)
    return Event(id=f"{article}-{type_}", type=type_, cameo="044", article_id=article,
                 evidence="...", evidence_start=0, evidence_end=3, trigger_span=Span(0, 3),
                 date_start=start, date_end=end, date_granularity=granularity,
                 place_id=place_id, lat=lat, lon=lon, actors=actors, reported=reported,
                 sources=(article,))


def test_same_summit_in_two_articles_becomes_one_with_both_sources():
    a = _event("a", actors=("Vladimir Putin",), reported=dt.date(2024, 12, 4))
    b = _event("b", actors=("Alexander Lukashenko",), reported=dt.date(2024, 12, 5))
    [merged] = merge([b, a])
    assert merged.sources == ("a", "b")
    assert merged.article_id == "a"  # the earliest report leads
    assert set(merged.actors) == {"Vladimir Putin", "Alexander Lukashenko"}


def test_month_report_takes_the_finer_date_of_another_report():
    month = _event("a", granularity="month", reported=dt.date(2024, 12, 1))
    day = _event("b", day=6, reported=dt.date(2024, 12, 2))
    [merged] = merge([month, day])
    assert (merged.date_start, merged.date_granularity) == (dt.date(2024, 12, 6), "day")


def test_different_type_place_or_date_stay_apart():
    base = _event("a")
    events = [base, _event("b", type_="visit"), _event("c", place_id="x", lat=51.18, lon=71.45),
              _event("d", day=9)]
    assert len(merge(events)) == 4


def test_undated_events_are_not_merged_across_articles():
    from dataclasses import replace

    a = replace(_event("a"), date_start=None, date_end=None, date_granularity="none")
    b = replace(_event("b"), date_start=None, date_end=None, date_granularity="none")
    assert len(merge([a, b])) == 2


def test_merge_does_not_depend_on_input_order():
    events = [_event("a"), _event("b", reported=dt.date(2024, 12, 5)), _event("c", day=9)]
    assert merge(events) == merge(list(reversed(events)))


def _reference_merge(events):
    """The definition, compared pairwise with every merged event (quadratic, for checking)."""
    from events.merge import _combine, _same

    ordered = sorted(events, key=lambda e: (e.reported is None, e.reported or 0, e.article_id, e.id))
    merged = []
    for event in ordered:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(event)
        else:
            merged[merged.index(twin)] = _combine(twin, event)
    return merged


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(
    st.sampled_from("abcdef"), st.sampled_from(["summit", "visit"]),
    st.floats(min_value=-89.9, max_value=89.9), st.floats(min_value=-179.9, max_value=179.9),
    st.integers(min_value=1, max_value=4), st.booleans()), max_size=25))
def test_the_grid_index_merges_exactly_like_comparing_every_pair(specs):
    import random

    events = []
    for n, (article, kind, lat, lon, day, near) in enumerate(specs):
        if near and events:  # a second report a few km from an earlier one
            base = random.Random(n).choice(events)
            # (towards the equator, so that chains of near reports stay valid latitudes)
            lat, lon = base.lat - 0.03 if base.lat > 0 else base.lat + 0.03, base.lon - 0.03
        events.append(_event(article, type_=kind, place_id=f"p{n}", lat=lat, lon=lon, day=day,
                             reported=dt.date(2024, 12, 1 + n % 20)))
    assert merge(events) == _reference_merge(events)


@pytest.mark.parametrize(("first", "second"), [
    ((89.75, 0.0), (89.75, 11.0)),  # 5 km apart near the pole, eleven degrees of longitude apart
    ((89.96, 10.0), (89.96, -170.0)),  # 9 km apart across the pole
    ((10.0, 179.98), (10.0, -179.98)),  # 4 km apart across the antimeridian
])
def test_reports_a_few_km_apart_merge_near_the_poles_and_the_antimeridian(first, second):
    a = _event("a", place_id="p1", lat=first[0], lon=first[1])
    b = _event("b", place_id="p2", lat=second[0], lon=second[1])
    assert len(merge([a, b])) == 1
    assert merge([a, b]) == _reference_merge([a, b])
