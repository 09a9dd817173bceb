"""Screenshots of the dashboard on a big store, offline, with Debian's chromium.

    python benchmarks/synthetic_store.py /tmp/big.sqlite --events 1000000
    GEOTIMELINE_DB=/tmp/big.sqlite streamlit run dashboard/app.py --server.port 8501 &
    python docs/screenshots/take_scale_screenshots.py [http://localhost:8501]

Writes scale-overview.png (the first view: counts per area, the timeline by month below),
scale-zoomed.png (after a click on the biggest count) and scale-passage.png (the biggest
count clicked until it is a single place, then its passages: the first 50 by date) next to
this file.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "dashboard"))

from reveal import map_frame  # noqa: E402  (shared with the browser tests)
from take_screenshots import ARGS, offline_page  # noqa: E402


def _quiet(page) -> None:
    status = page.locator("[data-testid='stStatusWidget']")
    for _ in range(20):
        page.wait_for_timeout(500)
        if not (status.count() and status.first.is_visible()):
            return


def main(url: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = offline_page(browser, height=1100)
        page.goto(url)
        frame = map_frame(page, "window.gtOverviewCells && window.gtOverviewCells.markers.length",
                          timeout_s=300)
        _quiet(page)
        page.wait_for_timeout(1500)
        page.screenshot(path=HERE / "scale-overview.png", full_page=True)
        # Click the biggest count in view until it is one place (or the view holds markers),
        # with Leaflet's own click on it: the layer may be swapped under a mouse.
        for step in range(10):
            if frame.evaluate("() => Boolean(window.gtEvents && window.gtEvents.markers.length)"):
                break
            if step == 1:
                page.wait_for_timeout(1500)
                page.screenshot(path=HERE / "scale-zoomed.png")
            one = frame.evaluate("""() => {
                const cells = window.gtOverviewCells.markers, box = window.map.getBounds();
                const inside = cells.filter(m => box.pad(-0.1).contains(m.getLatLng()));
                const pick = (inside.length ? inside : cells)
                  .reduce((a, b) => a.gtCell[2] >= b.gtCell[2] ? a : b);
                const k = cells.indexOf(pick);
                if (!window.gtOverviewCells.data.one[k]) { pick.fire('click'); return false; }
                return true; }""")
            if one:
                break
            page.wait_for_timeout(1000)
            _quiet(page)
            frame = map_frame(page, "window.gtOverviewCells || window.gtEvents")
        # Open the biggest place's passages, as a click on its count does.
        frame.evaluate("""() => {
            const cells = window.gtOverviewCells.markers, box = window.map.getBounds();
            const inside = cells.filter(m => box.contains(m.getLatLng()));
            const pick = inside.reduce((a, b) => a.gtCell[2] >= b.gtCell[2] ? a : b);
            pick.getElement().classList.add('gt-shot'); }""")
        frame.locator(".gt-shot").click()
        page.locator(".gt-evidence").first.wait_for(timeout=120_000)
        _quiet(page)
        page.locator(".gt-panel-head").scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        page.screenshot(path=HERE / "scale-passage.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501")
