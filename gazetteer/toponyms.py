"""Toponym recognition: find the spans of a text that name places (or demonyms of countries).

Rule-based: capitalised word sequences are looked up in the gazetteer (longest first), then
filtered with evidence a reader would use — sentence position, common English words, personal
titles, neighbouring capitalised words (a longer name such as a person or a brand), and how
plausible the best candidate is on its own.

Thread safety: a ``Recognizer`` holds only read-only values (its Gazetteer and the common-word
list), and everything one call learns about its text (tokens, candidate spans, the words used
as people's names) lives in a per-call ``_Scan``. One Recognizer can be shared by any number of
threads; two calls never see each other's state.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from gazetteer.abbreviations import REGION_ABBREVIATIONS
from gazetteer.index import MAX_NAME_WORDS, Gazetteer
from gazetteer.normalize import name_key
from gazetteer.place import Place
from gazetteer.scoring import contains, prior
from gazetteer.sources import common_words as _common_words
from gazetteer.wordlists import (
    CALENDAR_WORDS,
    CONNECTORS,
    DOTTED_PREFIXES,
    FIRST_NAMES,
    GENERIC_NAMES,
    GIVEN_NAMES,
    LOCATIVES,
    NOT_AFTER_PLACE,
    NOT_PLACES,
    PLACE_PREPOSITIONS,
    TITLES,
    VERBS_BEFORE_PEOPLE,
)

# A word: letters with inner apostrophes ("d'Ivoire"), but a possessive "'s" is left out
# ("Russia's" -> "Russia"); dotted initialisms are one word ("U.S."). Hyphens split words, so
# "Russia-Turkey ties" and "Seattle-based" expose their names; "Nur-Sultan" is found as a
# two-word name joined by a hyphen.
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|(?<!['\u2019])[^\W\d_]+(?:['\u2019](?!s\b)[^\W\d_]+)*")
# An elided article before a capital counts as capitalised ("Côte d'Ivoire", "Val d'Or").
_ELISION = re.compile(r"^[dl]['\u2019][A-Z]")
# What follows the place of a dateline: "(Reuters)", " - ", " -- ".
_DATELINE_TAIL = re.compile(r"\s*(?:\(|-|\u2014|\u2013)")
# Where a new sentence or line starts, capitalisation carries no evidence.
_SENTENCE_END = re.compile(r"[.!?:;\"“”»)\]]\s*$|^\s*$")

STRONG_CITY_POPULATION = 100_000
# Verbs of speech right after a one-word name make it a speaker, unless the place is big or a
# capital (governments speak through capitals: "Moscow said").
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "asked", "replied", "stated", "noted",
                          "argued", "insisted", "announced", "declared", "warned", "wrote"})
SMALL_PLACE_POPULATION = 1_000
FAMOUS_ALT_NAMES = 40
ALT_NAME_MIN_POPULATION = 50_000


def _strong(cands) -> bool:
    return any(p.level == "country" or p.feature == "ADM1" or p.id.startswith("supp:")
               or p.population >= STRONG_CITY_POPULATION for p, _ in cands)


def _person_words(text: str, tokens: list[_Token], spans, found,
                  lower_words: frozenset[str], common: frozenset[str]) -> frozenset[str]:
    """Capitalised words the text uses as parts of people's names: the word after a title or
    a given name ("President Bush", "Jenny Palma", "Georgia Stevens"), and a given name of
    ``GIVEN_NAMES`` itself when a surname follows."""
    out: set[str] = set()
    for i in range(1, len(tokens)):
        prev, tok = tokens[i - 1], tokens[i]
        if not (tok.cap and prev.cap and _joinable(text, prev, tok)) or tok.text.isupper():
            continue
        low = prev.text.lower().rstrip(".")
        if tok.text.lower() in lower_words:
            continue  # "London Homeless Coalition": the next word is an ordinary word here
        if low in TITLES:
            out.add(tok.text)
        elif low in FIRST_NAMES or (
                low in GIVEN_NAMES and not any(_strong(found.get(k, ())) for _, k in spans[i])):
            out.update((prev.text, tok.text))
        elif (text[prev.end:tok.start] == " " and low not in common and low not in lower_words
              and not any(k in found for _, k in spans[i - 1]) and prev.text.isalpha()
              and not prev.text.isupper()):
            # "Mevlut Mert Altintas": an unusual capitalised word that names no place,
            # followed by a name, is the end of a person's name
            out.add(tok.text)
    for i in range(1, len(tokens)):
        prev, tok = tokens[i - 1], tokens[i]
        # "Dr. Ivins", "Mr. Lau"
        if tok.cap and text[prev.end:tok.start] == ". " and prev.text.lower() in TITLES:
            out.add(tok.text)
    return frozenset(out)


@dataclass(frozen=True)
class Mention:
    """A recognised span with its candidate places, before resolution."""

    start: int
    end: int
    kind: str  # "name" | "demonym"
    candidates: tuple[tuple[Place, bool], ...]  # (place, matched on one of its own names)


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    cap: bool  # starts with a capital letter


@dataclass(frozen=True, slots=True)
class _Scan:
    """What one call knows about its text, passed down to every check (never stored on the
    shared Recognizer): the tokens, each token's candidate (end, key) spans, the gazetteer
    candidates per key, the words the text writes in lower case, and the capitalised words it
    uses as parts of people's names."""

    text: str
    tokens: list[_Token]
    spans: list[list[tuple[int, str]]]
    found: dict[str, tuple[tuple[Place, bool], ...]]
    lower_words: frozenset[str]
    persons: frozenset[str]
    # What a name's candidate list says whatever the context (``_Facts``), worked out once per
    # list: a text repeats its names, and a list has hundreds of entries for some.
    facts: dict[int, _Facts] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What ``_accept`` weighs about a name's candidates, whatever the context."""

    best_place: Place  # the candidate of highest prior (the first such)
    own_any: bool  # some candidate is matched on one of its own names
    strong: bool  # some candidate is well known (a country, a big city, a famous name...)
    huge: bool  # some candidate is a country, a curated row or a city of a million
    country: bool  # some candidate is a country


_FACILITY_WORDS = frozenset("hotel palace hospital airport street avenue square bridge road house hall "
                            "center centre park stadium".split())  # "the President Hotel Riga"


_INSTITUTION_HEADS = frozenset({"university", "college", "institute", "polytechnic", "seminary"})


def _facts(cands) -> _Facts:
    return _Facts(
        best_place=max(cands, key=lambda c: prior(c[0], own_name=c[1]))[0],
        own_any=any(own for _, own in cands),
        strong=any(
            p.level == "country" or p.id.startswith(("supp:", "admin1:"))
            or (p.level == "region" and own and p.feature != "ADM2"
                and p.population >= STRONG_CITY_POPULATION)
            or (p.level == "city" and own and p.population >= STRONG_CITY_POPULATION)
            # a place with names in dozens of languages is known well beyond its size
            or (own and len(p.alt_names) >= FAMOUS_ALT_NAMES)
            for p, own in cands),
        huge=any(p.level == "country" or p.id.startswith("supp:")
                 or (own and p.population >= 1_000_000) for p, own in cands),
        country=any(p.level == "country" for p, _ in cands),
    )


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), w, w[:1].isupper() or bool(_ELISION.match(w)))
            for m in TOKEN.finditer(text) for w in (m.group(),)]


def _joinable(text: str, left: _Token, right: _Token) -> bool:
    """Can ``right`` continue a name that ends with ``left``? Only a space, a hyphen, or the
    dot of "St." may separate them; never a newline, comma or sentence end."""
    gap = text[left.end:right.start]
    if gap in (" ", "-", "\u00a0", "'s ", "\u2019s "):
        return True
    return gap in (". ", ".") and left.text in DOTTED_PREFIXES


def _spans(text: str, tokens: list[_Token]) -> list[list[tuple[int, str]]]:
    """For each token index, the candidate (end token index, key) pairs, longest first."""
    out: list[list[tuple[int, str]]] = []
    for i, tok in enumerate(tokens):
        cands: list[tuple[int, str]] = []
        if tok.cap:
            j = i
            while j < len(tokens) and j - i < MAX_NAME_WORDS:
                last = tokens[j]
                if j > i and not (last.cap or last.text in CONNECTORS):
                    break
                if last.cap:
                    cands.append((j, name_key(text[tok.start:last.end])))
                if j + 1 < len(tokens) and not _joinable(text, last, tokens[j + 1]):
                    break
                j += 1
        out.append(cands[::-1])
    return out


def _sentence_initial(text: str, tokens: list[_Token], i: int) -> bool:
    if i == 0:
        return True
    gap = text[tokens[i - 1].end:tokens[i].start]
    if "\n" in gap:
        return True
    before = text[max(0, tokens[i - 1].end - 1):tokens[i].start]
    return bool(_SENTENCE_END.search(before.rstrip(" \t'\"“‘(")) or gap.strip(" \t\"“‘(") in
                (".", "!", "?", ":", ";"))


class Recognizer:
    """Finds toponym mentions in text using one Gazetteer (``__call__(text) -> [Mention]``).

    Safe to share between threads: it keeps no per-call state (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, common_words: frozenset[str] | None = None):
        self.gz = gazetteer
        self.common = common_words if common_words is not None else _common_words()

    def __call__(self, text: str) -> list[Mention]:
        tokens = _tokens(text)
        spans = _spans(text, tokens)
        demonyms = self.gz.demonyms
        # Tuples, so that every mention of a name shares its candidates (``Mention`` keeps them).
        found = {key: tuple(cands) for key, cands in self.gz.candidates_by_key(
            {k for cands in spans for _, k in cands if k not in demonyms and k not in NOT_PLACES}).items()}
        lower_words = frozenset(t.text for t in tokens if t.text.islower())
        scan = _Scan(text, tokens, spans, found, lower_words,
                     _person_words(text, tokens, spans, found, lower_words, self.common))
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            taken = None
            abbr = self._abbreviation(text, tokens, i)
            if abbr is not None:
                mentions.append(abbr)
                i += 1
                continue
            for j, key in spans[i]:
                if key in NOT_PLACES:
                    taken = (j, None)  # skip the whole organisation name
                    break
                if key in demonyms:
                    place = self.gz.country(demonyms[key])
                    if place is not None and self._demonym_ok(text, tokens, i, j):
                        taken = (j, Mention(tokens[i].start, tokens[j].end, "demonym",
                                            ((place, True),)))
                        break
                    continue
                cands = found.get(key)
                if cands and self._accept(scan, i, j, cands):
                    taken = (j, Mention(tokens[i].start, tokens[j].end, "name", tuple(cands)))
                    break
            if taken is None:
                i += 1
            else:
                if taken[1] is not None:
                    mentions.append(taken[1])
                i = taken[0] + 1
        return self._repeat_accepted(scan, mentions)

    def _repeat_accepted(self, scan: _Scan, mentions: list[Mention]) -> list[Mention]:
        """A single-word name accepted once is a place wherever else the text capitalises it
        ("born in Churchill, Man." ... "a Churchill doctor"), except inside a person's name."""
        text = scan.text
        accepted = {text[m.start:m.end]: m for m in mentions
                    if m.kind == "name" and " " not in text[m.start:m.end]}
        if not accepted:
            return mentions
        starts = [m.start for m in mentions]  # sorted, non-overlapping
        extra = []
        for tok in scan.tokens:
            m = accepted.get(tok.text)
            if m is None or tok.text in scan.persons:
                continue
            k = bisect.bisect_right(starts, tok.start) - 1
            if k >= 0 and mentions[k].end > tok.start:
                continue  # inside a mention already found
            extra.append(Mention(tok.start, tok.end, "name", m.candidates))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def _abbreviation(self, text: str, tokens: list[_Token], i: int) -> Mention | None:
        """"Ky." after "Edmonton, " is Kentucky; only in that position, where it cannot be
        the word "Miss" or "Man"."""
        tok = tokens[i]
        if not tok.cap or i == 0 or len(tok.text) > 5:
            return None
        abbr = tok.text.rstrip(".")
        if abbr[:1].isupper() and abbr.isupper() and len(abbr) > 1 and "." not in abbr:
            abbr = abbr[0] + abbr[1:].lower()  # datelines: "EDMONTON, KY."
        region = REGION_ABBREVIATIONS.get(abbr)
        if region is None or not tokens[i - 1].cap or not re.fullmatch(
                r",\s?", text[tokens[i - 1].end:tok.start]):
            return None
        after = text[tok.start + len(tok.text.rstrip(".")):]
        # "Edmonton, Ky." anywhere; "EDMONTON, Ky (WBKO)" without the dot only in a dateline
        dotted = after.startswith(".")
        if not dotted and not (tokens[i - 1].text.isupper() and _DATELINE_TAIL.match(after)):
            return None
        cc, name = region
        places = [p for p in self.gz.lookup(name) if p.country_code == cc and p.level == "region"]
        if not places:
            return None
        end = tok.start + len(tok.text.rstrip(".")) + dotted
        return Mention(tok.start, end, "name", tuple((p, True) for p in places[:1]))

    def _enclosed(self, scan: _Scan, j: int, cands) -> bool:
        """Is the name followed by ", <region or country containing one of its candidates>"
        ("Churchill, Man.", "Paris, Texas")?"""
        text, tokens, spans, found = scan.text, scan.tokens, scan.spans, scan.found
        if j + 1 >= len(tokens) or not re.fullmatch(r",\s?", text[tokens[j].end:tokens[j + 1].start]):
            return False
        outer: list[Place] = []
        abbr = self._abbreviation(text, tokens, j + 1)
        if abbr is not None:
            outer.extend(p for p, _ in abbr.candidates)
        for _, key in spans[j + 1]:
            outer.extend(p for p, _ in found.get(key, ()) if p.level in ("region", "country"))
        return any(contains(o, p) for o in outer for p, _ in cands)

    def _demonym_ok(self, text: str, tokens: list[_Token], i: int, j: int) -> bool:
        # "Chinese" in "Chinese Taipei" or "Russian" in "Russian Roulette" still refer to the
        # country in the corpora; an all-caps heading word is no evidence either way.
        return not tokens[i].text.isupper() or len(tokens[i].text) > 4

    def _accept(self, scan: _Scan, i: int, j: int, cands) -> bool:
        text, tokens, spans, found = scan.text, scan.tokens, scan.spans, scan.found
        lower_words = scan.lower_words
        if j == i and tokens[i].text.lower() in GENERIC_NAMES:
            return False
        facts = scan.facts.get(id(cands))
        if facts is None:
            facts = scan.facts[id(cands)] = _facts(cands)
        best_place, own_any, strong, huge = facts.best_place, facts.own_any, facts.strong, facts.huge
        first = tokens[i]
        words = [t.text for t in tokens[i:j + 1]]
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        prev_joined = prev is not None and _joinable(text, prev, first)
        # "arrived in Doha Monday": a weekday or month after a name does not continue it
        next_joined = nxt is not None and _joinable(text, tokens[j], nxt) and nxt.text.lower() not in CALENDAR_WORDS
        if prev_joined and prev.text.lower().rstrip(".") in TITLES and not facts.country:
            return False
        if prev_joined and prev.cap and i >= 2 and _joinable(text, tokens[i - 2], prev) \
                and tokens[i - 2].text.lower().rstrip(".") in TITLES and not facts.country and j == i \
                and prev.text.lower() not in _FACILITY_WORDS:
            return False  # "President Ricardo Lagos": a title, a given name, a surname
        if prev_joined and prev.text.lower() in FIRST_NAMES and not facts.country:
            return False  # "George Washington", "John Bolton"
        if next_joined and nxt.text.lower() in _INSTITUTION_HEADS and not facts.country:
            return False  # "Columbia University", "Harvard College": an institution, not the town
        if prev is not None and text[prev.end:first.start] == ". " and \
                prev.text.lower() in TITLES:
            return False
        multi = j > i
        if self._enclosed(scan, j, cands):
            return True
        if not multi:
            word = first.text
            low = word.lower()
            if word in scan.persons and (best_place.level != "country" or low in GIVEN_NAMES) \
                    and not (strong and prev is not None and prev.text.lower() in PLACE_PREPOSITIONS):
                return False
            if nxt is not None and (text[first.end:first.end + 1] == "$" or (
                    next_joined and nxt.text.lower() in NOT_AFTER_PLACE)):
                return False  # "US$460", "Marburg virus"
            if next_joined and nxt.text.lower() in SPEECH_VERBS and not huge and not (
                    prev is not None and prev.text.lower() in PLACE_PREPOSITIONS) and not any(
                    p.feature == "PPLC" or (own and len(p.alt_names) >= FAMOUS_ALT_NAMES) for p, own in cands):
                return False  # "Bush said": a person; "Moscow said" (a capital) stays a place
            if word.isupper() and len(word) > 1:
                # "NATO", "AIDS": acronyms; datelines ("TOKYO") name big places; curated
                # short forms ("NSW", "UAE") are names
                return strong and len(word) > 3 or any(
                    own and (p.level == "country" or p.id.startswith("supp:")) for p, own in cands)
            sentence_initial = _sentence_initial(text, tokens, i)
            if low in GIVEN_NAMES and next_joined and nxt.cap and not self._is_place_start(
                    spans, found, j + 1):
                return False
            if low in CALENDAR_WORDS:
                return False
            after_locative = prev is not None and prev.text.lower() in LOCATIVES and \
                text[prev.end:first.start] == " "
            if not strong:
                if low in lower_words:
                    return False
                # (after "in", a big city's short name is the city: "in Cebu", "to Frankfurt")
                if low in self.common and not (after_locative and (
                        own_any and not next_joined
                        or best_place.population >= 500_000 and not (next_joined and nxt.cap))):
                    return False
                if sentence_initial and not (prev is None and nxt is None):
                    return False
                if (prev_joined and prev.cap) or (next_joined and nxt.cap):
                    return False
                if not own_any and best_place.population < ALT_NAME_MIN_POPULATION:
                    return False
                if best_place.population < SMALL_PLACE_POPULATION and not (
                        prev is not None and prev.text.lower() in LOCATIVES):
                    return False
            elif low in lower_words and not huge:
                # the word is used as an ordinary word in this very text ("the bath", "a mobile")
                return False
            elif (low in self.common and not huge and next_joined and nxt.cap
                  and not self._is_place_start(spans, found, j + 1)):
                return False  # a word-like name starting a longer name ("Delta Air Lines")
            elif low in self.common and not huge and not after_locative and best_place.level == "city" \
                    and prev is not None and prev.text.lower() in VERBS_BEFORE_PEOPLE:
                return False  # "met Bush", "told Bush": a person, though Būsh is a city
            return True
        # Multi-word names: capitalised sequences that exactly match a name are rarely wrong,
        # but require own-name evidence or a sizeable place for alternate-name matches.
        if all(w.lower() in self.common or w.lower() in CONNECTORS for w in words) and not strong \
                and best_place.population < SMALL_PLACE_POPULATION * 10:
            return False
        return own_any or best_place.population >= ALT_NAME_MIN_POPULATION or strong

    @staticmethod
    def _is_place_start(spans, found, i: int) -> bool:
        return any(key in found for _, key in spans[i]) if i < len(spans) else False
