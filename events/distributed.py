"""Ingest on a Dask cluster: the workers extract, this process reads the files and writes.

``python -m events ingest PATH... --dask local|tcp://host:8786``. The ingesting process reads
every file (reading costs about 1/40 of extracting), sends the articles that need extracting to
the workers in partitions of a few files, and stores the files' results in input order as
they come back, a partition's files in one transaction, exactly as a local ingest stores a
worker's chunk: the same events, the same ids, the same per-file results. One writer is enough:
storing costs about 0.5 ms an article against about 8 ms to extract it, so the writer keeps up
with some fifteen extracting cores (measured by ``benchmarks/bench_ingest.py``), and writing
through ``Store.put_files`` keeps the store's identity rules (a file owns its articles,
replacements are reported).

Workers only need this package and its requirements: they never open the input files or the
store. Each worker process extracts with ``events.extract.extract``, which builds one
``Extractor`` (and opens the gazetteer index) on first use and keeps it for the process's
life; the index is found on the worker's machine as anywhere else (``GEOTIMELINE_GAZETTEER``,
else the cached default index under ``$GEOTIMELINE_CACHE`` or ``data/cache/``, built there on
first use). ``ExtractorPlugin`` builds it when a worker starts, so no task waits for it.

A worker lost mid-run loses nothing: the scheduler runs its tasks again elsewhere (extraction is
a pure function of the article), and a file is only ever written whole, by this process.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

from distributed import Client, Future, WorkerPlugin

from events.articles import read_path
from events.exc import ArticleError, EventsError
from events.ingest import Extractor, Parsed, _read_safely, _Reader, in_order
from events.model import Article, Event

# A partition closes at this many files or this much article text, whichever comes first: big
# enough that a task's overhead (about a millisecond) is small against extracting it, small
# enough that every worker gets several and one long article does not hold back others.
PARTITION_FILES = 16
PARTITION_CHARS = 256 * 1024
# Partitions in flight per worker thread: workers never wait for the writer.
AHEAD_PER_THREAD = 4
# Seconds to wait for a scheduler given by address.
CONNECT_TIMEOUT_S = 30

class ClusterError(EventsError, RuntimeError):
    """The cluster could not run the extraction (what was stored before stays whole)."""


# One file as read here: its articles (with the ones to extract), or the error reading it.
_Read = tuple[Path, list[Article], list[Article]] | tuple[Path, ArticleError, None]


@contextlib.contextmanager
def connect(address: str, *, workers: int = 2) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a new local cluster of ``workers``
    processes (one thread each: extraction holds the GIL) when ``address`` is "local".
    Both are closed on exit; a cluster given by address is left running."""
    from distributed import LocalCluster

    if address == "local":
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         host="127.0.0.1", dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            client.register_plugin(ExtractorPlugin())
            yield client
        return
    with Client(address, timeout=CONNECT_TIMEOUT_S) as client:
        client.register_plugin(ExtractorPlugin())
        yield client


class ExtractorPlugin(WorkerPlugin):
    """Builds the default extractor (and opens, or builds, the gazetteer index) when a worker
    starts, instead of in its first task; a worker whose index cannot be had fails there, at
    its start, with the reason."""

    name = "geotimeline-extractor"

    def setup(self, worker: object) -> None:
        from events import extract

        # The public entry point: it keeps one Extractor per process from its first call on.
        extract.extract(Article(id="warm-up", text="Talks were held in Minsk on Monday."))


def read_all(
    files: list[Path], reader: _Reader, client: Client | Callable[[], Client]
) -> Iterator[list[tuple[Path, Parsed | ArticleError]]]:
    """Each file with its articles and events (or its error), in input order, the events
    extracted on ``client``'s workers, in lists of a partition's files (they are ready
    together); like ``events.ingest._read_all`` with local processes.

    ``client`` may be a function giving one: it is then called only once some article needs
    extracting, so re-ingesting an unchanged corpus never starts or reaches a cluster."""
    partitions = _partitions(files, reader)
    for partition in partitions:
        if any(pending for _, _, pending in partition):
            break
        yield list(_assemble(partition, [], reader))
    else:
        return
    if callable(client):
        client = client()
    threads = max(1, sum(client.nthreads().values()))

    def submit(partition: list[_Read]) -> _Done | Future:
        todo = [(str(path), pending) for path, _, pending in partition if pending]
        if not todo:
            return _Done([])
        return client.submit(extract_partition, reader.extractor, todo, pure=False)

    rest = itertools.chain([partition], partitions)
    try:
        for part, extracted in in_order(rest, submit, ahead=AHEAD_PER_THREAD * threads):
            yield list(_assemble(part, extracted, reader))
    except (ArticleError, GeneratorExit):
        raise
    except Exception as e:  # noqa: BLE001 - the cluster's failure, not one file's
        # A file's own errors come back as values; what is raised is the cluster's (a scheduler
        # without this package, every worker dying): files stored so far stay whole.
        first = str(e).strip().splitlines()[0] if str(e).strip() else ""
        raise ClusterError(f"the Dask cluster failed: {type(e).__name__}: {first}") from e


def _assemble(
    partition: list[_Read], extracted: list[list[list[Event]] | ArticleError], reader: _Reader
) -> Iterator[tuple[Path, Parsed | ArticleError]]:
    """A partition's files with what reading them here and extracting them there gave."""
    results = iter(extracted)
    for path, articles, pending in partition:
        if isinstance(articles, ArticleError):
            yield path, articles
            continue
        found = next(results) if pending else []
        if isinstance(found, ArticleError):
            yield path, found
        else:
            yield path, reader.combine(articles, found)


def extract_partition(
    extractor: Extractor | None, todo: list[tuple[str, list[Article]]]
) -> list[list[list[Event]] | ArticleError]:
    """On a worker: the events of each file's articles, or the file's extraction error."""
    reader = _Reader(extractor, {})
    out: list[list[list[Event]] | ArticleError] = []
    for label, articles in todo:
        try:
            out.append(reader.extract(label, articles))
        except ArticleError as e:
            out.append(ArticleError(str(e)))  # without its traceback chain
    return out


def _partitions(files: list[Path], reader: _Reader) -> Iterator[list[_Read]]:
    """The files read here, grouped into partitions (see PARTITION_FILES)."""
    partition: list[_Read] = []
    chars = 0
    for path in files:
        try:
            articles = _read_safely(str(path), lambda path=path: read_path(path))
        except ArticleError as e:
            partition.append((path, ArticleError(str(e)), None))
        else:
            pending = reader.pending(articles)
            partition.append((path, articles, pending))
            chars += sum(len(a.text) for a in pending)
        if len(partition) >= PARTITION_FILES or chars >= PARTITION_CHARS:
            yield partition
            partition, chars = [], 0
    if partition:
        yield partition


class _Done:
    """A finished future: a partition with nothing to extract needs no task."""

    def __init__(self, value: list) -> None:
        self.value = value

    def result(self) -> list:
        return self.value
