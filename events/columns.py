"""The ``events`` table's columns, derived from the Event dataclass's fields, and the
conversion of a stored row back into an Event.

Each field is one column of its own name holding its value, except those in the small tables
below: a Span is two columns (``_start``/``_end``), a date is ISO text, a tuple a JSON list, and
``corrected`` is never stored. A row begins with its key, ``article_id`` and ``seq`` (the event's
position in its article's extraction). The SQL schema itself is the migration history in
``events.store``; a test checks that the two agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from events.model import Event, Span

# Fields kept elsewhere: human corrections live in their own table (events.corrections).
NOT_STORED = ("corrected",)
# A row begins with its key: the article's id (also a field) and the event's position in the
# article's extraction (not a field).
KEY = ("article_id", "seq")
# A Span's two columns are named after the field, but for the event word's (stored before
# the other spans were, as trigger_start / trigger_end).
_SPAN_PREFIX = {"trigger_span": "trigger"}


def iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def day(text: str | None) -> dt.date | None:
    """The stored ISO day; a value that is not one (a store edited by hand or by another
    program) reads as no date rather than making every read of the store fail."""
    if not isinstance(text, str):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def real(value: float | None) -> float | None:
    return None if value is None else float(value)


def json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None else Span(start, end)


@dataclasses.dataclass(frozen=True)
class Column:
    """How one Event field is stored: its columns, the cells of a value, and the value of
    those cells (None: the one cell is the value)."""

    field: str
    columns: tuple[str, ...]
    cells: Callable[[Any], tuple]
    value: Callable[..., Any] | None = None


def _column(name: str, hint: object) -> Column:
    """The storage of field ``name`` of type ``hint``, by its type (None aside)."""
    kind = _base(hint)
    if kind is Span:
        prefix = _SPAN_PREFIX.get(name, name)
        return Column(name, (f"{prefix}_start", f"{prefix}_end"),
                      lambda s: (None, None) if s is None else (s.start, s.end), _span)
    if kind is dt.date:
        return Column(name, (name,), lambda d: (iso(d),), day)
    if kind is tuple:
        return Column(name, (name,), lambda t: (json_list(t),), lambda s: tuple(json.loads(s)))
    if kind is float:
        return Column(name, (name,), lambda x: (real(x),))
    return Column(name, (name,), lambda x: (x,))


def _base(hint: object) -> object:
    """``hint`` without ``| None``, and a generic (``tuple[str, ...]``) as its plain type."""
    if isinstance(hint, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    return typing.get_origin(hint) or hint


def _stored() -> tuple[Column, ...]:
    hints = typing.get_type_hints(Event)
    return tuple(_column(f.name, hints[f.name]) for f in dataclasses.fields(Event)
                 if f.name not in NOT_STORED)


# Every stored field, in the dataclass's order; the body of a row is all but its key's field.
STORED = _stored()
_BODY = tuple(column for column in STORED if column.field not in KEY)
# The columns of an ``events`` row, in the order ``to_row`` writes and ``from_row`` reads.
EVENT_COLUMNS: tuple[str, ...] = (*KEY, *(name for column in _BODY for name in column.columns))
# How ``from_row`` reads each field, by the number of its cells: positions in the row and the
# conversion, if any (rows are read by the million: no call is made where none is needed).
_AT = {name: i for i, name in enumerate(EVENT_COLUMNS)}
_AS_IS = tuple((c.field, _AT[c.field]) for c in STORED if c.value is None)
_ONE = tuple((c.field, c.value, _AT[c.columns[0]]) for c in STORED
             if c.value is not None and len(c.columns) == 1)
_TWO = tuple((c.field, c.value, _AT[c.columns[0]], _AT[c.columns[1]]) for c in STORED
             if len(c.columns) == 2)


def to_row(event: Event, seq: int) -> tuple:
    """The ``events`` row of ``event``, the ``seq``-th of its article (as ``EVENT_COLUMNS``)."""
    body = (cell for column in _BODY for cell in column.cells(getattr(event, column.field)))
    return (event.article_id, seq, *body)


def from_row(row: tuple) -> Event:
    """The Event of an ``events`` row selected as ``EVENT_COLUMNS``."""
    if len(row) != len(EVENT_COLUMNS):
        raise ValueError(f"an events row has {len(EVENT_COLUMNS)} columns, not {len(row)}")
    fields = {field: row[i] for field, i in _AS_IS}
    fields.update({field: value(row[i]) for field, value, i in _ONE})
    fields.update({field: value(row[i], row[j]) for field, value, i, j in _TWO})
    return Event(**fields)
