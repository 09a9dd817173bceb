"""The Streamlit dashboard (``streamlit run dashboard/app.py``): filters, map, passages, timeline.

Importable pieces, no Streamlit needed: ``filters`` (Filters, the FILTERS table, apply, URL),
``mapview.build_map`` (events to a folium Map), ``timeline.build_timeline`` (to a plotly Figure),
``passage`` (escaped HTML with highlights), ``data.read_store`` (a store to a table).
"""

__all__ = ["data", "filters", "mapview", "passage", "timeline"]
