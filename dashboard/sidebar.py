"""Sidebar filter widgets, kept in step with the URL's query parameters.

On a session's first run the widgets start from the URL (a shared link restores the view); on
every run the URL is rewritten from the widgets, leaving defaults out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import streamlit as st

from dashboard import filters
from dashboard.filters import Filters
from dashboard.labels import country_name, type_label
from dashboard.query import Catalog

K_DATES, K_TYPES, K_COUNTRIES, K_ACTORS = "f_dates", "f_types", "f_countries", "f_actors"
K_TEXT, K_UNDATED, K_APPROX, K_ALL_DATES = "f_text", "f_undated", "f_approx", "f_all_dates"
K_TRIP, Q_TRIP = "f_trip", "trip"
_K_LOADED, _K_SPAN = "_gt_url_loaded", "_gt_span"


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


def _keep(values: Iterable[str], allowed: Sequence[str]) -> list[str]:
    allowed_set = set(allowed)
    return [v for v in values if v in allowed_set]


def _load_url(catalog: Catalog) -> None:
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    full = slider_span(catalog)
    wanted = filters.clamp(filters.from_query(query), full)
    state = st.session_state
    bulk = slider_span(catalog, all_dates=False)
    # A shared link to a range beyond the bulk of the dates opens with all dates on the slider.
    beyond = bulk is not None and (
        (wanted.start is not None and wanted.start < bulk[0])
        or (wanted.end is not None and wanted.end > bulk[1])
    )
    state[K_ALL_DATES] = beyond
    span = full if beyond else bulk
    if span is not None:
        state[K_DATES] = (wanted.start or span[0], wanted.end or span[1])
    state[K_TYPES] = _keep(wanted.types, catalog.types)
    state[K_COUNTRIES] = _keep(wanted.countries, catalog.countries)
    state[K_ACTORS] = _keep(wanted.actors, catalog.actors)
    state[K_TEXT] = wanted.text
    trips = [a for a in query.get(Q_TRIP, []) if a in set(catalog.actors)]
    state[K_TRIP] = trips[-1] if trips else None
    state[K_UNDATED] = wanted.include_undated
    state[K_APPROX] = wanted.include_approximate


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


def reset() -> None:
    for key in (K_DATES, K_TYPES, K_COUNTRIES, K_ACTORS, K_TEXT, K_UNDATED, K_APPROX,
                K_ALL_DATES, K_TRIP):
        st.session_state.pop(key, None)
    st.session_state[K_UNDATED] = True
    st.session_state[K_APPROX] = True


def set_dates(start: dt.date, end: dt.date) -> None:
    """Narrow the date filter (the timeline's selection calls this from its callback)."""
    span = st.session_state.get(_K_SPAN)
    if span is not None:
        start, end = max(start, span[0]), min(end, span[1])
        if start > end:
            return
    st.session_state[K_DATES] = (start, end)


def filter_widgets(catalog: Catalog) -> Filters:
    """Draw the filters (call inside a sidebar container) and return what they say."""
    state = st.session_state
    if not state.get(_K_LOADED):
        _load_url(catalog)
        state[_K_LOADED] = True
    full = slider_span(catalog)
    bulk = slider_span(catalog, all_dates=False)
    strays = bulk != full
    span = full if state.get(K_ALL_DATES) or not strays else bulk
    types, countries, actors = catalog.types, catalog.countries, catalog.actors
    state[K_TYPES] = _keep(state.get(K_TYPES, []), types)
    state[K_COUNTRIES] = _keep(state.get(K_COUNTRIES, []), countries)
    state[K_ACTORS] = _keep(state.get(K_ACTORS, []), actors)
    state.setdefault(K_UNDATED, True)
    state.setdefault(K_APPROX, True)
    state.setdefault(K_TEXT, "")

    start = end = None
    if span is not None:
        _settle_dates(span)
        start, end = st.slider(
            "Dates", min_value=span[0], max_value=span[1], key=K_DATES, format="D MMM YYYY",
            help="Events whose date interval overlaps this range (a month-long event stays "
            "in while any of its days is in range). Undated events count at their report date.",
        )
        if strays and bulk is not None:
            left_out, earliest, latest = catalog.outside_bulk
            st.toggle(
                f"Zoom to all data ({left_out:,} far outside the rest)", key=K_ALL_DATES,
                help=f"The slider starts on the dates of {filters.BULK_SHARE:.0%} of the events "
                f"({bulk[0]:%d %b %Y} – {bulk[1]:%d %b %Y}); a few lie far outside, the "
                f"earliest {earliest:%d %b %Y}, the latest {latest:%d %b %Y}. Turn on to range "
                "over all of them.",
            )
    else:
        st.caption("No dated events yet.")
    st.multiselect("Event type", types, key=K_TYPES, format_func=type_label,
                   placeholder="All types")
    st.multiselect("Country", sorted(countries, key=country_name), key=K_COUNTRIES,
                   format_func=country_name,
                   placeholder="All countries")
    st.multiselect("Actor", actors, key=K_ACTORS, placeholder="All actors")
    if state.get(K_TRIP) not in actors:
        state[K_TRIP] = None
    st.selectbox("Itinerary of", actors, key=K_TRIP, index=None, placeholder="Choose an actor",
                 help="Draw this actor's events on the map in date order, joined by a path "
                 "with their dates.")
    st.text_input("Search passages", key=K_TEXT, placeholder="word or phrase",
                  help="Whole words, in the passage, article title, place and actors; case and "
                  "accents are ignored and the last word may be the start of one ('minsk "
                  "tal' finds 'Minsk talks').")
    st.toggle("Include undated events", key=K_UNDATED,
              help="Events whose text gives no date; shown at their article's report date.")
    st.toggle("Include approximate events", key=K_APPROX,
              help="Dates known only to the month, year or a span; places known only to the "
              "country or within a radius.")
    st.button("Reset filters", on_click=reset, width="stretch")

    chosen = Filters(
        start=start, end=end,
        types=tuple(state[K_TYPES]), countries=tuple(state[K_COUNTRIES]),
        actors=tuple(state[K_ACTORS]), text=state[K_TEXT],
        include_undated=bool(state[K_UNDATED]), include_approximate=bool(state[K_APPROX]),
    )
    chosen = filters.clamp(chosen, catalog.full_span)
    query = filters.to_query(chosen)
    if state.get(K_TRIP):
        query[Q_TRIP] = state[K_TRIP]
    st.query_params.from_dict(query)
    return chosen


def trip_actor() -> str | None:
    """The actor whose itinerary the map draws, if one is chosen."""
    return st.session_state.get(K_TRIP) or None
