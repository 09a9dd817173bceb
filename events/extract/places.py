"""Which place an event happens at: the places a sentence ties to a trigger (GUIDELINES §3)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from events.extract import clauses, lexicon
from events.extract.anchors import AFTER_PLACE, Anchor
from events.extract.sentences import Sentence, story_start
from events.extract.triggers import Trigger
from gazetteer import Place

_PHRASE_REACH = 160  # characters around a place name that say how the sentence uses it
LEVEL_RANK = {"landmark": 4, "city": 3, "region": 2, "country": 1}
NEAR_KM = 25.0  # "near Brest": the guideline's gold gives such mentions 25 km

_DISTANCE = r"(?P<n>\d[\d,.]*)\s*(?P<unit>kilometers|kilometres|km|miles|mi)\b"  # "100 kilometers"
_KM_FROM = re.compile(_DISTANCE + r"\s+(?:\w+\s+){0,2}?(?:from|of|outside)\s+(?:the\s+)?$", re.IGNORECASE)
_NEAR = re.compile(r"\b(?:near|close to|outside|on the outskirts of|outskirts of|not far from|"
                   r"in the vicinity of|around|off(?:\s+the\s+coast\s+of)?)\s+(?:the\s+)?$", re.IGNORECASE)
# A description naming the kind of place before its name: "the northern Russian city of",
# "the Iranian capital", "the Malian capital,", "South Korea's southern port city of": an
# apposition, so the name is still the object.
_DESCRIPTOR = (r"(?:(?:the|a|an)\s+(?:(?-i:[a-z])\w*\s+)?)?(?:(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s\s+)?"
               r"(?:(?-i:[a-z][\w'’\-]*|[A-Z][a-z]+)\s+){0,3}"
               r"(?-i:city|town|capital|port|province|region|island|village|state|county|district|country|nation|"
               r"resort|base|border town|port city|cities|towns|ports|provinces|regions|islands|villages|"
               r"hub|cent(?:er|re)|heartland|stronghold|enclave|kingdom|republic|emirate)\s*(?:of\s+|,\s*)?")
# A locative preposition right before the place, allowing a few modifier words in between
# ("at the US air base at Yakota", "in the Egyptian capital of Cairo", "in the waters off Hawaii").
# "from" never locates: it names a departure point or an origin ("arrived from Helsinki",
# "counterparts from the US and Russia"), which the guideline does not annotate (§1 visit).
# "off" only after a sea word: "kicking off a Middle East tour" is not a place "off" anything.
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|to|into|near|inside|outside|around|toward|towards|across|throughout|within|via|"
    r"(?:set|scheduled|planned|slated|due|bound|destined) for|includ(?:es|ed|ing)|"
    r"enter(?:s|ed|ing)?|reach(?:es|ed|ing)?|converg(?:e|es|ed|ing)\s+on|"  # "troops entered Mogadishu"
    # a departure's destination: "left for Darfur", "set sail for the Gulf of Aden"
    r"(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|sail(?:s|ed|ing)?|head(?:s|ed|ing)?)(?:\s+[\w'’.\-]+){0,4}?\s+for)|"
    r"\bon the (?:border|island|coast|outskirts|banks|shores?|edge) of|"
    # "off the coasts of Hawaii", "off the northeastern city of Ilan", "off China's island province of"
    r"\boff (?:the\s+)?(?:(?-i:[A-Z])[\w.]*['’]s\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?:coasts?|city|town|port|islands?|province) of|"
    r"\b(?:waters|coast|shores?|island) off)\s+(?:(?:(?-i:[A-Z][\w'’\-]*)\s*,\s+){0,3}(?-i:[A-Z][\w'’\-]*)\s+and\s+)?"
    # ^ a list ending in "and" before the place: "to Masiaka and Kenema" ("in Doha, Qatar" is no list)
    r"(?:" + _DESCRIPTOR + r"|(?:(?-i:north|south|east|west|central)\w*\s+)?(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s\s+(?:(?-i:[a-z][\w'’\-]*)\s+){0,2}"
    # modifiers, not a verb: "in the war-torn Darfur", not "involved in the talks are Japan" (nor
    # "flew in from Amman", an origin, nor "enter into dialogue with Iran", a party)
    r"|(?:(?:the|a|an)\s+)?(?:(?!(?:is|are|was|were|be|been|has|have|had|will|would|said|says|from|with|against|about)\s)(?-i:[a-z][\w'’\-]*)\s+){0,2}?"
    r"(?:(?:[\w'’\-]+\s+){0,4}?(?:of|at|in)\s+(?:the\s+)?)?)$", re.IGNORECASE)
# "troops from Fort Knox in Kentucky", "from Ramstein Air Base in Germany": the place of a base
# the forces come from is their origin, not where they go ("arrived from Paris in Riga" is at Riga).
_FROM_NAMED = re.compile(r"\b(?:from|left|leaves?|leaving|depart(?:s|ed|ing)?)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:(?-i:[A-Z])[\w'’.\-]*\s+){0,3}?(?:Fort|Camp|(?:air |naval |military )?base|home ?port|"
                         r"naval station|barracks|airfield)(?:\s+(?-i:[A-Z])[\w'’.\-]*){0,2},?\s+(?:in|at|of)?\s*"
                         r"(?:the\s+)?$", re.IGNORECASE)
# A stop named in apposition: "arrived at his first stop, (the garrison town of) Baidoa".
_STOP_NAMED = re.compile(r"\b(?:at|to|in|for)\s+(?:his|her|their|its|the)\s+(?:first|next|second|third|last|final)\s+"
                         r"(?:stop|destination|port of call)\s*,\s*(?:the\s+(?:[\w-]+\s+){0,3}?(?:town|city|port|capital)\s+of\s+)?$",
                         re.IGNORECASE)
# Where forces or people withdraw from is left, not where they are (§1: withdrawals are no
# deployments): "pull its troops out of Somalia", "pulled out from positions near Poti" (not
# "troops that pulled out from Iraq arrived in Kuwait").
_WITHDRAWN_FROM = re.compile(r"\b(?:withdr(?:aw|aws|awing|awn|ew|awal)|pull(?:s|ed|ing)?|evacuat(?:e|es|ed|ing)|flown)"
                             r"(?:\s+[\w'’-]+){0,3}?\s+(?:out\s+of|out\s+from|from)\s+(?:(?!(?:in|at|to|into)\s)[\w'’-]+\s+){0,5}?$",
                             re.IGNORECASE)
# "to" followed by a lower-case word without an article is the infinitive, not a direction:
# "to avoid angering China", unlike "to the northern city of Basra" or "to China".
# Adjectives of place are not verbs: "to neighbouring Lebanon", "to southern Iraq".
_INFINITIVE = re.compile(r"\bto\s+(?!(?:neighbou?ring|nearby|northern|southern|eastern|western|central|"
                         r"north|south|east|west|coastal|remote|restive|troubled|landlocked|[a-z]+-[a-z]+)\b)"
                         r"(?-i:[a-z][\w'’\-]*)\s+(?:(?-i:[a-z][\w'’\-]*)\s+)?$", re.IGNORECASE)
_TO_THE = re.compile(r"to\s+the\s+", re.IGNORECASE)
_WATER = re.compile(r"\b(?:Sea|Gulf|Ocean|Straits?|Bay|Channel)\b")
# "visit Rome", "visited Zhanjiang": the visit verb takes its destination as a direct object, and
# so does the noun with "to" ("a visit to the Netherlands", where "to the" is no infinitive).
# "visit southwestern Guizhou": a compass word before the name keeps it the destination (§3.3).
_DIRECT_OBJECT = re.compile(r"^\s+(?:(?:(?-i:[A-Z][\w'’\-]*)\s*,\s+){0,3}(?-i:[A-Z][\w'’\-]*)\s+and\s+)?"  # "visit Masiaka and Bo"
                            r"(?:(?:to\s+)?(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+|(?-i:[a-z]+-[a-z]+|neighbou?ring)\s+)?"
                            r"(?:(?-i:[A-Z])[\w.]*['’]s\s+)?|"  # "visited east China's Shandong Province"
                            + _DESCRIPTOR + ")$", re.IGNORECASE)
# Between a trigger and the next one: "ten meetings, the most recent at the CSTO summit".
_AT_GATHERING = re.compile(r"\b(?:at|during|on the sidelines of|on the margins of)\s+"
                           r"(?:(?:the|a)\s+)?(?:[\w'’\-]+\s+){0,4}$", re.IGNORECASE)
# "Japan and Korea", "to Qatar and then to Oman": coordinated names or locative phrases.
_COORDINATED = re.compile(r"^(?:\s+(?:on|next|this)\s+(?-i:[A-Z])[a-z]+day)?\s*(?:,|,?\s*and|,?\s*or|,?\s*as\s+well\s+as|,?\s*followed\s+by)\s*(?:(?:then|later|also|finally)\s+)?"
                          r"(?:with\s+(?:[\w'’.-]+\s+){1,6}?(?=in\s|at\s)"  # "with Netanyahu in London and with Arafat in Geneva"
                          r"|(?:(?-i:[A-Z])[\w'’.-]*\s+){1,4}(?=in\s|at\s))?"  # "meet Netanyahu in Paris and Arafat in Geneva"
                          r"(?:(?:on\s+)?(?:to|in|at)\s+)?"
                          r"(?:the\s+)?(?:" + _DESCRIPTOR + r")?$")  # "and the booming southern province of Guangdong"
# A name after a bare comma is a list member only if the list goes on or ends with the clause:
# "to Kenya, Uganda and Tanzania", but "in Washington, Hashimoto met Clinton".
_DISTANCE_FROM = re.compile(r"\s*,\s*(?:\w+\s+){0,2}?" + _DISTANCE + r"(?:\s+\([^)]*\))?\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:of|from|outside)\s+(?:the\s+)?", re.IGNORECASE)
_LAND_NOUN = re.compile(r"\s+(?:region|province|area|district|state|island|islands|coast|border|territory|valley|peninsula)\b")
# Past the forces' first place, a clause of its own: "arrived in Kabul after fighting erupted in
# Kandahar", "arrived in Beirut to join the UN force in south Lebanon".
# ("to" as an infinitive's: not "said to be 100 km from Grodno", nor "to the port")
_CONNECTIVE = re.compile(r"\b(?:after|as|when|because|since|before|until|where|which|who|"
                         r"to\s+(?!(?:be|the|a|an)\b)(?-i:[a-z]+))\b", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:and|or|as well as|followed by)\b")
_NESTED_IN = re.compile(r"\s*,?\s*(?:in\s+)?(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?", re.IGNORECASE)
_BARE_COMMA = re.compile(r"(\s+\S+\s+\S+)?\s*,\s*(?:the\s+)?")
_LIST_GOES_ON = re.compile(r"\s*(?:[,;:)]|\.?\s*$|(?:and|or|on|in|at|for|from|to|during|before|after|last|this|"
                           r"next|earlier|later|until|since|with|by)\b)")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|with|by|for|from|between|in|at|on|to|into|near|across|over|under|about|against|"
    r"toward|towards|than|like)\s+(?:the\s+)?$", re.IGNORECASE)
# "lawmakers based in Mogadishu": where the actors live, not where they meet
_BASED_IN = re.compile(r"\b(?:based|headquartered|living|born|resident|residing|exiled)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# "Colombia, which Bush will visit on Sunday": the place is the visit's object, before it.
_WHICH_OBJECT = re.compile(r",\s+which\s+(?:[\w.'’-]+\s+){1,4}")
# ... or its subject named as one of the places visited: "Latvia is the first country he will
# visit", "Poland and Sweden are among the countries the premier decided to visit"
_ONE_OF_THE_PLACES = re.compile(r"(?:(?:\s*,\s*|\s*,?\s+and\s+)(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})*"
                                r"\s+(?:is|are|was|were|will\s+be)\s+(?:also\s+)?(?:among\s+)?(?:the|one\s+of\s+the)\s+"
                                r"(?:[\w-]+\s+){0,2}?(?:country|countries|nations?|city|cities|places|capitals?|destinations?)\s+"
                                r"(?:(?:that|which)\s+)?(?!to\s)(?:[\w.'’-]+\s+){1,7}?")
# ... and the places a visit "will include": "the countries he will visit include Latvia"
_PLACES_VISITED = re.compile(r"\b(?:countries|nations|cities|places|capitals|destinations)\s+(?:(?:that|which)\s+)?(?:[\w.'’-]+\s+){1,5}?$",
                             re.IGNORECASE)
_VISITS_INCLUDE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:include[sd]?|are|were|will\s+be)\s+(?:the\s+)?")
_STOP_OF = re.compile(r"\s+(?:is|was|will be|became|becomes)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}")
_WILL_BE = re.compile(r"\s+(?:of\s+(?:[\w'’-]+\s+){1,5})?(?:is|was|will be)\s+")
# "is in Germany on a two-day visit" (§1 visit: be in X on a trip).
_ON_VISIT = re.compile(r"(?:\s+(?:today|now|yesterday|this\s+week))?\s+(?:on|for)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}",
                       re.IGNORECASE)
# "the soldiers' families back in Poland": a return home is no destination (§1).
_BACK_HOME = re.compile(r"\bback\s+(?:home\s+)?(?:in|to|at|into)\s+(?:the\s+)?$", re.IGNORECASE)
# "has 4,000 troops", not "has sent troops": a perfect's participle is no possession.
_HOSTING = re.compile(r"\s+(?:\w+ly\s+)?(?:operates?|(?:has|have)(?!\s+(?:(?:so far|already|also|now|since|just|recently|"
                      r"previously|reportedly)\s+)?(?:\w+ed|been|begun|brought|built|drawn|given|"
                      r"got(?:ten)?|held|kept|left|lost|made|paid|put|said|seen|sent|set|shown|spent|taken|told|withdrawn|"
                      r"won)\b)|hosts?|"
                      r"keeps?|maintains?|possess(?:es)?|"
                      r"moderni[sz]es?|stations?|houses?|acquired|acquires|received|receives)\b")


@functools.cache
def _reported_here() -> re.Pattern[str]:
    """ "officials disclosed here Thursday": where a report was made."""
    return re.compile(lexicon.filter_words("reporting") + r"\s+(?:\w+\s+)?here\b", re.IGNORECASE)


@functools.cache
def _reporting_verb() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.filter_words("reporting") + r"\b", re.IGNORECASE)


@functools.cache
def _reported_at() -> re.Pattern[str]:
    """ "told reporters at Narita airport", "according to diplomatic sources in Riyadh": where a
    report was made, not where the event was."""
    # (not a verb of the reported clause: "Officials said Aziz arrived in Jordan today")
    return re.compile(r"(?:(?:" + lexicon.filter_words("reporting")
                      + r"(?:\s+(?!(?:\w+ed|met|held|flew|went|came|is|are|was|were|will|would|after|following|during|before)\b)\w+){0,2}"
                      r"|\baccording to(?:\s+[\w-]+){1,4})"
                      r"\s+(?:in|at)|\baccording\s+to)\s+(?:the\s+)?$", re.IGNORECASE)  # ("according to Petra": a source)


@functools.cache
def _owner() -> re.Pattern[str]:
    """ "the U.S. warship", "Russia's defence strategy", "US-Japan": the name owns what follows."""
    return re.compile(r"(?:['’]s\b|[-–]|\s+(?:military|navy|naval|army|air|defen[cs]e|armed|"
                      + lexicon.force_nouns() + r")\b)", re.IGNORECASE)



# A possessive followed by a place noun ("'s main airport", "'s southern port city of Busan").
# "Kabul's main airport", "Moscow's Sheremetyevo International Airport": a facility the place owns
# is at the place; an area it owns is at the place unless the phrase names it ("South Korea's
# southern port city of Busan", "Azerbaijan's Nakhchivan region").
_OWNED_PLACE = re.compile(r"['’]s\s+(?:(?:[a-z][\w-]*\s+){0,2}(?:outskirts|capital|city|town|border|coast|province|"
                          r"region)|(?:[\w-]+\s+){0,3}(?i:airport|air ?base|base|harbou?r|port|hospital|hotel|palace|"
                          r"embassy|headquarters))\b(?P<named>,?\s+(?:of\s+)?(?-i:[A-Z]))?")
_DATE_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
_NAME_WORD = re.compile(r"\b(?-i:[A-Z])[\w'’-]*")
# The words of a time adjunct between a trigger and its place: "in July 2004", "on Monday"
_TIME_ADJUNCT = re.compile(r"\b(?:(?:in|on|of|last|this|next)\s+(?=(?:" + "|".join(_DATE_WORDS) + r"|\d{4})\b))?"
                           r"(?:" + "|".join(_DATE_WORDS) + r"|\d{4}|\d{1,2}(?=\s*,?\s+\d{4}))\b\.?")
# Between a place and a gathering it hosts: "is to host a", "hosted four rounds of six-party".
_HOSTS = re.compile(r"(?:\s+\S+){0,3}?\s+host(?:s|ed|ing)?\s+(?:[\w'’\-]+\s+){0,6}")
# ... and after it: "the summit, hosted by Latvia", "a dialogue which Latvia hosted last year"
_HOSTED_BY = re.compile(r",?\s+(?:(?:to\s+be|being|was|were|is|will\s+be)\s+)?(?:co-)?hosted\s+by\s+(?:the\s+)?")
_WHICH_HOST = re.compile(r",?\s+(?:which|that)\s+(?:the\s+)?")
_HOST_VERB = re.compile(r"\s+(?:has\s+|had\s+|will\s+|also\s+)?host(?:s|ed)?\b")
_OF_TRIGGER = re.compile(r"\s+of\s+(?:the\s+)?")
_VERB_WITH_OBJECT = re.compile(
    r"\b(?:have|has|had)\s+(?!been\b)\w+ed\s+(?!in\b|at\b|to\b|near\b|into\b|on\b)\w+", re.IGNORECASE)
_LAND = re.compile(r"\s+(?:coast|coastline|border|territory|territories|waters|soil|airspace|capital|"
                   r"mainland|side of the border)\b", re.IGNORECASE)
_WEAK_MOTION = re.compile(r"(?:came|come|comes|going|goes|went|head|heads|headed|heading) to",
                          re.IGNORECASE)
_WEAK_NOUN = re.compile(r"(?:ministerial )?conference|session|discussions|negotiations|consultations",
                        re.IGNORECASE)
_WITH_PARTICIPANTS = re.compile(r"\s+with\s+[^,;()]*?\s+(?:in|at)\s+(?:the\s+)?", re.IGNORECASE)
# "traveled to Kyiv on Wednesday, where he met ...": the relative clause happens at the place.
_WHERE = re.compile(r"(?:\s+(?!from\b)\S+){0,3}?,?\s+where\s+(?:\S+\s+){0,9}", re.IGNORECASE)
# "gathered in Vilnius for the NATO summit", "arrived in Venice to attend the G7 summit", "left for Juba
# to hold talks", "greeted him in Pyongyang to begin the second summit": the purpose of a trip
# happens at its destination (§3.4 a).
_FOR_GATHERING = re.compile(r"(?:\s+\S+){0,3}?\s+(?:for|to attend|to hold|to begin|to start|to open|ahead of|"
                            r"to (?:participate|take part) in|kicking off|opening|launching)\s+"
                            r"(?:(?:the|a|an|their|his|her)\s+)?(?:[\w().'’-]+\s+){0,8}",
                            re.IGNORECASE)
# "test-fired a missile in Riga on Monday during an exercise": the place of what happened during it
_DURING = re.compile(r"(?:\s+(?!(?:and|but|after|before|while|said|says)\b)\S+){0,3}?\s+during\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}",
                     re.IGNORECASE)
# "an exercise here next week", "talks held here on Monday", "arrived here": "here" in the
# trigger's clause is the dateline's place, but not where a report was made ("a two-day visit to
# discuss trade, officials disclosed here Thursday").
_HERE = re.compile(r"[^,;:()\"“”]{0,60}?\b(?:here|in this (?:[\w-]+ ){0,2}?(?:city|capital|town|resort|port))\b")
_NAMED_AFTER = re.compile(r",\s+(?:the\s+)?")  # an apposition naming what the trigger names
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_LEFT = re.compile(r"\b(?:left|leaves|leaving|departed|departs|departing)\s+(?:the\s+)?$", re.IGNORECASE)
_AFTER_DOING = re.compile(r"[^.;]{0,60}?\b(?:after|following)\s+(?:(?-i:[a-z]+ing)\s+)?(?:[\w'’-]+\s+){0,4}",
                          re.IGNORECASE)
_VISITED_FORCES = re.compile(r"\s+(?:to\s+)?(?:(?:the|his|her|their|its|[\w.-]+)\s+){0,3}")  # "visited (the) German "
# "who is here on an official visit", "arrived here for a three-day visit": the stay is at the dateline.
_HERE_ON = re.compile(r"\bhere\s+(?:on|for)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_THERE = re.compile(r"(?:\s+[\w-]+){0,5}?\s+there\b(?!\s+(?:is|are|was|were|will|would|has|have|had)\b)", re.IGNORECASE)
# An opening place phrase: "In St. Petersburg", "Here in Minsk", "At the Kremlin", "While in Tirana"
# and its comma.
_FRAME = re.compile(r"(?:(?:yesterday|today|on\s+(?-i:[A-Z])[a-z]+day)\s+)?(?:(?:while|earlier|later|also|meanwhile)\s+)?(?:here\s+)?(?:in|at)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,3}?(?:capital|city|town|port)\s+(?:of\s+)?)?"
                    r"(?:(?-i:[A-Z])[\w.'’\-]*\s*){1,4}"
                    # "In Riga (on Monday / today),", "Yesterday in Baku,"
                    r"(?=(?:\s*(?:on\s+\w+(?:\s+\d{1,2})?|today|yesterday|tonight|this\s+(?:morning|afternoon|evening)))?,)",
                    re.IGNORECASE)
_OPENER = re.compile(r"(?:\w+,\s+)?(?:during|after|before|following|amid|despite|while|ahead of|"
                     r"at|in|on|since|earlier|later)\b", re.IGNORECASE)


@dataclass
class SentenceMemo:
    """What ``attach`` works out about one sentence whatever the trigger, for all its triggers:
    how each place's own phrase locates it and the trigger nearest before it (by place start).
    One per sentence and its list of triggers, never shared between sentences."""

    phrases: dict[int, object] = field(default_factory=dict)
    owners: dict[int, Trigger | None] = field(default_factory=dict)


def attach(trigger: Trigger, sentence: Sentence, anchors: list[Anchor], dateline: Anchor | None,
           triggers: list[Trigger], memo: SentenceMemo | None = None) -> list[tuple[Anchor, float | None]]:
    """The places the sentence ties to ``trigger``, each with its uncertainty in km (or None).

    ``triggers`` are all of the sentence's triggers: each claims the places that follow it.
    Pass one ``memo`` for all the triggers of a sentence, so that a sentence with many triggers
    and places reads each place's phrase once (the result is the same without it).
    """
    memo = SentenceMemo() if memo is None else memo
    names = [a for a in anchors if a.kind == "name" or _names_land(a, sentence)]
    # Keyed by start (anchors never overlap): hashing an Anchor hashes its Place, field by field.
    relations = {a.start: _relation(a, sentence, trigger, memo.phrases) for a in names}
    # "the Summit of the Americas", "a visit of Iran's president": a name right after "<trigger> of"
    # completes the trigger (its name, its owner), it does not locate it; "a tour of Japan" goes there.
    located = [a for a in names if relations[a.start] is not None
               and not (_OF_TRIGGER.fullmatch(sentence.text[trigger.end: a.start - sentence.start])
                        and not clauses.TOUR.fullmatch(trigger.text))]
    limit = sentence.start + _scope_end(sentence.text, trigger)
    after = [a for a in located if sentence.start + trigger.end <= a.start < limit
             and _owned_by(trigger, _nearest_trigger_before(a, sentence, triggers, memo.owners), sentence.text)
             and _within_reach(trigger, sentence.text[trigger.end: a.start - sentence.start], relations[a.start])
             and (_STOP_NAMED.search(sentence.text, 0, a.start - sentence.start)
                  or not clauses.in_another_clause(trigger, sentence.text[trigger.end: a.start - sentence.start]))]
    if after:
        chosen = _with_coordinated(after[0], names, sentence)
        if trigger.type == "deployment":  # forces go to every place their clause names
            chosen += [a for a in after if a not in chosen and not _nested_in(a, chosen, sentence)
                       and not _CONNECTIVE.search(sentence.text, chosen[0].end - sentence.start, a.start - sentence.start)]
        elif clauses.TOUR.fullmatch(trigger.text):  # and a tour to every stop its relative clause lists
            for stop in after:
                if stop not in chosen and clauses.STOPS.search(sentence.text[trigger.end: stop.start - sentence.start]):
                    chosen += [a for a in _with_coordinated(stop, names, sentence) if a not in chosen]
    else:
        chosen = _before(trigger, sentence, located) or _departure_point(trigger, sentence, names)
    if not chosen:
        shared = _gathering_place(trigger, sentence, anchors, dateline, triggers, memo)
        if shared:
            return shared
    if not chosen and _THERE.match(sentence.text, trigger.end):
        # "flew to Riga and held talks there": "there" is the place last named before it (§3.1).
        earlier = [a for a in names if a.end <= sentence.start + trigger.start
                   and not sentence.text.startswith(("'s", "’s"), a.end - sentence.start)]  # not "Bush's mission"
        chosen = earlier[-1:]
    if not chosen and dateline and ((here := _HERE.match(sentence.text, trigger.end))
                                    and not _reported_here().search(here.group())
                                    or trigger.type == "visit" and _HERE_ON.search(sentence.text, 0, trigger.start)
                                    or _reported_here_at_talks(trigger, sentence)):
        return [(dateline, None)]
    if not chosen and trigger.type == "deployment" and not _before_in_clause(trigger, sentence, located):
        # (not when the forces' place is named before: "Germany has 2,000 soldiers in Afghanistan,
        # the third largest contingent")
        chosen = _subject(trigger, sentence, names)
    if not chosen and trigger.type != "deployment":
        chosen = _host(trigger, sentence, names)
    return [(a, relations.get(a.start)) if relations.get(a.start) else (a, None) for a in chosen]


def _reported_here_at_talks(trigger: Trigger, sentence: Sentence) -> bool:
    """ "Hu said here Tuesday in a meeting with Ansip": the talks are where the report was made."""
    at_talks = clauses.REPORT_AT_TALKS.search(sentence.text, 0, trigger.start)
    return trigger.type == "meeting" and at_talks is not None and re.search(r"\bhere\b", at_talks.group()) is not None


def _relation(anchor: Anchor, sentence: Sentence, trigger: Trigger,
              phrases: dict[int, object]) -> float | None | bool:
    """Uncertainty in km when the place is located by a preposition; 0.0 means exact; None: not locative."""
    phrase = phrases.get(anchor.start, _UNREAD)
    if phrase is _UNREAD:
        phrase = phrases[anchor.start] = _phrase_relation(anchor, sentence)
    if phrase is not _UNDECIDED:
        return phrase
    if trigger.type == "visit" and trigger.end <= anchor.start - sentence.start \
            and (_DIRECT_OBJECT.match(sentence.text[trigger.end: anchor.start - sentence.start])
                 or clauses.TOUR.fullmatch(trigger.text)
                 and (_OF_TRIGGER.fullmatch(sentence.text, trigger.end, anchor.start - sentence.start)
                      or clauses.STOP_TO_THE.fullmatch(sentence.text, trigger.end, anchor.start - sentence.start)
                      or clauses.STARTING_WITH.fullmatch(sentence.text, trigger.end, anchor.start - sentence.start))):
        return 0.0  # "visit Rome", "a tour of Japan", "a tour which took him to the Gulf"
    if trigger.text.lower().endswith(("stop", "leg", "destination")) \
            and _NAMED_AFTER.fullmatch(sentence.text, trigger.end, anchor.start - sentence.start):
        return 0.0  # "left Havana for his next stop, Argentina"
    if trigger.type == "visit" and anchor.end <= sentence.start + trigger.start \
            and (_WHICH_OBJECT.fullmatch(sentence.text, anchor.end - sentence.start, trigger.start)
                 or trigger.text.lower().startswith("visit")
                 and _ONE_OF_THE_PLACES.fullmatch(sentence.text, anchor.end - sentence.start, trigger.start)
                 or _STOP_OF.fullmatch(sentence.text, anchor.end - sentence.start, trigger.start)
                 and trigger.text.lower() in ("stop", "leg")):
        return 0.0  # "Colombia, which he will visit on Sunday", "Uganda is the last leg of his tour"
    if trigger.text.lower() in ("stop", "leg") and _WILL_BE.fullmatch(sentence.text, trigger.end, anchor.start - sentence.start):
        return 0.0  # "the third stop will be Morocco"
    if trigger.type == "visit" and trigger.text.lower() in ("visit", "visits", "visited", "visiting") \
            and _VISITS_INCLUDE.fullmatch(sentence.text, trigger.end, anchor.start - sentence.start) \
            and _PLACES_VISITED.search(sentence.text, 0, trigger.start):
        return 0.0  # "the countries he will visit include Latvia"
    # "the St. Petersburg meeting", "Minsk talks": a city or landmark right before the trigger
    # (_is_premodifier, without cutting out the gap: it may be the whole sentence).
    if anchor.place.level in ("city", "landmark") and not _VERB_TRIGGER.match(trigger.text) \
            and _PREMODIFIER_GAP.fullmatch(sentence.text, anchor.end - sentence.start, trigger.start):
        return 0.0
    return None


_UNREAD = object()  # a place whose phrase has not been read yet
_UNDECIDED = object()  # a place whose phrase does not locate it: the trigger decides


def _phrase_relation(anchor: Anchor, sentence: Sentence) -> float | None | object:
    """What the words around a place say, whatever the trigger: uncertainty in km (0.0 exact)
    when a preposition locates it, None when it only qualifies a noun, else ``_UNDECIDED``."""
    # The phrase that introduces a place lies within a few words before it: looking no further
    # keeps the cost per place constant.
    position = anchor.start - sentence.start
    before = sentence.text[max(0, position - _PHRASE_REACH): position]
    if is_modifier(anchor, sentence.text[anchor.end - sentence.start: anchor.end - sentence.start + _PHRASE_REACH]):
        return None
    if _reported_at().search(before) or _FROM_NAMED.search(before) or _BACK_HOME.search(before) \
            or _WITHDRAWN_FROM.search(before):
        return None
    if _STOP_NAMED.search(before):
        return 0.0  # "arrived at his first stop, Baidoa": the stop is the place named after it
    km = _KM_FROM.search(before)
    if km:
        distance = float(km.group("n").replace(",", ""))
        return distance * (1.609 if km.group("unit").lower().startswith("mi") else 1.0)
    if _NEAR.search(before):
        return NEAR_KM
    locative = _LOCATIVE.search(before)
    infinitive = _INFINITIVE.search(before)
    # "to avoid angering China": the "to" is an infinitive's; "due to start in Pretoria" is
    # located by the preposition after it.
    # "sent to the Red Sea", "to the Netherlands", "to the Darfur region": no verb is named like a
    # sea or a country, or followed by a noun of land, so "to the" before one is a direction.
    if infinitive and locative and locative.start() == infinitive.start() \
            and not ((_WATER.search(anchor.place.name) and anchor.place.country_code == ""
                      or anchor.place.level == "country"
                      or _LAND_NOUN.match(sentence.text, anchor.end - sentence.start))
                     and _TO_THE.fullmatch(infinitive.group())):
        locative = _LOCATIVE.search(before, infinitive.start() + 2)
    if locative:
        return 0.0
    return _UNDECIDED


_NAMED_SETTLEMENT = re.compile(r"\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}(?:city|town|port|village|resort)\s+of\s+(?-i:[A-Z])",
                               re.IGNORECASE)
_DESCRIBES_A_COUNTRY = re.compile(r"\s+(?:country|nation|state|kingdom|republic|emirate|island nation)\b")
_SPAN_OF_TIME = re.compile(r"\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+"
                           r"(?:days?|weeks?|months?|years?|hours?)\b", re.IGNORECASE)
# A trigger that is a finite verb ("flew", "met", "arrives"): no name premodifies it.
_VERB_TRIGGER = re.compile(r"(?:\w+ed|met|meets|flew|flies|came|comes|went|goes|left|arrives|visits|travels|heads)\b",
                           re.IGNORECASE)
# Between a city and the trigger it premodifies: "the Venice summit", "Minsk's talks".
# ... with an adjective or an acronym or two between: "the Hong Kong ministerial meeting", "the
# Busan APEC summit" (not a verb, "Moscow said the meeting", nor a noun, "Delhi class missile").
_PREMODIFIER_GAP = re.compile(r"(?:['’]s)?\s+(?:(?-i:[a-z]+-[a-z-]+|[a-z]+(?:al|ic|ary|ive|an)|[A-Z]{2,})\s+){0,2}")
# ... and a gathering's name after its city: "the Beijing International Renewable Energy Conference"
_NAME_GAP = re.compile(r"\s+(?:(?-i:[A-Z][a-z]+|[A-Z]{2,})\s+){1,4}")


def _is_premodifier(anchor: Anchor, gap: str, trigger: Trigger) -> bool:
    """ "the St. Petersburg meeting", "the Venice summit", "the Bonn International Conference": a
    city or landmark right before a noun trigger ("Bush flew here": a name before a verb is its
    subject)."""
    return anchor.place.level in ("city", "landmark") and not _VERB_TRIGGER.match(trigger.text) \
        and (_PREMODIFIER_GAP.fullmatch(gap) is not None
             or trigger.text[:1].isupper() and _NAME_GAP.fullmatch(gap) is not None)


def _scope_end(text: str, trigger: Trigger) -> int:
    """Where places that follow the trigger stop belonging to it: an opening adverbial phrase
    ("Earlier, during separate talks, Putin referenced the battlefield in Ukraine") ends at its comma."""
    opener = _OPENER.match(text)
    if opener:
        comma = text.find(",", opener.end())
        if comma != -1 and trigger.end <= comma:
            return comma
    return len(text)


_CLAUSE_SUBJECT = re.compile(r"\s+[A-Z][a-z]+\s+(?:has|had|have|is|was|will|would|said|says|told|met|stressed|urged|added|noted|"
                             r"called|expressed|praised|thanked)\b")
_ORGANISATION_HEADS = frozenset("""Navy Army Air Force Daily Times Post Government Embassy Ministry Airlines Airways
    Television Radio Mission Command Council Parliament Cabinet Senate Congress Party Bank Group Company""".split())


def is_modifier(anchor: Anchor, after: str) -> bool:
    """ "Russia's defense strategy", "US troops": the name qualifies a noun, it is not where things are."""
    if re.match(r"['’]s\b", after):
        # "Kabul's main airport" is at Kabul, unless the phrase names the place it owns ("South
        # Korea's southern port city of Busan" is at Busan); "Russia's defence strategy" is nowhere.
        owned = _OWNED_PLACE.match(after)
        return owned is None or owned.group("named") is not None

    if _NAMED_SETTLEMENT.match(after):
        return True  # "the West Bank city of Jericho", "the Red Sea port of Aqaba": the most specific (§3.2)
    if anchor.place.level == "region" and _DESCRIBES_A_COUNTRY.match(after):
        return True  # "the Caribbean country", "the Gulf state": a description of another place
    if anchor.place.level != "country":
        return False
    if re.match(r"[-–](?:[a-z]|(?-i:[A-Z])[\w]*\s+(?-i:[a-z]))", after):
        return True  # "China-aid projects", "US-led troops", "China-Africa friendship": a compound
    if _SPAN_OF_TIME.match(after):
        return False  # "arrived in France two days after": a time phrase follows the place
    word = re.match(r"\s+([a-z][a-z\-]*)", after)
    if word:
        # "Kuwait threatened", "Kenya finally agreed": a verb after the name, not a noun it qualifies
        return word.group(1) not in AFTER_PLACE and not word.group(1).endswith(("ly", "ed"))
    if re.match(r"\s+\d+(?:st|nd|rd|th)\b", after):
        return True  # "the U.S. 6th Fleet", "Russia's 1st Guards Tank Army"
    # "the U.S. Navy", "China Daily": a capitalised word that is not a date qualifies the country;
    # not a person starting the next clause ("During his visit in Vietnam Rubin has stressed").
    name = re.match(r"\s+([A-Z][a-z]+)", after)
    return name is not None and name.group(1) not in _DATE_WORDS \
        and not (_CLAUSE_SUBJECT.match(after) and name.group(1) not in _ORGANISATION_HEADS)


def _names_land(anchor: Anchor, sentence: Sentence) -> bool:
    """ "the Lebanese coast", "the Palestinian territories": a demonym naming its country's land
    is a place (GUIDELINES §3.3), unlike "Polish troops"."""
    return anchor.kind == "demonym" and _LAND.match(sentence.text[anchor.end - sentence.start:]) is not None


def _within_reach(trigger: Trigger, gap: str, uncertainty: float | None) -> bool:
    """Weak triggers reach only a few words ahead: "a conference in Geneva", not "a conference on the
    Middle East and its concern over the West Bank"; "missiles have increased concern in Kuwait" is
    no deployment in Kuwait, but "another was said to be 100 km from Grodno" is."""
    words = len(gap.split())
    if trigger.needs_place:
        # "missiles have increased concern in Kuwait": a verb with its own object in between.
        if _VERB_WITH_OBJECT.search(gap):
            return False
        return words <= 8 or bool(uncertainty)
    if _WEAK_NOUN.fullmatch(trigger.text):
        # "consultations with his Japanese counterpart Taro Aso in Kuala Lumpur": who takes part
        # does not count against the reach, nor does when ("the conference of the committee in
        # July 2004 in Suzhou").
        words -= sum(len(found.split()) for found in _TIME_ADJUNCT.findall(gap))
        words -= len(_NAME_WORD.findall(gap))  # ... nor the name of whose it is ("of the World Heritage Committee")
        return words <= 6 or words <= 14 and (_WITH_PARTICIPANTS.fullmatch(gap) is not None
                                              or clauses.OWN_RELATIVE.match(gap) is not None)
    if _WEAK_MOTION.match(trigger.text):  # "went to Saudi Arabia", not "goes to a clinic in X"
        return words <= 1
    return True


def _owned_by(trigger: Trigger, owner: Trigger | None, text: str) -> bool:
    """Whether a place whose nearest preceding trigger is ``owner`` belongs to ``trigger``: its own,
    one of a run of deployment words ("missile destroyers and two guided missile frigates"), talks
    with a visitor ("met visiting President Kibaki in Beijing": the talks are where the visitor
    is), or a visit to forces ("visited German soldiers in Afghanistan": the visit is where they are)."""
    if owner is trigger:
        return True
    if owner is None or owner.start <= trigger.start:
        return False
    return trigger.type == owner.type == "deployment" \
        or trigger.type == "meeting" and owner.text.lower() == "visiting" \
        or trigger.type == "visit" and owner.type == "deployment" \
        and _VISITED_FORCES.fullmatch(text, trigger.end, owner.start) is not None


def _nearest_trigger_before(anchor: Anchor, sentence: Sentence, triggers: list[Trigger],
                            known: dict[int, Trigger | None]) -> Trigger | None:
    if anchor.start not in known:
        position = anchor.start - sentence.start
        before = [t for t in triggers if t.end <= position]
        known[anchor.start] = max(before, key=lambda t: t.end) if before else None
    return known[anchor.start]


def _with_coordinated(first: Anchor, names: list[Anchor], sentence: Sentence) -> list[Anchor]:
    """The first place and those coordinated with it ("Japan and Korea"), but not its container
    ("Libreville, Gabon" is one place)."""
    chosen = [first]
    for anchor in names:
        previous = chosen[-1]
        if anchor.start <= previous.start:
            continue
        gap = sentence.text[_phrase_end(previous, sentence): anchor.start - sentence.start]
        bare_comma = _BARE_COMMA.fullmatch(gap)
        if not _COORDINATED.match(gap) or bare_comma and (bare_comma.group(1) or not _LIST_GOES_ON.match(
                sentence.text, _phrase_end(anchor, sentence))):
            break  # (after a time, a bare comma ends the clause: "in Beijing on Monday, the U.S. said")
        if _contains(anchor.place, previous.place) and not _CONJUNCTION.search(gap):
            continue  # ("Riga and Liepaja" are two places even where Liepaja resolves to its region)
        chosen.append(anchor)
    return chosen


def _phrase_end(anchor: Anchor, sentence: Sentence) -> int:
    """Where a place's name ends in the sentence, with the land noun of a demonym ("the
    Palestinian territories, Israel and Egypt")."""
    end = anchor.end - sentence.start
    land = _LAND.match(sentence.text, end) if anchor.kind == "demonym" else None
    return land.end() if land else end


def _nested_in(anchor: Anchor, chosen: list[Anchor], sentence: Sentence) -> bool:
    """ "in Tyre in southern Lebanon", "to Kandahar, in southern Afghanistan": the container named
    right after a place is not a second place (§3.2: the most specific); nor is the landmark of
    a distance that locates it ("in Baidoa, 240 km northwest of Mogadishu")."""
    return any(inner.end <= anchor.start and (
        _contains(anchor.place, inner.place)
        and _NESTED_IN.fullmatch(sentence.text, inner.end - sentence.start, anchor.start - sentence.start)
        or _DISTANCE_FROM.fullmatch(sentence.text, inner.end - sentence.start, anchor.start - sentence.start))
        for inner in chosen)


def _contains(outer: Place, inner: Place) -> bool:
    return (LEVEL_RANK[outer.level] < LEVEL_RANK[inner.level]
            and outer.country_code == inner.country_code)


def _before(trigger: Trigger, sentence: Sentence, located: list[Anchor]) -> list[Anchor]:
    """A place before the trigger that frames it: "the St. Petersburg meeting", "traveled to Kyiv,
    where he met ...", "fired a missile in Riga during an exercise", "Latvia is the first country he
    will visit", or an opening "In St. Petersburg, the leaders met ..." (but not "In a speech
    delivered at the Pentagon, ...", nor where the actors are based)."""
    frame = _FRAME.match(sentence.text, story_start(sentence.text))
    for anchor in sorted(located, key=lambda a: a.start, reverse=True):
        if anchor.end > sentence.start + trigger.start:
            continue
        between = sentence.text[anchor.end - sentence.start: trigger.start]
        if trigger.type in ("meeting", "visit", "summit") \
                and _BASED_IN.search(sentence.text, max(0, anchor.start - sentence.start - 30), anchor.start - sentence.start):
            continue  # "parliamentarians based in Mogadishu resolved to hold talks": where they live
        if trigger.text.lower().startswith("visit") and _ONE_OF_THE_PLACES.fullmatch(between):
            # (and every place of the list: "Poland and Sweden are the countries he will visit")
            return [a for a in located if a.end <= sentence.start + trigger.start
                    and _ONE_OF_THE_PLACES.fullmatch(sentence.text, a.end - sentence.start, trigger.start)]
        if _is_premodifier(anchor, between, trigger) or _WHERE.fullmatch(between) or _FOR_GATHERING.fullmatch(between) \
                or _DURING.fullmatch(between) \
                or trigger.type == "visit" and (_ON_VISIT.fullmatch(between) or _WHICH_OBJECT.fullmatch(between)
                                                or trigger.text.lower() in ("stop", "leg") and _STOP_OF.fullmatch(between)):
            return [anchor]
        frame_end = frame.start() + len(frame.group().rstrip()) if frame else -1
        # "In Tehran, the agency said X held meetings with ...": the frame places the report.
        if frame and anchor.end - sentence.start == frame_end and frame_end < trigger.start \
                and not _reporting_verb().search(sentence.text, frame_end, trigger.start):
            return [anchor]
    return []


def _departure_point(trigger: Trigger, sentence: Sentence, names: list[Anchor]) -> list[Anchor]:
    """An event at the place a traveller or a force comes from: talks "left Kathmandu on Wednesday
    after holding talks with Koirala"; anything "from Damascus, where he had met Assad", "withdrawn
    from the Bay of Bengal, where the navies launched the drill" (§3.1)."""
    for anchor in names:
        if anchor.end > sentence.start + trigger.start:
            break
        gap_from = anchor.end - sentence.start
        # (a country left leaves the city of the talks to the trip: "Wen left Uganda after talks")
        if trigger.type in ("meeting", "summit") and _AFTER_DOING.fullmatch(sentence.text, gap_from, trigger.start) \
                and anchor.place.level != "country" \
                and _LEFT.search(sentence.text, 0, anchor.start - sentence.start) \
                or _WHERE.fullmatch(sentence.text, gap_from, trigger.start) and sentence.text.startswith(",", gap_from) \
                and _FROM.search(sentence.text, 0, anchor.start - sentence.start):
            return [anchor]
    return []


def _gathering_place(trigger: Trigger, sentence: Sentence, anchors: list[Anchor], dateline: Anchor | None,
                     triggers: list[Trigger], memo: SentenceMemo) -> list[tuple[Anchor, float | None]]:
    """Talks held "at the CSTO summit in Astana", or framed by it ("At the summit in Astana, Hu
    met Putin"), take the summit's place (§3.4 a: part of the gathering)."""
    for other in triggers:
        if other.start > trigger.end and _AT_GATHERING.search(sentence.text[trigger.end: other.start]):
            return attach(other, sentence, anchors, dateline, triggers, memo)
        if trigger.type == "meeting" and other.type in ("meeting", "summit") and other.end < trigger.start \
                and _AT_GATHERING.fullmatch(sentence.text[:other.start]) \
                and "," in sentence.text[other.end: trigger.start] \
                and not _reporting_verb().search(sentence.text, other.end, trigger.start):
            return attach(other, sentence, anchors, dateline, triggers, memo)
    return []


def _before_in_clause(trigger: Trigger, sentence: Sentence, located: list[Anchor]) -> bool:
    """Whether a place a preposition locates comes before the trigger in its sentence."""
    return any(a.end <= sentence.start + trigger.start for a in located)


def _subject(trigger: Trigger, sentence: Sentence, names: list[Anchor]) -> list[Anchor]:
    """A country or region that is the clause's subject and holds the forces: "Belarus operates
    S-400 systems", "As Poland modernizes its defenses" (not "The United States provided vessels")."""
    for anchor in names:
        if anchor.end > sentence.start + trigger.start:
            break
        before = sentence.text[: anchor.start - sentence.start]
        after = sentence.text[anchor.end - sentence.start:]
        clause_opening = re.split(r"[,;:]", before)[-1].split()
        if anchor.place.level in ("country", "region") and len(clause_opening) <= 2 \
                and not _AFTER_PREPOSITION.search(before) and _HOSTING.match(after):
            return [anchor]
    return []


def _host(trigger: Trigger, sentence: Sentence, names: list[Anchor]) -> list[Anchor]:
    """The place that hosts the gathering: "Nigeria is to host a summit", "China hosted four rounds
    of talks", "the summit, hosted by Nigeria", "talks which China hosted" (§3.1: the place the text
    attaches to the event)."""
    for anchor in names:
        if anchor.end > sentence.start + trigger.start:
            gap, after = sentence.text[trigger.end: anchor.start - sentence.start], sentence.text[anchor.end - sentence.start:]
            if (_HOSTED_BY.fullmatch(gap) and not is_modifier(anchor, after[:_PHRASE_REACH])  # (not "by the Latvian navy")
                    or _WHICH_HOST.fullmatch(gap) and _HOST_VERB.match(after)):
                return [anchor]
            continue
        before = sentence.text[: anchor.start - sentence.start]
        clause_opening = re.split(r"[,;:]", before)[-1].split()
        if len(clause_opening) <= 2 and not _AFTER_PREPOSITION.search(before) \
                and _HOSTS.fullmatch(sentence.text[anchor.end - sentence.start: trigger.start]):
            return [anchor]
    return []


def acting_countries(sentence: Sentence, anchors: list[Anchor]) -> list[str]:
    """Countries acting in the sentence: demonyms ("Polish troops") and owners ("a U.S. missile
    base", "Russia's push"), as the field's corpora annotate them."""
    acting = []
    for anchor in anchors:
        after = sentence.text[anchor.end - sentence.start:]
        if anchor.kind == "demonym" or anchor.place.level == "country" and _owner().match(after):
            acting.append(anchor.place.name)
    return acting
