"""The events package's exceptions: one root, each subclass also a built-in where it fits."""

from __future__ import annotations


class EventsError(Exception):
    """Root of every error the events package raises on purpose."""


class ArticleError(EventsError, ValueError):
    """A file or upload cannot be read as articles.

    The message is one line naming the file and the reason, ready to show a user.
    """


class StoreError(EventsError, OSError):
    """The event store cannot be opened or written (not a database, unwritable, ...)."""


class SchemaVersionError(StoreError):
    """The store was written by a newer version of geotimeline than this one."""
