"""Correcting events by hand: the controls under each passage, the list of corrections with
undo, and their export and import. The work is done by ``events.corrections``; this module
only turns widgets into Correction values and writes them to the store.

Every write happens in a button's callback, before the page reruns, so the rerun reads the
store with the correction applied (the cached view is keyed on the store file's stamp). Text a
person typed (editor and actor names) and text from articles reach HTML only through
``passage.esc``; widget labels are fixed strings, never article text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import passage
from dashboard.data import TIMELINE_FIRST_DAY, TIMELINE_LAST_DAY, Fixes
from dashboard.labels import country_name, place_label, type_label
from dashboard.panel import K_SELECTED
from events import corrections as fix
from events.exc import EventsError
from events.model import EVENT_TYPES, Article, Event
from gazetteer import Gazetteer, LocalGeocoder, Place
from gazetteer.normalize import name_key

K_EDITOR = "gt_editor"
K_MESSAGE = "gt_correction_message"
# Places offered for one search; the ranking is the gazetteer's, so the right one is near the top.
MAX_CHOICES = 12
# Corrections listed at once, newest first; the export always holds them all.
MAX_LISTED = 200
_GRANULARITY_LABELS = {
    "day": "a day", "month": "a month", "year": "a year", "range": "a span of days",
    "none": "no date (undated)",
}
_PASSAGE_CHARS = 110
# Sentences offered for an added event: a long article lists its first ones.
MAX_PASSAGES = 500


@st.cache_resource(show_spinner="Opening the gazetteer…")
def geocoder() -> LocalGeocoder:
    """The local gazetteer behind the place search (the index extraction uses)."""
    return LocalGeocoder(Gazetteer.default())


def place_choices(query: str, coder: LocalGeocoder, limit: int = MAX_CHOICES) -> list[Place]:
    """Places named ``query``, best first by the gazetteer's ranking (population and kind, as
    extraction weighs candidates before context). Text after a comma narrows to a country or
    region: ``Brest, France``."""
    if not query.strip():
        return []
    found = coder.geocode(query, exactly_one=False, limit=limit) or []
    return [_place(location.raw) for location in found]


def _place(raw: dict) -> Place:
    return Place(**{**raw, "alt_names": tuple(raw.get("alt_names") or ())})


def place_choice_label(place: Place, asked: str = "") -> str:
    """``Brest — Belarus · city · 347,138 people``: enough to tell namesakes apart. A place
    found by another of its names (``asked``, an old or local name) says so."""
    name = place.name
    asked = asked.split(",")[0].strip()
    if asked and name_key(asked) != name_key(name):  # "Brest" asked finds "Břest" as itself
        name = f"{name} (also called {asked})"
    where = ", ".join(p for p in (place.admin1 if place.admin1 != place.name else "",
                                  country_name(place.country_code)) if p)
    people = f"{place.population:,} people" if place.population else "population unknown"
    return f"{name} — {where} · {place.level} · {people}"


def editor_box() -> None:
    """The sidebar's optional editor name, saved with each correction."""
    st.text_input("Your name (recorded with your corrections)", key=K_EDITOR,
                  max_chars=fix.MAX_NAME, placeholder="optional")


def _editor() -> str:
    return str(st.session_state.get(K_EDITOR) or "")


def _save(path: Path, make: Callable[[], fix.Correction]) -> None:
    """Make one correction and store it (a button's callback: ``make`` reads the widgets'
    values now, not as they were drawn); the outcome is shown on the next run. An event given
    a place becomes the selected marker, so its passage stays in view at its new place."""
    from events.store import Store

    try:
        correction = make()
        with Store(path) as store:
            fix.save(store, [correction])
    except (EventsError, OSError) as e:
        st.session_state[K_MESSAGE] = (False, f"Not saved: {e}")
    else:
        if correction.after.get("place_id"):
            st.session_state[K_SELECTED] = (correction.after["lat"], correction.after["lon"])
        what, before, after = describe(correction)
        st.session_state[K_MESSAGE] = (True, f"{what}: {before} → {after}" if before else
                                       f"{what}: {after}")


def _undo(path: Path, correction_id: str) -> None:
    from events.store import Store

    try:
        with Store(path) as store:
            fix.undo(store, correction_id)
    except (EventsError, OSError) as e:
        st.session_state[K_MESSAGE] = (False, f"Not undone: {e}")
    else:
        st.session_state[K_MESSAGE] = (True, "Undone.")


def show_message() -> None:
    """The outcome of the last correction, once."""
    message = st.session_state.pop(K_MESSAGE, None)
    if message:
        ok, text = message
        st.html(f'<div class="gt-upload {"gt-ok" if ok else "gt-err"}">{passage.esc(text)}</div>')


def _place_picker(key: str, label: str = "Find a place") -> Place | None:
    query = st.text_input(label, key=f"{key}-q", placeholder="e.g. Brest, or Brest, France",
                          help="Places of the local gazetteer, most likely first. Add a country "
                               "or region after a comma to narrow.")
    choices = place_choices(query, geocoder()) if query else []
    if query and not choices:
        st.caption("No place of that name in the gazetteer.")
        return None
    if not choices:
        return None
    return st.selectbox("Place", choices, key=f"{key}-p",
                        format_func=lambda place: place_choice_label(place, query))


def _date_picker(key: str, event: Event | None = None) -> None:
    """Granularity and day(s) of a date, read back by ``_picked_date(key)``."""
    granularities = list(fix.DATE_GRANULARITIES)
    current = event.date_granularity if event and event.date_granularity in granularities \
        else "day"
    granularity = st.selectbox("Date given to", granularities, index=granularities.index(current),
                               format_func=_GRANULARITY_LABELS.get, key=f"{key}-g")
    if granularity == "none":
        return
    default = _drawable((event.date_start or event.reported) if event else None)
    bounds = {"min_value": TIMELINE_FIRST_DAY, "max_value": TIMELINE_LAST_DAY}
    labels = {"range": "From", "day": "Date"}
    st.date_input(labels.get(granularity, f"Any day of the {granularity}"), value=default,
                  key=f"{key}-s", **bounds)
    if granularity == "range":
        st.date_input("To", value=_drawable(event.date_end if event else None) or default,
                      key=f"{key}-e", **bounds)


def _drawable(day: dt.date | None) -> dt.date | None:
    """``day`` when the date widgets can show it (a stray year 1650 or 9999 cannot)."""
    return day if day is not None and TIMELINE_FIRST_DAY <= day <= TIMELINE_LAST_DAY else None


def _picked_date(key: str) -> tuple[str, dt.date | None, dt.date | None]:
    state = st.session_state
    return state.get(f"{key}-g", "none"), state.get(f"{key}-s"), state.get(f"{key}-e")


def event_controls(event: Event, fixes: Fixes, path: Path, where: str = "panel") -> None:
    """Under one passage card: reject, change type, place or date, add an actor; and the
    corrections this event already has, each with Undo. ``where`` tells apart the widgets of
    one event shown in two places (the marker's panel, the undated list)."""
    target = fixes.corrected.target_of(event)
    key = f"gt-fix-{where}-{event.id}"
    mine = [c for c in fixes.corrections
            if (made := fixes.corrected.outcome.get(c.id)) is not None and made.id == event.id]
    label = "Correct this event" + (f" ({len(mine)} correction{'s' if len(mine) != 1 else ''})"
                                    if mine else "")
    state = st.session_state
    with st.expander(label):
        st.button("Reject: not an event", key=f"{key}-reject", on_click=_save, args=(
            path, lambda: fix.reject(event, by=_editor(), target=target)))
        types = list(EVENT_TYPES)
        left, right = st.columns([3, 2], vertical_alignment="bottom")
        left.selectbox("Type", types, index=types.index(event.type) if event.type in types else 0,
                       format_func=type_label, key=f"{key}-type")
        right.button("Change type", key=f"{key}-type-go", on_click=_save, args=(
            path, lambda: fix.change_type(event, state[f"{key}-type"], by=_editor(),
                                          target=target)))
        if _place_picker(f"{key}-place") is not None:
            st.button("Set place", key=f"{key}-place-go", on_click=_save, args=(
                path, lambda: fix.change_place(event, state[f"{key}-place-p"], by=_editor(),
                                               target=target)))
        _date_picker(f"{key}-date", event)
        st.button("Set date", key=f"{key}-date-go", on_click=_save, args=(
            path, lambda: fix.change_date(event, *_picked_date(f"{key}-date"), by=_editor(),
                                          target=target)))
        left, right = st.columns([3, 2], vertical_alignment="bottom")
        left.text_input("Actor", key=f"{key}-actor", max_chars=fix.MAX_NAME,
                        placeholder="e.g. Xi Jinping")
        right.button("Add actor", key=f"{key}-actor-go", on_click=_save, args=(
            path, lambda: fix.add_actor(event, state.get(f"{key}-actor", ""), by=_editor(),
                                        target=target)))
        for correction in mine:
            _correction_row(correction, path, orphaned=False, key=f"{key}-{correction.id}")


def passages_of(articles: Iterable[Article], first: Iterable[Event] = ()) -> list[tuple[str, int, str]]:
    """``(article id, start, passage)`` for each sentence of ``articles`` (site furniture left
    out), the passages of ``first`` at the top; at most MAX_PASSAGES."""
    from events.extract.sentences import split_sentences

    seen: set[tuple[str, int]] = set()
    found: list[tuple[str, int, str]] = []
    for event in first:
        if (event.article_id, event.evidence_start) not in seen:
            seen.add((event.article_id, event.evidence_start))
            found.append((event.article_id, event.evidence_start, event.evidence))
    for article in articles:
        for sentence in split_sentences(article.text):
            if not sentence.furniture and (article.id, sentence.start) not in seen:
                seen.add((article.id, sentence.start))
                found.append((article.id, sentence.start, sentence.text))
            if len(found) >= MAX_PASSAGES:
                return found
    return found


def _short(text: str, limit: int = _PASSAGE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def add_event_form(rows: pd.DataFrame, articles: Mapping[str, Article], path: Path) -> None:
    """Below a marker's passages: add an event the extraction missed, from a sentence of one
    of the articles reporting there."""
    reporting = [articles[a] for a in dict.fromkeys(rows["article_id"]) if a in articles]
    if not reporting:
        return
    with st.expander("Add an event the extraction missed"):
        choices = passages_of(reporting, rows["event"])
        st.selectbox("Passage", range(len(choices)), key="gt-add-passage",
                     format_func=lambda i: _short(choices[i][2]))
        st.selectbox("Type", list(EVENT_TYPES), format_func=type_label,
                                  key="gt-add-type")
        _place_picker("gt-add-place")
        _date_picker("gt-add-date")
        st.text_input("Actors (separated by commas)", key="gt-add-actors",
                      max_chars=4 * fix.MAX_NAME)

        def make() -> fix.Correction:
            state = st.session_state
            article_id, offset, text = choices[state["gt-add-passage"]]
            names = [a.strip() for a in str(state.get("gt-add-actors", "")).split(",")]
            place = state.get("gt-add-place-p") if state.get("gt-add-place-q") else None
            granularity, start, end = _picked_date("gt-add-date")
            return fix.add_event(article_id, text, offset, state["gt-add-type"], place=place,
                                 granularity=granularity, start=start, end=end,
                                 actors=[a for a in names if a], by=_editor())

        st.button("Add event", key="gt-add-go", on_click=_save, args=(path, make))


def describe(correction: fix.Correction) -> tuple[str, str, str]:
    """What a correction changed, as plain text: (what, before, after)."""
    before, after = correction.before, correction.after
    kind = correction.kind
    if kind == "reject":
        return "Rejected", _event_summary(before), "not an event"
    if kind == "type":
        return "Type", type_label(before.get("type", "")), type_label(after.get("type", ""))
    if kind == "place":
        return "Place", _place_summary(before), _place_summary(after)
    if kind == "date":
        return "Date", _date_summary(before), _date_summary(after)
    if kind == "actor":
        actors = list(before.get("actors", []))
        return ("Actor added", ", ".join(actors) or "none named",
                ", ".join(dict.fromkeys([*actors, after["actor"]])))
    return "Added event", "", _event_summary(after)


def _place_summary(values: dict) -> str:
    return place_label(values.get("place_name") or "", values.get("country_code") or "",
                       values.get("place_level") or "")


def _date_summary(values: dict) -> str:
    start, end = values.get("date_start"), values.get("date_end")
    granularity = values.get("date_granularity") or "none"
    if not start:
        return "undated"
    if granularity == "month":
        return start[:7]
    if granularity == "year":
        return start[:4]
    return start if not end or end == start else f"{start} to {end}"


def _event_summary(values: dict) -> str:
    return " · ".join(p for p in (type_label(values.get("type", "")), _place_summary(values),
                                  _date_summary(values)) if p)


def _when(at: str) -> str:
    """``2026-12-07T05:20:04+00:00`` -> ``7 Dec 2026 05:20 UTC``; anything else as it is."""
    try:
        moment = dt.datetime.fromisoformat(at).astimezone(dt.UTC)
    except ValueError:
        return at
    return f"{moment.day} {moment:%b %Y %H:%M} UTC"


def correction_html(correction: fix.Correction, *, orphaned: bool) -> str:
    what, before, after = describe(correction)
    change = f"{passage.esc(before)} → {passage.esc(after)}" if before else passage.esc(after)
    who = f" by {passage.esc(correction.by)}" if correction.by else ""
    status = (' <span class="gt-err">orphaned: its passage or event is no longer in the '
              "store; kept, not applied</span>" if orphaned else "")
    return (
        f'<div class="gt-fix"><b>{passage.esc(what)}</b>: {change}{status}'
        f'<div class="gt-source">{passage.esc(_when(correction.at))}{who} · '
        f"“{passage.esc(_short(correction.target.evidence))}”</div></div>"
    )


def _correction_row(correction: fix.Correction, path: Path, *, orphaned: bool, key: str) -> None:
    left, right = st.columns([6, 1], vertical_alignment="center")
    left.html(correction_html(correction, orphaned=orphaned))
    right.button("Undo", key=f"{key}-undo", on_click=_undo, args=(path, correction.id))


def export_bytes(path: Path) -> bytes:
    from events.store import Store

    out = io.StringIO(newline="")
    with Store(path) as store:
        fix.write_jsonl(store, out)
    return out.getvalue().encode("utf-8")


def import_file(path: Path, name: str, data: bytes) -> str:
    """Add the corrections of an exported file; a one-line outcome."""
    from events.store import Store

    try:
        found = fix.read_jsonl(io.StringIO(data.decode("utf-8")), name)
        with Store(path) as store:
            added = fix.save(store, found)
    except UnicodeDecodeError:
        raise fix.CorrectionError(f"{name}: not UTF-8 text") from None
    return (f"{name}: {added} correction{'s' if added != 1 else ''} imported, "
            f"{len(found) - added} already here")


def show_corrections(fixes: Fixes, path: Path) -> None:
    """Every correction, newest first, with Undo; orphans flagged; export and import."""
    made = fixes.corrections
    orphans = {c.id for c in fixes.corrected.orphaned}
    count = f"{len(made):,} correction{'s' if len(made) != 1 else ''}"
    if orphans:
        count += f", {len(orphans):,} orphaned"
    with st.expander(f"Corrections ({count})", expanded=bool(orphans)):
        if not made:
            st.html('<div class="gt-key">None yet. Open “Correct this event” under a passage '
                    "to reject an event or change its type, place, date or actors.</div>")
        for correction in list(reversed(made))[:MAX_LISTED]:
            _correction_row(correction, path, orphaned=correction.id in orphans,
                            key=f"gt-list-{correction.id}")
        if len(made) > MAX_LISTED:
            st.caption(f"The {MAX_LISTED} newest are listed; the export holds all {len(made):,}.")
        left, right = st.columns(2)
        left.download_button(
            "Export corrections (JSON Lines)", data=lambda: export_bytes(path),
            file_name="geotimeline-corrections.jsonl", mime="application/jsonl",
            on_click="ignore", width="stretch", disabled=not made)
        with right.form("gt-import", clear_on_submit=True, border=False):
            upload = st.file_uploader("Import corrections", type=["jsonl", "json"])
            submitted = st.form_submit_button("Import", width="stretch")
        if submitted and upload is not None:
            try:
                st.session_state[K_MESSAGE] = (True, import_file(path, upload.name,
                                                                 upload.getvalue()))
            except (EventsError, OSError) as e:
                st.session_state[K_MESSAGE] = (False, f"Not imported: {e}")
            st.rerun()
