"""``geoparse(text)``: every place reference in a text, recognised and resolved."""

from __future__ import annotations

from gazetteer.errors import InvalidInputError
from gazetteer.index import Gazetteer
from gazetteer.place import Toponym
from gazetteer.resolve import resolve
from gazetteer.toponyms import Mention, Recognizer

# Long texts are scanned in blocks cut at whitespace, so memory stays proportional to a block.
BLOCK_CHARS = 200_000

_recognizers: dict[int, Recognizer] = {}


def _recognizer(gz: Gazetteer) -> Recognizer:
    rec = _recognizers.get(id(gz))
    if rec is None or rec.gz is not gz:
        rec = _recognizers[id(gz)] = Recognizer(gz)
    return rec


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


def geoparse(text: str, *, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """All place references in ``text``, sorted by start, non-overlapping, with
    ``text[t.start:t.end] == t.text``. ``[]`` for a text without places; ``InvalidInputError``
    (a ``TypeError``) when ``text`` is not a str."""
    if not isinstance(text, str):
        raise InvalidInputError(f"geoparse expects text (str), got {type(text).__name__}: "
                                f"{text!r:.80}")
    if not text.strip():
        return []
    gz = gazetteer or Gazetteer.default()
    rec = _recognizer(gz)
    mentions: list[Mention] = []
    for offset, block in _blocks(text):
        for m in rec(block):
            mentions.append(Mention(m.start + offset, m.end + offset, m.kind, m.candidates))
    return resolve(text, mentions)
