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

LEXICON_DIR = Path(__file__).with_name("lexicon")


@dataclass(frozen=True)
class TriggerPattern:
    """All trigger rows of one type, needs_place and needs_force, as one regular expression."""

    type: str
    pattern: re.Pattern[str]
    needs_place: bool
    needs_force: bool = False  # a force must be named before it ("troops based in", not "an activist based in")


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
    return tuple(TriggerPattern(kind, re.compile(_words(rows), re.IGNORECASE), needs_place, needs_force)
                 for (kind, needs_place, needs_force), rows in groups.items())


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
