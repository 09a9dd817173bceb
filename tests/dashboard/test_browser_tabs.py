"""Two tabs (issue 11 §4): the second, opened while the first is still writing to the store,
says so and shows the store's real counts when the first is done, without the user doing
anything (instead of "0 of 0 events" until a click)."""

from __future__ import annotations

import re

import test_browser
from test_browser import FIRST_LOAD_S, REPO, Offline

server = test_browser.server
browser = test_browser.browser
pytestmark = test_browser.pytestmark


def _counts(page) -> str:
    found = page.locator("[data-testid='stMarkdownContainer']", has_text=" events from ")
    return found.first.inner_text() if found.count() else ""


# A long article (about 5 MB of a sample article's text, repeated) so that storing it takes long
# enough (seconds) for a second tab to open meanwhile.
_SAMPLE = (REPO / "data" / "articles" / "004_c8b0ddb14abcdc66.txt").read_text(encoding="utf-8")
LONG = ("---\ntitle: Long upload\npublished: 2024-12-04\n---\n"
        + _SAMPLE.split("---\n", 2)[2] * 900).encode()


def test_a_tab_opened_while_another_writes_says_so_then_updates_itself(server, browser):
    url, _ = server
    first = Offline(browser)
    first.open(url, timeout_s=FIRST_LOAD_S)
    before = re.match(r"(\d+) of \1 events from 2 articles", _counts(first.page))
    assert before, _counts(first.page)
    first.page.get_by_text("Add articles").click()
    # (The sidebar's uploader: the Corrections section has one for importing corrections.)
    first.page.locator("[data-testid='stSidebar'] [data-testid='stFileUploaderDropzoneInput']"
              ).set_input_files(
        files=[{"name": "long.md", "mimeType": "text/markdown", "buffer": LONG}])
    first.page.get_by_role("button", name="Add to the map").click()
    first.page.get_by_text("Reading and extracting").wait_for(timeout=60_000)

    second = Offline(browser)
    second.page.goto(url)
    second.page.get_by_text("Another tab is adding articles to this store").wait_for(
        timeout=30_000)
    # No click, no reload: the second tab shows the stored article once the first is done (as
    # several articles: 5 MB is longer than any news story, events.parts).
    second.page.wait_for_function(
        "() => /\\d+ of \\d+ events from (?:[3-9]|\\d\\d+) articles/.test(document.body.innerText)",
        timeout=FIRST_LOAD_S * 1000)
    second.page.get_by_text("Another tab is adding articles").wait_for(state="detached",
                                                                     timeout=30_000)
    first.page.locator(".gt-upload", has_text=re.compile(r"long\.md: \d+ articles")).wait_for(
        timeout=30_000)
    # The tab that uploads shows its own progress, not "another tab".
    assert first.page.get_by_text("Another tab is adding articles").count() == 0
    assert first.errors == [] and second.errors == []
    first.page.close()
    second.page.close()
