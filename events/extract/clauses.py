"""Clause structure between a trigger and a later word: whether a place or date after the trigger
still belongs to the trigger's own clause (GUIDELINES §3.1 and §4: the event's own place and date)."""

from __future__ import annotations

import re

from events.extract.triggers import Trigger

# A verb between "talks" and a later place or date starts another predicate: "talks covered issues
# including the situation in North Korea". Reporting verbs and participles that open a new clause.
CLAUSE_VERB = re.compile(
    r"\b(?:said|says|told|added|noted|stressed|covered|focused|reaffirmed|referenced|underscored|"
    r"including|included|includes|regarding|concerning|involving)\b")
# A report made at the talks it names: "Hu said here Tuesday in a meeting with Ansip", "told
# reporters on Monday during talks with", "said when meeting Ansip": the report's place and date
# are the talks' (matched on the text before the trigger, from its reporting verb).
REPORT_AT_TALKS = re.compile(r"\b(?:said|says|told|stressed|noted|added|pledged|urged|expressed)\b(?:\s+[\w'’-]+){0,4}?"
                             r"\s+(?:in|at|during|when|while)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+)?$",
                             re.IGNORECASE)
# The sentence ties its talks to a visit or stay (GUIDELINES §3.4 a): "during the visit", "on his trip",
# an opening "In a milestone visit to Japan,".
STAY = re.compile(r"(?:\b(?:during|on|(?:in|over) the course of|throughout|at the end of|while on)|(?:^|(?<=[-—–:] ))\s*in)\s+(?:the|his|her|their|this|a|(?-i:[A-Z])\w+['’]s)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stay)\b|\bafter (?:his|her|their) arrival\b", re.IGNORECASE)
# The verbs that make talks the purpose of a trip: "arrived to hold / finalise / resume talks".
PURPOSE_VERB = r"(?:hold|have|conduct|continue|resume|finali[sz]e|conclude|begin|start|open|attend)"
# A tour and its stops (§1 visit: "trip/tour to").
TOUR = re.compile(r"(?:tour|trip|journey)s?", re.IGNORECASE)
# A tour's own relative clause listing its stops.
STOPS = re.compile(r"^(?:\s+(?:of|to|in|through|across)\s+[^,;]{1,40}?|\s+(?:next|this|last)\s+\w+)?\s*,?\s*"
                   r"(?:including|(?:starting|beginning) with|(?:(?:which|that)\s+)?(?:\w+\s+){0,2}?"
                   r"(?:includ(?:es|ed|ing)|(?:taken|take|takes|took|brought|bring|brings|led|leads)\s+(?:him|her|them|the\s+\w+)(?:\s+on)?\s+to))\b[^;]*$",
                   re.IGNORECASE)
# A stop its relative clause names with "to the" ("which has taken him to the Netherlands").
STOP_TO_THE = re.compile(STOPS.pattern[1:-len(r"[^;]*$")] + r"\s+the\s+", re.IGNORECASE)  # fullmatch
# ... and the first stops it starts with ("a three-country tour, starting with Laos and Cambodia").
STARTING_WITH = re.compile(r"[^;]*\b(?:starting|beginning)\s+with\s+(?:the\s+)?", re.IGNORECASE)  # fullmatch
# A gathering named as what something is about ("optimistic about the six-way talks", "a row over
# the talks", "a line under talks"): a topic, not a report that it is held.
ABOUT = re.compile(r"\b(?:about|over|under)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# What is discussed is a topic, not a venue: "meet the king to discuss the situation in Syria";
# so is what the event answers ("will meet because of the crisis in Russia") or follows ("will visit
# Warsaw after last week's elections in Latvia").
# (its dates still date the talks: "to discuss trade on Monday").
TOPIC = re.compile(r"\bdiscuss(?:es|ed|ing)?\b|\b(?:aimed|designed|intended)\s+(?:at|to)\s+(?:(?!(?:\w+ed|began|begun|met|held|is|are|was|were|will)\b)[\w'’-]+\s+){0,8}?$|\b(?:on|over|about|for|to\s+(?-i:[a-z]+)|(?-i:[a-z]+ing)|because\s+of|due\s+to|owing\s+to|amid(?:st)?|in\s+(?:view|light)\s+of|in\s+response\s+to|(?:after|before|ahead\s+of|since)(?:\s+(?:[\w-]+\s+)?[\w-]+['’]s)?)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,6}?"
                   r"(?:(?:situation|issue|question|crisis|conflict|problem|dispute|peace process|relations|ties|"
                   r"cooperation|war|ceasefire|cease-fire|truce|fighting|violence|developments?|progress|efforts|stability|"
                   r"security|reconstruction|tension|tensions|programs?|programmes?|plans?|construction|building|elections?|"
                   r"vote|referendum|policy|policies|reforms?|investment|trade|sales)\s+(?:in|of|with|between|on)"
                   # what goes to a place is no venue either: "talks on food aid to North Korea"
                   r"|(?:aid|assistance|relief|exports?|imports?|sales|shipments?|deliveries|supplies|loans?)\s+(?:to|from|into))"
                   r"\s+(?:the\s+)?"
                   # ("the crisis in western Darfur", "in Sudan's western region of Darfur", "in the
                   # Sudanese region of Darfur")
                   r"(?:(?-i:[A-Z])[\w-]*['’]s\s+)?(?:(?:north|south|east|west|central)\w*\s+|neighbou?ring\s+)?"
                   r"(?:(?:(?-i:[A-Z])[\w-]*\s+)?(?:region|province|state|republic)\s+of\s+)?$")
# A temporal clause with a subject of its own: "his first visit since the Taliban took power in
# Kabul", "talks after he assumed office in Delhi".
SUBORDINATE = re.compile(r"\b(?:since|after|before|following|until|ahead of|prior to)\s+(?:the|a|an|his|her|its|"
                         r"their|he|she|they|it|we|two|three|four|five|several|some|many|most|all|both|(?-i:[A-Z])\w+)\b(?:\s+[\w'’-]+){0,4}?\s+"
                         r"(?-i:[a-z]+(?:ed|s)|took|came|began|won|fell|left|went|made|held|met|became|gave|sent|"
                         r"broke|rose|seized)\b", re.IGNORECASE)
# What the event's noun is the subject of, when it is not where the event is: "the visit is clouded
# by the controversy in Washington", "the envoy's visit came as clashes erupted in Nablus".
CIRCUMSTANCE = re.compile(r"\b(?:overshadowed|clouded|dominated|marred|came|comes|coincided|coincides|followed|follows)\b",
                          re.IGNORECASE)
# A condition after the trigger: "talks can resume only if Israel stops building in East Jerusalem".
CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
# A relative clause opened after the trigger and still open at a place: the place is the clause's
# ("met a lawyer who opposes his return to Cuba"). Deployments are not checked: where forces go
# is often said in the clause that names them.
RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b[^,;]*$")  # still open at the place
# ... unless it opens right after the trigger and so describes the event ("the meeting, which
# is scheduled to be held in Islamabad").
OWN_RELATIVE = re.compile(r"\s*,?\s*(?:which|that)\b[^,;]*$")
# A comma followed by a clause of its own (three words or more before the place) that does not
# open an apposition ("his first to Britain") or a modifier ("scheduled for December 6 in Minsk").
NEW_CLAUSE = re.compile(r",(?!\s+(?:his|her|their|its|including|mainly|mostly|notably|especially|both|which|that|who|"
                        r"\w+ed|\w+ing|held|set|due|in|at|on|to|for|with|near|from)\b)"
                        r"(?:\s+[^\s,]+){3,}\s+$", re.IGNORECASE)
# ... nor does an aside on the gathering before its own "held in" or "open in" ("The summit,
# scheduled for November 4-5, will be held in Mar del Plata"; "Talks on the dispute, which has
# lasted for decades, will open on Monday in Geneva").
HELD_AFTER_ASIDE = re.compile(r",\s*(?:which|scheduled|set|slated|due|planned)\b[^,;]*,\s*(?:(?:will|would)\s+|(?:is|are)\s+to\s+)?"
                              r"(?:(?:be|was|were|is|are|has\s+been|had\s+been)\s+(?:held|hosted|convened|staged)|"
                              r"(?:open|begin|start|resume|convene|take\s+place)\w*)\s+(?:on\s+\w+\s+)?(?:in|at)\s+(?:the\s+)?$",
                              re.IGNORECASE)
# ... but the commas of a list of names are no clause ("talks with Hu Jintao, Wu Bangguo and Wen
# Jiabao in Beijing").
NAME_LIST = re.compile(r",\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3}(?:(?:,\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3})*?"
                       r"and\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3}(?:(?-i:[a-z])[\w'’-]*\s+){0,2}(?:in|at)\s+(?:the\s+)?$")


# A predicate of its own after "and": "cut short her visit and will return to Dhaka".
NEXT_PREDICATE = re.compile(r"\b(?:and|but)\s+(?:then\s+)?(?:will|would|shall|is to|was to|has|had)\s+(?:\w+ly\s+)?"
                            r"(?-i:[a-z]+)\b", re.IGNORECASE)


def in_another_clause(trigger: Trigger, gap: str) -> bool:
    """Whether a place after the trigger, ``gap`` after it, lies in another clause: past a verb of
    saying or listing, inside a relative clause still open at the place, or past a comma that opens
    a new clause ("Albright's trip, the ministry issued a warning for Kenya"), not an apposition
    ("the visit, his first to Britain"). Where forces go or train is often said in another clause
    ("The drill, involving 6,500 soldiers, was carried out in X"), so deployments and exercises
    are not checked."""
    if trigger.type in ("deployment", "exercise"):
        return False
    if TOUR.fullmatch(trigger.text) and STOPS.search(gap):
        return False  # "a tour which includes Namibia", "a tour that has taken him to Kenya"
    return bool(CLAUSE_VERB.search(gap) or TOPIC.search(gap) or SUBORDINATE.search(gap) or CONDITION.search(gap)
                or CIRCUMSTANCE.search(gap) or NEXT_PREDICATE.search(gap)
                or RELATIVE.search(gap) and not OWN_RELATIVE.match(gap)
                or NEW_CLAUSE.search(gap) and not NAME_LIST.search(gap) and not HELD_AFTER_ASIDE.search(gap))
