"""Screenshots of the dashboard on a big store, offline, with Debian's chromium.

    python benchmarks/synthetic_store.py /tmp/big.sqlite --events 1000000
    GEOTIMELINE_DB=/tmp/big.sqlite streamlit run dashboard/app.py --server.port 8501 &
    python docs/screenshots/take_scale_screenshots.py [http://localhost:8501]

Writes scale-overview.png (the first view: counts per area, the timeline by month below),
scale-zoomed.png (after clicking counts until the view holds markers) and scale-passage.png
(a marker's passages) next to this file.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "dashboard"))

from reveal import map_frame, reveal_marker  # noqa: E402  (shared with the browser tests)
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
        # Click the biggest count in view until the events are markers.
        for _ in range(10):
            if frame.evaluate("() => Boolean(window.gtEvents && window.gtEvents.markers.length)"):
                break
            frame.evaluate("""() => {
                const cells = window.gtOverviewCells.markers, box = window.map.getBounds();
                const inside = cells.filter(m => box.pad(-0.1).contains(m.getLatLng()));
                const pick = (inside.length ? inside : cells)
                  .reduce((a, b) => a.gtCell[2] >= b.gtCell[2] ? a : b);
                pick.getElement().classList.add('gt-shot-cell'); }""")
            frame.locator(".gt-shot-cell").click()
            _quiet(page)
            frame = map_frame(page, "window.gtOverviewCells || window.gtEvents")
        frame = map_frame(page, "window.gtEvents && window.gtEvents.markers.length")
        page.wait_for_timeout(1500)
        page.screenshot(path=HERE / "scale-zoomed.png")
        reveal_marker(page, frame, 0, "gt-shot", "gt-shot-cluster")
        frame.locator(".gt-shot").click()
        page.locator(".gt-evidence").first.wait_for(timeout=60_000)
        _quiet(page)
        page.locator(".gt-panel-head").scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        page.screenshot(path=HERE / "scale-passage.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501")
