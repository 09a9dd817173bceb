"""Articles -> dated, typed, geolocated events: reading, dates, extraction, merging and the store.

The stages are modules named for what they do (``events.extract.Extractor``,
``events.merge.merge``); the package names only the value types and the store.
"""

from events.extract import Extractor
from events.model import Article, Event, Span, TimeExpression
from events.store import Store

__all__ = ["Article", "Event", "Extractor", "Span", "Store", "TimeExpression"]
