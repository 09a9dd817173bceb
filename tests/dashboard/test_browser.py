"""The dashboard in a real browser (Debian's chromium through Playwright), with no internet.

One ``streamlit run`` serves a store that does not exist yet, so the first page load ingests the
sample articles with the real pipeline. Every request that is not for this machine is aborted,
as it would fail offline; the map must render and work regardless.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import dash_fixtures as fx
import pytest
from reveal import reveal_marker

from events.store import Store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None,
                       reason="needs Debian's chromium on PATH (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api")

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
FIRST_LOAD_S = 180  # the first page load may build the gazetteer index and ingest the samples


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve(tmp_path_factory.mktemp("browser") / "store.sqlite")


def serve(store: Path):
    """``streamlit run`` on ``store`` (a fixture's body): yields its URL and the store."""
    port = _free_port()
    env = {**os.environ, "GEOTIMELINE_DB": str(store)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            pytest.fail(f"streamlit did not start:\n{out[-3000:]}")
        time.sleep(0.3)
    yield url, store
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Offline:
    """A page with every non-local request aborted, and every dialog recorded and dismissed."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str, timeout_s: float = 60):
        self.page.goto(url)
        return self.current_frame(timeout_s)

    def current_frame(self, timeout_s: float = 30):
        """The map frame of the page's latest run, once it has markers (a rerun replaces the
        iframe's document)."""
        iframe = self.page.locator("iframe[title='streamlit_folium.st_folium']").last
        iframe.wait_for(timeout=timeout_s * 1000)
        frame = iframe.element_handle().content_frame()
        frame.wait_for_function("() => window.gtEvents && window.gtEvents.markers.length > 0",
                                timeout=timeout_s * 1000)
        self.frame = frame
        return frame

    def show_marker(self, place: str, date: str | None = None) -> int:
        """Click clusters, as a user would, until the marker of an event at ``place`` (on
        ``date``) is drawn on its own; returns its index. Marks it ``.gt-test-target``."""
        index = self.frame.evaluate(
            """([place, date]) => {
                 const D = window.gtEvents.data;
                 for (let i = 0; i < D.lat.length; i++) {
                   if (D.pl[D.p[i]].startsWith(place) && (!date || D.dl[D.d[i]] === date)) return i;
                 }
                 return -1;
               }""",
            [place, date],
        )
        assert index >= 0, f"no marker for {place} {date}"
        if reveal_marker(self.page, self.frame, index, "gt-test-target", "gt-test-cluster"):
            return index
        raise AssertionError(f"marker {index} for {place} never shown on its own")

    def settle(self, quiet_ms: int = 1000, timeout_s: float = 30) -> None:
        """Wait until the app has not been running a rerun for ``quiet_ms``."""
        status = self.page.locator("[data-testid='stStatusWidget']")
        deadline = time.monotonic() + timeout_s
        quiet_since = None
        while time.monotonic() < deadline:
            if status.count() and status.first.is_visible():
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
                return
            self.page.wait_for_timeout(100)

    def target(self):
        return self.frame.locator(".gt-test-target")


def located_events(store: Path) -> int:
    with Store(store) as s:
        return sum(e.lat is not None and e.lon is not None for e in s.merged_events())


def visible_marker_total(frame, expected: int, timeout_s: float = 10.0) -> int:
    """Markers on the map, alone or counted in clusters, counted again until they are
    ``expected`` or the time is up: while clusters animate, a marker can be drawn both alone and
    inside its cluster for a moment."""
    deadline = time.monotonic() + timeout_s
    while True:
        singles = frame.locator(".gt-pin").count()
        total = singles + sum(int(t) for t in frame.locator(".gt-cluster b").all_inner_texts())
        if total == expected or time.monotonic() > deadline:
            return total
        time.sleep(0.2)


def test_map_renders_offline_and_a_click_opens_the_passage(server, browser):
    url, store = server
    tab = Offline(browser)
    frame = tab.open(url, timeout_s=FIRST_LOAD_S)
    # Leaflet ran from local data: URIs, the country outlines are drawn, the tiles were refused.
    assert frame.evaluate("() => typeof L === 'object' && typeof L.markerClusterGroup")
    assert frame.locator(".leaflet-gtBasemap-pane path").count() > 0
    assert tab.blocked and all("tile.openstreetmap.org" in u for u in tab.blocked), tab.blocked
    frame.locator(".gt-offline").wait_for(state="visible")
    # Every sample event with a place is on the map, alone or inside a cluster.
    expected = located_events(store)
    assert expected >= 5
    assert frame.evaluate("() => window.gtEvents.markers.length") == expected
    assert visible_marker_total(frame, expected) == expected
    assert frame.locator(".gt-legend").inner_text().startswith("Meeting")

    tab.show_marker("Minsk, Belarus", "6 December 2024")
    tab.target().hover()
    # (Passing over other markers on the way may leave their tooltips open too.)
    tooltip = frame.locator(".leaflet-tooltip", has_text="Minsk, Belarus").first
    tooltip.wait_for()
    tab.target().click()
    date = tab.page.locator(".gt-evidence mark.gt-date", has_text="December 6")
    date.first.wait_for(timeout=30_000)
    evidence = date.first.locator("xpath=ancestor::blockquote[1]").inner_text()
    assert "December 6" in evidence and "Minsk" in evidence
    assert tab.page.locator(".gt-panel-head").inner_text().startswith("Minsk, Belarus")
    assert tab.dialogs == [] and tab.errors == []
    tab.page.close()


HOSTILE_UPLOAD = (
    "---\ntitle: Upload <script>alert('up-title')</script>\npublished: 2024-06-02\n---\n"
    "Putin met Lukashenko in Minsk on June 2, 2024, <img src=x onerror=alert('up-img')> "
    "`${alert('up-tick')}` <a href=\"javascript:alert('up-link')\">x</a></script>.\n"
)


def _timeline_hover(tab, needle: str) -> str:
    """The timeline's hover label over the first point whose label holds ``needle`` (else the last one)."""
    chart = tab.page.locator("[data-testid='stPlotlyChart']").last
    chart.scroll_into_view_if_needed()
    hover = ""
    points = chart.locator(".scatterlayer .point")
    for i in range(points.count()):
        points.nth(i).hover(force=True)
        hover = " ".join(tab.page.locator(".hoverlayer").all_text_contents())
        if needle in hover:
            break
    return hover


def test_hostile_article_is_shown_as_text_everywhere(server, browser):
    url, store = server
    with Store(store) as s:  # another process writing while the dashboard serves
        s.add(fx.ARTICLE_XSS, fx.xss_events())
    tab = Offline(browser)
    tab.open(url)
    # The same payloads through the uploader, under a name that tries to leave its folder.
    tab.page.get_by_text("Add articles").click()
    # (The sidebar's uploader: the Corrections section has one for importing corrections.)
    tab.page.locator("[data-testid='stSidebar'] [data-testid='stFileUploaderDropzoneInput']"
              ).set_input_files(
        files=[{"name": "..\\..\\evil.md", "mimeType": "text/markdown",
                "buffer": HOSTILE_UPLOAD.encode()}]
    )
    tab.page.get_by_role("button", name="Add to the map").click()
    tab.page.locator(".gt-upload", has_text="evil.md").wait_for(timeout=60_000)
    assert not list(REPO.parent.glob("evil.md")) and not (REPO / "evil.md").exists()

    frame = tab.open(url)
    tab.show_marker("Minsk <img")
    tab.target().hover()
    tooltip = frame.locator(".leaflet-tooltip", has_text="xss-place").first
    tooltip.wait_for()
    assert "Minsk <img src=x onerror=alert('xss-place')>, Belarus" in tooltip.inner_text()
    tab.target().click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Hostile <script>alert('xss-title')</script> title" in popup.inner_text()

    card = tab.page.locator(".gt-card", has_text="xss-script")
    card.wait_for(timeout=30_000)
    text = card.inner_text()
    for payload in ("<script>alert('xss-script')</script>", "<img src=x onerror=alert('xss-img')>",
                    "`${alert('xss-tick')}`", "<a href=\"javascript:alert('xss-link')\">click</a>",
                    "<script>alert('xss-actor')</script>", "javascript:alert('xss-source')"):
        assert payload in text, payload

    tab.page.get_by_role("textbox", name="Search passages").fill("onerror")
    tab.page.get_by_role("textbox", name="Search passages").press("Enter")
    cells = tab.page.locator("[data-testid='stDataFrame'] td")
    # The grid draws on a canvas; its accessible (hidden) table holds the same cell text.
    # (Wait for both rows: the clicked marker's row comes first even before the search ran.)
    for needle in ("xss-img", "up-img"):
        cells.filter(has_text=needle).first.wait_for(state="attached", timeout=30_000)
    table = " ".join(cells.all_inner_texts())
    assert "<img src=x onerror=alert('xss-img')>" in table
    assert "<img src=x onerror=alert('up-img')>" in table

    # The timeline's hover label shows the passage as text too. (Plotly may redraw the chart after
    # the rerun has ended, detaching it under the pointer: then the chart is read again.)
    hover = ""
    for _attempt in range(3):
        tab.settle()
        try:
            hover = _timeline_hover(tab, "xss-img")
            break
        except sync_api.Error as error:
            if "not attached" not in str(error):
                raise
    assert "<img src=x onerror=alert('xss-img')>" in hover, hover

    # Actor names from articles are options of the Actor filter: listed as text.
    tab.page.locator("[data-testid='stMultiSelect']", has_text="Actor").click()
    option = tab.page.get_by_role("option", name="<script>alert('xss-actor')</script>")
    option.wait_for(timeout=10_000)
    tab.page.keyboard.press("Escape")

    # The search re-drew the map (a new frame): check the current one.
    frame = tab.page.locator("iframe[title='streamlit_folium.st_folium']").last.element_handle(
    ).content_frame()
    for where in (tab.page, frame):
        assert where.locator("img[src='x']").count() == 0
        assert where.locator("a[href^='javascript']").count() == 0
    # (The map frame's one script holds the payloads as inert JSON strings; the page has none.)
    assert tab.page.evaluate(
        "() => [...document.scripts].some(s => /xss-|up-/.test(s.textContent))"
    ) is False
    assert tab.dialogs == [], tab.dialogs
    assert not [e for e in tab.errors if re.search("xss|up-", e)]
    tab.page.close()


def test_dragging_across_the_timeline_narrows_the_dates(server, browser):
    url, _ = server
    tab = Offline(browser)
    tab.open(url)
    counts = tab.page.locator("[data-testid='stMarkdownContainer']", has_text="events from")
    before = counts.first.inner_text()
    total = re.match(r"(\d+) of (\d+) events", before)
    assert total and total.group(1) == total.group(2), before
    thumbs = tab.page.locator("[data-testid='stSliderThumbValue']")
    first_day = thumbs.first.inner_text()
    plot = tab.page.locator("[data-testid='stPlotlyChart'] .nsewdrag").first
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    y = box["y"] + box["height"] / 2
    # The right-hand fifth of the timeline: late 2024 only.
    tab.page.mouse.move(box["x"] + box["width"] * 0.8, y)
    tab.page.mouse.down()
    tab.page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=5)
    tab.page.mouse.move(box["x"] + box["width"] * 0.995, y, steps=5)
    tab.page.mouse.up()
    tab.page.wait_for_function(
        """(before) => [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
             .some(e => e.innerText.includes(' events from') && e.innerText !== before)""",
        arg=before, timeout=30_000,
    )
    after = re.match(r"(\d+) of (\d+) events", counts.first.inner_text())
    assert after and 0 < int(after.group(1)) < int(after.group(2))
    # The slider's start moved later (the data end in December 2024).
    assert thumbs.first.inner_text() != first_day
    assert thumbs.first.inner_text().endswith("2024"), thumbs.all_inner_texts()
    assert tab.dialogs == [] and tab.errors == []
    tab.page.close()
