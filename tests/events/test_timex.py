"""Date rules of events.timex.find_dates: a table of tricky cases, then properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.timex import find_dates

SEED = dt.date(2024, 12, 4)  # a Wednesday: the seed article's publication date
D = dt.date


def only(text: str, anchor: dt.date | None = SEED, which: str | None = None):
    """The one expression found in ``text`` (or the one whose text is ``which``)."""
    found = find_dates(text, anchor)
    if which is not None:
        found = [t for t in found if t.text == which]
    assert len(found) == 1, found
    return found[0]


# text, expected surface, type, value, first, last, granularity
CASES = [
    # the seed article (published Wednesday 2024-12-04)
    ("On December 3 the presidents met in Minsk.", "December 3", "DATE", "2024-12-03",
     D(2024, 12, 3), D(2024, 12, 3), "day"),
    ("The talks are scheduled for December 6.", "December 6", "DATE", "2024-12-06",
     D(2024, 12, 6), D(2024, 12, 6), "day"),
    ("They will sign it this week Friday.", "this week Friday", "DATE", "2024-12-06",
     D(2024, 12, 6), D(2024, 12, 6), "day"),
    ("The treaty was ratified in May 2024.", "May 2024", "DATE", "2024-05",
     D(2024, 5, 1), D(2024, 5, 31), "month"),
    ("Troops have been there since 2000.", "2000", "DATE", "2000",
     D(2000, 1, 1), D(2000, 12, 31), "year"),
    ("The drills took place in December 2022.", "December 2022", "DATE", "2022-12",
     D(2022, 12, 1), D(2022, 12, 31), "month"),
    ("Units that took part in Zapad-2021 returned.", "2021", "DATE", "2021",
     D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("The ministers met on November 28 in Astana.", "November 28", "DATE", "2024-11-28",
     D(2024, 11, 28), D(2024, 11, 28), "day"),
    # explicit forms
    ("Signed on 6 December 2024.", "6 December 2024", "DATE", "2024-12-06",
     D(2024, 12, 6), D(2024, 12, 6), "day"),
    ("Talks on Dec. 6th.", "Dec. 6th", "DATE", "2024-12-06", D(2024, 12, 6), D(2024, 12, 6),
     "day"),
    ("Dated 2024-12-06 in the file.", "2024-12-06", "DATE", "2024-12-06", D(2024, 12, 6),
     D(2024, 12, 6), "day"),
    ("It happened in 1999.", "1999", "DATE", "1999", D(1999, 1, 1), D(1999, 12, 31), "year"),
    ("The summit runs December 7-9.", "December 7-9", "DATE", "2024-12-07", D(2024, 12, 7),
     D(2024, 12, 9), "range"),
    ("The next session is on Dec. 11-13 of 2026.", "Dec. 11-13 of 2026", "DATE", "2026-12-11",
     D(2026, 12, 11), D(2026, 12, 13), "range"),
    ("Week 2013-W11 was busy.", "2013-W11", "DATE", "2013-W11", D(2013, 3, 11),
     D(2013, 3, 17), "range"),
    # weekdays by tense
    ("The leaders met on Tuesday.", "Tuesday", "DATE", "2024-12-03", D(2024, 12, 3),
     D(2024, 12, 3), "day"),
    ("The leaders will meet on Tuesday.", "Tuesday", "DATE", "2024-12-10", D(2024, 12, 10),
     D(2024, 12, 10), "day"),
    ("The upcoming talks on Monday matter.", "Monday", "DATE", "2024-12-09", D(2024, 12, 9),
     D(2024, 12, 9), "day"),
    ("He spoke on Wednesday.", "Wednesday", "DATE", "2024-12-04", D(2024, 12, 4),
     D(2024, 12, 4), "day"),
    ("They spoke last Wednesday.", "last Wednesday", "DATE", "2024-11-27", D(2024, 11, 27),
     D(2024, 11, 27), "day"),
    # deictic and relative
    ("Talks resumed today.", "today", "DATE", "2024-12-04", SEED, SEED, "day"),
    ("Russia now has troops there.", "now", "DATE", "PRESENT_REF", SEED, SEED, "day"),
    ("Troops are currently in Brest.", "currently", "DATE", "PRESENT_REF", SEED, SEED, "day"),
    ("They arrived yesterday.", "yesterday", "DATE", "2024-12-03", D(2024, 12, 3),
     D(2024, 12, 3), "day"),
    ("They leave tomorrow.", "tomorrow", "DATE", "2024-12-05", D(2024, 12, 5), D(2024, 12, 5),
     "day"),
    ("He said so earlier this month.", "earlier this month", "DATE", "2024-12",
     D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("Exports fell last year.", "last year", "DATE", "2023", D(2023, 1, 1), D(2023, 12, 31),
     "year"),
    ("Talks resume next month.", "next month", "DATE", "2025-01", D(2025, 1, 1),
     D(2025, 1, 31), "month"),
    # weeks are dated by a month (GUIDELINES §4): "two weeks ago" by the month of the day it
    # names, "last week" (Mon 25 Nov - Sun 1 Dec) by the month holding its Thursday
    ("They met two weeks ago.", "two weeks ago", "DATE", "2024-11", D(2024, 11, 1),
     D(2024, 11, 30), "month"),
    ("They met last week.", "last week", "DATE", "2024-11", D(2024, 11, 1), D(2024, 11, 30),
     "month"),
    # quarters, decades, seasons
    ("Profit rose in the third quarter.", "the third quarter", "DATE", "2024-Q3",
     D(2024, 7, 1), D(2024, 9, 30), "range"),
    ("Crime fell in the 1990s.", "the 1990s", "DATE", "199", D(1990, 1, 1), D(1999, 12, 31),
     "range"),
    ("The exercise was held last summer.", "last summer", "DATE", "2024-SU", D(2024, 6, 1),
     D(2024, 8, 31), "range"),
    # a missing year follows the tense (GUIDELINES §4)
    ("He went to Saudi Arabia in November.", "November", "DATE", "2024-11", D(2024, 11, 1),
     D(2024, 11, 30), "month"),
    ("The parliament will vote in March.", "March", "DATE", "2025-03", D(2025, 3, 1),
     D(2025, 3, 31), "month"),
]


@pytest.mark.parametrize(("text", "surface", "type_", "value", "first", "last", "gran"), CASES)
def test_date_rules(text, surface, type_, value, first, last, gran):
    t = only(text, which=surface)
    assert (t.type, t.value, t.first, t.last, t.granularity) == (type_, value, first, last, gran)
    assert text[t.start:t.end] == t.text == surface


MORE_CASES = [
    # holidays, spoken and BC years, centuries, seasons, halves, weekends, clock times
    ("They will meet on Christmas Day.", "Christmas Day", "DATE", "2024-12-25", D(2024, 12, 25),
     D(2024, 12, 25), "day"),
    ("They met on Christmas Day.", "Christmas Day", "DATE", "2023-12-25", D(2023, 12, 25),
     D(2023, 12, 25), "day"),
    ("Talks opened on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2024-11-28",
     D(2024, 11, 28), D(2024, 11, 28), "day"),
    ("Atlanta, nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", D(1996, 1, 1),
     D(1996, 12, 31), "year"),
    ("Art of the 20th century.", "the 20th century", "DATE", "19", D(1900, 1, 1),
     D(1999, 12, 31), "range"),
    ("Exports rose in the first half.", "the first half", "DATE", "2024-H1", D(2024, 1, 1),
     D(2024, 6, 30), "range"),
    ("Results for Q3 2023 were weak.", "Q3 2023", "DATE", "2023-Q3", D(2023, 7, 1),
     D(2023, 9, 30), "range"),
    ("Troops left in the summer of 1999.", "the summer of 1999", "DATE", "1999-SU",
     D(1999, 6, 1), D(1999, 8, 31), "range"),
    ("They met at the weekend.", "the weekend", "DATE", "2024-W48-WE", D(2024, 11, 30),
     D(2024, 12, 1), "range"),
    ("The talks resume at 10 a.m. Tuesday.", "10 a.m. Tuesday", "TIME", "2024-12-10T10:00",
     D(2024, 12, 10), D(2024, 12, 10), "day"),
    ("Shots were heard at 10:30 p.m. yesterday.", "10:30 p.m. yesterday", "TIME",
     "2024-12-03T22:30", D(2024, 12, 3), D(2024, 12, 3), "day"),
    ("It will take place on Thursday, Dec. 5.", "Thursday, Dec. 5", "DATE", "2024-12-05",
     D(2024, 12, 5), D(2024, 12, 5), "day"),
    ("Growth slowed in the late 1970s.", "the late 1970s", "DATE", "197", D(1970, 1, 1),
     D(1979, 12, 31), "range"),
    ("Prices peaked at the end of 1990.", "the end of 1990", "DATE", "1990", D(1990, 1, 1),
     D(1990, 12, 31), "year"),
    ("The war lasted 1861-1865.", "1865", "DATE", "1865", D(1865, 1, 1), D(1865, 12, 31),
     "year"),
    ("Talks are set for the week ahead.", "the week ahead", "DATE", "2024-12", D(2024, 12, 1),
     D(2024, 12, 31), "month"),
    ("The drill ended three days after Sunday.", "three days after Sunday", "DATE", "2024-12-04",
     D(2024, 12, 4), D(2024, 12, 4), "day"),
    # "a day after meeting": the event is a day before the day named last (here the anchor)
    ("He left a day after meeting the premier.", "a day after", "DATE", "2024-12-03",
     D(2024, 12, 3), D(2024, 12, 3), "day"),
    ("He left on Friday, two days after the vote.", "two days after", "DATE", "2024-11-27",
     D(2024, 11, 27), D(2024, 11, 27), "day"),
    # results stories: "a year ago" is the same quarter a year before
    ("Third-quarter profit fell to $5 million from $7 million a year ago.", "a year ago", "DATE",
     "2023-Q3", D(2023, 7, 1), D(2023, 9, 30), "range"),
]


@pytest.mark.parametrize(("text", "surface", "type_", "value", "first", "last", "gran"),
                         MORE_CASES)
def test_more_date_rules(text, surface, type_, value, first, last, gran):
    test_date_rules(text, surface, type_, value, first, last, gran)


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("They stayed for two and a half years.", "DURATION", "P2Y6M"),
        ("The flight took 5 1/2 hours.", "DURATION", "PT5H30M"),
        ("It lasted a minute and a half.", "DURATION", "PT1M30S"),
        ("Sales for the year ended Sept. 30 rose.", "DURATION", "P1Y"),
        ("Talks happen twice a year.", "SET", "P1Y"),
        ("Patrols pass every Thursday.", "SET", "XXXX-WXX-4"),
        ("It happened in 241 BC.", "DATE", "BC0241"),
        ("He sees it in the future.", "DATE", "FUTURE_REF"),
    ],
)
def test_first_expression_value(text, type_, value):
    t = find_dates(text, SEED)[0]
    assert (t.type, t.value) == (type_, value)


def test_the_two_week_visit_tags_the_adjective():
    assert only("Lavrov ended the two-week visit.").text == "two-week"


def test_ages_counts_and_discourse_now_are_not_times():
    assert find_dates("A 15-year-old and a 52 years old man.", SEED) == []
    assert find_dates("Some 1500 troops and 4,000 tanks arrived.", SEED) == []
    assert find_dates("Now, he says, it is over.", SEED) == []
    assert find_dates("Four flights a week and $2 million a year.", SEED) == []


def test_history_follows_the_narrative_year():
    text = ("The war began in 1939. In 1940 the front moved. Fighting in 1941 and 1942 spread; "
            "by 1943, 1944 and 1945 it ended. Trials in 1946 followed. In April, troops landed.")
    april = only(text, D(2009, 5, 1), which="April")
    assert (april.value, april.basis) == ("1946-04", "context")
    # news keeps reading a year-less month against the publication date
    assert only("The war began in 1940. In April, troops landed.", SEED,
                which="April").value == "2024-04"


def test_narrative_year_without_anchor():
    april = only("The war began in 1940. In April, troops landed.", None, which="April")
    assert (april.value, april.first, april.basis) == ("1940-04", D(1940, 4, 1), "context")


def test_next_day_counts_from_the_day_last_named():
    text = "Putin arrived in Minsk on December 3. The next day he met Lukashenko. Two days later he left."
    found = {t.text: t for t in find_dates(text, D(2024, 12, 10))}
    assert (found["The next day"].value, found["The next day"].basis) == ("2024-12-04", "context")
    assert found["Two days later"].first == D(2024, 12, 6)
    # with no day named before, "the day before" is counted from the anchor (GUIDELINES §4)
    assert only("The day before, troops moved.").value == "2024-12-03"
    # a part of that day too: "the night before"
    night = {t.text: t for t in find_dates("They met on December 3, after a dinner the night before.", D(2024, 12, 10))}
    assert night["the night before"].first == D(2024, 12, 2)


def test_following_year_counts_from_the_year_last_named():
    text = "In 1995 the pact was signed. The following year, troops left. Later that year they met."
    found = {t.text: t for t in find_dates(text, SEED)}
    assert (found["The following year"].value, found["The following year"].basis) == (
        "1996", "context")
    assert found["Later that year"].first == D(1996, 1, 1)
    assert only("The previous year was hard.").value == "2023"


def test_missing_year_from_march_1987():
    t = only("He went to Saudi Arabia in November.", D(1987, 3, 10))
    assert t.value == "1986-11"


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("The drills lasted two years.", "DURATION", "P2Y"),
        ("It took three days.", "DURATION", "P3D"),
        ("Over the past year prices rose.", "DURATION", "P1Y"),
        ("They met for a week.", "DURATION", "P1W"),
        ("Patrols run every week.", "SET", "P1W"),
        ("Flights leave daily.", "SET", "P1D"),
        ("Talks were held recently.", "DATE", "PAST_REF"),
    ],
)
def test_durations_sets_and_references(text, type_, value):
    t = only(text)
    assert (t.type, t.value, t.first, t.last) == (type_, value, None, None)


def test_the_anchor_weekday_in_a_future_clause_is_the_anchor_itself():
    sunday = D(2006, 12, 3)
    assert only("She was due to meet Palestinian youths in Gaza City Sunday morning.", sunday).first == sunday
    assert only("She will meet them on Monday.", sunday).first == D(2006, 12, 4)
    assert only("She will meet them next Sunday.", sunday).first == D(2006, 12, 10)


def test_impossible_date_yields_nothing():
    assert find_dates("The meeting on February 30 was cancelled.", SEED) == []
    assert find_dates("Due on February 29, 2023.", SEED) == []


def test_no_anchor_leaves_relative_values_underspecified():
    t = only("They met on December 6.", None)
    assert (t.value, t.first, t.last, t.basis) == ("XXXX-12-06", None, None, "none")
    assert only("They met on Tuesday.", None).value == "XXXX-WXX-2"
    assert only("Exports fell last year.", None).first is None
    explicit = only("Signed on 6 December 2024.", None)
    assert (explicit.value, explicit.first, explicit.basis) == ("2024-12-06", D(2024, 12, 6),
                                                                 "explicit")


def test_non_str_raises_type_error():
    with pytest.raises(TypeError):
        find_dates(b"December 6", SEED)
    with pytest.raises(TypeError):
        find_dates("December 6", "2024-12-04")


def test_modal_may_is_not_a_month():
    assert find_dates("Russia may deploy more troops.", SEED) == []
    assert only("It opened in May.").value == "2024-05"


def test_a_visit_noun_after_its_adjective_has_no_tense_of_its_own():
    # SEED is a Wednesday: the past clause's Friday is the one before
    assert only("The envoy flew here on a surprise visit Friday.").value == "2024-11-29"
    assert only("The envoy will fly here on a surprise visit Friday.").value == "2024-12-06"


def test_the_news_present_of_a_stays_start_is_ahead():
    # SEED is a Wednesday: "starts a visit on Sunday" is the coming Sunday, "started" the last
    assert only("The president starts a visit to Riga on Sunday.").value == "2024-12-08"
    assert only("The president started a visit to Riga on Sunday.").value == "2024-12-01"


def test_this_weekend_in_a_past_clause_is_the_one_just_gone():
    # SEED is a Wednesday
    assert only("The troops arrived this weekend.").first == D(2024, 11, 30)
    assert only("The troops will arrive this weekend.").first == D(2024, 12, 7)


def test_in_two_weeks_in_a_future_clause_is_that_far_ahead():
    # GUIDELINES §4: the month of the computed date for weeks, as "two weeks from now"
    assert only("The ministers will meet in Riga in two weeks.").value == "2024-12"
    assert only("The ministers will meet in Riga in about four weeks.").value == "2025-01"
    assert only("Talks will resume in three days.").value == "2024-12-07"
    assert only("The leaders meet in Riga in two weeks.").value == "2024-12"  # present for the future
    assert only("The envoy will meet with officials in two weeks.").value == "2024-12"  # "with" is no ordinal
    # a duration in a past clause, and a span counted back, stay durations
    assert only("The bridge was built in two weeks.").value == "P2W"
    assert only("It will be his second visit to Riga in three months.").value == "P3M"


def test_through_a_weekday_after_a_future_verb_is_ahead():
    assert only("The envoy will be in Riga through Friday.").value == "2024-12-06"


def test_a_past_verb_in_a_temporal_clause_of_a_future_one_is_ahead():
    # reported speech shifts the verb back, not the time (filed in December: June is next June)
    assert only("He said he would sign the deal once he arrived in Riga on June 22.").value == "2025-06-22"
    assert only("He said the deal would be signed after he attended the summit on June 22.").value == "2025-06-22"
    # not past a quotation or a report: the temporal clause is the reporter's, and past
    assert only("\"We will sign it,\" he said when he arrived in Riga on June 22.").value == "2024-06-22"
    assert only("He arrived in Riga on June 22.").value == "2024-06-22"


def test_last_as_an_adjective_gives_no_past_tense():
    assert only("The president will visit Riga for the last leg of his tour on April 17.").value == "2025-04-17"
    assert only("The last round was held on April 17.").value == "2024-04-17"


def test_march_and_may_before_the_noun_they_date_are_months():
    assert only("The ministers will hold the March meeting.").value == "2025-03"  # (filed in December)
    assert only("Their May summit was postponed.").value == "2024-05"
    assert find_dates("The March was long.", SEED) == []          # a noun, then its verb
    assert find_dates("They joined the March on Riga.", SEED) == []


_WORDS = st.sampled_from([
    "December", "Dec.", "6", "6th", "30", "February", "2024", "1999", "-", "–", "7-9", "on",
    "Tuesday", "last", "next", "this", "week", "year", "ago", "two", "quarter", "third",
    "the", "1990s", "since", "will", "met", "now", "every", "days", "Zapad-2021", "10", "p.m.",
    "2024-12-06", "2013-W11", "12/06/2024", "summer", "mid-", "early", "'90s", " ", ",", ".",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_WORDS, max_size=14).map(" ".join)),
       st.one_of(st.none(), st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))))
def test_never_raises_and_spans_are_consistent(text, anchor):
    found = find_dates(text, anchor)
    end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= end  # sorted, non-overlapping
        end = t.end
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert (t.first is None) == (t.last is None)
        if t.first is not None:
            assert t.first <= t.last
            assert t.granularity in ("day", "month", "year", "range")
        else:
            assert t.granularity == "none"


# Weeks (GUIDELINES §4): the month holding the Thursday of that Monday-Sunday week.
@pytest.mark.parametrize(
    ("text", "anchor", "surface", "month"),
    [
        ("They meet this week.", D(2024, 12, 4), "this week", "2024-12"),
        ("They met last week.", D(2024, 12, 4), "last week", "2024-11"),  # Thu 28 Nov
        ("Talks resume next week.", D(2024, 12, 4), "next week", "2024-12"),
        # a week straddling two months goes to its Thursday's month, not its Monday's
        ("They meet this week.", D(2024, 9, 30), "this week", "2024-10"),  # Mon 30 Sep
        ("Talks resume next week.", D(2024, 3, 31), "next week", "2024-04"),
        ("They met last week.", D(2025, 1, 3), "last week", "2024-12"),
        ("Talks went on this week.", D(2025, 1, 3), "this week", "2025-01"),  # Thu 2 Jan
        ("Talks are set for the week ahead.", D(2024, 9, 26), "the week ahead", "2024-10"),
        ("He will fly there later this week.", D(2024, 10, 28), "later this week", "2024-10"),
        ("They meet in the coming week.", D(2024, 12, 25), "the coming week", "2025-01"),
        # "two weeks ago" is the month of the day it counts to
        ("They met two weeks ago.", D(2024, 12, 11), "two weeks ago", "2024-11"),
        ("They met a fortnight ago.", D(2024, 12, 20), "a fortnight ago", "2024-12"),
    ],
)
def test_weeks_are_dated_by_a_month(text, anchor, surface, month):
    t = only(text, anchor, which=surface)
    y, m = map(int, month.split("-"))
    assert (t.value, t.granularity, t.basis) == (month, "month", "relative")
    assert t.first == D(y, m, 1)
    assert t.last.month == m and (t.last + dt.timedelta(days=1)).day == 1


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1700, 1, 1), max_value=D(2200, 12, 31)),
       st.sampled_from(["last", "this", "next"]))
def test_a_week_is_the_month_of_its_thursday(anchor, rel):
    t = only(f"Troops moved {rel} week.", anchor)
    monday = anchor - dt.timedelta(days=anchor.weekday())
    thursday = monday + dt.timedelta(days=7 * {"last": -1, "this": 0, "next": 1}[rel] + 3)
    assert t.granularity == "month"
    assert t.first == thursday.replace(day=1) and t.first <= thursday <= t.last


def test_weeks_that_are_not_relative_stay_weeks_and_days():
    assert only("Week 2013-W11 was busy.").granularity == "range"
    assert only("They will sign it this week Friday.").value == "2024-12-06"
    assert only("They met for a week.").value == "P1W"


# A number after a word that introduces a number names a thing, not a year (numbers inside the
# calendar window, so that the window alone would not drop them).
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The council adopted Resolution 1718 unanimously.", "1718"),
        ("It invoked resolution No. 1973 again.", "1973"),
        ("Under resolutions 1718 and 1874 sanctions apply.", "1874"),
        ("Call number 1990 for help.", "1990"),
        ("Article 1789 of the code applies.", "1789"),
        ("Passengers of flight 1999 were safe.", "1999"),
        ("The convoy took Highway 1812 north.", "1812"),
        ("They met in Room 2004 of the hotel.", "2004"),
        ("Item #1990 was sold.", "1990"),
        ("Section 2001 was repealed.", "2001"),
    ],
)
def test_document_and_route_numbers_are_not_years(text, number):
    assert [t for t in find_dates(text, SEED) if number in t.text] == []
    # the same number as a year in the same place is a year
    year = text.replace(text[:text.index(number)], "It happened in ", 1)
    assert only(year, which=number).value == number


def test_a_year_after_a_document_number_is_still_a_year():
    assert only("Resolution 1718, adopted in 2006, stands.").value == "2006"
    assert only("Resolution 1244 (1999) stands.").value == "1999"


# Dates outside pandas' Timestamp range (1677-09-21 .. 2262-04-11, events.timex.arithmetic) are
# never returned: one stored date outside it breaks the dashboard.
@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("The fortress was built in 1650.", SEED),
        ("The fortress was built in 1650.", None),
        ("It dates from the year 1200.", SEED),
        ("The licence is valid until 12/31/9999.", SEED),
        ("The record is dated 1/1/0001.", SEED),
        ("The town was founded on March 3, 1650.", SEED),  # not "March 3" either
        ("Monks lived there in the 11th century.", SEED),
        ("Monks lived there in the 1600s.", SEED),
        ("The town was founded in 1650. The following year it burned.", SEED),
        ("Talks resume next year.", D(2261, 12, 30)),
        ("Talks resumed yesterday.", D(1677, 9, 21)),
    ],
)
def test_dates_outside_the_window_are_not_returned(text, anchor):
    assert [t for t in find_dates(text, anchor) if t.first is not None] == []
    assert [t for t in find_dates(text, anchor) if t.type == "DATE"] == []


def test_the_window_is_whole_years_inside_pandas_range():
    assert only("It was built in 1678.").first == D(1678, 1, 1)
    assert find_dates("It was built in 1677.", SEED) == []
    assert only("It ends on 12/31/2261.").first == D(2261, 12, 31)
    assert only("In 1700 the war began. In April the siege ended.", None,
                which="April").value == "1700-04"


_NUMBER = st.integers(min_value=0, max_value=99_999).map(str)


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.tuples(st.sampled_from(["in", "the year", "since", "on", "fiscal", "March 3,", "the",
                               "spring", "mid-", "Resolution", ""]), _NUMBER).map(" ".join),
    st.tuples(_NUMBER, _NUMBER, _NUMBER).map("/".join),
    st.tuples(_NUMBER, _NUMBER, _NUMBER).map("-".join),
    st.tuples(_NUMBER, st.sampled_from(["s", "BC", "th century", " years ago", " years later"]))
    .map("".join),
    st.text(max_size=40),
), st.one_of(st.none(), st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))))
def test_no_date_outside_pandas_range_for_any_number(text, anchor):
    pd = pytest.importorskip("pandas")
    low, high = pd.Timestamp.min.date(), pd.Timestamp.max.date()
    for t in find_dates(f"{text}. The next day it ended.", anchor):
        if t.first is not None:
            assert low <= t.first <= t.last <= high, t
            pd.Timestamp(t.first), pd.Timestamp(t.last)


def test_a_weekday_in_a_relative_clause_takes_no_tense_from_the_main_clause():
    # GUIDELINES §4: a weekday takes the tense of its own clause. A relative clause opened by a
    # comma ends at the next comma; the main clause's "met" does not make "Friday" past. With no
    # cue at all, the day after the anchor is tomorrow, not six days back.
    thursday = D(2024, 12, 5)
    text = "On a tour of Oslo, which includes a concert Friday in the old town, she met the mayor."
    assert [d.first for d in find_dates(text, thursday) if d.text == "Friday"] == [D(2024, 12, 6)]
    assert only("The mayor, who met her Friday in the old town, praised the tour.", thursday).first == D(2024, 11, 29)


def test_a_verb_form_right_after_a_past_verb_is_its_object_and_past():
    # "visits" after "included" is a noun, not a present verb scheduling Saturday (§4: past clause).
    thursday = D(2024, 12, 5)
    assert only("The tour included visits Saturday to Riga.", thursday).first == D(2024, 11, 30)
    assert only("The minister visits Saturday to open the fair.", thursday).first == D(2024, 12, 7)
    # "managed to / was able to / went on to meet" is what was done, not a plan.
    assert only("The minister managed to meet the premier on Saturday.", thursday).first == D(2024, 11, 30)
    assert only("The minister was able to hold talks on Saturday.", thursday).first == D(2024, 11, 30)
    assert only("The minister decided to meet the premier on Saturday.", thursday).first == D(2024, 12, 7)
    # an adjectival participle is no past tense: "the newly appointed envoy, on Saturday"
    assert only("The minister will meet Berg, the newly appointed envoy, on Saturday.", thursday).first == D(2024, 12, 7)
    # an infinitive of purpose looks ahead: "met on Monday to prepare the November summit"
    dates = find_dates("The ministers met in Riga to prepare the November summit.", D(2024, 10, 10))
    assert [d.first for d in dates] == [D(2024, 11, 1)]


def test_later_weekday_is_a_day_the_story_is_about():
    # GUIDELINES §4: "Later Tuesday" on a Tuesday is the anchor; written the day after, in a
    # past clause, it is the day before; in a future clause it is the coming one.
    assert only("Later Wednesday, the ministers signed the accord.", SEED).first == SEED
    assert only("Later Tuesday, the ministers signed the accord.", SEED).first == D(2024, 12, 3)
    assert only("Later Tuesday, a long line of tired ministers from many countries signed.", SEED).first \
        == D(2024, 12, 3)
    assert only("The ministers will sign the accord later Friday.", SEED).first == D(2024, 12, 6)


def test_a_gathering_opening_on_a_weekday_is_ahead():
    # GUIDELINES §4: "a summit opening here Saturday" is a future clause, even after "told".
    thursday = D(2024, 12, 5)
    assert only("He told reporters about the forum opening here Saturday.", thursday).first == D(2024, 12, 7)
    # a fronted participle says nothing of the future
    assert only("Opening the forum Saturday, he told reporters it mattered.", thursday).first == D(2024, 11, 30)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # A weak verb after "will" is still a future clause.
        ("The summit in Riga will open on December 1.", dt.date(2023, 3, 2), "2023-12-01"),
        # A clause's tense a few days off the publication date is the writer's clock: this year.
        ("He will attend the conference in Riga on March 1.", dt.date(2023, 3, 2), "2023-03-01"),
        ("He arrived in Riga on March 5.", dt.date(2023, 3, 2), "2023-03-05"),
        # "flew" is past: the Monday before a Sunday story, not the day after.
        ("The minister flew to Tokyo on Monday.", dt.date(2001, 11, 25), "2001-11-19"),
        # "Abe arrived" is past: "be" only counts as a word of its own.
        ("Shinzo Abe arrived in Cairo on Monday to attend the forum.", dt.date(2023, 3, 8), "2023-03-06"),
        # A participle inside a hyphenated adjective is no past tense.
        ("He will join the NATO-led mission in Riga on August 25.", dt.date(1999, 7, 15), "1999-08-25"),
        # "proceed" only ends like a past participle.
        ("Enlargement will proceed at the summit in Riga in July.", dt.date(2023, 3, 2), "2023-07"),
        # A verb after a past one keeps its own tense ("meets" is no noun, unlike "a visit").
        ("The group said it was determined to act when the bloc meets in Riga in December.",
         dt.date(2023, 11, 19), "2023-12"),
        # Farther off, the tense decides the year.
        ("He will attend the conference in Riga on February 1.", dt.date(2023, 3, 2), "2024-02-01"),
    ],
)
def test_the_year_of_a_yearless_date_follows_its_clause(text, published, value):
    assert find_dates(text, published)[0].value == value


@pytest.mark.parametrize("text", [
    # The period of an initial or a title ends no clause: "will" still governs the weekday.
    "Kalnins will meet President John F. Kennedy in Riga on Friday.",
    "Kalnins will meet Mr. Kennedy in Riga on Friday.",
    # "starting" and "until" after "will" are in the future clause.
    "The ministers will attend a conference starting on Friday in Riga.",
    "He will stay in Riga until Friday.",
])
def test_a_weekday_in_a_future_clause_is_the_coming_one(text):
    assert only(text, which="Friday").first == D(2024, 12, 6)


def test_a_visit_named_after_a_past_verb_is_in_the_past_clause():
    # "visit on Monday" reads as a future verb alone; after "arrived" it is the noun of a past clause.
    assert only("The envoy arrived in Riga for an official visit on Monday.").first == D(2024, 12, 2)


def test_a_long_clause_keeps_its_tense_for_a_date_far_along_it():
    text = ('"We hope to complete the new defense cooperation guidelines for both sides by the time '
            'of the defense and foreign ministers\' two-plus-two meeting in Washington in late September," '
            'the spokesman said.')
    assert find_dates(text, dt.date(1997, 4, 7))[-1].value == "1997-09"


def test_a_verb_one_was_able_to_do_is_past():
    assert only("The envoy was able to meet Karins on Monday.").value == "2024-12-02"


def test_until_a_weekday_after_a_stay_under_way_is_ahead():
    assert only("The premier is staying in Riga until Friday.").value == "2024-12-06"
    assert only("The fighting lasted until Friday.").value == "2024-11-29"
