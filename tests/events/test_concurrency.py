"""Concurrent use (issue 5, pipeline side): ingests of overlapping folders running at once give
no duplicates and no errors, and a reader polling meanwhile always sees whole articles."""

import sqlite3

from pipeline_helpers import fake_extract, start_ingest, write_corpus

from events.store import Store


def test_overlapping_ingests_and_a_reader(tmp_path):
    ids = set()
    for name in ("a", "b", "c"):
        ids |= set(write_corpus(tmp_path / name, 150, f"{name}-"))
    db = tmp_path / "store.sqlite"
    # Both start on the shared folder, so they race for the same articles.
    writers = [
        start_ingest([tmp_path / "b", tmp_path / "a"], db, scale=5),
        start_ingest([tmp_path / "b", tmp_path / "c"], db, scale=5),
        start_ingest([tmp_path / "c", tmp_path / "a", tmp_path / "b"], db, scale=5),
    ]
    views, last = 0, 0
    with Store(db) as reader:
        while any(w.poll() is None for w in writers) or views == 0:
            assert reader.verify() == []
            events = reader.events()
            counts = reader.counts()
            assert counts["articles"] >= last  # never goes back
            last = counts["articles"]
            assert len({e.id for e in events}) == len(events)
            views += 1
        for writer in writers:
            _, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err
            assert "failed" not in err

        assert {a.id for a in reader.articles()} == ids
        expected = sum(len(fake_extract(a, scale=5)) for a in reader.articles())
        assert reader.counts() == {"articles": len(ids), "events": expected}
        for article in reader.articles():
            assert reader.events(article.id) == fake_extract(article, scale=5)
        assert reader.verify() == []
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1)"
        ).fetchone()[0] == 0
    assert views > 1
