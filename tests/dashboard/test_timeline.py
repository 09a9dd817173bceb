import datetime as dt

import pandas as pd

from dashboard import timeline


def traces_by_name(fig):
    return {f"{trace.name} ({trace.meta})": trace for trace in fig.data if trace.meta}


def test_rows_symbols_and_intervals(frame):
    fig = timeline.build_timeline(frame)
    traces = traces_by_name(fig)
    assert fig.layout.yaxis.ticktext == ("Meeting", "Visit", "Summit", "Deployment")
    # Known to the day: filled dots at the date.
    summit = traces["Summit (day)"]
    assert summit.marker.symbol == "circle"
    assert sorted(pd.to_datetime(summit.x).date) == [dt.date(2024, 11, 28), dt.date(2024, 12, 6)]
    # Undated: hollow rings at the report date.
    undated = traces["Deployment (undated, at report date)"]
    assert undated.marker.symbol == "circle-open"
    assert set(pd.to_datetime(undated.x).date) == {dt.date(2023, 7, 23)}
    # A month is a bar from its first day to the end of its last day.
    bars = [t for t in fig.data if t.mode == "lines"]
    segments = {(pd.Timestamp(x0).date(), pd.Timestamp(x1).date())
                for bar in bars for x0, x1 in zip(bar.x[0::3], bar.x[1::3], strict=True)}
    assert (dt.date(2024, 5, 1), dt.date(2024, 6, 1)) in segments
    assert (dt.date(2022, 12, 1), dt.date(2023, 1, 1)) in segments


def test_hover_shows_the_passage_escaped(frame):
    fig = timeline.build_timeline(frame)
    hovers = [h for trace in fig.data if trace.hovertext for h in trace.hovertext]
    xss = next(h for h in hovers if "xss" in h)
    assert "<script" not in xss and "<img" not in xss
    assert "&lt;img src=x" in xss
    assert any("scheduled for December 6 in Minsk." in h.replace("<br>", " ") for h in hovers)


def test_selection_to_date_range(frame):
    box = {"box": [{"x": ["2024-05-10 12:00:00", "2024-06-02"], "y": [0, 3]}], "points": []}
    assert timeline.selected_range(box, frame) == (dt.date(2024, 5, 10), dt.date(2024, 6, 2))
    may = frame.loc[frame["date_label"] == "May 2024", "id"].iloc[0]
    points = {"box": [], "points": [{"customdata": may}]}
    assert timeline.selected_range(points, frame) == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert timeline.selected_range({"box": [], "points": []}, frame) is None
    assert timeline.selected_range(None, frame) is None


def test_many_events_become_counts_per_month():
    from big_store import synthetic_frame

    frame = synthetic_frame(timeline.MAX_POINTS + 500)
    fig = timeline.build_timeline(frame)
    assert {trace.type for trace in fig.data} == {"bar"}
    dated = frame["when_start"].notna().sum()
    assert sum(sum(trace.y) for trace in fig.data) == dated
    box = {"box": [{"x": ["2020-01-01", "2020-03-31"]}], "points": []}
    assert timeline.selected_range(box, frame) == (dt.date(2020, 1, 1), dt.date(2020, 3, 31))


def test_events_at_the_selected_marker_are_ringed(frame):
    minsk = frame[frame["place"] == "Minsk, Belarus"]
    fig = timeline.build_timeline(frame, highlight=minsk["id"])
    rings = [t for t in fig.data if t.meta == "selected"]
    assert len(rings) == 1
    ringed = sorted(pd.Timestamp(x).date() for x in rings[0].x)
    # The 6 December summit's dot, and the May 2024 visit's mid-month dot.
    assert ringed == [dt.date(2024, 5, 16), dt.date(2024, 12, 6)]
    assert not [t for t in timeline.build_timeline(frame).data if t.meta == "selected"]
