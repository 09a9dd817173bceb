"""Fuzzing the article readers (issue 12): whatever the bytes, reading gives articles or one
ArticleError line naming the file, within a hypothesis deadline, writing nothing, running
nothing and connecting nowhere (watched by an audit hook and by a local listener the hostile
pages point at, which must receive nothing)."""

from __future__ import annotations

import bz2
import codecs
import contextlib
import datetime as dt
import gzip
import io
import json
import lzma
import os
import socket
import sys
import tempfile
import threading
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from events.articles import MAX_YEAR, MIN_YEAR, SUFFIXES, normalise, read_bytes, read_path
from events.exc import ArticleError, one_line
from events.model import Article
from events.parts import MAX_ARTICLE_CHARS

# -- the guards -------------------------------------------------------------------------------

# Audit events that mean the reader did more than read: wrote, ran or connected.
_WATCHED = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "subprocess.", "os.system",
            "os.exec", "os.posix_spawn", "os.fork", "os.mkdir", "os.remove", "os.rename",
            "os.rmdir", "os.truncate", "os.link", "os.symlink", "shutil.", "sqlite3.connect",
            "webbrowser.")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_seen: list[tuple[str, str]] | None = None  # recording while not None


def _audit(event: str, args: tuple) -> None:
    if _seen is None:
        return
    if event == "open":
        path, mode, flags = args
        writes = any(c in mode for c in "wax+") if isinstance(mode, str) else flags & _WRITE_FLAGS
        if not writes:
            return
    elif not event.startswith(_WATCHED):
        return
    _seen.append((event, repr(args)[:200]))
    if event.startswith(("socket.connect", "socket.getaddrinfo", "urllib.")):
        raise PermissionError(f"the reader tried {event} {args!r}")  # block it, and say so


sys.addaudithook(_audit)  # hooks cannot be removed: it only records while a test says so


@contextlib.contextmanager
def watched():
    """Yields the list of writes, runs and connections made inside the block."""
    global _seen
    _seen = found = []
    try:
        yield found
    finally:
        _seen = None


class Listener:
    """A TCP port on 127.0.0.1 that notes every connection (HTTP or not, from Python or C)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.hits: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.server.accept()
                with conn:
                    conn.settimeout(1)
                    received = b""
                    with contextlib.suppress(OSError):
                        received = conn.recv(200)
                    self.hits.append(received or b"(connected, sent nothing)")


@pytest.fixture(scope="module")
def listener():
    opened = Listener()
    yield opened
    opened.server.close()


def test_the_guards_see_what_they_guard(listener, tmp_path):
    address = listener.server.getsockname()
    with watched() as seen, socket.socket() as sock:
        (tmp_path / "written.txt").write_text("x")
        with pytest.raises(PermissionError):
            sock.connect(address)
    assert [name for name, _ in seen if name != "socket.__new__"] == ["open", "socket.connect"]
    with socket.create_connection(address) as conn:
        conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
    deadline = 100
    while not listener.hits and deadline:
        threading.Event().wait(0.05)
        deadline -= 1
    assert listener.hits == [b"GET / HTTP/1.0\r\n\r\n"]
    listener.hits.clear()


# Lazily imported libraries (trafilatura, htmldate, charset_normalizer) write their bytecode on
# first import; read one of each kind now, so that the guards see only what reading does.
for _name, _data in (("warm.html", b"<html><head><meta name='date' content='2024-01-02'></head>"
                      b"<body><article><p>Leaders met in Minsk.</p></article></body></html>"),
                     ("warm.txt", "Лидеры встретились в Минске.".encode("cp1251"))):
    read_bytes(_name, _data)


# -- the contract -----------------------------------------------------------------------------

def outcome(read) -> list[Article] | ArticleError:
    """The articles read, or the ArticleError raised; any other exception fails the test."""
    try:
        return read()
    except ArticleError as e:
        return e


def check(name: str, data: bytes, listener: Listener | None = None) -> list[Article] | ArticleError:
    """Read ``data`` as an upload and as a file; both must keep the readers' contract, agree, and
    leave no trace. Returns the upload's outcome for further checks."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with watched() as seen:
            uploaded = outcome(lambda: read_bytes(name, data))
            from_file = outcome(lambda: read_path(path))
        assert seen == [], f"reading {name} wrote, ran or connected: {seen}"
        assert os.listdir(folder) == [name]
    if listener is not None:
        assert listener.hits == [], "reading made a connection to the listener"
    if currently_in_test_context():  # hypothesis's statistics: how often each outcome came up
        event("refused" if isinstance(uploaded, ArticleError) else "read")
    if isinstance(uploaded, ArticleError):
        message = str(uploaded)
        assert message.startswith(f"{name}: ") and len(message) > len(name) + 2, message
        assert one_line(message) == message and "\n" not in message and "\r" not in message
        assert len(message) <= len(name) + 400, f"an error line of {len(message)} characters"
        assert isinstance(from_file, ArticleError), from_file
        assert str(from_file) == f"{path}{message[len(name):]}"
        return uploaded
    assert isinstance(uploaded, list) and uploaded, uploaded
    assert not isinstance(from_file, ArticleError), from_file
    assert [_content(a) for a in from_file] == [_content(a) for a in uploaded]
    for article in uploaded:
        assert_sound(article)
    assert sum(len(a.text) for a in uploaded) <= len(data), "more text than bytes: decompressed?"
    return uploaded


def _content(article: Article) -> tuple:
    return (article.id, article.text, article.title, article.published, article.meta)


def assert_sound(article: Article) -> None:
    assert isinstance(article.id, str) and article.id
    assert article.text and article.text == article.text.strip()
    assert "\r" not in article.text and "\x00" not in article.text and "\ufeff" not in article.text
    assert unicodedata.is_normalized("NFC", article.text)
    for value in (article.id, article.text, article.title, article.source,
                  *(v for pair in article.meta for v in pair)):
        value.encode("utf-8")  # storable: no lone surrogate
        assert "\x00" not in value
    if article.published is None:
        assert article.published_basis == "none"
    else:
        assert isinstance(article.published, dt.date)
        assert MIN_YEAR <= article.published.year <= MAX_YEAR
        assert article.published_basis in ("metadata", "html", "text")


def assert_refused(result, *reasons: str) -> str:
    assert isinstance(result, ArticleError), f"expected a refusal, got {result}"
    message = str(result)
    assert any(reason in message for reason in reasons), message
    return message


FUZZ = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
BIG = settings(max_examples=10, deadline=15000, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])

suffixes = st.sampled_from(SUFFIXES)
# Text a writer could type: letters (Latin, Cyrillic, CJK ...), marks, digits, punctuation,
# spaces and newlines, no control characters.
words = st.text(st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs"),
                              whitelist_characters="\n\t"), min_size=1, max_size=300)


# -- random bytes and text --------------------------------------------------------------------

@FUZZ
@given(suffix=suffixes, data=st.binary(max_size=3000))
def test_random_bytes(listener, suffix, data):
    check(f"fuzz{suffix}", data, listener)


@FUZZ
@given(name=st.text(max_size=40), suffix=suffixes, data=st.binary(max_size=60))
def test_any_file_name_gives_one_escaped_line(name, suffix, data):
    name = f"{name}{suffix}"
    result = outcome(lambda: read_bytes(name, data))
    if isinstance(result, ArticleError):
        assert one_line(str(result)) == str(result) and "\n" not in str(result)
    else:
        for article in result:
            assert_sound(article)


@FUZZ
@given(suffix=st.sampled_from([".txt", ".md"]), text=words, cut=st.integers(1, 3))
def test_truncated_utf8_keeps_the_text_before_the_cut(suffix, text, cut):
    data = f"Минск — {text}".encode()
    data = data[:-cut]
    kept = data.decode("utf-8", "ignore")  # the cut only ever splits the last character
    result = check(f"cut{suffix}", data)
    assert not isinstance(result, ArticleError), result
    (article,) = result
    assert article.text == normalise(kept).strip()


@FUZZ
@given(text=words, encoding=st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-7", "cp1251",
     "koi8_r", "latin-1", "cp1252", "cp1250", "iso8859_15", "mac_cyrillic", "shift_jis",
     "gb18030", "big5", "euc_kr", "cp437"]), suffix=suffixes)
def test_other_encodings(listener, text, encoding, suffix):
    text = f"Минск, Brest — {text}"
    data = text.encode(encoding, "replace")
    result = check(f"enc{suffix}", data, listener)
    if suffix in (".txt", ".md") and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        # Unicode with a byte-order mark (or UTF-8) is decoded exactly, whatever the text.
        (article,) = result
        assert article.text == normalise(text).strip()


@FUZZ
@given(text=words, where=st.integers(0, 10_000), count=st.integers(1, 4), suffix=suffixes)
def test_nul_bytes_are_refused_where_they_first_occur(text, where, count, suffix):
    data = f"Leaders met in Minsk. {text}".encode()
    where = where % (len(data) + 1)
    data = data[:where] + b"\x00" * count + data[where:]
    result = check(f"nul{suffix}", data)
    message = assert_refused(result, "NUL")
    assert f"(first at byte {where})" in message


@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800", "\\udfff", "\\ud83d"])
@pytest.mark.parametrize("field", ["text", "title", "id", "source", "author"])
def test_json_escapes_that_are_not_text_are_refused(escape, field):
    """Regression: '\\u0000' and lone surrogates came through JSON escapes into the Article
    (a surrogate cannot be encoded, so storing it failed)."""
    item = {"text": "Leaders met in Minsk.", field: f"x{escape}y"} if field != "text" else {
        "text": f"Leaders met in Minsk.{escape}"}
    data = json.dumps(item).replace("\\\\u", "\\u").encode()
    for name in ("esc.json", "esc.jsonl"):
        assert_refused(check(name, data), "not text", "control characters")


# -- JSON -------------------------------------------------------------------------------------

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), words,
                         st.text(max_size=20))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=30)
json_items = st.fixed_dictionaries(
    {"text": st.one_of(words, json_values)},
    optional={"id": st.one_of(st.text(max_size=20), json_values),
              "title": st.one_of(words, json_values),
              "published": st.one_of(st.dates().map(str), st.text(max_size=30), json_values),
              "extra": json_values, "TEXT": json_values})


def _bomb(depth: int, kind: str) -> str:
    opener, closer = {"list": ("[", "]"), "object": ('{"a":', "}"), "mixed": ('[{"a":', "}]")}[kind]
    return opener * depth + "1" + closer * depth


@FUZZ
@given(document=st.one_of(json_values, json_items, st.lists(json_items, max_size=5)),
       suffix=st.sampled_from([".json", ".jsonl"]))
def test_nested_json(document, suffix):
    lines = document if suffix == ".jsonl" and isinstance(document, list) else [document]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    result = check(f"nest{suffix}", data)
    if isinstance(document, dict) and isinstance(document.get("text"), str) and suffix == ".json":
        if not isinstance(result, ArticleError):
            assert result[0].text == normalise(document["text"]).strip()


@FUZZ
@given(depth=st.integers(1, 30_000), kind=st.sampled_from(["list", "object", "mixed"]),
       digits=st.integers(1, 6000), where=st.sampled_from(["value", "list", "line"]))
def test_json_depth_and_number_bombs(depth, kind, digits, where):
    bomb = _bomb(depth, kind).replace("1", "7" * digits, 1)
    document = {"value": f'{{"text": "Leaders met.", "n": {bomb}}}',
                "list": f'[{{"text": "Leaders met."}}, {bomb}]',
                "line": f'{{"text": "Leaders met."}}\n{bomb}'}[where]
    result = check("bomb.jsonl" if where == "line" else "bomb.json", document.encode())
    # Python's parser recurses once a level: deeper than the recursion limit cannot be read.
    if depth > sys.getrecursionlimit() or digits > 4300:
        assert_refused(result, "nested too deeply", "an integer of more than 4,300 digits")


# -- front matter -----------------------------------------------------------------------------

header_lines = st.one_of(
    st.sampled_from(["---", "...", "--- ", "id: x", "id:", "ID: Upper", "title: 'quoted'",
                     'title: "', "published: 2024-02-30", "published: 2024-12-04T10:00:00+01:00",
                     "published: 99999-01-01", "published: Tue, 03 Dec 2024 10:00:00 GMT",
                     "date: yesterday", "  - item", "\tcontinued", "# comment", "", "key",
                     ": value", "ключ: значение", "a.b-c: d", "source: http://x", "url:",
                     "published: " + "9" * 5000 + "-01-01", "id: " + "x" * 100_000]),
    st.text(max_size=40).filter(lambda s: "\n" not in s and "\r" not in s))


@FUZZ
@given(lines=st.lists(header_lines, max_size=12), body=st.one_of(st.just(""), words),
       close=st.sampled_from(["---", "...", "--- \t", ""]), bom=st.booleans(), crlf=st.booleans(),
       suffix=st.sampled_from([".txt", ".md"]))
def test_odd_front_matter(lines, body, close, bom, crlf, suffix):
    text = "\n".join(["---", *lines, close, body])
    data = (codecs.BOM_UTF8 if bom else b"") + text.replace("\n", "\r\n" if crlf else "\n").encode()
    check(f"front{suffix}", data)


keys = st.from_regex(r"[a-z_][a-z0-9_.-]{0,15}", fullmatch=True).filter(
    lambda k: k not in ("id", "title", "published", "date", "source", "url"))
values = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")), max_size=40).map(
    lambda v: unicodedata.normalize("NFC", v).strip()).filter(
    lambda v: v and v[0] not in "\"'-" and v[-1] not in "\"'")


@FUZZ
@given(article_id=values, title=values, published=st.dates(dt.date(MIN_YEAR, 1, 1),
       dt.date(MAX_YEAR, 12, 31)), meta=st.dictionaries(keys, values, max_size=5), body=words)
def test_well_formed_front_matter_round_trips(article_id, title, published, meta, body):
    header = {"id": article_id, "title": title, "published": published.isoformat(), **meta}
    lines = [f"{key}: {value}" for key, value in header.items()]
    body = f"Leaders met. {body}"
    data = "\n".join(["---", *lines, "---", body]).encode()
    (article,) = check("round.txt", data)
    assert (article.id, article.title, article.published) == (article_id.strip(), title, published)
    assert article.published_basis == "metadata"
    assert dict(article.meta) == meta
    assert article.text == normalise(body).strip()


# -- HTML -------------------------------------------------------------------------------------

SCRIPT_MARK = "k7Qz-script-only"


def html_parts(url: str):
    sentence = st.sampled_from([
        "Russian President Vladimir Putin met Alexander Lukashenko in Minsk on Friday.",
        "Polish brigades were reported near Brest and Grodno, officials said on Tuesday.",
        "Президент прибыл в Минск, где проведёт переговоры во Дворце Независимости.",
    ])
    size = st.integers(1, 100_000)
    return st.one_of(
        sentence.map(lambda s: f"<p>{s}</p>"),
        sentence.map(lambda s: f"<article><h1>{s[:30]}</h1><p>{s}</p><p>{s}</p></article>"),
        st.just(f"<script>var s = '{SCRIPT_MARK}'; fetch('{url}/js');</script>"),
        st.just(f"<script src='{url}/x.js'></script><noscript><img src='{url}/n.png'></noscript>"),
        st.just(f"<style>@import url({url}/s.css); p::after {{content: '{SCRIPT_MARK}'}}</style>"),
        st.just(f"<iframe src='{url}/frame' srcdoc='<script>{SCRIPT_MARK}</script>'></iframe>"),
        st.just(f"<img src='{url}/i.png' onerror='alert(1)'><object data='{url}/o'></object>"),
        st.just(f"<link rel='stylesheet' href='{url}/l.css'><base href='{url}/'>"),
        st.just(f"<meta http-equiv='refresh' content='0;url={url}/refresh'>"),
        st.just(f"<svg><image href='{url}/svg.png'/><script>{SCRIPT_MARK}</script></svg>"),
        st.just(f"<?xml-stylesheet href='{url}/xsl'?><!-- <p>{SCRIPT_MARK}</p> -->"),
        st.just(f'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM '
                f'"{url}/dtd">]><p>&x;&y;</p>'),
        st.just("<p>&#0;&#1;&#x1b;&#xD800;&#xFFFE;&#1114112;&amp;&nbsp;</p>"),
        st.just("<meta charset='utf-16'><meta charset='\u202e'><meta charset='x-unknown'>"),
        size.map(lambda n: f"<div title='{'x' * n}' data-{'a' * min(n, 5000)}='1'>"),
        st.integers(1, 20_000).map(lambda n: "<div>" * n),
        st.integers(1, 2_000).map(lambda n: "<table><tr><td>" * n),
        st.sampled_from(["</div>", "</p>", "<p", "<", "<!--", "<![CDATA[", "]]>", "</html>",
                         "<html>", "<body>", "<head>", "<title>T</title>", "<template>"]),
        st.text(max_size=50),
    )


@pytest.fixture(scope="module")
def html_documents(listener):
    return st.lists(html_parts(listener.url), max_size=12).map("".join)


@settings(max_examples=40, deadline=10000, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_html(listener, html_documents, data):
    page = data.draw(html_documents)
    result = check("page.html", page.encode(), listener)
    if not isinstance(result, ArticleError):
        (article,) = result
        if SCRIPT_MARK not in visible_text(page):
            assert SCRIPT_MARK not in article.text and SCRIPT_MARK not in article.title
        assert "root:x:0:0" not in article.text  # no external entity was read


def visible_text(page: str) -> str:
    """The page's text outside scripts, styles and comments, as the reader's parser sees it: a
    broken tag ("<p<script>") makes a script's code plain text, as in a browser."""
    from trafilatura.utils import load_html

    tree = load_html(page)
    nodes = [] if tree is None else tree.xpath(
        "//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    return "".join(nodes)


def test_script_code_never_becomes_article_text():
    """Regression (found by test_hostile_html): with a script before the article and a stray "<"
    before another script, trafilatura's fallback kept that script's code as article text."""
    script = f"<script>var s = '{SCRIPT_MARK}';</script>"
    sentence = "Russian President Vladimir Putin met Alexander Lukashenko in Minsk on Friday."
    page = (f"{script}<article><h1>{sentence[:30]}</h1><p>{sentence}</p><p>{sentence}</p>"
            f"</article><div title='x'><{script}")
    (article,) = check("stray.html", page.encode())
    assert sentence in article.text and SCRIPT_MARK not in article.text


# -- compressed bombs -------------------------------------------------------------------------

def _zip(payload: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", payload)
    return buffer.getvalue()


COMPRESSORS = {
    "gzip": gzip.compress, "zlib": zlib.compress, "bz2": bz2.compress, "xz": lzma.compress,
    "lzma": lambda b: lzma.compress(b, format=lzma.FORMAT_ALONE), "zip": _zip,
    "raw-deflate": lambda b: zlib.compress(b, wbits=-15),
}
# 8 MB each once inflated: zeros, and a real sentence that would make a good article.
PAYLOADS = {"zeros": bytes(8 * 2**20),
            "article": b"Putin met Lukashenko in Minsk on Friday. " * (8 * 2**20 // 41)}
_bombs: dict[tuple[str, str], bytes] = {}


def bomb(kind: str, payload: str) -> bytes:
    if (kind, payload) not in _bombs:
        _bombs[kind, payload] = COMPRESSORS[kind](PAYLOADS[payload])
    return _bombs[kind, payload]


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
@BIG
@given(payload=st.sampled_from(sorted(PAYLOADS)), suffix=suffixes,
       wrapper=st.sampled_from(["", "---\nid: bomb\n---\n", "<html><body><p>", '{"text": "']))
def test_compressed_bombs_are_never_inflated(listener, kind, payload, suffix, wrapper):
    data = wrapper.encode() + bomb(kind, payload)
    result = check(f"bomb{suffix}", data, listener)
    if not wrapper:
        assert_refused(result, "binary data", "NUL", "not UTF-8", "control characters")


# -- long lines -------------------------------------------------------------------------------

@BIG
@given(length=st.integers(100_000, 3_000_000),
       unit=st.sampled_from(["Minsk ", "Минск ", "9", "-", ":", "<", "[", "{", " ", "\t",
                             "&amp;", "\u0301", "é"]),
       shape=st.sampled_from(["body", "title", "id", "published", "json", "html", "jsonl"]))
def test_very_long_lines(length, unit, shape):
    line = unit * (length // len(unit))
    name, document = {
        "body": ("long.txt", f"Leaders met.\n{line}\nEnd."),
        "title": ("long.md", f"# {line}\n\nLeaders met."),
        "id": ("long.txt", f"---\nid: {line}\n---\nLeaders met."),
        "published": ("long.txt", f"---\npublished: {line}\n---\nLeaders met."),
        "json": ("long.json", json.dumps({"text": f"Leaders met. {line}", "title": line})),
        "html": ("long.html", f"<html><body><article><p title='{line}'>Leaders met.</p><p>"
                              f"{line}</p></article></body></html>"),
        "jsonl": ("long.jsonl", f'{{"text": "Leaders met."}}\n{line}'),
    }[shape]
    result = check(name, document.encode())
    if isinstance(result, list):
        # A text longer than any news story is read in parts (events.parts), all of it.
        assert all(len(a.text) <= MAX_ARTICLE_CHARS for a in result)
    if shape == "body":
        assert "".join(normalise(line).split()) in "".join("".join(a.text.split()) for a in result)
        assert result[0].title in ("Leaders met.", f"Leaders met. (part 1 of {len(result)})")
    if shape == "title" and line.strip():
        # a paragraph-long first line is not a title
        assert [a.title for a in result] in ([""], [f"part {k} of {len(result)}" for k in range(1, len(result) + 1)])


def test_a_long_bad_value_is_quoted_short():
    """Regression: the error line quoted a 100,000-character header value whole, and a year of
    5,000 digits escaped as a ValueError (int() refuses 4,300+ digits), not an ArticleError."""
    for value in ("x" * 100_000, "9" * 5000 + "-01-01", "1" + "0" * 5000 + "-01-01"):
        message = assert_refused(check("v.txt", f"---\npublished: {value}\n---\nText".encode()),
                                 "is not a date", "outside 1800-2100")
        assert f"{len(value):,} characters" in message and len(message) < 200
    message = str(check("dup.json", json.dumps([{"text": "a", "id": "i" * 10_000}] * 2).encode()))
    assert "occurs twice" in message and len(message) < 200
    assert "has year 99999, outside" in str(check("y.txt", b"---\npublished: 99999-1-1\n---\nT"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_a_file_cut_inside_its_last_character_is_read(encoding):
    """Regression: a UTF-8 (or UTF-16/32) file whose last character was cut in two (a truncated
    download) was refused as 'not UTF-8 ... binary data?'; now only that character is lost."""
    text = "Президент России Владимир Путин прибыл в Минск, где проведёт переговоры."
    data = text.encode(encoding)[:-1]
    (article,) = check("cut.txt", data)
    assert article.text == text[:-1]
