"""The dashboard on 100,000 events in a real browser (issue 10 §1): the overview map renders
counts per area, follows a filter change, zooms in when a count is clicked until the events are
markers, and a marker's click shows its passage. Same offline browser as ``test_browser``."""

from __future__ import annotations

import time

import pytest
import test_browser
from big_store import big_store
from reveal import map_frame
from test_browser import Offline

browser = test_browser.browser
pytestmark = test_browser.pytestmark
EVENTS = 100_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    started = time.monotonic()
    store = big_store(tmp_path_factory.mktemp("scale") / "big.sqlite", EVENTS)
    assert time.monotonic() - started < 60  # a few seconds on an idle machine
    yield from test_browser.serve(store)


_CELLS = "window.gtOverviewCells && window.gtOverviewCells.markers.length > 0"
_SUM = "window.gtOverviewCells.data.cells.reduce((n, c) => n + c[2], 0)"
_TOTAL = f"() => {_SUM}"


_ZOOM_IN = """() => {
  const O = window.gtOverviewCells, box = window.map.getBounds();
  const zoomable = O.markers.filter((m, k) => !O.data.one[k] && box.contains(m.getLatLng()));
  if (!zoomable.length) return false;
  zoomable.reduce((a, b) => a.gtCell[2] >= b.gtCell[2] ? a : b).fire('click');
  return true;
}"""


# Marks (class gt-test-pick) the first icon matching a selector that nothing covers.
_PICK = """(selector) => {
  document.querySelectorAll('.gt-test-pick').forEach(e => e.classList.remove('gt-test-pick'));
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    if (el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2))) {
      el.classList.add('gt-test-pick');
      return true;
    }
  }
  return false;
}"""


def _counts(page) -> str:
    return page.locator("[data-testid='stMarkdown']", has_text=" events from ").first.inner_text()


def test_the_overview_renders_follows_filters_and_opens_passages(server, browser):
    url, _ = server
    tab = Offline(browser)
    tab.page.goto(url)
    map_frame(tab.page, _CELLS, timeout_s=120)
    # The first view's counts, then (a rerun) the counts for the view the browser reports.
    tab.settle()
    frame = map_frame(tab.page, _CELLS)
    assert "of 99,999 events" in _counts(tab.page)
    before = frame.evaluate(_TOTAL)
    assert before > 10_000, before  # counts per area, not a marker per event
    drawn, sent = frame.evaluate("""() => [document.querySelectorAll('.gt-cell').length,
                                           window.gtOverviewCells.markers.length]""")
    assert drawn == sent  # the layer it replaced is gone

    # A filter change: deployments only (4 of the 9 sample events) redraws the counts.
    tab.page.locator("[data-testid='stMultiSelect']", has_text="Event type").click()
    tab.page.get_by_role("option", name="Deployment").click()
    tab.page.keyboard.press("Escape")
    tab.page.get_by_text("44,444 of 99,999 events").wait_for(timeout=30_000)
    tab.settle()
    frame = map_frame(tab.page, _CELLS)
    # Every count is of deployments now (a cell is [..., one count per type, in EVENT_TYPES
    # order: meeting, visit, summit, deployment, exercise, others]).
    by_type = frame.evaluate("() => window.gtOverviewCells.data.cells.map(c => c.slice(7))")
    assert sum(c[3] for c in by_type) > 0
    assert all(n == 0 for c in by_type for t, n in enumerate(c) if t != 3), by_type[:3]

    # Clicking a count zooms in; once the view holds few enough events they are markers.
    for _ in range(8):
        if frame.evaluate("() => Boolean(window.gtEvents && window.gtEvents.markers.length)"):
            break
        # Leaflet's own click on the biggest count that is not a single place: a rerun may
        # swap the layer under a mouse on a busy machine.
        assert frame.evaluate(_ZOOM_IN), "nothing left to zoom into"
        tab.page.wait_for_timeout(500)
        tab.settle()
        frame = map_frame(tab.page, "window.gtOverviewCells || window.gtEvents")
    # Click clusters until a marker stands alone (each click may move the map, and moving the
    # map reruns the app, which sends the markers of the new view), then click it.
    pin = None
    for _ in range(8):
        tab.settle()
        frame = map_frame(tab.page, "window.gtEvents && window.gtEvents.markers.length > 0")
        if frame.evaluate(_PICK, ".gt-pin"):
            pin = frame.locator(".gt-test-pick")
            break
        assert frame.evaluate(_PICK, ".gt-cluster:not(.gt-cell)"), "no cluster to click"
        frame.locator(".gt-test-pick").click()
        tab.page.wait_for_timeout(800)
    assert pin is not None, "no marker stood alone"
    label = pin.get_attribute("aria-label")  # "Deployment · date · place"
    pin.click()
    card = tab.page.locator(".gt-card").first
    card.wait_for(timeout=30_000)
    assert "Deployment" in card.inner_text()
    place = label.split(" \u00b7 ")[2].split(",")[0].split(" (")[0]
    assert place in tab.page.locator(".gt-panel-head").inner_text()
    assert not tab.errors, tab.errors
    assert not [u for u in tab.blocked if "tile.openstreetmap" not in u], tab.blocked
