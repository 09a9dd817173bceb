"""Shared fixtures; the plain helpers live in tests/pipeline_helpers.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_helpers import fake_extract, make_event  # noqa: E402

from events.store import Store  # noqa: E402


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
