"""Dashboard test fixtures: stores filled with hand-built events (no extractor involved)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dash_fixtures as fx  # noqa: E402

from dashboard.data import events_frame  # noqa: E402
from events.store import Store  # noqa: E402


def fill_store(path: Path, *, xss: bool = False, unlocated: bool = False) -> Path:
    with Store(path) as store:
        events = fx.sample_events()
        for article in fx.sample_articles():
            mine = [e for e in events if e.article_id == article.id]
            if unlocated and article.id == fx.ARTICLE_JUL.id:
                mine.append(fx.unlocated_event())
            store.add(article, mine)
        if xss:
            store.add(fx.ARTICLE_XSS, fx.xss_events())
    return path


@pytest.fixture
def sample_store(tmp_path: Path) -> Path:
    return fill_store(tmp_path / "sample.sqlite")


@pytest.fixture
def xss_store(tmp_path: Path) -> Path:
    return fill_store(tmp_path / "xss.sqlite", xss=True)


@pytest.fixture
def frame():
    articles = {a.id: a for a in fx.sample_articles() + [fx.ARTICLE_XSS]}
    return events_frame(fx.sample_events() + fx.xss_events() + [fx.unlocated_event()], articles)
