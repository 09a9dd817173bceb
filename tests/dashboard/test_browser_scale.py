"""The dashboard on 100,000 events in a real browser (issue 10 §1): the overview map renders
counts per area, follows a filter change, zooms in when a count is clicked until the events are
markers, and a marker's click shows its passage. Same offline browser as ``test_browser``."""

from __future__ import annotations

import time

import pytest
import test_browser
from big_store import big_store
from reveal import map_frame, reveal_marker
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


def _counts(page) -> str:
    return page.locator("[data-testid='stMarkdown']", has_text=" events from ").first.inner_text()


def test_the_overview_renders_follows_filters_and_opens_passages(server, browser):
    url, _ = server
    tab = Offline(browser)
    tab.page.goto(url)
    frame = map_frame(tab.page, _CELLS, timeout_s=120)
    assert "of 99,999 events" in _counts(tab.page)
    before = frame.evaluate(_TOTAL)
    assert before > 10_000, before  # counts per area, not a marker per event
    assert frame.locator(".gt-cell").count() == frame.evaluate(
        "() => window.gtOverviewCells.markers.length")

    # A filter change: deployments only (4 of the 9 sample events) redraws the counts.
    tab.page.locator("[data-testid='stMultiSelect']", has_text="Event type").click()
    tab.page.get_by_role("option", name="Deployment").click()
    tab.page.keyboard.press("Escape")
    frame = map_frame(tab.page, f"window.gtOverviewCells && {_SUM} !== {before}")
    after = frame.evaluate(_TOTAL)
    assert 0 < after < before, (before, after)
    tab.page.get_by_text("44,444 of 99,999 events").wait_for(timeout=30_000)

    # Clicking a count zooms in; once the view holds few enough events they are markers.
    for _ in range(8):
        if frame.evaluate("() => Boolean(window.gtEvents && window.gtEvents.markers.length)"):
            break
        frame.locator(".gt-cell").first.click()
        tab.settle()
        frame = map_frame(tab.page, "window.gtOverviewCells || window.gtEvents")
    frame = map_frame(tab.page, "window.gtEvents && window.gtEvents.markers.length > 0")
    tab.frame = frame
    index = 0
    assert reveal_marker(tab.page, frame, index, "gt-test-target", "gt-test-cluster")
    place = frame.evaluate("(i) => { const D = window.gtEvents.data; return D.pl[D.p[i]]; }",
                           index)
    tab.target().click()
    card = tab.page.locator(".gt-card").first
    card.wait_for(timeout=30_000)
    assert "Deployment" in card.inner_text()
    assert place.split(",")[0] in tab.page.locator(".gt-panel-head").inner_text()
    assert not tab.errors, tab.errors
    assert not [u for u in tab.blocked if "tile.openstreetmap" not in u], tab.blocked
