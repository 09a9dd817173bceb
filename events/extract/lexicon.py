"""The extraction lexicon, read from the tables in lexicon/: one table a concept, one row a word or
phrase with the guideline section it follows and an example of its own.

    types.toml      event types and their CAMEO codes
    triggers.toml   the words and phrases that report an event of a type
    military.toml   military nouns: forces that deploy, and words that make a sentence military
    modality.toml   cues that make an event negated, cancelled, conditional or only wished for
    filters.toml    uses of a trigger word that report no event of its type

Each table is read and compiled once per process, on first use, into immutable values.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre_constants  # the regex parse tree (stable since 3.11)
from re import _parser as sre_parser

LEXICON_DIR = Path(__file__).with_name("lexicon")


@dataclass(frozen=True)
class TriggerPattern:
    """All trigger rows of one type, needs_place and needs_force, as one regular expression."""

    type: str
    pattern: re.Pattern[str]
    needs_place: bool
    needs_force: bool = False  # a force must be named before it ("troops based in", not "an activist based in")
    # Case-folded words of which every match holds one (None: no such set). Scanning a sentence
    # that holds none of them cannot match, and a substring test is far cheaper than the scan.
    keywords: frozenset[str] | None = None

    def may_match(self, folded: str) -> bool:
        """False only if the pattern cannot match the sentence whose case-folded text is ``folded``."""
        return self.keywords is None or any(word in folded for word in self.keywords)


def _table(name: str, key: str) -> list[dict]:
    with open(LEXICON_DIR / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)[key]


def _words(alternatives: list[str]) -> str:
    """One non-capturing group of alternatives, bounded by word boundaries."""
    return r"\b(?:" + "|".join(f"(?:{a})" for a in alternatives) + r")\b"


@functools.cache
def cameo_codes() -> dict[str, str]:
    return {row["name"]: row["cameo"] for row in _table("types", "type")}


@functools.cache
def force_nouns() -> str:
    """The military force nouns as one regex group (no word boundaries: callers add them)."""
    return "(?:" + "|".join(row["pattern"] for row in _table("military", "noun") if row["role"] == "force") + ")"


@functools.cache
def ship_nouns() -> re.Pattern[str]:
    rows = [row["pattern"] for row in _table("military", "noun") if row.get("kind") == "ship"]
    return re.compile("(?:" + "|".join(rows) + ")", re.IGNORECASE)


@functools.cache
def military_words() -> re.Pattern[str]:
    """Words that make a sentence military: forces (unless marked otherwise) and context words."""
    rows = [row["pattern"] for row in _table("military", "noun") if row.get("military", True)]
    return re.compile(_words(rows), re.IGNORECASE)


@functools.cache
def trigger_patterns() -> tuple[TriggerPattern, ...]:
    """The trigger table grouped by (type, needs_place, needs_force) in the table's order of precedence."""
    groups: dict[tuple[str, bool, bool], list[str]] = {}
    for row in _table("triggers", "trigger"):
        pattern = row["pattern"].replace("{FORCE}", force_nouns())
        key = (row["type"], row.get("needs_place", False), row.get("needs_force", False))
        groups.setdefault(key, []).append(pattern)
    patterns = []
    for (kind, needs_place, needs_force), rows in groups.items():
        pattern = re.compile(_words(rows), re.IGNORECASE)
        patterns.append(TriggerPattern(kind, pattern, needs_place, needs_force, required_words(pattern)))
    return tuple(patterns)


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Case-folded strings of which every match of ``pattern`` contains at least one, or None."""
    try:
        return _required(sre_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # a construct this reading does not know: no prefilter, never a wrong one
        return None


def _required(items: list) -> frozenset[str] | None:
    """The required words of a parsed sequence: the best set among its literal stretches and its
    groups, alternations and repeats that must occur; the best is the one whose shortest word is
    longest. Anything that may match without a literal (classes, lookarounds) ends a stretch."""
    found: list[frozenset[str] | None] = []
    stretch = frozenset([""])  # what the literal stretch so far may read
    for op, value in items:
        exact = _exact([(op, value)])
        if exact is not None and len(stretch) * len(exact) <= 64:
            stretch = frozenset(head + tail for head in stretch for tail in exact)
            continue
        found.append(stretch)
        stretch = frozenset([""])
        if op is sre_constants.SUBPATTERN:
            found.append(_required(value[-1]))
        elif op is sre_constants.BRANCH:
            branches = [_required(branch) for branch in value[1]]
            found.append(None if None in branches else frozenset().union(*branches))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1:
            found.append(_required(value[2]))
    found.append(stretch)
    known = [words for words in found if words and "" not in words]
    best = max(known, key=lambda words: min(map(len, words)), default=None)
    # (a word holding another of the set adds nothing: "meets" holds "meet")
    return best and frozenset(w for w in best if not any(o != w and o in w for o in best))


def _exact(items: list) -> frozenset[str] | None:
    """Every string a parsed sequence of literals, groups, alternations and optional parts can
    match (case-folded), or None if it can match others."""
    strings = frozenset([""])
    for op, value in items:
        if op is sre_constants.LITERAL:
            choices = frozenset([chr(value).casefold()])
        elif op is sre_constants.SUBPATTERN:
            choices = _exact(value[-1])
        elif op is sre_constants.BRANCH:
            branches = [_exact(branch) for branch in value[1]]
            choices = None if None in branches else frozenset().union(*branches)
        elif op is sre_constants.MAX_REPEAT and value[:2] == (0, 1):
            choices = _exact(value[2])
            choices = choices and choices | {""}
        else:
            return None
        if choices is None or len(strings) * len(choices) > 64:
            return None
        strings = frozenset(head + tail for head in strings for tail in choices)
    return strings


@functools.cache
def modality_cues(after: bool = False) -> str:
    """The modality cues as one regex group; ``after``: only those that also deny from after."""
    return _words([row["pattern"] for row in _table("modality", "cue") if row.get("after", False) or not after])


def modality_kind(cue: str) -> str:
    """The kind (negation, wish, condition...) of a cue that modality_cues() matched."""
    return next(kind for kind, pattern in _modality_kinds() if pattern.search(cue))


@functools.cache
def _modality_kinds() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["kind"], re.compile(_words([row["pattern"]]), re.IGNORECASE))
                 for row in _table("modality", "cue"))


@functools.cache
def filter_words(concept: str) -> str:
    """One filter concept of filters.toml as a regex group of its alternatives."""
    for row in _table("filters", "filter"):
        if row["concept"] == concept:
            return _words([row["pattern"]])
    raise KeyError(f"no filter {concept!r} in filters.toml")
