"""The Extractor object: built from a gazetteer, no hidden global, safe from many threads."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from events import Extractor
from events.model import Article
from gazetteer import Gazetteer

PLACES = ("Minsk", "Warsaw", "Brest", "Vilnius", "Kyiv", "Riga", "Tbilisi", "Astana")
# {p}, {q}: two places; people's names that are also places (Austin, Victoria) change the
# recogniser's per-call person words from one article to the next.
TEMPLATES = (
    "{P}, Dec. 3 -- Senator Austin arrived here on Monday for talks with officials. Later Austin "
    "flew to {q}, where he met the foreign minister on Tuesday.",
    "Two brigades were deployed near {p} last week. Military observers arrived in {q} on Friday.",
    "The leaders will hold a summit in {p} on December 6. Victoria Nuland visited {q} in May.",
    "Navies of three states held joint drills off {p} on Sunday. A frigate docked at {q}.",
)
ARTICLES = [
    Article(id=f"a{i}", text=t.format(p=p, q=q, P=p.upper()), title="", published=dt.date(2024, 12, 4),
            published_basis="metadata")
    for i, (t, (p, q)) in enumerate(itertools.product(TEMPLATES, itertools.permutations(PLACES[:5], 2)))
]


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture
def frequent_switches():
    """Switch threads every microsecond, so interleavings the GIL rarely allows happen."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def test_the_articles_yield_events():
    """The fixture exercises extraction: every template gives events, and places vary."""
    extractor = Extractor()
    results = [extractor.extract(a) for a in ARTICLES]
    assert all(results)
    assert len({e.place_name for events in results for e in events}) >= 5


def test_eight_threads_give_the_serial_results(gz, frequent_switches):
    extractor = Extractor(gz)
    serial = {a.id: extractor.extract(a) for a in ARTICLES}
    work = ARTICLES * 3
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(extractor.extract, work))
    assert [a.id for a, got in zip(work, results, strict=True) if got != serial[a.id]] == []


def test_a_given_gazetteer_is_used_and_the_default_never_opened(gz, monkeypatch):
    def no_default():
        raise AssertionError("Gazetteer.default() called although a gazetteer was given")

    monkeypatch.setattr(Gazetteer, "default", staticmethod(no_default))
    events = Extractor(gz).extract(ARTICLES[0])
    assert {(e.type, e.place_name) for e in events} >= {("visit", "Minsk"), ("meeting", "Warsaw")}
