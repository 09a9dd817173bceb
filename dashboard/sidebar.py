"""Sidebar filter widgets, drawn from ``filters.FILTERS`` and kept in step with the URL.

On a session's first run the widgets start from the URL (a shared link restores the view); on
every run the URL is rewritten from the widgets, leaving defaults out. Each kind of widget a
filter may name (``FilterDef.widget``) has a way to start from a URL value and a way to draw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

import streamlit as st

from dashboard import filters
from dashboard.filters import FILTERS, FilterDef, Filters
from dashboard.query import Catalog

K_ALL_DATES = "f_all_dates"
K_TRIP, Q_TRIP = "f_trip", "trip"
_K_LOADED, _K_SPAN = "_gt_url_loaded", "_gt_span"
_DEFAULT = Filters()
# The date filter's widget state (the timeline's selection sets it too).
K_DATES = next(d.key for d in FILTERS if d.widget == "dates")


def _two_days(span: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    """``span`` widened to two days when it is one (a slider needs two distinct ends)."""
    if span is None:
        return None
    lo, hi = span
    return (lo, hi) if lo < hi else (lo, lo + dt.timedelta(days=1))


def slider_span(catalog: Catalog, *, all_dates: bool = True) -> tuple[dt.date, dt.date] | None:
    """The slider's bounds: the data's whole span, or with ``all_dates=False`` the bulk of it
    (``filters.bulk_span``: a stray year does not stretch the slider over centuries)."""
    return _two_days(catalog.full_span if all_dates else catalog.bulk_span)


# -- the widgets: from the URL's value (first run), and drawn (every run, returning values) --


def _load_value(definition: FilterDef, wanted: Filters, catalog: Catalog) -> None:
    (field,) = definition.fields
    value = getattr(wanted, field)
    st.session_state[definition.key] = list(value) if isinstance(value, tuple) else value


def _load_dates(definition: FilterDef, wanted: Filters, catalog: Catalog) -> None:
    state = st.session_state
    full, bulk = slider_span(catalog), slider_span(catalog, all_dates=False)
    # A shared link to a range beyond the bulk of the dates opens with all dates on the slider.
    beyond = bulk is not None and (
        (wanted.start is not None and wanted.start < bulk[0])
        or (wanted.end is not None and wanted.end > bulk[1])
    )
    state[K_ALL_DATES] = beyond
    span = full if beyond else bulk
    if span is not None:
        state[definition.key] = (wanted.start or span[0], wanted.end or span[1])


def _settle_dates(span: tuple[dt.date, dt.date]) -> None:
    """Keep the slider's value valid when the data's span changed (say, after an upload); a
    range that covered the whole old span grows to cover the whole new one."""
    state = st.session_state
    old_span = state.get(_K_SPAN)
    value = state.get(K_DATES)
    lo, hi = span
    if value is None or (old_span is not None and tuple(value) == tuple(old_span)):
        state[K_DATES] = span
    else:
        start = min(max(value[0], lo), hi)
        end = min(max(value[1], lo), hi)
        state[K_DATES] = (start, end)
    state[_K_SPAN] = span


def _draw_dates(definition: FilterDef, catalog: Catalog) -> dict[str, Any]:
    state = st.session_state
    full = slider_span(catalog)
    bulk = slider_span(catalog, all_dates=False)
    strays = bulk != full
    span = full if state.get(K_ALL_DATES) or not strays else bulk
    if span is None:
        st.caption("No dated events yet.")
        return {"start": None, "end": None}
    _settle_dates(span)
    start, end = st.slider(definition.label, min_value=span[0], max_value=span[1],
                           key=definition.key, format="D MMM YYYY", help=definition.help)
    if strays and bulk is not None:
        left_out, earliest, latest = catalog.outside_bulk
        st.toggle(
            f"Zoom to all data ({left_out:,} far outside the rest)", key=K_ALL_DATES,
            help=f"The slider starts on the dates of {filters.BULK_SHARE:.0%} of the events "
            f"({bulk[0]:%d %b %Y} – {bulk[1]:%d %b %Y}); a few lie far outside, the "
            f"earliest {earliest:%d %b %Y}, the latest {latest:%d %b %Y}. Turn on to range "
            "over all of them.",
        )
    return {"start": start, "end": end}


def _draw_multiselect(definition: FilterDef, catalog: Catalog) -> dict[str, Any]:
    # What the store no longer holds (after an upload replaced an article) is dropped first.
    state = st.session_state
    state[definition.key] = list(definition.among_options(state.get(definition.key, []), catalog))
    st.multiselect(definition.label, definition.options(catalog), key=definition.key,
                   format_func=definition.format or str, placeholder=definition.placeholder,
                   help=definition.help or None)
    return {definition.fields[0]: tuple(state[definition.key])}


def _draw_text(definition: FilterDef, catalog: Catalog) -> dict[str, Any]:
    st.session_state.setdefault(definition.key, "")
    st.text_input(definition.label, key=definition.key, placeholder=definition.placeholder,
                  help=definition.help or None)
    return {definition.fields[0]: st.session_state[definition.key]}


def _draw_toggle(definition: FilterDef, catalog: Catalog) -> dict[str, Any]:
    (field,) = definition.fields
    st.session_state.setdefault(definition.key, getattr(_DEFAULT, field))
    st.toggle(definition.label, key=definition.key, help=definition.help or None)
    return {field: bool(st.session_state[definition.key])}


class _Widget(NamedTuple):
    load: Callable[[FilterDef, Filters, Catalog], None]
    draw: Callable[[FilterDef, Catalog], dict[str, Any]]


WIDGETS = {
    "dates": _Widget(_load_dates, _draw_dates),
    "multiselect": _Widget(_load_value, _draw_multiselect),
    "text": _Widget(_load_value, _draw_text),
    "toggle": _Widget(_load_value, _draw_toggle),
}


# -- the sidebar --------------------------------------------------------------------------------


def _load_url(catalog: Catalog) -> None:
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    wanted = filters.fit(filters.from_query(query), catalog)
    for definition in FILTERS:
        WIDGETS[definition.widget].load(definition, wanted, catalog)
    trips = [a for a in query.get(Q_TRIP, []) if a in set(catalog.actors)]
    st.session_state[K_TRIP] = trips[-1] if trips else None


def reset() -> None:
    state = st.session_state
    for key in [d.key for d in FILTERS] + [K_ALL_DATES, K_TRIP]:
        state.pop(key, None)
    # A toggle drawn without its key in the state would start off, not at its default.
    for definition in FILTERS:
        if definition.widget == "toggle":
            state[definition.key] = getattr(_DEFAULT, definition.fields[0])


def set_dates(start: dt.date, end: dt.date) -> None:
    """Narrow the date filter (the timeline's selection calls this from its callback)."""
    span = st.session_state.get(_K_SPAN)
    if span is not None:
        start, end = max(start, span[0]), min(end, span[1])
        if start > end:
            return
    st.session_state[K_DATES] = (start, end)


def _trip_widget(actors: tuple[str, ...]) -> None:
    # Not a filter (it narrows nothing): whose itinerary the map draws, kept in the URL too.
    if st.session_state.get(K_TRIP) not in actors:
        st.session_state[K_TRIP] = None
    st.selectbox("Itinerary of", actors, key=K_TRIP, index=None, placeholder="Choose an actor",
                 help="Draw this actor's events on the map in date order, joined by a path "
                 "with their dates.")


def filter_widgets(catalog: Catalog) -> Filters:
    """Draw the filters (call inside a sidebar container) and return what they say."""
    state = st.session_state
    if not state.get(_K_LOADED):
        _load_url(catalog)
        state[_K_LOADED] = True
    values: dict[str, Any] = {}
    for definition in FILTERS:
        values.update(WIDGETS[definition.widget].draw(definition, catalog))
        if definition.name == "actors":
            _trip_widget(catalog.actors)
    st.button("Reset filters", on_click=reset, width="stretch")

    chosen = filters.fit(Filters(**values), catalog)
    query = filters.to_query(chosen)
    if state.get(K_TRIP):
        query[Q_TRIP] = state[K_TRIP]
    st.query_params.from_dict(query)
    return chosen


def trip_actor() -> str | None:
    """The actor whose itinerary the map draws, if one is chosen."""
    return st.session_state.get(K_TRIP) or None
