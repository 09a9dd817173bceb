"""Article text -> passages: sentences with character offsets, site furniture and the dateline marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before whitespace
# and an upper-case letter, digit or opening quote. Abbreviations are checked separately because
# "U.S. Navy" and "Nov. 25" look exactly like sentence ends to a regex.
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")

# Tokens that end in a period without ending a sentence (titles, months, initials, "U.S.").
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt rep sen gov pres st mt ft jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd dept est
    u.s u.k u.n e.u a.m p.m""".split()
)

# Lines that belong to the web page, not the story: navigation, teasers, share prompts.
_FURNITURE = re.compile(
    r"^\s*(?:no time to read\??|get a summary|previous article|next article|read more\b|"
    r"related (?:stories|articles)\b|more related\b|share (?:this|on)\b|advertisement\b|"
    r"subscribe\b|sign up\b|click here\b|follow us\b)",
    re.IGNORECASE,
)

# A newswire dateline opening the body: "TAIPEI, April 2, 1997 (AFP)", "LONDON, March 22 - ",
# "ZHANJIANG, Guangdong, Nov. 15 (Xinhua) --". The place is the upper-case head.
# "TAIPEI, Dec. 3 (Xinhua) --", "ZHANJIANG, Guangdong, Nov. 15", and the forms without a date:
# "SEOUL (AP) —", "KATHMANDU :", "SEOUL, Korea —".
_AGENCY = (r"\((?:AP|AFP|Reuters|Xinhua|Kyodo|UPI|PTI|IANS|ANI|IRNA|dpa|DPA|Yonhap|Bernama|KUNA|WAM|SPA|"
           r"MENA|TASS|Interfax|Anadolu|AA|APA|Petra|SANA|QNA|BNA|ONA|Itar-Tass|RFE/RL)\)")
# "TAIPEI, Dec. 3 (Xinhua) --", "ZHANJIANG, Guangdong, Nov. 15", the forms without a date ("SEOUL
# (AP) —", "KATHMANDU :", "SEOUL, Korea —", "QINGDAO China:", "SEOUL—The"), a title-case city before an agency
# ("Khartoum (AP) —"), or with its date and any agency ("Islamabad, October 5:", "Kuala Lumpur, 15th December:",
# "Nicosia, Feb. 19 (CNA) --", "Tehran, May 26, IRNA --",
# "Moscow, 26 September 1997 (RFE/RL) -"), a date in the agency's place
# ("WASHINGTON (Oct. 29) --") and the date first ("Dec 9, 2006 (KHARTOUM) —").
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z .'\-]{1,40}[A-Z])(?:,?\s*[A-Z][A-Za-z .'\-]{1,30}){0,2}"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"|\s*\([A-Z][A-Za-z0-9 .,&\-]{0,30}\)\s*(?:--?|—|–|:|_)|\s+(?:--?|—|–)\s|[—–](?=[A-Z])|\s?:\s"
    # "SEOUL (AFP) Oct 13, 2004" on a line of its own or before a dash (the agency's web pages)
    r"|\s*\([A-Z][A-Za-z .,&\-]{0,30}\)\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\s*(?:$|--?\s|—|–))"
    r"|(?P<titled>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:,\s*[A-Z][a-z]+)?\s*" + _AGENCY + r"\s*(?:--?|—|–|:)"
    # "Addis Ababa - African leaders ...": a title-case place and a spaced dash opening the story
    r"|(?P<titled_dash>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+(?:--?|—|–)\s+(?=[A-Z])"
    # "Islamabad, October 5:", "Islamabad, Oct 5 (AFP) -": a title-case city and its date
    r"|(?P<titled_date>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s+\d{4})?\s*(?:" + _AGENCY + r"|\([A-Z][A-Z/\-]{1,9}\)|,\s*[A-Z]{2,9})?\s*(?:--?|—|–|:)\s"
    r"|(?P<titled_web>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s*" + _AGENCY + r"\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\s*(?:$|--?\s|—|–)"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\s*\((?P<dated>[A-Z][A-Z .'\-]{1,40}[A-Z])\)\s*(?:--?|—|–|:))"
)


# Longer "sentences" are lists, tables or text without punctuation (in the development set the
# longest real sentence has 390 characters, 99% fewer than 330); they are read in passages.
MAX_PASSAGE = 500


@dataclass(frozen=True)
class Sentence:
    """A passage of an article: ``article_text[start:end] == text``.

    ``headline`` marks a line without closing punctuation (a title or sub-heading);
    ``furniture`` marks site navigation that must never yield events.
    """

    start: int
    end: int
    text: str
    headline: bool = False
    furniture: bool = False


def split_sentences(text: str) -> list[Sentence]:
    """The article's sentences in order; line breaks always end a sentence."""
    sentences = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, offset = line_match.group(), line_match.start()
        furniture = bool(_FURNITURE.match(line))
        headline = not re.search(r"""[.!?]["'”’)\]]*\s*$""", line)
        begin = 0
        for end_match in _SENTENCE_END.finditer(line):
            if _is_abbreviation(line, end_match.start()):
                continue
            sentences.extend(_passages(line, offset, begin, end_match.end(), headline, furniture))
            begin = end_match.end()
        sentences.extend(_passages(line, offset, begin, len(line), headline, furniture))
    return [s for s in sentences if s.text]


def _passages(line: str, offset: int, begin: int, end: int, headline: bool,
              furniture: bool) -> list[Sentence]:
    """One sentence, or, when it is longer than any a reporter writes, passages of at most
    MAX_PASSAGE characters cut after clause punctuation (else at a space): every later stage
    weighs each trigger against each place and date of its sentence, so a bound here keeps the
    cost of extraction linear in the length of the text, whatever its shape."""
    pieces = []
    while end - begin > MAX_PASSAGE:
        window = line[begin:begin + MAX_PASSAGE]
        cut = max(window.rfind(mark) for mark in ("; ", ", ", ": ", " - ", " -- "))
        if cut < MAX_PASSAGE // 4:
            cut = window.rfind(" ")
        cut = begin + (cut + 1 if cut > 0 else MAX_PASSAGE)
        pieces.append(_make(line, offset, begin, cut, headline, furniture))
        begin = cut
    pieces.append(_make(line, offset, begin, end, headline, furniture))
    return pieces


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    word = re.search(r"[\w.]+$", line[max(0, dot - 40):dot])  # a bounded look-back keeps this linear
    if not word:
        return False
    token = word.group().lower()
    # A single capital ("John F. Kennedy") is an initial.
    return token in _ABBREVIATIONS or (len(token) == 1 and line[dot - 1].isupper())


def _make(line: str, offset: int, begin: int, end: int, headline: bool, furniture: bool) -> Sentence:
    while begin < end and line[begin].isspace():
        begin += 1
    while end > begin and line[end - 1].isspace():
        end -= 1
    return Sentence(offset + begin, offset + end, line[begin:end], headline, furniture)


def find_dateline(text: str) -> tuple[int, int] | None:
    """Character span of the dateline place ("TAIPEI") in the first lines of a newswire body.

    When a wire copy carries two datelines (the desk's "BEIJING, Nov. 15" line, then the story's
    "ZHANJIANG, Guangdong, Nov. 15 --"), the later one is where the story happens.
    """
    found = None
    for line_match in list(re.finditer(r"[^\n]+", text))[:3]:
        match = _DATELINE.match(line_match.group())
        if match:
            group = next(g for g in ("place", "titled", "titled_dash", "titled_date", "titled_web", "dated")
                         if match.group(g))
            found = (line_match.start() + match.start(group), line_match.start() + match.end(group))
    return found


def find_item_datelines(text: str) -> list[tuple[int, int]]:
    """A news digest's items, each a line opened by a dateline of its own ("KUWAIT CITY: Arab oil
    ministers meet", "CAIRO, Nov. 8 (Xinhua) -- Annan said ..."): the spans of their places, when at
    least two lines open that way; else none (a story's own lines do not). A dateline alone on its
    line opens the whole body, not an item."""
    found = []
    for line_match in re.finditer(r"[^\n]+", text):
        match = _ITEM_DATELINE.match(line_match.group())
        if match and len(line_match.group()) - match.end() >= _ITEM_TEXT:
            found.append((line_match.start() + match.start("place"), line_match.start() + match.end("place")))
    return found if len(found) >= 2 else []


# An item's dateline, stricter than a body's (an upper-case name at a line's start is often an
# organisation: "NATO officials said", "ASEAN -- which"): a colon, or a date and an agency, after it.
_ITEM_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z .'\-]{1,40}[A-Z])(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?"
                            r"(?:\s?:\s|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b[^\n]{0,12}?\([A-Z][A-Za-z/\-]{1,12}\)\s*(?:--?|—|–|:)\s)")
_ITEM_TEXT = 20  # characters of an item's own after its dateline


_AFTER_HEAD = re.compile(r"\s*(?:\([^()]{0,30}\))?\s*(?:--?|—|–|:|_)?\s*")


def story_start(text: str) -> int:
    """Where a passage's own words start: after the dateline that opens it ("TALLINN -- In Riga,
    ...", "RIGA, May 17 (Xinhua) -- Visiting ..."), else 0."""
    match = _DATELINE.match(text)
    return _AFTER_HEAD.match(text, match.end()).end() if match else 0


def dateline_head(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Where the dateline whose place is ``span`` (from ``find_dateline``) starts and ends on its
    line: "LONDON, March 22", "SEOUL (AP) —", "Dec 9, 2006 (KHARTOUM) —". Dates inside it date the
    filing; the story starts after it ("KATHMANDU : Modi yesterday held talks")."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[0])
    match = _DATELINE.match(text[line_start: line_end if line_end != -1 else len(text)])
    return line_start, line_start + match.end() if match else span[1]
