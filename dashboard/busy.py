"""Which stores are being written by a session of this server right now.

Every browser tab is a session of the same Streamlit process. While one tab fills a new store
from the sample articles (or stores an upload), another tab reading the store sees it part
filled, or empty, and nothing would tell it to look again. Writers register here; readers ask,
say so, and poll until the write is done (``app`` reruns then).
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

_lock = threading.Lock()
_writing: Counter[str] = Counter()


def _key(path: Path) -> str:
    return str(Path(path).resolve())


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Mark ``path`` as being written for the duration of the ``with`` block."""
    key = _key(path)
    with _lock:
        _writing[key] += 1
    try:
        yield
    finally:
        _release(key)


def _release(key: str) -> None:
    with _lock:
        _writing[key] -= 1
        if _writing[key] <= 0:
            del _writing[key]


def is_writing(path: Path) -> bool:
    with _lock:
        return _writing.get(_key(path), 0) > 0


@contextlib.contextmanager
def first_writer(path: Path) -> Iterator[bool]:
    """Like ``writing``, but only for the first session to ask: yields False (and marks
    nothing) when another session is already writing ``path``, so two tabs opened at once do
    not both fill a new store."""
    key = _key(path)
    with _lock:
        mine = _writing.get(key, 0) == 0
        if mine:
            _writing[key] += 1
    try:
        yield mine
    finally:
        if mine:
            _release(key)
