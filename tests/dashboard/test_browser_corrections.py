"""Human corrections in a real browser (issue 11 §1): reject one event and move another to the
right namesake place, reload, re-ingest; the map keeps both changes. Same offline server and
browser as ``test_browser``."""

from __future__ import annotations

import subprocess
import sys

import test_browser
from test_browser import FIRST_LOAD_S, REPO, Offline, sync_api

from events.corrections import load_corrections
from events.store import Store

server = test_browser.server
browser = test_browser.browser
pytestmark = test_browser.pytestmark

_PLACES = "() => { const D = window.gtEvents.data; return D.p.map(i => D.pl[i]); }"


def _wait_places(tab, check, what: str, timeout_s: float = 30) -> list[str]:
    """The map's place labels, once ``check(places)`` holds (the map redraws after a rerun)."""
    deadline = tab.page.evaluate("() => Date.now()") + timeout_s * 1000
    places: list[str] = []
    while tab.page.evaluate("() => Date.now()") < deadline:
        try:
            places = tab.current_frame().evaluate(_PLACES)
        except Exception:  # noqa: BLE001 - the frame was replaced mid-read; look again
            places = []
        if check(places):
            return places
        tab.page.wait_for_timeout(300)
    raise AssertionError(f"the map never showed {what}: {places}")


def _open_card(tab, place: str, date: str | None = None):
    """Click the marker of ``place`` and open 'Correct this event' under its only passage."""
    tab.settle()  # the last change's reruns are over: the map frame is the one to click in
    tab.current_frame()
    tab.show_marker(place, date)
    tab.target().click()
    head = tab.page.locator(".gt-panel-head", has_text=place)
    head.wait_for(timeout=30_000)
    tab.settle()
    tab.page.get_by_text("Correct this event").first.click()


def _changed_copies(folder):
    """The sample articles with a paragraph added under the headline (same ids): re-ingested,
    they replace the stored ones, and every passage after it moves."""
    folder.mkdir()
    for path in sorted((REPO / "data" / "articles").glob("*.txt")):
        header, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        headline, rest = body.split("\n", 1)
        note = "\n\nEditor's note: this article was updated after publication.\n"
        (folder / path.name).write_text(f"{header}\n---\n{headline}{note}{rest}",
                                        encoding="utf-8")
    return folder


def test_reject_and_move_survive_reload_and_reingest(server, browser, tmp_path):
    url, store = server
    tab = Offline(browser)
    tab.open(url, timeout_s=FIRST_LOAD_S)
    places = tab.current_frame().evaluate(_PLACES)
    assert "Konstantinovsky Palace, Russia" in places and "Brest, Belarus" in places, places
    assert not any(p.startswith("Brest, France") for p in places)

    # An editor name with markup: stored and shown as text.
    tab.page.get_by_text("Corrections", exact=True).first.click()
    editor = tab.page.get_by_label("Your name (recorded with your corrections)")
    editor.fill("Ann <img src=x onerror=alert('ed')>")
    editor.press("Enter")
    tab.settle()

    _open_card(tab, "Konstantinovsky Palace")
    tab.page.get_by_role("button", name="Reject: not an event").click()
    _wait_places(tab, lambda ps: ps and "Konstantinovsky Palace, Russia" not in ps,
                 "the rejected event gone")

    _open_card(tab, "Brest, Belarus")
    search = tab.page.get_by_role("textbox", name="Find a place").first
    search.fill("Brest")
    search.press("Enter")
    choices = tab.page.get_by_label("Place", exact=True).first
    choices.wait_for(timeout=30_000)
    tab.settle()
    # The namesakes are told apart by region, country, kind and population.
    option = tab.page.get_by_role("option", name="Brest — Brittany, France · city")
    for _ in range(5):  # a click landing during a rerun's redraw opens nothing: click again
        choices.click()
        try:
            option.wait_for(timeout=3_000)
            break
        except sync_api.TimeoutError:
            tab.settle()
    assert "people" in option.inner_text()
    option.click()
    tab.settle()
    tab.page.get_by_role("button", name="Set place").click()
    _wait_places(tab, lambda ps: any(p.startswith("Brest, France") for p in ps)
                 and "Brest, Belarus" not in ps, "the event moved to Brest, France")

    # The corrections list shows both, with the editor's name as text.
    tab.settle()
    summary = tab.page.get_by_text("Corrections (2 corrections)")
    listed = tab.page.locator("[data-testid='stExpander']",
                              has_text="Corrections (2 corrections)").locator(".gt-fix")
    for _ in range(5):  # a click during a rerun's redraw may be lost: click again
        summary.click()
        try:
            listed.first.wait_for(timeout=5_000)
            break
        except sync_api.TimeoutError:
            tab.settle()
    text = " ".join(listed.all_inner_texts())
    assert "Rejected" in text and "Brest, Belarus → Brest, France" in text, text
    assert "by Ann <img src=x onerror=alert('ed')>" in text
    assert tab.page.locator("img[src='x']").count() == 0

    # Reload: a new session reads the corrections from the store.
    tab.open(url)
    after_reload = _wait_places(tab, lambda ps: bool(ps), "any marker")
    assert "Konstantinovsky Palace, Russia" not in after_reload
    assert any(p.startswith("Brest, France") for p in after_reload)

    # Re-ingest changed versions of both articles: their events are replaced (new offsets,
    # new rows); the corrections, tied to the passages, hold.
    with Store(store) as s:
        before = {e.id: e.evidence_start for e in s.events()}
    done = subprocess.run(
        [sys.executable, "-m", "events", "ingest", str(_changed_copies(tmp_path / "changed")),
         "--db", str(store), "--no-progress"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "2 replaced" in done.stderr, done.stderr
    with Store(store) as s:
        assert len(load_corrections(s)) == 2
        moved = {e.id: e.evidence_start for e in s.events()}
    assert not set(before) & set(moved)  # ids hash offsets: every event is a new row
    tab.open(url)
    after_ingest = _wait_places(tab, lambda ps: bool(ps), "any marker")
    assert "Konstantinovsky Palace, Russia" not in after_ingest
    assert any(p.startswith("Brest, France") for p in after_ingest)
    assert "Brest, Belarus" not in after_ingest
    assert tab.dialogs == [] and tab.errors == []
    tab.page.close()
