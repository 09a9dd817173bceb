import dataclasses
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_helpers import write_articles
from pipeline_helpers import REPO, SAMPLE_ARTICLES, fake_extract, make_event

from events.ingest import FileResult, default_extractor_version, ingest, ingest_bytes
from events.store import Store


def snapshot(store):
    with sqlite3.connect(store.path) as conn:
        return (conn.execute("SELECT * FROM articles ORDER BY id").fetchall(),
                conn.execute("SELECT rowid, * FROM events ORDER BY rowid").fetchall())


@pytest.fixture
def corpus(tmp_path):
    """15 generated articles in ``generated/`` and the two samples in ``samples/``: the
    project's own data, never ../shared."""
    folder = tmp_path / "corpus"
    write_articles(folder / "generated", 15)
    shutil.copytree(SAMPLE_ARTICLES, folder / "samples")
    return folder


def test_ingests_every_file_with_its_events(corpus, store, fake_extract):
    results = ingest([corpus], store, extractor=fake_extract)
    files = sorted(corpus.rglob("*.txt"))
    assert [r.path for r in results] == [str(f) for f in files]
    assert all(r.ok for r in results)
    assert [r.article_ids for r in results] == [(f.stem,) for f in files]
    expected = {a.id: fake_extract(a) for a in store.articles()}
    assert sum(r.events for r in results) == sum(len(v) for v in expected.values()) > 0
    assert store.counts() == {"articles": len(files), "events": sum(r.events for r in results)}
    for article_id, events in expected.items():
        assert store.events(article_id) == events
    assert store.verify() == []


def test_ingest_is_idempotent(corpus, store, fake_extract):
    first = ingest([corpus], store, extractor=fake_extract)
    before = snapshot(store)
    second = ingest([corpus, corpus / "samples"], store, extractor=fake_extract)
    assert snapshot(store) == before
    assert second == first


def test_changed_file_replaces_its_article(corpus, store, fake_extract):
    ingest([corpus], store, extractor=fake_extract)
    path = corpus / "samples" / "004_c8b0ddb14abcdc66.txt"
    path.write_text(path.read_text().replace("Astana", "Almaty"))
    (result,) = ingest([path], store, extractor=fake_extract)
    article = store.article("004_c8b0ddb14abcdc66")
    assert result.ok and "Astana" not in article.text and "Almaty" in article.text
    assert store.events(article.id) == fake_extract(article)
    assert store.verify() == []


def test_bad_files_leave_the_rest_and_the_store_alone(corpus, store, fake_extract, tmp_path):
    ingest([corpus / "samples"], store, extractor=fake_extract)
    before = snapshot(store)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "000_6071332e53ed9011.json").write_text('{"text": "replacement", ')  # same id, broken
    results = ingest([bad, corpus / "samples"], store, extractor=fake_extract)
    errors = {r.path: r.error for r in results if not r.ok}
    assert errors == {
        str(bad / "000_6071332e53ed9011.json"):
            f"{bad / '000_6071332e53ed9011.json'}: invalid JSON at line 1 column 25: "
            "Expecting property name enclosed in double quotes",
        str(bad / "empty.txt"): f"{bad / 'empty.txt'}: empty file",
    }
    assert snapshot(store) == before


def test_an_id_twice_in_one_batch_is_refused(tmp_path, store, fake_extract):
    (tmp_path / "a.txt").write_text("From text.")
    (tmp_path / "a.md").write_text("From markdown.")
    results = ingest([tmp_path], store, extractor=fake_extract)
    assert [r.ok for r in results] == [True, False]
    assert "article id 'a' already read from" in results[1].error
    assert store.article("a").text == "From markdown."


def test_an_extractor_failure_is_a_per_file_error(corpus, store, fake_extract):
    def flaky(article):
        if article.id == "gen-008":
            raise RuntimeError("boom\nwith a second line")
        return fake_extract(article)

    results = ingest([corpus / "generated"], store, extractor=flaky)
    failed = [r for r in results if not r.ok]
    assert len(failed) == 1 and len(results) == 15
    assert failed[0].error.endswith(
        "gen-008.txt: extraction failed on article 'gen-008': "
        "RuntimeError: boom with a second line"
    )
    assert store.article("gen-008") is None
    assert store.counts()["articles"] == 14


def test_process_pool_gives_the_same_store(corpus, tmp_path, fake_extract):
    with Store(tmp_path / "one.sqlite") as one, Store(tmp_path / "two.sqlite") as two:
        serial = ingest([corpus], one, extractor=fake_extract)
        pooled = ingest([corpus], two, extractor=fake_extract, workers=2)
        assert pooled == serial
        assert two.articles() == one.articles() and two.events() == one.events()


def misattributing(article):
    """fake_extract, but gen-005's events claim another article, as a buggy extractor's might
    (module level: a pool worker runs it)."""
    if article.id == "gen-005":
        return [dataclasses.replace(make_event("gen-005", 0), article_id="other")]
    return fake_extract(article)


def test_a_pool_stores_a_chunk_together_with_each_file_as_alone(tmp_path, monkeypatch):
    """A worker's chunk of files is stored in one transaction, with the results and the store
    of one file a transaction: a file that cannot be read, an id read twice and events that
    do not belong to their article fail alone."""
    folder = tmp_path / "mixed"
    write_articles(folder, 20)
    (folder / "gen-003.md").write_text("Again, from markdown.")  # id gen-003 a second time
    (folder / "gen-006b.txt").write_bytes(b"")  # cannot be read
    batches = []
    put_files = Store.put_files

    def spy(self, files, **kwargs):
        files = list(files)
        batches.append(len(files))
        return put_files(self, files, **kwargs)

    with Store(tmp_path / "one.sqlite") as one, Store(tmp_path / "two.sqlite") as two:
        serial = ingest([folder], one, extractor=misattributing)
        monkeypatch.setattr(Store, "put_files", spy)
        pooled = ingest([folder], two, extractor=misattributing, workers=2)
        assert pooled == serial
        assert two.articles() == one.articles() and two.events() == one.events()
        assert two.verify() == []
    assert max(batches) > 1  # files were stored together
    errors = {Path(r.path).name: r.error for r in pooled if not r.ok}
    assert sorted(errors) == ["gen-003.txt", "gen-005.txt", "gen-006b.txt"]
    assert "already read from" in errors["gen-003.txt"]  # the .md comes first
    assert "cannot store" in errors["gen-005.txt"] and "empty file" in errors["gen-006b.txt"]


def test_default_extractor_is_events_extract(monkeypatch, corpus, store, fake_extract):
    calls = []

    def spy(article):
        calls.append(article.id)
        return fake_extract(article)

    monkeypatch.setattr("events.extract.extract", spy)
    results = ingest([corpus / "samples"], store)
    assert calls == ["000_6071332e53ed9011", "004_c8b0ddb14abcdc66"]
    assert sum(r.events for r in results) == store.counts()["events"]


def test_ingest_bytes(store, fake_extract):
    result = ingest_bytes("../up/news.jsonl", b'{"id": "u1", "text": "One."}\n{"text": "Two."}',
                          store, extractor=fake_extract)
    assert result == FileResult("news.jsonl", ("u1", "news-2"), result.events, None)
    assert store.article("u1").source == "upload:news.jsonl"
    bad = ingest_bytes("x.txt", b"\x89PNG\r\n\x1a\n....", store, extractor=fake_extract)
    assert bad.error == "x.txt: binary data (PNG image), not a text article"
    assert bad.article_ids == () and store.counts()["articles"] == 2


def test_real_extractor_output_round_trips_through_the_store(store):
    from events.extract import extract

    results = ingest([SAMPLE_ARTICLES], store)
    assert all(r.ok for r in results)
    for article in store.articles():
        assert store.events(article.id) == extract(article)


def test_unchanged_articles_are_not_extracted_again(corpus, store, fake_extract):
    calls = []

    def counting(article):
        calls.append(article.id)
        return fake_extract(article)

    first = ingest([corpus], store, extractor=counting, extractor_version="v1")
    assert len(calls) == len(first) == 17
    before = snapshot(store)
    calls.clear()
    assert ingest([corpus], store, extractor=counting, extractor_version="v1") == first
    assert calls == [] and snapshot(store) == before

    path = corpus / "generated" / "gen-011.txt"
    path.write_text(path.read_text() + "\nOne more line.\n")
    ingest([corpus], store, extractor=counting, extractor_version="v1")
    assert calls == ["gen-011"]
    for version, force in (("v2", False), ("v2", True), (None, False)):
        calls.clear()
        results = ingest([corpus], store, extractor=counting, extractor_version=version,
                         force=force)
        assert len(calls) == 17, (version, force)
        assert sum(r.events for r in results) == store.counts()["events"]
    calls.clear()
    ingest([corpus], store, extractor=counting, extractor_version="v2")
    assert calls == []
    assert store.verify() == []


def test_default_extractor_version_is_stable():
    version = default_extractor_version()
    assert version.startswith("extract-") and len(version) == len("extract-") + 16
    other = subprocess.run(
        [sys.executable, "-c",
         "from events.ingest import default_extractor_version as v; print(v())"],
        cwd=REPO, capture_output=True, text=True, check=True, timeout=60,
    )
    assert other.stdout.strip() == version
