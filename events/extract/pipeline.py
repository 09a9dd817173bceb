"""Article -> events: the pure extraction stage (see DESIGN.md and shared/eval/events/GUIDELINES.md).

For each sentence: find triggers (events.classify), attach the places the text ties to each trigger
(events.places: prepositions, "N km from X", the dateline for "here" and for same-day talks), and
the date the text gives it. Then placeless talks and trips go to the article's trip, reports of one
event are merged (one event per type, place and date), and undated parts of a dated stay take its
month.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass, replace

from events.extract import dedupe, lexicon, places
from events.extract.actors import find_actors, find_people, surname_index
from events.extract.confidence import ConfidenceModel, event_features
from events.extract.places import Anchor
from events.extract.sentences import Sentence, find_dateline, split_sentences
from events.extract.triggers import Trigger, cameo, find_triggers, is_ship
from events.model import Article, Event, Span, TimeExpression
from events.timex import find_dates
from gazetteer import Gazetteer
from gazetteer.wordlists import CALENDAR_WORDS

# Dates that open a state rather than date an event ("his 28th visit since 2000", "the first
# speaker to visit Taiwan since Washington switched recognition in 1979").
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# Between a trigger and a date, what puts the date in another clause or event: a semicolon or
# dash, or a temporal connective opening its own noun phrase or clause ("following the rape of a
# girl in 1995", "since Britain seized the territory in 1841", "ahead of the handover in July").
_OTHER_CLAUSE = re.compile(r";|\s--?\s|\b(?:since|following|after|before|until|ahead of|prior to)\s+"
                           r"(?!(?:early|late|mid|last|next|this)\b)(?:the|a|an|his|her|its|their|[A-Z]\w+)\b")
_CALENDAR_WORD = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?|\b\d{4}\b|\d{1,2}/\d{1,2}")
# Between a place and the date that follows it: "in Astana on November 28", "Rome from June 3".
_PLACE_THEN_DATE = re.compile(r"\s*,?\s*(?:on|in|from|at|during|this|next|last|early|late|later)?\s*", re.IGNORECASE)
# A date that dates the reporting, not the event.
_REPORTING = re.compile(r"\b(?:said|says|reported|announced|told \w+|added|stated|confirmed|"
                        r"declared|disclosed|revealed)\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
_REPORTED_THAT = re.compile(r"\b(?:said|says|told \w+|announced|reported|stated|added|confirmed)\b"
                            r"[^.;]*\bthat\b", re.IGNORECASE)
# The sentence ties its talks to a visit or stay (GUIDELINES §3.4 a): "during the visit", "on his trip".
_STAY = re.compile(r"\b(?:during|on|in the course of|throughout|at the end of|while on)\s+(?:the|his|her|their|this|a)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stay)\b|\bafter (?:his|her|their) arrival\b", re.IGNORECASE)
# "recently", "soon": the text dates the event only vaguely, so the event stays undated.
_VAGUE = frozenset({"PAST_REF", "FUTURE_REF"})
_NO_PLACE = "no place in the text"
_PLURALS = frozenset({"visits", "trips", "tours", "meetings", "summits", "exercises", "drills",
                      "maneuvers", "manoeuvres", "conferences", "sessions"})
# A definite or possessive noun phrase before a trigger names an event again ("the meeting", "The
# December visit", "Putin's trip", "the most recent major exercise").
# The words between are modifiers, not a verb ("The ministers held talks" introduces them).
_REFERS_BACK = re.compile(r"\b(?:the|this|that|these|those|his|her|their|its|our|(?-i:[A-Z]\w+)['’]s?)\s+"
                          r"(?:(?!(?:held|hold|holds|holding|began|begins|made|make|makes|had|has|have|"
                          r"will|would|is|are|was|were|\w+ed)\b)[\w-]+\s+){0,3}$", re.IGNORECASE)
# A capitalised name after a locative preposition, a few words after the trigger: where the text
# puts an event ("in Nassiriyah"); "to" only right after a visit ("a visit to the Yasukuni Shrine").
_NAME_AFTER = r"\s+(?:the\s+)?((?-i:[A-Z][\w'’\-]+)(?:\s+(?-i:[A-Z][\w'’\-]+)){0,3})"
_UNKNOWN_PLACE = re.compile(r"\b(?:in|at|into|near)" + _NAME_AFTER)
_UNKNOWN_PLACE_AFTER_VISIT = re.compile(r"(?:\b(?:in|at|into|near)|^\s+to)" + _NAME_AFTER)
_UNKNOWN_PLACE_REACH = 60  # characters after the trigger
# Events that happen where the actors gather: on the news day, at the dateline (GUIDELINES §3.4 b).
_GATHERINGS = frozenset({"meeting", "summit", "exercise"})


@dataclass(frozen=True)
class _Context:
    """What extraction knows about the whole article while reading one sentence."""

    article: Article
    anchors: list[Anchor]
    dates: list[TimeExpression]
    dateline: Anchor | None
    surnames: dict[str, str]


@dataclass(frozen=True)
class _Passage:
    """One sentence with its triggers and the places and dates inside it, found once."""

    sentence: Sentence
    triggers: list[Trigger]
    anchors: list[Anchor]
    dates: list[TimeExpression]


class Extractor:
    """Article -> events with one gazetteer and one confidence model, both read-only after
    construction: one Extractor serves many threads at once (nothing per call is stored on it).

    ``Extractor()`` uses the default gazetteer index and the shipped confidence weights;
    ``Extractor(confidence=False)`` reports every candidate unscored (how the weights are fitted).
    """

    def __init__(self, gazetteer: Gazetteer | None = None,
                 confidence: ConfidenceModel | None | bool = None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()
        self.confidence = None if confidence is False else (confidence or default_confidence())

    def extract(self, article: Article) -> list[Event]:
        """Every event the article reports, one per (type, place, date), each with its confidence,
        and the mentions it could not place (``unplaced_reason`` says why), in text order.
        Placed candidates below the confidence model's threshold are not reported."""
        scored, unplaced = self.candidates(article)
        placed = [event for event, _ in scored]
        if self.confidence is not None:
            placed = []
            for event, features in scored:
                probability = self.confidence.probability(features)
                if probability >= self.confidence.threshold:
                    placed.append(replace(event, confidence=round(probability, 3)))
        return sorted(placed + unplaced, key=lambda e: (e.evidence_start, e.trigger_span.start))

    def candidates(self, article: Article) -> tuple[list[tuple[Event, list[str]]], list[Event]]:
        """The article's placed candidate events, each with the features the confidence model
        weighs, and its mentions without a place."""
        context, passages = self._read(article)
        events: list[Event] = []
        for passage in passages:
            placed = [(t, places.attach(t, passage.sentence, passage.anchors, context.dateline, passage.triggers))
                      for t in passage.triggers]
            for trigger, targets in placed:
                others_places = [a for t, found in placed if t is not trigger for a, _ in found]
                events.extend(_events_for(trigger, targets, others_places, passage, context))
        events = _fill_visit_destinations(events, context)
        unplaced = [_unplaced(e, context) for e in events if not e.place_id]
        # Months from context come last, so that they never keep apart two reports of one event.
        events = dedupe.deduplicate([e for e in events if e.place_id])
        events = [_month_of_context(e, events) if e.date_start is None else e for e in events]
        sentence_index = {p.sentence.start: i for i, p in enumerate(passages)}
        cues = {(p.sentence.start, t.start): t.cues for p in passages for t in p.triggers}
        dateline_place = context.dateline.place.id if context.dateline else ""
        scored = [(e, event_features(e, sentence_index.get(e.evidence_start, 0), dateline_place, events)
                   + [f"{cue}|{e.type}" for cue in cues.get((e.evidence_start, e.trigger_span.start), ())])
                  for e in events]
        # Mentions without a place are kept, unscored, when they introduce an event of their own:
        # not when their sentence casts doubt on them, nor when they name an event again ("the
        # meeting", "Putin's visit") or in general ("regular summits").
        return scored, [e for e in unplaced if not cues.get((e.evidence_start, e.trigger_span.start))
                        and not _in_general(e) and not _REFERS_BACK.search(e.evidence[:e.trigger_span.start])]

    def _read(self, article: Article) -> tuple[_Context, list[_Passage]]:
        text = article.text
        anchors = places.find_places(text, self.gazetteer)
        dateline_span = find_dateline(text)
        sentences = split_sentences(text)
        context = _Context(
            article=article,
            anchors=anchors,
            dates=[d for d in find_dates(text, article.published)
                   if (d.first is not None or d.value in _VAGUE)
                   and not (dateline_span and _in_dateline(d, dateline_span, text))],
            dateline=places.dateline_anchor(text, dateline_span, anchors, self.gazetteer) if dateline_span else None,
            # Headlines capitalise every word, so names are learnt from body sentences only.
            surnames=surname_index([p for s in sentences if not s.headline for p in find_people(s.text)]),
        )
        passages = []
        for sentence in sentences:
            # The title repeats the story, unless it is all there is (a one-line file).
            if sentence.furniture or sentence.text == article.title.strip() and len(sentences) > 1:
                continue
            passages.append(_Passage(sentence, _event_triggers(sentence.text), _inside(anchors, sentence),
                                     _inside(context.dates, sentence)))
        return context, passages


@functools.cache
def default_confidence() -> ConfidenceModel:
    """The shipped confidence weights, read once per process (immutable, so shared safely)."""
    return ConfidenceModel.load()


@functools.cache
def _default_extractor() -> Extractor:
    return Extractor()


def extract(article: Article) -> list[Event]:
    """``Extractor().extract(article)`` with the default gazetteer."""
    return _default_extractor().extract(article)


def _event_triggers(sentence: str) -> list[Trigger]:
    triggers = find_triggers(sentence, keep_cued=True)
    # Troops taking part in an exercise are the exercise, and warships on a port call are the
    # visit, not deployments (GUIDELINES §1).
    if any(t.type == "exercise" for t in triggers):
        triggers = [t for t in triggers if not (t.type == "deployment" and t.needs_place)]
    if any(t.type == "visit" for t in triggers):
        triggers = [t for t in triggers if not is_ship(t)]
    return triggers


def _inside(spans: list, sentence: Sentence) -> list:
    """The spans (sorted by start, not overlapping) that lie within the sentence; a binary search,
    so that long articles cost time in proportion to their length."""
    low = bisect.bisect_left(spans, sentence.start, key=lambda s: s.start)
    high = bisect.bisect_left(spans, sentence.end, lo=low, key=lambda s: s.start)
    return [s for s in spans[low:high] if s.end <= sentence.end]


def _in_dateline(date: TimeExpression, dateline_span: tuple[int, int], text: str) -> bool:
    """ "LONDON, March 22 - ": the dateline's date is when the story was filed, not an event date."""
    line_end = text.find("\n", dateline_span[0])
    return dateline_span[0] <= date.start < (line_end if line_end != -1 else len(text)) \
        and date.start - dateline_span[1] < 30


def _events_for(trigger: Trigger, targets: list, others_places: list, passage: _Passage,
                context: _Context) -> list[Event]:
    """The events of one trigger: one per place the sentence ties to it (or the trip's, later)."""
    if not targets and trigger.needs_place:
        return []
    sentence, in_sentence = passage.sentence, passage.anchors
    date = _attach_date(trigger, passage.triggers, sentence, passage.dates, targets, others_places)
    if not targets:
        # GUIDELINES §3.4: a placeless event is kept when the article says where: talks on the
        # news day at the dateline (b), or a visit's destination filled in afterwards (a, c).
        # A dateline that is not a city ("BEN GURION AIRPORT") is not used (§3.5).
        at_dateline = context.dateline is not None and context.dateline.place.level == "city"
        # (a) before (b): talks "during the visit" belong to the visit, wherever the story is filed.
        if trigger.type in _GATHERINGS and at_dateline and date and _on_news_day(date, context.article) \
                and not _STAY.search(sentence.text):
            targets = [(context.dateline, None)]
        elif trigger.type == "visit" and date is not None or trigger.type == "meeting":
            targets = [None]  # the trip's, if it belongs to one (_fill_visit_destinations)
        else:
            unplaced = replace(_build(trigger, sentence, None, date, (), context), unplaced_reason=_NO_PLACE)
            return [unplaced]
    actors = find_actors(sentence.text, context.surnames, places.acting_countries(sentence, in_sentence),
                         places_at=[(a.start - sentence.start, a.end - sentence.start) for a in in_sentence],
                         find_new_people=not sentence.headline)
    return [_build(trigger, sentence, target, date, actors, context) for target in targets]


def _in_general(event: Event) -> bool:
    """ "regular summit meetings", "joint exercises continue": a plural names events in general."""
    trigger = event.evidence[event.trigger_span.start:event.trigger_span.end].lower()
    return trigger.split()[-1] in _PLURALS


def _unplaced(event: Event, context: _Context) -> Event:
    """A mention without a place, saying why: a capitalised name the text puts the event at that
    the gazetteer does not know ("arrived in Nassiriyah"), or no place in the text at all."""
    after = event.evidence[event.trigger_span.end:]
    preposition = _UNKNOWN_PLACE_AFTER_VISIT if event.type == "visit" else _UNKNOWN_PLACE
    for match in preposition.finditer(after):
        if match.start() > _UNKNOWN_PLACE_REACH:
            break
        start = event.evidence_start + event.trigger_span.end + match.start(1)
        known = any(a.start <= start < a.end for a in context.anchors)
        if not known and match.group(1).split()[0].lower() not in CALENDAR_WORDS:
            return replace(event, unplaced_reason=f"place not in the gazetteer: {match.group(1)}")
    return event


def _attach_date(trigger: Trigger, triggers: list[Trigger], sentence: Sentence,
                 dates: list[TimeExpression], targets: list, others_places: list) -> TimeExpression | None:
    """The sentence's date for this trigger, or None.

    Skipped: dates that open a state ("since 2000"), date a report ("officials said Tuesday",
    "On Oct. 29, an official told Xinhua that ..."), sit past a verb that starts another predicate,
    or directly follow another trigger or its place ("a meeting on Tuesday", "a conference to be
    held in Hong Kong in December"). Preferred, in order: a specific date over "now"; a date right
    after the event's place ("in Astana on November 28"); a date nearer this trigger than any
    other; the nearest. "soon" and "recently" are dates too, and they leave the event undated.
    """
    place_ends = [anchor.end for anchor, _ in (t for t in targets if t)]
    trigger_at = sentence.start + trigger.start
    best, best_key = None, None
    for date in dates:
        between = text_between(sentence, trigger_at, date.start)
        preceding = sentence.text[max(date.start - sentence.start - 24, 0): date.start - sentence.start]
        if trigger.type != "deployment" and (_SINCE.search(between) or _SINCE.search(preceding[-7:])):
            continue
        # A date inside another clause or phrase dates that, not this trigger: a stated start is
        # "since August", not "since Britain seized the territory in January 1841" (§4 ongoing states).
        if _OTHER_CLAUSE.search(between) or _covered_period().search(preceding):
            continue
        if _REPORTING.search(preceding) or _REPORTED_THAT.search(between) \
                or (date.start > trigger_at and trigger.type != "deployment" and places.CLAUSE_VERB.search(between)):
            continue
        if any(t.type != trigger.type and _follows(sentence, t, date) for t in triggers):
            continue
        after_place = _right_after(date, place_ends, sentence)
        if not after_place and _right_after(date, [a.end for a in others_places], sentence):
            continue
        distances = {id(t): _distance(date, sentence.start + t.start) for t in triggers}
        nearest_other = min((d for key, d in distances.items() if key != id(trigger)), default=None)
        claimed = nearest_other is not None and nearest_other < distances[id(trigger)]
        key = (date.value == "PRESENT_REF", not after_place, claimed, distances[id(trigger)])
        if best_key is None or key < best_key:
            best, best_key = date, key
    return None if best is None or best.value in _VAGUE else best


@functools.cache
def _covered_period() -> re.Pattern[str]:
    """ "an action plan for 2007-2009", "the agreement of 1998": the period a document covers."""
    return re.compile(lexicon.filter_words("covered_period") + r"\s+(?:for|of)\s+(?:the\s+)?(?:\d{4}\s*[-–]\s*)?$",
                      re.IGNORECASE)


def _right_after(date: TimeExpression, place_ends: list[int], sentence: Sentence) -> bool:
    return any(0 <= date.start - end <= 12 and _PLACE_THEN_DATE.fullmatch(
        text_between(sentence, end, date.start)) for end in place_ends)


def _follows(sentence: Sentence, trigger: Trigger, date: TimeExpression) -> bool:
    """ "a meeting on Tuesday": the date is bound to that trigger."""
    gap = sentence.text[trigger.end: date.start - sentence.start]
    return date.start - sentence.start >= trigger.end and _PLACE_THEN_DATE.fullmatch(gap) is not None


def _distance(date: TimeExpression, position: int) -> int:
    return min(abs(date.start - position), abs(date.end - position))


def text_between(sentence: Sentence, first: int, second: int) -> str:
    """The sentence's text between two article offsets, in either order."""
    low, high = sorted((first, second))
    return sentence.text[max(low - sentence.start, 0): high - sentence.start]


def _basis(date: TimeExpression) -> str:
    """ "explicit" when the text names the calendar date ("December 3", "May 2024"), even if the
    year is inferred; "relative" when it is computed from the anchor ("Tuesday", "last year")."""
    return "explicit" if _CALENDAR_WORD.search(date.text) else "relative"


def _on_news_day(date: TimeExpression, article: Article) -> bool:
    if article.published is None or date.first is None:
        return False
    return abs((date.first - article.published).days) <= 2 and date.granularity == "day"


def _build(trigger: Trigger, sentence: Sentence, target, date: TimeExpression | None,
           actors: tuple[str, ...], context: _Context) -> Event:
    anchor, uncertainty = target if target else (None, None)
    article = context.article
    local = lambda start, end: Span(start - sentence.start, end - sentence.start)  # noqa: E731
    in_sentence = anchor is not None and sentence.start <= anchor.start < sentence.end
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
        date_basis=_basis(date) if date else "none",
        date_text=date.text if date else "",
        date_span=local(date.start, date.end) if date else None,
        reported=article.published,
        actors=tuple(a for a in actors if not anchor or a != anchor.place.name),
        sources=(article.id,),
        uncertainty_km=uncertainty,
    )
    if anchor is not None:
        return _with_place(event, anchor, local(anchor.start, anchor.end) if in_sentence else None)
    return replace(event, id=_event_id(event))


def _with_place(event: Event, anchor: Anchor, span: Span | None) -> Event:
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


def _fill_visit_destinations(events: list[Event], context: _Context) -> list[Event]:
    """Placeless events that belong to the article's trip go to its destination (GUIDELINES §3.4).

    The trip is the first visit the article places ("Putin's upcoming visit this week Friday" is
    the visit to Minsk of the lead). Talks go there only when they are the traveller's: talks
    between other people ("Hashimoto meets Clinton") or named for a body ("the WTO talks") stay
    placeless, and say so.
    """
    visits = [e for e in events if e.type == "visit" and e.place_id]
    filled = []
    for event in events:
        if not event.place_id and not event.unplaced_reason:
            trip = _trip_of(event, visits)
            if trip is None or not _joins_trip(event, trip):
                filled.append(replace(event, unplaced_reason=_NO_PLACE))
                continue
            anchor = next(a for a in context.anchors + [context.dateline] if a and a.place.id == trip.place_id)
            event = replace(_with_place(event, anchor, None), place_text=trip.place_text)
        filled.append(event)
    return filled


def _trip_of(event: Event, visits: list[Event]) -> Event | None:
    """The trip a placeless event belongs to: the traveller's latest visit reported before it,
    else the article's first placed visit."""
    before = [v for v in visits if v.evidence_start <= event.evidence_start]
    own = [v for v in before if set(v.actors) & set(event.actors)]
    return (own or before or visits or [None])[-1 if (own or before) else 0]


def _joins_trip(event: Event, trip: Event) -> bool:
    if dedupe.is_plural(event):
        return False  # "held several meetings in recent months": not talks of this trip
    if event.date_start and trip.date_start and abs((event.date_start - trip.date_start).days) > 31:
        return False  # "peace talks following the August 1988 ceasefire" in a story of 1990
    if event.type == "visit":
        # A placeless visit is the trip named again: it can date an undated trip, but a visit on
        # another day is another visit, whose place the text does not give (§3.4 d).
        return trip.date_start is None or event.date_start is None \
            or dedupe.within(event, trip) or dedupe.within(trip, event)
    before_trigger = event.evidence[: event.trigger_span.start]
    if re.search(r"\b[A-Z][\w-]*\s+$", before_trigger):  # "the WTO talks", "Doha Round talks"
        return False
    # "by the time Prime Minister Hashimoto meets President Clinton": someone else's talks.
    subjects = [name for _, _, name in find_people(before_trigger)]
    if subjects:
        return bool(set(subjects) & set(trip.actors))
    return bool(set(event.actors) & set(trip.actors)) or _STAY.search(event.evidence) is not None


def _month_of_context(event: Event, events: list[Event]) -> Event:
    """GUIDELINES §4 for undated parts and wholes of a dated stay, each taking its month: talks held
    during a dated trip or summit at their place; a stop inside a dated trip to the country ("also
    expected to visit a factory in Nairobi" on a trip to Kenya); and a trip with dated talks or stops
    inside it ("her trip to the Palestinian territories", talks in Gaza City on Sunday)."""
    if event.type == "meeting":
        sources = [c for c in events if c.type in ("visit", "summit") and c.place_id == event.place_id]
    elif event.type == "visit" and not dedupe.is_plural(event):
        sources = [c for c in events if c.type in ("visit", "meeting") and c is not event
                   and (c.place_id == event.place_id or dedupe.inside(event, c))]
    else:
        return event
    for source in sources:
        if source.date_start is not None and \
                (source.date_start.year, source.date_start.month) == (source.date_end.year, source.date_end.month):
            first = source.date_start.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return replace(event, date_start=first, date_end=last, date_granularity="month",
                           date_basis="context", date_text=source.date_text)
    return event
