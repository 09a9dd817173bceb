"""Which date a trigger takes: the dates of its own clause, not of reports, documents or other
events (GUIDELINES §4)."""

from __future__ import annotations

import datetime as dt

import pytest

from events import Extractor
from events.model import Article

PUBLISHED = dt.date(2024, 12, 4)  # a Wednesday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(confidence=False)  # the stage, whatever the fitted weights


def _dated(extractor, text):
    article = Article(id="t", text=text, title="", published=PUBLISHED, published_basis="metadata")
    return {(e.type, e.place_name, e.date_start.isoformat() if e.date_start else None)
            for e in extractor.extract(article) if e.place_id}


@pytest.mark.parametrize(("text", "expected"), [
    # The period a document covers dates no event.
    ("An action plan for 2025-2027 will be adopted at the summit in Minsk.", {("summit", "Minsk", None)}),
    # A date behind a connective that opens its own phrase dates that phrase.
    ("The troops are the first unit deployed in Narva since Sweden seized the town in January 1704.",
     {("deployment", "Narva", None)}),
    ("Troops have been based in Kaunas following the floods of 2010.", {("deployment", "Kaunas", None)}),
    # The trigger's own date still counts.
    ("The minister arrived in Vilnius on Monday.", {("visit", "Vilnius", "2024-12-02")}),
    ("The summit will be held in Minsk on December 6.", {("summit", "Minsk", "2024-12-06")}),
    # Forces named where they are, with no verb moving them, are a state: undated (§4) ...
    ("Officials said on Monday that 2,000 soldiers in Narva guard the bridge.", {("deployment", "Narva", None)}),
    # A report after what it says, its subject after its verb, ends with its own date.
    ("The minister will hold talks in Riga, reported the Baltic News Service on Monday.", {("meeting", "Riga", None)}),
    ("The battalion stationed in Kaunas held a parade on Monday.", {("deployment", "Kaunas", None)}),
    # ... and a state is not dated by the relative clause on its place.
    ("The bloc has more than 7,000 troops in Narva, where unrest broke out in early 2003.",
     {("deployment", "Narva", None)}),
    # ... unless the text says now; forces moved there take the date of the move, and forces
    # seen there, the day they were seen (§1 "reported at a place").
    ("Two warships were spotted off the coast of Narva on Monday.", {("deployment", "Narva", "2024-12-02")}),
    ("About 2,000 troops are currently stationed in Narva.", {("deployment", "Narva", "2024-12-04")}),
    ("Two battalions of troops moved to Narva on Monday.", {("deployment", "Narva", "2024-12-02")}),
    ("NATO troops began flooding into Narva on Monday.", {("deployment", "Narva", "2024-12-02")}),
    ("Italian soldiers disembarked at the port of Narva on Monday.", {("deployment", "Narva", "2024-12-02")}),
    ("On Monday, missiles were being stationed in Narva.", {("deployment", "Narva", "2024-12-02")}),
    # A state takes a calendar date only as its stated start, not another verb's date (§4).
    ("Some 500 troops have been stationed in Narva since August 2023.", {("deployment", "Narva", "2023-08-01")}),
    ("The country will withdraw on August 28 its troops stationed in Narva.", {("deployment", "Narva", None)}),
    ("The troops will depart on December 28 for Narva.", {("deployment", "Narva", "2024-12-28")}),
    ("The missiles in Narva were declared operational in December 2022.", {("deployment", "Narva", "2022-12-01")}),
    ("Some 900 troops serve in Narva, which saw fighting in 1999.", {("deployment", "Narva", None)}),
    # A year premodifying another noun names that thing; the trigger's own year and a year after
    # a preposition date the event.
    ("The ministers met in Riga to revise the 1998 trade guidelines.", {("meeting", "Riga", None)}),
    ("The 2019 state visit to Latvia was a success.", {("visit", "Latvia", "2019-01-01")}),
    ("The king visited Latvia in 2019 amid protests.", {("visit", "Latvia", "2019-01-01")}),
    # Nearness is measured from the trigger's span, so a date right after it is nearer than one
    # as far before it.
    ("Diplomats appointed in 2019 held talks Saturday in Riga.", {("meeting", "Riga", "2024-11-30")}),
    # A gathering the traveller arrives for keeps its own date, not the arrival's.
    ("The president arrived in Riga on Monday to attend the summit on Friday.",
     {("visit", "Riga", "2024-12-02"), ("summit", "Riga", "2024-12-06")}),
    # "The day / night before" with no event after it counts from the day the sentence names ...
    ("The leaders met in Riga on Monday, following a working dinner in Tallinn the night before.",
     {("meeting", "Riga", "2024-12-02"), ("meeting", "Tallinn", "2024-12-01")}),
    # ... and a date "of" another noun dates that noun ("the optimism of the day before").
    ("The presidents attending the summit in Riga recalled the optimism of Sunday.", {("summit", "Riga", None)}),
    ("The talks ended on Monday. The presidents attending the summit in Riga recalled the optimism of the day before.",
     {("summit", "Riga", None)}),
    # A framing place with its date: "In Riga on Monday, ..."
    ("In Riga on Monday, the leaders met for talks.", {("meeting", "Riga", "2024-12-02")}),
    # A date in a temporal clause with its own subject dates that clause.
    ("It is his first visit to Latvia after he took office in July last year.", {("visit", "Latvia", None)}),
    # The date after a dateline's colon is the story's.
    ("RIGA : The ministers held talks here yesterday.", {("meeting", "Riga", "2024-12-03")}),
    # A date right before a reporting verb, or after "saying", dates the report.
    ("Officials on Monday said two battalions will move to Latvia.", {("deployment", "Latvia", None)}),
    ("The ministry was quoted as saying on Monday that troops have deployed to Latvia.",
     {("deployment", "Latvia", None)}),
    # A date premodifying the trigger is its own, even after a noun of plans ("the agenda for").
    ("Ministers set the agenda for the December 21-23 NATO summit in Riga.",
     {("summit", "Riga", "2024-12-21")}),
    # A year naming the edition yields to the day its clause gives.
    ("RIGA, Dec. 4 -- The 2024 annual summit of the bloc, which was held here Tuesday, ended.",
     {("summit", "Riga", "2024-12-03")}),
    # The event's own relative clause dates it, not another verb's date before it.
    ("RIGA, Dec. 4 -- Leaders arrived on Monday for the summit, which opens on Thursday.",
     {("summit", "Riga", "2024-12-05")}),
    # A date opening a second predicate after "and" is that predicate's.
    ("The premier has visited Riga and on Friday is set to address a forum.", {("visit", "Riga", None)}),
    # What one comes back from is over: the day before it is the return's, not the summit's.
    ("The premier met the generals late Monday on her return from a summit in Riga.",
     {("summit", "Riga", None)}),
    # A date before a short subject and a reporting verb dates the report.
    ("On Monday, officials said the president would visit Riga.", {("visit", "Riga", None)}),
    # A stay named as what comes after the clause's event takes none of its dates ...
    ("The premier spoke with the president late Tuesday in preparation for the trip to Riga.",
     {("visit", "Riga", None)}),
    # ... and a visit under way ("the visiting minister") leaves the day to the talks.
    ("The minister met the visiting Estonian minister in Riga on Monday.",
     {("meeting", "Riga", "2024-12-02"), ("visit", "Riga", "2024-12-01")}),
    # The date a gathering's participle schedules is the gathering's, not an earlier visit's.
    ("The president will visit Latvia and attend the summit scheduled for December 18 in Riga.",
     {("visit", "Latvia", None), ("summit", "Riga", "2024-12-18")}),
    ("The president will visit Latvia and attend the Economic Leaders' Meeting of APEC scheduled for "
     "December 18 in Riga.", {("visit", "Latvia", None), ("summit", "Riga", "2024-12-18")}),
    # A host telling a visiting guest is talks: the day after the guest is theirs, the day after
    # "that" the report's.
    ("The president told visiting Estonian leaders in Riga on Tuesday that ties were good.",
     {("meeting", "Riga", "2024-12-03"), ("visit", "Riga", "2024-12-01")}),
    # A date between a reporting verb and its "that" is the report's.
    ("The spokesman told a briefing here Monday that the president will visit Riga.", {("visit", "Riga", None)}),
    # A closed aside about a person keeps its date.
    ("Berg, who will take up the post on January 1, is due to pay a courtesy call in Riga on Monday.",
     {("meeting", "Riga", "2024-12-09")}),
    ("Berg, who came to power in late September, visited Riga.", {("visit", "Riga", None)}),
    # A possessive date belongs to what it owns, not to the trigger before it.
    ("The ministers met at last Monday's summit in Riga.", {("summit", "Riga", "2024-12-02"), ("meeting", "Riga", "2024-12-01")}),
    # A span of years is a period, no event's date; an ISO date is a date.
    ("In Riga, the president met the premier, who was jailed during the 1976-83 regime.",
     {("meeting", "Riga", None)}),
    ("The summit opened in Riga on 2024-12-02.", {("summit", "Riga", "2024-12-02")}),
    # An anniversary's date is the anniversary's event.
    ("The summit in Riga coincides with the anniversary of the bloc's founding on June 15, 2001.",
     {("summit", "Riga", None)}),
    # What a gathering opens is where and when the gathering is.
    ("Leaders gathered in Riga Friday, kicking off the two-day Baltic Economic Forum's CEO Summit.",
     {("meeting", "Riga", "2024-11-29"), ("summit", "Riga", "2024-11-29")}),
    # A bare day right after a happening that is no event dates that happening.
    ("The talks in Riga followed the attack Monday on a convoy.", {("meeting", "Riga", None)}),
    # A decision's date is not the date of what was decided; a range after the place is the event's.
    ("Latvia and Estonia agreed Tuesday on the need for the speedy deployment of an Italian-led force in Riga.",
     {("deployment", "Riga", None)}),
    ("The two leaders agreed on Tuesday to meet in Riga between December 10 and 20.",
     {("meeting", "Riga", "2024-12-10")}),
    # An event in a fronted frame takes no date from the main clause.
    ("Following a three-hour meeting in Riga, the ministers pledged proposals by the end of January.",
     {("meeting", "Riga", None)}),
    # A fronted "After leaving ... on Monday," clause keeps its date.
    ("After leaving Vilnius on Monday, the president will end his tour in Latvia.", {("visit", "Latvia", None)}),
    # News copy's "overnight" is the night before the story.
    ("Troops were deployed in Narva overnight.", {("deployment", "Narva", "2024-12-03")}),
    # The date of an announcement made somewhere is the announcement's.
    ("The meeting, which will take place in Riga, was announced in Vilnius yesterday evening.",
     {("meeting", "Riga", None)}),
    # A century or a decade dates no event.
    ("The two leaders met in Riga to discuss cooperation in the 21st century.", {("meeting", "Riga", None)}),
    # A quoted "now" is the speaker's: it does not date an event outside the quotation.
    ('He decided to act, writing, "Now we have a problem making our power credible," to a reporter '
     "right after meeting Lee in Riga.", {("meeting", "Riga", None)}),
    # A visit named in an aside takes no date from the main clause: Tuesday is the talks'; the
    # visit takes their month (§4 visits).
    ("Peter Kalnins, who is in Riga on an official visit, met the president on Tuesday.",
     {("visit", "Riga", "2024-12-01"), ("meeting", "Riga", "2024-12-03")}),
    # Coordinated places, each with its own date when the text gives one (§1 granularity).
    ("The premier visited Riga on Monday and Vilnius on Tuesday.",
     {("visit", "Riga", "2024-12-02"), ("visit", "Vilnius", "2024-12-03")}),
    ("The premier will travel on to Riga on Friday, followed by Vilnius and finally Tallinn.",
     {("visit", "Riga", "2024-12-06"), ("visit", "Vilnius", None), ("visit", "Tallinn", None)}),
    ("The premier visited Riga and Vilnius on Tuesday.",
     {("visit", "Riga", "2024-12-03"), ("visit", "Vilnius", "2024-12-03")}),
    # A possessive day names what it owns: "Tuesday's vote" dates the vote, "Tuesday's talks" the talks.
    ("The envoy arrived in Riga for talks with candidates running in Tuesday's vote.",
     {("visit", "Riga", None), ("meeting", "Riga", None)}),
    ("Tuesday's talks in Riga ended without agreement.", {("meeting", "Riga", "2024-12-03")}),
    ("Bankers prepared for next month's World Trade Organization talks in Riga.", {("meeting", "Riga", "2025-01-01")}),
    # The main clause's day is not the day of a gerund clause after it.
    ("The fleet returned home on Tuesday after visiting four ports in Latvia.", {("visit", "Latvia", None)}),
    # ... but a clause that ends the event gives its anchor (§4: "concluded Friday" is Friday).
    ("The premier left for home on Tuesday after concluding his visit to Latvia.", {("visit", "Latvia", "2024-12-03")}),
    # "his next stop" is no future tense: "left" is past.
    ("The premier left Vilnius for his next stop, Riga, on Monday.", {("visit", "Riga", "2024-12-02")}),
    # "N days after/before" an event counts from the day the sentence names (§4 arithmetic).
    ("The president arrived in Riga on Sunday, three days after starting a tour in Vilnius.",
     {("visit", "Riga", "2024-12-01"), ("visit", "Vilnius", "2024-11-28")}),
    ("The vote comes two days before the summit in Riga.", {("summit", "Riga", "2024-12-06")}),
    # ... only the event it names, not one further on.
    ("The first summit was held on Feb. 25, 2022, one day after the attack, followed by meetings in Riga.",
     {("meeting", "Riga", None)}),
    # ... and dates the event after it, not the one before: the arrival has no date of its own
    # (and a time phrase after a country keeps it a place).
    ("The premier arrived in Latvia two days after taking office.", {("visit", "Latvia", None)}),
    # The date after an event a temporal phrase names is that event's ("comes after elections ... on").
    ("The minister's visit to Riga comes after elections in Estonia on Thursday.", {("visit", "Riga", None)}),
    # A stay "since Saturday" started then; a count since a year is no date of the visit.
    ("The envoy had been visiting Riga since Saturday.", {("visit", "Riga", "2024-11-30")}),
    ("He is the first Latvian leader to visit Vilnius since 2001.", {("visit", "Vilnius", None)}),
    # A date after "since the" dates the state it opens, not the event ...
    ("A frequent visitor since the March 3, 2019, attacks, the premier arrived in Riga.", {("visit", "Riga", None)}),
    # ... unless the event follows it closely: "since July, when Berg visited Latvia".
    ("It was the first meeting since July, when the premier visited Latvia.", {("visit", "Latvia", "2024-07-01")}),
    # ... and so is the date of a clause of "as" or "while" with its own subject and verb.
    ("Troops are arriving in Riga as NATO prepares to take over the region in July.", {("deployment", "Riga", None)}),
    ("The premier will visit Riga while Estonia holds elections in July.", {("visit", "Riga", None)}),
])
def test_dates_of_the_triggers_own_clause(extractor, text, expected):
    assert _dated(extractor, text) == expected


def test_a_one_line_file_without_a_header_is_read(extractor):
    """Its only sentence is also its title, and still the event's evidence."""
    text = "The foreign ministers met in Riga on Tuesday."
    article = Article(id="t", text=text, title=text, published=PUBLISHED, published_basis="metadata")
    assert {(e.type, e.place_name) for e in extractor.extract(article)} == {("meeting", "Riga")}


def test_talks_during_a_dated_visit_take_its_month_wherever_in_the_country(extractor):
    # §4: undated parts of a dated stay take its month, also when the stay is given by its city
    # and the talks by the country.
    text = ("The premier arrived in Riga on Monday, starting a six-day official visit to Latvia. "
            "Latvian leaders will meet with the premier during the visit.")
    article = Article(id="t", text=text, title="", published=PUBLISHED, published_basis="metadata")
    talks = [e for e in Extractor(confidence=False).extract(article) if e.type == "meeting"]
    assert [(e.place_name, e.date_start, e.date_granularity) for e in talks] == \
        [("Latvia", dt.date(2024, 12, 1), "month")]


def test_a_stay_named_in_a_fronted_frame_takes_no_date_from_its_clause(extractor):
    # "During the visit, ... on Friday": Friday dates the talks, not a second visit.
    text = ("The minister arrived in Riga on Monday for a three-day visit. "
            "During the visit, she will hold talks with Latvian leaders on Friday.")
    article = Article(id="t", text=text, title="", published=PUBLISHED, published_basis="metadata")
    found = {(e.type, e.date_start) for e in Extractor(confidence=False).extract(article) if e.place_id}
    assert found == {("visit", dt.date(2024, 12, 2)), ("meeting", dt.date(2024, 12, 6))}


def test_meetings_in_general_take_no_month_from_a_dated_summit(extractor):
    text = ("The heads of state will gather in Riga for a summit on Friday. "
            "Meetings by ministers from the member states have already begun in Riga.")
    article = Article(id="t", text=text, title="", published=PUBLISHED, published_basis="metadata")
    meetings = [e for e in Extractor(confidence=False).extract(article) if e.evidence.startswith("Meetings")]
    assert [(e.place_name, e.date_start) for e in meetings] == [("Riga", None)]


def test_a_gathering_named_again_with_its_place_takes_the_first_reports_date(extractor):
    # §2: the date may come from another sentence that refers to the same event.
    text = "WARSAW, Dec. 4 -- The two presidents met on Tuesday. The meeting was held in Radom."
    assert _dated(extractor, text) == {("meeting", "Radom", "2024-12-03")}


def test_the_parties_named_again_hold_the_talks_just_reported(extractor):
    # "The two leaders held ... negotiations in X" after their dated talks: one event (§2).
    text = ("Kalnins and Berg achieved a breakthrough in talks late on Sunday. "
            "The two leaders held several hours of negotiations in Riga.")
    assert _dated(extractor, text) == {("meeting", "Riga", "2024-12-01")}


def test_a_gathering_named_again_with_its_date_dates_the_placed_first_report(extractor):
    text = "The Riga summit of the bloc's leaders will mark a new start. The two-day summit will open on Dec. 6."
    assert _dated(extractor, text) == {("summit", "Riga", "2024-12-06")}
    # the day it ends, when that is the only one given (§4: "concluded Friday" → Friday)
    text = "Leaders of the bloc gathered for a summit in Riga. The summit ended on Tuesday with a declaration."
    assert _dated(extractor, text) == {("summit", "Riga", "2024-12-03")}


def test_the_current_state_of_relations_dates_no_meeting_named_again(extractor):
    text = ("The two presidents met in Riga. "
            "The meeting began with an overview of the current state of relations.")
    assert _dated(extractor, text) == {("meeting", "Riga", None)}


def test_a_gathering_opened_by_its_leaders_dates_the_placed_first_report(extractor):
    text = "The summit in Riga will focus on trade, officials said. The leaders opened their annual summit Tuesday."
    assert _dated(extractor, text) == {("summit", "Riga", "2024-12-03")}
