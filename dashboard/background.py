"""A batch of uploads stored by a thread of its own, so that the page stays usable meanwhile.

Streamlit runs a page's script to the end before the page answers again: a 20 MB upload read
and extracted inside the script would hold the session for a minute or more. Here the script
only starts an ``UploadJob`` and shows its progress; the thread reads, extracts and stores one
file at a time (each in one transaction, so a cancelled or failed upload keeps every file
stored before it, and the file it stops in is not stored at all). The thread never calls
Streamlit; the page polls the job.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import busy
from events.exc import EventsError
from events.store import Store

# (name, data, store, done=...) -> the file's result, calling done(i, n) as it extracts articles.
Ingest = Callable[..., object]


class Cancelled(Exception):
    """Raised inside the thread when the user cancels: the file being read is not stored."""


@dataclass
class UploadJob:
    """One submitted batch: its files' names and sizes, the results so far, and the bytes done.

    Written by the job's thread, read by the page: each field is replaced whole, never mutated
    in place, so a reader always sees a value that was true at some moment.
    """

    names: tuple[str, ...]
    sizes: tuple[int, ...]
    results: tuple[object, ...] = ()  # one per file, in order (dashboard.uploads.UploadResult)
    done_bytes: int = 0
    current: str = ""
    cancel_requested: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)

    @property
    def total_bytes(self) -> int:
        return sum(self.sizes)

    def fraction(self) -> float:
        return min(1.0, self.done_bytes / self.total_bytes) if self.total_bytes else 1.0

    def cancel(self) -> None:
        self.cancel_requested.set()


def start(files: list[tuple[str, bytes]], store_path: Path, ingest: Ingest,
          refuse: Callable[[str, str], object], *, refused: tuple[object, ...] = ()) -> UploadJob:
    """Store ``files`` ((name, bytes) pairs) into the store at ``store_path`` on a new thread.

    ``ingest(name, data, store, done=...)`` stores one file and returns its result;
    ``refuse(name, message)`` makes the result of a file that was not stored; ``refused`` are
    results of files refused before the start, listed after the others."""
    job = UploadJob(tuple(name for name, _ in files), tuple(len(data) for _, data in files))
    pending = list(files)
    files.clear()  # the thread holds the only reference: each file's bytes go once it is stored
    thread = threading.Thread(target=_run, args=(job, pending, store_path, ingest, refuse, refused),
                              name="geotimeline-upload", daemon=True)
    thread.start()
    return job


def _run(job: UploadJob, files: list[tuple[str, bytes]], store_path: Path, ingest: Ingest,
         refuse: Callable[[str, str], object], refused: tuple[object, ...]) -> None:
    try:
        with busy.writing(store_path), Store(store_path) as store:
            while files:
                name, data = files.pop(0)
                if job.cancel_requested.is_set():
                    job.results += (refuse(name, f"{name}: cancelled, not added"),)
                    continue
                size, before = len(data), job.done_bytes
                job.current = name

                def done(i: int, n: int, size: int = size, before: int = before) -> None:
                    if job.cancel_requested.is_set():
                        raise Cancelled
                    job.done_bytes = before + size * i // max(n, 1)

                try:
                    result = ingest(name, data, store, done=done)
                except Cancelled:
                    result = refuse(name, f"{name}: cancelled while reading it, not added "
                                          "(the files before it are stored)")
                del data
                job.results += (result,)
                job.done_bytes = before + size
    except (EventsError, OSError) as e:
        job.results += (refuse("", f"Cannot write to the event store: {e}"),)
    except Exception as e:  # noqa: BLE001 - the page must hear of any failure, not wait forever
        job.results += (refuse("", f"Adding articles failed: {type(e).__name__}: {e}"),)
    finally:
        job.results += refused
        job.current = ""
        job.finished.set()
