"""Find temporal expressions in text and normalise them to TIMEX3 values against an anchor date.

``find_dates(text, anchor)`` scans ``text`` with the compiled patterns of
``events.timex.patterns`` (each only near a cheap hint), resolves every candidate with the
rules of ``events.timex.absolute`` (calendar expressions) and ``events.timex.relative``
(expressions read against the anchor), and keeps the longest non-overlapping ones, sorted by
start.

Conventions where TimeML or the brief leave a choice:

* ``anchor`` is the publication date. With ``anchor=None`` an expression that needs it keeps an
  underspecified TIMEX3 value (``XXXX-12-06``, ``XXXX-WXX-2``, ``XXXX``), ``first``/``last``
  None, granularity ``none`` and basis ``none``; expressions stating their year are resolved.
* A year-less date, month or season takes the year that fits the tense of its clause: a strong
  past cue → the latest on or before the anchor, a strong future cue ("will", "scheduled",
  "upcoming"...) → the earliest on or after it, otherwise the nearest, weak cues (modals,
  reporting verbs, "until", "-ed" words) weighting the distance. A bare weekday is past (on or
  before the anchor) unless its clause is future, then it is the next one strictly after the
  anchor (GUIDELINES §4); "later Tuesday" may be the anchor itself.
* In a history (no anchor, or eight explicit years of which under a twentieth lie within a year
  of the anchor) a year-less date takes the year of the latest explicit date before it, with
  basis ``context``.
* "the next day", "two days later", "the following year", "that month" count from the latest
  date named before them (basis ``context``), else from the anchor (GUIDELINES §4: "the day
  before" is arithmetic from the anchor).
* Ranges ("December 7-9") get the value of their first day, ``first``/``last`` spanning the
  range, granularity ``range``. ISO weeks ("2013-W11"), weekends, quarters, halves, seasons,
  decades and centuries are ``range`` too. "since 2000" tags "2000" alone (TimeML extent), value
  ``2000``.
* Weeks named from the anchor ("last/this/next week", "the week ahead", "later this week") are
  the month holding the Thursday of that Monday–Sunday week, and "two weeks ago" the month of
  the day it counts to: value ``2024-11``, granularity ``month`` (GUIDELINES §4; TimeML would
  write ``2024-W48``, the one place where these values deliberately differ from TimeBank).
* No interval outside ``arithmetic.FIRST_DAY`` .. ``LAST_DAY`` (1678..2261, the whole years a
  ``pandas.Timestamp`` holds) is returned: "in 1650", "12/31/9999" yield nothing. A number after
  a word that introduces numbers ("Resolution 1718", "flight 1999") is not a year.
* ``now``/``currently``/``current`` → ``PRESENT_REF`` with ``first == last == anchor``;
  ``recently`` → ``PAST_REF`` and ``the future`` → ``FUTURE_REF``, without an interval. Words
  TimeBank tags in under a quarter of their uses ("soon", "previously", "recent") are skipped.
* "the past year" / "the last two weeks" are durations (``P1Y``, ``P2W``); "last year" is a date.
  "a year ago" near quarterly results is that quarter a year before (``2023-Q3``), as TimeBank.
* A year inside a name ("Zapad-2021") is tagged as the year alone ("2021"); BC years get
  ``BC0241`` without an interval (``datetime`` has no such years), so they never date an event.
* Basis is ``explicit`` when the text states the year (and for durations and sets), ``relative``
  when the anchor supplied any part of the value, ``context`` when the narrative did.
* Impossible dates ("February 30") produce no expression; no input string makes it raise.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import re

from events.model import TimeExpression
from events.timex import absolute as R
from events.timex import arithmetic as C
from events.timex import patterns as P
from events.timex import relative as V

__all__ = ["find_dates"]

# (pattern, rule, priority, hint): on equal length the lower priority number wins; the pattern
# is only tried near its hint (events.timex.patterns.HINTS), or everywhere when None.
_RULES = (
    (P.ISO_DATE, R.iso_date, 0, "iso"),
    (P.ISO_WEEK, R.iso_week, 0, "iso_week"),
    (P.NUMERIC_DATE, R.numeric_date, 1, "slash"),
    (P.CLOCK, V.clock, 1, "clock"),
    (P.MONTH_DAY, R.day_of_month, 1, "month"),
    (P.DAY_MONTH, R.day_of_month, 1, "month"),
    (P.MONTH_YEAR, R.month_year, 1, "month"),
    (P.SET_EXPR, V.set_expr, 1, "set"),
    (P.BC_YEAR, R.bc_year, 1, "bc"),
    (P.SPOKEN_YEAR, R.spoken_year, 2, "spoken"),
    (P.HOLIDAY, R.holiday, 2, "holiday"),
    (P.QUARTER, R.quarter, 2, "quarter"),
    (P.DECADE, R.decade, 2, "decade"),
    (P.CENTURY, R.century, 2, "century"),
    (P.REFERENCE, V.reference, 2, "reference"),
    (P.WEEKEND, V.weekend, 2, "unit"),
    (P.YEAR_ADJ, V.year_adj, 2, "year_adj"),
    (P.THE_YEAR, V.the_year, 4, "year_adj"),
    (P.AGO, V.ago, 2, "ago"),
    (P.RELATIVE, V.relative, 3, "unit"),
    (P.RELATIVE_IN, V.relative_in, 3, "unit"),
    (P.AHEAD, V.ahead, 3, "unit"),
    (P.DAYS_FROM_WEEKDAY, V.days_from_weekday, 2, "weekday"),
    (P.DAYS_FROM_EVENT, V.days_from_event, 2, "ago"),
    (P.WEEKDAY_EXPR, V.weekday, 3, "weekday"),
    (P.DEICTIC, V.deictic, 3, "deictic"),
    (P.ANAPHORIC_DAY, V.anaphoric_day, 3, "day"),
    (P.ANAPHORIC_UNIT, V.anaphoric_unit, 2, "year_adj"),
    (P.SEASON, R.season, 3, "season"),
    (P.DURATION, V.duration, 4, "unit"),
    (P.VAGUE_DURATION, V.vague_duration, 5, "unit"),
    (P.MONTH_ALONE, R.month_alone, 5, "month"),
    (P.YEAR_ALONE, R.year_alone, 6, "year"),
)


def _windows(hint: str, text: str, low: str | None) -> list[tuple[int, int]]:
    """Merged ``[lo, hi)`` windows around the occurrences of ``hint`` in ``text``."""
    exact, folded, left, right, on_low = P.HINT_RES[hint]
    if on_low:
        hits = exact.finditer(low) if low is not None else folded.finditer(text)
    else:
        hits = exact.finditer(text)
    out: list[tuple[int, int]] = []
    n = len(text)
    for h in hits:
        a, b = max(0, h.start() - left), min(n, h.end() + right)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _matches(pattern: re.Pattern, windows: list[tuple[int, int]] | None,
             text: str) -> list[re.Match]:
    """Matches of ``pattern`` in ``text``, or only inside ``windows`` when given."""
    if windows is None:
        return list(pattern.finditer(text))
    out: list[re.Match] = []
    seen: set[tuple[int, int]] = set()
    for lo, hi in windows:
        for m in pattern.finditer(text, lo, hi):
            if m.span() not in seen:
                seen.add(m.span())
                out.append(m)
    return out


def _follow_narrative(chosen: list[C.Resolved], anchor: dt.date | None) -> None:
    """Give year-less months and days the year of the latest explicit date before them when
    the text is about another time than its anchor: "In 1940 ... In April" is 1940-04 in a
    history (no anchor, or eight explicit years and under a twentieth of them within a year of
    the anchor),
    but news keeps reading "April" against its publication date."""
    years = [r.first.year for r in chosen
             if r.basis == "explicit" and r.first is not None and r.type == "DATE"]
    if not years or not any(r.floating for r in chosen):
        return
    if anchor is not None and (len(years) < 8 or 20 * sum(abs(y - anchor.year) <= 1
                                                        for y in years) >= len(years)):
        return
    year = None
    for i, res in enumerate(chosen):
        if res.floating:
            if year is not None and (anchor is None or abs(year - anchor.year) >= 2):
                # February 29 in a common year keeps the anchor's reading
                with contextlib.suppress(ValueError):
                    chosen[i] = R.reyear(res, year)
        elif res.basis == "explicit" and res.first is not None and res.type == "DATE":
            year = res.first.year


def _follow_reference(chosen: list[C.Resolved]) -> None:
    """Count "the next day", "three days later", "the following year", "that month" from the
    latest date named before them (their reference time); with none they stay counted from the
    anchor."""
    last: C.Resolved | None = None
    for i, res in enumerate(chosen):
        if res.anaphor is not None and last is not None:
            with contextlib.suppress(ValueError, OverflowError):
                chosen[i] = _from_reference(res, last)
        if chosen[i].first is not None and chosen[i].value[:1].isdigit() \
                and chosen[i].granularity in ("day", "month", "year"):
            last = chosen[i]


def _from_reference(res: C.Resolved, ref: C.Resolved) -> C.Resolved:
    unit, offset = res.anaphor
    if unit == "day":
        if ref.granularity != "day":
            return res
        d = ref.first + dt.timedelta(days=offset)
        suffix = res.value[10:]  # a part of day: "T" + MO/AF/EV/NI
        return res._replace(value=C.ymd(d) + suffix, first=d, last=d, granularity="day",
                            basis="context")
    if unit == "month":
        if ref.granularity == "year":
            return res
        y, mon = C.shift_month(ref.first.year, ref.first.month, offset)
        return res._replace(value=f"{y:04d}-{mon:02d}", first=dt.date(y, mon, 1),
                            last=C.month_end(y, mon), granularity="month", basis="context")
    y = ref.first.year + offset
    return res._replace(value=f"{y:04d}", first=dt.date(y, 1, 1), last=dt.date(y, 12, 31),
                        granularity="year", basis="context")


def find_dates(text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """Temporal expressions of ``text``, sorted by start and non-overlapping.

    ``anchor`` is the publication date used for relative expressions (None leaves them
    underspecified). Raises TypeError for a non-str ``text`` or a non-date ``anchor``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    elif anchor is not None and not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date or None, got {anchor!r}")
    if not text:
        return []
    low = text.lower()
    if len(low) != len(text):
        low = None  # some characters change length when lower-cased: offsets would drift
    windows: dict[str, list[tuple[int, int]]] = {}
    found = []
    for pattern, rule, priority, hint in _RULES:
        if hint is not None and hint not in windows:
            windows[hint] = _windows(hint, text, low)
        for m in _matches(pattern, windows.get(hint), text):
            if m.end() == m.start():
                continue
            try:
                res = rule(m, text, anchor)
            except (ValueError, OverflowError):
                # An impossible date ("February 30") or one outside datetime's years: it still
                # claims its span, so that "February" alone is not tagged instead.
                found.append((m.start() - m.end(), priority, m.start(), C.claim(*m.span())))
                continue
            if res is None:
                continue
            res = R.widen_prefix(res, text)
            found.append((res.start - res.end, priority, res.start, res))
    found.sort(key=lambda f: f[:3])
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[C.Resolved] = []
    for _, _, _, res in found:
        i = bisect.bisect_right(starts, res.start)
        if (i and ends[i - 1] > res.start) or (i < len(starts) and starts[i] < res.end):
            continue  # overlaps a longer (or higher-priority) expression
        starts.insert(i, res.start)
        ends.insert(i, res.end)
        chosen.insert(i, res)
    _follow_narrative(chosen, anchor)
    _follow_reference(chosen)
    return [
        TimeExpression(start=r.start, end=r.end, text=text[r.start:r.end], type=r.type,
                       value=r.value, first=r.first, last=r.last, granularity=r.granularity,
                       basis=r.basis)
        # an interval outside the window is left out only now: until here it still claims its
        # span ("March 3, 1650" is not "March 3") and still dates the narrative that follows it
        for r in chosen if r.type and C.in_window(r)
    ]
