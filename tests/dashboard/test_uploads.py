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
