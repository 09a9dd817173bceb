"""Ingest on a Dask cluster (loopback only) gives the store a local ingest gives, and survives
losing a worker mid-run."""

import contextlib
import os
import shutil
import signal
import sqlite3
import threading
import time

import pytest
from corpus_helpers import slow_fake_extract, write_articles
from pipeline_helpers import SAMPLE_ARTICLES, fake_extract

from events.ingest import ingest
from events.store import Store

distributed = pytest.importorskip("distributed")
events_distributed = pytest.importorskip("events.distributed")


def stored(path):
    """Articles and events as stored, without the time of storing (two stores differ in it)."""
    with sqlite3.connect(path) as conn:
        articles = conn.execute(
            "SELECT id, title, published, published_basis, source, meta, text, n_events, "
            "fingerprint, content_hash, extractor, origin FROM articles ORDER BY id"
        ).fetchall()
        return articles, conn.execute("SELECT * FROM events ORDER BY article_id, seq").fetchall()


@pytest.fixture
def corpus(tmp_path):
    """48 generated articles, the two samples and two bad files: 52 files."""
    folder = tmp_path / "corpus"
    write_articles(folder / "generated", 48)
    shutil.copytree(SAMPLE_ARTICLES, folder / "samples")
    (folder / "bad").mkdir()
    (folder / "bad" / "empty.txt").write_bytes(b"")
    (folder / "bad" / "broken.json").write_text('{"text": "cut off", ')
    return folder


@pytest.fixture(scope="module")
def in_process_client():
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                                 host="127.0.0.1", dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_dask_ingest_equals_the_local_ingest_and_reruns_change_nothing(
    corpus, tmp_path, in_process_client
):
    with Store(tmp_path / "local.sqlite") as local, Store(tmp_path / "dask.sqlite") as remote:
        expected = ingest([corpus], local)  # the real extractor
        results = ingest([corpus], remote, client=in_process_client)
        assert results == expected
        assert [r.status for r in results] == [r.status for r in expected]
        assert sum(not r.ok for r in results) == 2 and remote.counts()["events"] > 40
        assert stored(remote.path) == stored(local.path)

        again = ingest([corpus], remote, client=in_process_client)
        assert again == expected and {r.status for r in again if r.ok} == {"unchanged"}
        assert stored(remote.path) == stored(local.path)
        assert remote.verify() == []


def test_the_cluster_is_reached_only_when_something_needs_extracting(
    corpus, store, in_process_client
):
    calls = []

    def client():
        calls.append(len(calls))
        return in_process_client

    first = ingest([corpus], store, client=client, extractor=fake_extract, extractor_version="v1")
    assert calls == [0] and store.counts()["articles"] == 50
    again = ingest([corpus], store, client=client, extractor=fake_extract, extractor_version="v1")
    assert again == first and calls == [0]


class _BrokenCluster:
    """A client whose tasks fail as a scheduler without this package makes them fail."""

    def nthreads(self):
        return {"tcp://127.0.0.1:1": 1}

    def submit(self, *args, **kwargs):
        return self

    def result(self):
        raise RuntimeError("Error during deserialization of the task graph.\nmore")


def test_a_failing_cluster_stops_the_ingest_with_one_line(tmp_path, store):
    write_articles(tmp_path / "c", 3)
    with pytest.raises(events_distributed.ClusterError) as raised:
        ingest([tmp_path / "c"], store, client=_BrokenCluster(), extractor=fake_extract)
    assert str(raised.value) == ("the Dask cluster failed: RuntimeError: Error during "
                                 "deserialization of the task graph.")
    assert store.counts()["articles"] == 0 and store.verify() == []


def test_extraction_errors_are_per_file_on_the_workers(tmp_path, store, in_process_client):
    write_articles(tmp_path / "c", 6)
    results = ingest([tmp_path / "c"], store, client=in_process_client, extractor=_fails_on_3)
    assert [r.ok for r in results] == [True, True, True, False, True, True]
    assert results[3].error.endswith(
        "gen-003.txt: extraction failed on article 'gen-003': ValueError: no events today")
    assert store.article("gen-003") is None and store.counts()["articles"] == 5


def _fails_on_3(article):
    if article.id == "gen-003":
        raise ValueError("no events today")
    return fake_extract(article)


def test_a_worker_killed_mid_run_loses_nothing(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(events_distributed, "PARTITION_FILES", 4)
    files = sorted(corpus.rglob("*.*"))
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                 host="127.0.0.1", dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
        Store(tmp_path / "dask.sqlite") as store,
    ):
        before = set(client.run(os.getpid).values())
        killed: list[int] = []  # articles stored when a worker was killed

        def kill_one_busy_worker():
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                busy = [w for w, keys in client.processing().items() if keys]
                done = store.counts()["articles"]
                if busy and done >= 8:
                    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed.append(done)
                    return
                time.sleep(0.02)

        killer = threading.Thread(target=kill_one_busy_worker)
        killer.start()
        results = ingest([corpus], store, client=client, extractor=slow_fake_extract)
        killer.join()
        after = set(client.run(os.getpid).values())

        assert killed and killed[0] < 50, "the worker was not killed while work remained"
        assert before - after, "no worker process died"
        assert len(results) == len(files) and sum(not r.ok for r in results) == 2
        ids = [a for r in results for a in r.article_ids]
        assert len(ids) == 50 and store.counts()["articles"] == 50
        for article in store.articles():
            assert store.events(article.id) == fake_extract(article)
        assert store.verify() == []


def test_cli_ingest_on_a_local_cluster(tmp_path, capsys):
    from events.cli import main
    from events.extract import extract

    db = tmp_path / "s.sqlite"
    argv = ["ingest", str(SAMPLE_ARTICLES), "--db", str(db), "--no-progress"]
    assert main([*argv, "--dask", "local", "--workers", "2"]) == 0
    assert "2 of 2 files ingested" in capsys.readouterr().err
    with Store(db) as store:
        assert store.counts()["articles"] == 2
        for article in store.articles():
            assert store.events(article.id) == extract(article)
    assert main(argv) == 0  # a local re-run finds everything unchanged
    assert "files: 2 unchanged" in capsys.readouterr().err


def test_cli_refuses_an_unreachable_scheduler(tmp_path, capsys, monkeypatch):
    from events.cli import main

    monkeypatch.setattr(events_distributed, "CONNECT_TIMEOUT_S", 1)
    db = tmp_path / "s.sqlite"
    status = main(["ingest", str(SAMPLE_ARTICLES), "--db", str(db), "--no-progress",
                   "--dask", "tcp://127.0.0.1:9"])
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --dask tcp://127.0.0.1:9: cannot use the cluster (")
    assert err.count("\n") == 1


def test_cli_says_in_one_line_when_the_cluster_fails(tmp_path, capsys, monkeypatch):
    from events.cli import main

    @contextlib.contextmanager
    def broken(address, *, workers):
        yield _BrokenCluster()

    monkeypatch.setattr(events_distributed, "connect", broken)
    status = main(["ingest", str(SAMPLE_ARTICLES), "--db", str(tmp_path / "s.sqlite"),
                   "--no-progress", "--dask", "tcp://sched:8786"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1
    assert err.startswith("error: --dask tcp://sched:8786: the Dask cluster failed: RuntimeError")
