"""Article -> events: the extraction pipeline, one stage a module (see pipeline.py)."""

from events.extract.pipeline import extract

__all__ = ["extract"]
