"""Name normalisation shared by the index and the matcher: one key per spelling variant."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Punctuation that separates words inside a name ("Nur-Sultan", "St. Petersburg", "U.S.").
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015./,()]+")
# Apostrophes vanish rather than split: "Mins'k" and "Minsk" share a key.
_APOSTROPHES = re.compile(r"['\u2019\u2018`\u02bc\u02b9\u2032]")
# Abbreviations news writes for the first word of a name; GeoNames spells them out.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
# Letters NFKD does not decompose into a base letter + accent.
_LETTERS = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                          "ı": "i", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th"})


def strip_accents(text: str) -> str:
    """``"Mińsk Mazowiecki" -> "Minsk Mazowiecki"`` (letters of other scripts are kept)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_KEY_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit_keys(key: str) -> set[str]:
    """The keys one letter away from ``key``: a letter dropped, added, changed, or two adjacent
    letters swapped ("nassiriyah" -> "nasiriyah", "hemland" -> "helmand")."""
    keys = set()
    for i in range(len(key) + 1):
        keys.update(key[:i] + c + key[i:] for c in _KEY_LETTERS)
        if i < len(key):
            keys.add(key[:i] + key[i + 1:])
            keys.update(key[:i] + c + key[i + 1:] for c in _KEY_LETTERS)
        if i < len(key) - 1:
            keys.add(key[:i] + key[i + 1] + key[i] + key[i + 2:])
    keys.discard(key)
    return keys


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a name: accent- and case-free, words separated by one space.

    Returns "" when nothing word-like is left. Keys never contain lone surrogates, so they can
    always be encoded (arbitrary input strings must not make the matcher raise).
    """
    text = strip_accents(name).casefold()
    text = _APOSTROPHES.sub("", text)
    words = [w for w in _SEPARATORS.split(text) if w]
    if words and words[0] in _ABBREVIATIONS and len(words) > 1:
        words[0] = _ABBREVIATIONS[words[0]]
    key = " ".join(words)
    if not key.isascii():
        key = key.encode("utf-8", "ignore").decode("utf-8")
    return key
