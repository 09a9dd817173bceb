import dataclasses
import re

import dash_fixtures as fx
import pytest

from dashboard import passage
from events.model import Span

MARKUP = re.compile(r"<(?!/?(?:div|span|b|i|mark|blockquote|a)\b)", re.IGNORECASE)


def test_highlight_marks_each_kind_and_escapes_the_rest():
    text = "Putin & Lukashenko met in <Minsk> on December 6."
    html = passage.highlight(
        text,
        [("place", Span(26, 33)), ("date", Span(37, 47)), ("trigger", Span(19, 22))],
    )
    assert html == (
        'Putin &amp; Lukashenko <mark class="gt-trigger">met</mark> in '
        '<mark class="gt-place">&lt;Minsk&gt;</mark> on '
        '<mark class="gt-date">December 6</mark>.'
    )


@pytest.mark.parametrize(
    "spans",
    [
        [("date", Span(-1, 3))],
        [("date", Span(5, 500))],
        [("date", Span(4, 4))],
        [("date", None)],
    ],
)
def test_bad_spans_are_skipped_not_trusted(spans):
    assert passage.highlight("some <b>text</b>", spans) == "some &lt;b&gt;text&lt;/b&gt;"


def test_overlapping_spans_keep_the_date():
    html = passage.highlight("on December 6", [("trigger", Span(0, 5)), ("date", Span(3, 13))])
    assert html == 'on <mark class="gt-date">December 6</mark>'


def test_event_card_shows_everything_a_reader_needs():
    summit = fx.sample_events()[1]
    html = passage.event_card(summit, fx.ARTICLE_DEC)
    assert '<mark class="gt-date">December 6</mark>' in html
    assert '<mark class="gt-place">Minsk</mark>' in html
    assert '<mark class="gt-trigger">Supreme State Council</mark>' in html
    assert "6 December 2024" in html and "to the day" in html
    assert "Minsk, Belarus" in html
    assert "Vladimir Putin, Alexander Lukashenko" in html
    assert "Putin in Belarus: Strategic Alliances Deepen in Minsk Talks" in html
    assert "published 4 December 2024" in html
    assert '<a href="https://example.org/news/putin-minsk"' in html


def test_month_and_undated_events_say_so():
    events = fx.sample_events()
    may = passage.event_card(events[2], fx.ARTICLE_DEC)
    assert "May 2024" in may and "to the month" in may
    brest = passage.event_card(events[7], fx.ARTICLE_JUL)
    assert "undated (reported 23 July 2023)" in brest
    assert "within about 25 km" in brest


def test_every_article_string_is_escaped():
    event = fx.xss_events()[0]
    html = passage.event_card(event, fx.ARTICLE_XSS) + passage.article_html(
        fx.ARTICLE_XSS, [event]
    )
    assert MARKUP.search(html) is None, MARKUP.search(html)
    assert "&lt;script&gt;alert(&#x27;xss-script&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(&#x27;xss-img&#x27;)&gt;" in html
    assert "&lt;script&gt;alert(&#x27;xss-actor&#x27;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#x27;xss-title&#x27;)&lt;/script&gt;" in html
    # A javascript: source is text, never a link.
    assert "javascript:alert(&#x27;xss-source&#x27;)" in html
    assert 'href="javascript' not in html.lower()


@pytest.mark.parametrize(
    "source, link",
    [
        ("https://example.org/a?b=1&c=<2>", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//evil.example/x", False),
        ("", False),
    ],
)
def test_only_web_sources_become_links(source, link):
    html = passage.source_html(source)
    assert ("<a " in html) is link
    assert "<script" not in html


def test_whole_article_marks_the_evidence():
    summit = fx.sample_events()[1]
    html = passage.article_html(fx.ARTICLE_DEC, [summit])
    assert f"<mark>{fx.MINSK_DEC}</mark>" in html


@pytest.mark.parametrize(
    "source, name",
    [
        ("geotimeline sample article (shared/seeds/000_6071332e53ed9011.txt, the articles the "
         "project was specified from); publication date as given in shared/seeds/README.md",
         "geotimeline sample article"),
        ("https://www.example.org/news/putin-minsk", "example.org"),
        ("/home/analyst/articles/minsk-talks.md", "minsk-talks.md"),
        ("C:\\articles\\brest.txt", "brest.txt"),
        ("Reuters", "Reuters"),
        ("", ""),
    ],
)
def test_source_is_named_as_a_reader_would_cite_it(source, name):
    assert passage.source_name(source) == name


def test_the_card_cites_title_source_and_date_without_internal_wording():
    article = fx.ARTICLE_JUL
    card = passage.event_card(fx.sample_events()[5], dataclasses.replace(
        article, source="geotimeline sample article (shared/seeds/000.txt, the articles the "
        "project was specified from)"))
    assert ("From “Russia-Belarus Talks in St. Petersburg Highlight Union State Ties”, "
            "geotimeline sample article, published 23 July 2023") in card
    assert "shared/seeds" not in card and "specified from" not in card
    web = passage.citation_html(fx.ARTICLE_DEC)
    assert web.startswith("“Putin in Belarus: Strategic Alliances Deepen in Minsk Talks”, <a ")
    assert ">example.org</a>, published 4 December 2024" in web
    hostile = passage.citation_html(fx.ARTICLE_XSS)
    assert "<script" not in hostile and "<a " not in hostile
