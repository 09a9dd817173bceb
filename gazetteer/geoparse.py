"""``geoparse(text)``: every place reference in a text, recognised and resolved.

``Geoparser(gazetteer)`` is the object form for callers that hold their gazetteer (the events
extractor): it never touches ``Gazetteer.default()``. ``geoparse(text, gazetteer=gz)`` is the
same call for one text; without ``gazetteer`` it uses ``Gazetteer.default()``.

Thread safety: a ``Gazetteer``, a ``Recognizer`` and a ``Geoparser`` may each be shared by any
number of threads. None of them keeps state from one call to the next (the gazetteer's only
mutable parts are per-thread SQLite connections and caches of immutable Places filled with the
same value whichever thread fills them); resolution is a pure function of its inputs.
"""

from __future__ import annotations

from gazetteer.errors import InvalidInputError
from gazetteer.index import Gazetteer
from gazetteer.place import Toponym
from gazetteer.resolve import resolve
from gazetteer.toponyms import Mention, Recognizer

# Long texts are scanned in blocks cut at whitespace, so memory stays proportional to a block.
BLOCK_CHARS = 200_000


def _blocks(text: str):
    start = 0
    while start < len(text):
        end = min(len(text), start + BLOCK_CHARS)
        if end < len(text):
            # cut at a line break (names never span one); a space only in a block without any
            cut = text.rfind("\n", start + BLOCK_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _has_text(text: str) -> bool:
    """Does ``text`` hold anything to parse? Raises ``InvalidInputError`` for a non-str."""
    if not isinstance(text, str):
        raise InvalidInputError(f"geoparse expects text (str), got {type(text).__name__}: "
                                f"{text!r:.80}")
    return bool(text.strip())


class Geoparser:
    """Recognise and resolve the place references of a text with one Gazetteer
    (``Geoparser(gz)(text) -> [Toponym]``). Read-only after construction: safe to share
    between threads. ``Geoparser()`` uses ``Gazetteer.default()``."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()
        self.recognizer = Recognizer(self.gazetteer)

    def __call__(self, text: str) -> list[Toponym]:
        """All place references in ``text``, sorted by start, non-overlapping, with
        ``text[t.start:t.end] == t.text``. ``[]`` for a text without places;
        ``InvalidInputError`` (a ``TypeError``) when ``text`` is not a str."""
        if not _has_text(text):
            return []
        mentions: list[Mention] = []
        for offset, block in _blocks(text):
            for m in self.recognizer(block):
                mentions.append(Mention(m.start + offset, m.end + offset, m.kind, m.candidates))
        return resolve(text, mentions)


def geoparse(text: str, *, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """``Geoparser(gazetteer)(text)``: all place references in ``text`` (see
    ``Geoparser.__call__``), with ``Gazetteer.default()`` when ``gazetteer`` is None. Building
    the Geoparser costs nothing worth caching (the common-word list is read once per process)."""
    if not _has_text(text):
        return []  # (checked before the default index is opened or built)
    return Geoparser(gazetteer)(text)
