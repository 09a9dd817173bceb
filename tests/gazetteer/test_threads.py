"""One shared gazetteer, recogniser and geoparser give every thread the serial results.

The texts mix the same capitalised words used as people's names ("Senator Lincoln") and as
places ("talks in Lincoln"), so a recogniser that kept one call's person words on the shared
instance would let another thread's call read them and change its answer.
"""

from __future__ import annotations

import itertools
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from gazetteer import Gazetteer, Geoparser, geoparse
from gazetteer.toponyms import Recognizer

THREADS = 8
ROUNDS = 4

# Words that are both surnames or given names and the names of sizeable places.
NAMES = ("Lincoln", "Jackson", "Madison", "Hamilton", "Warren", "Austin", "Florence",
         "Victoria", "Chester", "Regina", "Kingston", "Preston")
# {n}: one of NAMES; the first templates use it as a person, the others as a place.
TEMPLATES = (
    "Senator {n} arrived on Monday for talks in Minsk. Later {n} thanked the hosts.",
    "Mr. {n} met the ministers of Poland and Lithuania. {n} said the visit was useful.",
    "President Alexander {n} and his aides flew to Warsaw, where {n} spoke to reporters.",
    "Governor {n} toured a factory. Reporters asked {n} about the border with Canada.",
    "The delegation travelled to {n} on Tuesday. Talks in {n} lasted two days.",
    "Troops were seen near {n}, about 40 km from the coast. Residents of {n} were calm.",
    "A summit in {n} brought together leaders from France, Germany and Belarus.",
    "Officials in {n} said a convoy left for Brest and Grodno before dawn.",
)
TEXTS = [t.format(n=n) for t, n in itertools.product(TEMPLATES, NAMES)] + [
    # texts joining both uses, so one call's person words differ within the text
    f"Mayor {a} visited {b} on Friday. In {b}, {a} opened a bridge."
    for a, b in itertools.permutations(NAMES[:6], 2)
]


@pytest.fixture
def frequent_switches():
    """Switch threads every microsecond so that interleavings the GIL would rarely allow
    happen in every run."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def _in_threads(fn, texts):
    work = texts * ROUNDS
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(fn, work)), work


def test_texts_use_the_names_both_ways(gz: Gazetteer):
    """The fixture texts exercise what they claim: some names are kept as places in one text
    and dropped as people in another."""
    rec = Recognizer(gz)
    kept = {t for t in TEXTS if any(t[m.start:m.end] in NAMES for m in rec(t))}
    assert kept and len(kept) < len(TEXTS)


def test_shared_recognizer_gives_serial_results(gz: Gazetteer, frequent_switches):
    rec = Recognizer(gz)
    serial = {t: rec(t) for t in TEXTS}
    results, work = _in_threads(rec, TEXTS)
    differing = [t for t, got in zip(work, results, strict=True) if got != serial[t]]
    assert differing == []


def test_shared_geoparser_gives_serial_results(gz: Gazetteer, frequent_switches):
    parser = Geoparser(gz)
    serial = {t: parser(t) for t in TEXTS}
    assert serial == {t: geoparse(t, gazetteer=gz) for t in TEXTS}
    results, work = _in_threads(parser, TEXTS)
    differing = [t for t, got in zip(work, results, strict=True) if got != serial[t]]
    assert differing == []


def test_geoparse_with_a_gazetteer_never_opens_the_default(gz: Gazetteer, monkeypatch):
    def no_default():
        raise AssertionError("Gazetteer.default() called although a gazetteer was given")

    monkeypatch.setattr(Gazetteer, "default", staticmethod(no_default))
    assert [t.text for t in geoparse("Talks in Minsk.", gazetteer=gz)] == ["Minsk"]
    assert [t.text for t in Geoparser(gz)("Troops near Brest.")] == ["Brest"]
