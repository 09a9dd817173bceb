"""Calendar arithmetic, clause tense and result builders shared by the temporal rules.

``Resolved`` is what a rule returns: a TimeExpression in the making whose ``start``/``end`` may
widen the regex match and whose ``floating`` flag marks a year taken from the anchor only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Callable
from typing import NamedTuple

from events.timex import patterns as P

ONE_DAY = dt.timedelta(days=1)

# The calendar window of every interval find_dates returns: the whole years pandas.Timestamp
# can hold (1677-09-21 .. 2262-04-11). The dashboard turns stored dates into Timestamps, and
# one date outside that range makes pd.to_datetime raise for every session, so an expression
# dated outside it ("in 1650", "12/31/9999", "1/1/0001") is not returned at all. The bound is
# pandas' and not a tighter "plausible" one such as 1800 because histories date real events in
# the 18th century (WikiWars has 243 such dates); numbers that are not years at all ("Resolution
# 1718") are told apart by the words before them (events.timex.absolute), not by their size.
FIRST_DAY = dt.date(1678, 1, 1)
LAST_DAY = dt.date(2261, 12, 31)


class Resolved(NamedTuple):
    """A resolved candidate: ``start``/``end`` may widen the regex match (TimeML prefixes)."""

    start: int
    end: int
    type: str
    value: str
    first: dt.date | None
    last: dt.date | None
    granularity: str
    basis: str
    floating: bool = False  # year taken from the anchor only: a narrative year may replace it
    # (unit, offset) from the latest date named before it: ("day", 1) for "the next day"
    anaphor: tuple[str, int] | None = None


def in_window(res: Resolved) -> bool:
    """True unless ``res`` denotes an interval reaching outside ``FIRST_DAY`` .. ``LAST_DAY``
    (values without an interval, such as ``BC0241`` or ``P2Y``, are never stored as dates)."""
    return res.first is None or (res.first >= FIRST_DAY and res.last <= LAST_DAY)


def claim(start: int, end: int) -> Resolved:
    """A span taken by no expression: an impossible date keeps a shorter pattern from its span
    ("February" in "February 30")."""
    return Resolved(start, end, "", "", None, None, "none", "none")


def ymd(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_end(y: int, m: int) -> dt.date:
    if m == 12:
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - ONE_DAY


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def week_of(d: dt.date) -> tuple[str, dt.date, dt.date]:
    iy, iw, iwd = d.isocalendar()
    monday = d - dt.timedelta(days=iwd - 1)
    return f"{iy:04d}-W{iw:02d}", monday, monday + dt.timedelta(days=6)


def week_month(d: dt.date) -> tuple[int, int]:
    """(year, month) holding the Thursday of the Monday–Sunday week of ``d``.

    GUIDELINES §4 dates "last/this/next week" by a month, not by a day: a week that straddles
    two months goes to the one holding most of its days, which is the one holding its Thursday
    (the day ISO 8601 uses to give a straddling week to one year).
    """
    thursday = d + dt.timedelta(days=3 - d.weekday())
    return thursday.year, thursday.month


def quarter_range(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)


def season_range(y: int, code: str) -> tuple[dt.date, dt.date]:
    a, b = P.SEASON_MONTHS[code]
    return dt.date(y, a, 1), month_end(y + 1 if b < a else y, b)


def parse_num(s: str) -> float | None:
    """A cardinal from digits or words; None for vague amounts ("several", "a few")."""
    s = s.lower().replace(",", "").strip()
    if s.endswith(" and a half"):
        whole = parse_num(s[:-len(" and a half")])
        return None if whole is None else whole + 0.5
    if " 1/2" in s:
        return float(s.split()[0]) + 0.5
    try:
        return float(s)
    except ValueError:
        pass
    if s.startswith("a couple"):
        return 2
    if s.startswith("a dozen"):
        return 12
    parts = re.split(r"[- ]+", s)
    if parts[0] in P.TENS:
        return P.TENS[parts[0]] + (P.SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
    return P.SMALL_NUMBERS.get(s)


def num_str(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def unit_key(unit: str) -> str:
    u = unit.lower()
    if u == "centuries":
        return "century"
    return u[:-1] if u.endswith("s") else u


def _last_match(pattern: re.Pattern, s: str) -> re.Match | None:
    found = deque(pattern.finditer(s), maxlen=1)
    return found[0] if found else None


def _cue_tense(cue: re.Match) -> str:
    kind = cue.lastgroup
    return {"fut": "future", "wfut": "wfuture", "prep": "pfuture", "past": "past",
            "wpast": "wpast"}[kind]


# "a goodwill visit", "a surprise visit", "his return": the cue word is a noun, which has no tense of its own
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|official|state|goodwill|working|private|[\w]+-day)\s+$",
                          re.IGNORECASE)
# ... and after an indefinite article and a word, in the singular: "a surprise visit" (not "the bloc meets")
_ADJECTIVE_THEN_NOUN = re.compile(r"\b(?:a|an)\s+(?-i:[a-z][\w-]*)\s+$", re.IGNORECASE)


# A temporal clause's connective and subject, right before its verb: "after he", "once the minister"
_TEMPORAL_SUBJECT = re.compile(r"\b(?:after|once|when|before|as soon as)\s+(?:he|she|they|it|we|(?:the\s+)?[\w-]+)\s+$",
                               re.IGNORECASE)
# ... whose main clause is the modal's: no quotation closes nor a report opens between them
_OTHER_SPEAKER = re.compile(r"[\"“”]|\b(?:said|says|told|added)\b", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:[a-z]+\s+)?(?-i:[a-z]+ing)\b", re.IGNORECASE)
_MODALS = frozenset({"would", "could", "might", "may", "can", "should", "must", "hope", "hopes"})  # never nouns
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|newly|recently|just)\s+$", re.IGNORECASE)


def _is_noun(cue: re.Match, text: str, lo: int) -> bool:
    return bool(_NOUN_BEFORE.search(text, lo, cue.start())
                or not cue.group().lower().endswith("s") and _ADJECTIVE_THEN_NOUN.search(text, lo, cue.start()))


def clause_tense(text: str, start: int, end: int) -> str | None:
    """Tense of the clause around ``text[start:end]`` from its nearest cue.

    One of ``future``/``past`` (strong cues), ``wfuture``/``wpast`` (weak ones), ``pfuture``
    (a preposition such as "until" right before it) or None.
    """
    lo = max(0, start - 200)
    cut = _last_match(P.CLAUSE_BREAK, text[lo:start])
    if cut is not None:
        lo += cut.end()
    # a relative clause opened by a comma ends at the next one: in "Arriving Monday for a stay,
    # which includes talks Tuesday with the premier, he also met ...", "met" belongs to the main
    # clause and says nothing of Tuesday
    relative = cut is not None and cut.group().startswith(",")
    # cues must start before the expression, but may look a few characters into it
    cues = [c for c in P.TENSE_CUE.finditer(text, lo, min(len(text), start + 12))
            if c.start() < start]
    for i in range(len(cues) - 1, -1, -1):
        cue = cues[i]
        if cue.lastgroup == "prep" and start - cue.end() > 12:
            continue  # "killed by police on Tuesday": "by" is not about the date
        if (cue.lastgroup == "wpast" or cue.group().lower() == "last") and _ADJECTIVE_BEFORE.search(text, lo, cue.start()):
            # "will meet Alatas, the newly appointed envoy, on Tuesday", "will visit Riga for the
            # last leg of his tour on April 17": an adjective
            continue
        before = cues[i - 1] if i else None
        if cue.lastgroup == "wfut" and before is not None and before.lastgroup == "fut" \
                and cue.start() - before.end() <= 12:
            return "future"  # "will open on December 1": the verb group is future
        if cue.lastgroup == "wfut" and before is not None and before.lastgroup in ("past", "wpast") \
                and text[before.end(): cue.start()].strip().lower() in ("", "to", "able to", "unable to"):
            # "a tour which included visits Saturday": the object of a past verb; "managed to meet",
            # "was able to meet"
            return _cue_tense(before)
        if cue.lastgroup == "wfut" and cue.group().lower() not in _MODALS and _is_noun(cue, text, lo) \
                and any(c.lastgroup == "past" for c in cues[:i]):
            return "past"  # "arrived in Pyongyang for a goodwill visit on Saturday": a noun, past clause
        if cue.lastgroup == "prep" and cue.group().lower() in ("until", "till", "through", "starting") \
                and before is not None and before.lastgroup == "fut":
            return _cue_tense(before)  # "will stay until Tuesday", "a meeting starting on Friday"
        if cue.group().lower() in ("until", "till", "through") and _PROGRESSIVE.search(text, lo, cue.start()):
            return "future"  # "is staying in Riga until Friday": a stay under way ends ahead
        if cue.lastgroup == "past" and _TEMPORAL_SUBJECT.search(text, lo, cue.start()) \
                and any(c.group().lower() in ("would", "will", "'ll")
                        and not _OTHER_SPEAKER.search(text, c.end(), cue.start()) for c in cues[:i]):
            # "would sign the deal once he arrived in Riga on June 22": reported speech shifts the
            # verb of a temporal clause back, not its time, which is the main clause's future
            return "future"
        return _cue_tense(cue)
    ahead = text[end:end + 60]
    stop = P.CLAUSE_BREAK.search(ahead)
    if stop is not None:
        ahead = ahead[:stop.start()]
    if relative:
        ahead = ahead.split(",", 1)[0]
    for cue in P.TENSE_CUE.finditer(ahead):
        if cue.lastgroup != "prep":
            return _cue_tense(cue)
    return None


# how much farther a candidate on the disfavoured side of the anchor may be, by weak tense
_TENSE_SLACK = dt.timedelta(days=7)
_BIAS = {"wfuture": (3.0, 1.0), "pfuture": (3.0, 1.0), "wpast": (1.0, 3.0), None: (1.0, 1.5)}


def pick(cands: list[dt.date], anchor: dt.date, tense: str | None,
          key_last: Callable[[dt.date], dt.date] | None = None) -> dt.date:
    """Choose among candidate starts: strong past ≤ anchor, strong future ≥ anchor, else the
    nearest, distances weighted by the weak tense (``_BIAS``: past weight, future weight)."""
    last_of = key_last or (lambda d: d)
    # A tense a few days off is the writer's clock, not another year: "will attend the conference
    # on March 1" in a story filed on March 2 is this March, not next year's.
    if tense == "past":
        ok = [c for c in cands if c <= anchor + _TENSE_SLACK]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if last_of(c) >= anchor - _TENSE_SLACK]
        return min(ok) if ok else max(cands)
    w_past, w_future = _BIAS[tense]

    def distance(c: dt.date) -> float:
        if c <= anchor <= last_of(c):
            return 0
        if c > anchor:
            return (c - anchor).days * w_future
        return (anchor - last_of(c)).days * w_past

    return min(cands, key=distance)


def weekday_near(anchor: dt.date, wd: int, direction: str) -> dt.date:
    """``direction``: past (on/before), before (strictly), after (strictly), onafter."""
    delta = (anchor.weekday() - wd) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=delta)
    if direction == "before":
        return anchor - dt.timedelta(days=delta or 7)
    ahead = (wd - anchor.weekday()) % 7
    if direction == "after":
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor + dt.timedelta(days=ahead)


def day_res(m: re.Match, t: str, d: dt.date, basis: str, last: dt.date | None = None,
         suffix: str = "") -> Resolved:
    gran = "range" if last is not None and last != d else "day"
    return Resolved(m.start(), m.end(), t, ymd(d) + suffix, d, last or d, gran, basis)


def unresolved(m: re.Match, value: str, t: str = "DATE") -> Resolved:
    return Resolved(m.start(), m.end(), t, value, None, None, "none", "none")


def month_res(m: re.Match, y: int, mon: int, basis: str) -> Resolved:
    return Resolved(m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}", dt.date(y, mon, 1),
                month_end(y, mon), "month", basis)


def year_res(m: re.Match, y: int, basis: str) -> Resolved:
    return Resolved(m.start(), m.end(), "DATE", f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31),
                "year", basis)


def range_res(m: re.Match, value: str, first: dt.date, last: dt.date, basis: str) -> Resolved:
    return Resolved(m.start(), m.end(), "DATE", value, first, last, "range", basis)


# a half of a unit in the next smaller one: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M
_HALF = {"Y": ("6M", False), "M": ("15D", False), "W": ("3DT12H", False), "D": ("T12H", False),
         "H": ("30M", True), "M_T": ("30S", True)}


def duration_res(m: re.Match, n: float | None, unit: str) -> Resolved:
    code, is_time = P.UNITS[unit_key(unit)]
    if n is not None:
        if code == "DE":
            n, code = n * 10, "Y"
        elif code == "CE":
            n, code = n * 100, "Y"
        elif code == "Q":
            n, code = n * 3, "M"  # ISO 8601 durations have no quarters
        elif unit.lower().startswith("fortnight"):
            n = n * 2
        if re.search(r"\band\s+a\s+half$", m.group(0)):
            n += 0.5
    prefix = "PT" if is_time else "P"
    if n is None:
        value = f"{prefix}X{code}"
    elif n != int(n) and n * 2 == int(n * 2):
        half, _ = _HALF["M_T" if is_time and code == "M" else code] if (
            code in _HALF or is_time) else (None, None)
        whole = f"{int(n)}{code}" if int(n) else ""
        value = f"{prefix}{whole}{half}" if half else f"{prefix}{num_str(n)}{code}"
    else:
        value = f"{prefix}{num_str(n)}{code}"
    return Resolved(m.start(), m.end(), "DURATION", value, None, None, "none", "explicit")


def year_for_day(mon: int, day: int, text: str, m: re.Match, anchor: dt.date) -> dt.date:
    """The year-less day ``mon``/``day`` placed by the tense of its clause around the anchor."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(dt.date(y, mon, day))
        except ValueError:
            continue
    if not cands:
        raise ValueError(f"no year has {m.group(0)!r}")
    return pick(cands, anchor, clause_tense(text, m.start(), m.end()))


def nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    """The ``n``-th weekday ``wd`` of a month; ``n = -1`` for the last one."""
    if n < 0:
        d = month_end(y, month)
        return d - dt.timedelta(days=(d.weekday() - wd) % 7)
    d = dt.date(y, month, 1)
    return d + dt.timedelta(days=(wd - d.weekday()) % 7 + 7 * (n - 1))


def easter(y: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
          "4th": 4, "final": 4}


REL_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1,
              "coming": 1}


_QUARTER_WORD = re.compile(r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ])?"
                           r"(?:fiscal\s+)?quarter", re.IGNORECASE)


def year_ago_quarter(m: re.Match, text: str, anchor: dt.date) -> Resolved | None:
    """"a year ago" among sentences about quarterly results means the same quarter a year
    before (TimeBank: "third-quarter profit fell from a year ago" → 1988-Q3)."""
    lo = max(0, m.start() - 400)
    end_of_previous = text.rfind(". ", lo, m.start())
    start = text.rfind(". ", lo, end_of_previous) + 1 if end_of_previous >= 0 else lo
    start = start or lo  # this sentence and the one before it, at most 400 characters back
    hi = text.find(". ", m.end(), m.end() + 120)
    sentence = text[start:hi if hi >= 0 else m.end() + 120]
    q = _QUARTER_WORD.search(sentence)
    if q is None:
        return None
    n = anchor.year * 4 + (anchor.month - 1) // 3 - 1  # the latest complete quarter
    y, quarter = n // 4, n % 4 + 1
    if q["ord"]:
        quarter = Q_ORD[q["ord"].lower()]
        y = anchor.year if quarter <= (anchor.month - 1) // 3 + 1 else anchor.year - 1
    return range_res(m, f"{y - 1}-Q{quarter}", *quarter_range(y - 1, quarter), "relative")


def weekday_direction(tense: str | None, anchor: dt.date, wd: int) -> str:
    """A bare weekday is the next one after the anchor in a future clause, else the latest on
    or before it. "until Thursday" is mostly past in news. The anchor's own weekday is the anchor
    itself even in a future clause: news written on a Sunday saying she "is due to meet ... Sunday
    morning" means today; a week ahead would be "next Sunday". With no cue at all, the day after
    the anchor is tomorrow ("a stay which includes talks Tuesday" in a Monday story): news names
    six days back by a bare weekday only in a past clause."""
    if tense in ("future", "wfuture") and anchor.weekday() != wd:
        return "after"
    if tense is None and (wd - anchor.weekday()) % 7 == 1:
        return "after"
    return "past"
