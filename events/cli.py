"""``python -m events``: ingest files into the store, extract to stdout, show dates, export;
export and import human corrections.

Exit codes: 0 all fine, 1 some files failed (the rest were processed), 2 usage errors
(bad arguments, a store that cannot be opened).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from events.articles import SUFFIXES
from events.exc import ArticleError, StoreError, one_line

FORMATS = ("jsonl", "csv", "geojson")
EXIT_OK, EXIT_FILES_FAILED, EXIT_USAGE = 0, 1, 2
# The order of the per-file outcomes in ingest's summary (see events.ingest.FileResult).
_STATUSES = ("new", "updated", "replaced", "re-extracted", "unchanged", "failed")
# Skipped files listed by name for each reason; the rest are counted.
_SHOWN_SKIPPED = 10
_PATHS_HELP = ("files or folders (read recursively); '-' reads more paths from standard "
               "input, one per line, as `find ... | python -m events ingest -`")
# Extraction is CPU-bound and one writer keeps up with several extracting processes.
DEFAULT_WORKERS = min(4, os.cpu_count() or 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # The reader (say `| head`) went away: not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    except (StoreError, _UsageError) as e:
        print(f"error: {one_line(str(e))}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m events",
        description="News articles to dated, typed, geolocated events (offline).",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="read, extract and store articles")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    ingest.add_argument("--db", help="store file (default: $GEOTIMELINE_DB, else data/geotimeline.sqlite)")
    ingest.add_argument("--workers", type=_positive, default=DEFAULT_WORKERS,
                        help=f"processes extracting in parallel (default {DEFAULT_WORKERS}: "
                             "the CPU count, at most 4; with --dask local, its workers)")
    ingest.add_argument("--dask", metavar="local|ADDRESS",
                        help="extract on a Dask cluster: 'local' starts one on this machine, "
                             "an address such as tcp://host:8786 uses that scheduler's workers "
                             "(which need geotimeline installed and find the gazetteer index "
                             "as here: $GEOTIMELINE_GAZETTEER, else their own cache); this "
                             "process still reads the files and writes the store")
    ingest.add_argument("--force", action="store_true",
                        help="extract again articles stored unchanged by the same code")
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_ingest)

    extract = commands.add_parser("extract", help="extract events to stdout, no store")
    extract.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    extract.add_argument("--format", choices=FORMATS, default="jsonl")
    extract.set_defaults(run=_extract)

    dates = commands.add_parser("dates", help="date expressions of one file, as JSON lines")
    dates.add_argument("file", metavar="FILE")
    dates.add_argument("--anchor", type=_date, help="YYYY-MM-DD (default: publication date)")
    dates.set_defaults(run=_dates)

    export = commands.add_parser("export", help="write the stored events to stdout")
    export.add_argument("--db", help="store file (default: $GEOTIMELINE_DB, else data/geotimeline.sqlite)")
    export.add_argument("--format", choices=FORMATS, default="jsonl")
    export.add_argument("--merged", action="store_true",
                        help="one event per happening, with all its sources")
    export.add_argument("--uncorrected", action="store_true",
                        help="the events as extracted, without the human corrections")
    export.set_defaults(run=_export)

    corrections = commands.add_parser(
        "corrections", help="export or import the human corrections of a store (JSON Lines)")
    actions = corrections.add_subparsers(required=True, metavar="ACTION")
    for name, run, helps in (
        ("export", _corrections_export, "write the corrections to FILE (default: stdout)"),
        ("import", _corrections_import, "add the corrections of FILE (default: stdin); "
                                         "those already in the store are skipped"),
    ):
        action = actions.add_parser(name, help=helps)
        action.add_argument("file", nargs="?", metavar="FILE", help=helps)
        action.add_argument("--db", help="store file (default: $GEOTIMELINE_DB, else "
                                         "data/geotimeline.sqlite)")
        action.set_defaults(run=run)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def _open_store(db: str | None, *, create: bool = True):  # noqa: ANN202 - events.store.Store
    """The store ``db`` (else the default); a read command (``create=False``) refuses a
    missing file instead of creating an empty store there."""
    from events.store import Store

    path = Path(db) if db else Store.default_path()
    if not create and str(path) != ":memory:" and not path.exists():
        raise StoreError(one_line(f"{path}: no such store (ingest creates one)"))
    return Store(path)


def _ingest(args: argparse.Namespace) -> int:
    from events.ingest import ingest

    skipped: list[tuple[str, str]] = []
    paths = _paths(args.paths)
    with _open_store(args.db) as store, _cluster(args) as client:
        results = ingest(paths, store, progress=not args.no_progress, workers=args.workers,
                         force=args.force, skipped=skipped, client=client)
        counts = store.counts()
        where = store.path
    if not results:
        print(one_line(f"no article files found in {' '.join(map(str, paths)) or 'no paths'} "
                       f"(looked for {', '.join(SUFFIXES)})"), file=sys.stderr)
        _print_skipped(skipped)
        return EXIT_FILES_FAILED
    failed = [r for r in results if r.error is not None]
    articles = sum(len(r.article_ids) for r in results)
    events = sum(r.events for r in results)
    print(
        f"{len(results) - len(failed)} of {len(results)} files ingested: {articles} articles, "
        f"{events} events; the store {one_line(str(where))} holds {counts['articles']} "
        f"articles, {counts['events']} events",
        file=sys.stderr,
    )
    by_status = Counter(r.status for r in results)
    parts = [f"{by_status[s]:,} {s}" for s in _STATUSES if by_status[s]]
    parts += [f"{n:,} skipped: {reason}"
              for reason, n in sorted(Counter(reason for _, reason in skipped).items())]
    print("files: " + ", ".join(parts), file=sys.stderr)
    for note in (note for r in results for note in r.replaced):
        print(f"  {note}", file=sys.stderr)
    if failed:
        print(f"{len(failed)} file{'s' if len(failed) != 1 else ''} failed:", file=sys.stderr)
        for result in failed:
            print(f"  {result.error}", file=sys.stderr)
    _print_skipped(skipped)
    return EXIT_FILES_FAILED if failed else EXIT_OK


def _paths(given: list[str]) -> list[str]:
    """``given`` with each ``-`` replaced by the paths read from standard input, one a line
    (blank lines ignored; a name holding a newline cannot be given this way)."""
    if "-" not in given:
        return given
    piped = [line.rstrip("\r\n") for line in sys.stdin]
    piped = [line for line in piped if line.strip()]
    return [path for item in given for path in (piped if item == "-" else [item])]


class _UsageError(Exception):
    """A command-line problem found after parsing (exit 2, one line)."""


@contextlib.contextmanager
def _cluster(args: argparse.Namespace):  # noqa: ANN202 - a function giving a dask Client, or None
    """What ``--dask`` asks for: a function that connects to the cluster (starting a local
    one) when first called, closed on exit; None without ``--dask`` (local processes). Nothing
    is started before some article needs extracting."""
    if not args.dask:
        yield None
        return
    try:
        from events.distributed import ClusterError, connect
    except ImportError as e:
        raise _UsageError(f"--dask needs dask.distributed (pip install 'dask[distributed]'): {e}"
                          ) from None
    with contextlib.ExitStack() as stack:
        clients = []

        def client():  # noqa: ANN202 - a dask.distributed Client
            if not clients:
                try:
                    clients.append(stack.enter_context(connect(args.dask, workers=args.workers)))
                except (OSError, TimeoutError, ValueError) as e:
                    raise _UsageError(f"--dask {args.dask}: cannot use the cluster ({e})"
                                      ) from None
            return clients[0]

        try:
            yield client
        except ClusterError as e:
            raise _UsageError(f"--dask {args.dask}: {e} (the files stored before it are "
                              "whole; run again to finish)") from None


def _print_skipped(skipped: list[tuple[str, str]]) -> None:
    """The files found in folders and not read, grouped by reason (the first few of each)."""
    by_reason: dict[str, list[str]] = {}
    for path, reason in skipped:
        by_reason.setdefault(reason, []).append(path)
    for reason, paths in sorted(by_reason.items()):
        print(f"{len(paths):,} skipped ({reason}):", file=sys.stderr)
        for path in paths[:_SHOWN_SKIPPED]:
            print(f"  {one_line(path)}", file=sys.stderr)
        if len(paths) > _SHOWN_SKIPPED:
            print(f"  ... and {len(paths) - _SHOWN_SKIPPED:,} more", file=sys.stderr)


def _extract(args: argparse.Namespace) -> int:
    from events.articles import iter_files
    from events.ingest import read_and_extract

    articles, events, errors = {}, [], []
    skipped: list[tuple[str, str]] = []
    files = list(iter_files(_paths(args.paths), skipped=skipped))
    for path in files:
        try:
            for article, found in read_and_extract(path):
                articles[article.id] = article
                events.extend(found)
        except ArticleError as e:
            errors.append(str(e))
    _write(events, args.format, _stdout(), articles)
    for error in errors:
        print(error, file=sys.stderr)
    _print_skipped(skipped)
    return EXIT_FILES_FAILED if errors or not files else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from events.corrections import corrected_events

    with _open_store(args.db, create=False) as store:
        if args.uncorrected:
            events = store.merged_events() if args.merged else store.events()
        else:
            events = corrected_events(store, merged=args.merged).events
        articles = {article.id: article for article in store.articles()}
    _write(events, args.format, _stdout(), articles)
    return EXIT_OK


def _corrections_export(args: argparse.Namespace) -> int:
    from events.corrections import write_jsonl

    with _open_store(args.db, create=False) as store:
        if args.file and args.file != "-":
            try:
                with open(args.file, "w", encoding="utf-8", newline="") as out:
                    count = write_jsonl(store, out)
            except OSError as e:
                raise _UsageError(f"{args.file}: cannot write ({e.strerror or e})") from None
        else:
            count = write_jsonl(store, _stdout())
            sys.stdout.flush()
    print(f"{count} correction{'s' if count != 1 else ''} exported", file=sys.stderr)
    return EXIT_OK


def _corrections_import(args: argparse.Namespace) -> int:
    from events.corrections import CorrectionError, read_jsonl, save

    name = args.file if args.file and args.file != "-" else "<stdin>"
    try:
        if name == "<stdin>":
            found = read_jsonl(sys.stdin, name)
        else:
            with open(args.file, encoding="utf-8") as fp:
                found = read_jsonl(fp, name)
    except OSError as e:
        raise _UsageError(f"{args.file}: cannot read ({e.strerror or e})") from None
    except (CorrectionError, UnicodeDecodeError) as e:
        raise _UsageError(str(e)) from None
    with _open_store(args.db) as store:
        added = save(store, found)
    print(f"{added} correction{'s' if added != 1 else ''} imported, "
          f"{len(found) - added} already in the store", file=sys.stderr)
    return EXIT_OK


def _dates(args: argparse.Namespace) -> int:
    from events.articles import read_path

    try:
        articles = read_path(args.file)
    except ArticleError as e:
        print(e, file=sys.stderr)
        return EXIT_FILES_FAILED
    # Imported here: the date tagger is large and only this command needs it.
    from events.timex import find_dates

    out = _stdout()
    for article in articles:
        anchor = args.anchor or article.published
        for found in find_dates(article.text, anchor):
            record = {"article": article.id, "anchor": _iso(anchor), **_timex_record(found)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return EXIT_OK


def _timex_record(found: object) -> dict:
    fields = ("start", "end", "text", "type", "value", "first", "last", "granularity", "basis")
    return {field: _iso(getattr(found, field, None)) for field in fields}


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _write(events: list, fmt: str, out: IO[str], articles: dict) -> None:
    from events import export

    if fmt == "jsonl":
        export.write_jsonl(events, out, articles=articles)
    elif fmt == "csv":
        export.write_csv(events, out, articles=articles)
    else:
        export.write_geojson(events, out, articles=articles)
    out.flush()


def _stdout() -> IO[str]:
    # Article text is UTF-8 whatever the terminal's locale says; CSV needs untranslated newlines.
    with contextlib.suppress(AttributeError, ValueError):  # not a real text stream
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    return sys.stdout
