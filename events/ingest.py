"""Files → articles → events → store, one result per file; a bad file never stops the batch.

Each file is read and extracted completely before anything is written, and all its articles
are then written in one transaction: a file either lands whole or changes nothing.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from events.articles import iter_files, read_bytes, read_path
from events.exc import ArticleError
from events.model import Article, Event
from events.store import Store

Extractor = Callable[[Article], list[Event]]
# Files handed to a worker at a time when extracting in a process pool.
_CHUNK = 8


@dataclass(frozen=True)
class FileResult:
    """What happened to one input file: the ids of the articles it held (empty on error), the
    number of events extracted from them, and a one-line error naming the file, or None."""

    path: str
    article_ids: tuple[str, ...]
    events: int
    error: str | None

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
) -> list[FileResult]:
    """Read, extract and store every file under ``paths`` (directories are expanded).

    Never raises for a bad file: its result carries the error and the store is untouched by it.
    ``workers > 1`` extracts in that many processes while this one writes (``extractor`` must
    then be picklable, a module-level function). An article id seen twice in one batch (say
    ``a.txt`` and ``a.html``) is refused the second time rather than silently replaced.
    """
    files = list(iter_files(paths))
    results = []
    owners: dict[str, str] = {}
    bar = _progress_bar(len(files), enabled=progress)
    try:
        for path, parsed in _read_all(files, workers, extractor):
            result = _store_parsed(path, parsed, store, owners)
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
    try:
        parsed = _extract_all(read_bytes(name, data), extractor, label)
    except ArticleError as e:
        parsed = e
    return _store_parsed(label, parsed, store, {})


def read_and_extract(
    path: str | os.PathLike[str], extractor: Extractor | None = None
) -> list[tuple[Article, list[Event]]]:
    """One file's articles with their events; raises ArticleError for any per-file failure."""
    return _extract_all(read_path(path), extractor, str(path))


def _extract_all(
    articles: list[Article], extractor: Extractor | None, label: str
) -> list[tuple[Article, list[Event]]]:
    if extractor is None:
        # Looked up per call so that a replaced events.extract.extract is honoured.
        from events import extract as extract_module

        extractor = extract_module.extract
    out = []
    for article in articles:
        try:
            events = list(extractor(article))
        except Exception as e:  # noqa: BLE001 - an extractor bug on one file must not stop a batch
            message = " ".join(str(e).split())[:200]
            raise ArticleError(
                f"{label}: extraction failed on article {article.id!r}: "
                f"{type(e).__name__}: {message}"
            ) from e
        out.append((article, events))
    return out


def _worker(
    path: Path, extractor: Extractor | None
) -> list[tuple[Article, list[Event]]] | ArticleError:
    try:
        return read_and_extract(path, extractor)
    except ArticleError as e:
        return ArticleError(str(e))  # without its traceback chain, which may not pickle


def _read_all(
    files: list[Path], workers: int, extractor: Extractor | None
) -> Iterator[tuple[Path, list[tuple[Article, list[Event]]] | ArticleError]]:
    if workers <= 1 or len(files) < 2 * _CHUNK:
        for path in files:
            yield path, _worker(path, extractor)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),)
    ) as pool:
        # map keeps input order and reads ahead, so extraction overlaps with writing; windows
        # bound how many extracted files wait in memory for the writer.
        window = _CHUNK * workers * 16
        for begin in range(0, len(files), window):
            part = files[begin : begin + window]
            parsed = pool.map(_worker, part, [extractor] * len(part), chunksize=_CHUNK)
            yield from zip(part, parsed, strict=True)


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
    parsed: list[tuple[Article, list[Event]]] | ArticleError,
    store: Store,
    owners: dict[str, str],
) -> FileResult:
    label = str(path)
    if isinstance(parsed, ArticleError):
        return FileResult(label, (), 0, _one_line(str(parsed)))
    for article, _ in parsed:
        owner = owners.get(article.id)
        if owner is not None and owner != label:
            return FileResult(
                label, (), 0,
                f"{label}: article id {article.id!r} already read from {owner} in this batch",
            )
    try:
        store.add_many(parsed)
    except ValueError as e:  # events that do not belong to their article: an extractor bug
        return FileResult(label, (), 0, _one_line(f"{label}: cannot store: {e}"))
    for article, _ in parsed:
        owners[article.id] = label
    return FileResult(
        label,
        tuple(article.id for article, _ in parsed),
        sum(len(events) for _, events in parsed),
        None,
    )


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _progress_bar(total: int, *, enabled: bool):  # noqa: ANN202 - tqdm or a stand-in
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled, file=sys.stderr, unit="file", leave=False)
