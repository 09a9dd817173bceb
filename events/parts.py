"""Articles longer than any news story are read as several articles, so that the cost of
extracting one (time and memory) stays bounded whatever a file holds.

A news story is a few thousand characters (the development set's longest is 5,400; a long
Wikipedia narrative about 70,000). Extraction weighs every event of an article against the
others (reports of one event, an article's trips, one place per name), so one article of
20 MB would cost time and memory far beyond 20 times an article of 1 MB. A longer text is cut
into parts of at most ``MAX_ARTICLE_CHARS`` at paragraph breaks (else line breaks, else
sentence ends, else spaces), each an article of its own: id ``<id>#<k>``, title
``<title> (part k of n)``. Parts know nothing of each other; the same event reported in two
parts is merged like reports from two articles (``events.merge``).
"""

from __future__ import annotations

import dataclasses
import re

from events.model import Article

MAX_ARTICLE_CHARS = 100_000
# Where a part may end, best first; a cut is looked for in the second half of a part's window.
_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))


def split_long(article: Article, limit: int = MAX_ARTICLE_CHARS) -> list[Article]:
    """``[article]`` when its text is at most ``limit`` characters, else its parts in order."""
    text = article.text
    if len(text) <= limit:
        return [article]
    pieces = [piece for piece in (text[start:end].strip() for start, end in _cuts(text, limit)) if piece]
    n = len(pieces)
    return [dataclasses.replace(article, id=f"{article.id}#{k}", text=piece,
                                title=f"{article.title} (part {k} of {n})" if article.title else f"part {k} of {n}")
            for k, piece in enumerate(pieces, start=1)]


def _cuts(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` spans of at most ``limit`` characters covering ``text``."""
    spans = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for pattern in _BREAKS:
            ends = [match.end() for match in pattern.finditer(text, start + limit // 2, end)]
            if ends:
                end = ends[-1]
                break
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans
