"""Article -> events: the extraction pipeline, one stage a module (see pipeline.py)."""

from events.extract.pipeline import Extractor, extract

__all__ = ["Extractor", "extract"]
