"""The event store: one SQLite file holding articles and the events extracted from them.

Guarantees: an article and all its events are written in one transaction (a crash leaves
either the old state or the new one, never half an article); re-adding an unchanged article
changes nothing; several processes may read and write at once (WAL, ``BEGIN IMMEDIATE``,
a busy timeout); the schema version lives in ``PRAGMA user_version`` and a store written by a
newer version is refused rather than misread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from events import columns, index
from events.columns import day as _day
from events.columns import iso as _iso
from events.exc import SchemaVersionError, StoreError
from events.model import Article, Event

SCHEMA_VERSION = 7
# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 60.0
# WAL pages after which a commit copies the log into the store (SQLite's default is 1,000).
# Each such checkpoint waits for two fsyncs (a few ms each here): at 1,000 pages, with a
# one-article file writing about 45 pages (a page of every index it touches), that came every
# 20 articles or so and was about a third of the time storing took. 4,000 pages (a 16 MB log)
# waits four times less. A power cut (never a process crash) may lose the commits since the
# last checkpoint, never consistency, as before.
WAL_CHECKPOINT_PAGES = 4000

# Each entry brings the schema from the previous version to this one; statements run in one
# transaction together with the user_version bump.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            published TEXT,
            published_basis TEXT NOT NULL,
            source TEXT NOT NULL,
            meta TEXT NOT NULL,            -- JSON list of [key, value]
            text TEXT NOT NULL,
            n_events INTEGER NOT NULL,     -- events written with it: a check for whole articles
            fingerprint TEXT NOT NULL,     -- sha256 of content + events: unchanged re-adds are no-ops
            stored_at TEXT NOT NULL
        )""",
        """CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,          -- position in the extractor's output
            id TEXT NOT NULL,
            type TEXT NOT NULL,
            cameo TEXT NOT NULL,
            evidence TEXT NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            date_start TEXT,
            date_end TEXT,
            date_granularity TEXT NOT NULL,
            date_basis TEXT NOT NULL,
            date_text TEXT NOT NULL,
            date_span_start INTEGER,
            date_span_end INTEGER,
            reported TEXT,
            place_id TEXT NOT NULL,
            place_name TEXT NOT NULL,
            place_text TEXT NOT NULL,
            place_span_start INTEGER,
            place_span_end INTEGER,
            country_code TEXT NOT NULL,
            lat REAL,
            lon REAL,
            place_level TEXT NOT NULL,
            uncertainty_km REAL,
            actors TEXT NOT NULL,          -- JSON list
            confidence REAL NOT NULL,
            sources TEXT NOT NULL,         -- JSON list of article ids
            PRIMARY KEY (article_id, seq)
        )""",
        "CREATE INDEX events_by_id ON events(id)",
        "CREATE INDEX events_by_date ON events(date_start)",
    ),
    # What the events were extracted from and by, so that ingest can skip unchanged articles.
    2: (
        "ALTER TABLE articles ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN extractor TEXT NOT NULL DEFAULT ''",
    ),
    # The file (or upload name) an article was last read from: a file owns its articles, so a
    # re-read that no longer yields one of them (its front-matter id changed) removes it.
    3: (
        "ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX articles_by_origin ON articles(origin)",
    ),
    # Why an event has no place: mentions the extractor keeps rather than drops.
    4: ("ALTER TABLE events ADD COLUMN unplaced_reason TEXT NOT NULL DEFAULT ''",),
    # What the dashboard filters, counts and maps by at a million events (events/index.py).
    5: index.MIGRATION,
    # Human corrections (events.corrections): their own table, tied to events by article id,
    # passage text, type, place text and event word, not by a foreign key, so that re-ingesting or
    # removing an article never deletes them (those left without an event are orphaned).
    6: (
        """CREATE TABLE corrections (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            article_id TEXT NOT NULL,
            evidence TEXT NOT NULL,
            type TEXT NOT NULL,
            place_text TEXT NOT NULL,
            trigger_start INTEGER NOT NULL, -- the event word's offset in the passage, -1 unknown
            before TEXT NOT NULL,          -- JSON object
            after TEXT NOT NULL,           -- JSON object
            at TEXT NOT NULL,              -- ISO UTC time the correction was made
            by TEXT NOT NULL,              -- editor name, '' when not given
            event_id TEXT NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL
        )""",
        "CREATE INDEX corrections_by_article ON corrections(article_id)",
    ),
    # Indexes no query reads (index.UNUSED_INDEXES); each cost a page written per event.
    7: tuple(f"DROP INDEX IF EXISTS {name}" for name in index.UNUSED_INDEXES),
}

# Derived from the Event dataclass (events.columns); a test checks they are the table's.
_EVENT_COLUMNS = columns.EVENT_COLUMNS
_ARTICLE_COLUMNS = (
    "id", "title", "published", "published_basis", "source", "meta", "text", "n_events",
    "fingerprint", "stored_at", "content_hash", "extractor", "origin",
)
# Built from the constant column lists above, never from input: the values are ? parameters.
_FINGERPRINT = _ARTICLE_COLUMNS.index("fingerprint")
_CONTENT = _ARTICLE_COLUMNS.index("content_hash")
_ORIGIN = _ARTICLE_COLUMNS.index("origin")
_INSERT_EVENT = (
    f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})"
)
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})"
)


@dataclass(frozen=True)
class Written:
    """What storing a file's articles did.

    ``states`` maps each article id to "new" (not stored before), "unchanged" (same content
    and events), "re-extracted" (same content, other events) or "updated" (stored before with
    other content); ``previous`` gives, for updated articles last read from another file, that
    file (they replaced its article); ``removed`` lists the articles the file held before and
    no longer yields.
    """

    states: dict[str, str]
    previous: dict[str, str] = field(default_factory=dict)
    removed: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.removed) or any(s != "unchanged" for s in self.states.values())


class Store:
    """An open event store (a context manager). Safe to share between threads of one process."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        memory = str(path) == ":memory:"
        try:
            if not memory:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                check_same_thread=False,
            )
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"{self.path}: cannot open the store ({e})") from None
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self._configure(memory)
                return
            except sqlite3.OperationalError as e:  # locked, read-only, disk full...
                # SQLite answers "locked" at once, without waiting, to a connection that opens
                # a new store while another process switches it to WAL or migrates it: try
                # again (every step is idempotent) for as long as a write would wait.
                if "locked" in str(e) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                self._conn.close()
                raise StoreError(f"{self.path}: cannot open the store ({e})") from None
            except sqlite3.DatabaseError as e:
                self._conn.close()
                raise StoreError(f"{self.path}: not a geotimeline store ({e})") from None
            except StoreError:
                self._conn.close()
                raise

    @staticmethod
    def default_path() -> Path:
        """``$GEOTIMELINE_DB``, else ``data/geotimeline.sqlite`` in the repository (git-ignored)."""
        env = os.environ.get("GEOTIMELINE_DB")
        if env:
            return Path(env).expanduser()
        return Path(__file__).resolve().parents[1] / "data" / "geotimeline.sqlite"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- writing ---------------------------------------------------------------------------

    def add(self, article: Article, events: list[Event], *, extractor: str = "") -> bool:
        """Store one article with its events in one transaction.

        Returns False (and changes nothing) when the article is already stored with the same
        content and events; otherwise replaces that article and all its events at once.
        ``extractor`` names the code that produced the events (see ``extracted_with``).
        """
        return self.add_many([(article, events)], extractor=extractor)[0]

    def add_many(
        self, items: Iterable[tuple[Article, list[Event]]], *, extractor: str = ""
    ) -> list[bool]:
        """``add`` for several articles in ONE transaction (all or nothing); a list of flags."""
        prepared = [_prepare(article, events, extractor, None) for article, events in items]
        written = self._write([(None, prepared, ())], extractor)[0]
        return [written.states[row[0]] not in ("unchanged",) for row, _ in prepared]

    def put_file(
        self,
        origin: str,
        items: Iterable[tuple[Article, list[Event]]],
        *,
        extractor: str = "",
        keep: Iterable[str] = (),
    ) -> Written:
        """Store the articles read from one file (``origin``: its path, or ``upload:NAME``) in
        one transaction, and remove the articles that file held before but no longer yields.
        ``keep`` names the file's other articles, known to be stored unchanged (not re-sent).

        An article's identity is its id (see ``events.articles``): storing an id again replaces
        that article, whichever file it came from; the result says what was replaced.
        """
        return self.put_files([(origin, items, keep)], extractor=extractor)[0]

    def put_files(
        self,
        files: Iterable[tuple[str, Iterable[tuple[Article, list[Event]]], Iterable[str]]],
        *,
        extractor: str = "",
    ) -> list[Written]:
        """``put_file`` for several files, each given as (origin, items, keep), one after the
        other in ONE transaction (all or nothing): for files that are ready together (a
        worker's chunk). A commit writes a page of every index an article touches, so one
        commit for the chunk costs far less than one a file. Raises ValueError, storing
        nothing, when an event does not belong to its article."""
        prepared = [
            (origin, [_prepare(article, events, extractor, origin) for article, events in items],
             tuple(keep))
            for origin, items, keep in files
        ]
        return self._write(prepared, extractor)

    def _write(
        self,
        files: list[tuple[str | None, list[tuple[tuple, list[tuple]]], tuple[str, ...]]],
        extractor: str,
    ) -> list[Written]:
        with self._lock:
            # Cheap check without the write lock: unchanged re-ingests never block writers.
            if all(self._unchanged(prepared, extractor, origin, keep)
                   for origin, prepared, keep in files):
                return [Written(dict.fromkeys([row[0] for row, _ in prepared] + list(keep),
                                              "unchanged"))
                        for _, prepared, keep in files]
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                written = [self._write_file(prepared, extractor, origin, keep)
                           for origin, prepared, keep in files]
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            return written

    def _unchanged(
        self, prepared: list[tuple[tuple, list[tuple]]], extractor: str, origin: str | None,
        keep: tuple[str, ...],
    ) -> bool:
        """Whether writing ``prepared`` from ``origin`` would change nothing."""
        ids = [row[0] for row, _ in prepared] + list(keep)
        return (all(self._state(row, extractor, origin)[0] == "same" for row, _ in prepared)
                and not self._gone(origin, ids) and not self._moved(origin, keep))

    def _write_file(
        self,
        prepared: list[tuple[tuple, list[tuple]]],
        extractor: str,
        origin: str | None,
        keep: tuple[str, ...],
    ) -> Written:
        """One file's (or ``add_many``'s) articles, inside the caller's transaction."""
        ids = [row[0] for row, _ in prepared] + list(keep)
        states: dict[str, str] = {}
        previous: dict[str, str] = {}
        for row, event_rows in prepared:
            state, stored_origin = self._state(row, extractor, origin)
            if state in ("retag", "moved"):  # same events; new extractor name or file
                self._conn.execute(
                    "UPDATE articles SET extractor = CASE WHEN ? = '' THEN extractor "
                    "ELSE ? END, origin = coalesce(?, origin) WHERE id = ?",
                    (extractor, extractor, origin, row[0]),
                )
            if state in ("same", "retag", "moved"):
                states[row[0]] = "unchanged"
                continue
            if origin is None and stored_origin:
                row = (*row[:_ORIGIN], stored_origin, *row[_ORIGIN + 1 :])
            elif state == "updated" and stored_origin and stored_origin != origin:
                previous[row[0]] = stored_origin
            self._conn.execute("DELETE FROM articles WHERE id = ?", (row[0],))
            self._conn.execute(_INSERT_ARTICLE, row)
            self._conn.executemany(_INSERT_EVENT, event_rows)
            states[row[0]] = state
        self._conn.executemany(
            "UPDATE articles SET origin = ? WHERE id = ?",
            [(origin, article_id) for article_id in self._moved(origin, keep)],
        )
        removed = self._gone(origin, ids)
        self._conn.executemany("DELETE FROM articles WHERE id = ?", [(a,) for a in removed])
        return Written({**states, **dict.fromkeys(keep, "unchanged")}, previous, tuple(removed))

    def extracted_with(self, extractor: str) -> dict[str, tuple[str, int]]:
        """``{article id: (content_hash, number of events)}`` for the articles whose stored
        events came from ``extractor`` (never matches the empty name)."""
        if not extractor:
            return {}
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, content_hash, n_events FROM articles WHERE extractor = ?",
                (extractor,),
            ).fetchall()
        return {article_id: (content, n) for article_id, content, n in rows}

    def remove(self, article_id: str) -> bool:
        """Delete an article and its events; False when it was not stored."""
        with self._lock:
            cursor = self._conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            return cursor.rowcount > 0

    @contextlib.contextmanager
    def connection(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """The store's connection, held alone, inside one transaction (``BEGIN IMMEDIATE``
        when ``write``; committed at the end, rolled back on an error): for the modules that
        keep tables of their own here (``events.corrections``)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -- reading ---------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, title, published, published_basis, source, meta, text "
                "FROM articles ORDER BY id"
            ).fetchall()
        return [_article(row) for row in rows]

    def article(self, article_id: str) -> Article | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, title, published, published_basis, source, meta, text "
                "FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        return None if row is None else _article(row)

    def events(self, article_id: str | None = None) -> list[Event]:
        """Events as extracted, grouped by article (ordered by id) in extraction order."""
        query = f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events"  # noqa: S608 - constant
        params: tuple[str, ...] = ()
        if article_id is not None:
            query += " WHERE article_id = ?"
            params = (article_id,)
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY article_id, seq", params).fetchall()
        return [columns.from_row(row) for row in rows]

    def snapshot(self) -> tuple[list[Article], list[Event]]:
        """Articles and events read in one transaction: a view no concurrent write splits."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                articles = self.articles()
                events = self.events()
            finally:
                self._conn.execute("COMMIT")
        return articles, events

    def merged_events(self) -> list[Event]:
        """The stored events with reports of the same event merged (``events.merge``)."""
        from events.merge import merge

        return merge(self.events())

    def counts(self) -> dict[str, int]:
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                articles = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                events = self._conn.execute("SELECT count(*) FROM events").fetchone()[0]
            finally:
                self._conn.execute("COMMIT")
        return {"articles": articles, "events": events}

    def verify(self) -> list[str]:
        """Problems found (empty when sound): SQLite's integrity check and, for every article,
        that exactly the events written with it are present. Read in one snapshot."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                problems = [
                    row[0]
                    for row in self._conn.execute("PRAGMA integrity_check")
                    if row[0] != "ok"
                ]
                rows = self._conn.execute(
                    "SELECT a.id, a.n_events, count(e.seq) FROM articles a "
                    "LEFT JOIN events e ON e.article_id = a.id GROUP BY a.id "
                    "HAVING a.n_events != count(e.seq)"
                ).fetchall()
                orphans = self._conn.execute(
                    "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
                ).fetchone()[0]
            finally:
                self._conn.execute("COMMIT")
        problems += [f"article {a!r}: {n} events expected, {m} stored" for a, n, m in rows]
        if orphans:
            problems.append(f"{orphans} events without their article")
        return problems

    # -- internals -------------------------------------------------------------------------

    def _state(self, row: tuple, extractor: str, origin: str | None) -> tuple[str, str]:
        """How ``row`` compares with the stored article of its id, and that article's origin:
        "same"; "retag" or "moved" (same content and events, another extractor name or file);
        "re-extracted" (same content, other events); "updated" (other content); "new"."""
        stored = self._conn.execute(
            "SELECT fingerprint, extractor, content_hash, origin FROM articles WHERE id = ?",
            (row[0],),
        ).fetchone()
        if stored is None:
            return "new", ""
        fingerprint, stored_extractor, content, stored_origin = stored
        if fingerprint != row[_FINGERPRINT]:
            return ("re-extracted" if content == row[_CONTENT] else "updated"), stored_origin
        if extractor and stored_extractor != extractor:
            return "retag", stored_origin
        if origin is not None and stored_origin != origin:
            return "moved", stored_origin
        return "same", stored_origin

    def _moved(self, origin: str | None, ids: tuple[str, ...]) -> list[str]:
        """Those of ``ids`` stored with another origin than ``origin``."""
        moved: list[str] = []
        if not origin:
            return moved
        for begin in range(0, len(ids), 500):  # within SQLite's limit on parameters
            part = ids[begin : begin + 500]
            marks = ", ".join("?" * len(part))
            moved += [r[0] for r in self._conn.execute(
                f"SELECT id FROM articles WHERE origin != ? AND id IN ({marks})",  # noqa: S608
                (origin, *part),
            )]
        return moved

    def _gone(self, origin: str | None, ids: list[str]) -> list[str]:
        """Articles last read from ``origin`` that are not among ``ids`` (sorted)."""
        if not origin:
            return []
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE origin = ? ORDER BY id", (origin,)
        ).fetchall()
        keep = set(ids)
        return [r[0] for r in rows if r[0] not in keep]

    def _configure(self, memory: bool) -> None:
        self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._conn.execute("PRAGMA foreign_keys = ON")
        # Refuse foreign or newer files before anything (even the journal mode) changes them.
        self._refuse_newer(self._user_version())
        self._refuse_foreign()
        if not memory:
            self._conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL survives a process crash intact; only a power cut can lose the
        # last commits, never consistency.
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        self._migrate()

    def _user_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self._user_version()
        self._refuse_newer(version)
        if version == SCHEMA_VERSION:
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            version = self._user_version()  # another process may have migrated meanwhile
            self._refuse_newer(version)
            self._refuse_foreign()
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[target]:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def _refuse_foreign(self) -> None:
        # The version and the tables are read in one transaction: another process creating the
        # same store commits both at once, and read apart they would look like a foreign file.
        own_transaction = not self._conn.in_transaction
        if own_transaction:
            self._conn.execute("BEGIN")
        try:
            version = self._user_version()
            foreign = [] if version != 0 else self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        finally:
            if own_transaction:
                self._conn.execute("COMMIT")
        if foreign:
            raise StoreError(
                f"{self.path}: a SQLite database of another program "
                f"(tables {', '.join(r[0] for r in foreign[:5])}), not a geotimeline store"
            )

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path}: store schema version {version} is newer than this program's "
                f"({SCHEMA_VERSION}); use a newer geotimeline or another --db"
            )


def content_hash(article: Article) -> str:
    """A digest of what extraction reads from an article (not its source path)."""
    content = [article.id, article.title, _iso(article.published), article.published_basis,
               [list(pair) for pair in article.meta], article.text]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def _prepare(
    article: Article, events: list[Event], extractor: str, origin: str | None
) -> tuple[tuple, list[tuple]]:
    event_rows = []
    for seq, event in enumerate(events):
        if event.article_id != article.id:
            raise ValueError(
                f"event {event.id!r} belongs to article {event.article_id!r}, not {article.id!r}"
            )
        event_rows.append(columns.to_row(event, seq))
    meta = json.dumps([list(pair) for pair in article.meta], ensure_ascii=False)
    content = content_hash(article)
    # The source (a path) is left out: the same file reached by another path is unchanged.
    fingerprint = hashlib.sha256(
        json.dumps([content, event_rows], ensure_ascii=False, default=repr).encode("utf-8")
    ).hexdigest()
    stored_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    article_row = (
        article.id, article.title, _iso(article.published), article.published_basis,
        article.source, meta, article.text, len(event_rows), fingerprint, stored_at,
        content, extractor, origin or "",
    )
    return article_row, event_rows


def _article(row: tuple) -> Article:
    article_id, title, published, basis, source, meta, text = row
    return Article(
        id=article_id, text=text, title=title, published=_day(published),
        published_basis=basis, source=source,
        meta=tuple((k, v) for k, v in json.loads(meta)),
    )


# For code that queries the store's tables itself (dashboard/query.py); it reads events rows
# with ``events.columns``.
def article_from_row(row: tuple) -> Article:
    """The Article of an ``articles`` row selected as (id, title, published, published_basis,
    source, meta, text)."""
    return _article(row)
