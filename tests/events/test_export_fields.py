"""Every Event field is exported (shows in ``to_record``) unless ``NOT_EXPORTED`` says it is
not: adding a field to Event is a choice about the export too."""

import dataclasses
import datetime as dt
import types
import typing

import pytest

from events.export import NOT_EXPORTED, to_record
from events.model import Event, Span


def _changed(value, hint):
    """Another value of the field's type than ``value``."""
    if isinstance(hint, types.UnionType):  # X | None
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    kind = typing.get_origin(hint) or hint  # tuple[str, ...] is a tuple
    if kind is str:
        return value + "x"
    if kind is int:
        return value + 1
    if kind is float:
        return 1.0 if value is None else value + 0.5
    if kind is dt.date:
        return dt.date(2001, 2, 3) if value is None else value + dt.timedelta(days=1)
    if kind is Span:
        return Span(0, 1) if value is None else Span(value.start + 1, value.end + 1)
    if kind is tuple:
        return (*value, "x")
    raise AssertionError(f"no other value of {hint!r} known: teach this test one")


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Event)])
def test_a_field_shows_in_the_record_unless_not_exported(make_event, field):
    event = make_event("a1", 0)
    hint = typing.get_type_hints(Event)[field]
    other = dataclasses.replace(event, **{field: _changed(getattr(event, field), hint)})
    shows = to_record(other) != to_record(event)
    assert shows is (field not in NOT_EXPORTED)
