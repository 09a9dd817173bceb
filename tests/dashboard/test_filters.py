import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard import filters
from dashboard.filters import Filters

D = dt.date


def places(frame):
    return sorted(frame["place"] + " " + frame["type"])


def test_no_filters_keep_everything(frame):
    assert len(filters.apply(frame, Filters())) == len(frame)


def test_month_event_kept_when_its_month_overlaps_the_range(frame):
    kept = filters.apply(frame, Filters(start=D(2024, 5, 20), end=D(2024, 6, 10)))
    labels = set(kept["date_label"])
    assert "May 2024" in labels  # 1-31 May overlaps 20 May - 10 June
    assert "1 June 2024" in labels
    assert "6 December 2024" not in labels


def test_range_edges_are_inclusive(frame):
    kept = filters.apply(frame, Filters(start=D(2024, 12, 6), end=D(2024, 12, 6)))
    assert list(kept["date_label"]) == ["6 December 2024"]


def test_undated_events_follow_their_report_date(frame):
    july = filters.apply(frame, Filters(start=D(2023, 7, 1), end=D(2023, 7, 31)))
    assert len(july) == 5 and july["undated"].all()  # palace, Poland, Brest, Grodno, unlocated
    assert filters.apply(frame, Filters(start=D(2023, 7, 1), end=D(2023, 7, 31),
                                        include_undated=False)).empty


def test_approximate_toggle_drops_month_country_and_radius_events(frame):
    kept = filters.apply(frame, Filters(include_approximate=False))
    assert not kept["approximate"].any()
    dropped = set(frame["place"]) - set(kept["place"])
    assert {"Belarus", "Poland", "Brest, Belarus", "Grodno, Belarus"} <= dropped
    assert "May 2024" not in set(kept["date_label"])


def test_type_country_actor_and_text(frame):
    assert set(filters.apply(frame, Filters(types=("summit",)))["type"]) == {"summit"}
    assert set(filters.apply(frame, Filters(countries=("KZ",)))["place"]) == {"Astana, Kazakhstan"}
    mezentsev = filters.apply(frame, Filters(actors=("Dmitry Mezentsev",)))
    assert list(mezentsev["place"]) == ["Kremlin, Russia"]
    assert list(filters.apply(frame, Filters(text="  SUPREME state "))["place"]) == [
        "Minsk, Belarus"
    ]
    # Text is matched literally, not as a regular expression.
    assert filters.apply(frame, Filters(text="(.*")).empty


def test_filters_combine(frame):
    kept = filters.apply(frame, Filters(types=("deployment",), include_undated=False))
    assert list(kept["place"]) == ["Belarus"]


def test_data_span_and_clamp(frame):
    span = filters.data_span(frame)
    assert span == (D(2022, 12, 1), D(2024, 12, 6))
    assert filters.clamp(Filters(start=D(2000, 1, 1), end=D(2030, 1, 1)), span) == Filters()
    assert filters.clamp(Filters(start=D(2024, 1, 1)), span).start == D(2024, 1, 1)
    assert filters.clamp(Filters(start=D(2024, 2, 1), end=D(2024, 1, 1)), span) == Filters(
        start=D(2024, 1, 1), end=D(2024, 2, 1)
    )


def test_query_leaves_defaults_out():
    assert filters.to_query(Filters()) == {}
    query = filters.to_query(Filters(types=("visit", "summit"), include_undated=False))
    assert query == {"type": ["visit", "summit"], "undated": "0"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"from": "2024-13-45", "to": "nonsense"}, Filters()),
        ({"type": ["summit", "<script>"]}, Filters(types=("summit",))),
        ({"country": "by"}, Filters(countries=("BY",))),
        ({"undated": "false", "approx": "0"},
         Filters(include_undated=False, include_approximate=False)),
        ({"q": ["a", "b"]}, Filters(text="b")),
    ],
)
def test_from_query_is_lenient(query, expected):
    assert filters.from_query(query) == expected


names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s
)


@given(
    start=st.none() | st.dates(), end=st.none() | st.dates(),
    types=st.lists(st.sampled_from(["meeting", "visit", "summit", "deployment", "exercise"]),
                   unique=True, max_size=3),
    countries=st.lists(st.sampled_from(["BY", "RU", "PL", "KZ"]), unique=True, max_size=3),
    actors=st.lists(names, unique=True, max_size=3),
    text=st.text(max_size=20), undated=st.booleans(), approx=st.booleans(),
)
def test_query_round_trip(start, end, types, countries, actors, text, undated, approx):
    chosen = Filters(start=start, end=end, types=tuple(types), countries=tuple(countries),
                     actors=tuple(actors), text=text, include_undated=undated,
                     include_approximate=approx)
    assert filters.from_query(filters.to_query(chosen)) == chosen


def _days(starts):
    import dataclasses

    import dash_fixtures as fx

    from dashboard.data import events_frame

    base = fx.sample_events()[1]
    events = [dataclasses.replace(base, id=f"e{i}", date_start=day, date_end=day)
              for i, day in enumerate(starts)]
    return events_frame(events, {a.id: a for a in fx.sample_articles()})


def test_bulk_span_leaves_out_a_stray_year_but_not_edge_events():
    import datetime as dt

    from dashboard.filters import bulk_span, data_span

    days = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(60)]
    stray = _days(days + [dt.date(1721, 3, 1)])
    assert data_span(stray)[0] == dt.date(1721, 3, 1)
    assert bulk_span(stray) == (dt.date(2024, 1, 1), dt.date(2024, 2, 29))
    # A few events a couple of months apart are no strays: the range stays whole.
    edge = _days(days + [dt.date(2023, 10, 1)])
    assert bulk_span(edge) == data_span(edge)
    # Too few events for 98% to leave one out: the whole span.
    few = _days(days[:5] + [dt.date(1721, 3, 1)])
    assert bulk_span(few) == data_span(few)


def test_why_empty_names_each_filter_and_what_it_keeps(frame):
    import datetime as dt

    from dashboard.filters import Filters, apply, why_empty

    chosen = Filters(types=("summit",), countries=("PL",))
    assert apply(frame, chosen).empty
    assert why_empty(frame, chosen) == (
        "No event passes all the filters together: type Summit keeps 2 of 11; "
        "country Poland keeps 1 of 11."
    )
    dates = Filters(start=dt.date(2020, 1, 1), end=dt.date(2020, 2, 1), text="<i>")
    assert why_empty(frame, dates).startswith(
        "No event passes all the filters together: dates 2020-01-01 to 2020-02-01 keeps ")
    assert "search “<i>” keeps 0 of 11" in why_empty(frame, dates)
    assert why_empty(frame.iloc[0:0], Filters()).startswith("The store has no events yet")
