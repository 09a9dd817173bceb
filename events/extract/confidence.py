"""How likely an extracted event is to be one a careful reader finds: a logistic model over
features of the finished event (its type and trigger word, where its place and date came from,
the sentence around it), fitted on the development set's train split.

The weights live in confidence.json next to this module and are refitted by
``python -m events.extract.fit``; inference is a sum of weights and a sigmoid, so extraction
needs no machine-learning library at run time. An event's probability is its ``confidence``;
events below the fitted threshold are not reported.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from events.extract import lexicon
from events.model import Event

WEIGHTS_PATH = Path(__file__).with_name("confidence.json")

@functools.cache
def _cues() -> dict[str, re.Pattern[str]]:
    """Words of the sentence that tell what kind of statement it is: a report, a plan, a quote."""
    return {
        "said": re.compile(lexicon.filter_words("reporting") + r"|\baccording to\b", re.IGNORECASE),
        "future": re.compile(r"\b(?:will|shall|to be|is to|are to|expected|scheduled|due to|plans? to)\b",
                             re.IGNORECASE),
        "quote": re.compile(r"[\"“”]"),
        "first_person": re.compile(r"\b(?:I|we|our)\b"),
        "question": re.compile(r"\?"),
    }


@dataclass(frozen=True)
class ConfidenceModel:
    """Feature weights and the probability below which an event is not reported. Immutable, so
    one model serves many threads."""

    weights: dict[str, float]
    threshold: float

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> ConfidenceModel:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return cls(weights=dict(data["weights"]), threshold=float(data["threshold"]))

    def probability(self, features: list[str]) -> float:
        score = sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def event_features(event: Event, sentence_index: int, dateline_place: str, events: list[Event]) -> list[str]:
    """The feature names of one finished event; ``events`` are all of its article's events."""
    kind = event.type
    trigger = event.evidence[event.trigger_span.start:event.trigger_span.end].lower()
    source = ("sentence" if event.place_span is not None
              else "dateline" if event.place_id == dateline_place else "trip")
    features = [
        "bias", f"type={kind}", f"trigger={trigger}|{kind}", f"source={source}", f"source={source}|{kind}",
        f"level={event.place_level}", f"level={event.place_level}|{kind}",
        f"date={event.date_granularity}", f"date={event.date_granularity}|{kind}",
        f"basis={event.date_basis}", f"sentence={_bucket(sentence_index, (0, 1, 3, 7))}",
        f"actors={min(len(event.actors), 3)}",
        f"same_type={_bucket(sum(1 for e in events if e.type == kind), (1, 2, 4))}|{kind}",
    ]
    if event.uncertainty_km:
        features.append("approximate_place")
    if event.place_id == dateline_place:
        features.append(f"at_dateline|{kind}")
    features += [f"cue={name}|{kind}" for name, cue in _cues().items() if cue.search(event.evidence)]
    return features


def _bucket(value: int, limits: tuple[int, ...]) -> str:
    return next((str(limit) for limit in limits if value <= limit), "more")
