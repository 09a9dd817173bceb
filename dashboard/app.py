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


def _counts(shown: pd.DataFrame, total: int, articles: int) -> str:
    off_map = int((shown["lat"].isna() | shown["lon"].isna()).sum())
    undated = int(shown["undated"].sum())
    bits = [f"**{len(shown):,} of {total:,} events** from {articles:,} articles"]
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
        view = data.load_view(path)
    except (EventsError, OSError) as e:
        st.html(f'<div class="gt-upload gt-err">Cannot read the event store {passage.esc(path)}: '
                f"{passage.esc(e)}</div>")
        st.stop()

    with filters_box:
        st.header("Filters")
        chosen = sidebar.filter_widgets(view.frame)
        shown = filters.apply(view.frame, chosen)
        st.markdown(offmap.sidebar_counts(shown))

    st.title("geotimeline")
    st.caption("Where and when the meetings, visits, summits, deployments and exercises in your "
               "articles happened. Click a marker to read the passage that reports it.")
    st.markdown(_counts(shown, len(view.frame), len(view.articles)))
    if busy.is_writing(path) and not uploads.running():
        st.info(f"Another tab is adding articles to this store ({view.counts.get('events', 0):,} "
                "events stored so far). This page updates when it is done.", icon="⏳")
        _wait_for_writer(path)
    fmap = mapview.build_map(shown, **mapview.kept_view(shown, view.frame, chosen))
    actor = sidebar.trip_actor()
    if actor:
        journey = itinerary.trip(shown, actor)
        itinerary.ItineraryLayer(journey).add_to(fmap)
        # Not st.caption: that reads Markdown, and the actor's name comes from an article.
        st.html(f'<div class="gt-key">{passage.esc(itinerary.summary(journey))}</div>')
    clicked = mapview.show(fmap)
    panel.remember_click(clicked, shown)
    selected = panel.selected_rows(shown)
    passages_col, offmap_col = st.columns([3, 2], gap="medium")
    with passages_col:
        correct.show_message()
        panel.show_panel(selected, view.articles,
                         controls=lambda event: correct.event_controls(event, view, path),
                         after=lambda rows: correct.add_event_form(rows, view, path))
    with offmap_col:
        offmap.show(shown, view.articles, controls=lambda event, section: correct.event_controls(
            event, view, path, where=section))

    st.subheader("Timeline")
    if shown["when_start"].notna().any():
        if len(shown) > timeline.MAX_POINTS:
            st.caption(f"{len(shown):,} events: counts per month. Narrow the filters below "
                       f"{timeline.MAX_POINTS:,} to see each event and its passage.")
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
    table.show_table(shown, view.articles, highlight=selected["id"])

    st.subheader("Corrections")
    correct.show_corrections(view, path)


# Streamlit runs this file as __main__. A process that re-imports the parent's main module
# (multiprocessing's "spawn", as Dask's workers do, from a process where Streamlit left this
# script as __main__) imports it as __mp_main__ and must not run the page, and its first-run
# ingest, once more.
if __name__ == "__main__":
    main()
