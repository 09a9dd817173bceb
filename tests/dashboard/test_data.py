from pathlib import Path

import dash_fixtures as fx

from dashboard import data
from events.store import Store


def test_store_path_prefers_the_argument_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GEOTIMELINE_DB", str(tmp_path / "env.sqlite"))
    assert data.store_path(["~/other.sqlite"]) == Path("~/other.sqlite").expanduser()
    assert data.store_path([]) == tmp_path / "env.sqlite"
    # Under a test runner sys.argv is the runner's, not the dashboard's.
    assert data.script_args() == []


def test_read_store_gives_the_events_with_their_articles(sample_store):
    view = data.read_store(sample_store)
    assert view.counts == {"articles": 2, "events": 9}
    assert set(view.frame["article_id"]) == set(view.articles)
    minsk = view.frame[view.frame["place"] == "Minsk, Belarus"]
    assert sorted(minsk["date_label"]) == ["6 December 2024", "May 2024"]
    assert view.frame["approximate"].sum() == 5  # May, Belarus, Poland, Brest, Grodno


def test_stamp_changes_when_the_store_changes(sample_store):
    before = data.store_stamp(sample_store)
    with Store(sample_store) as store:
        store.add(fx.ARTICLE_XSS, fx.xss_events())
    assert data.store_stamp(sample_store) != before


def test_an_unwritable_store_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GEOTIMELINE_DB", str(blocker / "store.sqlite"))
    at = AppTest.from_file(str(Path(data.__file__).with_name("app.py")), default_timeout=60)
    at.run()
    assert not at.exception
    page = "\n".join(h.proto.body for h in at.get("html"))
    assert "Cannot create the event store" in page
