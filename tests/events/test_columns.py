"""The Event's fields drive the store's columns (events/columns.py): the columns derived from
the dataclass are the ``events`` table's, and rows read back into the events written."""

import dataclasses
import sqlite3

import pytest

from events import columns
from events.model import Event
from events.store import Store


def test_the_derived_columns_are_the_tables(tmp_path):
    # A field added to Event without a migration adding its column fails here.
    Store(tmp_path / "new.sqlite").close()
    with sqlite3.connect(tmp_path / "new.sqlite") as conn:
        table = [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    assert sorted(columns.EVENT_COLUMNS) == sorted(table)
    assert len(set(columns.EVENT_COLUMNS)) == len(columns.EVENT_COLUMNS)


def test_every_field_is_stored_but_the_corrections():
    stored = {column.field for column in columns.STORED}
    assert stored | set(columns.NOT_STORED) == {f.name for f in dataclasses.fields(Event)}
    assert columns.EVENT_COLUMNS[:2] == columns.KEY


def _variants(make_event):
    return [
        make_event("a1", 0),
        make_event("a1", 1, date_start=None, date_end=None, date_granularity="none",
                   date_basis="none", date_span=None, place_span=None, lat=None, lon=None,
                   uncertainty_km=None, reported=None, actors=(), unplaced_reason="unknown"),
        make_event("a1", 2, actors=("Лукашенко",), sources=("a1", "b"), corrected=()),
    ]


def test_rows_read_back_into_the_events_written(make_event):
    for seq, event in enumerate(_variants(make_event)):
        row = columns.to_row(event, seq)
        assert len(row) == len(columns.EVENT_COLUMNS)
        assert row[:2] == ("a1", seq)
        assert columns.from_row(row) == event


def test_a_row_of_another_shape_is_refused(make_event):
    row = columns.to_row(make_event("a1", 0), 0)
    with pytest.raises(ValueError, match="columns"):
        columns.from_row(row[:-1])
