"""Crash safety at scale (issue 12): ingests of a few hundred small articles in every format,
killed with SIGKILL at random points again and again (the corpus edited in between), always leave
a sound store, and a re-run ends with exactly what one clean run stores; ingests racing on one
store, one of them killed, lose and duplicate nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time

from pipeline_helpers import fake_extract, start_ingest, write_small_corpus

from events.articles import iter_files, read_path
from events.store import Store

COUNT = 300
SCALE = 5  # 0-20 events per article: kills land inside writes as well as between them
SLEEP = 0.002  # per article, so that a run lasts long enough to be killed in the middle


def writes(db) -> int:
    """A counter of article writes: the store deletes and inserts a row each time, and a new row
    takes the next rowid. Only used to time a kill; no assertion rests on it."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # no store, or no schema yet
        return 0


def pending(corpus, db) -> int:
    """How many of the corpus's articles the store does not hold as they now are."""
    wanted = {(a.id, a.text) for path in iter_files([corpus]) for a in read_path(path)}
    if not db.exists():
        return len(wanted)
    with Store(db) as store:
        return len(wanted - {(a.id, a.text) for a in store.articles()})


def ingest_and_kill(corpus, db, rng: random.Random, why: list[str], todo: int, *,
                    timed: bool) -> None:
    """An ingest, SIGKILLed after a random delay (``timed``: maybe while it starts or creates
    the store) or after a random number of the ``todo`` article writes it has to make."""
    base = writes(db)
    process = start_ingest([corpus], db, scale=SCALE, sleep=SLEEP)
    if timed or todo < 2:
        kill(process, rng, why)
    else:
        # Within the first half, so that the kill lands before the last writes are done even
        # when the process writes a few more between our poll and the signal.
        target = base + rng.randrange(1, max(2, todo // 2))
        why.append(f"killed at write {target - base} of {todo}")
        deadline = time.monotonic() + 60
        while writes(db) < target and process.poll() is None:
            assert time.monotonic() < deadline, f"no progress: {why}"
            time.sleep(0.002)
        sigkill(process)


def kill(process, rng: random.Random, why: list[str]) -> None:
    delay = rng.uniform(0, 2.5)  # a run takes 2-3 s, the first second of it starting up
    why.append(f"killed after {delay:.2f} s")
    time.sleep(delay)
    sigkill(process)


def sigkill(process) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


def finish(paths, db) -> str:
    process = start_ingest(paths, db, scale=SCALE)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "failed" not in err, err
    return err


def contents(db):
    """Everything a store holds that a run decides (not when it wrote it)."""
    with Store(db) as store:
        assert store.verify() == []
        articles, events = store.snapshot()
    assert len({e.id for e in events}) == len(events), "duplicate events"
    for article in articles:
        assert [e for e in events if e.article_id == article.id] == fake_extract(article, SCALE)
    return articles, events


def test_random_kills_then_a_rerun_equal_one_clean_run(tmp_path):
    seed = int.from_bytes(os.urandom(4), "big")
    rng, why = random.Random(seed), [f"seed {seed}"]
    corpus, db = tmp_path / "corpus", tmp_path / "store.sqlite"
    write_small_corpus(corpus, COUNT, "s")
    mid_way, edits = 0, 0
    for round_ in range(6):
        # The user edits the corpus between crashes, and again whenever an earlier run got through
        # everything, so that every kill has writes left to interrupt.
        if round_ == 3 or round_ and pending(corpus, db) < 2:
            edits += 1
            write_small_corpus(corpus, COUNT, "s", edit=edits)
            why.append(f"edited ({edits})")
        todo = pending(corpus, db)
        ingest_and_kill(corpus, db, rng, why, todo, timed=round_ in (1, 3))
        left = pending(corpus, db)
        why.append(f"{left} left")
        mid_way += 0 < left < todo
        if db.exists():
            contents(db)  # sound after every kill: whole articles, all their events
    assert mid_way >= 3, f"too few kills landed mid-way: {why}"

    finish([corpus], db)
    clean = tmp_path / "clean.sqlite"
    finish([corpus], clean)
    articles, events = contents(clean)
    assert len(articles) == COUNT and events
    assert contents(db) == (articles, events), why


def test_racing_ingests_one_killed_lose_and_duplicate_nothing(tmp_path):
    seed = int.from_bytes(os.urandom(4), "big")
    rng, why = random.Random(seed), [f"seed {seed}"]
    halves = [tmp_path / "a", tmp_path / "b"]
    for half, prefix in zip(halves, "ab", strict=True):
        write_small_corpus(half, COUNT // 2, prefix)
    db = tmp_path / "store.sqlite"
    # Both race over the same files, in opposite orders; one dies on the way.
    victim = start_ingest(halves, db, scale=SCALE, sleep=SLEEP)
    survivor = start_ingest(halves[::-1], db, scale=SCALE, sleep=SLEEP)
    kill(victim, rng, why)
    _, err = survivor.communicate(timeout=120)
    assert survivor.returncode == 0, (err, why)
    assert "failed" not in err, err

    clean = tmp_path / "clean.sqlite"
    finish(halves, clean)
    assert contents(db) == contents(clean), why

    # Edited files re-ingested by two ingests at once: updates and replaced ids race too.
    for half, prefix in zip(halves, "ab", strict=True):
        write_small_corpus(half, COUNT // 2, prefix, edit=2)
    racers = [start_ingest(halves, db, scale=SCALE), start_ingest(halves[::-1], db, scale=SCALE)]
    for racer in racers:
        _, err = racer.communicate(timeout=120)
        assert racer.returncode == 0 and "failed" not in err, err
    fresh = tmp_path / "fresh.sqlite"
    finish(halves, fresh)
    articles, events = contents(fresh)
    assert any(a.id.endswith("-e2") for a in articles)
    assert contents(db) == (articles, events), why
