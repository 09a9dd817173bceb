"""Reports that name an event again across sentences ("met on Tuesday. The meeting was held at
Erez."): one event, with the place of one report and the date of the other (GUIDELINES §2: the
date may come from another sentence that refers to the same event)."""

from __future__ import annotations

import re
from dataclasses import replace

from events.extract import dedupe
from events.model import Event

# The event types that happen where their actors gather.
GATHERINGS = frozenset({"meeting", "summit", "exercise"})
# A definite or possessive noun phrase before a trigger names an event again ("the meeting", "The
# December visit", "Putin's trip", "the most recent major exercise").
# The words between are modifiers, not a verb ("The ministers held talks" introduces them) nor a
# subject ("Later in the day he met": a clause of its own).
REFERS_BACK = re.compile(r"\b(?:the|this|that|these|those|his|her|their|its|our|(?-i:[A-Z]\w+)['’]s?)\s+"
                         r"(?:(?!(?:held|hold|holds|holding|began|begins|made|make|makes|had|has|have|"
                         r"will|would|is|are|was|were|he|she|they|we|it|\w+ed)\b)[\w-]+\s+){0,3}$", re.IGNORECASE)
_ANTECEDENT_REACH = 400  # characters back to the report a gathering named again refers to
_HELD_BEFORE = re.compile(r"\b(?:opened|opens|began|begins|convened|held|holds|hosted|hosts|attended|closed|ended)\s+"
                          r"(?:the|their|its|this)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# "The two leaders held several hours of negotiations in Gaza City": the parties of the talks just
# reported, named again as the subject of their talks.
_THE_SAME_PARTIES = re.compile(r"^(?:The|Both)\s+(?:two\s+)?(?:leaders|sides|presidents|ministers|premiers|delegations|"
                               r"envoys|negotiators)\s+(?:also\s+)?(?:held|had)\s+(?:[\w-]+\s+){0,4}$")
# A date that names its day ("Nov. 4", "on Saturday"), not "the current state of relations".
_NAMED_DAY = re.compile(r"\d|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
# The predicate saying where or when a gathering named again happens: "was held at", "will open on".
_HELD = re.compile(r"[^,;.]{0,30}?\b(?:(?:was|were|is|are|will be|would be|to be)\s+(?:held|hosted|staged|convened)|"
                   r"(?:took|takes|will take|to take) place|(?:will\s+)?(?:open|opens|opened|begin|begins|began|"
                   r"start|starts|started|convene|convenes|convened|end|ends|ended|close|closes|closed|"
                   r"conclude|concludes|concluded))\b", re.IGNORECASE)


def named_again(events: list[Event], dateline_place: str) -> list[Event]:
    """ "Netanyahu and Arafat met on Tuesday. The meeting was held at Erez.": a gathering named
    again with the place the first report lacked is one event, at that place on the first
    report's date (§2: the date may come from another sentence that refers to the same event)."""
    kept = list(events)
    for event in events:
        before = event.evidence[: event.trigger_span.start]
        if event.type not in GATHERINGS or dedupe.is_plural(event) \
                or not (REFERS_BACK.search(before) and (_HELD.match(event.evidence, event.trigger_span.end)
                                                        or _HELD_BEFORE.search(before))
                        or _THE_SAME_PARTIES.search(before)):
            continue
        if event.date_start is not None and not event.place_id and _NAMED_DAY.search(event.date_text):
            # "The Beijing summit will mark a new start. The two-day summit will open on Nov. 4."
            placed = [e for e in kept if e.type == event.type and e.place_id and e.date_start is None
                      and 0 < event.evidence_start - e.evidence_start <= _ANTECEDENT_REACH]
            if placed:
                first = placed[-1]
                kept[kept.index(first)] = replace(first, date_start=event.date_start, date_end=event.date_end,
                                                  date_granularity=event.date_granularity,
                                                  date_basis=event.date_basis, date_text=event.date_text)
                kept.remove(event)
            continue
        if event.date_start is not None or not event.place_id or event.place_span is None:
            continue
        # the first report placed only by the context: the trip's or the dateline's place
        earlier = [e for e in kept if e.type == event.type and e.date_start is not None
                   and (e.place_span is None or e.place_id == dateline_place != event.place_id)
                   and 0 < event.evidence_start - e.evidence_start <= _ANTECEDENT_REACH]
        if earlier:
            first = earlier[-1]
            kept[kept.index(event)] = replace(event, date_start=first.date_start, date_end=first.date_end,
                                              date_granularity=first.date_granularity, date_basis=first.date_basis,
                                              date_text=first.date_text)
            kept.remove(first)
    return kept
