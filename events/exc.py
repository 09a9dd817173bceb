"""The events package's exceptions: one root, each subclass also a built-in where it fits."""

from __future__ import annotations

import re

# Characters that would break a one-line message on a terminal: C0/C1 controls (newline, ESC
# of ANSI sequences, ...), DEL, line/paragraph separators and the bidi controls that reorder
# what follows (a name "txt.exe\u202e" can pose as another), and lone surrogates (a file name
# that is not UTF-8 holds some), which cannot even be encoded to be printed.
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def one_line(text: str) -> str:
    """``text`` safe to print as one line: each character listed above shown as its escape
    (``\\n``, ``\\x1b``, ``\\u202e``), everything else unchanged (Cyrillic names stay readable)."""
    return _UNPRINTABLE.sub(lambda m: _escape(m.group()), str(text))


def _escape(char: str) -> str:
    escaped = char.encode("unicode_escape").decode("ascii")
    return escaped if escaped != char else f"\\u{ord(char):04x}"


class EventsError(Exception):
    """Root of every error the events package raises on purpose."""


class ArticleError(EventsError, ValueError):
    """A file or upload cannot be read as articles.

    The message is one line naming the file and the reason, ready to show a user: whatever a
    file name or a value quoted in it holds, it is escaped by ``one_line``.
    """

    def __init__(self, message: object = "") -> None:
        super().__init__(one_line(str(message)))


class StoreError(EventsError, OSError):
    """The event store cannot be opened or written (not a database, unwritable, ...)."""


class SchemaVersionError(StoreError):
    """The store was written by a newer version of geotimeline than this one."""
