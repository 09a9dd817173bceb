"""geotimeline dashboard: ``streamlit run dashboard/app.py [-- STORE.sqlite]``.

A thin page: the modules beside it do the work (data loading, filters, map, passage panel,
timeline, table, uploads). The store is ``$GEOTIMELINE_DB`` or ``data/geotimeline.sqlite`` unless
a path follows ``--``; a missing store is filled from ``data/articles`` on the first run.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts this file's folder on sys.path, not the repository's.
_REPO = str(Path(__file__).resolve().parents[1])
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

import sqlite3  # noqa: E402

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import (  # noqa: E402
    busy,
    correct,
    data,
    filters,
    itinerary,
    mapview,
    offmap,
    panel,
    passage,
    query,
    sidebar,
    table,
    timeline,
    uploads,
)
from events.exc import EventsError  # noqa: E402


def _on_timeline_select(frame: pd.DataFrame) -> None:
    state = st.session_state.get("timeline")
    selection = state.get("selection") if state else None
    chosen = timeline.selected_range(selection, frame)
    if chosen is not None:
        sidebar.set_dates(*chosen)


def _counts(picked: data.Selection, catalog: query.Catalog, fixes: data.Fixes) -> str:
    shown = picked.counts.shown if picked.overview else len(picked.frame)
    undated = picked.counts.undated if picked.overview else int(picked.frame["undated"].sum())
    off_map = picked.counts.unlocated if picked.overview else int(
        (picked.frame["lat"].isna() | picked.frame["lon"].isna()).sum())
    bits = [f"**{shown:,} of {catalog.events + fixes.change:,} events** from {catalog.articles:,} articles"]
    if undated:
        bits.append(f"{undated:,} undated")
    if off_map:
        bits.append(f"{off_map:,} without a location (in the table, not on the map)")
    return " · ".join(bits)


def _first_run(path) -> None:
    """Fill a missing store from the sample articles, unless another tab is already doing so."""
    with busy.first_writer(path) as mine:
        if not mine:
            return
        try:
            with st.spinner("First run: reading the sample articles into a new store…"):
                problems = data.ingest_samples(path)
        except (EventsError, OSError) as e:
            problems = [f"Cannot create the event store at {path}: {e}"]
    for problem in problems:
        st.html(f'<div class="gt-upload gt-err">{passage.esc(problem)}</div>')


@st.fragment(run_every=2)
def _wait_for_writer(path) -> None:
    """While another tab writes the store, look again every two seconds; rerun when done."""
    if not busy.is_writing(path):
        st.rerun(scope="app")


def _why_empty(path, chosen: filters.Filters, total: int):
    def count(only: filters.Filters) -> int:
        return data.read(path, query.counts, only).shown
    return lambda: filters.explain_empty(total, chosen, count)


def _detail(path, picked: data.Selection, catalog: query.Catalog) -> pd.DataFrame:
    """Every matching event on the map, as for a small store; returns the clicked marker's."""
    shown = picked.frame
    fmap = mapview.build_map(shown, **mapview.kept_view(
        mapview.bounds(shown), len(shown), catalog.bounds, _why_empty(path, picked.filters,
                                                            catalog.events)))
    actor = sidebar.trip_actor()
    if actor:
        _itinerary(fmap, shown, actor)
    clicked = mapview.show(fmap)

    def at(lat: float, lon: float) -> pd.DataFrame:
        return mapview.events_at(shown, lat, lon)

    panel.remember_click(clicked, at)
    return panel.selected_rows(at, shown.iloc[0:0])


def _itinerary(fmap, frame: pd.DataFrame, actor: str) -> None:
    journey = itinerary.trip(frame, actor)
    itinerary.ItineraryLayer(journey).add_to(fmap)
    # Not st.caption: that reads Markdown, and the actor's name comes from an article.
    st.html(f'<div class="gt-key">{passage.esc(itinerary.summary(journey))}</div>')


K_OVERVIEW_OF = "gt_overview_of"


def _overview(path, picked: data.Selection, empty: pd.DataFrame,
              ) -> tuple[pd.DataFrame, int | None]:
    """Too many matching events to send: counts per grid cell for the view the map reports,
    the events themselves once it holds ``mapview.MARKERS_UP_TO`` or fewer. Returns the events
    at the clicked point (the first of them) and how many are there."""
    chosen = picked.filters
    key = repr(sorted(filters.to_query(chosen).items()))
    start = query.cell_bounds(picked.cells)
    fmap = mapview.build_overview(start or [[35.0, -10.0], [60.0, 40.0]])
    reported = mapview.reported_view(st.session_state.get(mapview.MAP_KEY))
    if st.session_state.get(K_OVERVIEW_OF) != key or reported is None:
        # A new map: until the browser reports its view, the view it opens on.
        st.session_state[K_OVERVIEW_OF] = key
        reported = (start, mapview.zoom_for(start)) if start else ([[-85, -180], [85, 180]], 2)
    view, zoom = reported
    cells = query.grid(picked.cells, view, zoom)
    in_view = sum(c.count for c in cells)
    if in_view <= mapview.MARKERS_UP_TO:
        rows = data.read_frame(path, query.in_view, chosen, view, mapview.MARKERS_UP_TO)
        layer = mapview.overview_layer({"markers": mapview.map_payload(rows)})
        st.caption(f"{in_view:,} of the matching events are in this view, each a marker.")
    else:
        layer = mapview.overview_layer(mapview.cells_payload(cells))
        st.caption(f"{picked.counts.shown:,} matching events: the map counts them per area "
                   f"({in_view:,} in this view); click a count to zoom in. Markers, with their "
                   f"passages, appear once a view holds {mapview.MARKERS_UP_TO:,} or fewer. Until "
                   f"the filters keep {data.DETAIL_LIMIT:,} or fewer, counts are of reports: "
                   "an event reported by two articles counts twice.")
    actor = sidebar.trip_actor()
    if actor:
        _itinerary(fmap, data.read_frame(path, query.of_actor, chosen, actor,
                                         itinerary.MAX_EVENTS), actor)
    clicked = mapview.show(fmap, layer=layer)

    totals: dict[tuple[float, float], int] = {}

    def at(lat: float, lon: float) -> pd.DataFrame:
        # A place may hold thousands: the first by date are read (the panel shows 50).
        found, totals[lat, lon] = data.read(path, query.at_point, chosen, lat, lon,
                                            mapview.COORD_DECIMALS, panel.MAX_CARDS)
        return data.read_frame(path, lambda _conn: found)

    panel.remember_click(clicked, at)
    selected = panel.selected_rows(at, empty)
    point = st.session_state.get(panel.K_SELECTED)
    return selected, totals.get(point) if point else None


def main() -> None:
    st.set_page_config(page_title="geotimeline", page_icon="🗺️", layout="wide")
    st.html(passage.STYLE)
    path = data.store_path(data.script_args())
    if not path.exists():
        _first_run(path)

    filters_box = st.sidebar.container()
    with st.sidebar.expander("Add articles"):
        if uploads.upload_form(path):
            data.clear_cache()
    with st.sidebar.expander("Corrections"):
        correct.editor_box()
    try:
        catalog = data.load_catalog(path)
        with filters_box:
            st.header("Filters")
            chosen = sidebar.filter_widgets(catalog)
            picked = data.load_selection(path, chosen)
            shown = picked.frame
            st.markdown(offmap.sidebar_counts(
                picked.counts.unlocated if picked.overview else len(offmap.unlocated(shown)),
                picked.counts.undated if picked.overview else len(offmap.undated(shown))))
    except (EventsError, OSError, sqlite3.Error) as e:
        st.html(f'<div class="gt-upload gt-err">Cannot read the event store {passage.esc(path)}: '
                f"{passage.esc(e)}</div>")
        st.stop()

    st.title("geotimeline")
    st.caption("Where and when the meetings, visits, summits, deployments and exercises in your "
               "articles happened. Click a marker to read the passage that reports it.")
    fixes = data.load_fixes(path)
    st.markdown(_counts(picked, catalog, fixes))
    if busy.is_writing(path) and not uploads.running():
        st.info(f"Another tab is adding articles to this store ({catalog.events:,} "
                "events stored so far). This page updates when it is done.", icon="⏳")
        _wait_for_writer(path)
    articles = data.Articles(path)

    def fix_offmap(event, section):
        correct.event_controls(event, fixes, path, where=section)

    # The table's columns, for the overview's lists read from the store.
    empty = data.events_frame([], {})
    selected, at_marker = (_overview(path, picked, empty) if picked.overview
                           else (_detail(path, picked, catalog), None))
    passages_col, offmap_col = st.columns([3, 2], gap="medium")
    with passages_col:
        correct.show_message()
        panel.show_panel(selected, articles, total=at_marker,
                         controls=lambda event: correct.event_controls(event, fixes, path),
                         after=lambda rows: correct.add_event_form(rows, articles, path))
    with offmap_col:
        if picked.overview:
            off, nodate = (data.read_frame(path, ask, chosen, offmap.MAX_LISTED)
                           for ask in (query.unlocated, query.undated))
            offmap.show_lists(off, picked.counts.unlocated, nodate, picked.counts.undated,
                              articles, matching=picked.counts.shown, controls=fix_offmap)
        else:
            offmap.show(shown, articles, controls=fix_offmap)

    st.subheader("Timeline")
    if picked.overview:
        span = (chosen.start or catalog.full_span[0], chosen.end or catalog.full_span[1])
        unit = query.timeline_unit(span)
        st.caption(f"{picked.counts.shown:,} events: counts per {unit}. Narrow the filters "
                   f"below {timeline.MAX_POINTS:,} to see each event and its passage.")
        st.plotly_chart(
            timeline.binned(query.timeline_bins(picked.days, unit), unit), key="timeline",
            on_select=lambda: _on_timeline_select(empty), selection_mode=("box",),
        )
        st.caption("Drag across the timeline to narrow the dates.")
    elif shown["when_start"].notna().any():
        if len(shown) > timeline.MAX_POINTS:
            st.caption(f"{len(shown):,} events: counts per day, week or month. Narrow the "
                       f"filters below {timeline.MAX_POINTS:,} to see each event and its passage.")
        st.plotly_chart(
            timeline.build_timeline(shown, highlight=selected["id"]), key="timeline",
            on_select=lambda: _on_timeline_select(shown), selection_mode=("box", "points"),
        )
        ringed = " Black rings: the events at the marker selected on the map." if len(selected) \
            else ""
        st.caption("Drag across the timeline to narrow the dates. Dots: known to the day; "
                   "bars: a month, year or span; rings: undated, at the report date." + ringed)
    else:
        st.caption("No events with a date or report date to draw.")

    st.subheader("Events")
    if picked.overview:
        first = data.read_frame(path, query.first_by_date, chosen, table.TABLE_ROWS)
        table.show_table(first, articles, highlight=selected["id"], total=picked.counts.shown,
                         export=lambda: data.read_frame(path, query.first_by_date, chosen,
                                                        table.EXPORT_ROWS))
    else:
        table.show_table(shown, articles, highlight=selected["id"])

    st.subheader("Corrections")
    correct.show_corrections(fixes, path)


# Streamlit runs this file as __main__. A process pool started from the page (the first run's
# ingest) re-runs the parent's main file in each child as __mp_main__, with the parent's
# arguments after the file's name: the page must not run there too.
if __name__ == "__main__":
    main()
