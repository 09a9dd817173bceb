"""Texts longer than any news story are read as several articles (events.parts)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from events.articles import MAX_HTML_BYTES, read_bytes
from events.exc import ArticleError
from events.model import Article
from events.parts import MAX_ARTICLE_CHARS, split_long


def article(text: str, title: str = "Talks") -> Article:
    return Article(id="a", title=title, published=dt.date(2024, 12, 6), published_basis="metadata",
                   source="a.txt", text=text, meta=(("author", "X"),))


def test_a_news_sized_article_is_left_whole():
    whole = article("Putin met Lukashenko in Minsk. " * 3000)
    assert len(whole.text) <= MAX_ARTICLE_CHARS
    assert split_long(whole) == [whole]


def test_parts_are_cut_at_paragraph_breaks_and_keep_all_the_text():
    paragraphs = [(f"Paragraph {n}: Putin met Lukashenko in Minsk. " * 20).strip() for n in range(40)]
    whole = article("\n\n".join(paragraphs))
    parts = split_long(whole, limit=5_000)
    assert len(parts) > 1
    assert [p.id for p in parts] == [f"a#{k}" for k in range(1, len(parts) + 1)]
    assert [p.title for p in parts] == [f"Talks (part {k} of {len(parts)})" for k in range(1, len(parts) + 1)]
    assert all(len(p.text) <= 5_000 for p in parts)
    # Each part ends where a paragraph ends, and together they hold every paragraph in order.
    assert all(p.text.endswith("Minsk.") for p in parts)
    assert "\n\n".join(p.text for p in parts) == whole.text.strip()
    assert {(p.published, p.source, p.meta) for p in parts} == {(whole.published, whole.source, whole.meta)}


@pytest.mark.parametrize("text, ends", [
    ("Putin met Lukashenko in Minsk on Monday and visited Moscow. " * 200, "Moscow."),  # one line
    ("word " * 5_000, "word"),  # no sentence ends
    ("x" * 12_345, "x"),  # not even a space
], ids=["sentences", "words", "one-token"])
def test_text_without_paragraphs_is_cut_at_the_best_break_there_is(text, ends):
    parts = split_long(article(text), limit=1_000)
    assert all(0 < len(p.text) <= 1_000 and p.text.endswith(ends) for p in parts)
    assert "".join(p.text for p in parts).replace(" ", "") == text.replace(" ", "")


def test_an_article_without_a_title_names_its_parts():
    parts = split_long(article("word " * 1_000, title=""), limit=2_000)
    assert parts[0].title == f"part 1 of {len(parts)}"


def test_readers_split_long_texts_of_every_format():
    long_text = "Putin met Lukashenko in Minsk.\n\n" * (MAX_ARTICLE_CHARS // 20)
    text_parts = read_bytes("long.txt", long_text.encode())
    assert len(text_parts) > 1 and text_parts[0].id == "long#1"
    items = [{"id": "short", "text": "Leaders met in Astana."}, {"id": "long", "text": long_text}]
    json_parts = read_bytes("items.json", json.dumps(items).encode())
    assert [a.id for a in json_parts] == ["short"] + [a.id for a in text_parts]


def test_a_part_id_that_an_item_already_has_is_refused_in_one_line():
    long_text = "Putin met Lukashenko in Minsk.\n\n" * (MAX_ARTICLE_CHARS // 20)
    items = [{"id": "x#2", "text": "Leaders met in Astana."}, {"id": "x", "text": long_text}]
    with pytest.raises(ValueError, match=r"^items\.json: article id 'x#2' occurs twice$"):
        read_bytes("items.json", json.dumps(items).encode())


def test_an_html_page_too_big_to_parse_is_refused_in_one_line():
    page = b"<html><body>" + b"<div><p>Troops were deployed near Brest.</p></div>" * 70_000
    assert len(page) > MAX_HTML_BYTES
    with pytest.raises(ArticleError) as info:
        read_bytes("page.html", page)
    assert str(info.value) == ("page.html: HTML page of 3.3 MB, larger than the 3 MB limit for HTML "
                               "(a page is parsed whole); save its text as .txt to add it")
    # The same text as plain text is read (in parts).
    assert len(read_bytes("page.txt", page)) > 1
