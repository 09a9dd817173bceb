"""Regular expressions and word tables for the temporal expression tagger (events.timex).

Every pattern is compiled once at import. Month and weekday names are matched case-sensitively
(``(?-i:...)``) inside otherwise case-insensitive patterns, because their lower-case forms are
ordinary words ("may", "march", "sun").
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# first month of each TIMEX3 season; winter Y runs from December Y to February Y+1
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
DAYPARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "couple": 2, "dozen": 12, "single": 1,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4,
}
# unit word -> (TIMEX3 duration letter, is a time-of-day unit needing "PT")
UNITS = {
    "year": ("Y", False), "month": ("M", False), "week": ("W", False), "day": ("D", False),
    "decade": ("DE", False), "century": ("CE", False), "quarter": ("Q", False),
    "hour": ("H", True), "minute": ("M", True), "second": ("S", True),
    "weekend": ("WE", False), "night": ("D", False), "fortnight": ("W", False),
}

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?"
# A month name; abbreviations without a dot only where they cannot be a longer word.
MONTH = rf"(?-i:(?:{_MONTH_FULL}|{_MONTH_FULL.upper()})(?![a-z])|(?:{_MONTH_ABBR})(?![a-z]))"
# Only full month names may stand alone ("in November"); "Mar." alone is too rare to risk.
MONTH_FULL = rf"(?-i:(?:{_MONTH_FULL}|{_MONTH_FULL.upper()})(?![a-z]))"
WEEKDAY = r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z]))"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR4 = r"(?:1\d{3}|20\d{2})"
# a four-digit year not glued to other digits, money, decimals or percentages
YEAR = (rf"(?<![\d$£€.,/])(?:(?<!\d-)|(?<=\d{{4}}-)){YEAR4}"
        r"(?![\d%]|,\d|\.\d|-[01]?\d\b|-\d\d-|s\b|'s\b)")

_WORD_NUM = "|".join(sorted(list(SMALL_NUMBERS) + list(TENS), key=len, reverse=True))
# a cardinal in digits or words ("24", "twenty-four", "a couple of", "several")
NUM = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|(?:{'|'.join(TENS)})(?:[- ](?:one|two|three|four|"
    rf"five|six|seven|eight|nine))?|a\s+couple\s+of|a\s+few|a\s+dozen|several|few|some|many|"
    rf"(?:{_WORD_NUM})\b)(?:\s+and\s+a\s+half)?"
)
UNIT = (r"(?:years?|months?|weeks?|days?|decades?|centuries|century|quarters?|hours?|minutes?|"
        r"seconds?|weekends?|nights?|fortnights?)")
MODIFIER = (r"(?:about|nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to|over|roughly|"
            r"around|approximately|some|only|just|no\s+more\s+than|under)")

_I = re.IGNORECASE

# ISO dates: 2024-12-06 (optionally with a clock time we keep only the day of).
ISO_DATE = re.compile(rf"(?<![\w-])(?P<y>{YEAR4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")
# ISO weeks: 2013-W11, 2013-W11-3
ISO_WEEK = re.compile(rf"(?<![\w-])(?P<y>{YEAR4})-?W(?P<w>[0-5]\d)(?:-(?P<d>[1-7]))?(?![\w-])")
# US numeric dates 12/06/2024 (day first when the first number cannot be a month).
NUMERIC_DATE = re.compile(r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])")
# "Tuesday, Dec. 6th, 2024", "December 7-9", "Dec 7 to 9 2024", "Dec. 11-13 of 2007"
MONTH_DAY = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s*(?P<d1>{DAY})"
    rf"(?:\s*(?:-|–|to|through|and)\s*(?P<d2>{DAY}))?(?:(?:,?\s+|\s+of\s+)(?P<y>{YEAR}))?", _I)
# "6 December 2024", "the 6th of December", "7-9 December"
DAY_MONTH = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?<![\d.,])(?P<d1>{DAY})"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<y>{YEAR}))?", _I)
# "May 2024", "February of 1940", "June last year", "January this year"
MONTH_YEAR = re.compile(
    rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year\b)", _I)
# "in November", "last April", "mid-December": a month name alone
MONTH_ALONE = re.compile(
    rf"(?:\b(?P<rel>last|this|next|past|coming)\s+)?(?P<mon>{MONTH_FULL}|(?-i:Sept?\.|Jan\.|"
    rf"Feb\.|Aug\.|Oct\.|Nov\.|Dec\.|Apr\.))", _I)
# "241 BC", "490 B.C.": TIMEX3 BC0241 (no calendar interval: datetime has no year 0 or below)
BC_YEAR = re.compile(r"(?<![\d,.])(?P<y>\d{1,4})\s*(?:BCE?\b|B\.C\.(?:E\.)?)")
# spoken years: "nineteen ninety-six", "the year two thousand"
SPOKEN_YEAR = re.compile(
    r"\b(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen|twenty)[\s-]+(?P<t>(?:twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|"
    r"nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"hundred|oh[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))|(?P<k>two\s+thousand)"
    r"(?:[\s-]+(?:and\s+)?(?P<u>one|two|three|four|five|six|seven|eight|nine|ten))?)\b", _I)
# fixed-date and US holidays
HOLIDAY = re.compile(
    r"(?:\b(?P<rel>last|this|next)\s+)?(?-i:(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's"
    r"(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|"
    r"Valentine's\s+Day|Veterans\s+Day|Memorial\s+Day|Labor\s+Day|Easter(?:\s+Sunday)?))\b",
    _I)
# "the 1990s", "the '90s", "the nineties", "the 20th century"
DECADE = re.compile(
    r"(?:\bthe\s+)?(?:(?P<mod>early|mid|late)[- ]?)?(?:(?P<dec>1\d{2}0|20\d0)'?s\b|"
    r"'(?P<short>\d0)s\b|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    r"nineties)\b)", _I)
CENTURY = re.compile(
    r"(?:\bthe\s+)?(?:(?P<mod>early|mid|late)[- ]?)?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century\b"
    r"|(?:\bthe\s+)?(?P<w>nineteenth|twentieth|twenty-first|eighteenth|seventeenth|sixteenth)"
    r"[- ]century\b", _I)
# bare years, "fiscal 1989", "the year 2000", and year-bearing names such as "Zapad-2021"
YEAR_ALONE = re.compile(rf"(?:\b(?:the\s+)?(?:fiscal|year)\s+(?:year\s+)?|\bFY\s?)?(?P<y>{YEAR})",
                        _I)
# "Q3 2024", "the third quarter", "third-quarter", "the fiscal first quarter", "this year's
# third quarter", "the year-ago quarter", "the latest quarter", "the first half"
QUARTER = re.compile(
    r"(?:\b(?P<det>the|this|last|next|that)\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+)?"
    rf"(?:(?P<y1>{YEAR4})\s+)?(?:(?P<ya>year-ago|year-earlier)\s+)?(?:(?:fiscal|calendar)[- ]?)?(?:"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past|"
    r"year-ago|year-earlier|comparable\s+year-ago|most\s+recent|recent|last|same|prior)[- ])?"
    r"(?P<unit>quarter|half|period)\b(?!-?ly)"
    rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>{YEAR4})|(?P<yrel2>this|last|next)\s+year))?"
    rf"|\b(?P<q>Q[1-4])[\s-]*(?P<y3>{YEAR4})?\b", _I)
# "last fall", "the summer of 1999", "winter 2023", "this spring"
SEASON = re.compile(
    r"(?:\b(?P<det>the|this|last|next|past|coming|early|late|mid)[- ]+)?"
    r"(?:(?P<mod>early|late|mid)[- ]+)?(?P<s>spring|summer|fall|autumn|winter)\b"
    rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?", _I)
# "last year", "this week", "next month", "earlier this month", "the past decade"
RELATIVE = re.compile(
    r"\b(?:(?P<mod>earlier|later|late|early|mid)[- ]+)?(?P<rel>this|last|next|coming|previous|"
    r"current|past|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+current)"
    r"\s+(?P<unit>year|month|week|decade|century|fortnight)\b", _I)
# "the week ahead", "in the month ahead": the next calendar unit
AHEAD = re.compile(r"\bthe\s+(?P<unit>week|month|year)\s+ahead\b", _I)
# "three days after Sunday": counted from the weekday
DAYS_FROM_WEEKDAY = re.compile(
    rf"\b(?P<n>{NUM})\s+(?P<unit>days?)\s+(?P<dir>after|before)\s+(?P<wd>{WEEKDAY})", _I)
# "a day after meeting", "three days before the summit": the event named next lies that many days
# before (after) the day the text last named, counted in events.timex.scanner
DAYS_FROM_EVENT = re.compile(
    rf"\b(?P<n>an?|{NUM})\s+(?P<unit>days?)\s+(?P<dir>after|before)"
    r"(?=\s+(?:the|his|her|its|their|a|an|[a-z]+ing)\b)", _I)
# "earlier in the year", "later that month"
RELATIVE_IN = re.compile(
    r"\b(?P<mod>earlier|later)\s+(?:in\s+the|this|that)\s+(?P<unit>year|month|week|day)\b", _I)
# "two weeks ago", "a year earlier", "five years from now"
AGO = re.compile(
    rf"\b(?:{MODIFIER}\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|later|from\s+now|hence|(?:before|after)(?=\s*(?:[,.;:)]|$)))\b", _I)
# "two years", "the past three months", "a two-year", "the first nine months"
DURATION = re.compile(
    rf"(?:\b(?:the\s+)?(?:past|last|next|first|coming|previous|final|following|latest)\s+)?"
    rf"(?:\b{MODIFIER}\s+)?(?:\bthe\s+)?\b(?P<n>{NUM})[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+|"
    rf"trading\s+|business\s+|calendar\s+)?(?P<unit>{UNIT})\b(?![\s-]+old\b)"
    r"(?:\s+and\s+a\s+half\b)?", _I)
# "for years", "within days", "recent months", "coming weeks": unspecified durations
VAGUE_DURATION = re.compile(
    r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\bin\s)|(?<=\bafter\s)|(?<=\btook\s)|"
    r"\b(?P<pre>recent|coming|the\s+coming|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|"
    r"past|several|many|a\s+few|some|the\s+first)\s+)(?P<unit>years|months|weeks|days|decades|"
    r"hours|minutes|centuries)\b", _I)
# weekdays, with optional "last/next/this", a part of day, or "this week Friday"
WEEKDAY_EXPR = re.compile(
    rf"(?:\b(?P<wrel>this|next|last)\s+week(?:'s)?\s+)?(?:\b(?P<rel>last|next|this|coming|"
    rf"past|later|earlier)\s+)?(?P<wd>{WEEKDAY})"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
    r"(?:\s+(?:of\s+)?(?P<wrel2>this|next|last)\s+week\b)?", _I)
# "the next day", "the day before", "the night before", "that same day", "the following morning": days counted
# from the latest day the text named (its reference time), else from the anchor
ANAPHORIC_DAY = re.compile(
    r"\b(?:the\s+(?P<rel>next|following|previous|preceding)\s+(?P<part>day|morning|afternoon|"
    r"evening|night)|the\s+(?P<dpart>day|morning|afternoon|evening|night)\s+(?P<dir>before|after)"
    r"(?!\s+(?:yesterday|tomorrow)\b)|"
    r"(?:that|the)\s+same\s+day|that\s+day)\b", _I)
# "the following year", "that month", "later that year": counted from the latest date named
ANAPHORIC_UNIT = re.compile(
    r"\b(?:(?:earlier|later|late|early)\s+)?(?:in\s+)?(?:the\s+(?P<rel>following|previous|"
    r"preceding|same)|that)\s+(?P<unit>year|month)\b(?![-'])", _I)
# today, tonight, yesterday morning, last night, this afternoon...
DEICTIC = re.compile(
    r"\b(?:(?P<mod>earlier|later|late|early)\s+)?(?:(?P<day>the\s+day\s+before\s+yesterday|"
    r"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?|(?P<this>this|last)\s+"
    r"(?P<part2>morning|afternoon|evening|night)|(?P<overnight>overnight)(?=\s*(?:[,.;]|$|\s(?:on|in|at|and|to|from|after|before|when|as|while)\b)))\b", _I)
# "10 p.m. Wednesday", "at 3:30 a.m.", "noon Thursday"
CLOCK = re.compile(
    r"(?:\b(?:around|about|approximately)\s+)?(?<![\d.:])(?:(?P<h>[01]?\d|2[0-3])"
    r"(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)|(?P<hm>(?:[01]?\d|2[0-3])):"
    r"(?P<min2>[0-5]\d)(?!\d)|\b(?P<noon>noon|midnight))"
    r"(?:\s+(?-i:[A-Z]{2,3}T|GMT|UTC|local\s+time))?"
    rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<dd>today|yesterday|tomorrow|tonight)|"
    rf"(?P<mon>{MONTH})\s*(?P<md>{DAY})))?", _I)
# PRESENT_REF / PAST_REF / FUTURE_REF words ("previously", "soon", "recent" and a bare
# "future" are left out: TimeBank tags them in under a quarter of their uses; "current" in
# about half, when no longer expression such as "the current quarter" contains it)
REFERENCE = re.compile(
    r"\b(?:(?P<present>now|currently|current|nowadays|presently|at\s+present|at\s+the\s+moment|"
    r"these\s+days|the\s+present)|(?P<past>recently|lately|"
    r"the\s+past|recent\s+years|the\s+old\s+days|once\s+upon\s+a\s+time)|"
    r"(?P<future>the\s+future|in\s+the\s+coming\s+days|a\s+later\s+date|"
    r"the\s+near\s+term|the\s+long\s+term))\b", _I)
# "every week", "each Thursday", "daily", "twice a year"
SET_EXPR = re.compile(
    rf"\b(?:(?:every|each)\s+(?:other\s+)?(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT}|(?P<wd>{WEEKDAY})|"
    r"morning|evening|night)|(?P<adv>daily|weekly|monthly|yearly|nightly|hourly|biweekly|"
    r"fortnightly)|(?P<times>once|twice|three\s+times|four\s+times|"
    r"\d+\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>year|month|week|day|quarter|hour|"
    r"decade)|per\s+(?P<unit3>year|month|week|day|hour))\b", _I)
# "the weekend", "this weekend"
WEEKEND = re.compile(r"\b(?:the|this|last|next|past|that)\s+weekend\b", _I)
# "for the year", "the full year", "the current fiscal year": the anchor's year in reports
THE_YEAR = re.compile(
    r"\bthe\s+(?:(?P<mod>full|fiscal|current|calendar|latest|current\s+fiscal|latest\s+fiscal)"
    r"\s+)?year\b(?!\s+(?:two|before|after|earlier|ago|of|in)\b|[-'])", _I)
# "year-end", "year-ago", "year-earlier" used on their own
YEAR_ADJ = re.compile(r"\b(?:the\s+)?(?P<w>year-end|year-ago\s+period|year-earlier\s+period|"
                      r"year-ago|year-earlier|end\s+of\s+the\s+year)\b", _I)
# "the end of", "early", "mid-" before a month/year/decade value: joined to the timex (TimeML)
PREFIX = re.compile(
    r"(?:\b(?:the\s+)?(?:end|beginning|start|middle|close|turn|spring|summer|fall|autumn|"
    r"winter)\s+of\s+(?:the\s+)?|\b(?:early|mid|late)[- ]+|\bmid-)$", _I)

# Clause cues deciding the direction of weekdays and year-less dates. Strong cues decide;
# weak ones (modals, reporting verbs, "-ed" words that may be participles) only tilt the choice;
# prepositions such as "until" or "by" count only right before the expression.
TENSE_CUE = re.compile(
    r"\b(?:(?P<fut>will|won't|shall|'ll|going\s+to|scheduled|slated|upcoming|next(?!\s+(?:stop|leg|destination))|due|"
    r"expected|expects?|set\s+(?:to|for)|to\s+be\s+held|plans?\s+to|planned|planning|"
    # (not an infinitive of what was done: "was able to / managed to / went on to hold talks")
    r"intends?|later\s+this|(?:is|are)\s+to|(?<!\bable\s)(?<!\bmanaged\s)(?<!\bwent\son\s)to\s+(?:meet|hold|visit|begin|start|open|host|"
    r"sign|travel|attend|resume|return|arrive|leave|prepare(?:\s+for)?))|"
    r"(?P<prep>until|till|by|through|effective|payable|record|expires?|deadline|starting)|"
    r"(?P<wfut>would|could|might|may|can|should|must|hopes?|(?:meets?|begins?|starts?|opens?|"
    r"resumes?|arrives?|leaves?|visits?|holds?|travels?|heads?|returns?)"
    r"(?=\s+(?:on\s+|at\s+|in\s+)?(?-i:[A-Z0-9]))|"
    # the news present of a stay's start: "starts a visit to China on Sunday", "begins a tour"
    r"(?:begins|starts|opens)(?=\s+(?:a|an|his|her|their|its)\s)|"
    # a gathering named by what it does next: "a summit opening here Saturday", "talks resuming
    # Monday" (not a fronted participle: "Opening the talks Monday, he said")
    r"(?<=[a-z]\s)(?:opening|beginning|resuming|convening)(?=\s+(?:here\s+|there\s+)?(?:on\s+)?"
    r"(?-i:[A-Z0-9])))|"
    # a participle after "be"/"been" ("will be held", "has been paid") says nothing of the past,
    # nor does one inside a hyphenated adjective ("the NATO-led mission", "US-backed troops")
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!-)(?:(?P<past>was|were|had|did|ago|last|since|earlier|met|held|took|"
    r"went|came|made|began|saw|left|gave|won|lost|fell|rose|brought|bought|fought|caught|sent|"
    r"spent|built|paid|kept|led|ran|became|found|knew|grew|struck|stood|hit|killed|died|arrived|"
    r"visited|attended|ended|closed|flew|drove|sailed|rode|chose)|"
    # (not a present verb or a word that only ends like a past: "will proceed", "a hundred")
    r"(?P<wpast>said|says|told|reported|announced|(?!(?:proceed|succeed|exceed|need|indeed|speed|feed|"
    r"heed|hundred|sacred|naked|wicked|kindred)\b)(?-i:[a-z]{3,}ed))))\b",
    re.IGNORECASE)
# where a clause stops when looking for its tense: sentence ends, "but", relative clauses
# (not the period of an initial or a title: "George W. Bush", "Mr. Li")
_NOT_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in ("[A-Z]", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col",
                                                      "Sen", "Rep", "Gov", "Adm", "Capt", "Maj", "Sgt", "Prof"))
CLAUSE_BREAK = re.compile(rf"{_NOT_ABBREVIATION}\.(?:\s|$)|[;!?\n]\s|[;!?\n]$|\bbut\b|,\s+(?:where|which|who|when)\b")

# Cheap hints: a pattern is only tried in windows around a hint (LEFT chars before it, RIGHT
# after), because scanning every position with the full patterns is what costs time. Hints are
# lower-case literals run case-sensitively on the lower-cased text (much faster than re.I);
# month and weekday hints need the original case.
_UNIT_HINT = r"(?:year|month|week|day|decade|centur|quarter|hour|minute|second|night|fortnight)"
HINTS = {  # name -> (pattern, chars before, chars after, runs on the lower-cased text)
    "quarter": (r"quarter|half|q[1-4]", 70, 30, True),
    "decade": (r"\d0'?s|ties\b", 20, 4, True),
    "century": (r"century", 30, 2, True),
    "season": (r"spring|summer|fall|autumn|winter", 20, 20, True),
    "ago": (r"ago\b|earlier|later|now\b|hence|before|after", 70, 16, True),
    "unit": (_UNIT_HINT, 70, 16, True),
    "clock": (r"[ap]\.?\s?m\b|\d:\d\d|noon|midnight", 25, 40, True),
    "set": (r"every|each|ly\b|times|once|twice|per\s", 20, 40, True),
    "weekday": (WEEKDAY, 25, 40, False),
    "month": (MONTH, 40, 40, False),
    "deictic": (r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night", 40, 24,
                True),
    "year": (r"\d{4}", 25, 8, True),
    "year_adj": (r"year", 30, 30, True),
    "day": (r"day|morning|afternoon|evening|night", 30, 12, True),
    "iso": (r"\d{4}-[01]\d-", 2, 6, True),
    "iso_week": (r"\d{4}-?w\d", 2, 8, True),
    "slash": (r"\d/\d", 6, 8, True),
    "bc": (r"\d\s*b\.?c", 6, 6, True),
    "spoken": (r"(?:nineteen|eighteen|twenty)[\s-]+(?:hundred|oh|t[a-z]*|e[a-z]*|f[a-z]*|"
               r"s[a-z]*|ninet[a-z]*)|two\s+thousand", 12, 40, True),
    "reference": (r"now|current|present|recent|lately|past|old days|once upon|future|later date|"
                  r"near term|long term|these days|moment", 20, 16, True),
    "holiday": (r"christmas|new year's|thanksgiving|independence day|halloween|valentine's|"
                r"veterans day|memorial day|labor day|easter", 8, 12, True),
}
HINT_RES = {name: (re.compile(p), re.compile(p, _I), left, right, low)
            for name, (p, left, right, low) in HINTS.items()}
