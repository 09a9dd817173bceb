"""The dashboard reading a store while another process ingests into it (issue 5, dashboard side).

Every view the dashboard takes must load without error and be consistent: whole articles with
all their events, every event's article present, and never fewer articles than the view before.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from dashboard import filters, mapview
from dashboard.data import read_store, store_stamp
from events.store import Store

REPO = Path(__file__).resolve().parents[2]
ARTICLES, EVENTS_EACH = 150, 3

WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from events.model import Article, Event, Span
    from events.store import Store

    path, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with Store(path) as store:
        for a in range(n):
            text = " ".join(f"Leaders met in Minsk on day {i}." for i in range(k))
            article = Article(id=f"w{a:04d}", text=text, title=f"Report {a}",
                              published=dt.date(2024, 1, 1) + dt.timedelta(days=a))
            events = []
            for i in range(k):
                sentence = f"Leaders met in Minsk on day {i}."
                at = text.index(sentence)
                events.append(Event(
                    id=f"w{a:04d}-{i}", type="meeting", cameo="036", article_id=article.id,
                    evidence=sentence, evidence_start=at, evidence_end=at + len(sentence),
                    trigger_span=Span(8, 11), date_start=article.published,
                    date_end=article.published, date_granularity="day", date_basis="explicit",
                    reported=article.published, place_id=f"p{a}-{i}", place_name="Minsk",
                    country_code="BY", lat=53.9 + a / 1000, lon=27.5 + i / 1000,
                    place_level="city", sources=(article.id,)))
            store.add(article, events)
    """
)


def test_dashboard_reads_whole_articles_while_an_ingest_writes(tmp_path):
    db = tmp_path / "store.sqlite"
    Store(db).close()  # the schema exists before the reader's first look
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(ARTICLES), str(EVENTS_EACH)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    views, last, stamps = 0, 0, set()
    while writer.poll() is None or views == 0:
        view = read_store(db)
        frame = view.frame
        stamps.add(store_stamp(db))
        per_article = frame.groupby("article_id").size()
        assert set(per_article) <= {EVENTS_EACH}, per_article[per_article != EVENTS_EACH]
        assert set(frame["article_id"]) <= set(view.articles)
        assert len(view.articles) >= last
        last = len(view.articles)
        # What a rerun does with the view: filter it and build the map's data.
        shown = filters.apply(frame, filters.Filters(text="minsk"))
        assert len(mapview.map_payload(shown)["lat"]) == len(shown) == len(frame)
        views += 1
    _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    final = read_store(db)
    assert len(final.articles) == ARTICLES
    assert len(final.frame) == ARTICLES * EVENTS_EACH
    assert views > 1 and len(stamps) > 1  # the reader really overlapped the writer
