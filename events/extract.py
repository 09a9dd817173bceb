"""Article -> events: the pure extraction stage (see DESIGN.md). Work in progress: returns no events yet."""

from __future__ import annotations

from events.model import Article, Event


def extract(article: Article) -> list[Event]:
    """Every event the article reports, one per (type, place, date), in text order."""
    return []
