"""The filtered events as a table, and their CSV / GeoJSON downloads (``events.export``)."""

from __future__ import annotations

import io
import json

import pandas as pd
import streamlit as st

from dashboard.labels import type_label
from events.export import to_geojson, write_csv
from events.model import Article

# Rows sent to the browser's grid; the downloads always hold every filtered event.
MAX_ROWS = 10_000


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """What the table shows: readable columns, text as text (the grid never renders HTML)."""
    return pd.DataFrame(
        {
            "Date": frame["date_label"],
            "Type": frame["type"].map(type_label),
            "Place": frame["place"],
            "Actors": frame["actors_text"],
            "Passage": frame["evidence"],
            "Article": frame["title"],
            "Published": frame["published"].dt.date,
            "Source": frame["source"],
        }
    ).reset_index(drop=True)


def csv_bytes(frame: pd.DataFrame, articles: dict[str, Article]) -> bytes:
    buffer = io.StringIO(newline="")
    write_csv(list(frame["event"]), buffer, articles=articles)
    return buffer.getvalue().encode("utf-8")


def geojson_bytes(frame: pd.DataFrame, articles: dict[str, Article]) -> bytes:
    collection = to_geojson(list(frame["event"]), articles=articles)
    return json.dumps(collection, ensure_ascii=False, allow_nan=False).encode("utf-8")


def show_table(frame: pd.DataFrame, articles: dict[str, Article]) -> None:
    if len(frame) > MAX_ROWS:
        st.caption(f"Showing the first {MAX_ROWS:,} of {len(frame):,} events; the downloads "
                   "hold them all.")
    st.dataframe(
        table_frame(frame.head(MAX_ROWS)), hide_index=True, width="stretch",
        column_config={"Passage": st.column_config.TextColumn(width="large")},
    )
    events = frame[["event"]].copy()
    left, right = st.columns(2)
    # Callables: the files are only built when a button is pressed, not on every rerun.
    left.download_button(
        "Download CSV", data=lambda: csv_bytes(events, articles),
        file_name="geotimeline-events.csv", mime="text/csv", on_click="ignore", width="stretch",
    )
    right.download_button(
        "Download GeoJSON", data=lambda: geojson_bytes(events, articles),
        file_name="geotimeline-events.geojson", mime="application/geo+json", on_click="ignore",
        width="stretch",
    )
