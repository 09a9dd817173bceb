import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pipeline_helpers import EVAL_ARTICLES, SAMPLE_ARTICLES, needs_shared

from events.articles import iter_files, read_bytes, read_path
from events.exc import ArticleError, EventsError


@needs_shared
def test_reads_the_eval_articles_as_they_are():
    files = sorted(EVAL_ARTICLES.glob("*.txt"))
    assert len(files) >= 15
    for path in files:
        (article,) = read_path(path)
        assert article.id == path.stem
        assert article.published is not None and article.published_basis == "metadata"
        assert article.title and not article.text.startswith("---")
        assert "---" not in article.text.split("\n")[0]
        assert dict(article.meta).get("license")
        assert article.source and article.source != str(path)
    (reagan,) = read_path(EVAL_ARTICLES / "reuters21578-1807.txt")
    assert reagan.published == dt.date(1987, 3, 4)
    assert reagan.title == "REAGAN TO VISIT ROME, BERLIN DURING SUMMIT TRIP"
    assert reagan.text.startswith("WASHINGTON, March 4 - President Reagan will visit Rome")


@pytest.mark.parametrize(
    "stem, published",
    [("000_6071332e53ed9011", dt.date(2023, 7, 23)), ("004_c8b0ddb14abcdc66", dt.date(2024, 12, 4))],
)
def test_reads_the_sample_articles(stem, published):
    (article,) = read_path(SAMPLE_ARTICLES / f"{stem}.txt")
    assert (article.id, article.published, article.published_basis) == (stem, published, "metadata")
    assert "shared/seeds" in article.source
    assert article.text.startswith(article.title)


def test_plain_text_without_header(tmp_path):
    path = tmp_path / "minsk-talks.txt"
    path.write_text("\n\nPutin visits Minsk\r\n\r\nPutin arrived in Minsk on Friday.\r\n")
    (article,) = read_path(path)
    assert article.id == "minsk-talks"
    assert article.title == "Putin visits Minsk"
    assert article.text == "Putin visits Minsk\n\nPutin arrived in Minsk on Friday."
    assert (article.published, article.published_basis) == (None, "none")
    assert article.source == str(path.resolve())


def test_long_first_line_is_not_a_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("word " * 100)
    assert read_path(path)[0].title == ""


def test_front_matter_keys(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(
        "---\nid: 'custom-id'\nTitle: \"Quoted: title\"\npublished: 2024-12-04T09:30:00+03:00\n"
        "url: https://example.org/a\nauthor: A. Writer\ntags:\n  - minsk\n  - talks\n---\n"
        "# Heading\n\nBody text here.\n"
    )
    (article,) = read_path(path)
    assert article.id == "custom-id"
    assert article.title == "Quoted: title"
    assert article.published == dt.date(2024, 12, 4)
    assert article.source == "https://example.org/a"
    assert article.meta == (("author", "A. Writer"), ("tags", "minsk, talks"))
    assert article.text == "# Heading\n\nBody text here."


def test_markdown_title_from_heading(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("## Summit in Astana\n\nLeaders met.")
    assert read_path(path)[0].title == "Summit in Astana"


def test_text_is_nfc(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Cafe\u0301 talks in Zu\u0308rich.", encoding="utf-8")
    assert read_path(path)[0].text == "Caf\u00e9 talks in Z\u00fcrich."


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-07-23", dt.date(2023, 7, 23)),
        ("2023-07-23 14:05", dt.date(2023, 7, 23)),
        ("2023-07-23T14:05:00Z", dt.date(2023, 7, 23)),
        ("Tue, 04 Dec 2024 10:00:00 GMT", dt.date(2024, 12, 4)),
        ("", None),
    ],
)
def test_published_formats(tmp_path, value, expected):
    path = tmp_path / "x.txt"
    path.write_text(f"---\npublished: {value}\n---\nText.")
    (article,) = read_path(path)
    assert article.published == expected
    assert article.published_basis == ("metadata" if expected else "none")


@pytest.mark.parametrize(
    "value, reason",
    [
        ("2023-02-30", "impossible"),
        ("2023-13-01", "impossible"),
        ("99999-01-01", "year 99999"),
        ("0099-01-01", "year 99"),
        ("last Tuesday", "not a date"),
        ("2024-01-01T25:00:00", "not a date"),
        ("2024-01-01T12:60:00", "not a date"),
        ("2024-01-01T12:00:00+99:99", "not a date"),
        ("2024-01-01 12:00+15:00", "not a date"),
    ],
)
def test_bad_published_dates_are_clear_errors(tmp_path, value, reason):
    path = tmp_path / "x.txt"
    path.write_text(f"---\npublished: {value}\n---\nText.")
    with pytest.raises(ArticleError, match=reason) as info:
        read_path(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert isinstance(info.value, ValueError) and isinstance(info.value, EventsError)


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Putin in Minsk | Example News</title>
<meta property="og:title" content="Putin arrives in Minsk for Union State talks">
<meta property="article:published_time" content="2024-12-06T08:15:00+03:00">
<script>var tracking = "do not extract me";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article><h1>Putin arrives in Minsk for Union State talks</h1>
<p>Russian President Vladimir Putin arrived in Minsk on Friday for a meeting of the Supreme
State Council of the Union State, the Kremlin said.</p>
<p>Putin and Belarusian President Alexander Lukashenko held talks at the Palace of
Independence, discussing economic integration and the deployment of Oreshnik missiles.</p>
<p>It is Putin's 28th visit to Belarus since 2000, according to official figures.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
"""


def test_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "putin-minsk.html"
    path.write_text(HTML)
    (article,) = read_path(path)
    assert article.id == "putin-minsk"
    assert "Putin arrived in Minsk on Friday" in " ".join(article.text.split())
    assert "Palace of Independence" in " ".join(article.text.split())
    for boilerplate in ("do not extract me", "Subscribe now", "All rights reserved", "<p>"):
        assert boilerplate not in article.text
    assert "Putin arrives in Minsk" in article.title
    assert (article.published, article.published_basis) == (dt.date(2024, 12, 6), "html")


@pytest.fixture
def listener():
    """A local HTTP server on a random port; yields its URL and the paths it was asked for."""
    import http.server
    import threading

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            requests.append(self.path)
            body = (b"<html><head><meta property='article:published_time' content='2001-02-03'>"
                    b"</head><body><article><p>Fetched page.</p></article></body></html>")
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


_TABBED = "\t".join(
    "Russian President Vladimir Putin met Belarusian President Alexander Lukashenko in Minsk "
    "on Friday to discuss the Union State.".split()
)


@pytest.mark.parametrize("tail", [
    "", f"\t<html><body><article><p>{_TABBED}</p><p>{_TABBED}</p></article></body></html>",
], ids=["url-only", "url-then-page"])
def test_reading_a_url_like_html_file_fetches_nothing(tmp_path, listener, tail):
    """htmldate downloads a string that starts with "http" and has no spaces."""
    url, requests = listener
    content = f"{url}/steal{tail}".encode()
    assert b" " not in content
    path = tmp_path / "page.html"
    path.write_bytes(content)
    for read in (lambda: read_path(path), lambda: read_bytes("page.html", content)):
        try:
            articles = read()
        except ArticleError:
            articles = []
        assert all(a.published != dt.date(2001, 2, 3) for a in articles)
    assert requests == []


def test_html_without_date(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(HTML.replace('<meta property="article:published_time" '
                                 'content="2024-12-06T08:15:00+03:00">', ""))
    (article,) = read_path(path)
    assert (article.published, article.published_basis) == (None, "none")


def test_json_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Leaders met in Astana.", "title": "Astana",
                                "published": "2024-11-28", "url": "https://x.org/1",
                                "tags": ["csto"], "views": 12}))
    (article,) = read_path(path)
    assert (article.id, article.title, article.published) == ("one", "Astana", dt.date(2024, 11, 28))
    assert article.source == "https://x.org/1"
    assert article.meta == (("tags", '["csto"]'), ("views", "12"))


def test_json_list_and_jsonl(tmp_path):
    items = [{"text": "First."}, {"id": 42, "text": "Second.", "published": None}]
    (tmp_path / "many.json").write_text(json.dumps(items))
    (tmp_path / "many.jsonl").write_text(
        "\n".join(json.dumps(i) for i in items) + "\n\n" + json.dumps({"text": "Third."}) + "\n"
    )
    assert [a.id for a in read_path(tmp_path / "many.json")] == ["many-1", "42"]
    jsonl = read_path(tmp_path / "many.jsonl")
    assert [(a.id, a.text) for a in jsonl] == [("many-1", "First."), ("42", "Second."),
                                               ("many-4", "Third.")]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("a.jsonl", '{"text": "ok"}\n{"text": "broken\n', "line 2: invalid JSON"),
        ("a.jsonl", '{"text": "ok"}\n[1, 2]\n', "line 2: expected a JSON object, got list"),
        ("a.json", '{"text": 5}', "'text' must be a string, got int"),
        ("a.json", '{"title": "no text"}', "no 'text' field"),
        ("a.json", '[{"text": "x", "title": ["a"]}]', "item 1: 'title' must be a string"),
        ("a.json", '"just a string"', "must be an object or a list of objects, got str"),
        ("a.json", '[{"id": "d", "text": "x"}, {"id": "d", "text": "y"}]', "'d' occurs twice"),
        ("a.json", '{"text": "x", "published": "2023-02-30"}', "impossible"),
        ("a.jsonl", '{"text": "x", "published": 2023}', "line 1: 'published' must be a string"),
    ],
)
def test_json_errors_name_the_place(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(ArticleError, match=reason) as info:
        read_path(path)
    assert str(info.value).startswith(f"{path}: ")


def test_read_bytes_uses_only_the_base_name():
    (article,) = read_bytes("../../etc/evil name.txt", b"Leaders met.")
    assert (article.id, article.source) == ("evil name", "upload:evil name.txt")
    (article,) = read_bytes("C:\\Users\\x\\report.md", b"# Report\n\nText")
    assert (article.id, article.title) == ("report", "Report")
    with pytest.raises(ArticleError, match=r"^notes\.pdf: unsupported file type '\.pdf'"):
        read_bytes("notes.pdf", b"%PDF-1.4")


def test_iter_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.JSON").write_text("{}")
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    explicit = tmp_path / "notes.pdf"
    missing = tmp_path / "missing.txt"
    found = list(iter_files([tmp_path, explicit, missing, tmp_path / "b"]))
    assert found == [tmp_path / "a.html", tmp_path / "b" / "a.JSON", tmp_path / "b" / "z.txt",
                     explicit, missing]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl"]),
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda s: s.encode("utf-8")),
        st.text(max_size=200).map(lambda s: ("---\n" + s).encode("utf-8")),
    ),
)
def test_any_bytes_give_articles_or_one_clear_error(suffix, data):
    name = f"fuzz{suffix}"
    try:
        articles = read_bytes(name, data)
    except ArticleError as e:
        assert str(e).startswith(f"{name}: ") and "\n" not in str(e)
    else:
        assert articles
        for article in articles:
            assert article.id and article.text.strip() == article.text and article.text
            assert "\r" not in article.text and "\x00" not in article.text
