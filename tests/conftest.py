"""Shared test helpers: hand-made events, a deterministic stand-in extractor, a temporary store.

``make_event`` and ``fake_extract`` are plain functions (also importable as ``conftest.*`` by the
subprocesses of the crash and concurrency tests); fixtures hand them to tests.
"""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path

import pytest

from events.model import Article, Event, Span
from events.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL_ARTICLES = SHARED / "eval" / "events" / "articles"
SAMPLE_ARTICLES = REPO / "data" / "articles"


def make_event(article_id: str, n: int = 0, **changes: object) -> Event:
    """An event with every field set to a non-default value (so round trips test them all)."""
    values: dict[str, object] = dict(
        id=f"{article_id}:{n}",
        type="meeting",
        cameo="043",
        article_id=article_id,
        evidence=f"Putin met Lukashenko in Minsk on December {n + 1}.",
        evidence_start=10 * n,
        evidence_end=10 * n + 47,
        trigger_span=Span(6, 9),
        date_start=dt.date(2024, 12, n % 28 + 1),
        date_end=dt.date(2024, 12, n % 28 + 1),
        date_granularity="day",
        date_basis="explicit",
        date_text=f"December {n + 1}",
        date_span=Span(33, 43),
        reported=dt.date(2024, 12, 4),
        place_id="625144",
        place_name="Minsk",
        place_text="Minsk",
        place_span=Span(24, 29),
        country_code="BY",
        lat=53.9 + n / 1000,
        lon=27.56667,
        place_level="city",
        uncertainty_km=12.5,
        actors=("Vladimir Putin", "Alexander Lukashenko"),
        confidence=0.875,
        sources=(article_id,),
    )
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def fake_extract(article: Article) -> list[Event]:
    """0-4 events per article, a pure function of its id and text (stands in for extract)."""
    count = zlib.crc32(f"{article.id}|{article.text}".encode()) % 5
    return [make_event(article.id, n, evidence=article.text[:80]) for n in range(count)]


@pytest.fixture(name="make_event")
def make_event_fixture():
    return make_event


@pytest.fixture(name="fake_extract")
def fake_extract_fixture():
    return fake_extract


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened
