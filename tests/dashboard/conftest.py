"""Dashboard test fixtures: stores filled with hand-built events (no extractor involved)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dash_fixtures as fx  # noqa: E402
from dash_fixtures import fill_store  # noqa: E402

from dashboard.data import events_frame  # noqa: E402


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
