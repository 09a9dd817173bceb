"""The filtered events as a table, and their CSV / GeoJSON downloads (``events.export``)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Mapping

import pandas as pd
import streamlit as st

from dashboard.labels import type_label
from events.export import to_geojson, write_csv
from events.model import Article

# Rows sent to the browser's grid; the downloads always hold every filtered event...
MAX_ROWS = 10_000
# ...up to the dashboard's detail limit. Above it the table holds the first TABLE_ROWS by date
# and the downloads the first EXPORT_ROWS (built when a button is pressed).
TABLE_ROWS = 1_000
EXPORT_ROWS = 100_000


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """What the table shows: readable columns, text as text (the grid never renders HTML).

    ``Date`` holds real dates (the event's first day, empty when undated) so the grid sorts it
    as dates; ``Date as given`` says it as the text did (month, year, span, undated).
    """
    return pd.DataFrame(
        {
            "Date": [event.date_start for event in frame["event"]],
            "Date as given": frame["date_label"],
            "Type": frame["type"].map(type_label),
            "Place": frame["place"],
            "Actors": frame["actors_text"],
            "Passage": frame["evidence"],
            "Article": frame["title"],
            "Published": frame["published"].dt.date,
            "Source": frame["source"],
            "Corrected": frame["corrected"],
        }
    ).reset_index(drop=True)


def csv_bytes(frame: pd.DataFrame, articles: Mapping[str, Article]) -> bytes:
    buffer = io.StringIO(newline="")
    write_csv(list(frame["event"]), buffer, articles=articles)
    return buffer.getvalue().encode("utf-8")


def geojson_bytes(frame: pd.DataFrame, articles: Mapping[str, Article]) -> bytes:
    # Events without coordinates stay in the file, as Features with a null geometry.
    collection = to_geojson(list(frame["event"]), articles=articles, include_unlocated=True)
    return json.dumps(collection, ensure_ascii=False, allow_nan=False).encode("utf-8")


HIGHLIGHT = "background-color: #fff3bf"


def selected_first(frame: pd.DataFrame, highlight: Iterable[str]) -> tuple[pd.DataFrame, int]:
    """``frame`` with the rows whose id is in ``highlight`` moved to the top (order kept
    otherwise), and how many they are."""
    chosen = frame["id"].isin(set(highlight))
    return pd.concat([frame[chosen], frame[~chosen]]), int(chosen.sum())


def show_table(
    frame: pd.DataFrame, articles: Mapping[str, Article], highlight: Iterable[str] = (),
    *, total: int | None = None, export: Callable[[], pd.DataFrame] | None = None,
) -> None:
    """The table; the events at the marker selected on the map come first, highlighted.

    ``frame`` is every matching event, or (with ``total`` given: how many match) the first of
    them by date; then the downloads hold what ``export()`` returns.
    """
    if total is not None and total > len(frame):
        st.caption(f"{total:,} events match: the table shows the first {len(frame):,} by date "
                   f"and the downloads the first {EXPORT_ROWS:,}. Narrow the filters, or write "
                   "everything with `python -m events export --db STORE`.")
    elif len(frame) > MAX_ROWS:
        st.caption(f"Showing the first {MAX_ROWS:,} of {len(frame):,} events; the downloads "
                   "hold them all.")
    ordered, marked = selected_first(frame, highlight)
    shown = table_frame(ordered.head(MAX_ROWS))
    if marked:
        st.caption(f"The {marked:,} event{'s' if marked != 1 else ''} at the selected marker "
                   "come first, highlighted.")
        rows = [[HIGHLIGHT] * len(shown.columns) if i < marked else [""] * len(shown.columns)
                for i in range(len(shown))]
        shown = shown.style.apply(lambda _: pd.DataFrame(rows, index=shown.index,
                                                         columns=shown.columns), axis=None)
    st.dataframe(
        shown, hide_index=True, width="stretch",
        column_config={"Passage": st.column_config.TextColumn(width="large"),
                       "Date": st.column_config.DateColumn(format="D MMM YYYY")},
    )
    events = frame[["event"]].copy()

    def rows() -> pd.DataFrame:
        return events if export is None else export()

    left, right = st.columns(2)
    # Callables: the files are only built when a button is pressed, not on every rerun.
    left.download_button(
        "Download CSV", help="CAMEO codes are text with a leading zero (\"040\"): read them as "
        "text, e.g. pandas.read_csv(f, dtype={\"cameo\": str}).", data=lambda: csv_bytes(rows(), articles),
        file_name="geotimeline-events.csv", mime="text/csv", on_click="ignore", width="stretch",
    )
    right.download_button(
        "Download GeoJSON", data=lambda: geojson_bytes(rows(), articles),
        file_name="geotimeline-events.geojson", mime="application/geo+json", on_click="ignore",
        width="stretch",
    )
