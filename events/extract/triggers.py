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
from gazetteer.wordlists import CALENDAR_WORDS

# "American forces could be in the gulf region": the modal follows the trigger.
_MODAL_AFTER = re.compile(r"\s+(?:could|might|may|would|should)\b")
# Cues that deny the event outright (GUIDELINES §1: negated, cancelled, ruled out): never kept.
_DENIALS = frozenset({"unreal:negation", "unreal:cancellation", "unreal:refusal", "unreal:governing",
                      "denied_after", "conditional_after"})
# "held talks with Lagos by telephone": a phone call, no meeting (§1).
_BY_PHONE = re.compile(r"^[^.;]{0,80}?\b(?:by|over the|on the)\s+(?:tele)?phone\b", re.IGNORECASE)
# "would send troops to Kuwait if needed": a condition after the event (§1: conditional events).
# ... and "will visit India only if he can meet Singh", "provided that", "on condition that".
_IF_NEEDED = re.compile(r"^(?:(?!,\s*(?:and|but|while)\b)[^.;])*?\b(?:(?:if|when|where)\s+(?:needed|necessary|required|"
                        r"requested)|only\s+if|provided\s+that|on\s+(?:the\s+)?condition\s+that)\b", re.IGNORECASE)
# How many words may separate a modality cue from the trigger it governs ("proposed a meeting").
_GOVERNING_WORDS = 3
# A capitalised trigger followed by another capitalised word is part of a name.
_IN_NAME = re.compile(r"(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)")
_SUMMIT_IN_NAME = re.compile(r"\s+(?!(?:Meetings?|Conference|Talks)\b)((?-i:[A-Z][a-z]+))")
# "monitors are not slated to arrive before next month": a time, not a negation.
_NOT_UNTIL = re.compile(r"^[^.;,]{0,40}?\b(?:until|before|till)\b", re.IGNORECASE)
# The unreal cue counts only inside the trigger's clause: after the last clause break, which is a
# semicolon or colon, a quotation mark, a comma opening a coordinated clause, or a subordinating
# word that opens a clause of its own ("did not improve although he made a trip").
_CLAUSE_BREAK = re.compile(r"[;:\"“”]|,\s+(?:while|but|and|as|after|before|when|where|which)\b|"
                           r"\b(?:that|although|though|because|since|when|whereas|after|before|while|who|which|but)\b",
                           re.IGNORECASE)


_SUBORDINATORS = frozenset({"although", "though", "because", "since", "when", "whereas", "after", "before", "while"})


def cameo(event_type: str) -> str:
    """The CAMEO code of an event type (lexicon/types.toml)."""
    return lexicon.cameo_codes()[event_type]


def ships_moving(trigger: Trigger, sentence: str) -> bool:
    """Whether a visit word's subject is ships ("Two warships arrived in"): at a port that is a port
    call, at sea a deployment (GUIDELINES §1)."""
    return _filters().motion.search(trigger.text) is not None \
        and _filters().ships_arriving.search(sentence[: trigger.start]) is not None


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
        forces_arriving=re.compile(r"(?<!-)\b(?!" + lexicon.ship_nouns().pattern + r"\b)(?:" + force
                                   + r"|fighters|bombers|jets|warplanes|tanks|armou?red vehicles|helicopter gunships"
                                   r"|military (?:transport )?(?:planes?|aircraft|helicopters?))\b,?"
                                   r"(?:\s+\S+){0,6}\s*$", re.IGNORECASE),
        ships_arriving=re.compile(r"(?<!-)\b(?:" + lexicon.ship_nouns().pattern + r")\b,?(?:\s+\S+){0,6}\s*$",
                                  re.IGNORECASE),
        # The word right before a meeting word that makes it domestic ("the cabinet meeting").
        not_a_meeting=re.compile(r"(?<![\w-])" + lexicon.filter_words("domestic_meeting") + r"['’]?\s+$", re.IGNORECASE),
        # "meet a NATO request", "met with outrage", "met with his aides": a requirement, a reaction,
        # the leader's own staff or a crowd, not a meeting between parties.
        not_met=re.compile(r"^\s+(?:(?:(?:a|an|the|its|their|his|her|this|these)\s+(?:[\w-]+\s+){0,4}?|(?-i:[a-z][\w-]*\s+)?)"
                           + lexicon.filter_words("met_requirement") + r"|(?:(?-i:[a-z][\w-]*\s+){1,2})?(?:with|by)\s+(?:\w+\s+)?"
                           + lexicon.filter_words("reaction") + r"|with\s+(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
                           + lexicon.filter_words("own_staff")
                           # "met students", "met with reporters": a crowd is no party to talks
                           + r"|(?:with\s+)?(?:(?:the|some|local|a\s+group\s+of|[\w-]+)\s+){0,2}?"
                           + lexicon.filter_words("crowd") + r"\b)", re.IGNORECASE),
        speaks=re.compile(lexicon.filter_words("speaking"), re.IGNORECASE),
        # (not when a subject of its own comes between: "told reporters he would meet")
        crowd=re.compile(lexicon.filter_words("crowd") + r"(?:\s+(?!(?:he|she|they|we|that)\b)\S+){0,4}\s+$", re.IGNORECASE),
        travelling_crowd=re.compile(r"\b(?:" + lexicon.filter_words("travelling_crowd") + "|" + lexicon.filter_words("cargo")
                                    + r")(?:\s+\S+){0,6}\s+$", re.IGNORECASE),
        not_forces=re.compile(r"\b" + lexicon.filter_words("not_forces") + r"\s+$", re.IGNORECASE),
        not_an_exercise=re.compile(r"^\s+" + lexicon.filter_words("exercise_of"), re.IGNORECASE),
        civil_exercise=re.compile(lexicon.filter_words("civil_exercise") + r"\s+$", re.IGNORECASE),
        combat=re.compile(lexicon.filter_words("combat"), re.IGNORECASE),
        targeted=re.compile(lexicon.filter_words("targeted") + r"\s+(?:[\w,]+\s+){0,4}$", re.IGNORECASE),
        unreal=re.compile(lexicon.modality_cues() + r"[^;]*$", re.IGNORECASE),
        cue_start=re.compile(lexicon.modality_cues(), re.IGNORECASE),
        # "demanded that", "denied reports that": the cue, maybe its object noun, then "that"
        cue_before_that=re.compile("(" + lexicon.modality_cues() + r")(?:\s+(?:the\s+)?(?:reports?|claims?|rumou?rs?|suggestions?))?\s*,?\s*$",
                                   re.IGNORECASE),
        # Denied after the fact: "the visit to the capital was cancelled".
        # (within the trigger's clause: not past "while" or a verb of saying)
        denied_after=re.compile(r"(?:(?!,\s*(?:while|whereas|although|though)\b|\b(?:said|says|told|added)\b)[^.;]){0,90}?"
                                r"\b(?:(?:was|were|is|are|has been|have been|had been|will be|"
                                r"(?:had|has|have) to be)\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+|\w+ly\s+)?"
                                + lexicon.modality_cues(after=True)
                                # "the summit did not take place": what did not happen is the event
                                + r"|(?:did|does|do|will|would|has|have|had)\s*(?:not|n't|never)\s+(?:\w+\s+)?"
                                r"(?:take place|happen|go ahead|occur|materiali[sz]e|come off|held|convened)"
                                r"|(?:was|were|is|are)\s+not\s+(?:being\s+)?(?:held|convened)"
                                r"|never\s+(?:took place|happened|went ahead|occurred|materiali[sz]ed|came off)"
                                # "was to visit Khartoum on Monday, but cancelled the planned trip"
                                r"|,?\s+but\s+(?:\w+\s+)?(?:cancel(?:l?ed|s)|called off|scrapped|postponed|abandoned)\b)",
                                re.IGNORECASE),
    )


@dataclass(frozen=True)
class Trigger:
    """A word or phrase in a sentence reporting an event of ``type``: ``sentence[start:end]``."""

    type: str
    start: int
    end: int
    text: str
    needs_place: bool
    cues: tuple[str, ...] = ()  # what in the sentence suggests it did not happen (see find_triggers)


def find_triggers(sentence: str, *, keep_cued: bool = False, keep_denied: bool = False) -> list[Trigger]:
    """The sentence's event triggers in order, without overlaps.

    Uses of a trigger word that report no event of its type (a cabinet meeting, exercising
    restraint) are never triggers. Triggers whose clause negates, conditions or only proposes
    the event, or whose sentence is about combat, carry those ``cues``; they are dropped unless
    ``keep_cued``, which leaves the decision to the confidence model. Denied ones ("refused to
    meet") are dropped unless ``keep_denied``: they report no event, but still own the places and
    dates of their clause (see ``denied``).
    """
    filters = _filters()
    found: list[Trigger] = []
    folded = sentence.casefold().replace("ı", "i")  # (what IGNORECASE matches alike: also the dotless i)
    for row in lexicon.trigger_patterns():
        if not row.may_match(folded):
            continue
        for match in row.pattern.finditer(sentence):
            trigger = Trigger(row.type, match.start(), match.end(), match.group(), row.needs_place)
            if _overlaps(trigger, found) or not _counts(trigger, sentence, filters, row.needs_force):
                continue
            # "an activist based in Turkey": only forces are based or massed somewhere (§1).
            # (an aside between the forces and their verb does not part them: "The battalion,
            # which includes a mine-clearing company, is to leave for Somalia")
            before = _ASIDE.sub("", sentence[: trigger.start])
            if row.needs_force and not filters.forces_arriving.search(before):
                continue
            cues = _cues(trigger, sentence, filters)
            if cues and not keep_cued or _DENIALS.intersection(cues) and not keep_denied:
                continue
            kind = row.type
            # (the word first: the search before it costs the length of the sentence)
            if kind == "visit" and filters.motion.search(trigger.text) \
                    and filters.forces_arriving.search(before) and lexicon.military_words().search(sentence):
                kind = "deployment"  # (only armed forces deploy: "engineers arrived to build a dam" visit)
            found.append(Trigger(kind, trigger.start, trigger.end, trigger.text,
                                 row.needs_place and kind == row.type, cues))
    return sorted(found, key=lambda t: t.start)


def denied(trigger: Trigger) -> bool:
    """Whether the sentence denies the trigger's event outright (negated, cancelled, ruled out)."""
    return not _DENIALS.isdisjoint(trigger.cues)


def _overlaps(trigger: Trigger, found: list[Trigger]) -> bool:
    return any(t.start < trigger.end and trigger.start < t.end for t in found)


def _counts(trigger: Trigger, sentence: str, filters: SimpleNamespace, needs_force: bool = False) -> bool:
    before, after = sentence[: trigger.start], sentence[trigger.end:]
    # "the Visiting Forces Agreement", "the Meeting Point Committee": a capitalised word inside a
    # name mid-sentence names a thing, not an event; a named summit or exercise is still one
    # ("the Joint Military Exercise in the Bay of Bengal").
    if trigger.type not in ("summit", "exercise") and _IN_NAME.match(trigger.text.split()[-1] + after) and before.strip() \
            and not _title_case(sentence):
        return False
    # "North Summit School District": a capitalised Summit that another name word follows is
    # part of that name, not a gathering ("the Summit Meeting" still is one).
    if trigger.type == "summit" and trigger.text[0] == "S" and before.strip():
        name_word = _SUMMIT_IN_NAME.match(after)
        if name_word and name_word.group(1).lower() not in CALENDAR_WORDS:
            return False
    if trigger.type == "meeting" and (filters.not_a_meeting.search(before) or filters.not_met.match(after)
                                      or _BY_PHONE.match(after)
                                      or filters.speaks.match(trigger.text + after)
                                      or (trigger.text.lower().startswith(("gather", "met "))
                                          or trigger.text.lower().split()[0] in ("meet", "meets"))
                                      and filters.crowd.search(before)):  # (not "told reporters after a meeting")
        return False
    # "A two-day summit has convened in Khartoum": the gathering's own verb is no second event.
    if trigger.type == "meeting" and trigger.text.lower().split()[0] in _GATHERING_VERBS \
            and _GATHERING_ITSELF.search(before):
        return False
    # "Leaders gathered in Riga for the summit": the gathering is the summit, not talks besides it.
    if trigger.type == "meeting" and trigger.text.lower().split()[0] in _GATHERING_VERBS and _FOR_SUMMIT.match(after):
        return False
    if trigger.type == "visit" and trigger.text.lower().startswith(("expected in", "due in")) \
            and _GATHERING_SUBJECT.search(before):
        return False  # "The next round of talks is expected in Beijing": the talks' place, no traveller
    if trigger.type == "visit" and filters.travelling_crowd.search(before):
        return False  # "Thousands of pilgrims arrived in Mecca": not a delegation's visit
    if trigger.type == "exercise" and (filters.not_an_exercise.match(after) or filters.civil_exercise.search(before)):
        return False
    if trigger.type == "deployment" and filters.not_forces.search(before):
        return False  # "demobilised soldiers", "families of soldiers": no force deployed
    # "Salt trucks have been deployed", "police were deployed": only armed forces deploy (§1).
    # (a verb that needs forces before it finds them itself: "Islamist forces remain positioned")
    return trigger.type != "deployment" or needs_force or lexicon.military_words().search(sentence) is not None


def _cues(trigger: Trigger, sentence: str, filters: SimpleNamespace) -> tuple[str, ...]:
    """What suggests the event did not happen: a modality cue in its clause, a denial or a modal
    after it, combat in a deployment's sentence, forces that are fought against (GUIDELINES §1)."""
    before, after = sentence[: trigger.start], sentence[trigger.end:]
    cues = []
    kind, distance = unreal_kind(sentence, trigger.start)
    if kind:
        # A cue that governs the trigger ("hopes to visit", "proposed a meeting") denies it; one
        # further off in the clause may be about something else ("was invited ... and began a visit").
        cues.append(f"unreal:{kind}" if distance > _GOVERNING_WORDS else "unreal:governing")
    if filters.denied_after.match(after):
        cues.append("denied_after")
    if _MODAL_AFTER.match(after):
        cues.append("modal_after")
    if _IF_NEEDED.match(after) and not trigger.needs_place:  # (the verb's condition, not a force noun's)
        cues.append("conditional_after")
    if trigger.type == "deployment" and filters.combat.search(sentence):
        cues.append("combat")
    if trigger.type == "deployment" and filters.targeted.search(before):
        cues.append("targeted")
    return tuple(cues)


def _title_case(sentence: str) -> bool:
    """A headline that capitalises every word ("Leaders Meet In Minsk")."""
    words = [w for w in sentence.split() if w[:1].isalpha() and len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words)


_FRONTED_CONDITION = re.compile(r"\s*[\"“]?\s*(?:if|unless|once)\b[^,;]*,", re.IGNORECASE)
_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,")
_GATHERING_SUBJECT = re.compile(r"\b(?:talks|meetings?|summits?|conferences?|rounds?|negotiations|session)\s+"
                                r"(?:\w+\s+){0,8}$", re.IGNORECASE)  # ("The meeting between A and B is due in")
_GATHERING_ITSELF = re.compile(r"\b(?:summits?|conferences?|sessions?)\s+(?:has|have|had|was|were|will|is|are)?\s*"
                               r"(?:\w+ly\s+)?$", re.IGNORECASE)
_OBJECT_THEN_TO = re.compile(r"(?:\s+[\w'’.-]+){0,8}?\s+to\s*(?:(?:make|pay|undertake|hold)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2})?")
_OBJECT_THEN_FOR = re.compile(r"(?:\s+[\w'’.-]+){0,8}?\s+for\s*")  # "invited Assad for talks"
_GATHERING_VERBS = frozenset({"gather", "gathers", "gathered", "gathering", "meet", "meets", "met", "convene",
                              "convenes", "convened"})
_FOR_SUMMIT = re.compile(r"[^.;,]{0,60}?\b(?:for|to attend)\s+(?:the|a|an|their|its)\s+(?:[\w'’()-]+\s+){0,6}?summit",
                         re.IGNORECASE)
_TAKING_PART = re.compile(r"\b(?:attend(?:s|ed|ing)?|join(?:s|ed|ing)?|(?:take|taking|took) part in|"
                          r"participat(?:e|es|ed|ing) in|go(?:ing)? to|went to|boycott(?:s|ed|ing)?|skip(?:s|ped|ping)?)\b",
                          re.IGNORECASE)
_GATHERING_NOUN = re.compile(r"(?:summit|meeting|conference|session|talks|exercise|drill)", re.IGNORECASE)
# "did not raise the issue at the summit", "would not ask Bush during his visit": the event in a
# time or place adjunct is where the negated act is set, so it took place (§1 negates the act).
_SETTING = re.compile(r"\b(?:at|during|on the sidelines of|in the course of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _last_cue(clause: str) -> re.Match | None:
    cues = list(_filters().cue_start.finditer(clause))
    return cues[-1] if cues else None


def unreal_kind(sentence: str, position: int) -> tuple[str | None, int]:
    """The kind of modality cue (modality.toml) in the clause leading up to ``position`` and how
    many words lie between it and ``position``; (None, 0) when there is none."""
    before = sentence[:position]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    # "Although Pakistan has not recognised the government, Qureshi visited Kabul": a fronted
    # adverbial clause ends at its comma, and its negation stays inside it.
    if breaks and breaks[-1].group().lower() in _SUBORDINATORS and "," in clause:
        clause = clause[clause.index(",") + 1:]
    # "If the talks go well, the presidents will meet in Geneva": a fronted condition governs the
    # main clause (§1: conditional events).
    if _FRONTED_CONDITION.match(before):
        return "condition", 0
    # "demanded that the government send troops": the complement of a proposal or wish is unreal.
    if breaks and breaks[-1].group().lower() == "that":
        governing = _filters().cue_before_that.search(before, max(0, breaks[-1].start() - 40), breaks[-1].start())
        if governing and lexicon.modality_kind(governing.group(1)) in ("proposal", "wish", "intention", "refusal"):
            return lexicon.modality_kind(governing.group(1)), 0
    unreal = _filters().unreal.search(clause)
    # "monitors are not slated to arrive before next month": a time, not a negation.
    if not unreal or unreal.group().lower().startswith(("not", "n't")) and _NOT_UNTIL.search(sentence[position:]):
        return None, 0
    cue = _filters().cue_start.match(clause, unreal.start())
    # "At Barak's request, Albright has cancelled her trip": the cue nearest the trigger governs it
    # when it denies it, whatever came before it in the clause.
    nearest = _last_cue(clause)
    if nearest is not None and nearest.start() > cue.start() and len(clause[nearest.end():].split()) <= _GOVERNING_WORDS \
            and lexicon.modality_kind(nearest.group()) in ("negation", "cancellation", "refusal"):
        cue = nearest
    kind = lexicon.modality_kind(cue.group())
    # "did not attend a summit held in Khartoum": what is negated is taking part, not the gathering.
    if kind in ("negation", "refusal") and _TAKING_PART.search(clause, cue.end()) \
            and _GATHERING_NOUN.match(sentence, position) or kind == "negation" and _SETTING.search(before):
        return None, 0
    # "invited his Georgian counterpart to visit": a verb of asking governs the infinitive after
    # its object, however long the object.
    if kind in ("proposal", "wish", "intention") and (_OBJECT_THEN_TO.fullmatch(clause, cue.end())
                                                      or cue.group().lower().startswith("invit")
                                                      and _OBJECT_THEN_FOR.fullmatch(clause, cue.end())):
        return kind, 0
    return kind, len(clause[cue.end():].split())
