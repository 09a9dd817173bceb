"""Crash safety (issue 5): an ingest killed with SIGKILL mid-way leaves a store that opens, holds
only whole articles with all their events, and a re-run completes with no duplicates."""

import contextlib
import os
import signal
import sqlite3
import time
from pathlib import Path

from pipeline_helpers import fake_extract, start_ingest, write_corpus

from events.store import Store

SCALE = 20  # many events per article, so that kills often land inside a write


def stored_articles(db):
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def kill_when(process, db, at_least, timeout=60.0):
    deadline = time.monotonic() + timeout
    while stored_articles(db) < at_least:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.005)
    workers = children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return workers


def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):  # empty when not Linux
        with contextlib.suppress(OSError):
            found += [int(child) for child in task.read_text().split()]
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return "\tZ" not in next(line for line in f if line.startswith("State:"))
    except OSError:
        return False


def assert_whole(db):
    with Store(db) as store:
        assert store.verify() == []
        articles = store.articles()
        for article in articles:
            assert store.events(article.id) == fake_extract(article, scale=SCALE)
        with sqlite3.connect(db) as conn:
            duplicates = conn.execute(
                "SELECT id, count(*) FROM events GROUP BY id HAVING count(*) > 1").fetchall()
        assert duplicates == []
        return len(articles)


def test_sigkill_mid_ingest_then_rerun(tmp_path):
    ids = write_corpus(tmp_path / "corpus", 700, "k")
    db = tmp_path / "store.sqlite"
    kept = 0
    for at_least in (40, 300):
        process = start_ingest([tmp_path / "corpus"], db, scale=SCALE, sleep=0.001)
        workers = kill_when(process, db, at_least)
        assert workers or not Path("/proc").is_dir(), "the ingest should run a process pool"
        # The extraction workers (the CLI runs a process pool) must not outlive the ingest.
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if alive(w)], "orphaned extraction workers"
        stored = assert_whole(db)
        assert at_least <= stored < len(ids), "the kill must land mid-way"
        assert stored >= kept
        kept = stored

    process = start_ingest([tmp_path / "corpus"], db, scale=SCALE)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert f"{len(ids)} of {len(ids)} files ingested" in err
    assert assert_whole(db) == len(ids)
    with Store(db) as store:
        expected = sum(len(fake_extract(a, scale=SCALE)) for a in store.articles())
        assert store.counts() == {"articles": len(ids), "events": expected}
