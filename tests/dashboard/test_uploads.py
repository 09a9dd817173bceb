import pytest

from dashboard import uploads
from events.store import Store


@pytest.mark.parametrize(
    "name, safe",
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\win.ini.txt", "win.ini.txt"),
        ("/abs/path/a.md", "a.md"),
        ("..", "upload.txt"),
        ("../", "upload.txt"),
        ("...hidden.json", "hidden.json"),
        ("a\x00b\nc.html", "abc.html"),
        ("", "upload.txt"),
    ],
)
def test_safe_name_keeps_only_the_last_component(name, safe):
    assert uploads.safe_name(name) == safe


def test_uploads_are_checked_before_reading(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        big = uploads.ingest_upload("big.md", b"x" * (uploads.MAX_UPLOAD_MB * 1_000_000 + 1), store)
        exe = uploads.ingest_upload("../run.exe", b"MZ", store)
        sh = uploads.ingest_upload("x.sh", b"#!/bin/sh\ntouch /tmp/pwned\n", store)
        assert store.counts()["articles"] == 0
    assert not big.ok and "too large" in big.message
    assert not exe.ok and exe.message == ("run.exe: not added: a .exe file is not an article; "
                                          "the dashboard reads txt, md, html, htm, json, jsonl")
    assert not sh.ok
    assert list(tmp_path.iterdir()) != [] and all(
        p.name.startswith("s.sqlite") for p in tmp_path.iterdir()
    )


def test_a_good_upload_is_stored_under_its_safe_name(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        result = uploads.ingest_upload("../../up/story.txt", b"Putin met Lukashenko.", store)
        assert result.ok, result.message
        assert result.message.startswith("story.txt: 1 article")
        [article] = store.articles()
    assert "/" not in article.id and ".." not in article.id


def test_server_upload_limit_matches_the_stated_one():
    import tomllib
    from pathlib import Path

    config = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
    settings = tomllib.loads(config.read_text(encoding="utf-8"))
    assert settings["server"]["maxUploadSize"] == uploads.MAX_UPLOAD_MB
    assert settings["browser"]["gatherUsageStats"] is False


def test_a_second_upload_of_the_same_name_says_it_replaced_the_first(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        first = uploads.ingest_upload("notes.txt", b"Putin met Lukashenko.", store)
        again = uploads.ingest_upload("notes.txt", b"Putin met Lukashenko.", store)
        second = uploads.ingest_upload("notes.txt", b"Xi visited Astana.", store)
        other = uploads.ingest_upload("other.txt", b"---\nid: notes\n---\nA third text.", store)
        assert [a.text for a in store.articles()] == ["A third text."]
    assert first.ok and "replaced" not in first.message
    assert again.ok and "replaced" not in again.message  # the same text again changes nothing
    assert second.ok and second.message.endswith(
        "; replaced article 'notes' of an earlier upload of that name "
        "(give each an 'id' to keep both)"), second.message
    assert other.message.endswith("; replaced article 'notes' read before from upload:notes.txt")


@pytest.mark.parametrize("name", ["photo.png", "report.PDF", "README"])
def test_unsupported_types_get_a_one_line_refusal(tmp_path, name):
    with Store(tmp_path / "s.sqlite") as store:
        result = uploads.ingest_upload(name, b"%PDF-1.7 or PNG bytes", store)
        assert store.counts()["articles"] == 0
    assert not result.ok and "\n" not in result.message
    assert result.message.startswith(f"{name}: not added: ")
    assert "is not an article" in result.message


def test_an_upload_without_events_says_what_was_found(tmp_path):
    text = (b"---\ntitle: Weather\npublished: 2024-12-01\n---\n"
            b"It was cold in Minsk and Brest on December 6.\n")
    with Store(tmp_path / "s.sqlite") as store:
        result = uploads.ingest_upload("weather.md", text, store)
    assert result.ok
    assert result.message.startswith("weather.md: 1 article, 0 events (found 2 places (Minsk, "
                                      "Brest), 1 date (December 6); no event because no sentence"
                                      " uses a word for a meeting"), result.message


# -- uploads stored in the background (dashboard.background) ----------------------------------

def wait_until(condition, seconds: float = 60.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


class Gate:
    """An ``ingest_upload`` stand-in that stops inside ``held`` (after its first of three
    articles) until opened, and ingests every other file for real."""

    def __init__(self, held: str) -> None:
        import threading

        self.held, self.inside, self.open = held, threading.Event(), threading.Event()
        self.ingest = uploads.ingest_upload  # the real one, before it is patched

    def __call__(self, name, data, store, done=None):
        if name == self.held:
            done(1, 3)
            self.inside.set()
            assert self.open.wait(60)
            done(2, 3)  # raises background.Cancelled when the user cancelled meanwhile
            done(3, 3)
        return self.ingest(name, data, store, done=done)


def test_an_upload_is_stored_in_the_background_with_its_progress(tmp_path, monkeypatch):
    from dashboard import busy

    gate = Gate("b.txt")
    monkeypatch.setattr(uploads, "ingest_upload", gate)
    store = tmp_path / "s.sqlite"
    files = [("a.txt", b"Putin met Lukashenko in Minsk."), ("b.txt", b"Xi visited Astana." * 10)]
    job = uploads.start_upload(files, store)
    assert files == []  # the job's thread holds the bytes now
    assert gate.inside.wait(60)
    # Half-way: the first file is stored and counted, the second a third read; the store is
    # marked as being written, so other tabs say so.
    assert job.current == "b.txt" and [r.ok for r in job.results] == [True]
    assert job.done_bytes == 30 + 180 // 3 and 0 < job.fraction() < 1
    assert busy.is_writing(store) and not job.finished.is_set()
    gate.open.set()
    assert job.finished.wait(60)
    assert [r.message.split(":")[0] for r in job.results] == ["a.txt", "b.txt"]
    assert all(r.ok for r in job.results) and job.fraction() == 1.0
    assert not busy.is_writing(store)
    with Store(store) as s:
        assert sorted(a.id for a in s.articles()) == ["a", "b"]


def test_a_cancelled_upload_keeps_the_files_stored_before_it(tmp_path, monkeypatch):
    gate = Gate("b.txt")
    monkeypatch.setattr(uploads, "ingest_upload", gate)
    store = tmp_path / "s.sqlite"
    job = uploads.start_upload([("a.txt", b"Putin met Lukashenko in Minsk."),
                                ("b.txt", b"Xi visited Astana."), ("c.txt", b"Leaders met.")], store)
    assert gate.inside.wait(60)
    job.cancel()
    gate.open.set()
    assert job.finished.wait(60)
    assert [(r.ok, r.message) for r in job.results] == [
        (True, job.results[0].message),
        (False, "b.txt: cancelled while reading it, not added (the files before it are stored)"),
        (False, "c.txt: cancelled, not added"),
    ]
    with Store(store) as s:
        assert [a.id for a in s.articles()] == ["a"]


def test_files_past_the_limit_are_refused_one_line_each(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_FILES", 2)
    files = [(f"n{i}.txt", f"Leaders met in Minsk, report {i}.".encode()) for i in range(4)]
    job = uploads.start_upload(files, tmp_path / "s.sqlite")
    assert job.finished.wait(60)
    assert [r.message for r in job.results[2:]] == [
        "n2.txt: not added: at most 2 files at a time", "n3.txt: not added: at most 2 files at a time"]
    assert [r.ok for r in job.results] == [True, True, False, False]


def test_a_store_that_cannot_be_written_is_one_line_and_the_job_ends(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    job = uploads.start_upload([("a.txt", b"Leaders met.")], blocker / "s.sqlite")
    assert job.finished.wait(60)
    [result] = job.results
    assert not result.ok and result.message.startswith("Cannot write to the event store: ")
    assert "\n" not in result.message
