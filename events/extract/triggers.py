"""Event triggers: which words in a sentence report a meeting, visit, summit, deployment or exercise.

Follows the annotation guideline in shared/eval/events/GUIDELINES.md: negated, hypothetical and
merely proposed events are not events, and neither are domestic meetings or press conferences.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from types import SimpleNamespace

from events.extract import lexicon

# "American forces could be in the gulf region": the modal follows the trigger.
_MODAL_AFTER = re.compile(r"\s+(?:could|might|may|would|should)\b")
_IN_NAME = re.compile(r"(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)")
# "monitors are not slated to arrive before next month": a time, not a negation.
_NOT_UNTIL = re.compile(r"^[^.;,]{0,40}?\b(?:until|before|till)\b", re.IGNORECASE)
# The unreal cue counts only inside the trigger's clause: after the last clause break, which is a
# semicolon or colon, a quotation mark, a comma opening a coordinated clause, or a subordinating
# word that opens a clause of its own ("did not improve although he made a trip").
_CLAUSE_BREAK = re.compile(r"[;:\"“”]|,\s+(?:while|but|and|as|after|before|when|where|which)\b|"
                           r"\b(?:that|although|though|because|since|when|whereas|after|before|while|who|which)\b",
                           re.IGNORECASE)


def cameo(event_type: str) -> str:
    """The CAMEO code of an event type (lexicon/types.toml)."""
    return lexicon.cameo_codes()[event_type]


def is_ship(trigger: Trigger) -> bool:
    """Whether the trigger is a ship noun: a warship's port call is a visit (GUIDELINES §1)."""
    return trigger.needs_place and lexicon.ship_nouns().fullmatch(trigger.text) is not None


@functools.cache
def _filters() -> SimpleNamespace:
    """The trigger filters, compiled once from the lexicon tables."""
    force = lexicon.force_nouns()
    return SimpleNamespace(
        # "UN monitors are to start arriving in Nepal", "Stealth fighters headed to Saudi Arabia":
        # forces on the move are deployed, not visiting. Warships are the exception: a warship's
        # arrival or port call is a visit (GUIDELINES §1).
        motion=re.compile(lexicon.filter_words("motion"), re.IGNORECASE),
        forces_arriving=re.compile(r"\b(?!" + lexicon.ship_nouns().pattern + r"\b)(?:" + force
                                   + r"|fighters|bombers|jets|warplanes)\b(?:\s+\S+){0,6}\s*$", re.IGNORECASE),
        # The word right before a meeting word that makes it domestic ("the cabinet meeting").
        not_a_meeting=re.compile(r"(?<![\w-])" + lexicon.filter_words("domestic_meeting") + r"\s+$", re.IGNORECASE),
        # "meet a NATO request", "met with outrage": a requirement or a reaction, not a meeting.
        not_met=re.compile(r"^\s+(?:(?:a|an|the|its|their|his|her|this|these)\s+(?:[\w-]+\s+){0,4}?"
                           + lexicon.filter_words("met_requirement") + r"|(?:with|by)\s+(?:\w+\s+)?"
                           + lexicon.filter_words("reaction") + ")", re.IGNORECASE),
        speaks=re.compile(lexicon.filter_words("speaking"), re.IGNORECASE),
        not_an_exercise=re.compile(r"^\s+" + lexicon.filter_words("exercise_of"), re.IGNORECASE),
        combat=re.compile(lexicon.filter_words("combat"), re.IGNORECASE),
        targeted=re.compile(lexicon.filter_words("targeted") + r"\s+(?:[\w,]+\s+){0,4}$", re.IGNORECASE),
        unreal=re.compile(lexicon.modality_cues() + r"[^;]*$", re.IGNORECASE),
        # Denied after the fact: "the visit to the capital was cancelled".
        denied_after=re.compile(r"[^.;]{0,60}?\b(?:was|were|is|are|has been|have been|had been|will be)\s+"
                                + lexicon.modality_cues(after=True), re.IGNORECASE),
    )


@dataclass(frozen=True)
class Trigger:
    """A word or phrase in a sentence reporting an event of ``type``: ``sentence[start:end]``."""

    type: str
    start: int
    end: int
    text: str
    needs_place: bool


def find_triggers(sentence: str) -> list[Trigger]:
    """The sentence's event triggers in order, without overlaps and without unreal events."""
    filters = _filters()
    found: list[Trigger] = []
    for row in lexicon.trigger_patterns():
        for match in row.pattern.finditer(sentence):
            trigger = Trigger(row.type, match.start(), match.end(), match.group(), row.needs_place)
            if _overlaps(trigger, found) or not _counts(trigger, sentence, filters):
                continue
            if row.type == "visit" and filters.forces_arriving.search(sentence[: trigger.start]) \
                    and filters.motion.match(trigger.text):
                trigger = Trigger("deployment", trigger.start, trigger.end, trigger.text, False)
            found.append(trigger)
    return sorted(found, key=lambda t: t.start)


def _overlaps(trigger: Trigger, found: list[Trigger]) -> bool:
    return any(t.start < trigger.end and trigger.start < t.end for t in found)


def _counts(trigger: Trigger, sentence: str, filters: SimpleNamespace) -> bool:
    before, after = sentence[: trigger.start], sentence[trigger.end:]
    # "the Visiting Forces Agreement", "the Meeting Point Committee": a capitalised word inside a
    # name mid-sentence names a thing, not an event; a named summit is still a summit.
    if trigger.type != "summit" and _IN_NAME.match(trigger.text + after) and before.strip() \
            and not _title_case(sentence):
        return False
    if trigger.type == "meeting" and (filters.not_a_meeting.search(before) or filters.not_met.match(after)
                                      or filters.speaks.match(trigger.text + after)):
        return False
    if trigger.type == "exercise" and filters.not_an_exercise.match(after):
        return False
    if trigger.type == "deployment" and (filters.combat.search(sentence) or filters.targeted.search(before)):
        return False
    # "Salt trucks have been deployed", "police were deployed": only armed forces deploy (§1).
    if trigger.type == "deployment" and not lexicon.military_words().search(sentence):
        return False
    return not (is_unreal(sentence, trigger.start) or filters.denied_after.match(after)
                or _MODAL_AFTER.match(after))


def _title_case(sentence: str) -> bool:
    """A headline that capitalises every word ("Leaders Meet In Minsk")."""
    words = [w for w in sentence.split() if w[:1].isalpha() and len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words)


def is_unreal(sentence: str, position: int) -> bool:
    """Whether the clause leading up to ``position`` negates, conditions or only proposes it."""
    before = sentence[:position]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    unreal = _filters().unreal.search(clause)
    _IN_NAME = re.compile(r"(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)")
# "monitors are not slated to arrive before next month": a time, not a negation.
    return bool(unreal) and not (unreal.group().lower().startswith(("not", "n't"))
                                 and _NOT_UNTIL.search(sentence[position:]))
