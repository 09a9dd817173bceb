"""Resolution rules of the temporal tagger: one function per pattern of events.timex_patterns.

Each rule takes ``(match, text, anchor)`` and returns a ``_Res`` or None (not a date, or an
impossible one). The conventions are documented in ``events.timex``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Callable
from typing import NamedTuple

from events import timex_patterns as P

ONE_DAY = dt.timedelta(days=1)


class _Res(NamedTuple):
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


# --- calendar helpers -------------------------------------------------------------------------


def _ymd(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _month_end(y: int, m: int) -> dt.date:
    if m == 12:
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - ONE_DAY


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _week(d: dt.date) -> tuple[str, dt.date, dt.date]:
    iy, iw, iwd = d.isocalendar()
    monday = d - dt.timedelta(days=iwd - 1)
    return f"{iy:04d}-W{iw:02d}", monday, monday + dt.timedelta(days=6)


def _quarter_range(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _season_range(y: int, code: str) -> tuple[dt.date, dt.date]:
    a, b = P.SEASON_MONTHS[code]
    return dt.date(y, a, 1), _month_end(y + 1 if b < a else y, b)


def _parse_num(s: str) -> float | None:
    """A cardinal from digits or words; None for vague amounts ("several", "a few")."""
    s = s.lower().replace(",", "").strip()
    if s.endswith(" and a half"):
        whole = _parse_num(s[:-len(" and a half")])
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


def _num_str(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u == "centuries":
        return "century"
    return u[:-1] if u.endswith("s") else u


# --- tense of the clause ----------------------------------------------------------------------


def _last_match(pattern: re.Pattern, s: str) -> re.Match | None:
    found = deque(pattern.finditer(s), maxlen=1)
    return found[0] if found else None


def _cue_tense(cue: re.Match) -> str:
    kind = cue.lastgroup
    return {"fut": "future", "wfut": "wfuture", "prep": "pfuture", "past": "past",
            "wpast": "wpast"}[kind]


def _tense(text: str, start: int, end: int) -> str | None:
    """Tense of the clause around ``text[start:end]`` from its nearest cue.

    One of ``future``/``past`` (strong cues), ``wfuture``/``wpast`` (weak ones), ``pfuture``
    (a preposition such as "until" right before it) or None.
    """
    lo = max(0, start - 120)
    cut = _last_match(P.CLAUSE_BREAK, text[lo:start])
    if cut is not None:
        lo += cut.end()
    # cues must start before the expression, but may look a few characters into it
    cues = [c for c in P.TENSE_CUE.finditer(text, lo, min(len(text), start + 12))
            if c.start() < start]
    for cue in reversed(cues):
        if cue.lastgroup == "prep" and start - cue.end() > 12:
            continue  # "killed by police on Tuesday": "by" is not about the date
        return _cue_tense(cue)
    ahead = text[end:end + 60]
    stop = P.CLAUSE_BREAK.search(ahead)
    if stop is not None:
        ahead = ahead[:stop.start()]
    for cue in P.TENSE_CUE.finditer(ahead):
        if cue.lastgroup != "prep":
            return _cue_tense(cue)
    return None


# how much farther a candidate on the disfavoured side of the anchor may be, by weak tense
_BIAS = {"wfuture": (3.0, 1.0), "pfuture": (3.0, 1.0), "wpast": (1.0, 3.0), None: (1.0, 1.5)}


def _pick(cands: list[dt.date], anchor: dt.date, tense: str | None,
          key_last: Callable[[dt.date], dt.date] | None = None) -> dt.date:
    """Choose among candidate starts: strong past ≤ anchor, strong future ≥ anchor, else the
    nearest, distances weighted by the weak tense (``_BIAS``: past weight, future weight)."""
    last_of = key_last or (lambda d: d)
    if tense == "past":
        ok = [c for c in cands if c <= anchor]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if last_of(c) >= anchor]
        return min(ok) if ok else max(cands)
    w_past, w_future = _BIAS[tense]

    def distance(c: dt.date) -> float:
        if c <= anchor <= last_of(c):
            return 0
        if c > anchor:
            return (c - anchor).days * w_future
        return (anchor - last_of(c)).days * w_past

    return min(cands, key=distance)


def _weekday(anchor: dt.date, wd: int, direction: str) -> dt.date:
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


# --- result builders --------------------------------------------------------------------------


def _day(m: re.Match, t: str, d: dt.date, basis: str, last: dt.date | None = None,
         suffix: str = "") -> _Res:
    gran = "range" if last is not None and last != d else "day"
    return _Res(m.start(), m.end(), t, _ymd(d) + suffix, d, last or d, gran, basis)


def _unresolved(m: re.Match, value: str, t: str = "DATE") -> _Res:
    return _Res(m.start(), m.end(), t, value, None, None, "none", "none")


def _month(m: re.Match, y: int, mon: int, basis: str) -> _Res:
    return _Res(m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}", dt.date(y, mon, 1),
                _month_end(y, mon), "month", basis)


def _year(m: re.Match, y: int, basis: str) -> _Res:
    return _Res(m.start(), m.end(), "DATE", f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31),
                "year", basis)


def _range(m: re.Match, value: str, first: dt.date, last: dt.date, basis: str) -> _Res:
    return _Res(m.start(), m.end(), "DATE", value, first, last, "range", basis)


# a half of a unit in the next smaller one: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M
_HALF = {"Y": ("6M", False), "M": ("15D", False), "W": ("3DT12H", False), "D": ("T12H", False),
         "H": ("30M", True), "M_T": ("30S", True)}


def _duration(m: re.Match, n: float | None, unit: str) -> _Res:
    code, is_time = P.UNITS[_unit_key(unit)]
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
        value = f"{prefix}{whole}{half}" if half else f"{prefix}{_num_str(n)}{code}"
    else:
        value = f"{prefix}{_num_str(n)}{code}"
    return _Res(m.start(), m.end(), "DURATION", value, None, None, "none", "explicit")


# --- rules ------------------------------------------------------------------------------------


def _iso(m, text, anchor):
    d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(m, "DATE", d, "explicit")


def _iso_week(m, text, anchor):
    y, w = int(m["y"]), int(m["w"])
    if m["d"]:
        return _day(m, "DATE", dt.date.fromisocalendar(y, w, int(m["d"])), "explicit")
    monday = dt.date.fromisocalendar(y, w, 1)
    return _range(m, f"{y:04d}-W{w:02d}", monday, monday + dt.timedelta(days=6), "explicit")


def _numeric(m, text, anchor):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y > 30 else 2000
    mon, day = (a, b) if a <= 12 else (b, a)
    return _day(m, "DATE", dt.date(y, mon, day), "explicit")


def _day_of_month(m, text, anchor):
    mon = P.MONTHS[m["mon"].lower().rstrip(".")]
    d1 = int(re.match(r"\d+", m["d1"]).group())
    d2 = int(re.match(r"\d+", m["d2"]).group()) if m["d2"] else None
    if d2 is not None and d2 <= d1:
        return None
    if m["y"]:
        y = int(m["y"])
        first = dt.date(y, mon, d1)
        return _day(m, "DATE", first, "explicit", dt.date(y, mon, d2) if d2 else None)
    if anchor is None:
        dt.date(2000, mon, d1)  # leap year: rejects only dates impossible in every year
        if d2:
            dt.date(2000, mon, d2)
        return _unresolved(m, f"XXXX-{mon:02d}-{d1:02d}")._replace(floating=True)
    first = _year_for_day(mon, d1, text, m, anchor)
    return _day(m, "DATE", first, "relative",
                dt.date(first.year, mon, d2) if d2 else None)._replace(floating=True)


def _year_for_day(mon: int, day: int, text: str, m: re.Match, anchor: dt.date) -> dt.date:
    """The year-less day ``mon``/``day`` placed by the tense of its clause around the anchor."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(dt.date(y, mon, day))
        except ValueError:
            continue
    if not cands:
        raise ValueError(f"no year has {m.group(0)!r}")
    return _pick(cands, anchor, _tense(text, m.start(), m.end()))


def _month_year(m, text, anchor):
    mon = P.MONTHS[m["mon"].lower().rstrip(".")]
    if m["y"]:
        return _month(m, int(m["y"]), mon, "explicit")
    if anchor is None:
        return _unresolved(m, f"XXXX-{mon:02d}")
    y = anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _month(m, y, mon, "relative")


_MONTH_PREP = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|through|to|and|or|before|after|during|early|late|"
    r"mid|end|beginning|last|this|next|between|on)[\s-]+|-)$", re.IGNORECASE)


def _month_alone(m, text, anchor):
    name = m["mon"]
    if name in ("May", "MAY", "March") and not m["rel"] \
            and not _MONTH_PREP.search(text[max(0, m.start() - 12):m.start()]):
        return None  # "May" is mostly the modal verb, "March" a noun, unless a preposition leads
    mon = P.MONTHS[name.lower().rstrip(".")]
    rel = (m["rel"] or "").lower()
    if anchor is None:
        return _unresolved(m, f"XXXX-{mon:02d}")._replace(floating=not rel)
    this = dt.date(anchor.year, mon, 1)
    here = dt.date(anchor.year, anchor.month, 1)
    if rel in ("last", "past"):
        y = anchor.year if this < here else anchor.year - 1
    elif rel in ("next", "coming"):
        y = anchor.year if this > here else anchor.year + 1
    elif rel == "this":
        y = anchor.year
    else:
        cands = [dt.date(y, mon, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        tense = _tense(text, m.start(), m.end())
        y = _pick(cands, here, tense).year
        return _month(m, y, mon, "relative")._replace(floating=True)
    return _month(m, y, mon, "relative")


def _bc_year(m, text, anchor):
    y = int(m["y"])
    if y == 0:
        return None
    return _Res(m.start(), m.end(), "DATE", f"BC{y:04d}", None, None, "none", "explicit")


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}


def _spoken_year(m, text, anchor):
    if m["k"]:
        y = 2000 + (P.SMALL_NUMBERS[m["u"].lower()] if m["u"] else 0)
    else:
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["c"].lower()]
        words = re.split(r"[\s-]+", m["t"].lower())
        if words[0] == "hundred":
            rest = 0
        elif words[0] == "oh":
            rest = P.SMALL_NUMBERS[words[1]]
        elif words[0] in _SPOKEN_TENS:
            rest = _SPOKEN_TENS[words[0]] + (P.SMALL_NUMBERS[words[1]] if len(words) > 1 else 0)
        else:
            rest = P.SMALL_NUMBERS[words[0]]
        y = century * 100 + rest
    return _year(m, y, "explicit")


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    """The ``n``-th weekday ``wd`` of a month; ``n = -1`` for the last one."""
    if n < 0:
        d = _month_end(y, month)
        return d - dt.timedelta(days=(d.weekday() - wd) % 7)
    d = dt.date(y, month, 1)
    return d + dt.timedelta(days=(wd - d.weekday()) % 7 + 7 * (n - 1))


def _easter(y: int) -> dt.date:
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


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "new year's": lambda y: dt.date(y, 1, 1),
    "new year's day": lambda y: dt.date(y, 1, 1), "new year's eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "independence day": lambda y: dt.date(y, 7, 4), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "veterans day": lambda y: dt.date(y, 11, 11),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "easter": _easter, "easter sunday": _easter,
}


def _holiday(m, text, anchor):
    key = re.sub(r"\s+", " ", m["h"].lower())
    if key.startswith("new year's") and re.match(r"\s+(?:resolution|message|address|speech)",
                                                 text[m.end():]):
        return None
    year_m = re.match(r",?\s+(\d{4})\b", text[m.end():m.end() + 7])
    if year_m:
        y = int(year_m.group(1))
        return _day(m, "DATE", _HOLIDAYS[key](y), "explicit")._replace(end=m.end() + year_m.end())
    if anchor is None:
        return None
    rel = (m["rel"] or "").lower()
    cands = [_HOLIDAYS[key](y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel == "last":
        d = max(c for c in cands if c < anchor)
    elif rel == "next":
        d = min(c for c in cands if c > anchor)
    elif rel == "this":
        d = cands[1]
    else:
        d = _pick(cands, anchor, _tense(text, m.start(), m.end()))
    return _day(m, "DATE", d, "relative")._replace(floating=not rel)


def _decade(m, text, anchor):
    if m["dec"]:
        dec = int(m["dec"]) // 10
    elif m["short"]:
        x = int(m["short"])
        century = 20 if anchor is not None and 2000 + x <= anchor.year else 19
        dec = century * 10 + x // 10
    else:
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties"]
        dec = 190 + 2 + words.index(m["word"].lower())
    first = dt.date(dec * 10 if dec else 1, 1, 1)
    return _range(m, f"{dec:03d}", first, dt.date(dec * 10 + 9, 12, 31), "explicit")


_CENTURY_WORDS = {"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                  "twentieth": 20, "twenty-first": 21}


def _century(m, text, anchor):
    n = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["w"].lower()]
    if not 1 <= n <= 21:
        return None
    c = n - 1
    return _range(m, f"{c:02d}", dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31),
                  "explicit")


_YEAR_NOUN = re.compile(
    r"\s+(?:troops|soldiers|people|men|women|children|members|units|tanks|aircraft|planes|"
    r"vehicles|dollars|euros|rubles|roubles|km|kilometers|kilometres|miles|meters|metres|feet|"
    r"tons|tonnes|pounds|votes|seats|deaths|casualties|prisoners|workers|employees|shares|cars|"
    r"homes|houses|guns|rounds|jobs|cases|points|calories|hours|residents|refugees|marines)\b")
_YEAR_PREP = re.compile(r"\b(?:in|of|since|from|until|till|by|to|and|before|after|around|circa|"
                        r"c\.|during|year|spring|summer|autumn|fall|winter|early|late|mid)[\s-]+$",
                        re.IGNORECASE)


def _year_alone(m, text, anchor):
    y = int(m["y"])
    if _YEAR_NOUN.match(text, m.end()):
        return None
    if y < 1500 and m.start("y") == m.start() \
            and not _YEAR_PREP.search(text[max(0, m.start() - 10):m.start()]):
        return None
    return _year(m, y, "explicit")


_Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
          "4th": 4, "final": 4}


def _quarter(m, text, anchor):
    if m["q"]:
        q = int(m["q"][1])
        if m["y3"]:
            y = int(m["y3"])
            return _range(m, f"{y}-Q{q}", *_quarter_range(y, q), "explicit")
        if anchor is None:
            return _unresolved(m, f"XXXX-Q{q}")
        return _range(m, f"{anchor.year}-Q{q}", *_quarter_range(anchor.year, q), "relative")
    unit = m["unit"].lower()
    ordw = re.sub(r"\s+", " ", (m["ord"] or "").lower())
    if m["ya"] and not ordw:
        ordw = m["ya"].lower()  # "the year-ago quarter"
    det = m.group(0).split()[0].lower() if m.group(0)[:1].isalpha() else ""
    explicit = m["y1"] or m["y2"]
    if unit == "half" and ordw not in ("first", "second", "1st", "2nd"):
        return None
    if unit == "period":
        # "the latest period", "the year-ago period": the reporting quarter of a results story
        if ordw not in ("latest", "year-ago", "year-earlier", "comparable year-ago") or \
                anchor is None or _year_ago_quarter(m, text, anchor) is None:
            return None
        unit = "quarter"
    if not ordw and det not in ("the", "this", "last", "next", "that", "its"):
        return None
    if anchor is None and not explicit:
        if ordw in _Q_ORD:
            return _unresolved(m, f"XXXX-{'H' if unit == 'half' else 'Q'}{_Q_ORD[ordw]}")
        return _unresolved(m, "XXXX-QX")
    if explicit:
        y = int(explicit)
    elif m["yrel"] or m["yrel2"]:
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[(m["yrel"] or m["yrel2"]).lower()]
    else:
        y = anchor.year
    if ordw in _Q_ORD:
        q = _Q_ORD[ordw]
    else:
        aq = (anchor.month - 1) // 3 + 1 if anchor else 4
        if ordw == "current" or (not ordw and det == "this"):
            shift = 0
        elif not ordw and det == "next":
            shift = 1
        else:
            shift = -1
        if ordw in ("year-ago", "year-earlier", "comparable year-ago", "same"):
            y -= 1
        if explicit:
            shift = 0
            aq = aq if ordw else aq - 1 or 4
        n = (y * 4 + aq - 1) + shift
        y, q = n // 4, n % 4 + 1
    if m["ya"] and ordw in _Q_ORD:
        y -= 1
    basis = "explicit" if explicit else "relative"
    if m["det"] and text[m.start("unit") - 1] == "-":
        # "the third-quarter profit": TimeML tags the adjective alone
        m_start = m.end("det") + len(text[m.end("det"):m.end()]) - len(
            text[m.end("det"):m.end()].lstrip())
        return _range(m, f"{y}-Q{q}", *_quarter_range(y, q), basis)._replace(start=m_start) \
            if unit == "quarter" else None
    if unit == "half":
        h = 1 if q == 1 else 2
        return _range(m, f"{y}-H{h}", dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), basis)
    return _range(m, f"{y}-Q{q}", *_quarter_range(y, q), basis)


def _season(m, text, anchor):
    code = P.SEASONS[m["s"].lower()]
    det = (m["det"] or "").lower()
    if not det and not m["y"]:
        if not re.search(r"\b(?:in|during|by|until|since|through)\s+$",
                         text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
            return None
    if det == "the" and not m["y"] and re.match(r"\s+of\s+(?!\d)", text[m.end():]):
        return None  # "the fall of Berlin"
    if code == "FA" and not det and not m["y"]:
        return None
    if m["y"]:
        y = int(m["y"])
        return _range(m, f"{y}-{code}", *_season_range(y, code), "explicit")
    if anchor is None:
        return _unresolved(m, f"XXXX-{code}")._replace(floating=det not in _REL_SHIFT)
    years = range(anchor.year - 2, anchor.year + 2)
    spans = [(y, *_season_range(y, code)) for y in years]
    if det in ("last", "past"):
        y = max(s[0] for s in spans if s[2] < anchor)
    elif det in ("next", "coming"):
        y = min(s[0] for s in spans if s[1] > anchor)
    elif det == "this":
        y = anchor.year
    else:
        tense = _tense(text, m.start(), m.end())
        if tense == "past":
            y = max(s[0] for s in spans if s[1] <= anchor)
        elif tense == "future":
            y = min(s[0] for s in spans if s[2] >= anchor)
        else:
            y = anchor.year
        return _range(m, f"{y}-{code}", *_season_range(y, code), "relative")._replace(
            floating=True)
    return _range(m, f"{y}-{code}", *_season_range(y, code), "relative")


_REL_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1,
              "coming": 1}


def _relative(m, text, anchor):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if rel.startswith("the ") and rel != "the current" or (rel == "past" and not m["mod"]):
        if rel in ("the coming", "the next") and unit in ("year", "month", "week"):
            rel = "next"  # "the coming year" names the next calendar unit
        elif rel == "the previous":
            rel = "previous"
        else:
            return _duration(m, 1, unit)  # "the past year" is P1Y in TimeML
    shift = _REL_SHIFT[rel.replace("the ", "")]
    if unit == "fortnight":
        return _duration(m, 1, unit)
    if anchor is None:
        return _unresolved(m, {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                               "decade": "XXX", "century": "XX"}[unit])
    if unit == "year":
        return _year(m, anchor.year + shift, "relative")
    if unit == "month":
        return _month(m, *_shift_month(anchor.year, anchor.month, shift), "relative")
    if unit == "week":
        value, first, last = _week(anchor + dt.timedelta(days=7 * shift))
        return _range(m, value, first, last, "relative")
    if unit == "decade":
        dec = anchor.year // 10 + shift
        return _range(m, f"{dec:03d}", dt.date(dec * 10, 1, 1), dt.date(dec * 10 + 9, 12, 31),
                      "relative")
    c = anchor.year // 100 + shift
    return _range(m, f"{c:02d}", dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31),
                  "relative")


def _relative_in(m, text, anchor):
    unit = m["unit"].lower()
    if anchor is None or " that " in m.group(0).lower():
        return _unresolved(m, {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                               "day": "XXXX-XX-XX"}[unit])
    if unit == "year":
        return _year(m, anchor.year, "relative")
    if unit == "month":
        return _month(m, anchor.year, anchor.month, "relative")
    if unit == "week":
        return _range(m, *_week(anchor), "relative")
    return _day(m, "DATE", anchor, "relative")


_QUARTER_WORD = re.compile(r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ])?"
                           r"(?:fiscal\s+)?quarter", re.IGNORECASE)


def _year_ago_quarter(m: re.Match, text: str, anchor: dt.date) -> _Res | None:
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
        quarter = _Q_ORD[q["ord"].lower()]
        y = anchor.year if quarter <= (anchor.month - 1) // 3 + 1 else anchor.year - 1
    return _range(m, f"{y - 1}-Q{quarter}", *_quarter_range(y - 1, quarter), "relative")


def _ago(m, text, anchor):
    n = _parse_num(m["n"])
    unit = _unit_key(m["unit"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None:
        return _unresolved(m, "PAST_REF" if sign < 0 else "FUTURE_REF")
    if anchor is None:
        return _unresolved(m, "XXXX-XX-XX")
    k = int(n) * sign
    if k == -1 and unit == "year":
        by_quarter = _year_ago_quarter(m, text, anchor)
        if by_quarter is not None:
            return by_quarter
    if unit in ("hour", "minute", "second"):
        return _day(m, "TIME", anchor, "relative")
    if unit in ("day", "night"):
        return _day(m, "DATE", anchor + dt.timedelta(days=k), "relative")
    if unit in ("week", "fortnight", "weekend"):
        days = 14 * k if unit == "fortnight" else 7 * k
        return _range(m, *_week(anchor + dt.timedelta(days=days)), "relative")
    if unit == "month":
        return _month(m, *_shift_month(anchor.year, anchor.month, k), "relative")
    if unit == "quarter":
        n_q = anchor.year * 4 + (anchor.month - 1) // 3 + k
        y, q = n_q // 4, n_q % 4 + 1
        return _range(m, f"{y}-Q{q}", *_quarter_range(y, q), "relative")
    years = {"year": 1, "decade": 10, "century": 100}[unit] * k
    return _year(m, anchor.year + years, "relative")


_RATE_BEFORE = re.compile(r"(\d|\b(?:million|billion|thousand)|\b[a-z]{2,}s)\s+$")
_NOT_PLURAL = {"was", "has", "is", "this", "its", "his", "as", "less", "us", "plus", "across",
               "does", "thus", "perhaps", "always", "towards", "upwards", "afterwards"}


def _duration_rule(m, text, anchor):
    raw = m["n"].lower()
    unit = m["unit"].lower()
    if raw in ("a", "an") and unit in ("quarter", "second"):
        return None  # "a quarter of the votes", "a second round"
    if raw in ("some", "many", "few") and not unit.endswith("s"):
        return None
    if unit == "quarters" and text[m.end("n"):m.start("unit")] == "-":
        return None  # "three-quarters of the votes" is a fraction
    if raw in ("a", "an") and m.start("n") == m.start():
        prev = _RATE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if prev and prev.group(1).lower() not in _NOT_PLURAL:
            return None  # "four flights a week", "$2 million a year": a rate, not a duration
    res = _duration(m, _parse_num(raw), unit)
    if text[m.end("n"):m.start("unit")] == "-":
        res = res._replace(start=m.start("n"))  # "the two-week visit": TimeML tags "two-week"
    return res


def _vague_duration(m, text, anchor):
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    unit = m["unit"].lower()
    if pre in ("recent", "past") and unit == "years":
        return _unresolved(m, "PAST_REF")
    if pre in ("coming", "the coming") and unit in ("months", "years"):
        return _unresolved(m, "FUTURE_REF")
    return _duration(m, None, unit)


def _weekday_direction(tense: str | None, anchor: dt.date, wd: int) -> str:
    """A bare weekday is the next one after the anchor in a future clause, else the latest on
    or before it. "until Thursday" is mostly past in news, and a weak cue ("would") does not
    push "Friday" written on a Friday a week ahead."""
    if tense == "future" or (tense == "wfuture" and anchor.weekday() != wd):
        return "after"
    return "past"


_WEEKDAY_PART_SUFFIX = ("evening", "afternoon")


def _weekday_rule(m, text, anchor):
    wd = P.WEEKDAYS[m["wd"].lower()]
    part = (m["part"] or "").lower()
    # TimeBank writes "Friday evening" as ...TEV, "Friday night/morning" as often as the day
    suffix = "T" + P.DAYPARTS[part] if part in _WEEKDAY_PART_SUFFIX else ""
    wrel = (m["wrel"] or m["wrel2"] or "").lower()
    rel = (m["rel"] or "").lower()
    if wrel and rel:
        return None
    if anchor is None:
        return _unresolved(m, f"XXXX-WXX-{wd + 1}")
    if wrel:
        monday = anchor - dt.timedelta(days=anchor.weekday())
        monday += dt.timedelta(days=7 * {"this": 0, "next": 1, "last": -1}[wrel])
        return _day(m, "DATE", monday + dt.timedelta(days=wd), "relative", suffix=suffix)
    if rel in ("last", "past"):
        direction = "before"
    elif rel == "next":
        direction = "after"
    elif rel in ("this", "coming", "later"):
        direction = "onafter"
    elif rel == "earlier":
        direction = "past"
    else:
        direction = _weekday_direction(_tense(text, m.start(), m.end()), anchor, wd)
    res = _day(m, "DATE", _weekday(anchor, wd, direction), "relative", suffix=suffix)
    if rel in ("earlier", "later"):
        res = res._replace(start=m.start("wd"))
    return res


def _deictic(m, text, anchor):
    day = re.sub(r"\s+", " ", (m["day"] or "").lower())
    part = (m["part"] or m["part2"] or "").lower()
    if anchor is None:
        return _unresolved(m, "XXXX-XX-XX")
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    if day:
        d = anchor + dt.timedelta(days=offsets[day])
    else:
        d = anchor - ONE_DAY if (m["this"].lower() == "last" and part == "night") else anchor
        if m["this"].lower() == "last" and part != "night":
            return None  # "last evening" is rare and ambiguous
    if day == "tonight":
        part = "night"
    if part:
        return _day(m, "TIME", d, "relative", suffix="T" + P.DAYPARTS[part])
    return _day(m, "DATE", d, "relative")


def _clock(m, text, anchor):
    if m["noon"]:
        h, mi = (12, 0) if m["noon"].lower() == "noon" else (0, 0)
    elif m["hm"]:
        h, mi = int(m["hm"]), int(m["min2"])
    else:
        h, mi = int(m["h"]), int(m["min"] or 0)
        if h > 12 or h == 0:
            return None
        pm = m["ampm"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    clock = f"T{h:02d}:{mi:02d}"
    if anchor is None:
        return _unresolved(m, "XXXX-XX-XX" + clock, "TIME")
    if m["mon"]:
        mon = P.MONTHS[m["mon"].lower().rstrip(".")]
        day = _year_for_day(mon, int(re.match(r"\d+", m["md"]).group()), text, m, anchor)
        return _day(m, "TIME", day, "relative", suffix=clock)
    if m["wd"]:
        wd = P.WEEKDAYS[m["wd"].lower()]
        tense = _tense(text, m.start(), m.end())
        if tense == "pfuture":
            tense = "future"  # "until 9 a.m. Tuesday": a deadline ahead
        d = _weekday(anchor, wd, _weekday_direction(tense, anchor, wd))
    else:
        dd = (m["dd"] or "today").lower()
        d = anchor + dt.timedelta(days={"today": 0, "tonight": 0, "yesterday": -1,
                                        "tomorrow": 1}[dd])
    return _day(m, "TIME", d, "relative", suffix=clock)


def _reference(m, text, anchor):
    before = text[max(0, m.start() - 8):m.start()].rstrip(" \"'`\n")
    if m.group(0) == "Now" and (not before or before[-1] in ".!?:;"):
        return None  # sentence-initial "Now," is a discourse marker, not a time
    if m["present"]:
        if anchor is None:
            return _unresolved(m, "PRESENT_REF")
        return _Res(m.start(), m.end(), "DATE", "PRESENT_REF", anchor, anchor, "day", "relative")
    return _unresolved(m, "PAST_REF" if m["past"] else "FUTURE_REF")


_SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H"}


def _set(m, text, anchor):
    def value(n: float | None, unit: str) -> str:
        return _duration(m, n, unit).value

    if m["adv"]:
        v = _SET_ADVERBS[m["adv"].lower()]
    elif m["wd"]:
        v = f"XXXX-WXX-{P.WEEKDAYS[m['wd'].lower()] + 1}"
    elif m["unit"]:
        unit = m["unit"].lower()
        if unit in ("morning", "evening", "night"):
            v = "XXXX-XX-XXT" + P.DAYPARTS[unit]
        else:
            v = value(_parse_num(m["n"]) if m["n"] else 1, unit)
    else:
        v = value(1, m["unit2"] or m["unit3"])
    return _Res(m.start(), m.end(), "SET", v, None, None, "none", "explicit")


def _weekend(m, text, anchor):
    det = m.group(0).split()[0].lower()
    if anchor is None or det == "that":
        return _unresolved(m, "XXXX-WXX-WE")
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)  # latest Sat on/before
    if det == "this":
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday())
    elif det == "next":
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday() + 7)
    elif det == "the" and _tense(text, m.start(), m.end()) == "future":
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
    elif det in ("last", "past") and anchor.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    week = _week(saturday)[0]
    return _range(m, week + "-WE", saturday, saturday + ONE_DAY, "relative")


def _the_year(m, text, anchor):
    if re.match(r"\s+(?:ended|ending)\b", text[m.end():m.end() + 8]):
        return _duration(m, 1, "year")  # "the year ended Sept. 30": a reporting period, P1Y
    if anchor is None:
        return _unresolved(m, "XXXX")
    latest = (m["mod"] or "").lower().startswith("latest")
    return _year(m, anchor.year - 1 if latest else anchor.year, "relative")


def _year_adj(m, text, anchor):
    w = re.sub(r"\s+", " ", m["w"].lower())
    if anchor is None:
        return _unresolved(m, "XXXX")
    if w == "year-end":
        y = anchor.year - 1 if _tense(text, m.start(), m.end()) == "past" else anchor.year
        return _day(m, "DATE", dt.date(y, 12, 31), "relative")
    if w == "end of the year":
        return _year(m, anchor.year, "relative")
    return _year_ago_quarter(m, text, anchor) or _year(m, anchor.year - 1, "relative")


def widen_prefix(res: _Res, text: str) -> _Res:
    """Join "the end of", "early", "mid-" to a month/year/decade timex, as TimeML does."""
    if res.granularity not in ("month", "year", "range") or res.start == 0:
        return res
    p = P.PREFIX.search(text, max(0, res.start - 30), res.start)
    if p is None:
        return res
    return res._replace(start=p.start())


def reyear(res: _Res, year: int) -> _Res:
    """``res`` (a floating month, day or season) placed in ``year`` taken from the narrative."""
    rest = res.value[4:]  # "-12", "-12-06", "-SU"
    if res.first is not None:
        first = res.first.replace(year=year)
        last = res.last.replace(year=year + res.last.year - res.first.year)
    elif rest[1:3].isdigit() and len(rest) == 6:
        first = last = dt.date(year, int(rest[1:3]), int(rest[4:6]))
    elif rest[1:3].isdigit():
        first, last = dt.date(year, int(rest[1:3]), 1), _month_end(year, int(rest[1:3]))
    else:
        first, last = _season_range(year, rest[1:])
    gran = res.granularity if res.granularity != "none" else (
        "day" if len(rest) == 6 else "month" if rest[1:3].isdigit() else "range")
    return res._replace(value=f"{year:04d}{rest}", first=first, last=last, granularity=gran,
                        basis="context")
