"""The passage panel beside the map: every event at the clicked marker, then the whole articles."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from dashboard import passage
from events.model import Article, Event

K_SELECTED = "gt_selected_point"
# Passages shown at most for one marker; a place with more asks for narrower filters.
MAX_CARDS = 50


# The events at a point (lat, lon) as a map click reports it: ``mapview.events_at`` on the
# table of all matching events, or a store query in the overview.
EventsAt = Callable[[float, float], pd.DataFrame]


def remember_click(clicked: dict | None, events_at: EventsAt) -> None:
    """Keep the last click that landed on events; a click on a cluster (which only zooms) or on
    nothing leaves the panel as it was."""
    point = (clicked or {}).get("last_object_clicked")
    if not point or point.get("lat") is None or point.get("lng") is None:
        return
    lat, lon = float(point["lat"]), float(point["lng"])
    if (lat, lon) != st.session_state.get(K_SELECTED) and not events_at(lat, lon).empty:
        st.session_state[K_SELECTED] = (lat, lon)


def selected_rows(events_at: EventsAt, empty: pd.DataFrame) -> pd.DataFrame:
    """The events at the remembered click (``empty`` when there is none)."""
    point = st.session_state.get(K_SELECTED)
    if point is None:
        return empty
    return events_at(*point)


def show_panel(rows: pd.DataFrame, articles: Mapping[str, Article], *,
               total: int | None = None,
               controls: Callable[[Event], None] | None = None,
               after: Callable[[pd.DataFrame], None] | None = None) -> None:
    """Cards for ``rows`` (events at one marker), oldest first, and each article in full;
    ``total`` says how many are there when ``rows`` holds only the first of them.
    ``controls(event)``, when given, draws widgets under each card (the correction controls);
    ``after(rows)`` draws more below the cards."""
    if rows.empty:
        st.html(
            '<div class="gt-key">Click a marker on the map to read the passages reporting '
            "what happened there. Clusters zoom in when clicked.</div>"
        )
        return
    rows = rows.sort_values(["when_start", "type"], na_position="last")
    place = rows["place"].iloc[0]
    count = max(total or 0, len(rows))
    st.html(
        f'<div class="gt-panel-head"><b>{passage.esc(place)}</b> · {count:,} '
        f'event{"s" if count != 1 else ""} at this marker</div>{passage.KEY_HTML}'
    )
    if count > MAX_CARDS:
        st.html(f'<div class="gt-key">Showing the first {MAX_CARDS} by date; narrow the filters '
                "to see the others.</div>")
        rows = rows.head(MAX_CARDS)
    if controls is None:
        st.html("".join(passage.event_card(event, articles.get(event.article_id))
                        for event in rows["event"]))
    else:
        for event in rows["event"]:
            st.html(passage.event_card(event, articles.get(event.article_id)))
            controls(event)
    if after is not None:
        after(rows)
    for number, (article_id, group) in enumerate(rows.groupby("article_id", sort=False), 1):
        article = articles.get(article_id)
        if article is None:
            continue
        published = group["published"].iloc[0]
        when = f"{published.day} {published:%B %Y}" if pd.notna(published) else "undated"
        with st.expander(f"Whole article {number} (published {when})"):
            st.html(
                f'<div class="gt-key">{passage.citation_html(article)}</div>'
                + passage.article_html(article, group["event"])
            )
