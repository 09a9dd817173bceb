import json
import re

import branca
import folium
import pytest

from dashboard import assets, mapview


def _all_links(fmap):
    """Every script / stylesheet URL streamlit-folium would load for this map (its own walk)."""
    fmap.get_root().render()
    links = []

    def walk(element):
        if isinstance(element, folium.elements.JSCSSMixin):
            links.extend(url for _, url in element.default_js)
            links.extend(url for _, url in element.default_css)
        if isinstance(element, branca.colormap.ColorMap):
            links.append("d3 from a CDN")
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(fmap)
    return links


def test_every_map_asset_is_local(frame):
    links = _all_links(mapview.build_map(frame))
    assert links, "Leaflet itself must be listed"
    assert all(assets.is_local(url) for url in links), [u[:60] for u in links]
    # No jQuery, Bootstrap or awesome-markers: the map does not use them.
    assert len(links) == 5


def test_rendered_page_has_no_remote_script_or_css(frame):
    html = mapview.build_map(frame).get_root().render()
    assert not re.search(r'(src|href)="https?://', html)


def test_payload_columns_line_up(frame):
    payload = mapview.map_payload(frame)
    n = len(mapview.located(frame))
    assert n == len(frame) - 1  # the unlocated event is not on the map
    for column in ("lat", "lon", "t", "d", "p", "a", "k", "u"):
        assert len(payload[column]) == n
    i = payload["pl"].index("Minsk, Belarus")
    minsk = [k for k, p in enumerate(payload["p"]) if p == i]
    assert {payload["dl"][payload["d"][k]] for k in minsk} == {"6 December 2024", "May 2024"}
    country = [payload["pl"][p] for p, k in zip(payload["p"], payload["k"], strict=True) if k]
    assert sorted(country) == ["Belarus", "Poland"]
    assert sorted(u for u in payload["u"] if u) == [25, 100]


def test_script_json_cannot_close_the_script():
    text = mapview.script_json({"a": "</script><!-- \u2028 & <img>"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028 & <img>"}


def test_hostile_strings_never_reach_the_page_as_markup(frame):
    html = mapview.build_map(frame).get_root().render()
    for needle in ("<script>alert(", "<img src=x", "</script><b>"):
        assert needle not in html
    # They travel as inert JSON string escapes, turned into text by textContent in the browser.
    assert "\\u003cimg src=x onerror=alert('xss-place')\\u003e" in html


def test_no_per_marker_elements():
    """100 or 1,000 events: the same folium elements, only the payload grows."""
    import pandas as pd
    from big_store import synthetic_frame

    small, big = synthetic_frame(100), synthetic_frame(1000)
    assert isinstance(small, pd.DataFrame)
    count = [len(list(mapview.build_map(f)._children)) for f in (small, big)]
    assert count[0] == count[1]


def test_bounds_and_clicks(frame):
    (south, west), (north, east) = mapview.bounds(frame)
    assert south == pytest.approx(51.1801) and east == pytest.approx(71.44598)
    here = mapview.events_at(frame, 53.9, 27.56667)
    assert sorted(here["date_label"]) == ["6 December 2024", "May 2024"]
    assert mapview.events_at(frame, 53.900004, 27.566668).shape[0] == 2  # 5 decimals
    assert mapview.events_at(frame, 10.0, 10.0).empty


def _options(fmap) -> dict:
    layer = next(c for c in fmap._children.values() if isinstance(c, mapview.EventLayer))
    return json.loads(layer.options)


def test_empty_frame_keeps_the_view_it_is_given_and_says_why(frame):
    options = _options(mapview.build_map(frame.iloc[0:0]))
    assert options["view"] is None and options["note"] == ""
    view = [[51.0, 23.0], [56.0, 38.0]]
    options = _options(mapview.build_map(frame.iloc[0:0], view=view,
                                         note="No events match: <b>x</b>"))
    assert options["view"] == view
    assert options["note"] == "No events match: <b>x</b>"  # drawn with textContent
    assert options["outlines"]["type"] == "FeatureCollection"


def test_the_legend_is_fixed_markup(frame):
    html = mapview.legend_html()
    assert "Meeting" in html and "whole country" in html
    assert "<script" not in html and "onerror" not in html


def test_payload_days_for_playback(frame):
    import datetime as dt

    payload = mapview.map_payload(frame)
    epoch = dt.date(1970, 1, 1)
    days = {payload["dl"][d]: (s, e) for d, s, e in zip(payload["d"], payload["s"], payload["e"],
                                                          strict=True)}
    may = (dt.date(2024, 5, 1) - epoch).days, (dt.date(2024, 5, 31) - epoch).days
    assert days["May 2024"] == may
    summit = (dt.date(2024, 12, 6) - epoch).days
    assert days["6 December 2024"] == (summit, summit)
    # Undated events play at their report date, as the timeline draws them.
    reported = (dt.date(2023, 7, 23) - epoch).days
    assert days["undated (reported 23 July 2023)"] == (reported, reported)
    assert "gtPlayback(" in mapview.build_map(frame).get_root().render()
