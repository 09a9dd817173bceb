"""Event triggers: which words in a sentence report a meeting, visit, summit, deployment or exercise.

Follows the annotation guideline in shared/eval/events/GUIDELINES.md: negated, hypothetical and
merely proposed events are not events, and neither are domestic meetings or press conferences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# CAMEO codes: 040 consult, 042 make a visit, 044 meet at a third location (summits),
# 152 increase military alert status (exercises), 154 mobilize or increase armed forces.
CAMEO = {"meeting": "040", "visit": "042", "summit": "044", "deployment": "154", "exercise": "152"}

# Units, people and hardware whose presence somewhere is a deployment ("a Polish brigade near
# Brest", "US troops in Japan"). Matched as a trigger only when a place is attached to it.
FORCE_NOUN = (
    # Longer phrases first: the regex takes the first alternative that matches.
    r"(?:(?:missile|air defen[cs]e|defen[cs]e) systems|missile base|"
    r"military presence|(?:armed |military )?forces|"
    r"troops|soldiers|servicemen|brigades?|battalions?|divisions?|regiments?|contingent|"
    r"peacekeepers|monitors|marines|paratroopers|(?:monitoring|peacekeeping|military) mission|"
    r"warships?|ships|vessels|frigates?|destroyers?|submarines?|aircraft carriers?|missiles?|"
    # "health systems" are not weapons: systems only when a weapon names them.
    r"(?:S-\d+|Iskander|Patriot|THAAD|weapons?|rocket|radar)\s+systems)"
)

_I = re.IGNORECASE
# (type, pattern, needs_place). needs_place: the word alone is too vague to be an event mention
# unless a place is attached to it in the same sentence.
_TRIGGERS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # "Supreme State Council": a leaders-level session of a union is a summit (GUIDELINES §1).
    ("summit", re.compile(r"\b[Ss]ummits?\b(?: meetings?)?|\bSupreme State Council\b"), False),
    ("exercise", re.compile(r"\b(?:military |joint |naval |war )?(?:exercises?|drills?|maneuvers|"
                            r"manoeuvres|war games|wargames)\b|\btest[- ]fir(?:ed|ing|es)\b", _I), False),
    ("deployment", re.compile(r"\b(?:re)?deploy(?:s|ed|ing|ment|ments)?\b|\bstation(?:ed|ing)\b|"
                              r"\b(?:sent|send|sending|dispatch(?:ed|ing)?)\b(?= [^.;]{0,40}?"
                              + FORCE_NOUN + r")", _I), False),
    ("deployment", re.compile(r"\b" + FORCE_NOUN + r"\b", _I), True),
    ("visit", re.compile(r"\bvisit(?:s|ed|ing)?\b|\btrips?\b(?! around)|\btour(?:s|ed|ing)?\b(?= (?:of|to|in)\b)|"
                         r"\barriv(?:e|es|ed|ing|al)\b(?= (?:\w+ ){0,3}?(?:in|at)\b)|"
                         r"\b(?:travel(?:s|ed|led|ing|ling)?|fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?|"
                         r"came|come|comes|going|goes|went) to\b(?= (?:the )?(?-i:[A-Z]))|"
                         r"\b(?:due|be|(?:is|are|was|were) (?:now|currently)) in\b|\bport call\b|\bstopover\b|"
                         r"\bdock(?:s|ed|ing)?\s+(?:in|at)\b|"
                         r"\b(?:his|her|their|the|a)\s+(?:[\w-]+\s+)?stay in\b|\b(?:has|have|had)\s+(?:already\s+)?been\s+in\b|"
                         r"\bproceed(?:s|ed|ing)?\s+to\b|"
                         r"\bsen[dt](?:s|ing)?\s+(?:a|an|the|his|her|its|their)\s+(?:\w+\s+){0,2}?"
                         r"(?:delegation|envoy|team)\b", _I), False),
    # "would be met on arriving", "was met with outrage": a greeting or a reaction, not talks.
    ("meeting", re.compile(r"(?<!\bbe )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )\bmet\b|\bmeet(?:s|ing|ings)?\b|\btalks\b|\bdiscussions\b|"
                           r"\baudience with\b|\bcourtesy call\b|"
                           r"\b(?:working )?(?:lunch|dinner|breakfast) with\b|"
                           r"\bhost(?:s|ed|ing)?\b(?= (?:talks|(?-i:[A-Z])))|\bconven(?:e|es|ed|ing)\b|"
                           r"\bconferred\b|\bconsultations\b|\bnegotiations\b|\bsession\b|"
                           r"\b(?:ministerial )?conference\b", _I), False),
)

# "UN monitors are to start arriving in Nepal", "Stealth fighters headed to Saudi Arabia": forces on
# the move are deployed, not visiting.
_MOTION = re.compile(r"arriv|travel|fl[yie]|head|came|come|going|goes|went|proceed", re.IGNORECASE)
# Warships are the exception: a warship's arrival or port call is a visit (GUIDELINES §1).
_FORCES_ARRIVING = re.compile(r"\b(?!(?:war)?ships?\b|vessels?\b|frigates?\b|destroyers?\b|submarines?\b|"
                              r"aircraft carriers?\b)(?:" + FORCE_NOUN + r"|fighters|bombers|jets|warplanes)\b"
                              r"(?:\s+\S+){0,6}\s*$", re.IGNORECASE)
SHIP = re.compile(r"(?:war)?ships?|vessels?|frigates?|destroyers?|submarines?|aircraft carriers?", re.IGNORECASE)
# Words before a meeting trigger that make it domestic or not a meeting between parties.
_NOT_A_MEETING = re.compile(
    r"\b(?:cabinet|board|shareholders'?|party|press|news|video|phone|telephone|parliamentary|committee|staff|"
    r"general|annual|plenary|council)\s+$", re.IGNORECASE)
# "meet a NATO request", "meet the deadline": meeting a requirement is not a meeting.
_NOT_MET = re.compile(
    r"^\s+(?:(?:a|an|the|its|their|his|her|this|these)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:requests?|demands?|deadlines?|targets?|needs|goals?|criteria|requirements?|"
    r"standards?|expectations?|conditions|obligations?|challenges?|response|resistance|"
    r"opposition|fate|end|approval|success|failure|costs?|payments?)\b|"
    # "The decision was met with outrage": a reaction, not a meeting.
    r"(?:with|by)\s+(?:\w+\s+)?(?:outrage|criticism|protests?|s[ck]epticism|approval|resistance|"
    r"opposition|silence|anger|derision|dismay|concern|applause|cheers|disbelief|relief|caution|"
    r"hostility|indifference|enthusiasm|suspicion)\b)", re.IGNORECASE)
# "she sometimes talks to family members": the verb, not talks between parties.
_SPEAKS = re.compile(r"talks\s+(?:to|about)\b", re.IGNORECASE)
# Uses of "exercise" that are not military ("exercise restraint", "exercise its right").
_NOT_AN_EXERCISE = re.compile(r"^\s+(?:restraint|caution|its|their|his|her|the right|power|control|"
                              r"influence|patience|leverage|option)\b", re.IGNORECASE)
# Ships "hit in the Gulf", troops "killed in": combat and attacks are not deployments (GUIDELINES §1).
_COMBAT = re.compile(r"\b(?:hit|attack(?:ed|s)?|struck|sunk|sank|shelled|bombed|bombing|killed|wounded|"
                     r"clash(?:ed|es)|fought|fighting|withdr(?:aw|ew|awn|awal)|pull(?:ed)? out|"
                     r"launched|fired|(?:air)?strikes?|retaliat\w*)\b", re.IGNORECASE)
# Words that make a sentence military; "ships", "vessels" and "forces" alone do not ("cargo was
# unloaded from ships", "market forces").
_MILITARY = re.compile(r"\b(?:military|army|navy|naval|air force|marines?|soldiers?|troops?|warships?|"
                       r"brigades?|battalions?|divisions?|regiments?|contingents?|peacekeep\w*|monitors|"
                       r"missiles?|defen[cs]e|armed|Pentagon|destroyers?|frigates?|submarines?|"
                       r"aircraft carriers?|jets?|fighters?|bombers?|squadrons?|NATO|Gurkhas?|"
                       r"armou?red|tanks|artillery|servicemen|paratroopers|weapons?|S-\d+|Iskander|"
                       r"Patriot|THAAD)\b", re.IGNORECASE)
# "operating against forces inside Iraq": forces someone fights are not deployed by the text.
_TARGETED = re.compile(r"\b(?:against|attack(?:ing|ed)?|fight(?:ing)?|target(?:ing|ed)?|confront(?:ing|ed)?)"
                       r"\s+(?:[\w,]+\s+){0,4}$", re.IGNORECASE)
# Cues in the clause before a trigger that make the event negated, hypothetical or only wished for.
_UNREAL = re.compile(
    r"\b(?:not|n't|never|no plans?|cancel(?:l?ed|s)?|scrap(?:ped|s)?|called off|call off|"
    r"ruled out|rule out|refus(?:ed|es)|declin(?:ed|es)|postpone[ds]?|"
    r"hope[sd]? to|hoping to|want(?:s|ed)? (?:\w+\s+){0,5}?to|would like to|wish(?:es|ed)? to|"
    r"warn(?:s|ed|ing)?|interest in|interested in|willing(?:ness)? to|ready to|readiness to|"
    r"prepared to|offer(?:s|ed)? to|"
    r"propos(?:ed|es|al)|suggest(?:ed|s)|invit(?:ed|es|ation)|urg(?:ed|es)|"
    r"aim(?:s|ed|ing)? to|intend(?:s|ed|ing)? to|"
    r"if|unless|whether|could|might|(?-i:may)|possible|possibly|potential|eventual|eventually)\b[^;]*$",
    re.IGNORECASE,
)
# Denied after the fact: "a visit to Syria during the trip was not on the agenda".
_DENIED_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:was|were|is|are|has been|have been|had been|will be)\s+(?:not|never|"
    r"cancel+ed|called off|postponed|scrapped|ruled out)\b|[^.;]{0,60}?\bnot on the agenda\b",
    re.IGNORECASE)
# "American forces could be in the gulf region": the modal follows the trigger.
_MODAL_AFTER = re.compile(r"\s+(?:could|might|may|would)\b")
_NOT_UNTIL = re.compile(r"^[^.;,]{0,40}?\b(?:until|before|till)\b", re.IGNORECASE)
# The unreal cue counts only inside the trigger's clause: after the last clause break.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:while|but|and|as|after|before|when|where|which)\b|\bthat\b")


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
    found: list[Trigger] = []
    for kind, pattern, needs_place in _TRIGGERS:
        for match in pattern.finditer(sentence):
            trigger = Trigger(kind, match.start(), match.end(), match.group(), needs_place)
            if _overlaps(trigger, found) or not _counts(trigger, sentence):
                continue
            if kind == "visit" and _FORCES_ARRIVING.search(sentence[: trigger.start]) \
                    and _MOTION.match(trigger.text):
                trigger = Trigger("deployment", trigger.start, trigger.end, trigger.text, False)
            found.append(trigger)
    return sorted(found, key=lambda t: t.start)


def _overlaps(trigger: Trigger, found: list[Trigger]) -> bool:
    return any(t.start < trigger.end and trigger.start < t.end for t in found)


def _counts(trigger: Trigger, sentence: str) -> bool:
    before = sentence[: trigger.start]
    if trigger.type == "meeting" and (_NOT_A_MEETING.search(before)
                                      or _NOT_MET.match(sentence[trigger.end:])
                                      or _SPEAKS.match(trigger.text + sentence[trigger.end:])):
        return False
    if trigger.type == "exercise" and _NOT_AN_EXERCISE.match(sentence[trigger.end:]):
        return False
    if trigger.type == "deployment" and (_COMBAT.search(sentence) or _TARGETED.search(before)):
        return False
    # "Salt trucks have been deployed", "police were deployed": only armed forces deploy (§1).
    if trigger.type == "deployment" and not _MILITARY.search(sentence):
        return False
    after = sentence[trigger.end:]
    return not (is_unreal(sentence, trigger.start) or _DENIED_AFTER.match(after) or _MODAL_AFTER.match(after))


def is_unreal(sentence: str, position: int) -> bool:
    """Whether the clause leading up to ``position`` negates, conditions or only proposes it."""
    before = sentence[:position]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    unreal = _UNREAL.search(clause)
    # "monitors are not slated to arrive before next month": a time, not a negation.
    return bool(unreal) and not (unreal.group().lower().startswith(("not", "n't"))
                                 and _NOT_UNTIL.search(sentence[position:]))
