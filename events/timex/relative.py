"""Rules for expressions read against the anchor: relative units, "ago", durations, weekdays,
deictic words, clock times, reference words, sets and financial years.

Each rule takes ``(match, text, anchor)`` and returns a ``Resolved`` or None (not a time
expression). The conventions are documented in ``events.timex.scanner``.
"""

from __future__ import annotations

import datetime as dt
import re

from events.timex import patterns as P
from events.timex.arithmetic import (
    ONE_DAY,
    REL_SHIFT,
    Resolved,
    clause_tense,
    day_res,
    duration_res,
    month_res,
    parse_num,
    quarter_range,
    range_res,
    shift_month,
    unit_key,
    unresolved,
    week_month,
    week_of,
    weekday_direction,
    weekday_near,
    year_ago_quarter,
    year_for_day,
    year_res,
)


def relative(m, text, anchor):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if rel.startswith("the ") and rel != "the current" or (rel == "past" and not m["mod"]):
        if rel in ("the coming", "the next") and unit in ("year", "month", "week"):
            rel = "next"  # "the coming year" names the next calendar unit
        elif rel == "the previous":
            rel = "previous"
        else:
            return duration_res(m, 1, unit)  # "the past year" is P1Y in TimeML
    shift = REL_SHIFT[rel.replace("the ", "")]
    if unit == "fortnight":
        return duration_res(m, 1, unit)
    if anchor is None:
        return unresolved(m, {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                               "decade": "XXX", "century": "XX"}[unit])
    if unit == "year":
        return year_res(m, anchor.year + shift, "relative")
    if unit == "month":
        return month_res(m, *shift_month(anchor.year, anchor.month, shift), "relative")
    if unit == "week":
        return month_res(m, *week_month(anchor + dt.timedelta(days=7 * shift)), "relative")
    if unit == "decade":
        dec = anchor.year // 10 + shift
        return range_res(m, f"{dec:03d}", dt.date(dec * 10, 1, 1), dt.date(dec * 10 + 9, 12, 31),
                      "relative")
    c = anchor.year // 100 + shift
    return range_res(m, f"{c:02d}", dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31),
                  "relative")


def ahead(m, text, anchor):
    unit = m["unit"].lower()
    if anchor is None:
        return unresolved(m, {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit])
    if unit == "year":
        return year_res(m, anchor.year + 1, "relative")
    if unit == "month":
        return month_res(m, *shift_month(anchor.year, anchor.month, 1), "relative")
    return month_res(m, *week_month(anchor + dt.timedelta(days=7)), "relative")


def days_from_weekday(m, text, anchor):
    n = parse_num(m["n"])
    wd = P.WEEKDAYS[m["wd"].lower()]
    if n is None or n != int(n):
        return None
    if anchor is None:
        return unresolved(m, "XXXX-XX-XX")
    base = weekday_near(anchor, wd, weekday_direction(
        clause_tense(text, m.start(), m.end()), anchor, wd))
    sign = 1 if m["dir"].lower() == "after" else -1
    return day_res(m, "DATE", base + dt.timedelta(days=sign * int(n)), "relative")


def relative_in(m, text, anchor):
    unit = m["unit"].lower()
    if anchor is None or " that " in m.group(0).lower():
        return unresolved(m, {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                               "day": "XXXX-XX-XX"}[unit])
    if unit == "year":
        return year_res(m, anchor.year, "relative")
    if unit == "month":
        return month_res(m, anchor.year, anchor.month, "relative")
    if unit == "week":
        return month_res(m, *week_month(anchor), "relative")
    return day_res(m, "DATE", anchor, "relative")


def ago(m, text, anchor):
    n = parse_num(m["n"])
    unit = unit_key(m["unit"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None:
        return unresolved(m, "PAST_REF" if sign < 0 else "FUTURE_REF")
    k = int(n) * sign
    # "three days later" counts from the day the text last named (resolved in events.timex.scanner)
    anaphor = ("day", k) if unit in ("day", "night") and direction != "ago" else None
    if anchor is None:
        return unresolved(m, "XXXX-XX-XX")._replace(anaphor=anaphor)
    if k == -1 and unit == "year":
        by_quarter = year_ago_quarter(m, text, anchor)
        if by_quarter is not None:
            return by_quarter
    if unit in ("hour", "minute", "second"):
        return day_res(m, "TIME", anchor, "relative")
    if unit in ("day", "night"):
        return day_res(m, "DATE", anchor + dt.timedelta(days=k), "relative")._replace(
            anaphor=anaphor)
    if unit in ("week", "fortnight"):
        # "two weeks ago": the month of the computed day (GUIDELINES §4)
        d = anchor + dt.timedelta(days=14 * k if unit == "fortnight" else 7 * k)
        return month_res(m, d.year, d.month, "relative")
    if unit == "weekend":
        return range_res(m, *week_of(anchor + dt.timedelta(days=7 * k)), "relative")
    if unit == "month":
        return month_res(m, *shift_month(anchor.year, anchor.month, k), "relative")
    if unit == "quarter":
        n_q = anchor.year * 4 + (anchor.month - 1) // 3 + k
        y, q = n_q // 4, n_q % 4 + 1
        return range_res(m, f"{y}-Q{q}", *quarter_range(y, q), "relative")
    years = {"year": 1, "decade": 10, "century": 100}[unit] * k
    return year_res(m, anchor.year + years, "relative")


def anaphoric_day(m, text, anchor):
    word = (m["rel"] or m["dir"] or "").lower()
    offset = 1 if word in ("next", "following", "after") else -1 if word else 0
    part = (m["part"] or m["dpart"] or "day").lower()
    suffix = "T" + P.DAYPARTS[part] if part in _WEEKDAY_PART_SUFFIX else ""
    kind = "TIME" if suffix else "DATE"
    if anchor is None:
        return unresolved(m, "XXXX-XX-XX" + suffix, kind)._replace(anaphor=("day", offset))
    d = anchor + dt.timedelta(days=offset)
    return day_res(m, kind, d, "relative", suffix=suffix)._replace(anaphor=("day", offset))


def days_from_event(m, text, anchor):
    n = 1 if m["n"].lower() in ("a", "an") else parse_num(m["n"])
    if n is None:
        return unresolved(m, "PAST_REF" if m["dir"].lower() == "after" else "FUTURE_REF")
    # the reference day is n days after the event: the event is n days before it
    k = -int(n) if m["dir"].lower() == "after" else int(n)
    if anchor is None:
        return unresolved(m, "XXXX-XX-XX")._replace(anaphor=("day", k))
    return day_res(m, "DATE", anchor + dt.timedelta(days=k), "relative")._replace(
        anaphor=("day", k))


def anaphoric_unit(m, text, anchor):
    word = (m["rel"] or "same").lower()
    offset = {"following": 1, "previous": -1, "preceding": -1}.get(word, 0)
    unit = m["unit"].lower()
    if anchor is None:
        return unresolved(m, "XXXX" if unit == "year" else "XXXX-XX")._replace(
            anaphor=(unit, offset))
    if unit == "year":
        res = year_res(m, anchor.year + offset, "relative")
    else:
        res = month_res(m, *shift_month(anchor.year, anchor.month, offset), "relative")
    return res._replace(anaphor=(unit, offset))


_RATE_BEFORE = re.compile(r"(\d|\b(?:million|billion|thousand)|\b[a-z]{2,}s)\s+$")
_NOT_PLURAL = {"was", "has", "is", "this", "its", "his", "as", "less", "us", "plus", "across",
               "does", "thus", "perhaps", "always", "towards", "upwards", "afterwards"}


def duration(m, text, anchor):
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
    offset = _future_offset(m, text, anchor, parse_num(raw), unit_key(unit))
    if offset is not None:
        return offset
    res = duration_res(m, parse_num(raw), unit)
    if text[m.end("n"):m.start("unit")] == "-":
        res = res._replace(start=m.start("n"))  # "the two-week visit": TimeML tags "two-week"
    return res


_IN_BEFORE = re.compile(r"\bin\s+(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
# "his second meeting with the leader in three months", "the first visit in two months": a span counted back
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
                             r"last|only|latest|another)\b(?:\s+[\w'’-]+){0,8}\s+in\s+"
                             r"(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)


def _future_offset(m, text, anchor, n, unit):
    """ "will meet in Vienna in two weeks": a time that far from the anchor, in a future clause;
    its day for days, its month for weeks and months, as "two weeks from now" (GUIDELINES §4)."""
    if anchor is None or n is None or unit not in ("day", "week", "month") \
            or not _IN_BEFORE.search(text, max(0, m.start() - 16), m.start()) \
            or _ORDINAL_BEFORE.search(text, max(0, m.start() - 60), m.start()) \
            or clause_tense(text, m.start(), m.end()) not in ("future", "wfuture"):
        return None
    if unit == "day":
        return day_res(m, "DATE", anchor + dt.timedelta(days=int(n)), "relative")
    if unit == "week":
        d = anchor + dt.timedelta(days=7 * int(n))
        return month_res(m, d.year, d.month, "relative")
    return month_res(m, *shift_month(anchor.year, anchor.month, int(n)), "relative")


def vague_duration(m, text, anchor):
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    unit = m["unit"].lower()
    if pre in ("recent", "past") and unit == "years":
        return unresolved(m, "PAST_REF")
    if pre in ("coming", "the coming") and unit in ("months", "years"):
        return unresolved(m, "FUTURE_REF")
    return duration_res(m, None, unit)


_WEEKDAY_PART_SUFFIX = ("evening", "afternoon")


def weekday(m, text, anchor):
    wd = P.WEEKDAYS[m["wd"].lower()]
    part = (m["part"] or "").lower()
    # TimeBank writes "Friday evening" as ...TEV, "Friday night/morning" as often as the day
    suffix = "T" + P.DAYPARTS[part] if part in _WEEKDAY_PART_SUFFIX else ""
    wrel = (m["wrel"] or m["wrel2"] or "").lower()
    rel = (m["rel"] or "").lower()
    if wrel and rel:
        return None
    if anchor is None:
        return unresolved(m, f"XXXX-WXX-{wd + 1}")
    if wrel:
        monday = anchor - dt.timedelta(days=anchor.weekday())
        monday += dt.timedelta(days=7 * {"this": 0, "next": 1, "last": -1}[wrel])
        return day_res(m, "DATE", monday + dt.timedelta(days=wd), "relative", suffix=suffix)
    if rel in ("last", "past"):
        direction = "before"
    elif rel == "next":
        direction = "after"
    elif rel == "later":
        # "later Saturday" is later on a day the story is about: the anchor itself on a
        # Saturday; otherwise the Saturday before ("Later Saturday, the conference opened" in a
        # Sunday story), unless the clause is about the future ("will meet later Saturday")
        tense = clause_tense(text, m.start(), m.end())
        direction = "onafter" if tense in ("future", "wfuture", "pfuture") else "past"
    elif rel in ("this", "coming"):
        direction = "onafter"
    elif rel == "earlier":
        direction = "past"
    else:
        direction = weekday_direction(clause_tense(text, m.start(), m.end()), anchor, wd)
    res = day_res(m, "DATE", weekday_near(anchor, wd, direction), "relative", suffix=suffix)
    if rel in ("earlier", "later"):
        res = res._replace(start=m.start("wd"))
    return res


def deictic(m, text, anchor):
    day = re.sub(r"\s+", " ", (m["day"] or "").lower())
    part = (m["part"] or m["part2"] or "").lower()
    if anchor is None:
        return unresolved(m, "XXXX-XX-XX")
    if m["overnight"]:  # news copy's "overnight" is the night before the story
        return day_res(m, "TIME", anchor - ONE_DAY, "relative", suffix="T" + P.DAYPARTS["night"])
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
        return day_res(m, "TIME", d, "relative", suffix="T" + P.DAYPARTS[part])
    return day_res(m, "DATE", d, "relative")


def clock(m, text, anchor):
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
        return unresolved(m, "XXXX-XX-XX" + clock, "TIME")
    if m["mon"]:
        mon = P.MONTHS[m["mon"].lower().rstrip(".")]
        day = year_for_day(mon, int(re.match(r"\d+", m["md"]).group()), text, m, anchor)
        return day_res(m, "TIME", day, "relative", suffix=clock)
    if m["wd"]:
        wd = P.WEEKDAYS[m["wd"].lower()]
        tense = clause_tense(text, m.start(), m.end())
        if tense == "pfuture":
            tense = "future"  # "until 9 a.m. Tuesday": a deadline ahead
        d = weekday_near(anchor, wd, weekday_direction(tense, anchor, wd))
    else:
        dd = (m["dd"] or "today").lower()
        d = anchor + dt.timedelta(days={"today": 0, "tonight": 0, "yesterday": -1,
                                        "tomorrow": 1}[dd])
    return day_res(m, "TIME", d, "relative", suffix=clock)


def reference(m, text, anchor):
    before = text[max(0, m.start() - 8):m.start()].rstrip(" \"'`\n")
    if m.group(0) == "Now" and (not before or before[-1] in ".!?:;"):
        return None  # sentence-initial "Now," is a discourse marker, not a time
    if m["present"]:
        if anchor is None:
            return unresolved(m, "PRESENT_REF")
        return Resolved(m.start(), m.end(), "DATE", "PRESENT_REF", anchor, anchor, "day", "relative")
    return unresolved(m, "PAST_REF" if m["past"] else "FUTURE_REF")


_SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H"}


def set_expr(m, text, anchor):
    def value(n: float | None, unit: str) -> str:
        return duration_res(m, n, unit).value

    if m["adv"]:
        v = _SET_ADVERBS[m["adv"].lower()]
    elif m["wd"]:
        v = f"XXXX-WXX-{P.WEEKDAYS[m['wd'].lower()] + 1}"
    elif m["unit"]:
        unit = m["unit"].lower()
        if unit in ("morning", "evening", "night"):
            v = "XXXX-XX-XXT" + P.DAYPARTS[unit]
        else:
            v = value(parse_num(m["n"]) if m["n"] else 1, unit)
    else:
        v = value(1, m["unit2"] or m["unit3"])
    return Resolved(m.start(), m.end(), "SET", v, None, None, "none", "explicit")


def weekend(m, text, anchor):
    det = m.group(0).split()[0].lower()
    if anchor is None or det == "that":
        return unresolved(m, "XXXX-WXX-WE")
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)  # latest Sat on/before
    if det == "this" and clause_tense(text, m.start(), m.end()) != "past":
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday())  # (a past clause's is the one just gone)
    elif det == "next":
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday() + 7)
    elif det == "the" and clause_tense(text, m.start(), m.end()) == "future":
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
    elif det in ("last", "past") and anchor.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    week = week_of(saturday)[0]
    return range_res(m, week + "-WE", saturday, saturday + ONE_DAY, "relative")


def the_year(m, text, anchor):
    if re.match(r"\s+(?:ended|ending)\b", text[m.end():m.end() + 8]):
        return duration_res(m, 1, "year")  # "the year ended Sept. 30": a reporting period, P1Y
    if anchor is None:
        return unresolved(m, "XXXX")
    latest = (m["mod"] or "").lower().startswith("latest")
    return year_res(m, anchor.year - 1 if latest else anchor.year, "relative")


def year_adj(m, text, anchor):
    w = re.sub(r"\s+", " ", m["w"].lower())
    if anchor is None:
        return unresolved(m, "XXXX")
    if w == "year-end":
        y = anchor.year - 1 if clause_tense(text, m.start(), m.end()) == "past" else anchor.year
        return day_res(m, "DATE", dt.date(y, 12, 31), "relative")
    if w == "end of the year":
        return year_res(m, anchor.year, "relative")
    return year_ago_quarter(m, text, anchor) or year_res(m, anchor.year - 1, "relative")
