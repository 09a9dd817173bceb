"""The bad-input matrix (issue 5): every kind of broken file gets one clear line naming the file and
the reason, readable legacy text is decoded, good files in the same batch are ingested, and nothing
already in the store changes."""

import io
import json
import os
import sqlite3
import zipfile

import pytest

from events.articles import MAX_FILE_BYTES, read_bytes, read_path
from events.exc import ArticleError
from events.ingest import ingest
from events.parts import MAX_ARTICLE_CHARS

RUSSIAN = ("Президент России Владимир Путин прибыл в Минск, где проведёт переговоры с Александром "
           "Лукашенко. Встреча состоится в пятницу во Дворце Независимости.")
FRENCH = ("Le président français s'est rendu à Genève où il a rencontré ses homologues. Les "
          "négociations ont porté sur la sécurité régionale et l'économie. Déjà, à Zürich, une "
          "réunion préparatoire avait eu lieu.")
PARAGRAPH = ("On December 3, Russian President Vladimir Putin met with Dmitry Mezentsev at the "
             "Kremlin; the Union State summit is scheduled for December 6 in Minsk. Лукашенко. ")


def png_bytes():
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Leaders met in Minsk.")
    return buffer.getvalue()


# name -> (bytes, expected reason in the error)
BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"  \n\t\r\n   \n", "contains only whitespace"),
    "image.txt": (png_bytes(), "binary data (PNG image), not a text article"),
    "archive.json": (zip_bytes(), "binary data (zip archive), not a text article"),
    "nul.txt": (b"Leaders met\x00 in Minsk.", "contains NUL bytes (first at byte 11): binary data"),
    "noise.txt": (bytes(range(1, 32)) * 50, "control characters in the text: binary data"),
    "bad-bom.txt": (b"\xef\xbb\xbfok \xff\xfe broken", "invalid UTF-8-SIG after its byte-order mark"),
    "malformed.html": (b"<<<>>><</ <!-- never closed <script>x</script>",
                       "no article text found in the HTML"),
    "truncated.json": (b'{"id": "t", "text": "Leaders met in Min', "invalid JSON at line 1"),
    "control.json": (b'{"text": "Leaders\n met"}',
                     "invalid JSON at line 1 column 18: Invalid control character"),
    "deep.json": (b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                  "invalid JSON: nested too deeply to read"),
    "deep-line.jsonl": (b'{"text": "ok"}\n' + b"[" * 1_000 + b"]" * 1_000 + b"\n",
                        "line 2: invalid JSON: nested too deeply to read"),
    "huge-int.json": (b'{"text": "x", "n": ' + b"7" * 5_000 + b"}",
                      "invalid JSON: an integer of more than 4,300 digits"),
    "wrong-types.json": (b'{"text": ["not", "a", "string"], "title": 3}',
                         "'text' must be a string, got list"),
    "bad-line.jsonl": (b'{"text": "ok"}\n{"text": 12}\n', "line 2: 'text' must be a string"),
    "unclosed.txt": (b"---\ntitle: Never closed\npublished: 2024-01-01\nLeaders met.\n",
                     "front matter opened with '---' on line 1 is never closed"),
    "feb30.txt": (b"---\npublished: 2023-02-30\n---\nLeaders met.",
                  "published date '2023-02-30' is impossible (day is out of range for month)"),
    "feb30-words.md": (b"---\npublished: February 30, 2023\n---\nLeaders met.",
                       "published date 'February 30, 2023' is impossible"),
    "year99999.txt": (b"---\npublished: 99999-01-01\n---\nLeaders met.",
                      "published date '99999-01-01' has year 99999, outside 1800-2100"),
    "header-junk.txt": (b"---\nthis is not a header\n---\nText", "front matter line 2 is not"),
    "only-header.txt": (b"---\ntitle: x\n---\n\n  \n", "no text after the front matter"),
    "scan.pdf": (b"%PDF-1.4 ...", "unsupported file type '.pdf'"),
}

# name -> (bytes, text the article must have)
GOOD = {
    "cyrillic-cp1251.txt": (RUSSIAN.encode("cp1251"), RUSSIAN),
    "french-latin1.txt": (FRENCH.encode("latin-1"), FRENCH),
    "bom.txt": (b"\xef\xbb\xbf---\nid: bom\n---\nLeaders met in Minsk.", "Leaders met in Minsk."),
    "utf16.txt": (RUSSIAN.encode("utf-16"), RUSSIAN),
    "crlf.md": (b"# Title\r\n\r\nLine one.\r\nLine two.\r\n", "# Title\n\nLine one.\nLine two."),
    "legacy.html": (b'<html><head><meta charset="windows-1251"></head><body><article><p>'
                    + RUSSIAN.encode("cp1251") + b"</p></article></body></html>", RUSSIAN),
}


def snapshot(store):
    with sqlite3.connect(store.path) as conn:
        return (conn.execute("SELECT * FROM articles ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM events ORDER BY article_id, seq").fetchall())


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_kind_is_one_clear_line(tmp_path, name):
    data, reason = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        read_path(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and reason in message, message
    assert "\n" not in message and len(message) < len(str(path)) + 160
    # Python's JSON messages end "... character at" (it appends the position): never cut there.
    assert not message.endswith((" at", " starting")), message
    with pytest.raises(ArticleError) as info:
        read_bytes(name, data)
    assert str(info.value) == message.replace(str(path), name)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_readable_legacy_and_odd_text_is_decoded(tmp_path, name):
    data, text = GOOD[name]
    path = tmp_path / name
    path.write_bytes(data)
    (article,) = read_path(path)
    assert " ".join(article.text.split()) == " ".join(text.split())
    assert "\ufeff" not in article.text and "\r" not in article.text


def test_missing_path_and_directory_and_oversized(tmp_path):
    with pytest.raises(ArticleError, match=r"missing\.txt: no such file$"):
        read_path(tmp_path / "missing.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ArticleError, match=r"folder\.txt: is a directory"):
        read_path(tmp_path / "folder.txt")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: refused from its size, never read
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ArticleError, match=r"huge\.txt: file is 64\.0 MB, larger than the 64 MB"):
        read_path(huge)
    with pytest.raises(ArticleError, match=r"^up\.txt: file is 64\.0 MB, larger than the 64 MB"):
        read_bytes("../up.txt", bytes(MAX_FILE_BYTES + 1))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match=r"pipe\.txt: not a regular file"):
        read_path(fifo)
    with pytest.raises(ArticleError, match=r"^/dev/zero: unsupported file type|not a regular"):
        read_path("/dev/zero")


def test_big_inputs_are_read_and_stored(tmp_path, store, fake_extract):
    repeats = 50 * 2**20 // len(PARAGRAPH.encode()) + 1
    big = tmp_path / "fifty-mb.txt"
    with big.open("w", encoding="utf-8") as f:
        f.write("---\nid: big\n---\n")
        for _ in range(repeats // 1000):
            f.write((PARAGRAPH + "\n") * 1000)
    assert big.stat().st_size >= 50 * 2**20
    # Read as parts no longer than any news story could be (events.parts), all of the text.
    parts = read_path(big)
    assert [a.id for a in parts] == [f"big#{k}" for k in range(1, len(parts) + 1)]
    assert all(len(a.text) <= MAX_ARTICLE_CHARS for a in parts)
    assert sum(len(a.text) for a in parts) > 45 * 2**20
    (result,) = ingest([big], store, extractor=fake_extract)
    assert result.ok and result.article_ids == tuple(a.id for a in parts)
    assert store.article(parts[-1].id).text == parts[-1].text
    line = tmp_path / "one-line.txt"
    line.write_text(PARAGRAPH * (5 * 2**20 // len(PARAGRAPH)))
    parts = read_path(line)
    assert all("\n" not in a.text for a in parts)
    assert sum(len(a.text) for a in parts) > 4.9 * 2**20 - len(parts)


def test_a_mixed_batch(tmp_path, store, fake_extract):
    # The store already holds good versions of some ids the bad files would claim.
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    for stem in ("truncated", "feb30", "empty", "keep"):
        (earlier / f"{stem}.txt").write_text(f"An earlier, good article called {stem}.")
    ingest([earlier], store, extractor=fake_extract)
    before = snapshot(store)

    batch = tmp_path / "batch"
    (batch / "sub").mkdir(parents=True)
    for name, (data, _) in BAD.items():
        (batch / name).write_bytes(data)
    for name, (data, _) in GOOD.items():
        (batch / "sub" / name).write_bytes(data)
    (batch / "sub" / "big-line.txt").write_text(PARAGRAPH * (5 * 2**20 // len(PARAGRAPH)))
    (batch / "sub" / "many.jsonl").write_text(
        "\n".join(json.dumps({"id": f"j{i}", "text": f"Article {i}."}) for i in range(3)))
    missing = tmp_path / "does-not-exist.txt"

    results = ingest([batch, missing, batch / "scan.pdf"], store, extractor=fake_extract)
    by_path = {r.path: r for r in results}
    bad_paths = {str(batch / n) for n in BAD if not n.endswith(".pdf")}
    bad_paths |= {str(missing), str(batch / "scan.pdf")}
    assert {p for p, r in by_path.items() if not r.ok} == bad_paths
    for name, (_, reason) in BAD.items():
        error = by_path[str(batch / name)].error
        assert error.startswith(f"{batch / name}: ") and reason in error
    assert by_path[str(missing)].error == f"{missing}: no such file"

    good = [r for r in results if r.ok]
    assert len(good) == len(GOOD) + 2
    stored = {a.id: a for a in store.articles()}
    assert {"j0", "j1", "j2", "big-line#1", "bom", "cyrillic-cp1251"} <= set(stored)  # 5 MB: parts
    assert stored["cyrillic-cp1251"].text == RUSSIAN
    for article_id in ("truncated", "feb30", "empty", "keep"):
        assert stored[article_id].text.startswith("An earlier, good article")
    old_rows = {row[0]: row for row in before[0]}
    now_rows = {row[0]: row for row in snapshot(store)[0]}
    assert all(now_rows[k] == v for k, v in old_rows.items())
    assert store.verify() == []


@pytest.mark.parametrize("name", ["new\nline.json", "ansi\x1b[31mred\x1b[0m.json",
                                  "bidi\u202etxt.json", "tab\tand\rcr.json"])
def test_hostile_file_names_stay_on_one_escaped_line(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b'{"text": "cut')
    for read in (lambda: read_path(path), lambda: read_bytes(name, b'{"text": "cut')):
        with pytest.raises(ArticleError) as info:
            read()
        message = str(info.value)
        assert message.isprintable(), message
        assert "\u202e" not in message and "\x1b" not in message
        visible = name.encode("unicode_escape").decode("ascii")
        assert f"{visible}: invalid JSON at line 1 column 10: Unterminated string" in message
