"""Article -> events: the Extractor runs the stages of this package in order (see DESIGN.md and
the development set's GUIDELINES.md).

sentences (passages) -> triggers (lexicon tables) -> places (places.attach) -> dates
(dates.attach_date) -> actors -> the story's trips and dateline (trip) -> events named again
across sentences (anaphora) -> one event per type, place and date (dedupe) -> confidence (a model
fitted on the train split). An article is one story, or, when it is a news digest, one story per
item, each under its own dateline. Mentions with a trigger but no place are kept with the reason,
when they introduce an event of their own.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from events.extract import dedupe, places
from events.extract.actors import find_actors, find_people, surname_index
from events.extract.anaphora import GATHERINGS, REFERS_BACK, named_again
from events.extract.anchors import Anchor, dateline_anchor, find_places
from events.extract.build import build
from events.extract.clauses import ABOUT, PURPOSE_VERB, STAY
from events.extract.confidence import ConfidenceModel, event_features
from events.extract.dates import VAGUE, attach_date, on_news_day, own_date
from events.extract.sentences import (
    Sentence,
    dateline_head,
    find_dateline,
    find_item_datelines,
    split_sentences,
)
from events.extract.triggers import Trigger, denied, find_triggers, is_ship, ships_moving
from events.extract.trip import NO_PLACE, away_from_the_dateline, month_of_context, place_by_trip
from events.model import Article, Event, TimeExpression
from events.timex import find_dates
from events.timex.arithmetic import clause_tense
from gazetteer import Gazetteer
from gazetteer.wordlists import CALENDAR_WORDS

_PLURALS = frozenset({"visits", "trips", "tours", "meetings", "summits", "exercises", "drills",
                      "maneuvers", "manoeuvres", "conferences", "sessions"})
# An infinitive of purpose right before a meeting verb: "arrived in Kampala to meet".
_PURPOSE = re.compile(rf"\b(?:to\s+(?:{PURPOSE_VERB}\s+)?|for\s+(?:(?:further|fresh|new|official|bilateral|high-level)\s+)?)$",
                      re.IGNORECASE)
# A capitalised name after a locative preposition, a few words after the trigger: where the text
# puts an event ("in Nassiriyah"); "to" only right after a visit ("a visit to the Yasukuni Shrine").
_NAME_AFTER = r"\s+(?:the\s+)?((?-i:[A-Z][\w'’\-]+)(?:\s+(?-i:[A-Z][\w'’\-]+)){0,3})"
_UNKNOWN_PLACE = re.compile(r"\b(?:in|at|into|near)" + _NAME_AFTER)
_UNKNOWN_PLACE_AFTER_VISIT = re.compile(r"(?:\b(?:in|at|into|near)|^\s+to)" + _NAME_AFTER)
_UNKNOWN_PLACE_REACH = 60  # characters after the trigger
# The lead and the two sentences after it: a news story's opening, which tells the news day's news.
_OPENING = 3
# Words saying a gathering's actors have come to where the story is filed.
_ACTORS_CAME = re.compile(r"\b(?:arrived|landed|gathered)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Context:
    """What extraction knows about the whole article while reading one sentence."""

    article: Article
    anchors: list[Anchor]
    dates: list[TimeExpression]
    dateline: Anchor | None
    surnames: dict[str, str]
    # a diary entry's day: the one the diary's header names ("Middle East news highlights on Tuesday")
    day: TimeExpression | None = None
    # the day the dateline gives ("BEIJING, Nov. 7 (Xinhua) --"), when it is the news day
    dateline_day: TimeExpression | None = None


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
        if self.confidence is None:
            placed = [event for event, _ in scored]
        else:
            probabilities = [(event, self.confidence.probability(features)) for event, features in scored]
            placed = [replace(event, confidence=round(p, 3)) for event, p in probabilities
                      if p >= self.confidence.threshold]
        return sorted(placed + unplaced, key=lambda e: (e.evidence_start, e.trigger_span.start))

    def candidates(self, article: Article) -> tuple[list[tuple[Event, list[str]]], list[Event]]:
        """The article's placed candidate events, each with the features the confidence model
        weighs, and its mentions without a place."""
        stories = self._read(article)
        events: list[Event] = []
        dateline_of: dict[int, str] = {}  # each sentence's dateline place, by the sentence's start
        for context, story in stories:
            events.extend(_story_events(context, story))
            dateline_of.update((p.sentence.start, context.dateline.place.id if context.dateline else "") for p in story)
        passages = [passage for _, story in stories for passage in story]
        # (not a second word for an event its sentence places: "met for talks in Riga")
        placed_in = {(e.evidence_start, e.type) for e in events if e.place_id}
        unplaced = [_unplaced(e, stories[0][0].anchors) for e in events
                    if not e.place_id and (e.evidence_start, e.type) not in placed_in]
        # Months from context come last, so that they never keep apart two reports of one event.
        events = dedupe.deduplicate([e for e in events if e.place_id])
        events = [month_of_context(e, events) if e.date_start is None else e for e in events]
        sentence_index = {p.sentence.start: i for i, p in enumerate(passages)}
        cues = {(p.sentence.start, t.start): t.cues for p in passages for t in p.triggers}
        scored = [(e, event_features(e, sentence_index.get(e.evidence_start, 0), dateline_of.get(e.evidence_start, ""),
                                     events)
                   + [f"{cue}|{e.type}" for cue in cues.get((e.evidence_start, e.trigger_span.start), ())])
                  for e in events]
        # Mentions without a place are kept, unscored, when they introduce an event of their own.
        return scored, [e for e in unplaced if _introduces_event(e, cues)]

    def _read(self, article: Article) -> list[tuple[_Context, list[_Passage]]]:
        """The article's stories, each with its context and passages: the whole body under its
        dateline, or, in a news digest, the lines before the first item and then each item under
        its own dateline ("KUWAIT CITY: Arab oil ministers meet")."""
        text = article.text
        anchors = find_places(text, self.gazetteer)
        items = find_item_datelines(text)
        dateline_span = find_dateline(text)
        if items and dateline_span and dateline_span[0] >= items[0][0]:
            dateline_span = None  # the first lines' dateline opens the first item, not the body
        heads = [span for span in [dateline_span, *items] if span]
        sentences = split_sentences(text)
        dates = [d for d in find_dates(text, article.published) if d.first is not None or d.value in VAGUE]
        context = _Context(
            article=article,
            anchors=anchors,
            dates=[d for d in dates if not any(_in_dateline(d, span, text) for span in heads)],
            dateline=dateline_anchor(text, dateline_span, anchors, self.gazetteer) if dateline_span else None,
            dateline_day=_day_of(dateline_span, dates, article) if dateline_span else None,
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
        return _stories(context, passages, items, dates, self.gazetteer)


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


def _stories(context: _Context, passages: list[_Passage], items: list[tuple[int, int]],
             dates: list[TimeExpression], gazetteer: Gazetteer) -> list[tuple[_Context, list[_Passage]]]:
    """The article as one story, or, with a digest's items (their datelines' spans), the lines
    before the first item and then each item, under its own dateline. A diary's entries, whose
    datelines carry no date of their own ("KUWAIT CITY: ..."), happen on the day its header names
    ("Middle East news highlights on Tuesday"); an item filed with its own date ("CAIRO, Nov. 8
    (Xinhua) -- ...") is a story, dated by its text."""
    if not items:
        return [(context, passages)]
    text = context.article.text
    starts = [text.rfind("\n", 0, span[0]) + 1 for span in items]
    header = [p for p in passages if p.sentence.start < starts[0]]
    day = next((d for p in header for d in p.dates if d.granularity == "day"), None)
    stories = [(context, header)]
    for span, start, end in zip(items, starts, starts[1:] + [len(text)], strict=True):
        entry = not re.search(r"\d", text[slice(*dateline_head(text, span))])
        item_context = replace(context, dateline=dateline_anchor(text, span, context.anchors, gazetteer),
                               day=day if entry else None, dateline_day=_day_of(span, dates, context.article))
        stories.append((item_context, [p for p in passages if start <= p.sentence.start < end]))
    return [(story_context, story) for story_context, story in stories if story]


def _story_events(context: _Context, passages: list[_Passage]) -> list[Event]:
    """The events of one story's sentences, placed by its trips and its dateline and with the
    reports that name an event again joined."""
    events: list[Event] = []
    news_day = _news_day(context, passages)
    for index, passage in enumerate(passages):
        opening_day = news_day if index < _OPENING else None
        memo = places.SentenceMemo()  # each place's phrase read once for all the triggers
        placed = _visitors_at_their_talks([(t, places.attach(t, passage.sentence, passage.anchors, context.dateline,
                                                             passage.triggers, memo))
                                           for t in passage.triggers], passage.sentence.text)
        for trigger, targets in placed:
            if denied(trigger):
                continue  # no event, though its clause's places and dates stay its own
            others_places = [a for t, found in placed if t is not trigger for a, _ in found]
            events.extend(_events_for(trigger, targets, others_places, passage, context, opening_day))
    events = place_by_trip(events, context.anchors + ([context.dateline] if context.dateline else []))
    if context.dateline:
        events = away_from_the_dateline(events, context.anchors, context.dateline)
    return named_again(events, context.dateline.place.id if context.dateline else "")


def _next_day_here(date: TimeExpression, passage: _Passage, trigger: Trigger, article: Article) -> bool:
    """A gathering on the day after the news day whose sentence says its actors have come ("Leaders
    arrived on Monday for the summit, which opens on Thursday"): §3.4 b wants the actors there."""
    return article.published is not None and date.first is not None and date.granularity == "day" \
        and (date.first - article.published).days == 1 \
        and _ACTORS_CAME.search(passage.sentence.text, 0, trigger.start) is not None


def _news_day(context: _Context, passages: list[_Passage]) -> TimeExpression | None:
    """The news day a story's opening reports: its lead's date on the news day, else its dateline's."""
    lead = passages[0].dates if passages else []
    return next((d for d in lead if on_news_day(d, context.article)), context.dateline_day)


def _day_of(dateline_span: tuple[int, int], dates: list[TimeExpression], article: Article) -> TimeExpression | None:
    """The news day a dateline gives ("CAIRO, Nov. 8 (Xinhua) --"), if it gives one."""
    return next((d for d in dates if _in_dateline(d, dateline_span, article.text) and on_news_day(d, article)), None)


def _event_triggers(sentence: str) -> list[Trigger]:
    triggers = find_triggers(sentence, keep_cued=True, keep_denied=True)
    # Troops taking part in an exercise are the exercise, and warships on a port call are the
    # visit, not deployments (GUIDELINES §1).
    if any(t.type == "exercise" for t in triggers):
        triggers = [t for t in triggers if not (t.type == "deployment" and t.needs_place)]
    if any(t.type == "visit" for t in triggers):
        triggers = [t for t in triggers if not is_ship(t)]
    # "proposing to send 2,000 troops to Darfur": the forces a denied verb sends share its denial.
    return [_denied_with(t, triggers, sentence) for t in triggers]


def _denied_with(trigger: Trigger, triggers: list[Trigger], sentence: str) -> Trigger:
    if not (trigger.type == "deployment" and trigger.needs_place):
        return trigger
    sender = next((t for t in triggers if t.type == "deployment" and not t.needs_place and denied(t)
                   and 0 <= trigger.start - t.end <= 40 and not re.search(r"[;]|,\s", sentence[t.end: trigger.start])), None)
    return trigger if sender is None else replace(trigger, cues=trigger.cues + sender.cues)


def _inside(spans: list, sentence: Sentence) -> list:
    """The spans (sorted by start, not overlapping) that lie within the sentence; a binary search,
    so that long articles cost time in proportion to their length."""
    low = bisect.bisect_left(spans, sentence.start, key=lambda s: s.start)
    high = bisect.bisect_left(spans, sentence.end, lo=low, key=lambda s: s.start)
    return [s for s in spans[low:high] if s.end <= sentence.end]


def _in_dateline(date: TimeExpression, dateline_span: tuple[int, int], text: str) -> bool:
    """ "LONDON, March 22 - ": the dateline's date is when the story was filed, not an event date."""
    start, end = dateline_head(text, dateline_span)
    return start <= date.start < end


def _events_for(trigger: Trigger, targets: list, others_places: list, passage: _Passage,
                context: _Context, opening_day: TimeExpression | None) -> list[Event]:
    """The events of one trigger: one per place the sentence ties to it (or the trip's, later).
    ``opening_day`` is the news day when the sentence is in the story's opening."""
    if not targets and trigger.needs_place:
        return []
    sentence, in_sentence = passage.sentence, passage.anchors
    date = attach_date(trigger, passage.triggers, sentence, passage.dates, targets, others_places)
    if date is None and not passage.dates:
        date = context.day  # a diary's entry happens on the diary's day
    if not targets:
        # GUIDELINES §3.4: a placeless event is kept when the article says where: talks on the
        # news day at the dateline (b), or a visit's destination filled in afterwards (a, c).
        # A dateline that is not a city ("BEN GURION AIRPORT") is not used (§3.5).
        at_dateline = context.dateline is not None and context.dateline.place.level == "city"
        # (a) before (b): talks "during the visit" belong to the visit, wherever the story is filed;
        # talks named as a topic ("optimistic about the talks") are not said to be held.
        held_here = at_dateline and not STAY.search(sentence.text) and not ABOUT.search(sentence.text, 0, trigger.start)
        if trigger.type in GATHERINGS and held_here and date and (
                on_news_day(date, context.article) or _next_day_here(date, passage, trigger, context.article)):
            targets = [(context.dateline, None)]
        elif trigger.type == "meeting" and held_here and date is None and opening_day is not None and not trigger.cues \
                and clause_tense(sentence.text, trigger.start, trigger.end) in ("past", "wpast"):
            # (b) talks the story's opening reports as done, with no date of their own ("The two
            # sides held talks on trade"): the news the opening tells, on the day it gives (§2: the
            # date may come from another sentence about the same event).
            targets, date = [(context.dateline, None)], opening_day
        elif trigger.type == "visit" and date is not None or trigger.type in ("meeting", "summit"):
            targets = [None]  # the trip's, if it belongs to one (place_by_trip)
        else:
            unplaced = replace(build(trigger, sentence, None, date, (), context.article), unplaced_reason=NO_PLACE)
            return [unplaced]
    actors = find_actors(sentence.text, context.surnames, places.acting_countries(sentence, in_sentence),
                         places_at=[(a.start - sentence.start, a.end - sentence.start) for a in in_sentence],
                         find_new_people=not sentence.headline)
    return [build(_at_sea(trigger, sentence, target), sentence, target, target_date, actors, context.article)
            for target, target_date in zip(targets, _dates_of_places(targets, date, passage), strict=True)]


def _dates_of_places(targets: list, date, passage: _Passage) -> list:
    """The date of each of a trigger's places: a coordinated place's own date when one follows it
    ("visited Kenya on Monday and Uganda on Tuesday"); a place after another's own date has
    none of its own ("to Indonesia on Wednesday, followed by South Korea"); the others share the
    trigger's ("visited Kenya and Uganda on Tuesday")."""
    if len(targets) < 2:
        return [date] * len(targets)
    own = [target and own_date(target[0].end, passage.dates, passage.sentence) for target in targets]
    return [own[i] or (None if any(own[:i]) else date) for i in range(len(targets))]


_OFF = re.compile(r"\boff\s+(?:the\s+coast\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)


def _at_sea(trigger: Trigger, sentence: Sentence, target) -> Trigger:
    """Warships that arrive at a port make a port call (a visit); at a sea or a region, they are
    deployed there (GUIDELINES §1)."""
    if target and trigger.type == "visit" and ships_moving(trigger, sentence.text) \
            and (target[0].place.level == "region" or _OFF.search(sentence.text, 0, target[0].start - sentence.start)):
        return replace(trigger, type="deployment")  # (or off a coast: "arrived off Lebanon")
    return trigger


def _visitors_at_their_talks(placed: list[tuple[Trigger, list]], sentence: str) -> list[tuple[Trigger, list]]:
    """ "met in Beijing with visiting minister X": the visitor is where the talks are (§3.1); and
    "arrived in Kampala on Friday to meet Museveni": the talks a trip is for are at its
    destination (§3.4 a)."""
    talks = next((targets for t, targets in placed if t.type == "meeting" and targets and not denied(t)), None)
    trips = [(t, targets) for t, targets in placed if t.type == "visit" and targets and not denied(t)]
    out = []
    for trigger, targets in placed:
        if not targets and trigger.text.lower() == "visiting" and talks is not None:
            targets = talks
        elif not targets and trigger.type == "meeting" and _PURPOSE.search(sentence, 0, trigger.start):
            trip = [found for t, found in trips if t.end <= trigger.start]
            targets = trip[-1] if trip else targets
        out.append((trigger, targets))
    return out


def _introduces_event(event: Event, cues: dict[tuple[int, int], tuple[str, ...]]) -> bool:
    """Not when its sentence casts doubt on it (``cues`` by sentence and trigger start), nor when
    it names an event again ("the meeting", "Putin's visit") or events in general ("regular
    summit meetings", "joint exercises continue")."""
    trigger = event.evidence[event.trigger_span.start:event.trigger_span.end].lower()
    return not (cues.get((event.evidence_start, event.trigger_span.start))
                or trigger.split()[-1] in _PLURALS
                or REFERS_BACK.search(event.evidence[:event.trigger_span.start]))


def _unplaced(event: Event, anchors: list[Anchor]) -> Event:
    """A mention without a place, saying why: a capitalised name the text puts the event at that
    the gazetteer does not know ("arrived in Nassiriyah"), or no place in the text at all."""
    after = event.evidence[event.trigger_span.end:]
    preposition = _UNKNOWN_PLACE_AFTER_VISIT if event.type == "visit" else _UNKNOWN_PLACE
    for match in preposition.finditer(after):
        if match.start() > _UNKNOWN_PLACE_REACH:
            break
        start = event.evidence_start + event.trigger_span.end + match.start(1)
        known = any(a.start <= start < a.end for a in anchors)
        if not known and match.group(1).split()[0].lower() not in CALENDAR_WORDS:
            return replace(event, unplaced_reason=f"place not in the gazetteer: {match.group(1)}")
    return event


