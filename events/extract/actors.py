"""Actors of an event: people, organisations and countries named in its sentence."""

from __future__ import annotations

import re

# Multilateral bodies and alliances news reports as actors. Longer names first so that
# "Supreme State Council of the Union State" wins over "Union State".
ORGANISATIONS = (
    "Supreme State Council of the Union State", "Collective Security Treaty Organization",
    "Commonwealth of Independent States", "Eurasian Economic Union", "European Union",
    "United Nations", "African Union", "World Trade Organization", "Union State",
    "NATO", "CSTO", "CIS", "EAEU", "EU", "UN", "AU", "WTO", "BRICS", "ASEAN", "OSCE", "SCO",
    "G7", "G-7", "G20", "G-20", "OPEC", "IAEA", "Hamas", "Hezbollah", "Taliban",
)
_ORGANISATION = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in ORGANISATIONS) + r")\b")

# Two to four capitalised words ("Mohamed ElBaradei", "John McCain"), optionally with a particle
# ("bin", "al-", "de") or a middle initial ("George W. Bush"): a person's name
# when none of its words is a place, title, month or sentence-opening function word.
# Words of a name are separated by spaces only: a name never runs across a line break.
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)?(?:[ \t]+(?:(?:bin|al|de|van|von|da|le|[A-Z]\.)[ \t]+)?"
                   r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)?){1,5}\b")
_NOT_NAME_WORDS = frozenset(
    """The A An In On At As By For From Of To With And But Or If When While After Before During
    Following Amid Among Despite Under Over Through Throughout Without Within Against Toward Towards
    Until Unlike Including Instead Meanwhile However Although Though Because Asked
    Since This That These Those It Its His Her Their Our We They He She President Prime Minister
    Secretary State Foreign Defense Defence Minister Ministry Chancellor King Queen Prince Princess
    Premier General Commander Speaker Senator Vice Deputy Chairman Chief Leader Director Ambassador
    Pope Lieutenant Colonel Admiral Mr Mrs Ms Dr Union Council Supreme Armed Forces Army Navy
    Air Force Republic Federation Kingdom United States Nations Organization Treaty Security
    Economic Eastern Western Northern Southern Central European Eurasian January February March
    April May June July August September October November December Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday Related Previous Next More Strategic Military Regional
    Technical Statistical Key Current Additionally According Earlier Later Both Participants
    Party Parliament Government Ministry Office House Senate Congress Agency Department
    Summit Conference Meeting Meetings Talks Forum Cooperation Agreement Treaty Games Committee
    Commission Assembly Round Declaration Dialogue Group Organisation Organization""".split()
)


def find_people(text: str) -> list[tuple[int, int, str]]:
    """Spans of likely personal names (two or more capitalised words that are not a title)."""
    people = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        # Keep the run of words after the last title or function word:
        # "Belarusian President Alexander Lukashenko" -> "Alexander Lukashenko".
        while any(w in _NOT_NAME_WORDS for w in words):
            words = words[max(i for i, w in enumerate(words) if w in _NOT_NAME_WORDS) + 1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        people.append((match.end() - len(name), match.end(), name))
    return people


def surname_index(people: list[tuple[int, int, str]]) -> dict[str, str]:
    """Surname -> full name for the people of an article, so that a later "Putin" is "Vladimir Putin"."""
    index: dict[str, str] = {}
    for _, _, name in people:
        index.setdefault(name.split()[-1], name)  # the first, fullest mention names the person
    return index


def find_actors(sentence: str, surnames: dict[str, str], countries: list[str],
                places_at: list[tuple[int, int]] = (), find_new_people: bool = True) -> tuple[str, ...]:
    """People, organisations and countries acting in ``sentence``, in order of first mention.

    ``places_at`` are the spans of place names, which are never people. In a headline every word
    is capitalised, so only people already known by surname are found there.
    """
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = list(places_at)
    for match in _ORGANISATION.finditer(sentence):
        found.append((match.start(), match.group()))
        taken.append(match.span())
    for start, end, name in find_people(sentence) if find_new_people else []:
        if not any(s < end and start < e for s, e in taken):
            found.append((start, name))
            taken.append((start, end))
    for surname, full in surnames.items():
        for match in re.finditer(r"\b" + re.escape(surname) + r"\b", sentence):
            if not any(s <= match.start() < e for s, e in taken):
                found.append((match.start(), full))
    names = [name for _, name in sorted(found)] + list(countries)
    return tuple(dict.fromkeys(names))
