"""The date a trigger takes: the date expression of its own clause (GUIDELINES §4), not the date
of a report, of another trigger, of a phrase opened by "since" or "following", or of the period
a document covers."""

from __future__ import annotations

import functools
import re

from events.extract import clauses, lexicon
from events.extract.clauses import STAY
from events.extract.sentences import Sentence
from events.extract.triggers import Trigger
from events.model import Article, TimeExpression

# Dates that open a state rather than date an event ("his 28th visit since 2000", "the first
# speaker to visit Taiwan since Washington switched recognition in 1979").
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# "since the September 11 attacks" (not "since the Nov 24, 2004, meeting", whose date it is)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_SINCE_AFTER_STAY = re.compile(r"(?:\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]*){0,3}\s+since\s+")  # "visiting Pyongyang since "
_COUNTED = re.compile(r"\b(?:first|second|third|last|only|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_DATE_THEN_NOUN = re.compile(r",?(?:\s+[\w'’-]+){0,3}\s+")  # "the Nov 24, 2004, [meeting]"
# "before the G8 summit", "after kicking off a Middle East tour": the event the count names
_NAMES_NEXT = re.compile(r"\s+(?:(?-i:[a-z]+ing)\s+(?:(?:off|up|out)\s+)?)?(?:(?:the|a|an|his|her|their|its)\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}")
# "returned home on Tuesday after visiting four ports": a gerund clause after a dated one is
# earlier; not one that ends the event ("left on Tuesday after concluding his visit" gives the
# anchor, §4), and not "before leaving for Seoul", mostly the same day.
_GERUND_CLAUSE = re.compile(r"\b(?:after|since|following|upon)\s+(?!(?:concluding|wrapping|winding|ending|"
                            r"completing|finishing)\b)(?-i:[a-z]+ing)\b", re.IGNORECASE)
_COUNTED_FROM_EVENT = re.compile(r"\b(?:after|before)$", re.IGNORECASE)  # "three days after (the vote)"
# ... unless no event follows: "a working dinner the night before, where": from the day the text named
_NOTHING_COUNTED_FROM = re.compile(r"\s*(?:[.,;:!?)\"”]|$|(?:where|when|and|but|in|at)\b)", re.IGNORECASE)
# A noun the date is "of", other than a part of time ("at the end of next week")
_OF_A_NOUN = re.compile(r"\b(?!(?:end|beginning|start|middle|course|rest|close|part|morning|afternoon|evening|"
                        r"night|weekend|week|month|year|day|days)\b)(?-i:[a-z]+)\s+of\s+$")

# Between a trigger and a date, what puts the date in another clause or event: a semicolon or
# dash, or a temporal connective opening its own noun phrase or clause ("following the rape of a
# girl in 1995", "since Britain seized the territory in 1841", "ahead of the handover in July").
_OTHER_CLAUSE = re.compile(r";|\s--?\s|\banniversary\b|\b(?:since|following|after|before|until|ahead of|prior to)\s+"
                           r"(?!(?:early|late|mid|last|next|this)\b)(?:the|a|an|his|her|its|their|he|she|they|it|we|"
                           r"[A-Z]\w+|(?-i:[a-z]+s))\b")  # ("comes after elections in Iraq on Thursday")

# A date right after "and" with a verb of its own after it opens another predicate.
_AND_OPENS = re.compile(r"\band\s+(?:then\s+|later\s+)?(?:on\s+|in\s+|at\s+)?$", re.IGNORECASE)
_PREDICATE_AFTER = re.compile(r"\s*,?\s*(?:(?:he|she|they|it)\s+)?(?:is|are|was|were|will|would|has|have|had|plans?|planned)\b",
                              re.IGNORECASE)

# "arriving in Kandahar as NATO prepares to take over in July": a clause of "as", "while" or
# "when" with a subject and a verb of its own dates its own event.
_WHILE_CLAUSE = re.compile(r"\b(?:as|while|when|whereas)\s+(?:(?:the|a|an|its|their)\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){1,3}"
                           r"(?-i:[a-z]+(?:s|ed))\b")
_CALENDAR_WORD = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?|\b\d{4}\b|\d{1,2}/\d{1,2}")

# Between a place and the date that follows it: "in Astana on November 28", "Rome from June 3".
_PLACE_THEN_DATE = re.compile(r"\s*,?\s*(?:on|in|from|at|during|between|this|next|last|early|late|later)?\s*", re.IGNORECASE)
# Between a gathering and the date its participle schedules: "the summit scheduled for November 18".
_SCHEDULED = re.compile(r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,4})?\s*,?\s*(?:which\s+is\s+|to\s+be\s+)?(?:scheduled|set|slated|planned|due|held)\s+"
                        r"(?:for|on|in|to\s+(?:open|start|begin|take\s+place)(?:\s+on)?)\s*", re.IGNORECASE)

# The start a state's clause states: "since August", "declared operational in December 2022", "based
# there from 2004" (not "a conflict in 1999", "will withdraw on August 28").
_STATED_START = re.compile(r"\b(?:since|from|starting|beginning|as of|(?:operational|deployed|stationed|based|"
                           r"installed|in service|in place)\s+(?:there\s+|here\s+)?(?:in|on))\s+(?:early|late|mid-?)?\s*(?:the\s+)?$",
                           re.IGNORECASE)
_YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b(?![-–/]\d)")  # (not "2006-12-05")
_FRONTED_ING = re.compile(r"\s*(?:after|before|following|since|upon|on)\s+(?-i:[a-z]+ing)\b[^,;]*,", re.IGNORECASE)
_ASIDE = re.compile(r",\s*(?:who|whose)\b[^,;]*,")  # a relative clause about a person, closed again
_THAT_AFTER = re.compile(r"\s*,?\s*that\b")
_RELATIVE_AFTER = re.compile(r",\s*(?:where|which|who|whose|when)\b")
_DECIDED_THEN_TO = re.compile(r"\s+(?:to|on\s+(?:the\s+|a\s+)?(?:need|plan|proposal|idea)\s+(?:for|to|of))\s+(?:[\w-]+\s+){0,3}")
_DECISION_VERB = re.compile(r"\b(?:agreed|decided|announced|pledged|promised|vowed|offered|planned|proposed|"
                            r"resolved|said|says|undertook)\s+(?:on\s+)?$", re.IGNORECASE)
_AHEAD_OF = re.compile(r"\b(?:ahead of|before|prior to|in preparation for|in advance of|to prepare for)\s+"
                       r"(?:the|his|her|their|its|this|a|an)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_DATE_AFTER_STAY = re.compile(r"(?:\s+(?:to|in)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,3})?\s*,?\s*(?:on|in|from|next|this|late|early)?\s*")
# "met the visiting French minister on Monday": the visit is under way, Monday dates the talks.
_VISITING_ADJECTIVE = re.compile(r"\b(?:the|a|an|his|her|their|its|with|met|meets|meet|received|receives|told|"
                                 r"welcomed|hosted)\s+visiting$", re.IGNORECASE)
_FRONTED = re.compile(r"(?:following|after|before|during|ahead of|at the end of|on the sidelines of)\s+(?:[\w'’-]+\s+){0,4}$",
                      re.IGNORECASE)
_FRAME_END = re.compile(r"(?:\s+(?:to|in|with|between)\s+[^,;]{1,40}?)?\s*,")  # "During the visit( to Riga),"
# "recently", "soon": the text dates the event only vaguely, so the event stays undated.
VAGUE = frozenset({"PAST_REF", "FUTURE_REF"})


@functools.cache
def _reporting() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A date that dates a report, not the event: right after a reporting verb ("said on
    Monday", "told Xinhua Tuesday"), before what the report says ("said Tuesday that"), right
    before the verb ("Officials on April 13 said the battalion will be stationed"), or ending a
    report that follows what it says ("..., reported the Baltic News Service on Wednesday.")."""
    verb = lexicon.filter_words("reporting")
    return (re.compile(verb + r"(?:\s+\w+|\s+(?:in|at)(?:\s+[A-Z][\w.-]*){1,3})?\s+(?:on\s+|late\s+|early\s+)?$",
                       re.IGNORECASE),
            re.compile(verb + r"[^.;]*\bthat\b", re.IGNORECASE),
            # "On Monday, officials said": a short subject may come between.
            re.compile(r"[\s,]*(?:(?:the|a|an|his|her|its|their|(?-i:[A-Z])[\w'’.-]*|officials?|sources?|"
                       r"diplomats?|spokes\w+|ministry|government|military|reporters?)\s+){0,4}?" + verb, re.IGNORECASE),
            # (its subject after it, a noun phrase without a verb of its own: the sentence ends at the date)
            re.compile(r",\s*" + verb + r"\s+(?:(?!that\b|(?-i:[a-z]+ed)\b)[\w'’.()-]+\s+){1,8}?(?:on\s+|late\s+|early\s+)?$",
                       re.IGNORECASE))

_RETURN_FROM = re.compile(r"\b(?:return(?:s|ed|ing)?|(?:came|come|comes|coming|got|gets|flew|flown|back)\s+(?:home|back))\s+"
                          r"(?:home\s+)?from\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


def attach_date(trigger: Trigger, triggers: list[Trigger], sentence: Sentence,
                 dates: list[TimeExpression], targets: list, others_places: list) -> TimeExpression | None:
    """The sentence's date for this trigger, or None.

    Skipped: dates that open a state ("since 2000"), date a report ("officials said Tuesday",
    "On Oct. 29, an official told Xinhua that ..."), a decision ("agreed on Thursday to meet") or a
    fronted clause ("After leaving Hanoi on Monday, ..."), sit past a verb that starts another
    predicate, or directly follow another trigger or its place ("a meeting on Tuesday", "a
    conference to be held in Hong Kong in December", "the summit scheduled for November 18").
    Preferred, in order: a specific date over "now"; a date right after the event's place ("in
    Astana on November 28"); one in the event's own relative clause ("which opens on Saturday");
    a date nearer this trigger than any other; the nearest. None when the trigger only names a
    stay that frames the clause ("During the visit, ... on Wednesday"). "soon" and "recently" are
    dates too, and they leave the event undated.
    """
    trigger_at = sentence.start + trigger.start
    # Not a place borrowed from another trigger's phrase before this one ("arrived in Samarkand on
    # Wednesday to attend the summit on Friday"): the date after it is that trigger's.
    place_ends = [anchor.end for anchor, _ in (t for t in targets if t)
                  if anchor.start > trigger_at or not any(sentence.start + t.end <= anchor.start for t in triggers)]
    if _is_state(trigger, sentence):
        # its stated start ("since August"), not a date of the relative clause on its place ("troops
        # in Darfur, where violence broke out in early 2003")
        dates = [d for d in dates if (d.value == "PRESENT_REF" or basis(d) == "explicit" and _STATED_START.search(
                     sentence.text, 0, d.start - sentence.start))
                 and not _RELATIVE_AFTER.search(text_between(sentence, sentence.start + trigger.end, d.start))]
    # "in the 21st century", "the 1990s": spans longer than a year date no event (§4 has no such row).
    dates = [d for d in dates if d.first is None or d.last is None or (d.last - d.first).days <= 366]
    if _RETURN_FROM.search(sentence.text, 0, trigger.start):
        # "met the generals late Wednesday on her return from a summit in Malaysia": what one comes
        # back from is over; the dates before it are the return's (§4)
        dates = [d for d in dates if d.start >= trigger_at]
    candidates = []
    asides = _asides(sentence.text)
    for date in dates:
        if _dates_something_else(date, trigger, triggers, sentence, asides):
            continue
        after_place = _right_after(date, place_ends, sentence)
        here_ends = _here_after(trigger, triggers, sentence) if trigger.type == "meeting" else []
        if not after_place and _right_after(date, [a.end for a in others_places] + here_ends, sentence) \
                and not _OPENED_BY.fullmatch(text_between(sentence, date.end, trigger_at)):
            continue
        distances = {id(t): _distance(date, sentence.start + t.start, sentence.start + t.end) for t in triggers}
        nearest_other = min((d for key, d in distances.items() if key != id(trigger)), default=None)
        claimed = nearest_other is not None and nearest_other < distances[id(trigger)]
        # "the summit, which opens on Saturday": the event's own relative clause dates it.
        own_clause = date.start > trigger_at and clauses.OWN_RELATIVE.match(
            text_between(sentence, sentence.start + trigger.end, date.start)) is not None
        key = (date.value == "PRESENT_REF", not after_place, not own_clause, claimed, distances[id(trigger)])
        candidates.append((key, date))
    if not candidates:
        return None
    best = min(candidates, key=lambda c: c[0])[1]
    if _frames_the_clause(trigger, sentence, best) or _named_ahead(trigger, sentence, best) \
            or _VISITING_ADJECTIVE.search(sentence.text, 0, trigger.end):
        return None  # "During the visit, she will hold talks on Wednesday": Wednesday is the talks'
    # "The 2006 summit, held here Thursday": a year naming the edition yields to its day.
    if best.granularity == "year" and _premodifies(best, sentence, trigger_at):
        finer = [d for _, d in candidates if d.granularity in ("day", "month")
                 and d.first is not None and best.first is not None and d.first.year == best.first.year]
        best = finer[0] if finer else best
    return None if best.value in VAGUE else best


def _dates_something_else(date: TimeExpression, trigger: Trigger, triggers: list[Trigger], sentence: Sentence,
                          asides: tuple[tuple[int, int], ...]) -> bool:
    """Whether the date belongs to another clause, phrase or event of the sentence than the
    trigger's own: an aside, a count from another event, "since", another clause, a report, a
    decision, a fronted clause, another trigger's phrase, or the other side of a quotation."""
    trigger_at = sentence.start + trigger.start
    asides = [(sentence.start + start, sentence.start + end) for start, end in asides]
    # "Ban, who will take up the post on January 1, is due to pay a courtesy call": the aside's date
    # and "Li, who is here on an official visit, met Basescu on Monday": Monday is the talks', not
    # the stay's (a gathering in the aside is where the subject acts: "Leaders, who gathered here
    # for a summit, lauded Tuesday ...")
    if any(start <= date.start < end and not start <= trigger_at < end
           or trigger.type == "visit" and start <= trigger_at < end and not start <= date.start < end
           for start, end in asides):
        return True
    # "arrived two days after taking office": counted from the event after it, not the arrival's;
    # and only from the event it names ("one day after the attack, followed by meetings")
    if _COUNTED_FROM_EVENT.search(date.text) and not _NOTHING_COUNTED_FROM.match(sentence.text, date.end - sentence.start) \
            and (date.start > trigger_at or not _NAMES_NEXT.fullmatch(
            sentence.text, date.end - sentence.start, trigger.start)):
        return True
    between = text_between(sentence, trigger_at, date.start)
    preceding = sentence.text[max(date.start - sentence.start - 24, 0): date.start - sentence.start]
    if trigger.type != "deployment" and not _visiting_since(trigger, sentence, date) \
            and (_SINCE.search(between) or _SINCE_BEFORE.search(preceding)
                                         and not _DATE_THEN_NOUN.fullmatch(sentence.text, date.end - sentence.start,
                                                                           trigger.start)):
        return True
    # A date inside another clause or phrase dates that, not this trigger: a stated start is
    # "since August", not "since Britain seized the territory in January 1841" (§4 ongoing states).
    # "an action plan for 2007-2009" covers a period, "the agenda for the July 21-23 G8 summit"
    # names the summit's days: a date premodifying the trigger is its own.
    # (the date's own words are not between: "two days before the summit" dates the summit)
    gap = text_between(sentence, trigger_at, date.end if date.end <= trigger_at else date.start)
    if _OTHER_CLAUSE.search(gap) or date.start > trigger_at and _WHILE_CLAUSE.search(gap) \
            or date.end <= trigger_at and _GERUND_CLAUSE.search(
            sentence.text, date.end - sentence.start, trigger.end) \
            or _covered_period().search(preceding) and not _premodifies(date, sentence, trigger_at):
        return True
    if _dates_a_report(date, trigger, sentence):
        return True
    # "has visited Riga and on Friday is set to address a forum": a date opening a second predicate
    if date.start > trigger_at and _AND_OPENS.search(sentence.text, 0, date.start - sentence.start) \
            and _PREDICATE_AFTER.match(sentence.text, date.end - sentence.start):
        return True
    # "41 billion dollars at its disposal for 2008-2011": a span of years is a period, no event's date
    if _YEAR_SPAN.search(sentence.text, max(0, date.start - sentence.start - 5), date.end - sentence.start + 5):
        return True
    if any(t.type != trigger.type and _follows(sentence, t, date) for t in triggers):
        return True
    # "After leaving Hanoi on Monday, Bush will end his tour in Indonesia": the fronted
    # clause's date is its own.
    fronted = _FRONTED_ING.match(sentence.text)
    if fronted and date.end - sentence.start <= fronted.end() <= trigger.start:
        return True
    # "agreed on Thursday to meet in Seoul", "agreed Wednesday on the need for the speedy
    # deployment": the date is the agreement's.
    if date.end <= trigger_at and _DECIDED_THEN_TO.fullmatch(sentence.text, date.end - sentence.start, trigger.start) \
            and _DECISION_VERB.search(sentence.text, max(0, date.start - sentence.start - 20), date.start - sentence.start):
        return True
    return _names_another_thing(date, sentence, trigger) or _quoted(sentence, date.start) != _quoted(sentence, trigger_at)


def _visiting_since(trigger: Trigger, sentence: Sentence, date: TimeExpression) -> bool:
    """ "has been visiting Pyongyang since Saturday": the stay's start (§4: a visit takes its start
    date); not "his 28th visit to Riga since 2000", a count."""
    return trigger.type == "visit" and date.start >= sentence.start + trigger.end \
        and _SINCE_AFTER_STAY.fullmatch(sentence.text, trigger.end, date.start - sentence.start) is not None \
        and not _COUNTED.search(sentence.text, 0, trigger.start)


@functools.lru_cache(maxsize=256)  # asked for each trigger of the same sentence
def _asides(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's closed asides about a person (", who ... ,")."""
    return tuple(m.span() for m in _ASIDE.finditer(text))


_SENTENCE_END = re.compile(r"\W*$")


def _dates_a_report(date: TimeExpression, trigger: Trigger, sentence: Sentence) -> bool:
    """ "officials said Tuesday", "told a briefing here Friday that Hu will pay a visit", "On
    Monday, officials said": the report's day; or the date sits past a verb that starts another
    predicate after the trigger."""
    trigger_at = sentence.start + trigger.start
    at_talks = clauses.REPORT_AT_TALKS.search(sentence.text, 0, trigger.start)
    if trigger.type == "meeting" and at_talks and sentence.start + at_talks.start() <= date.start and date.end <= trigger_at:
        return False  # "said here Tuesday in a meeting with": the report's day is the talks'
    between = text_between(sentence, trigger_at, date.start)
    preceding = sentence.text[max(date.start - sentence.start - 24, 0): date.start - sentence.start]
    reported_date, reported_that, reported_next, reported_after = _reporting()
    told_that = date.end <= trigger_at and _THAT_AFTER.match(sentence.text, date.end - sentence.start) \
        and reported_that.search(sentence.text, max(0, date.start - sentence.start - 40), date.end - sentence.start + 8)
    return bool(told_that or reported_date.search(preceding) or reported_that.search(between)
                or date.end <= trigger_at and reported_next.match(sentence.text, date.end - sentence.start)
                or date.start > trigger_at and reported_after.search(between)
                and _SENTENCE_END.match(sentence.text, date.end - sentence.start)
                or (date.start > trigger_at and trigger.type != "deployment"
                    and clauses.CLAUSE_VERB.search(text_between(sentence, sentence.start + trigger.end, date.start))))


# A year that premodifies a noun, with no preposition making it a time adjunct: "update 1978
# defence guidelines", "its 2004 election" (not "in 1998 amid protests").
_YEAR_ADJUNCT = re.compile(r"\b(?:in|of|since|by|from|until|till|to|through|during|after|before|around|"
                           r"early|late|mid|and|or)\s+$", re.IGNORECASE)
_LOWERCASE_WORD = re.compile(r"\s+(?-i:[a-z])")
_POSSESSIVE = re.compile(r"['’]s?\s")
_LOWERCASE_START = re.compile(r"(?-i:[a-z])")


# A happening that is no event of the guideline, named with its bare day right after it: "the
# disaster Friday", "Sunday's vote" is handled as a possessive.
_OTHER_HAPPENING = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:disaster|attacks?|bombings?|blasts?|explosions?|crash|accident|"
                              r"killings?|vote|elections?|referendum|clashes|fighting|earthquake|quake|storm|coup|raids?|"
                              r"ambush|shootings?|massacre|incidents?|riots?|protests?|strikes?|sinking|collision)\s+$",
                              re.IGNORECASE)


def _names_another_thing(date: TimeExpression, sentence: Sentence, trigger: Trigger) -> bool:
    """A bare year or a possessive day premodifying a noun other than the trigger names that thing
    ("work to update 1978 defence guidelines", "Tuesday's vote"), and so does a bare day right after
    a happening that is no event of its own ("the disaster Friday"): it does not date the event;
    "the 1998 (state) visit" and "Tuesday's talks" do; so does the noun a date is "of" ("the
    optimism of the day before"), unless it is the trigger ("the talks of the day before")."""
    trigger_at = sentence.start + trigger.start
    start, end = date.start - sentence.start, date.end - sentence.start
    if date.start > trigger_at and _OTHER_HAPPENING.search(sentence.text, max(0, start - 40), start):
        return True  # "the meeting seemed to clear the air clouded by the disaster Friday"
    if (noun := _OF_A_NOUN.search(sentence.text, 0, start)) and noun.start() >= trigger.end:
        return True
    if possessive := _POSSESSIVE.match(sentence.text, end):
        # "candidates running in Tuesday's vote": the day of the vote, unless the trigger is what
        # it owns ("Tuesday's talks", "Monday's two-day summit", "December's WTO talks")
        owned = sentence.text[possessive.end(): trigger_at - sentence.start]
        return not (trigger_at >= date.end and (len(owned.split()) <= 2 or not _LOWERCASE_START.match(owned)))
    if not re.fullmatch(r"\d{4}", date.text) or _YEAR_ADJUNCT.search(sentence.text[:start]) \
            or not _LOWERCASE_WORD.match(sentence.text, end):
        return False
    return not (trigger_at >= date.end and len(sentence.text[end: trigger_at - sentence.start].split()) <= 2)


def _premodifies(date: TimeExpression, sentence: Sentence, trigger_at: int) -> bool:
    """ "the July 21-23 Group of Eight summit", "the 2006 annual summit": the date comes right
    before the trigger, with only modifier words (no punctuation) between."""
    gap = sentence.text[date.end - sentence.start: trigger_at - sentence.start]
    return trigger_at >= date.end and len(gap.split()) <= 4 and re.fullmatch(r"[\w\s'’-]*", gap) is not None


def _quoted(sentence: Sentence, position: int) -> bool:
    """Whether an article offset lies inside a quotation of a few words or more: a quoted "now" is
    the speaker's, and a date outside the quotation does not date what the speaker says. Scare
    quotes around a word or two ('profits were "squeezed" in 1989') quote nothing."""
    offset = position - sentence.start
    return any(start <= offset < end and len(sentence.text[start:end].split()) > 3
               for start, end in _quotations(sentence.text))


@functools.lru_cache(maxsize=256)  # asked for each date and trigger of the same sentence
def _quotations(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's quotations; one left open runs to the end of the sentence,
    and a closing mark with no opening one closes a quotation begun in an earlier sentence."""
    spans, opened = [], None
    for mark in re.finditer(r'["“”]', text):
        if opened is None and mark.group() != "”":
            opened = mark.start()
        elif opened is None:
            spans.append((0, mark.end()))
        else:
            spans.append((opened, mark.end()))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return tuple(spans)


def _is_state(trigger: Trigger, sentence: Sentence) -> bool:
    """ "US troops in Japan", "troops are stationed in": forces named where they are, with no verb
    moving them there, are an ongoing state (GUIDELINES §4). The news day's weekday dates what is
    reported of them, not the state; "now" dates it, and so does a calendar date, its stated start."""
    if re.search(r"\bbeing\s+$", sentence.text[: trigger.start]):
        return False  # "missiles are being stationed ... on Monday": a move under way
    return trigger.type == "deployment" and (trigger.needs_place or trigger.text.lower().startswith("station")) \
        and _movement().search(sentence.text) is None and _sighting().search(sentence.text) is None


@functools.cache
def _movement() -> re.Pattern[str]:
    return re.compile(lexicon.filter_words("movement"), re.IGNORECASE)


@functools.cache
def _sighting() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.filter_words("sighting") + r"\b", re.IGNORECASE)


@functools.cache
def _covered_period() -> re.Pattern[str]:
    """ "an action plan for 2007-2009", "the agreement of 1998": the period a document covers."""
    return re.compile(lexicon.filter_words("covered_period") + r"\s+(?:for|of)\s+(?:the\s+)?(?:\d{4}\s*[-–]\s*)?$",
                      re.IGNORECASE)


def own_date(anchor_end: int, dates: list[TimeExpression], sentence: Sentence) -> TimeExpression | None:
    """The date right after one of a trigger's coordinated places ("visited Kenya on Monday and
    Uganda on Tuesday"): that place's own, for its own event (§1: different dates, different events)."""
    return next((d for d in dates if d.value not in VAGUE and _right_after(d, [anchor_end], sentence)), None)


_HERE = re.compile(r"\s+here\b")
# What a gathering opens shares its day: "gathered in Hanoi Friday, kicking off the CEO Summit".
_OPENED_BY = re.compile(r",?\s+(?:kicking off|opening|launching)\s+(?:[\w().'’-]+\s+){0,8}", re.IGNORECASE)


def _here_after(trigger: Trigger, triggers: list[Trigger], sentence: Sentence) -> list[int]:
    """Where "here" right after an earlier arrival ends: the date after it is that trigger's, as after
    its named place ("arrived here Tuesday for talks": Tuesday is the arrival's, and the talks take
    the stay's month). (Not for a visit or a summit the arrival is for: "arrived here Thursday for a
    visit" is that visit's arrival.)"""
    ends = []
    for other in triggers:
        here = _HERE.match(sentence.text, other.end) if other.type == "visit" and other.end <= trigger.start else None
        if here:
            ends.append(sentence.start + here.end())
    return ends


def _right_after(date: TimeExpression, place_ends: list[int], sentence: Sentence) -> bool:
    return any(0 <= date.start - end <= 12 and _PLACE_THEN_DATE.fullmatch(
        text_between(sentence, end, date.start)) for end in place_ends)


def _follows(sentence: Sentence, trigger: Trigger, date: TimeExpression) -> bool:
    """ "a meeting on Tuesday": the date is bound to that trigger."""
    gap = sentence.text[trigger.end: date.start - sentence.start]
    # (not a possessive date, which belongs to what it owns: "met at last week's summit")
    return date.start - sentence.start >= trigger.end and (_PLACE_THEN_DATE.fullmatch(gap) is not None
                                                           or _SCHEDULED.fullmatch(gap) is not None) \
        and not _POSSESSIVE.match(sentence.text, date.end - sentence.start)


def _distance(date: TimeExpression, start: int, end: int) -> int:
    """Characters between the date and the trigger's span (0 when they overlap)."""
    return max(date.start - end, start - date.end, 0)


def text_between(sentence: Sentence, first: int, second: int) -> str:
    """The sentence's text between two article offsets, in either order."""
    low, high = sorted((first, second))
    return sentence.text[max(low - sentence.start, 0): high - sentence.start]


def basis(date: TimeExpression) -> str:
    """ "explicit" when the text names the calendar date ("December 3", "May 2024"), even if the
    year is inferred; "relative" when it is computed from the anchor ("Tuesday", "last year")."""
    return "explicit" if _CALENDAR_WORD.search(date.text) else "relative"


def on_news_day(date: TimeExpression, article: Article) -> bool:
    """The publication day or the day before, a story filed about yesterday (GUIDELINES §3.4 b:
    "the news day or days"); not the day after: talks "tomorrow" may be where the actors travel to."""
    if article.published is None or date.first is None:
        return False
    return -1 <= (date.first - article.published).days <= 0 and date.granularity == "day"


def _named_ahead(trigger: Trigger, sentence: Sentence, date: TimeExpression) -> bool:
    """ "spoke with Bush late Tuesday in preparation for the trip": a stay named as what comes
    after the clause's event takes none of its dates, only one right after it ("ahead of the
    visit on Friday")."""
    if trigger.type != "visit" or not _AHEAD_OF.search(sentence.text, 0, trigger.start):
        return False
    return not (date.start >= sentence.start + trigger.end
                and _DATE_AFTER_STAY.fullmatch(sentence.text, trigger.end, date.start - sentence.start))


def _frames_the_clause(trigger: Trigger, sentence: Sentence, date: TimeExpression) -> bool:
    """An event named in a fronted frame ("During the visit, ...", "Following a meeting in Geneva,
    the ministers pledged ... by July") with the date past the frame's comma: the date is the
    main clause's, not the framed event's."""
    frame = STAY.search(sentence.text, 0, trigger.end)
    if (frame is None or frame.end() != trigger.end) and not _FRONTED.match(sentence.text[: trigger.start]):
        return False
    comma = _FRAME_END.match(sentence.text, trigger.end)
    return comma is not None and date.start >= sentence.start + comma.end()
