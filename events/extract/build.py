"""Event values from a trigger, its place and its date: spans into the evidence sentence and
stable ids."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from events.extract.anchors import Anchor
from events.extract.dates import basis
from events.extract.sentences import Sentence
from events.extract.triggers import Trigger, cameo
from events.model import Article, Event, Span, TimeExpression


def build(trigger: Trigger, sentence: Sentence, target: tuple[Anchor, float | None] | None,
          date: TimeExpression | None, actors: tuple[str, ...], article: Article) -> Event:
    """The event of ``trigger`` at ``target`` (a place and its uncertainty in km, or None)."""
    anchor, uncertainty = target if target else (None, None)
    local = lambda start, end: Span(start - sentence.start, end - sentence.start)  # noqa: E731
    in_sentence = anchor is not None and sentence.start <= anchor.start < sentence.end
    # (a date from another sentence, a diary's header, is the context's, with no span in this one)
    date_here = date is not None and sentence.start <= date.start < sentence.end
    event = Event(
        id="",
        type=trigger.type,
        cameo=cameo(trigger.type),
        article_id=article.id,
        evidence=sentence.text,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        trigger_span=Span(trigger.start, trigger.end),
        date_start=date.first if date else None,
        date_end=date.last if date else None,
        date_granularity=date.granularity if date else "none",
        date_basis=(basis(date) if date_here else "context") if date else "none",
        date_text=date.text if date else "",
        date_span=local(date.start, date.end) if date_here else None,
        reported=article.published,
        actors=tuple(a for a in actors if not anchor or a != anchor.place.name),
        sources=(article.id,),
        uncertainty_km=uncertainty,
    )
    if anchor is not None:
        return with_place(event, anchor, local(anchor.start, anchor.end) if in_sentence else None)
    return replace(event, id=_event_id(event))



def with_place(event: Event, anchor: Anchor, span: Span | None) -> Event:
    place = anchor.place
    event = replace(
        event, place_id=place.id, place_name=place.name, place_text=anchor.text,
        place_span=span, country_code=place.country_code, lat=place.lat, lon=place.lon,
        place_level=place.level,
    )
    return replace(event, id=_event_id(event))



def _event_id(event: Event) -> str:
    key = f"{event.article_id}|{event.evidence_start}|{event.trigger_span.start}|{event.type}|{event.place_id}"
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()

