"""The timeline: a pure ``build_timeline(frame) -> plotly Figure`` and selection → date range.

One row per event type. Within a row, events known to the day are dots, events known only to a
month, a year or a span are bars covering that interval (with a dot in the middle to hover and
select), and undated events are hollow rings at their report date, a little below the row.
Hover text is escaped: plotly reads a few HTML-like tags in hover labels.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard import query
from dashboard.labels import type_color, type_label
from events.model import EVENT_TYPES

# Above this many events the timeline shows counts per day, week or month instead of each event.
MAX_POINTS = 5000
_LANE = {"span": 0.22, "day": 0.0, "undated": -0.22}


def _esc(text: str) -> str:
    # Plotly decodes &lt; &gt; &amp; in labels but not &quot;, and quotes are inert there.
    return html.escape(text, quote=False)


def _wrap(text: str, width: int = 80, lines: int = 5) -> str:
    parts = textwrap.wrap(text, width=width, max_lines=lines, placeholder=" …")
    return "<br>".join(_esc(part) for part in parts)


def hover_text(row: Mapping[str, Any]) -> str:
    head = f"<b>{_esc(type_label(row['type']))}</b> · {_esc(row['date_label'])}"
    return f"{head}<br>{_esc(row['place'])}<br><br>{_wrap(row['evidence'])}"


def _row_numbers(types: list[str]) -> dict[str, int]:
    return {t: len(types) - 1 - i for i, t in enumerate(types)}


def build_timeline(frame: pd.DataFrame, highlight: Iterable[str] = ()) -> go.Figure:
    """The figure for the events of ``frame`` (rows of ``data.events_frame``); the events whose
    ids are in ``highlight`` (those at the marker clicked on the map) are ringed."""
    rows = frame[frame["when_start"].notna()].sort_values("when_start")
    if len(rows) > MAX_POINTS:
        return _counts(rows)
    present = [t for t in EVENT_TYPES if t in set(rows["type"])]
    present += sorted(set(rows["type"]) - set(EVENT_TYPES))
    y_of = _row_numbers(present)
    fig = go.Figure()
    for event_type in present:
        of_type = rows[rows["type"] == event_type]
        colour = type_color(event_type)
        base = y_of[event_type]
        spans = of_type[~of_type["undated"] & (of_type["start"] != of_type["end"])]
        days = of_type[~of_type["undated"] & (of_type["start"] == of_type["end"])]
        undated = of_type[of_type["undated"]]
        # Trace names and tick labels are rendered as HTML by plotly (a stored type is data).
        name = _esc(type_label(event_type))
        if not spans.empty:
            xs: list[Any] = []
            ys: list[Any] = []
            for start, end in zip(spans["start"], spans["end"], strict=True):
                xs += [start, end + pd.Timedelta(days=1), None]
                ys += [base + _LANE["span"]] * 2 + [None]
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", line={"color": colour, "width": 9},
                opacity=0.55, hoverinfo="skip", showlegend=False, legendgroup=name,
            ))
            middle = spans["start"] + (spans["end"] - spans["start"]) / 2
            fig.add_trace(_points(spans, middle, base + _LANE["span"], colour, name,
                                  "line-ns-open", "month / year / span", size=12))
        if not days.empty:
            fig.add_trace(_points(days, days["start"], base, colour, name, "circle", "day"))
        if not undated.empty:
            fig.add_trace(_points(undated, undated["reported"], base + _LANE["undated"], colour,
                                  name, "circle-open", "undated, at report date"))
    # One legend entry per type, a plain dot in its colour; the symbols are explained below.
    for trace in fig.data:
        trace.showlegend = False
    for event_type in present:
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=_esc(type_label(event_type)),
            legendgroup=_esc(type_label(event_type)), hoverinfo="skip",
            marker={"color": type_color(event_type), "symbol": "circle", "size": 10},
        ))
    _ring(fig, set(highlight))
    ticks = [y_of[t] for t in present]
    fig.update_layout(
        height=120 + 60 * max(len(present), 1),
        margin={"l": 10, "r": 10, "t": 30, "b": 30},
        dragmode="select",
        selectdirection="h",
        hovermode="closest",
        hoverlabel={"align": "left"},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        xaxis={"type": "date", "title": None, "showgrid": True},
        yaxis={"tickvals": ticks, "ticktext": [_esc(type_label(t)) for t in present],
               "range": [-0.6, len(present) - 0.4], "fixedrange": True, "zeroline": False},
        clickmode="event+select",
    )
    return fig


def _ring(fig: go.Figure, ids: set[str]) -> None:
    """A dark ring around every drawn point of an event in ``ids``."""
    xs: list[Any] = []
    ys: list[Any] = []
    for trace in list(fig.data):
        if trace.customdata is None:
            continue
        for x, y, event_id in zip(trace.x, trace.y, trace.customdata, strict=True):
            if event_id in ids:
                xs.append(x)
                ys.append(y)
    if xs:
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers", name="at the selected marker", meta="selected",
            hoverinfo="skip", showlegend=False,
            marker={"symbol": "circle-open", "size": 22, "color": "#111",
                    "line": {"width": 3, "color": "#111"}},
        ))


def _counts(rows: pd.DataFrame) -> go.Figure:
    """Too many events to draw one by one: counts per day, week or month (``binned``)."""
    days = ((rows["when_start"] - pd.Timestamp(0)) // pd.Timedelta(days=1)).astype(int)
    counts = rows.assign(day=days).groupby(["day", "type"]).size()
    span = (rows["when_start"].min().date(), rows["when_end"].max().date())
    unit = query.timeline_unit(span)
    bins = query.timeline_bins(((d, t, int(n)) for (d, t), n in counts.items()), unit)
    return binned(bins, unit)


# A bar spans its day, week or month (plotly periods: milliseconds, or "M1").
_PERIOD = {"day": 86_400_000, "week": 7 * 86_400_000, "month": "M1"}
_UNIT_WORDS = {"day": ("day", "%d %B %Y"), "week": ("week", "week of %d %B %Y"),
               "month": ("month", "%B %Y")}


def binned(bins: Iterable[tuple[int, str, int]], unit: str) -> go.Figure:
    """Stacked bars of events per ``unit`` (day, week or month) and type, from
    ``query.timeline_bins`` rows (first day of the bin, type, events); an event counts in the
    bin of its first day, an undated one at its report date."""
    by_type: dict[str, tuple[list[dt.date], list[int]]] = {}
    for start, kind, n in bins:
        days, counts = by_type.setdefault(kind, ([], []))
        days.append(query.from_day(start))
        counts.append(n)
    word, when = _UNIT_WORDS[unit]
    fig = go.Figure()
    for event_type in [t for t in EVENT_TYPES if t in by_type] + sorted(
        set(by_type) - set(EVENT_TYPES)
    ):
        days, counts = by_type[event_type]
        # Trace names are rendered as HTML by plotly (a stored type is data).
        fig.add_trace(go.Bar(
            x=days, y=counts, name=_esc(type_label(event_type)),
            marker={"color": type_color(event_type)}, xperiod=_PERIOD[unit],
            xperiodalignment="middle",
            hovertemplate=f"%{{x|{when}}}: %{{y:,}} " + _esc(type_label(event_type))
            + "<extra></extra>",
        ))
    fig.update_layout(
        barmode="stack", bargap=0.1, height=320, dragmode="select", selectdirection="h",
        margin={"l": 10, "r": 10, "t": 30, "b": 30},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        xaxis={"type": "date"}, yaxis={"title": f"events per {word}", "fixedrange": True},
    )
    return fig


def _points(
    rows: pd.DataFrame, x: pd.Series, y: float, colour: str, name: str, symbol: str, kind: str,
    size: int = 10,
) -> go.Scatter:
    hover = [hover_text(row) for row in rows.to_dict("records")]
    return go.Scatter(
        x=x, y=[y] * len(rows), mode="markers", name=name, legendgroup=name,
        meta=kind,
        marker={"color": colour, "symbol": symbol, "size": size,
                "line": {"width": 2, "color": colour}},
        customdata=rows["id"].tolist(),
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )


def selected_range(
    selection: Mapping[str, Any] | None, frame: pd.DataFrame
) -> tuple[dt.date, dt.date] | None:
    """The date range a timeline selection asks for: a box's x extent, else the selected
    events' own intervals. None when nothing usable is selected."""
    if not selection:
        return None
    for box in selection.get("box") or []:
        xs = box.get("x") or []
        if len(xs) >= 2:
            try:
                lo, hi = sorted(pd.Timestamp(x) for x in xs[:2])
            except (ValueError, TypeError):
                continue
            return lo.date(), hi.date()
    ids = [p.get("customdata") for p in selection.get("points") or []]
    ids = [i[0] if isinstance(i, list) else i for i in ids if i is not None]
    chosen = frame[frame["id"].isin(ids)]
    if chosen.empty:
        return None
    return chosen["when_start"].min().date(), chosen["when_end"].max().date()
