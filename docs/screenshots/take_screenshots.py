"""Regenerate the README screenshots from a running dashboard, offline, with Debian's chromium.

    streamlit run dashboard/app.py --server.port 8501 &
    python docs/screenshots/take_screenshots.py [http://localhost:8501]

Writes map.png (the sample events), passage.png (the Minsk marker's passages), timeline.png,
offmap.png (the "Not on the map" panel), itinerary.png (Vladimir Putin's trip), empty.png
(zero matches: the map keeps its view and says why) and playback.png (the time-lapse paused on
December 2024, cumulative) and correct.png (the correction controls under a passage, the place
search open; nothing is saved) next to this file. Requests that leave the machine are blocked, as on a machine with no internet,
so the map shows the built-in country outlines rather than OpenStreetMap tiles.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "dashboard"))

from reveal import reveal_marker  # noqa: E402  (shared with the browser tests)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def offline_page(browser, height: int = 900):
    """A 1440-pixel-wide page whose requests off this machine are aborted."""
    page = browser.new_page(viewport={"width": 1440, "height": height}, device_scale_factor=1)
    page.route("**/*", lambda r: r.continue_()
               if urlsplit(r.request.url).hostname in ("localhost", "127.0.0.1")
               else r.abort())
    return page


def main(url: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = offline_page(browser)
        page.goto(url)
        iframe = page.locator("iframe[title='streamlit_folium.st_folium']")
        iframe.wait_for(timeout=180_000)
        frame = iframe.element_handle().content_frame()
        frame.wait_for_function("() => window.gtEvents && window.gtEvents.markers.length > 0")
        page.wait_for_timeout(1500)
        page.screenshot(path=HERE / "map.png")

        index = frame.evaluate(
            """() => { const D = window.gtEvents.data;
                 for (let i = 0; i < D.lat.length; i++)
                   if (D.pl[D.p[i]] === "Minsk, Belarus" && D.dl[D.d[i]] === "6 December 2024")
                     return i;
                 return -1; }"""
        )
        # Click clusters, as a user would, until the marker shows.
        reveal_marker(page, frame, index, "gt-shot", "gt-shot-cluster")
        frame.locator(".gt-shot").click()
        page.locator(".gt-evidence mark.gt-date").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1200)
        page.screenshot(path=HERE / "passage.png")

        chart = page.locator("[data-testid='stPlotlyChart']")
        chart.scroll_into_view_if_needed()
        page.wait_for_timeout(800)
        box = chart.bounding_box()
        page.screenshot(path=HERE / "timeline.png", clip={
            "x": box["x"] - 10, "y": box["y"] - 60, "width": box["width"] + 20,
            "height": box["height"] + 110,
        })
        # The panel opens by itself when it lists few mentions; open it otherwise.
        summary = page.get_by_text("Why each of the")
        if page.get_by_text("no place in the text").count() == 0:
            summary.click()
        summary.scroll_into_view_if_needed()
        page.wait_for_timeout(800)
        head = page.locator(".gt-section-head", has_text="Not on the map").bounding_box()
        page.screenshot(path=HERE / "offmap.png", clip={
            "x": head["x"] - 10, "y": head["y"] - 10, "width": 560, "height": 620})

        page.goto(url + "/?trip=Vladimir+Putin")
        _map_frame(page)
        page.wait_for_timeout(1500)
        page.screenshot(path=HERE / "itinerary.png")

        page.goto(url)
        frame = _map_frame(page)
        page.wait_for_timeout(1500)
        frame.locator(".gt-pb-select[title='Step']").select_option("month")
        frame.locator(".gt-pb-btn[title='Step forward']").click()
        frame.locator(".gt-pb-cum input").check()
        # Scrub to the last month, as a drag would.
        frame.locator(".gt-pb-scrub").evaluate(
            "s => { s.value = s.max; s.dispatchEvent(new Event('input', {bubbles: true})); }")
        page.wait_for_timeout(1000)
        page.screenshot(path=HERE / "playback.png")

        page.goto(url + "/?type=visit&country=KZ")
        _map_frame(page)
        page.wait_for_timeout(1500)
        page.screenshot(path=HERE / "empty.png")

        _correction_controls(page, url)
        browser.close()


def _correction_controls(page, url: str) -> None:
    """correct.png: the controls under the Brest deployment, the place search showing Brest's
    namesakes. Nothing is saved: no button is pressed."""
    page.goto(url)
    frame = _map_frame(page)
    frame.wait_for_function("() => window.gtEvents.markers.length > 0")
    index = frame.evaluate(
        """() => { const D = window.gtEvents.data;
             for (let i = 0; i < D.lat.length; i++)
               if (D.pl[D.p[i]] === "Brest, Belarus") return i;
             return -1; }"""
    )
    reveal_marker(page, frame, index, "gt-shot", "gt-shot-cluster")
    frame.locator(".gt-shot").click()
    page.locator(".gt-panel-head", has_text="Brest").wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.get_by_text("Correct this event").first.click()
    search = page.get_by_role("textbox", name="Find a place").first
    search.fill("Brest")
    search.press("Enter")
    choices = page.get_by_label("Place", exact=True).first
    choices.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.locator(".gt-panel-head").evaluate("e => e.scrollIntoView()")
    page.wait_for_timeout(800)
    for _ in range(5):  # a click during a rerun's redraw opens nothing: click again
        choices.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=3_000)
            break
        except PlaywrightTimeout:
            page.wait_for_timeout(1000)
    page.wait_for_timeout(500)
    head = page.locator(".gt-panel-head").bounding_box()
    card = page.locator(".gt-card").first.bounding_box()
    page.screenshot(path=HERE / "correct.png", clip={
        "x": card["x"] - 10, "y": head["y"] - 10, "width": card["width"] + 20, "height": 820})
    page.keyboard.press("Escape")


def _map_frame(page):
    iframe = page.locator("iframe[title='streamlit_folium.st_folium']")
    iframe.wait_for(timeout=60_000)
    frame = iframe.element_handle().content_frame()
    frame.wait_for_function("() => window.gtEvents !== undefined")
    return frame


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501")
