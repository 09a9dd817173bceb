"""Rules for calendar expressions: dates, months, years, holidays, decades, quarters, seasons.

Each rule takes ``(match, text, anchor)`` and returns a ``Resolved`` or None (not a date); an
impossible date raises ValueError. The conventions are documented in ``events.timex.scanner``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from events.timex import patterns as P
from events.timex.arithmetic import (
    Q_ORD,
    REL_SHIFT,
    Resolved,
    clause_tense,
    day_res,
    easter,
    month_end,
    month_res,
    nth_weekday,
    pick,
    quarter_range,
    range_res,
    season_range,
    unresolved,
    year_ago_quarter,
    year_for_day,
    year_res,
)


def iso_date(m, text, anchor):
    d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_res(m, "DATE", d, "explicit")


def iso_week(m, text, anchor):
    y, w = int(m["y"]), int(m["w"])
    if m["d"]:
        return day_res(m, "DATE", dt.date.fromisocalendar(y, w, int(m["d"])), "explicit")
    monday = dt.date.fromisocalendar(y, w, 1)
    return range_res(m, f"{y:04d}-W{w:02d}", monday, monday + dt.timedelta(days=6), "explicit")


def numeric_date(m, text, anchor):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y > 30 else 2000
    mon, day = (a, b) if a <= 12 else (b, a)
    return day_res(m, "DATE", dt.date(y, mon, day), "explicit")


def day_of_month(m, text, anchor):
    mon = P.MONTHS[m["mon"].lower().rstrip(".")]
    d1 = int(re.match(r"\d+", m["d1"]).group())
    d2 = int(re.match(r"\d+", m["d2"]).group()) if m["d2"] else None
    if d2 is not None and d2 <= d1:
        return None
    if m["y"]:
        y = int(m["y"])
        first = dt.date(y, mon, d1)
        return day_res(m, "DATE", first, "explicit", dt.date(y, mon, d2) if d2 else None)
    if anchor is None:
        dt.date(2000, mon, d1)  # leap year: rejects only dates impossible in every year
        if d2:
            dt.date(2000, mon, d2)
        return unresolved(m, f"XXXX-{mon:02d}-{d1:02d}")._replace(floating=True)
    first = year_for_day(mon, d1, text, m, anchor)
    return day_res(m, "DATE", first, "relative",
                dt.date(first.year, mon, d2) if d2 else None)._replace(floating=True)


def month_year(m, text, anchor):
    mon = P.MONTHS[m["mon"].lower().rstrip(".")]
    if m["y"]:
        return month_res(m, int(m["y"]), mon, "explicit")
    if anchor is None:
        return unresolved(m, f"XXXX-{mon:02d}")
    y = anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return month_res(m, y, mon, "relative")


_MONTH_PREP = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|through|to|and|or|before|after|during|early|late|"
    r"mid|end|beginning|last|this|next|between|on)[\s-]+|-)$", re.IGNORECASE)


# "the March meeting", "their May summit": a month between a determiner and the noun it dates.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:on|of|to|for|in|at|by|from|and|or|with|into|is|was|were|has|had|will|would|"
                         r"could|can|should|may|might|must)\b)(?-i:[a-z]+)\b(?!['’])")


def month_alone(m, text, anchor):
    name = m["mon"]
    if name in ("May", "MAY", "March") and not m["rel"] \
            and not _MONTH_PREP.search(text[max(0, m.start() - 12):m.start()]) \
            and not (_DETERMINER_BEFORE.search(text[max(0, m.start() - 8):m.start()])
                     and _NOUN_AFTER.match(text, m.end())):
        return None  # "May" is mostly the modal verb, "March" a noun, unless a preposition leads
    mon = P.MONTHS[name.lower().rstrip(".")]
    rel = (m["rel"] or "").lower()
    if anchor is None:
        return unresolved(m, f"XXXX-{mon:02d}")._replace(floating=not rel)
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
        tense = clause_tense(text, m.start(), m.end())
        y = pick(cands, here, tense).year
        return month_res(m, y, mon, "relative")._replace(floating=True)
    return month_res(m, y, mon, "relative")


def bc_year(m, text, anchor):
    y = int(m["y"])
    if y == 0:
        return None
    return Resolved(m.start(), m.end(), "DATE", f"BC{y:04d}", None, None, "none", "explicit")


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}


def spoken_year(m, text, anchor):
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
    return year_res(m, y, "explicit")


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "new year's": lambda y: dt.date(y, 1, 1),
    "new year's day": lambda y: dt.date(y, 1, 1), "new year's eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "independence day": lambda y: dt.date(y, 7, 4), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "veterans day": lambda y: dt.date(y, 11, 11),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "easter": easter, "easter sunday": easter,
}


def holiday(m, text, anchor):
    key = re.sub(r"\s+", " ", m["h"].lower())
    if key.startswith("new year's") and re.match(r"\s+(?:resolution|message|address|speech)",
                                                 text[m.end():]):
        return None
    year_m = re.match(r",?\s+(\d{4})\b", text[m.end():m.end() + 7])
    if year_m:
        y = int(year_m.group(1))
        return day_res(m, "DATE", _HOLIDAYS[key](y), "explicit")._replace(end=m.end() + year_m.end())
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
        d = pick(cands, anchor, clause_tense(text, m.start(), m.end()))
    return day_res(m, "DATE", d, "relative")._replace(floating=not rel)


def decade(m, text, anchor):
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
    return range_res(m, f"{dec:03d}", first, dt.date(dec * 10 + 9, 12, 31), "explicit")


_CENTURY_WORDS = {"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                  "twentieth": 20, "twenty-first": 21}


def century(m, text, anchor):
    n = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["w"].lower()]
    if not 1 <= n <= 21:
        return None
    c = n - 1
    return range_res(m, f"{c:02d}", dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31),
                  "explicit")


_YEAR_NOUN = re.compile(
    r"\s+(?:troops|soldiers|people|men|women|children|members|units|tanks|aircraft|planes|"
    r"vehicles|dollars|euros|rubles|roubles|km|kilometers|kilometres|miles|meters|metres|feet|"
    r"tons|tonnes|pounds|votes|seats|deaths|casualties|prisoners|workers|employees|shares|cars|"
    r"homes|houses|guns|rounds|jobs|cases|points|calories|hours|residents|refugees|marines)\b")
# Words that introduce a number naming a thing, not a time: "Resolution 1718", "resolution No.
# 1244", "number 1500", "Article 1200", "flight 1999", "Highway 1812". A number after one of them
# (or after a list of numbers that follows one: "resolutions 1718 and 1874") is never a year.
_NUMBER_NOUNS = (
    # documents and their parts
    "resolutions?", "articles?", r"art\.", "sections?", "§", "paragraphs?", r"para\.",
    "clauses?", "chapters?", "pages?", r"pp?\.", "annex", "decrees?", "bills?",
    # numbers as such ("No" only capitalised: "no 1999 deal" is a determiner)
    "numbers?", r"num\.", r"(?-i:Nos?)\.?", r"nos?\.", "#",
    # routes and vehicles
    "flights?", "highways?", r"hwy\.?", "routes?", "interstate", "motorway", "bus", "platform",
    "gate", "runway", "hull", "pennant",
    # rooms, sites and products
    "rooms?", "suite", "apartment", "hangar", "pier", "berth", "hill", "models?", "versions?",
    "serial", "items?",
)
# the noun, maybe "No."/"number"/"#", then maybe a list of numbers, right before the year; a noun
# ending in a letter must end its word ("Routes", not "Gatekeeper")
_NUMBER_BEFORE = re.compile(
    rf"(?<![\w.])(?:{'|'.join(_NUMBER_NOUNS)})(?:(?<=\w)(?!\w)|(?<!\w))"
    r"(?:\s*(?:no\.|number|#))?\s*(?:\d+[a-z]?\s*(?:,|&|\band\b|\bor\b|-|–)\s*)*$",
    re.IGNORECASE)


def year_alone(m, text, anchor):
    y = int(m["y"])
    if _YEAR_NOUN.match(text, m.end()):
        return None
    if _NUMBER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None
    return year_res(m, y, "explicit")


_SPACES = re.compile(r"\s*")


def quarter(m, text, anchor):
    if m["q"]:
        q = int(m["q"][1])
        if m["y3"]:
            y = int(m["y3"])
            return range_res(m, f"{y}-Q{q}", *quarter_range(y, q), "explicit")
        if anchor is None:
            return unresolved(m, f"XXXX-Q{q}")
        return range_res(m, f"{anchor.year}-Q{q}", *quarter_range(anchor.year, q), "relative")
    unit = m["unit"].lower()
    ordw = re.sub(r"\s+", " ", (m["ord"] or "").lower())
    if m["ya"] and not ordw:
        ordw = m["ya"].lower()  # "the year-ago quarter"
    det = (m["det"] or "").lower()
    explicit = m["y1"] or m["y2"]
    if unit == "half" and ordw not in ("first", "second", "1st", "2nd"):
        return None
    if unit == "period":
        # "the latest period", "the year-ago period": the reporting quarter of a results story
        if ordw not in ("latest", "year-ago", "year-earlier", "comparable year-ago") or \
                anchor is None or year_ago_quarter(m, text, anchor) is None:
            return None
        unit = "quarter"
    if not ordw and not det and not m["yrel"]:
        return None  # "a quarter of the votes"
    if anchor is None and not explicit:
        if ordw in Q_ORD:
            return unresolved(m, f"XXXX-{'H' if unit == 'half' else 'Q'}{Q_ORD[ordw]}")
        return unresolved(m, "XXXX-QX")
    if explicit:
        y = int(explicit)
    elif m["yrel"] or m["yrel2"]:
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[(m["yrel"] or m["yrel2"]).lower()]
    else:
        y = anchor.year
    if ordw in Q_ORD:
        q = Q_ORD[ordw]
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
        if explicit:  # "the 1988 quarter": the reporting quarter, in the year given
            shift = 0
            if not ordw:
                aq = aq - 1 or 4
        n = (y * 4 + aq - 1) + shift
        y, q = n // 4, n % 4 + 1
    if m["ya"] and ordw in Q_ORD:
        y -= 1
    basis = "explicit" if explicit else "relative"
    if unit == "half":
        h = 1 if q == 1 else 2
        res = range_res(m, f"{y}-H{h}", dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h), basis)
    else:
        res = range_res(m, f"{y}-Q{q}", *quarter_range(y, q), basis)
    if det and text[m.start("unit") - 1] == "-":
        # "the third-quarter profit": TimeML tags the adjective alone
        res = res._replace(start=_SPACES.match(text, m.end("det")).end())
    return res


def season(m, text, anchor):
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
        return range_res(m, f"{y}-{code}", *season_range(y, code), "explicit")
    if anchor is None:
        return unresolved(m, f"XXXX-{code}")._replace(floating=det not in REL_SHIFT)
    years = range(anchor.year - 2, anchor.year + 2)
    spans = [(y, *season_range(y, code)) for y in years]
    if det in ("last", "past"):
        y = max(s[0] for s in spans if s[2] < anchor)
    elif det in ("next", "coming"):
        y = min(s[0] for s in spans if s[1] > anchor)
    elif det == "this":
        y = anchor.year
    else:
        tense = clause_tense(text, m.start(), m.end())
        if tense == "past":
            y = max(s[0] for s in spans if s[1] <= anchor)
        elif tense == "future":
            y = min(s[0] for s in spans if s[2] >= anchor)
        else:
            y = anchor.year
        return range_res(m, f"{y}-{code}", *season_range(y, code), "relative")._replace(
            floating=True)
    return range_res(m, f"{y}-{code}", *season_range(y, code), "relative")


def widen_prefix(res: Resolved, text: str) -> Resolved:
    """Join "the end of", "early", "mid-" to a month/year/decade timex, as TimeML does."""
    if res.granularity not in ("month", "year", "range") or res.start == 0:
        return res
    p = P.PREFIX.search(text, max(0, res.start - 30), res.start)
    if p is None:
        return res
    return res._replace(start=p.start())


def reyear(res: Resolved, year: int) -> Resolved:
    """``res`` (a floating month, day or season) placed in ``year`` taken from the narrative."""
    rest = res.value[4:]  # "-12", "-12-06", "-SU"
    if res.first is not None:
        first = res.first.replace(year=year)
        last = res.last.replace(year=year + res.last.year - res.first.year)
    elif rest[1:3].isdigit() and len(rest) == 6:
        first = last = dt.date(year, int(rest[1:3]), int(rest[4:6]))
    elif rest[1:3].isdigit():
        first, last = dt.date(year, int(rest[1:3]), 1), month_end(year, int(rest[1:3]))
    else:
        first, last = season_range(year, rest[1:])
    gran = res.granularity if res.granularity != "none" else (
        "day" if len(rest) == 6 else "month" if rest[1:3].isdigit() else "range")
    return res._replace(value=f"{year:04d}{rest}", first=first, last=last, granularity=gran,
                        basis="context")
