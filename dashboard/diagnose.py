"""Why an article gave no event: what the pipeline's stages did find in it, said in one line.

An upload that yields nothing must not just say "0 events": the reader wants to know whether
the text has no place the gazetteer knows, no date, or no word for a meeting, visit, summit,
deployment or exercise. This runs the same finders extraction uses, on the stored article.
"""

from __future__ import annotations

from events.extract.sentences import split_sentences
from events.extract.triggers import find_triggers
from events.model import Article
from events.timex import find_dates
from gazetteer import Geoparser

# Names listed in the message at most; the rest are counted.
_SHOWN = 4


def _listed(values: list[str]) -> str:
    unique = list(dict.fromkeys(values))
    shown = ", ".join(unique[:_SHOWN])
    more = len(unique) - _SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def no_event_reason(article: Article, geoparser: Geoparser | None = None) -> str:
    """What was found in ``article`` (places, dates, event words) and why that made no event.

    Plain text built from the article's words: render it escaped.
    """
    text = article.text
    geoparser = geoparser or Geoparser()
    places = [t.place.name for t in geoparser(text) if t.place is not None]
    dates = [d.text for d in find_dates(text, article.published) if d.first is not None]
    words = [t.text for s in split_sentences(text) if not s.furniture
             for t in find_triggers(s.text)]
    found = [
        _plural(len(set(places)), "place") + (f" ({_listed(places)})" if places else ""),
        _plural(len(set(dates)), "date") + (f" ({_listed(dates)})" if dates else ""),
    ]
    if not words:
        why = ("no sentence uses a word for a meeting, visit, summit, deployment or exercise "
               "that reports it as having happened")
    elif not places:
        why = f"it has event words ({_listed(words)}) but no place the gazetteer knows"
    else:
        why = (f"its event words ({_listed(words)}) are not tied to a place in their sentence or "
               "trip, or are planned, denied or hypothetical")
    return f"found {', '.join(found)}; no event because {why}"
