"""The article's trips (GUIDELINES §3.4 and §4): placeless talks and visits take the place of the
trip they belong to (before the dateline's), and undated parts and wholes of a dated stay take
its month."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from events.extract import dedupe, lexicon
from events.extract.actors import find_people
from events.extract.anchors import Anchor
from events.extract.build import with_place
from events.extract.clauses import PURPOSE_VERB, STAY, TOUR
from events.model import Event
from events.timex.arithmetic import parse_num

NO_PLACE = "no place in the text"
# (the gathering's name may be long and spelled out: "the upcoming Asia Pacific Economic Cooperation (APEC) forum")
_NAME_WORDS = r"(?:[\w'’()-]+\s+){0,6}?"
_SIDELINES = re.compile(rf"\bon the (?:sidelines|margins|fringes?) of (?:the|this|a|an)\s+{_NAME_WORDS}summit\b",
                        re.IGNORECASE)
# Talks set at the article's summit by other words: "on the sidelines,", "during / at the summit",
# "on the sidelines of the forum".
_AT_SUMMIT = re.compile(rf"\bon the (?:sidelines|margins|fringes?)(?: of (?:the|this|a|an)\s+{_NAME_WORDS}forum\b|"
                        r"(?!\s+of\b))|\b(?:during|at) (?:the|this)\s+(?:[\w'’-]+\s+){0,3}?summit\b", re.IGNORECASE)
_SET_AT = re.compile(r"(?:(?!\band\b|\b(?-i:[a-z]+ed)\b)[^,;]){0,50}?\b(?:on the (?:sidelines|margins|fringes?) of|during|at)\s+(?:the|this|a|an)\s+(?:[\w'’-]+\s+){0,4}?$",
                     re.IGNORECASE)
# How long a stay lasts: "a seven-day tour", "a 12-day official visit"
_N_DAYS = re.compile(r"\b(\d{1,2}|[a-z]+(?:-[a-z]+)?)-day\s+(?:[\w-]+\s+){0,3}?(?:visit|tour|trip|stay|journey)\b", re.IGNORECASE)
_ENDING = re.compile(r"\b(?:end of|wrap(?:s|ped|ping)? up|conclud\w*|ends|ended|ending|rounded off|wound up|wind(?:s|ing)? up)\b",
                     re.IGNORECASE)
_OPENING_VISIT = re.compile(r"\W*[Vv]isiting\b")
_AND_THEN = re.compile(r"[^.;:,]*?\band\s+(?:then\s+|also\s+|will\s+|would\s+|to\s+)?(?:(?:hold|held|holds|holding|meet|meets|met|"
                       r"have|has|had)\s+(?:[\w'’-]+\s+){0,3})?")  # (the verb may be the trigger: "and met")
_SUBJECT_NAME = re.compile(r"(?:[^,]*,\s*)?(?:(?:President|Premier|Prime Minister|Minister|Chancellor|Mr\.?|Mrs\.?|Ms\.?)\s+)?"
                           r"((?-i:[A-Z])[\w-]+)\s+(?:(?-i:[a-z])[\w-]*\s+){0,4}$")
# The traveller as the talks' subject: "He", "The delegation", "The secretary", "The two leaders",
# after the sentence's start, a comma or a fronted time phrase ("Later in the day he met").
_TRAVELLER = re.compile(r"(?:^|,|\b(?:[Ll]ater|[Tt]hen|[Aa]fterwards|[Ee]arlier|day|morning|afternoon|evening|night|that))\s*"
                        r"(?:[Hh]e|[Ss]he|[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:delegation|visitors?|envoys?|mission|secretary|"
                        r"minister|president|premier|chancellor)|(?:[Tt]he\s+)?(?:two|[Bb]oth)\s+(?:leaders|presidents|"
                        r"ministers|prime ministers|premiers|sides|heads of state))\s+(?:\w+\s+){0,3}$")
# The trip named after the talks in their own sentence, as their time: "held talks with Kim while
# visiting Pyongyang", "will hold consultations when he visits Pyongyang this week".
_WHILE_VISITING = re.compile(r"(?:\s+[^\s,;:\"“”]+){0,8}?\s+(?:when|while|during)\s+(?:(?:he|she|they)\s+)?"
                             r"(?:(?:is|was|were|are|will\s+be)\s+)?(?:(?:his|her|their)\s+)?", re.IGNORECASE)
# The traveller's trip in an aside on the talks' subject: "Wen, who arrived in Riga on Tuesday, met
# Berzins on Wednesday" (the aside opens before the trip and closes before the talks).
_ASIDE_OPENS = re.compile(r",\s*who\b[^,;:]*$")
_ASIDE_CLOSES = re.compile(r"[^,;:]*,\s*(?:(?-i:[a-z])[\w'’-]*\s+){0,3}")
# The trip's purpose: "will visit Thailand next week for a summit with the Thai premier".
_FOR_PURPOSE = re.compile(rf"[^,;:]{{0,60}}?\b(?:for|to {PURPOSE_VERB}|to (?:participate|take part) in)\s+(?:(?:a|an|the|their|his|her)\s+)?(?:[\w'’-]+\s+){{0,3}}")
_WITH = re.compile(r"\s+with\s+(?:[\w-]+\s+){0,3}?(him|her|(?-i:[A-Z])[\w-]+)\b(?!\s+(?-i:[A-Z]))")
_OWNER = re.compile(r"\b((?-i:[A-Z])[\w-]+)['’]s\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}$")
_MET_WHOM = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(him|her|(?-i:[A-Z])[\w-]+)\b(?!\s+(?-i:[A-Z]))")
# "Hu Jintao met", "Hu exchanged views": a name before a verb is its subject (not a name of the talks)
_VERBS_OF_MEETING = frozenset({"met", "meet", "meets"})


def place_by_trip(events: list[Event], anchors: list[Anchor]) -> list[Event]:
    """Placeless events that belong to a trip go to its destination (GUIDELINES §3.4); the others
    stay placeless and say so. ``anchors`` are the article's places (the dateline's too).

    The trip is the traveller's latest visit reported by then, else the article's first placed
    visit ("Putin's upcoming visit this week Friday" is the visit to Minsk of the lead). Talks
    go there only when they are the traveller's: talks
    between other people ("Hashimoto meets Clinton") or named for a body ("the WTO talks") stay
    placeless, and say so.
    """
    visits = [e for e in events if e.type == "visit" and e.place_id]
    summits = [e for e in events if e.type == "summit" and e.place_id]
    filled = []
    for event in events:
        if not event.place_id and not event.unplaced_reason \
                and (_SIDELINES.search(event.evidence) or event.type == "meeting" and _AT_SUMMIT.search(event.evidence)) \
                and (summit := _summit_of(event, summits)) is not None:
            # "On the sidelines of the summit, Hu will meet Blair": at the summit (§1 meeting).
            event = _placed_as(summit, event, anchors)
        if not event.place_id and not event.unplaced_reason and event.type == "summit" \
                and (talks := _talks_set_at(event, events)) is not None:
            # "The presidents met in Minsk on Tuesday on the sidelines of a CIS summit": the summit
            # is where and when its talks are (§3.4 a, the other way round).
            event = _placed_as(talks, event, anchors)
            if event.date_start is None:
                event = replace(event, date_start=talks.date_start, date_end=talks.date_end, date_text=talks.date_text,
                                date_granularity=talks.date_granularity, date_basis=talks.date_basis)
        if not event.place_id and not event.unplaced_reason:
            trip = _trip_of(event, visits)
            if trip is None or not _joins_trip(event, trip):
                filled.append(replace(event, unplaced_reason=NO_PLACE))
                continue
            event = _placed_as(trip, event, anchors)
        filled.append(event)
    return filled


def _placed_as(other: Event, event: Event, anchors: list[Anchor]) -> Event:
    """``event`` placed where ``other`` is, by the article's mention of that place."""
    anchor = next(a for a in anchors if a.place.id == other.place_id)
    return replace(with_place(event, anchor, None), place_text=other.place_text)


def _talks_set_at(summit: Event, events: list[Event]) -> Event | None:
    """The placed talks its sentence sets at the summit: "met in Minsk on the sidelines of a summit"."""
    return next((e for e in events if e.type == "meeting" and e.place_id and e.evidence_start == summit.evidence_start
                 and e.trigger_span.end <= summit.trigger_span.start
                 and _SET_AT.fullmatch(summit.evidence, e.trigger_span.end, summit.trigger_span.start)), None)


def away_from_the_dateline(events: list[Event], anchors: list[Anchor], dateline: Anchor) -> list[Event]:
    """Talks the dateline placed on the news day that are the traveller's, on the day of a trip
    reported before them to another place, are at the trip's destination ("MOSCOW -- Rybkin flew
    to Minsk today for talks with Lukashenka. Today's talks between Rybkin and Lukashenka ...":
    §3.4 (a), the visit they are part of, before (b), the dateline)."""
    dateline_place = dateline.place.id
    # (a trip to another country: one to the dateline's own country or a city in it is the story's)
    visits = [e for e in events if e.type == "visit" and e.place_id and e.country_code != dateline.place.country_code
              and e.date_granularity == "day"]
    moved = []
    for event in events:
        # (talks the text itself sets "here" stay at the dateline)
        if event.type == "meeting" and event.place_span is None and event.place_id == dateline_place \
                and not re.search(r"\bhere\b", event.evidence):
            trip = next((v for v in reversed(visits) if v.evidence_start < event.evidence_start
                         and v.date_start == event.date_start), None)
            if trip is not None and _the_travellers_talks(event, trip):
                event = _placed_as(trip, event, anchors)
        moved.append(event)
    return moved


def _summit_of(event: Event, summits: list[Event]) -> Event | None:
    """The summit whose sidelines the talks are on: the latest reported before them, else the first."""
    before = [s for s in summits if s.evidence_start <= event.evidence_start]
    return before[-1] if before else (summits[0] if summits else None)


def _trip_of(event: Event, visits: list[Event]) -> Event | None:
    """The trip a placeless event belongs to: the traveller's latest visit reported before it,
    else the article's first placed visit, but never one reported later in its own sentence ("met
    officials on Wednesday and will fly to Eritrea on Thursday": the next leg)."""
    visits = [v for v in visits if v.evidence_start != event.evidence_start
              or v.trigger_span.start < event.trigger_span.start or _while_visiting(event, v)]
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
    if event.type == "summit":
        # a summit joins a trip during its stay, on the day the traveller arrives, or when the
        # sentence ties it to the trip ("will visit Jakarta and hold a summit with Soeharto")
        return STAY.search(event.evidence) is not None or event.date_granularity == "day" \
            and event.date_start == trip.date_start or _tied_in_its_sentence(event, trip)
    if event.date_start and trip.date_start is None and event.reported \
            and abs((event.date_start - event.reported).days) > 31:
        return False  # "He last met Moussa in March 1998": not talks of the trip the story reports
    if _tied_in_its_sentence(event, trip):
        return True
    # "the WTO talks", "Doha Round talks" (a capitalised determiner only opens the sentence)
    before_trigger = event.evidence[: event.trigger_span.start]
    trigger_word = event.evidence[event.trigger_span.start: event.trigger_span.end].lower()
    if trigger_word not in _VERBS_OF_MEETING and not trigger_word.split()[0].endswith("ed") and re.search(
            r"\b(?!(?:A|An|The|This|That|These|Those|His|Her|Their|Its|Our|He|She|They|We)\s)[A-Z][\w-]*\s+$",
            before_trigger):
        return False
    if STAY.search(event.evidence):
        return True  # "During the visit, the host held talks with him" (§3.4 a: explicitly part of it)
    return _the_travellers_talks(event, trip)


def _tied_in_its_sentence(event: Event, trip: Event) -> bool:
    """ "Abe will visit China on October 8 and hold talks with Wen": one trip, one subject; "held
    talks with Kim while visiting Pyongyang"; "will visit Tehran for a summit"; "Wen, who arrived
    in Riga on Tuesday, met Berzins"; and "Visiting Riga on Wednesday, Karins met Nauseda": the
    opening participle is the trip."""
    if trip.evidence_start != event.evidence_start:
        return False
    if _while_visiting(event, trip):
        return True
    if _for_purpose(event, trip):
        return True
    if trip.trigger_span.end <= event.trigger_span.start \
            and _ASIDE_OPENS.search(event.evidence, 0, trip.trigger_span.start) \
            and _ASIDE_CLOSES.fullmatch(event.evidence, trip.trigger_span.end, event.trigger_span.start):
        return True
    opening = _OPENING_VISIT.match(event.evidence)
    return _AND_THEN.fullmatch(event.evidence, trip.trigger_span.end, event.trigger_span.start) is not None \
        or opening is not None and opening.end() == trip.trigger_span.end \
        and "," in event.evidence[trip.trigger_span.end: event.trigger_span.start]


def _within_one_month(source: Event) -> bool:
    """Whether a stay that starts on a day and says how many days it lasts ("arrived on Sunday for a
    seven-day tour") ends in the month it starts in (§4: the month only of a stay within one month)."""
    length = _N_DAYS.search(source.evidence)
    days = parse_num(length.group(1).replace("-", " ")) if length else None
    if source.date_granularity != "day" or not days:
        return True
    # (a stay dated by its end: "left on Friday at the end of a four-day visit")
    step = dt.timedelta(days=int(days) - 1) * (-1 if _ENDING.search(source.evidence, 0, length.start()) else 1)
    return (source.date_start + step).month == source.date_start.month


def _is_tour(event: Event) -> bool:
    return TOUR.fullmatch(event.evidence[event.trigger_span.start: event.trigger_span.end]) is not None


def _for_purpose(event: Event, trip: Event) -> bool:
    return trip.evidence_start == event.evidence_start \
        and _FOR_PURPOSE.fullmatch(event.evidence, trip.trigger_span.end, event.trigger_span.start) is not None


def _while_visiting(event: Event, trip: Event) -> bool:
    return trip.evidence_start == event.evidence_start and trip.trigger_span.start > event.trigger_span.end \
        and _WHILE_VISITING.fullmatch(event.evidence, event.trigger_span.end, trip.trigger_span.start) is not None


def _the_travellers_talks(event: Event, trip: Event) -> bool:
    """Whether the talks' parties include the traveller: named as their subject, "he", "the
    delegation", "the two leaders", or "with him" (§3.4 a, c)."""
    before_trigger = event.evidence[: event.trigger_span.start]
    # "by the time Prime Minister Hashimoto meets President Clinton": someone else's talks.
    # "Robertson said peace talks between Israel and the Palestinians must resume": the speaker
    # is not a party to the talks, so only the words after the last verb of saying count.
    reported = _saying().split(before_trigger)[-1]
    subjects = [name for _, _, name in find_people(reported)]
    if subjects:
        # "Nauseda held talks with him / with Wang": the host's talks with the traveller
        return bool(set(subjects) & set(trip.actors)) or _with_traveller(event, trip)
    # "Hu held talks": the traveller named by one of his names ("Hu Jintao"), as the subject
    subject = _SUBJECT_NAME.match(reported)
    if subject and any(subject.group(1) in actor.split() for actor in trip.actors):
        return True
    # "after Hu's talks with Singh": the traveller's own talks
    owner = _OWNER.search(reported)
    if owner and any(owner.group(1) in actor.split() for actor in trip.actors):
        return True
    speaking = before_trigger[: len(before_trigger) - len(reported)]
    parties = {actor for actor in event.actors if not re.search(rf"\b{re.escape(actor.split()[-1])}\b", speaking)}
    return _TRAVELLER.search(before_trigger) is not None or bool(parties & set(trip.actors)) \
        or _with_traveller(event, trip)


def _with_traveller(event: Event, trip: Event) -> bool:
    """The talks are held "with him/her" or with the traveller named by a surname, or the host
    "met him"."""
    partner = _WITH.match(event.evidence, event.trigger_span.end)
    trigger_word = event.evidence[event.trigger_span.start: event.trigger_span.end].lower()
    if partner is None and trigger_word in _VERBS_OF_MEETING:
        partner = _MET_WHOM.match(event.evidence, event.trigger_span.end)  # "Wu Bangguo met him on Monday"
    if partner is None:
        return False
    word = partner.group(1)
    return word.lower() in ("him", "her") or any(word in actor.split() for actor in trip.actors)


@functools.cache
def _saying() -> re.Pattern[str]:
    """The verbs of a report (lexicon concept "reporting")."""
    return re.compile(r"\b" + lexicon.filter_words("reporting") + r"\b", re.IGNORECASE)


def month_of_context(event: Event, events: list[Event]) -> Event:
    """GUIDELINES §4 for undated parts and wholes of a dated stay, each taking its month: talks held
    during a dated trip or summit at their place; a summit the sentence sets during a dated trip to
    its country ("During the trip, Hu will attend the APEC summit in Santiago"); a stop inside a
    dated trip to the country ("also expected to visit a factory in Nairobi" on a trip to Kenya) or
    of a dated tour of a region ("a tour of the Balkans this week"; "he has visited Kosovo");
    and a trip with dated talks or stops inside it ("her trip to the Palestinian territories",
    talks in Gaza City on Sunday)."""
    if event.type == "meeting" and not dedupe.is_plural(event):
        sources = [c for c in events if c.type in ("visit", "summit")
                   and (c.place_id == event.place_id or c.type == "visit" and dedupe.inside(event, c))]
    elif event.type == "summit":
        # "During the trip, Hu will also attend the APEC summit in Santiago", "will visit Tehran at
        # the weekend for a summit": a part of the trip
        sources = [c for c in events if c.type == "visit" and (c.place_id == event.place_id or dedupe.inside(event, c))
                   and (STAY.search(event.evidence) or _for_purpose(event, c))]
    elif event.type == "visit" and not dedupe.is_plural(event):
        sources = [c for c in events if c.type in ("visit", "meeting") and c is not event
                   and (c.place_id == event.place_id or dedupe.inside(event, c)
                        or c.place_level in ("region", None) and _is_tour(c))]
    else:
        return event
    for source in sources:
        if source.date_start is not None and \
                (source.date_start.year, source.date_start.month) == (source.date_end.year, source.date_end.month) \
                and _within_one_month(source):
            first = source.date_start.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return replace(event, date_start=first, date_end=last, date_granularity="month",
                           date_basis="context", date_text=source.date_text)
    return event

