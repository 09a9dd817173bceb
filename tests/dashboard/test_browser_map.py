"""The map as a new user meets it, in a real browser (issue 11 §4): cluster clicks, tooltips,
the legend, the width. Same offline server and browser as ``test_browser``."""

from __future__ import annotations

import test_browser
from test_browser import FIRST_LOAD_S, Offline

# The same module-scoped fixtures (this module gets its own server and browser).
server = test_browser.server
browser = test_browser.browser
pytestmark = test_browser.pytestmark

# Rectangles of the map frame's markers/clusters, tooltips, popup and legend, in frame pixels.
_RECTS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect();
              return {l: r.left, t: r.top, r: r.right, b: r.bottom}; })"""
_MAP = "() => { const r = window.map.getContainer().getBoundingClientRect();" \
       " return {l: r.left, t: r.top, r: r.right, b: r.bottom}; }"


def _inside(rect, box, margin=0.0) -> bool:
    return (rect["l"] >= box["l"] + margin and rect["t"] >= box["t"] + margin
            and rect["r"] <= box["r"] - margin and rect["b"] <= box["b"] - margin)


def _overlap(a, b) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


def _current_map(tab):
    """The map's frame once the itinerary is drawn (a rerun may have replaced the first one)."""
    tab.page.wait_for_function("""() => [...document.querySelectorAll(
        "iframe[title='streamlit_folium.st_folium']")].some(
        f => f.contentWindow && f.contentWindow.gtTrip !== undefined)""", timeout=30_000)
    for frame in tab.page.frames:
        if frame.evaluate("() => window.gtTrip !== undefined"):
            return frame
    raise AssertionError("no map frame with an itinerary")


def _icons(frame):
    return frame.evaluate(_RECTS, ".gt-pin, .gt-cluster")


def test_the_map_uses_the_width_and_the_legend_covers_no_marker(server, browser):
    url, _ = server
    for width in (1440, 1024):
        tab = Offline(browser)
        tab.page.set_viewport_size({"width": width, "height": 900})
        frame = tab.open(url, timeout_s=FIRST_LOAD_S)
        tab.page.wait_for_timeout(800)
        main = tab.page.locator("[data-testid='stMain']").bounding_box()
        iframe = tab.page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
        # The map spans the page beside the sidebar (less a small margin), not three fifths.
        assert iframe["width"] >= main["width"] - 60, (width, iframe, main)
        legend = frame.evaluate(_RECTS, ".gt-legend")[0]
        icons = _icons(frame)
        assert icons
        assert not [r for r in icons if _overlap(r, legend)], (legend, icons)
        tab.page.close()


# Marks a cluster drawn inside the map (class gt-test-cluster) and returns its events' indexes.
_PICK_CLUSTER = """(box) => {
  const g = window.gtEvents.group;
  let picked = null;
  g._featureGroup.eachLayer(l => {
    if (picked || !(l instanceof L.MarkerCluster) || !l._icon) return;
    const r = l._icon.getBoundingClientRect();
    if (r.left >= box.l && r.right <= box.r && r.top >= box.t && r.bottom <= box.b) picked = l;
  });
  if (!picked) return null;
  document.querySelectorAll('.gt-test-cluster').forEach(e => e.classList.remove('gt-test-cluster'));
  picked._icon.classList.add('gt-test-cluster');
  return picked.getAllChildMarkers().map(m => m.gtIndex);
}"""
# Where each of those events is drawn now: its own marker, or the cluster holding it.
_DRAWN_AT = """(indexes) => indexes.map(i => {
  const m = window.gtEvents.markers[i];
  const shown = window.gtEvents.group.getVisibleParent(m) || m;
  const r = (shown._icon || m._icon).getBoundingClientRect();
  return {l: r.left, t: r.top, r: r.right, b: r.bottom};
})"""


def test_a_cluster_click_zooms_to_its_bounds_and_fans_out_inside_the_map(server, browser):
    url, _ = server
    tab = Offline(browser)
    frame = tab.open(url)
    # A rerun while the page starts redraws the markers: a cluster picked before it is gone.
    tab.settle()
    box = frame.evaluate(_MAP)
    clicks = 0
    while clicks < 8:
        children = frame.evaluate(_PICK_CLUSTER, box)
        if not children:
            break
        before = frame.evaluate("() => window.map.getZoom()")
        frame.locator(".gt-test-cluster").click()
        clicks += 1
        tab.page.wait_for_timeout(900)  # the zoom animation
        tab.settle()
        # Every event of the clicked cluster is drawn inside the map, clear of its edges: as a
        # marker, a smaller cluster, or a fanned-out marker (never above the map, y < 0).
        drawn = frame.evaluate(_DRAWN_AT, children)
        outside = [r for r in drawn if not _inside(r, box, margin=2)]
        assert not outside, (clicks, outside, box)
        legend = frame.evaluate(_RECTS, ".gt-legend")[0]
        assert not [r for r in drawn if _overlap(r, legend)], (clicks, drawn, legend)
        if frame.evaluate("() => !!window.gtEvents.group._spiderfied"):
            break
        assert frame.evaluate("() => window.map.getZoom()") > before
    assert clicks >= 1
    assert tab.errors == []
    tab.page.close()


def test_tooltips_stay_in_the_map_and_leave_when_the_popup_opens(server, browser):
    url, _ = server
    tab = Offline(browser)
    frame = tab.open(url)
    index = tab.show_marker("Minsk, Belarus")
    # Put the marker 6 px from the map's left edge, where a centred tooltip would be cut.
    frame.evaluate("""(i) => { const m = window.gtEvents.markers[i];
        const p = window.map.latLngToContainerPoint(m.getLatLng());
        window.map.panBy([p.x - 6, 0], {animate: false}); }""", index)
    tab.page.wait_for_timeout(300)
    target = tab.target()
    target.hover(force=True)
    tooltip = frame.locator(".leaflet-tooltip.gt-tooltip").first
    tooltip.wait_for()
    box = frame.evaluate(_MAP)
    rect = frame.evaluate(_RECTS, ".leaflet-tooltip.gt-tooltip")[0]
    assert _inside(rect, box), (rect, box)
    target.click(force=True)
    frame.locator(".leaflet-popup-content").wait_for()
    tab.page.wait_for_timeout(300)
    assert frame.evaluate(_RECTS, ".leaflet-tooltip") == []
    tab.page.close()


def test_not_on_the_map_panel_and_itinerary_show_hostile_text_as_text(server, browser):
    import dataclasses
    from urllib.parse import quote

    import dash_fixtures as fx

    from events.store import Store

    url, store = server
    hostile = fx.xss_events()[0]
    off_map = dataclasses.replace(hostile, id="xss-off-map", lat=None, lon=None, place_name="",
                                  place_text="<img src=x onerror=alert('xss-off')>")
    with Store(store) as s:
        s.add(fx.ARTICLE_XSS, [hostile, off_map])
    actor = "<script>alert('xss-actor')</script>"
    tab = Offline(browser)
    frame = tab.open(f"{url}/?trip={quote(actor)}")
    tab.page.get_by_text("Why each of the").click()
    card = tab.page.locator(".gt-offmap", has_text="xss-off")
    card.wait_for(timeout=30_000)
    text = card.inner_text()
    assert "“<img src=x onerror=alert('xss-off')>”, which the gazetteer could not place" in text
    assert "<script>alert('xss-script')</script>" in text
    assert "Hostile <script>alert('xss-title')</script> title" in text
    caption = tab.page.locator(".gt-key", has_text="Itinerary of").inner_text()
    assert caption.startswith(f"Itinerary of {actor}: 1 stop")
    frame = _current_map(tab)
    frame.wait_for_function("() => window.gtTrip && window.gtTrip.data.lat.length === 1")
    for where in (tab.page, frame):
        assert where.locator("img[src='x']").count() == 0
    assert tab.dialogs == [], tab.dialogs
    tab.page.close()


def test_an_itinerary_is_a_path_through_the_stops_with_their_dates(server, browser):
    url, _ = server
    tab = Offline(browser)
    tab.open(f"{url}/?trip=Vladimir+Putin")
    frame = _current_map(tab)
    stops = frame.evaluate("() => window.gtTrip.data.lat.length")
    assert stops >= 2
    # One dark line through every stop, an arrow per leg, a label per place, numbered in order.
    places = frame.evaluate("() => window.gtTrip.data.places.length")
    assert frame.locator(".leaflet-gtTrip-pane path").count() == 1 + places  # line + stop rings
    assert frame.locator(".gt-trip-arrow").count() == stops - 1
    labels = frame.locator(".gt-trip-label").all_inner_texts()
    numbers = sorted(int(line.split(" · ")[0]) for label in labels for line in label.split("\n"))
    assert numbers == list(range(1, stops + 1))
    assert all(" · " in line and line.split(" · ")[1][-4:].isdigit()
               for label in labels for line in label.split("\n"))
    assert tab.errors == []
    tab.page.close()


def _shown(frame) -> int:
    return frame.evaluate("""() => window.gtEvents.markers
        .filter(m => window.gtEvents.group.hasLayer(m)).length""")


def test_playback_steps_plays_and_pauses_in_the_browser(server, browser):
    url, _ = server
    tab = Offline(browser)
    frame = tab.open(url)
    total = frame.evaluate("() => window.gtEvents.markers.length")
    assert _shown(frame) == total
    frame.locator(".gt-pb-select[title='Step']").select_option("month")
    step = frame.locator(".gt-pb-btn[title='Step forward']")
    step.click()
    windows, counts = [], []
    for _ in range(60):
        windows.append(frame.evaluate("() => window.gtPlayback.window"))
        counts.append(_shown(frame))
        # The markers on the map are exactly those of the window, as the label says.
        label = frame.locator(".gt-pb-label").inner_text()
        assert label.endswith(f"· {counts[-1]} event" + ("" if counts[-1] == 1 else "s")), label
        if frame.evaluate("() => window.gtPlayback.state.k >= window.gtPlayback.state.steps - 1"):
            break
        step.click()
    assert all(b[0] == a[1] + 1 for a, b in zip(windows, windows[1:], strict=False))  # months
    assert max(counts) > 0 and min(counts) < total  # the markers change with the window
    # Play at 8x moves on by itself; pause holds it.
    frame.locator(".gt-pb-btn[title='Step back']").click()
    frame.locator(".gt-pb-select[title='Speed']").select_option("4")
    # Drag the scrubber back to the start (as a drag does: value, then an input event).
    frame.locator(".gt-pb-scrub").evaluate(
        "s => { s.value = '0'; s.dispatchEvent(new Event('input', {bubbles: true})); }")
    assert frame.evaluate("() => window.gtPlayback.state.k") == 0
    frame.locator(".gt-pb-btn[title='Play']").click()
    frame.wait_for_function("() => window.gtPlayback.state.k >= 2", timeout=10_000)
    frame.locator(".gt-pb-btn[title='Pause']").click()
    held = frame.evaluate("() => window.gtPlayback.state.k")
    assert 2 <= held < frame.evaluate("() => window.gtPlayback.state.steps - 1"), held
    tab.page.wait_for_timeout(600)
    assert frame.evaluate("() => window.gtPlayback.state.k") == held
    # Cumulative keeps what has been shown; stop brings every event back.
    frame.locator(".gt-pb-cum input").check()
    assert _shown(frame) >= counts[min(held, len(counts) - 1)]
    frame.locator(".gt-pb-btn[title^='Stop']").click()
    assert _shown(frame) == total
    assert tab.errors == []
    tab.page.close()
