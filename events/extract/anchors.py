"""The article's place mentions that can locate an event: the geoparser's resolved names, an
unnamed "<country> capital" read as that capital, a bare "the capital" and a lower-case "the gulf"
read as the capital and the gulf the article named before, "the country" or "the province" read
as the one it named just before, a misspelt town named only as a place ("troops in Nassiriyah"),
and the dateline's place (GUIDELINES §2, §3.1)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from gazetteer import Gazetteer, Place, geoparse
from gazetteer.wordlists import CALENDAR_WORDS

# After a country name, words that keep it a place ("troops in Japan are") rather than make it a
# modifier ("US troops", "a U.S. missile base").
AFTER_PLACE = frozenset(
    """and or but nor in on at to for from with by of as than since until till during before after
    this that these those next last later earlier where which who whose when while is are was were
    be been being has have had will would shall should can could may might must do does did not
    the a an about over under into near via amid today tomorrow yesterday tonight now soon early
    late again too also then despite against following through throughout within without along
    beyond including toward towards across behind inside outside upon unless if because so yet
    said says began become became came went took gave made sent met left saw won lost held kept
    told fell rose just only shortly barely even ahead starting beginning ending around sometime""".split())


@dataclass(frozen=True)
class Anchor:
    """A resolved place mention in the article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str
    place: Place


def find_places(text: str, gazetteer: Gazetteer) -> list[Anchor]:
    """Every resolved place mention in the text that can locate an event, in order.

    Continents are too vague to put an event on a map ("a trip to Europe", "west Africa"), and the
    second half of a compound names no place ("an Asia-Pacific summit", "Sino-Japanese talks").
    """
    anchors = [Anchor(t.start, t.end, t.text, t.kind, t.place) for t in geoparse(text, gazetteer=gazetteer)
               if t.place and t.place.feature != "CONT" and not _SECOND_HALF.search(text, max(0, t.start - 2), t.start)]
    anchors = sorted((_capital(a, text, gazetteer) or _city_state(a, gazetteer) or a for a in anchors),
                     key=lambda a: a.start)
    return sorted(anchors + _water_described(text, anchors) + _capital_described(text, anchors, gazetteer)
                  + _land_described(text, anchors) + _misspelt(text, anchors, gazetteer), key=lambda a: a.start)


_SECOND_HALF = re.compile(r"\w[-–]$")
_CITY_SHARE = 0.5  # of a country's people living in its capital of the same name, to call it a city-state


def _city_state(anchor: Anchor, gazetteer: Gazetteer) -> Anchor | None:
    """A country that is one city ("Singapore", "Hong Kong") named by a name, as its city: "the
    Hong Kong ministerial meeting" is a meeting in the city (§2 place_level: cities are cities)."""
    if anchor.place.level != "country" or anchor.kind != "name":
        return None
    city = gazetteer.capital(anchor.place.country_code)
    if city is None or city.name.lower() != anchor.text.lower() \
            or city.population < _CITY_SHARE * anchor.place.population:
        return None
    return Anchor(anchor.start, anchor.end, anchor.text, anchor.kind, city)


# "the gulf", "the strait": a body of water the article names before, by its kind (§2: a
# description takes the name the article uses elsewhere for the same place).
_WATER_DESCRIPTION = re.compile(r"\bthe\s+(?-i:(gulf|straits?|bay|channel|sea|peninsula))\b")


def _water_described(text: str, anchors: list[Anchor]) -> list[Anchor]:
    found = []
    for description in _WATER_DESCRIPTION.finditer(text):
        kind = description.group(1)
        named = [a for a in anchors if a.end <= description.start()
                 and re.search(rf"\b{kind}\b", a.place.name, re.IGNORECASE)]
        if named and not any(a.start <= description.start() < a.end for a in anchors):
            found.append(Anchor(description.start(), description.end(), description.group(), "name", named[-1].place))
    return found


# "arrived in the capital": the capital the article named before, or of the country it named
# last (§2: a description takes the name the article uses elsewhere for the same place).
_THE_CAPITAL = re.compile(r"\b(?:in|to|at|into|reached|outside|around)\s+(?P<described>the\s+capital(?:\s+city)?)\b"
                          r"(?=\s*[.;:,]|\s+(?P<next>[a-z]+))")
_NAME_QUALIFIES = re.compile(r"-|\s+(?:(?-i:[A-Z])|([a-z]+))")  # "U.S. forces", "Soviet Minister", "Ethiopia-backed"


def _capital_described(text: str, anchors: list[Anchor], gazetteer: Gazetteer) -> list[Anchor]:
    found = []
    for description in _THE_CAPITAL.finditer(text):
        if description.group("next") and description.group("next") not in AFTER_PLACE \
                or any(0 < a.start - description.end() <= 3 for a in anchors):
            continue  # "to the capital markets"; "in the capital, Beirut" names it
        before = [a for a in anchors if a.end <= description.start() and (a.kind == "demonym" or not _qualifies(a, text))
                  and (a.place.level == "country" or a.place.feature == "PPLC")]
        if not before:
            continue
        named = before[-1].place
        city = named if named.level != "country" else gazetteer.capital(named.country_code)
        if city is not None:
            found.append(Anchor(description.start("described"), description.end(), description.group("described"),
                                "name", city))
    return found


# "troops in the conflict-ridden country", "across the Himalayan nation", "in the province": a
# country or region named just before (§2: a description takes the name the article uses for it).
_THE_LAND = re.compile(r"\b(?:in|to|at|into|across|throughout|inside|around|within|for)\s+(?P<described>the\s+"
                       r"(?:(?-i:[a-z])[\w-]*\s+|(?-i:[A-Z])[a-z]+\s+){0,3}?(?P<kind>country|nation|kingdom|province|region|island))"
                       r"\b(?!['’])(?=\s*[.;:,\")]|\s+(?P<next>[a-z]+))")
_LAND_LEVEL = {"country": "country", "nation": "country", "kingdom": "country",
               "province": "region", "region": "region", "island": "region"}
_ANTECEDENT_REACH = 400  # characters: about the two sentences before, where a description's antecedent is
_LONGEST_NAME = 200  # characters of a place name, generously ("the Democratic Republic of ...")


def _land_described(text: str, anchors: list[Anchor]) -> list[Anchor]:
    starts = [a.start for a in anchors]
    found = []
    for description in _THE_LAND.finditer(text):
        start = description.start("described")
        if description.group("next") and description.group("next") not in AFTER_PLACE \
                or _inside_one(start, anchors):
            continue  # "in the country music charts"; "the Gulf region" is named
        level = _LAND_LEVEL[description.group("kind")]
        # (an antecedent ending within reach starts at most a long name earlier)
        reach = anchors[bisect.bisect_left(starts, start - _ANTECEDENT_REACH - _LONGEST_NAME):bisect.bisect_left(starts, start)]
        before = [a for a in reach if a.place.level == level and 0 <= start - a.end <= _ANTECEDENT_REACH
                  and (a.kind == "demonym" or not _qualifies(a, text))]
        if before:
            found.append(Anchor(start, description.end("described"), description.group("described"), "name",
                                before[-1].place))
    return found


# An unknown capitalised name after a locative preposition ("troops left in Nassiriyah").
_LOCATED_NAME = re.compile(r"\b(?:in|at|into|near|to)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?"
                           r"((?-i:[A-Z][a-z]{5,}))\b(?!\s+(?-i:[A-Z]))")
_MISSPELT_MIN_PEOPLE = 20_000  # a misspelling is guessed only for a town the reader would know
_MISSPELT_MAX_NAMES = 20  # names looked up an article (each is one query of a few hundred spellings)
_CAPITALISED = re.compile(r"\b(?-i:[A-Z][a-z]{5,})\b")


def _misspelt(text: str, anchors: list[Anchor], gazetteer: Gazetteer) -> list[Anchor]:
    """Names the gazetteer does not know that are one letter from a town or region of a country
    the article names, when the article uses them only as places (never "Kabila said")."""
    countries = {a.place.country_code for a in anchors if a.place.country_code}
    if not countries:
        return []
    located = [m for m in _LOCATED_NAME.finditer(text) if not _inside_one(m.start(1), anchors)]
    if not located:
        return []
    uses = Counter(m.group() for m in _CAPITALISED.finditer(text))  # one pass, however long the text
    as_place = Counter(m.group(1) for m in located)
    names = [name for name in as_place
             if uses[name] == as_place[name] and name.lower() not in CALENDAR_WORDS][:_MISSPELT_MAX_NAMES]
    guesses = {}
    for name in names:
        near = [p for p in gazetteer.lookup_misspelt(name) if p.country_code in countries
                and (p.level == "region" or p.level == "city" and p.population >= _MISSPELT_MIN_PEOPLE)]
        if near:
            guesses[name] = near[0]
    return [Anchor(m.start(1), m.end(1), m.group(1), "name", guesses[m.group(1)])
            for m in located if m.group(1) in guesses]


def _inside_one(position: int, anchors: list[Anchor]) -> bool:
    """Whether ``position`` lies inside one of the anchors (sorted by start, not overlapping)."""
    i = bisect.bisect_right(anchors, position, key=lambda a: a.start) - 1
    return i >= 0 and anchors[i].start <= position < anchors[i].end


def _qualifies(anchor: Anchor, text: str) -> bool:
    """Whether a name qualifies the noun after it ("U.S. forces", "Iran's nuclear programme")."""
    after = _NAME_QUALIFIES.match(text, anchor.end)
    return after is not None and (after.group(1) is None or after.group(1) not in AFTER_PLACE)


# "the Afghan capital", "Afghanistan's (seaside) capital" with no name after it (not "China's
# ancient capital", "Nigeria's commercial capital"; §3.1: "the capital" is
# its antecedent): the country's capital city.
_UNNAMED_CAPITAL = re.compile(r"(?:['’]s)?\s+(?:(?!(?:former|ancient|old|imperial|historic|historical|onetime|one-time|"
                              r"colonial|summer|winter|commercial|financial|economic|business|cultural|provincial|"
                              r"regional|religious|spiritual|northern|southern|eastern|western)\b)(?-i:[a-z])[\w-]*\s+){0,2}?"
                              r"capital(?:\s+city)?\b(?!\s+(?:of\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|"
                              r"Friday|Saturday|Sunday)\b)(?-i:[A-Z]))")  # ("the Pakistani capital Tuesday")
_APPOSED_NAME = re.compile(r",\s+((?-i:[A-Z])[\w'’.-]*)")  # "the Malian capital, Bamako"
_CAPITAL_OF = re.compile(r"\bthe\s+capital(?:\s+city)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)  # "the capital of Laos"


def _capital(anchor: Anchor, text: str, gazetteer: Gazetteer) -> Anchor | None:
    """The capital city an unnamed "<country> capital" description refers to, as an anchor over
    the whole description, or None."""
    if anchor.place.level != "country":
        return None
    capital_of = _CAPITAL_OF.search(text, max(0, anchor.start - 30), anchor.start)
    if capital_of:
        city = gazetteer.capital(anchor.place.country_code)
        return Anchor(capital_of.start(), anchor.end, text[capital_of.start():anchor.end], "name", city) if city else None
    description = _UNNAMED_CAPITAL.match(text, anchor.end)
    if description is None:
        return None
    word = re.match(r"\s+([a-z]+)", text[description.end():])
    if word and word.group(1) not in AFTER_PLACE:
        return None  # "Russian capital markets", "Iran's capital spending"
    city = gazetteer.capital(anchor.place.country_code)
    if city is None:
        return None
    # "the Malian capital, Bamako": the name that follows is the place; "the Kenyan capital, Hu met"
    # is another clause's subject.
    apposed = _APPOSED_NAME.match(text, description.end())
    if apposed and city.name.lower().startswith(apposed.group(1).lower()[:4]):
        return None
    return Anchor(anchor.start, description.end(), text[anchor.start:description.end()], "name", city)


def dateline_anchor(text: str, span: tuple[int, int], anchors: list[Anchor],
                    gazetteer: Gazetteer) -> Anchor | None:
    """The dateline's place: the geoparser's reading if it has one, else the best city of that name."""
    start, end = span
    for anchor in anchors:
        if anchor.start <= start < anchor.end:
            return anchor
    candidates = gazetteer.lookup(text[start:end].title())
    cities = [p for p in candidates if p.level == "city"] or candidates
    return Anchor(start, end, text[start:end], "name", cities[0]) if cities else None
