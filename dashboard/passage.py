"""The passage panel as HTML: every string from an article is escaped before any markup is added.

Article text, titles, sources and actor names are untrusted (scraped pages). They pass through
``html.escape`` exactly once, here, and only this module's own tags are placed around them, so
what an article says is displayed and never interpreted (no tags, no event handlers, no
``javascript:`` links). The result goes to ``st.html``, which also sanitises; that is a second
line of defence, not the first.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from dashboard.assets import static_text
from dashboard.labels import event_date_label, place_label, type_color, type_label
from events.model import Article, Event, Span

# Highlight kinds in the order they win when two spans overlap.
HIGHLIGHTS = ("date", "place", "trigger")

# The page's styles (cards, highlights, messages), a file in dashboard/static.
STYLE = f"<style>\n{static_text('page.css')}</style>\n"

KEY_HTML = (
    '<div class="gt-key">Highlighted: <mark class="gt-date">date</mark> '
    '<mark class="gt-place">place</mark> <mark class="gt-trigger">event word</mark></div>'
)

_GRANULARITY_WORDS = {
    "day": "to the day",
    "month": "to the month",
    "year": "to the year",
    "range": "a span of days",
    "none": "no date in the text",
}


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute: ``& < > " '`` all escaped."""
    return html.escape(str(value), quote=True)


def highlight(text: str, spans: Iterable[tuple[str, Span | None]]) -> str:
    """``text`` escaped, with each valid span wrapped in ``<mark class="gt-KIND">``.

    Spans outside the text, empty, or overlapping an earlier-kept one (earlier in
    ``HIGHLIGHTS`` order) are skipped rather than trusted.
    """
    rank = {kind: i for i, kind in enumerate(HIGHLIGHTS)}
    kept: list[tuple[int, int, str]] = []
    candidates = sorted(
        ((kind, span) for kind, span in spans if span is not None),
        key=lambda pair: rank.get(pair[0], len(rank)),
    )
    for kind, span in candidates:
        start, end = span.start, span.end
        if not (0 <= start < end <= len(text)):
            continue
        if any(start < k_end and k_start < end for k_start, k_end, _ in kept):
            continue
        kept.append((start, end, kind))
    parts: list[str] = []
    cursor = 0
    for start, end, kind in sorted(kept):
        parts.append(esc(text[cursor:start]))
        parts.append(f'<mark class="gt-{esc(kind)}">{esc(text[start:end])}</mark>')
        cursor = end
    parts.append(esc(text[cursor:]))
    return "".join(parts)


def evidence_html(event: Event) -> str:
    return highlight(
        event.evidence,
        [("date", event.date_span), ("place", event.place_span), ("trigger", event.trigger_span)],
    )


def _published(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "date unknown"


def source_html(source: str, label: str | None = None) -> str:
    """A web address becomes a link (http/https only) reading ``label`` (else the address);
    anything else is plain text: ``label`` or the source itself."""
    if not source:
        return "unknown source"
    parts = urlsplit(source.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return (
            f'<a href="{esc(source.strip())}" target="_blank" rel="noopener noreferrer nofollow">'
            f"{esc(label or source)}</a>"
        )
    return esc(label or source)


# A source note's first clause names it; what follows a bracket or semicolon is provenance detail
# (a path, how the date was found) that a reader citing the article does not need.
_SOURCE_DETAIL = re.compile(r"\s*[(;].*$", re.DOTALL)


def source_name(source: str) -> str:
    """How a reader would name the source: a web address's site (``example.org``), a file's
    name without its folders, or a note's first clause. Empty when unknown."""
    text = source.strip()
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc:
        return parts.hostname.removeprefix("www.") if parts.hostname else parts.netloc
    if len(parts.scheme) > 1 and parts.scheme != "file":
        return text  # some other scheme (javascript:, data:): shown whole, as text
    text = _SOURCE_DETAIL.sub("", text) or text
    if parts.scheme == "file" or "/" in text or "\\" in text:
        return text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return text


def citation_html(article: Article) -> str:
    """“Title”, Source, published 4 December 2024: the article as a reader would cite it. A web source
    links to the page (http/https only)."""
    title = article.title or "Untitled article"
    where = source_html(article.source, source_name(article.source))
    return f"“{esc(title)}”, {where}, published {esc(_published(article.published))}"


def place_details(event: Event) -> str:
    label = place_label(event.place_name, event.country_code, event.place_level)
    bits = [esc(label)]
    extra = []
    if event.place_level:
        extra.append(esc(event.place_level))
    if event.uncertainty_km:
        extra.append(f"within about {event.uncertainty_km:g} km")
    if event.place_text and event.place_text != event.place_name:
        extra.append(f"text says “{esc(event.place_text)}”")
    if event.lat is None:
        extra.append("no coordinates")
    if extra:
        bits.append(f'<span class="gt-gran">({"; ".join(extra)})</span>')
    return " ".join(bits)


def event_card(event: Event, article: Article | None) -> str:
    """One event: type, date with granularity, place, actors, evidence and its article."""
    colour = type_color(event.type)
    granularity = _GRANULARITY_WORDS.get(event.date_granularity, event.date_granularity)
    if event.date_start is None and event.reported:
        granularity = "no date in the text; drawn at the report date"
    actors = ", ".join(event.actors) if event.actors else "none named"
    if article is not None:
        origin = citation_html(article)
    else:
        origin = f"article {esc(event.article_id)} (not in the store)"
    more = ""
    if len(event.sources) > 1:
        more = f" · also reported by {len(event.sources) - 1} more article(s)"
    return (
        '<div class="gt-card">'
        '<div class="gt-head">'
        f'<span class="gt-type" style="background:{colour}">{esc(type_label(event.type))}</span>'
        f'<span class="gt-date-label">{esc(event_date_label(event))}</span>'
        f'<span class="gt-gran">{esc(granularity)}</span>'
        f"{_corrected_badge(event)}"
        "</div>"
        f'<div class="gt-meta">Place: {place_details(event)}</div>'
        f'<div class="gt-meta">Actors: {esc(actors)}</div>'
        f'<blockquote class="gt-evidence">{evidence_html(event)}</blockquote>'
        f'<div class="gt-source">From {origin}{more}</div>'
        "</div>"
    )


def _corrected_badge(event: Event) -> str:
    if not event.corrected:
        return ""
    kinds = ", ".join("added by hand" if k == "add" else k for k in event.corrected)
    return f'<span class="gt-corrected">corrected: {esc(kinds)}</span>'


def article_html(article: Article, events: Iterable[Event] = ()) -> str:
    """The whole article text, escaped, with the evidence sentences of ``events`` marked."""
    text = article.text
    spans = sorted(
        {(e.evidence_start, e.evidence_end) for e in events
         if 0 <= e.evidence_start < e.evidence_end <= len(text)}
    )
    parts: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            continue
        parts.append(esc(text[cursor:start]))
        parts.append(f"<mark>{esc(text[start:end])}</mark>")
        cursor = end
    parts.append(esc(text[cursor:]))
    return f'<div class="gt-article">{"".join(parts)}</div>'
