"""Human corrections of extracted events, kept apart from them and applied on reading.

A ``Correction`` says what a person changed (reject an event, change its type, place or date,
add an actor, add an event the extractor missed), the values before and after, when and by
whom. Corrections live in the store's own ``corrections`` table; extraction never writes it,
so re-ingesting an article (the same text or a changed one) leaves them in place.

A correction is tied to its event by what survives re-extraction (``Target``): the article id,
the passage's text, the event type and the place as the text writes it. Not the event's ``id``
(it hashes character offsets and the resolved place, which an edit elsewhere in the article or
the correction itself changes) and not offsets (an edited paragraph above moves them). A
correction whose target is no longer extracted is *orphaned*: kept, listed, exported, never
applied and never dropped.

``apply`` is pure: extracted events and corrections in, the corrected events and the orphans
out. Several corrections of one event apply in the order they were made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, Any

from events.exc import EventsError
from events.model import EVENT_TYPES, Event, Span

# The store's reading of ISO days (a bad value is no date, not a crash) serves here too.
from events.store import Store, _day, _iso

KINDS = ("reject", "type", "place", "date", "actor", "add")
# Granularities a person can give a date (``range`` is first day to last day).
DATE_GRANULARITIES = ("day", "month", "year", "range", "none")
PLACE_FIELDS = ("place_id", "place_name", "place_text", "country_code", "lat", "lon",
                "place_level")
DATE_FIELDS = ("date_start", "date_end", "date_granularity")
# Longest actor or editor name kept: a name, not a document.
MAX_NAME = 200


class CorrectionError(EventsError, ValueError):
    """A correction that cannot be made or read (bad kind, value or JSON line)."""


@dataclass(frozen=True)
class Target:
    """The extracted event a correction is about: ``article_id``, the passage (``evidence``)
    as text, the ``type`` the extractor gave and ``place_text`` (the place as written, "" when
    the text gave none) and ``trigger_start``, where the event word starts in the passage (-1
    when unknown). For an added event, the passage it was added from and its type. An event
    matches when all agree, or, failing that, when it is the only one matching all but the
    event word's offset."""

    article_id: str
    evidence: str
    type: str
    place_text: str = ""
    trigger_start: int = -1

    @classmethod
    def of(cls, event: Event) -> Target:
        return cls(event.article_id, event.evidence, event.type, event.place_text,
                   event.trigger_span.start)

    def loose(self) -> Target:
        """The target without its event word's offset."""
        return replace(self, trigger_start=-1)


@dataclass(frozen=True)
class Correction:
    """One change a person made to one event.

    ``kind`` is one of ``KINDS``; ``before``/``after`` hold the changed fields (JSON values:
    ISO dates, numbers, strings): ``type`` {type}; ``place`` PLACE_FIELDS; ``date`` DATE_FIELDS;
    ``actor`` {actor} after, {actors} before; ``reject`` the event's type, place and date before
    and nothing after; ``add`` the new event's type, place, date and actors after. ``at`` is an
    ISO UTC timestamp, ``by`` the editor's name ("" when not given). ``event_id`` is the id the
    event had when corrected (for reference only); ``evidence_start``/``evidence_end`` where the
    passage was in the article then. ``id`` is unique across stores (imports are idempotent).
    The dicts are not to be mutated.
    """

    id: str
    kind: str
    target: Target
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    at: str = ""
    by: str = ""
    event_id: str = ""
    evidence_start: int = 0
    evidence_end: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise CorrectionError(f"unknown correction kind {self.kind!r} (expected one of "
                                  f"{', '.join(KINDS)})")
        problem = _after_problem(self.kind, self.after)
        if problem:
            raise CorrectionError(f"a {self.kind} correction {problem}, got {self.after!r}")


def _after_problem(kind: str, after: Mapping[str, Any]) -> str:
    """What is wrong with the values a correction of ``kind`` sets ("" when sound): an imported
    file or a store edited by hand must not make every later read fail."""
    if not isinstance(after, Mapping):
        return "needs an object of values"
    if kind in ("type", "add") and after.get("type") not in EVENT_TYPES:
        return f"needs a type of {', '.join(EVENT_TYPES)}"
    if kind == "place" or (kind == "add" and after.get("place_id")):
        if not all(name in after for name in PLACE_FIELDS):
            return f"needs {', '.join(PLACE_FIELDS)}"
        if not all(isinstance(after[name], int | float) for name in ("lat", "lon")):
            return "needs numbers for lat and lon"
    if kind in ("date", "add") and after.get("date_granularity", "none") not in DATE_GRANULARITIES:
        return f"needs a date_granularity of {', '.join(DATE_GRANULARITIES)}"
    if kind == "actor" and not isinstance(after.get("actor"), str):
        return "needs an actor name"
    return ""


@dataclass(frozen=True)
class Corrected:
    """The result of ``apply``: the corrected events and the corrections that found no event."""

    events: list[Event]
    orphaned: list[Correction]
    # correction id -> its event after all corrections of that event (for a rejected event,
    # as it was when rejected); orphans have none.
    outcome: dict[str, Event] = field(default_factory=dict)
    # event id -> the Target further corrections of that event must name (what it was before
    # any correction: a corrected type or place must not change what later ones are tied to).
    targets: dict[str, Target] = field(default_factory=dict)

    def target_of(self, event: Event) -> Target:
        return self.targets.get(event.id) or Target.of(event)


# -- making corrections ---------------------------------------------------------------------


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _make(kind: str, event: Event, before: dict, after: dict, by: str,
          target: Target | None) -> Correction:
    return Correction(
        id=uuid.uuid4().hex, kind=kind, target=target or Target.of(event), before=before,
        after=after,
        at=_now(), by=clean_name(by, what="editor name", empty_ok=True), event_id=event.id,
        evidence_start=event.evidence_start, evidence_end=event.evidence_end,
    )


def clean_name(name: str, *, what: str = "name", empty_ok: bool = False) -> str:
    """``name`` on one line, trimmed; raises CorrectionError when empty (unless ``empty_ok``)
    or longer than MAX_NAME."""
    text = " ".join(str(name).split())
    if not text and not empty_ok:
        raise CorrectionError(f"expected a non-empty {what}, got {name!r}")
    if len(text) > MAX_NAME:
        raise CorrectionError(f"{what} longer than {MAX_NAME} characters: {text[:40]!r}...")
    return text


def reject(event: Event, *, by: str = "",
           target: Target | None = None) -> Correction:
    before = {"type": event.type, **_place_values(event), **_date_values(event)}
    return _make("reject", event, before, {}, by, target)


def change_type(event: Event, new_type: str, *, by: str = "",
           target: Target | None = None) -> Correction:
    if new_type not in EVENT_TYPES:
        raise CorrectionError(f"expected an event type ({', '.join(EVENT_TYPES)}), "
                              f"got {new_type!r}")
    from events.extract.triggers import cameo

    return _make("type", event, {"type": event.type, "cameo": event.cameo},
                 {"type": new_type, "cameo": cameo(new_type)}, by, target)


def change_place(event: Event, place: Any, *, by: str = "",
           target: Target | None = None) -> Correction:
    """``place`` is a ``gazetteer.Place``. The text's own words for the place are kept (and
    stay highlighted) when they name the chosen place; otherwise the place's name replaces them."""
    return _make("place", event, _place_values(event), place_values(place, event.place_text), by, target)


def change_date(event: Event, granularity: str, start: dt.date | None = None,
                end: dt.date | None = None, *, by: str = "",
                target: Target | None = None) -> Correction:
    first, last = date_interval(granularity, start, end)
    after = {"date_start": _iso(first), "date_end": _iso(last), "date_granularity": granularity}
    return _make("date", event, _date_values(event), after, by, target)


def add_actor(event: Event, actor: str, *, by: str = "",
           target: Target | None = None) -> Correction:
    name = clean_name(actor, what="actor name")
    return _make("actor", event, {"actors": list(event.actors)}, {"actor": name}, by, target)


def add_event(article_id: str, evidence: str, evidence_start: int, event_type: str, *,
              place: Any = None, granularity: str = "none", start: dt.date | None = None,
              end: dt.date | None = None, actors: Sequence[str] = (), by: str = "") -> Correction:
    """An event the extractor missed, reported by the passage ``evidence`` of the article
    (``evidence_start`` its offset in the article text); ``place`` a ``gazetteer.Place`` or None."""
    if event_type not in EVENT_TYPES:
        raise CorrectionError(f"expected an event type ({', '.join(EVENT_TYPES)}), "
                              f"got {event_type!r}")
    if not evidence.strip():
        raise CorrectionError("an added event needs the passage that reports it")
    from events.extract.triggers import cameo

    first, last = date_interval(granularity, start, end)
    after: dict[str, Any] = {
        "type": event_type, "cameo": cameo(event_type),
        **(place_values(place, "") if place is not None else {}),
        "date_start": _iso(first), "date_end": _iso(last), "date_granularity": granularity,
        "actors": [clean_name(a, what="actor name") for a in actors],
    }
    return Correction(
        id=uuid.uuid4().hex, kind="add", target=Target(article_id, evidence, event_type, ""),
        after=after, at=_now(), by=clean_name(by, what="editor name", empty_ok=True),
        evidence_start=evidence_start, evidence_end=evidence_start + len(evidence),
    )


def place_values(place: Any, text: str) -> dict[str, Any]:
    """The event fields a ``gazetteer.Place`` sets; ``text`` (the words of the passage) is kept
    as ``place_text`` when it is one of the place's names."""
    names = {place.name.casefold(), *(n.casefold() for n in place.alt_names)}
    return {
        "place_id": place.id, "place_name": place.name,
        "place_text": text if text and text.casefold() in names else place.name,
        "country_code": place.country_code, "lat": place.lat, "lon": place.lon,
        "place_level": place.level,
    }


def date_interval(granularity: str, start: dt.date | None,
                  end: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of a date given to ``granularity``: a day is itself, a month or a
    year its whole span, a range ``start``..``end``; ``none`` is undated."""
    if granularity not in DATE_GRANULARITIES:
        raise CorrectionError(f"expected a granularity ({', '.join(DATE_GRANULARITIES)}), "
                              f"got {granularity!r}")
    if granularity == "none":
        return None, None
    if not isinstance(start, dt.date):
        raise CorrectionError(f"a date to the {granularity} needs a start date, got {start!r}")
    if granularity == "day":
        return start, start
    if granularity == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start.replace(day=1), following - dt.timedelta(days=1)
    if granularity == "year":
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)
    if not isinstance(end, dt.date) or end < start:
        raise CorrectionError(f"a range needs an end on or after {start}, got {end!r}")
    return start, end


# -- applying -------------------------------------------------------------------------------


def apply(events: Iterable[Event], corrections: Sequence[Correction],
          texts: Mapping[str, str] | None = None) -> Corrected:
    """``events`` (as extracted, not merged) with ``corrections`` applied in order.

    Rejected events are left out; changed ones carry ``corrected`` (the kinds applied, in
    order). Added events are made when their article's text (in ``texts``, article id -> text)
    still holds their passage; without ``texts`` they are made whenever asked. A correction that
    matches no event is returned in ``orphaned``.
    """
    orphaned: list[Correction] = []
    everything = list(events)
    mine: dict[int, list[Correction]] = {}  # event index -> its corrections, in order
    for correction in corrections:
        if correction.kind == "add":
            event = _added_event(correction, texts)
            if event is None:
                orphaned.append(correction)
            else:
                mine[len(everything)] = [correction]
                everything.append(event)
    exact: dict[Target, list[int]] = {}
    loose: dict[Target, list[int]] = {}
    # Only events of corrected articles can match: at a million events, the rest pass as is.
    corrected_articles = {c.target.article_id for c in corrections}
    for i, event in enumerate(everything):
        if event.article_id not in corrected_articles:
            continue
        target = Target.of(event)
        exact.setdefault(target, []).append(i)
        loose.setdefault(target.loose(), []).append(i)
    for correction in sorted(corrections, key=lambda c: c.at):  # stable: ties keep their order
        if correction.kind == "add":
            continue
        hits = exact.get(correction.target)
        if not hits:
            # The event word moved within its passage (another extractor version): still the
            # event when the passage holds only one of that type and place.
            hits = loose.get(correction.target.loose(), [])
            hits = hits if len(hits) == 1 else []
        for i in hits:
            mine.setdefault(i, []).append(correction)
        if not hits:
            orphaned.append(correction)
    outcome: dict[str, Event] = {}
    targets: dict[str, Target] = {}
    result: list[Event] = []
    for i, event in enumerate(everything):
        if i not in mine:
            result.append(event)
            continue
        current: Event | None = event
        targets[event.id] = Target.of(event)
        for correction in mine[i]:
            if correction.kind != "add":
                current = _applied(current, correction)
            if current is None:
                break
            event = current
        for correction in mine[i]:
            outcome[correction.id] = event
        if current is not None:
            result.append(current)
    return Corrected(result, orphaned, outcome, targets)


def _added_id(correction: Correction) -> str:
    return "add-" + hashlib.blake2b(correction.id.encode(), digest_size=8).hexdigest()


def _applied(event: Event, correction: Correction) -> Event | None:
    after, kind = correction.after, correction.kind
    if kind == "reject":
        return None
    if kind == "type":
        event = replace(event, type=after["type"], cameo=after.get("cameo", event.cameo))
    elif kind == "place":
        event = _with_place(event, after)
    elif kind == "date":
        event = _with_date(event, after)
    elif kind == "actor" and after["actor"] not in event.actors:
        event = replace(event, actors=(*event.actors, after["actor"]))
    return replace(event, corrected=(*event.corrected, kind))


def _with_place(event: Event, after: Mapping[str, Any]) -> Event:
    keep_span = after.get("place_text") == event.place_text
    return replace(
        event, place_id=after["place_id"], place_name=after["place_name"],
        place_text=after.get("place_text") or after["place_name"],
        place_span=event.place_span if keep_span else None,
        country_code=after["country_code"], lat=after["lat"], lon=after["lon"],
        place_level=after["place_level"], unplaced_reason="",
    )


def _with_date(event: Event, after: Mapping[str, Any]) -> Event:
    start, end = _day(after.get("date_start")), _day(after.get("date_end"))
    granularity = after.get("date_granularity") or "none"
    if start is None:
        basis = "none"
    else:
        # The text's own basis stands when it had a date; a date a person supplied for an
        # undated event comes from the context they read.
        basis = event.date_basis if event.date_basis != "none" else "context"
    # The highlighted words no longer state the date: drop them rather than mislead.
    return replace(event, date_start=start, date_end=end, date_granularity=granularity,
                   date_basis=basis, date_text="", date_span=None)


def _added_event(correction: Correction, texts: Mapping[str, str] | None) -> Event | None:
    target, after = correction.target, correction.after
    start = correction.evidence_start
    if texts is not None:
        text = texts.get(target.article_id)
        if text is None:
            return None
        if text[start:start + len(target.evidence)] != target.evidence:
            start = text.find(target.evidence)
            if start < 0:
                return None
    event = Event(
        id=_added_id(correction), type=after["type"], cameo=after.get("cameo", ""),
        article_id=target.article_id, evidence=target.evidence, evidence_start=start,
        evidence_end=start + len(target.evidence), trigger_span=Span(0, 0),
        actors=tuple(str(a) for a in after.get("actors", ())), confidence=1.0,
        sources=(target.article_id,), corrected=("add",),
        unplaced_reason="" if after.get("place_id") else "no place given when it was added",
    )
    if after.get("place_id"):
        event = _with_place(event, after)
    return _with_date(event, after) if after.get("date_start") else event


def _place_values(event: Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in PLACE_FIELDS}


def _date_values(event: Event) -> dict[str, Any]:
    return {"date_start": _iso(event.date_start), "date_end": _iso(event.date_end),
            "date_granularity": event.date_granularity}


# -- the store's corrections table ------------------------------------------------------------

_COLUMNS = ("id", "kind", "article_id", "evidence", "type", "place_text", "trigger_start",
            "before", "after", "at", "by", "event_id", "evidence_start", "evidence_end")


def _row(c: Correction) -> tuple:
    return (c.id, c.kind, c.target.article_id, c.target.evidence, c.target.type,
            c.target.place_text, c.target.trigger_start, json.dumps(c.before, ensure_ascii=False),
            json.dumps(c.after, ensure_ascii=False), c.at, c.by, c.event_id, c.evidence_start,
            c.evidence_end)


def _from_row(row: Sequence) -> Correction:
    r = dict(zip(_COLUMNS, row, strict=True))
    return Correction(
        id=r["id"], kind=r["kind"],
        target=Target(r["article_id"], r["evidence"], r["type"], r["place_text"],
                      r["trigger_start"]),
        before=json.loads(r["before"]), after=json.loads(r["after"]), at=r["at"], by=r["by"],
        event_id=r["event_id"], evidence_start=r["evidence_start"],
        evidence_end=r["evidence_end"],
    )


def load_corrections(store: Store) -> list[Correction]:
    """Every correction in ``store``, in the order made."""
    with store.connection() as conn:
        return read_corrections(conn)


def read_corrections(conn: sqlite3.Connection,
                     article_ids: Iterable[str] | None = None) -> list[Correction]:
    """The corrections on an open connection to a store (any, read-only too), in the order
    made; with ``article_ids``, only those of these articles (for a view that reads a few
    events of a large store and corrects just those)."""
    query = f"SELECT {', '.join(_COLUMNS)} FROM corrections"  # noqa: S608 - constants
    if article_ids is None:
        rows = conn.execute(query + " ORDER BY at, rowid").fetchall()
    else:
        ids, rows = sorted(set(article_ids)), []
        for begin in range(0, len(ids), 500):  # within SQLite's limit on parameters
            part = ids[begin : begin + 500]
            rows += conn.execute(
                f"{query} WHERE article_id IN ({', '.join('?' * len(part))})"  # noqa: S608
                " ORDER BY at, rowid", part).fetchall()
        rows.sort(key=lambda row: row[_COLUMNS.index("at")])
    return [_from_row(row) for row in rows]


def save(store: Store, corrections: Iterable[Correction]) -> int:
    """Add ``corrections`` in one transaction; those whose id is already there are skipped
    (importing a file twice changes nothing). Returns how many were added."""
    statement = (f"INSERT OR IGNORE INTO corrections ({', '.join(_COLUMNS)}) "  # noqa: S608
                 f"VALUES ({', '.join('?' * len(_COLUMNS))})")
    rows = [_row(c) for c in corrections]
    with store.connection(write=True) as conn:
        before = conn.total_changes
        conn.executemany(statement, rows)
        return conn.total_changes - before


def undo(store: Store, correction_id: str) -> bool:
    """Remove one correction (the event shows as it did before it); False when not there."""
    with store.connection(write=True) as conn:
        return conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,)).rowcount > 0


def corrected_events(store: Store, *, merged: bool = True) -> Corrected:
    """The store's events with its corrections applied (then, with ``merged``, reports of one
    event merged: ``events.merge``): what the map, the timeline and the exports show."""
    corrections = load_corrections(store)
    adds = {c.target.article_id for c in corrections if c.kind == "add"}
    texts = {}
    for article_id in adds:
        article = store.article(article_id)
        if article is not None:
            texts[article_id] = article.text
    result = apply(store.events(), corrections, texts)
    if merged:
        from events.merge import merge

        return replace(result, events=merge(result.events))
    return result


# -- JSON Lines -------------------------------------------------------------------------------


def to_record(correction: Correction, event: Event | None = None,
              *, orphaned: bool = False) -> dict[str, Any]:
    """One JSON-ready line: the fields of the gold files (``events.export.to_record``) for the
    corrected event (``event``; without it, what the correction itself says), then
    ``correction`` with everything needed to import it again."""
    from events.export import to_record as event_record

    if event is None:
        event = _stand_in(correction)
    record = event_record(event)
    if correction.kind == "reject":  # the event is shown as it was when rejected
        record["corrected"] = [*record["corrected"], "reject"]
    return {
        **record,
        "correction": {
            "id": correction.id, "kind": correction.kind,
            "target": {"article": correction.target.article_id,
                       "evidence": correction.target.evidence,
                       "type": correction.target.type, "place": correction.target.place_text,
                       "trigger_start": correction.target.trigger_start},
            "before": correction.before, "after": correction.after, "at": correction.at,
            "by": correction.by, "event_id": correction.event_id,
            "evidence_start": correction.evidence_start, "evidence_end": correction.evidence_end,
            "orphaned": orphaned,
        },
    }


def _stand_in(correction: Correction) -> Event:
    """An event built from the correction alone (its target, then its values after)."""
    target = correction.target
    event = Event(id=correction.event_id, type=target.type, cameo="",
                  article_id=target.article_id, evidence=target.evidence,
                  evidence_start=correction.evidence_start,
                  evidence_end=correction.evidence_end, trigger_span=Span(0, 0),
                  place_text=target.place_text, corrected=(correction.kind,))
    values = {**correction.before, **correction.after}
    if values.get("place_id"):
        event = _with_place(event, values)
    if values.get("date_start"):
        event = _with_date(event, values)
    if values.get("type") in EVENT_TYPES:
        event = replace(event, type=values["type"])
    return event


def from_record(record: Mapping[str, Any]) -> Correction:
    """The Correction of an exported line (its ``correction`` member)."""
    meta = record.get("correction") if isinstance(record, Mapping) else None
    if not isinstance(meta, Mapping):
        raise CorrectionError("not a correction line: no 'correction' object")
    try:
        target = meta["target"]
        return Correction(
            id=str(meta["id"]), kind=str(meta["kind"]),
            target=Target(str(target["article"]), str(target["evidence"]), str(target["type"]),
                          str(target.get("place") or ""), int(target.get("trigger_start", -1))),
            before=dict(meta.get("before") or {}), after=dict(meta.get("after") or {}),
            at=str(meta.get("at") or ""),
            by=clean_name(meta.get("by") or "", what="editor name", empty_ok=True),
            event_id=str(meta.get("event_id") or ""),
            evidence_start=int(meta.get("evidence_start") or 0),
            evidence_end=int(meta.get("evidence_end") or 0),
        )
    except (KeyError, TypeError, ValueError) as e:
        if isinstance(e, CorrectionError):
            raise
        raise CorrectionError(f"a correction line lacks or garbles {e}") from None


def write_jsonl(store: Store, fp: IO[str]) -> int:
    """Every correction in ``store`` as one JSON line each (see ``to_record``); returns the count."""
    corrections = load_corrections(store)
    result = corrected_events(store, merged=False)
    orphans = {c.id for c in result.orphaned}
    count = 0
    for correction in corrections:
        event = result.outcome.get(correction.id)
        record = to_record(correction, event, orphaned=correction.id in orphans)
        fp.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count


def read_jsonl(fp: IO[str], name: str = "<input>") -> list[Correction]:
    """The corrections of an exported file; a bad line raises CorrectionError naming it."""
    found = []
    for number, line in enumerate(fp, 1):
        if not line.strip():
            continue
        try:
            found.append(from_record(json.loads(line)))
        except (ValueError, CorrectionError) as e:
            raise CorrectionError(f"{name}, line {number}: {e}") from None
    return found
