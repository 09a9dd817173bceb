"""Nothing hidden: the events the map cannot draw (no coordinates) and those with no date, each
with its passage and the reason, in a panel beside the passages and counted in the sidebar."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from dashboard import passage
from dashboard.labels import type_color, type_label
from events.model import Article, Event

# Entries listed at most per section; the counts always cover all of them.
MAX_LISTED = 100
# Entries given correction controls per section (each is a dozen widgets).
MAX_CONTROLLED = 20


def unlocated(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows the map cannot draw: a coordinate is missing."""
    return frame[frame["lat"].isna() | frame["lon"].isna()]


def undated(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["undated"]]


def place_reason(event: Event) -> str:
    """Why an event has no point on the map: the reason extraction recorded, else what the
    event's place fields show (events stored before extraction kept a reason)."""
    if event.unplaced_reason:
        return event.unplaced_reason
    if event.place_text and not event.place_name:
        return f"the text names “{event.place_text}”, which the gazetteer could not place"
    if event.place_name:
        return f"“{event.place_name}” was found but has no coordinates"
    return "no place is named in the passage, nor in the article's trip around it"


def date_reason(event: Event) -> str:
    if event.reported:
        return (f"the text gives no date; drawn on the timeline at the report date, "
                f"{event.reported.day} {event.reported:%B %Y}")
    return "the text gives no date, and the article has no publication date"


def entry_html(event: Event, article: Article | None, reason: str) -> str:
    """One mention: type, why it is here, the highlighted passage and the article's citation."""
    origin = passage.citation_html(article) if article is not None else (
        f"article {passage.esc(event.article_id)} (not in the store)")
    return (
        '<div class="gt-card gt-offmap">'
        '<div class="gt-head">'
        f'<span class="gt-type" style="background:{type_color(event.type)}">'
        f"{passage.esc(type_label(event.type))}</span>"
        f'<span class="gt-gran">{passage.esc(reason)}</span>'
        "</div>"
        f'<blockquote class="gt-evidence">{passage.evidence_html(event)}</blockquote>'
        f'<div class="gt-source">From {origin}</div>'
        "</div>"
    )


def _section(rows: pd.DataFrame, total: int, articles: Mapping[str, Article], reason) -> str:
    cards = [entry_html(event, articles.get(event.article_id), reason(event))
             for event in rows["event"].head(MAX_LISTED)]
    more = total - min(len(rows), MAX_LISTED)
    if more > 0:
        cards.append(f'<div class="gt-key">…and {more:,} more: narrow the filters, or download '
                     "the table, which holds them all.</div>")
    return "".join(cards)


def sidebar_counts(off_map: int, no_date: int) -> str:
    """The sidebar's line: how many of the filtered events are off the map or undated."""
    return f"Not on the map: **{off_map:,}** · undated: **{no_date:,}** (listed under the map)"


def _entries(rows: pd.DataFrame, total: int, articles: Mapping[str, Article], reason,
             controls: Callable[[Event], None] | None) -> None:
    """A section's entries; the first MAX_CONTROLLED with ``controls(event)`` under each."""
    if controls is None:
        st.html(_section(rows, total, articles, reason))
        return
    for event in rows["event"].head(MAX_CONTROLLED):
        st.html(entry_html(event, articles.get(event.article_id), reason(event)))
        controls(event)
    if len(rows) > MAX_CONTROLLED:
        st.html(_section(rows.iloc[MAX_CONTROLLED:], total - MAX_CONTROLLED, articles, reason))


def show(frame: pd.DataFrame, articles: Mapping[str, Article],
         controls: Callable[[Event, str], None] | None = None) -> None:
    """The panel for the filtered events ``frame``; ``controls(event, section)``, when given,
    draws the correction widgets under an entry (``section``: "place" or "date")."""
    off, nodate = unlocated(frame), undated(frame)
    show_lists(off, len(off), nodate, len(nodate), articles, matching=len(frame), controls=controls)


def show_lists(off: pd.DataFrame, off_count: int, nodate: pd.DataFrame, nodate_count: int,
               articles: Mapping[str, Article], *, matching: int,
               controls: Callable[[Event, str], None] | None = None) -> None:
    """The panel from its two lists (the first ``MAX_LISTED`` of each at least) and their full
    counts, out of ``matching`` filtered events."""
    place_controls = (lambda event: controls(event, "place")) if controls else None
    date_controls = (lambda event: controls(event, "date")) if controls else None
    st.html(f'<div class="gt-section-head"><b>Not on the map: {off_count:,} '
            f'mention{"s" if off_count != 1 else ""}</b></div>')
    if not matching:
        st.html('<div class="gt-key">No events match the filters.</div>')
        return
    if not off_count:
        st.html('<div class="gt-key">Every matching event has a place on the map.</div>')
    else:
        with st.expander(f"Why each of the {off_count:,} has no place", expanded=off_count <= 5):
            _entries(off, off_count, articles, place_reason, place_controls)
    st.html(f'<div class="gt-section-head"><b>Undated: {nodate_count:,} '
            f'event{"s" if nodate_count != 1 else ""}</b></div>')
    if nodate_count:
        with st.expander("Their passages (drawn as rings on the timeline, at the report date)"):
            _entries(nodate, nodate_count, articles, date_reason, date_controls)
