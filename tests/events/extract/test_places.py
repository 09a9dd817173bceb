"""Which place a trigger takes: the structure of the sentence, GUIDELINES §3."""

from __future__ import annotations

import datetime as dt

import pytest

from events import Extractor
from events.model import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(confidence=False)  # the stage, whatever the fitted weights


def _events(extractor, text, published=dt.date(2024, 12, 4)):
    article = Article(id="t", text=text, title="", published=published, published_basis="metadata")
    return {(e.type, e.place_name) for e in extractor.extract(article) if e.place_id}


@pytest.mark.parametrize(("text", "expected"), [
    # An apposition describing the place keeps the name the locative or the visit's object.
    ("The president arrived in the Iranian capital Tehran on Monday.", {("visit", "Tehran")}),
    ("The premier visited the northern Russian city of Saint Petersburg on Friday.",
     {("visit", "Saint Petersburg")}),
    ("The summit will take place in South Korea's southern port city of Busan on Friday.",
     {("summit", "Busan")}),
    ("The warships arrived at the east China's port city Qingdao on Friday.", {("visit", "Qingdao")}),
    ("Troops landed at Kabul's main airport on Monday.", {("deployment", "Kabul")}),
    ("The envoy arrived at Riga's Northgate International Airport on Monday.", {("visit", "Riga")}),
    # "set / scheduled for" a place is where the gathering will be.
    ("The issue will dominate a summit set for Riga in April.", {("summit", "Riga")}),
    # A tour goes to the places "of" it names, and to the stops its own relative clause lists.
    ("The premier began a tour of Latvia and Estonia on Monday.", {("visit", "Latvia"), ("visit", "Estonia")}),
    ("He is on a tour, which has already taken him to Latvia and Estonia.", {("visit", "Latvia"), ("visit", "Estonia")}),
    ("The tour, which also includes Latvia, ends on Friday.", {("visit", "Latvia")}),
    ("He is on a tour of the Baltics, which has taken him to the Netherlands and will take him on to"
     " Latvia and Estonia.", {("visit", "The Netherlands"), ("visit", "Latvia"), ("visit", "Estonia")}),
    ("He served a tour of duty in Latvia.", set()),
    # "throughout" locates; a battle group and an infantry company are forces.
    ("Two battalions are spread throughout northern Latvia.", {("deployment", "Latvia")}),
    ("A NATO battle group arrived in Riga on Monday.", {("deployment", "Riga")}),
    ("An infantry company arrived in Riga on Monday.", {("deployment", "Riga")}),
    # The place of the base forces come from is their origin.
    ("Two squadrons from Ramstein Air Base in Germany arrived in Riga.", {("deployment", "Riga")}),
    ("The destroyers left their home port in Kiel on Sunday.", set()),
    # A peacekeeping force and an engineering unit are forces.
    ("A peacekeeping force is currently deployed in Latvia.", {("deployment", "Latvia")}),
    ("The engineering unit arrived in Riga on Sunday.", {("deployment", "Riga")}),
    # ... and so is an organisation's or a region's force ("the AU force", "an African force").
    ("The 7,000-strong AU force in Latvia has been unable to stop the violence.", {("deployment", "Latvia")}),
    ("The council endorsed the deployment of a regional force in Latvia.", {("deployment", "Latvia")}),
    ("The minister arrived from Paris in Riga on Monday.", {("visit", "Riga")}),
    # A country before a unit's number names the unit ("the U.S. 6th Fleet").
    ("The warships operate in the U.S. 6th Fleet area of operations.", set()),
    # "the country's capital, X" is at X alone (§3.2: the most specific place).
    ("The troops arrived in Latvia's capital, Riga, on Friday.", {("deployment", "Riga")}),
    # A force noun inside a compound is no force: a guided-missile destroyer's arrival is a port call.
    ("The guided-missile destroyer arrived in Riga on Monday for a port call.", {("visit", "Riga")}),
    # A country before a verb is its subject, not a modifier ("Latvia threatened").
    ("Officials said Russian troops massed in Latvia threatened the region.", {("deployment", "Latvia")}),
    # "to" + verb is an infinitive, not a direction; "to" + an adjective of place still is.
    ("The minister flew to Tokyo on Monday to avoid angering China.", {("visit", "Tokyo")}),
    ("The minister began a visit to neighbouring Lebanon on Monday.", {("visit", "Lebanon")}),
    # An infinitive before the place's own preposition does not hide it.
    ("Peace talks are due to start in Pretoria at the weekend.", {("meeting", "Pretoria")}),
    # A compass word before a visit's object keeps it the destination (§3.3).
    ("The delegation will visit southwestern Guizhou on Friday.", {("visit", "Guizhou Sheng")}),
    # A name right after "<trigger> of" is the trigger's name, not its place.
    ("The declaration of the 4th Summit of the Americas will be adopted in Argentina on Friday.",
     {("summit", "Argentina")}),
    # A person starting the next clause does not make the country a modifier (a comma left out).
    ("During his visit in Latvia Berzins has stressed the importance of reform.", {("visit", "Latvia")}),
    # A party "with" whom one enters into talks is no place of them; nor is a border's other side.
    ("The minister urged Latvia to enter into dialogue with Russia.", set()),
    ("The exercises were held close to the border with Estonia.", set()),
    # The places named as those a visit goes to, before or after it (§3.1).
    ("Latvia is the first country he will visit after the elections.", {("visit", "Latvia")}),
    ("Poland and Sweden are among the countries the Latvian premier decided to visit.",
     {("visit", "Poland"), ("visit", "Sweden")}),
    ("The countries he will visit include Latvia and Estonia.", {("visit", "Latvia"), ("visit", "Estonia")}),
    ("Latvia was one of the first countries to have provided aid and sent a medical team.", set()),
    # What happened during an event is where the event was.
    ("The army test-fired a missile in Latvia on Monday during an exercise.", {("exercise", "Latvia")}),
    # When it was does not count against a weak noun's reach.
    ("The site was added at the 28th conference of the committee in July 2004 in Riga.", {("meeting", "Riga")}),
    # ... nor the name of whose it is.
    ("The site was added at the 29th session of the World Heritage Committee, held in Riga, Latvia, in July.",
     {("meeting", "Riga")}),
    # The subject of "host" is where the gathering is.
    ("Nigeria is to host a summit on food security on December 10.", {("summit", "Nigeria")}),
    ("Latvia will host the next High Level Group Meeting on Education on Dec. 11.", {("meeting", "Latvia")}),
    ("The summit, hosted by Latvia, ended on Tuesday.", {("summit", "Latvia")}),
    ("They discussed the dialogue which Latvia hosted last year.", {("meeting", "Latvia")}),
    # (but a name that only qualifies the host names no place)
    ("The exercise hosted by the Latvia navy ended on Tuesday.", set()),
    # A country that holds forces is where they are; one that has sent them is not.
    ("Estonia has 300 troops guarding the border.", {("deployment", "Estonia")}),
    ("Estonia has sent 300 troops across the border.", set()),
    # Forces withdrawn from one place are deployed where they arrive.
    ("The last Estonian troops to pull out from Latvia arrived in Lithuania on Monday.",
     {("deployment", "Lithuania")}),
    # Coordinated places are separate events (§3.2).
    ("NATO troops were deployed in Tirana and Vlore.", {("deployment", "Tirana"), ("deployment", "Vlorë")}),
    ("The minister will travel to Qatar and then to Oman.", {("visit", "Qatar"), ("visit", "Oman")}),
    # A relative clause still open at a place keeps it; one closed by a comma does not.
    ("The minister met a lawyer who opposes his return to Latvia.", set()),
    ("The minister met the envoy, who had returned from Latvia, in Vilnius.", {("meeting", "Vilnius")}),
    # A relative clause right after the trigger describes the event itself.
    ("He will attend the meeting which is scheduled to be held in Riga on Friday.", {("meeting", "Riga")}),
    # What is discussed is a topic, not a venue; a temporal clause with its own subject and verb
    # keeps its places.
    ("The minister will meet the king to discuss the situation in Latvia and Estonia.", set()),
    ("He will travel to Latvia on his first visit since the government took power in Vilnius.",
     {("visit", "Latvia")}),
    ("RIGA -- Leaders opened their summit on Wednesday after three of the leaders backed the policy in Estonia.",
     {("summit", "Riga")}),
    # "the country's capital" with no name after it is the capital city (§3.1); "capital markets" is not.
    ("Talks were held in the Latvian capital on Monday.", {("meeting", "Riga")}),
    ("The envoy arrived in Lithuania's capital on Monday.", {("visit", "Vilnius")}),
    ("The envoy arrived in Lithuania's seaside capital on Monday.", {("visit", "Vilnius")}),
    ("The envoy arrived in Lithuania's former capital on Monday.", {("visit", "Lithuania")}),  # not Vilnius
    ("Two battalions of troops arrived to protect Latvian capital markets in Tallinn.", {("deployment", "Tallinn")}),
    # Wire-style travel: a day or a starting point between the verb and "to", no preposition after
    # "arrived", "touched down in".
    ("The envoy traveled Friday from Vilnius to Riga.", {("visit", "Riga")}),
    ("The envoy traveled overland to Riga on Friday.", {("visit", "Riga")}),
    ("The envoy flew secretly to Riga on Friday.", {("visit", "Riga")}),
    ("The envoy flew to the island nation of Latvia on Friday.", {("visit", "Latvia")}),
    ("The envoy flew to the regional power Latvia on Friday.", {("visit", "Latvia")}),
    ("The envoy visited Latvia's economic hub Riga on Friday.", {("visit", "Riga")}),
    ("The envoy heads for Riga on Saturday.", {("visit", "Riga")}),
    ("The envoy will stop briefly in Riga.", {("visit", "Riga")}),
    ("The envoy made the last stop on his Baltic tour today in Riga.", {("visit", "Riga")}),
    ("The envoy arrived at his first stop, the port city of Riga, on Wednesday.", {("visit", "Riga")}),
    ("The envoy arrived at his first stop, Riga, on Wednesday.", {("visit", "Riga")}),
    # "off the coasts of" and "off the northeastern city of" locate, like "in the waters off".
    ("The navies held a joint exercise off the coasts of Latvia and Estonia in September.",
     {("exercise", "Latvia"), ("exercise", "Estonia")}),
    ("The exercise was held off the northeastern city of Riga on Monday.", {("exercise", "Riga")}),
    # A hyphenated adjective before the destination ("war-torn Sudan", "energy-rich Kazakhstan").
    ("The envoy will travel to war-torn Latvia on Saturday.", {("visit", "Latvia")}),
    ("The envoy will visit army-ruled Latvia on Saturday.", {("visit", "Latvia")}),
    ("The envoy began a visit to energy-rich Latvia on Saturday.", {("visit", "Latvia")}),
    ("The envoy will travel next to Riga.", {("visit", "Riga")}),
    ("The envoy flew in to Riga late on Tuesday.", {("visit", "Riga")}),
    ("The envoy will visit Latvia just hours after the vote.", {("visit", "Latvia")}),
    # A reporting verb without "that" before the reported clause's own verb and place.
    ("Officials said Berg arrived in Riga today.", {("visit", "Riga")}),
    ("Berg said after talks in Riga with the premier that ties were good.", {("meeting", "Riga")}),
    # "in from X" names an origin ("flew in from Amman"), no locative phrase.
    ("RIGA -- The envoy went into talks with Berg on Tuesday shortly after she flew in from Tallinn.",
     {("meeting", "Riga")}),
    ("The envoy reached Riga on Saturday.", {("visit", "Riga")}),
    ("Diplomats converged on Riga on Saturday for a summit.", {("visit", "Riga"), ("summit", "Riga")}),
    ("The envoy was leaving immediately for Riga.", {("visit", "Riga")}),
    ("Latvia's investment in Estonia reached US$9 billion.", set()),
    ("The envoy flew by helicopter to Riga on Friday.", {("visit", "Riga")}),
    ("The envoy had flown to Riga from Vilnius.", {("visit", "Riga")}),
    ("He left Vilnius for Riga on Monday.", {("visit", "Riga")}),
    ("The minister arrived Riga on Monday.", {("visit", "Riga")}),
    ("The minister arrived today to Riga.", {("visit", "Riga")}),
    ("The president's plane touched down in Riga on Monday.", {("visit", "Riga")}),
    # "is in X on a visit" (§1 visit: be in X on a trip).
    ("The premier is in Latvia on a two-day official visit.", {("visit", "Latvia")}),
    # Talks with a visitor are where the visitor is.
    ("The premier met visiting Latvian President Anna Berg in Vilnius on Friday.",
     {("meeting", "Vilnius"), ("visit", "Vilnius")}),
    ("The ministers met in the capital of the Czech Republic on Friday.", {("meeting", "Prague")}),
    # After "the Latvian capital," a name that is not the capital's starts another clause.
    ("During his stay in the Latvian capital, Berg met the premier on Thursday.",
     {("visit", "Riga"), ("meeting", "Riga")}),
    ("He arrived in the Malian capital, Bamako, on Monday.", {("visit", "Bamako")}),
    # Any capitalised word may describe the capital ("the Kazakh capital Astana", "the East Timor
    # capital Dili"), not only an adjective ending like one.
    ("He arrived in the Tajik capital Dushanbe on Monday.", {("visit", "Dushanbe")}),
    ("He paid a visit to the Baltic country Latvia on Monday.", {("visit", "Latvia")}),
    ("He visited the Baltic nation of Latvia on Monday.", {("visit", "Latvia")}),
    ("He visited on Tuesday the port city of Liepaja.", {("visit", "Liepaja")}),
    # A region naming where a settlement lies is not a second place (§3.2: the most specific).
    ("The ministers met in the Baltic Sea port of Liepaja on Friday.", {("meeting", "Liepaja")}),
    # "in Country's City" is in the city.
    ("The leaders gathered for the summit in Lithuania's Vilnius on Friday.", {("summit", "Vilnius")}),
    # "talks on the situation in X": X is the topic.
    ("RIGA, Dec. 4 -- The envoy held talks here on the situation in Estonia on Monday.", {("meeting", "Riga")}),
    # A long name of the gathering between "for the" and "summit".
    ("He arrived in Riga for the Shanghai Cooperation Organisation (SCO) summit.",
     {("visit", "Riga"), ("summit", "Riga")}),
    ("They held talks on the war in Estonia in Riga.", {("meeting", "Riga")}),
    ("The minister held talks on developments in the situation in Estonia.", set()),
    # The purpose of a trip happens at its destination.
    ("The envoy left Vilnius for Riga on Monday to hold talks with the rebels.",
     {("visit", "Riga"), ("meeting", "Riga")}),
    # A place the gazetteer lacks does not hide the known one after "and".
    ("Two battalions were sent to Xqzville and Riga on Monday.", {("deployment", "Riga")}),
    # A force's aside before its verb: "The battalion, from Latvia, is to arrive in Vilnius".
    ("The remaining battalion, from Latvia, is scheduled to arrive in Vilnius.", {("deployment", "Vilnius")}),
    # A ship that pulls into or calls at a port makes a port call (§1 visit).
    ("The frigate pulled into Riga on Monday.", {("visit", "Riga")}),
    ("The destroyer called at Riga on Monday.", {("visit", "Riga")}),
    # "to the" before a sea is a direction (no verb is named like a sea).
    ("Two destroyers will be deployed to the Baltic Sea on Friday.", {("deployment", "Baltic Sea")}),
    # Warships arriving at a port make a port call; at sea they are deployed.
    ("Two warships arrived in Riga on Monday.", {("visit", "Riga")}),
    ("Two warships arrived in the Baltic Sea on Monday.", {("deployment", "Baltic Sea")}),
    # A trip reported later in the sentence is not where earlier talks were.
    ("The envoy met Latvian officials on Wednesday and will fly to Vilnius on Thursday.", {("visit", "Vilnius")}),
    # "to the" after a visit is its destination, not an infinitive.
    ("The minister paid a visit to the Netherlands on Monday.", {("visit", "The Netherlands")}),
    # A comma that opens a new clause ends the trigger's reach; an apposition does not.
    ("The minister's visit ended quietly, and the ministry then issued a new warning about the floods in Latvia.",
     set()),
    ("He began the visit, his first to Latvia, on Monday.", {("visit", "Latvia")}),
    # A frame before a reporting verb places the report, not what it reports.
    ("In Riga, the news agency said the envoy had held talks with the Estonian premier.", set()),
    # Who takes part does not count against a weak noun's reach.
    ("He held bilateral consultations with his Estonian counterpart Kaja Tamm in Riga on Thursday.",
     {("meeting", "Riga")}),
    # A verb between a preposition and a name ends the preposition's phrase.
    ("The other countries involved in the talks are Latvia, Estonia and Lithuania.", set()),
    # "there" is the place last named before it.
    ("The envoy flew to Riga on Monday and held talks there with the premier.",
     {("visit", "Riga"), ("meeting", "Riga")}),
    ("The premier arrived from Latvia after his six-day official visit there.", {("visit", "Latvia")}),
    # "the cities of X, Y and Z"; "fly to the capital city of X"; a list of names before the place.
    # "there" a few words on is the place named before it, not a possessive name.
    # (the second half of a compound names no place: "there" is not the Pacific)
    ("The ministers will travel to Riga and attend an Asia-Pacific summit there.", {("visit", "Riga"), ("summit", "Riga")}),
    ("The summit opened in Riga, and the ministers held talks with their Estonian counterparts there.",
     {("summit", "Riga"), ("meeting", "Riga")}),
    ("Riga's aim is to thank the troops for their service there.", set()),
    # Coordinated places are two, even where the second is a region of the first's country and
    # comes with a description.
    ("He will visit Riga and the port city of Liepaja on Monday.", {("visit", "Riga"), ("visit", "Liepaja")}),
    ("He visited Latvia, the Estonian territory, Lithuania and Finland.",
     {("visit", "Latvia"), ("visit", "Estonia"), ("visit", "Lithuania"), ("visit", "Finland")}),
    ("She will meet Berg in Riga on Friday and Kalnins in Tallinn on Saturday.",
     {("meeting", "Riga"), ("meeting", "Tallinn")}),
    ("She will meet with the Latvian premier in Riga and with the Estonian premier in Tallinn.",
     {("meeting", "Riga"), ("meeting", "Tallinn")}),
    ("He also visited the cities of Riga, Jelgava and Liepaja.",
     {("visit", "Riga"), ("visit", "Jelgava"), ("visit", "Liepāja")}),
    ("The premier will fly to the capital city of Riga today.", {("visit", "Riga")}),
    ("The king met the Estonian, Lithuanian and Finnish leaders in Riga on Monday.", {("meeting", "Riga")}),
    # An aside on the gathering before its own "held in" opens no clause.
    ("The summit, scheduled for December 4-5, will be held in Riga.", {("summit", "Riga")}),
    ("The summit, which opens on Tuesday, will be held in Riga.", {("summit", "Riga")}),
    ("Talks on the dispute, which has lasted for decades, will open on Monday in Riga.", {("meeting", "Riga")}),
    ("The king held talks with Anna Berg, Janis Ozols and Peter Kalnins in Riga on Monday.",
     {("meeting", "Riga")}),
    ("Two ministerial conferences have been held in Riga and Vilnius.",
     {("meeting", "Riga"), ("meeting", "Vilnius")}),
    # The visitor is where the talks are; "China-aid" qualifies a noun.
    ("The minister met in Riga yesterday with visiting Estonian Foreign Minister Kaja Tamm.",
     {("meeting", "Riga"), ("visit", "Riga")}),
    ("The president toured Latvia-aid projects during his stay.", set()),
    # A tour "including" its stops; the object of "which ... will visit" before it.
    ("He began a tour including Latvia, Estonia and Lithuania.",
     {("visit", "Latvia"), ("visit", "Estonia"), ("visit", "Lithuania")}),
    ("The president praised Estonia, which he will visit on Sunday.", {("visit", "Estonia")}),
    # A name before a verb is its subject, not a premodifier ("the Riga summit").
    ("RIGA, Dec. 4 -- Vilnius flew here on Sunday.", {("visit", "Riga")}),
    # An adjective or an acronym may come between the city and the noun it premodifies; a verb
    # or a noun may not.
    ("The bloc feared the failure of the Riga ministerial meeting set for next month.", {("meeting", "Riga")}),
    # A place before a word of time is no modifier of it ("Latvia starting", "Latvia around").
    ("The premier will pay a two-day visit to Latvia starting Thursday.", {("visit", "Latvia")}),
    ("The finance ministers will hold a gathering in Latvia around Feb. 10.", {("meeting", "Latvia")}),
    # ... and a country that is one city is that city ("Luxembourg" is more than its capital)
    ("The bloc feared the failure of the Singapore ministerial meeting set for next month.", {("meeting", "Singapore")}),
    ("The bloc feared the failure of the Luxembourg ministerial meeting set for next month.", set()),
    ("The declaration was adopted at the Vilnius International Energy Conference on Monday.", {("meeting", "Vilnius")}),
    # A place's "where" clause reaches past a long name to its gathering.
    ("The premier flew to Riga, where he attended the Baltic Sea Economic Cooperation Council summit.",
     {("visit", "Riga"), ("summit", "Riga")}),
    ("Riga said the meeting would go ahead.", set()),
    ("The navy sent its Riga class missile boats to sea.", set()),
    # A preposition or an irregular verb after a country keeps it a place.
    ("The premier sent troops to Latvia despite domestic opposition.", {("deployment", "Latvia")}),
    ("The deployment of Estonian troops to Latvia began in January.", {("deployment", "Latvia")}),
    # A video conference is no meeting; a ministry's division is no force.
    ("The president held video-conference talks with the premier on Monday in Riga.", set()),
    ("The ministry's Latvia division in Riga told reporters.", set()),
    # A companion travels too; negotiators sent are a delegation; round tables are talks.
    ("The minister accompanied the president to Latvia.", {("visit", "Latvia")}),
    ("The rebels sent negotiators to Riga on Monday.", {("visit", "Riga")}),
    ("Roundtables of the leaders will be held in Riga on Sunday.", {("meeting", "Riga")}),
    ("The delegation left for Riga for the Dec. 28 talks.", {("visit", "Riga"), ("meeting", "Riga")}),
    ("He said Latvia has sent about 600 peace-keeping personnel to Estonia.", {("deployment", "Estonia")}),
    # A region before "country" describes another place; a compound of names is a modifier.
    ("Troops were deployed in Latvia to help stabilize the situation in the Baltic country.",
     {("deployment", "Latvia")}),
    ("The premier's visit, aimed at deepening Latvia-Estonia friendship, began on Monday.", set()),
    # Forces arriving "by boat and air in", disembarking; an international force.
    ("Italian troops are expected to arrive by boat and air in Latvia.", {("deployment", "Latvia")}),
    ("The international force will be deployed in Riga.", {("deployment", "Riga")}),
    # Each stop of a tour's list, however the list is joined.
    ("He is on a tour, which has taken him to Latvia and will take him on to Estonia, Lithuania and Poland.",
     {("visit", "Latvia"), ("visit", "Estonia"), ("visit", "Lithuania"), ("visit", "Poland")}),
    # The leaders of a named multilateral body meeting are a summit; two countries' leaders meet.
    ("Leaders of the Organization of the Islamic Conference met in Riga on Thursday.", {("summit", "Riga")}),
    ("Leaders of Latvia and Estonia met in Riga on Monday.", {("meeting", "Riga")}),
    ("Arab leaders meet in Riga for their annual summit on Tuesday.", {("summit", "Riga")}),
    # An audience: "received President X"; onward travel; "is in X today on a visit".
    ("The crown prince received Estonian President Alar Karis in Riga yesterday.", {("meeting", "Riga")}),
    ("The secretary will move on to Latvia on Tuesday.", {("visit", "Latvia")}),
    ("He will meet the king before moving to Latvia, Estonia and Lithuania.",
     {("visit", "Latvia"), ("visit", "Estonia"), ("visit", "Lithuania")}),
    ("The secretary is in Riga today on a previously unannounced visit.", {("visit", "Riga")}),
    ("Two battalions of troops moved to Narva on Monday.", {("deployment", "Narva")}),
    # Tours that "will take him to", "next week which will take him to", "starting with".
    ("The premier's four-nation tour will also take him to Latvia and Estonia.",
     {("visit", "Latvia"), ("visit", "Estonia")}),
    ("He has been on a three-country tour, starting with Latvia and Estonia and ending in Lithuania.",
     {("visit", "Latvia"), ("visit", "Estonia"), ("visit", "Lithuania")}),
    # The talks a trip is for are at its destination; "to begin the summit".
    ("The envoy arrived in Riga on Friday to meet the president.", {("visit", "Riga"), ("meeting", "Riga")}),
    ("The host greeted him in Riga on Tuesday to begin the second summit between the two countries.",
     {("summit", "Riga")}),
    ("He heads out to Riga, Vilnius and Tallinn on Friday.",
     {("visit", "Riga"), ("visit", "Vilnius"), ("visit", "Tallinn")}),
    # A framing description of the capital; a weak noun's own relative clause.
    ("In the Latvian capital Riga, the envoy met the foreign minister on Thursday.", {("meeting", "Riga")}),
    ("They reviewed the consultations, which took place on Saturday in Riga.", {("meeting", "Riga")}),
    # The stops and legs of a tour.
    ("Latvia is the last leg of the premier's eight-day Baltic tour.", {("visit", "Latvia")}),
    ("The premier's third stop will be Estonia.", {("visit", "Estonia")}),
    ("He scored in the first leg of the tie in Riga.", set()),
    # "seeking to meet" is an intention.
    ("Before leaving Vilnius, he said he was seeking to meet the opposition leader in Riga.", set()),
    # A mission named by its acronym is a force.
    ("KFOR has been operating in Latvia.", {("deployment", "Latvia")}),
    # The place forces enter; travel with a direction.
    ("Government troops entered Riga on Thursday.", {("deployment", "Riga")}),
    ("Later, the envoy travelled south to the rebel-held town of Jelgava.", {("visit", "Jelgava")}),
    # A departure's destination: "leave for", "set sail for", "left X on Monday for".
    ("The first battalion will leave for Latvia on Friday.", {("deployment", "Latvia")}),
    ("The fleet set sail for the Baltic Sea on Monday.", {("deployment", "Baltic Sea")}),
    ("The frigates left Kiel on Monday for the Baltic Sea.", {("deployment", "Baltic Sea")}),
    # "where" opens the place's relative clause with or without a comma; a departure from
    # "here" or for "his next stop, X" goes to X.
    ("The envoy flew to Riga where she will meet the premier.", {("visit", "Riga"), ("meeting", "Riga")}),
    ("The premier left here on Thursday for Riga.", {("visit", "Riga")}),
    ("The premier left Vilnius for his next stop, Riga, on Thursday.", {("visit", "Riga")}),
    # The aim of talks ends where their predicate begins.
    ("Talks aimed at persuading Latvia to sign the treaty opened in Vilnius on Wednesday.", {("meeting", "Vilnius")}),
    # Forces opposed by someone still arrive.
    ("The troops, which were opposed by rebels, arrived in Riga on Monday.", {("deployment", "Riga")}),
    # "the Latvian capital Tuesday": a weekday is no name of the capital; "flew into the city of".
    ("The envoy arrived in the Latvian capital Tuesday.", {("visit", "Riga")}),
    ("The envoy flew into the northern city of Riga on Monday.", {("visit", "Riga")}),
    # The talks a trip is for, or that follow it in the sentence, are at its destination (§3.4 a).
    ("The premier will visit Riga on Friday for talks with Kalnins.", {("visit", "Riga"), ("meeting", "Riga")}),
    ("The premier flew to Riga on Monday and met Kalnins.", {("visit", "Riga"), ("meeting", "Riga")}),
    # A visit to forces is where they are, as they are.
    ("The chancellor visited German soldiers in Latvia on Thursday.", {("visit", "Latvia"), ("deployment", "Latvia")}),
    ("The president visited U.S. troops in Latvia on Thursday.", {("visit", "Latvia"), ("deployment", "Latvia")}),
    # Forces go to every place their clause names, but not to the container of one (§3.2).
    ("About 2,800 troops are stationed in Liepaja in western Latvia.", {("deployment", "Liepaja")}),
    ("Troops will be deployed to Liepaja, in western Latvia, in August.", {("deployment", "Liepaja")}),
    ("Troops arrived on Thursday in Jelgava, 40 kilometres southwest of Riga.", {("deployment", "Jelgava")}),
    ("Troops arrived in Riga on Friday after fighting erupted in Jelgava.", {("deployment", "Riga")}),
    ("Troops arrived in Riga on Friday to join the force in Estonia.", {("deployment", "Riga")}),
    ("One brigade was near Riga, while another was said to be 100 kilometers from Tartu.",
     {("deployment", "Riga"), ("deployment", "Tartu")}),
    # A region named by its country's possessive and an adjective, or as "the X region" after "to".
    ("Troops arrived on Sunday in Estonia's troubled Ida-Virumaa region.", {("deployment", "Ida-Virumaa")}),
    ("Troops arrived on Sunday in northeast Estonia's Ida-Virumaa region.", {("deployment", "Ida-Virumaa")}),
    ("The country sent troops to the Ida-Virumaa region on Sunday.", {("deployment", "Ida-Virumaa")}),
    # Forces placed earlier in the sentence: the country holding them is no second place.
    ("Latvia has 2,000 soldiers in Estonia, the third largest contingent.", {("deployment", "Estonia")}),
    # "to the" before a country is a direction; forces "expected in" a place are deployed there.
    ("The government sent troops to the Netherlands on Monday.", {("deployment", "The Netherlands")}),
    ("Around 60 German troops are expected in Riga on Monday.", {("deployment", "Riga")}),
    # "east China's Shandong Province": a compass word and an owning country before the name.
    ("The premier visited east China's Shandong Province on Saturday.", {("visit", "Shandong Sheng")}),
    ("The premier will then fly to east China's Shandong Province.", {("visit", "Shandong Sheng")}),
    # Warships arriving off a coast are deployed there.
    ("Eight warships arrived off Latvia on Monday.", {("deployment", "Latvia")}),
    # A gathering "expected in" a place is held there; nobody travels in the sentence.
    ("The next round of talks is expected in Riga in January.", {("meeting", "Riga")}),
    # After a time, a bare comma ends the place's clause ("the U.S." is the reporter's).
    ("The envoy arrived in Riga on Monday, the U.S. State Department said.", {("visit", "Riga")}),
    # An abbreviated month after a country is a date, not a name it qualifies.
    ("The premier will start a state visit to Latvia Nov. 7.", {("visit", "Latvia")}),
    # "as well as" coordinates places too.
    ("The premier is expected to visit Riga as well as Vilnius.", {("visit", "Riga"), ("visit", "Vilnius")}),
    # Talks at the place a traveller comes from are held there, not at the destination.
    ("The envoy flew into Riga from Vilnius, where she had met the premier.",
     {("visit", "Riga"), ("meeting", "Vilnius")}),
    ("The frigates were withdrawn from the Baltic Sea, where the navies launched the drill on June 4.",
     {("exercise", "Baltic Sea")}),
    ("The premier left Riga for Vilnius on Wednesday after holding talks with Kalnins.",
     {("visit", "Vilnius"), ("meeting", "Riga")}),
    # Cruisers, assault ships and named units are forces.
    ("The cruiser was deployed in the Baltic Sea on Tuesday.", {("deployment", "Baltic Sea")}),
    ("The amphibious assault ships were deployed in the Baltic Sea.", {("deployment", "Baltic Sea")}),
    ("The peacekeeping unit arrived in Riga on Monday.", {("deployment", "Riga")}),
    # An exercise is placed by its predicate, after the apposition that names it.
    ("The drill, involving about 6,500 soldiers, was carried out in Riga.", {("exercise", "Riga")}),
    ("Joint exercises, code-named Amber Shield, were held in Latvia on Monday.", {("exercise", "Latvia")}),
])
def test_places_the_structure_attaches(extractor, text, expected):
    assert _events(extractor, text) == expected


@pytest.mark.parametrize("text", [
    # Where counterparts come from is not where the talks are; a departure point is no visit.
    "The minister held talks with counterparts from Russia, China and Japan on Monday.",
    "The envoy arrived from Helsinki on Monday.",
    # Where a report was made is not where the event is.
    "The contingent arrived on Tuesday, according to diplomatic sources in Riga.",
    # A denied event reports nothing, and its place is still its own, not an earlier trigger's.
    "The trip ended badly after he refused to meet the president in Riga.",
    # A cancellation after a long subject, or after "but".
    "A summit of the bloc's leaders due to begin in Riga early on Monday morning has been cancelled.",
    "The minister was to visit Riga on Monday, but cancelled his trip.",
    # A denied report, "no negotiations".
    "The spokesman denied reports that the envoy would visit Riga.",
    "Officials stressed there would be no negotiations on trade in Riga.",
    # A fronted condition governs its main clause (§1: conditional events); trying is no event.
    "Once that was agreed on, the two leaders would meet in Riga.",
    "Mediators are trying to arrange a meeting in Riga.",
    # A fronted condition governs its main clause (§1: conditional events).
    "If the talks go well, the two presidents are likely to meet in Riga.",
    "Unless the rebels disarm, NATO will send troops to Riga.",
    # The forces a denied verb sends share its denial; so does the complement of a demand.
    "The bloc is proposing to send up to 2,000 troops to Riga.",
    "On Friday, the rebels demanded that the government send troops to Riga.",
    "The trip was overshadowed by his refusal to meet the president in Riga.",
    # A rejected or urged deployment is no deployment (§1: refused, proposed).
    "The government rejected the deployment of foreign troops in Riga.",
    "The bloc is pressing the government to allow the deployment of troops in Riga.",
    # "has said" is no possession.
    "Latvia has said it will send a total of 2,000 troops.",
    # "in place", "in force": an idiom, not a stay.
    "The ceasefire has been in place in Latvia since August.",
    # A source is no place ("according to Petra", a news agency); forces going back home.
    "The troops arrived on Monday, according to Petra.",
    "The troops crossed back into Latvia early Sunday.",
    # Where forces withdraw from is left, not where they are (§1).
    "Estonia plans to pull its troops out of Latvia.",
    "Troops pulled out from positions on the outskirts of Riga on Saturday.",
    "Estonia agreed to withdraw its troops from security zones around Latvia.",
    # Losses are no possession, and home is no destination (§1).
    "Latvia has lost 21 soldiers in the past five years.",
    "The families of the soldiers back in Latvia were informed.",
    # The topic of the talks is not their place, nor is their aim.
    "The two leaders held talks aimed at ending the fighting in Latvia.",
    "The goal of the meeting was to end the violence in Latvia.",
    # What the event's noun is the subject of is not where it is.
    "The envoy's visit came as clashes erupted in Riga.",
    "The summit was overshadowed by the violence in Latvia.",
    "The bloc will hold a summit on the crisis in Latvia's eastern region of Latgale.",
    "The envoys held peace talks on the conflict in the Georgian region of Abkhazia on Monday.",
    "The talks centered on the nuclear programs in Latvia.",
    "The ministers held talks on the situation in neighbouring Latvia.",
    "Leaders began their summit in disarray over the conflict in western Latvia.",
    "The president began a visit for talks seeking help in calming the violence in Latvia.",
    "Security was tight for the trip, which is aimed at showing Latvia's importance to Estonia.",
    "The ministers met on bilateral relations and the latest developments in the Baltic region.",
    # Where the actors live is not where they meet.
    "Latvian lawmakers based in Riga resolved to hold talks with the government.",
    # What goes to a place is no venue either, nor what the event follows.
    "The ministers will meet after last week's parliamentary elections in Latvia.",
    "The ministers held talks with Estonian politicians on food aid to Latvia.",
    "The ministers held talks on arms sales to Latvia on Monday.",
    # ... nor is what it answers.
    "The ministers will meet in March because of the crisis in Latvia.",
    "The ministers will meet in March in view of the tension in Latvia.",
    "The visit came amid a row over building plans in Latvia.",
    "The officials will meet in May to compare data on chip sales in Latvia.",
    # A verb conditioned after it ("if needed") reports no event, nor do the forces it sends (§1).
    "The ministry would send troops to Riga if needed.",
    "The ships would move to Riga if required.",
    # A place in a condition after the trigger is the condition's.
    "Talks can resume only if Estonia stops building in Riga.",
    # An invitation governs the infinitive after its object, however long the object.
    "The president invited his Estonian counterpart to visit Riga in May.",
    "The president invited his Estonian counterpart for talks in Riga.",
    "The president invited his Estonian counterpart to make an official visit to Riga in May.",
    "The president will visit Riga only if he can meet the premier.",
    # a predicate of its own after "and" keeps its place: the return is home
    "The premier cut short her visit and will return to Riga this evening.",
    # The country that sends forces is not where they go ("has so far sent" is no possession).
    "Latvia has so far sent 29 warships with 10,000 crew members abroad.",
])
def test_origins_reports_and_unreal_events_locate_nothing(extractor, text):
    assert _events(extractor, text) == set()


@pytest.mark.parametrize("text", [
    "WARSAW, Dec. 4 -- The summit of the bloc's leaders ended on Wednesday with a declaration.",
    # Datelines without a date: the agency's, a colon, a dash.
    "WARSAW (Reuters) - The summit of the bloc's leaders ended here on Wednesday.",
    "WARSAW : The summit of the bloc's leaders ended here yesterday.",
    "WARSAW, Poland — The summit of the bloc's leaders ended here on Wednesday.",
    "WARSAW Poland: The summit of the bloc's leaders ended here on Wednesday.",
    "Warsaw (AP) — The summit of the bloc's leaders ended here on Wednesday.",
    "Warsaw - The summit of the bloc's leaders ended here on Wednesday.",
    "WARSAW (AFP) Dec 4, 2024\nThe summit of the bloc's leaders ended here on Wednesday.",
    "Warsaw (AFP) Dec 4, 2024\nThe summit of the bloc's leaders ended here on Wednesday.",
    "WARSAW (AP) _ The summit of the bloc's leaders ended here on Wednesday.",
    "WARSAW, Poland — The summit of the bloc's leaders was held in this city last month.",
    "WARSAW, Poland — The summit of the bloc's leaders was held in this beach resort city last month.",
    "Dec 4, 2024 (WARSAW) — The summit of the bloc's leaders ended here on Wednesday.",
])
def test_talks_at_a_city_dateline_on_the_news_day(extractor, text):
    assert _events(extractor, text) == {("summit", "Warsaw")}


def test_a_gathering_in_an_aside_is_dated_by_its_subjects_act(extractor):
    # "who gathered here for a summit, lauded Tuesday": the leaders act at the summit, on the news day.
    text = ("WARSAW, Dec. 4 -- Leaders of the bloc, who gathered here for an annual summit, praised "
            "the growing influence of the bloc on Wednesday.")
    assert _events(extractor, text) == {("summit", "Warsaw")}


def test_a_stay_here_is_at_the_dateline(extractor):
    text = "WARSAW, Dec. 4 -- Kalnins, who is here on an official visit, met the president on Tuesday."
    assert _events(extractor, text) == {("visit", "Warsaw"), ("meeting", "Warsaw")}


@pytest.mark.parametrize("text", [
    "WARSAW, Dec. 4 -- President Berg said here Monday in a meeting with Kalnins that ties were good.",
    "WARSAW, Dec. 4 -- President Berg told reporters here on Monday during talks with Kalnins that ties were good.",
])
def test_talks_a_report_was_made_at_are_where_and_when_it_was(extractor, text):
    article = Article(id="t", text=text, title="", published=dt.date(2024, 12, 4), published_basis="metadata")
    found = {(e.type, e.place_name, e.date_start) for e in extractor.extract(article) if e.place_name}
    assert found == {("meeting", "Warsaw", dt.date(2024, 12, 2))}


def test_the_travellers_talks_on_the_news_day_are_at_his_trip_not_the_dateline(extractor):
    """§3.4: (a) the visit the talks are part of comes before (b) the dateline."""
    text = ("WARSAW, Dec. 4 -- Latvian envoy Peteris Kalnins flew to Vilnius today for talks with Berg. "
            "Few details emerged from today's talks between Kalnins and Berg.")
    assert _events(extractor, text) == {("visit", "Vilnius"), ("meeting", "Vilnius")}
    # a trip inside the dateline's country is the story's own: its talks stay at the dateline
    home = ("WARSAW, Dec. 4 -- Latvian envoy Peteris Kalnins flew to Krakow today. "
            "Few details emerged from today's talks between Kalnins and Berg.")
    assert _events(extractor, home) == {("visit", "Kraków"), ("meeting", "Warsaw")}


def test_talks_the_day_after_the_story_are_at_its_dateline_only_when_their_actors_came(extractor):
    # §3.4 b: the news day, and the actors there; tomorrow they may be elsewhere
    assert _events(extractor, "WARSAW, Dec. 4 -- Berg will hold talks with Kalnins tomorrow.") == set()
    assert _events(extractor, "WARSAW, Dec. 4 -- Leaders arrived on Monday for the summit, which opens tomorrow.") \
        == {("summit", "Warsaw")}


def test_talks_named_as_a_topic_are_not_placed_at_the_dateline(extractor):
    # §3.4 b places talks held on the news day; what a speaker is hopeful about is not said to be held
    assert _events(extractor, "WARSAW, Dec. 4 -- Berg said on Wednesday he was hopeful about the six-way talks.") == set()
    assert _events(extractor, "WARSAW, Dec. 4 -- Berg warned on Wednesday against a row over the talks.") == set()
    assert _events(extractor, "WARSAW, Dec. 4 -- Berg held talks with Kalnins on Wednesday.") == {("meeting", "Warsaw")}


def test_talks_two_days_before_the_story_are_not_placed_at_its_dateline(extractor):
    # §3.4 b: the dateline places talks of the news day (or the day before, in a story filed
    # about yesterday), not of earlier days, when the actors may have been elsewhere.
    assert _events(extractor, "WARSAW, Dec. 4 -- On Monday, the leaders held talks with the envoy.") == set()
    assert _events(extractor, "WARSAW, Dec. 4 -- On Tuesday, the leaders held talks with the envoy.") \
        == {("meeting", "Warsaw")}


def test_talks_the_opening_reports_without_a_date_are_at_the_dateline_on_its_day(extractor):
    """§3.4 b with §2 (a date from another sentence about the event): done talks the story's
    opening tells of are the news day's, at the dateline; its day is the lead's or the dateline's."""
    lead = "WARSAW, Dec. 4 (BNS) -- President Berg said ties with Latvia were at their best. "
    talks = "The two presidents held talks on energy and trade."
    article = Article(id="t", text=lead + talks, title="", published=dt.date(2024, 12, 4),
                      published_basis="metadata")
    found = {(e.type, e.place_name, e.date_start) for e in extractor.extract(article) if e.place_name}
    assert found == {("meeting", "Warsaw", dt.date(2024, 12, 4))}
    # not talks still to come, nor talks told of after the opening
    assert _events(extractor, lead + "The two presidents will hold talks on energy and trade.") == set()
    later = lead + "Berg praised the bloc. He thanked the envoys. He left early. " + talks
    assert _events(extractor, later) == set()


def test_a_digests_items_are_each_at_their_own_dateline_and_a_diarys_on_its_day(extractor):
    digest = ("Baltic news highlights on Wednesday:\n\n"
              "TALLINN, Dec. 4 (BNS) -- The two presidents held talks here on Monday.\n\n"
              "RIGA: Ministers of the bloc meet for talks on energy.\n\n"
              "VILNIUS: The premier of Latvia begins a two-day visit to Lithuania.")
    article = Article(id="t", text=digest, title="", published=dt.date(2024, 12, 4), published_basis="metadata")
    found = {(e.type, e.place_name, e.date_start.isoformat() if e.date_start else None, e.date_basis)
             for e in extractor.extract(article) if e.place_name}
    # (the item filed with its own date is a story dated by its text; the diary's entries, on
    # the day its header names, from that header)
    assert found == {("meeting", "Tallinn", "2024-12-02", "relative"), ("meeting", "Riga", "2024-12-04", "context"),
                     ("visit", "Lithuania", "2024-12-04", "context")}


def test_a_dateline_that_is_not_a_city_is_not_used(extractor):
    text = "BEN GURION AIRPORT, Israel, Dec. 4 -- The two ministers held talks on Wednesday."
    assert ("meeting", "Ben Gurion International Airport") not in _events(extractor, text)


def test_talks_join_the_trip_only_when_they_are_the_travellers(extractor):
    trip = "President Alexander Lukashenko arrived in Moscow on Monday for a three-day visit. "
    own = _events(extractor, trip + "During the visit, talks focused on energy.")
    others = _events(extractor, trip + "Separately, John Smith met Jane Doe to discuss trade.")
    assert ("meeting", "Moscow") in own
    assert ("meeting", "Moscow") not in others


def test_mentions_without_a_place_are_kept_with_the_reason(extractor):
    article = Article(id="t", text="The ministers held talks on Monday. Troops arrived in Xqzville on "
                      "Tuesday for an exercise. The talks went well.", title="", published=dt.date(2024, 12, 4))
    unplaced = {(e.type, e.unplaced_reason) for e in extractor.extract(article) if not e.place_id}
    # "The talks" names the first talks again: one mention, not two.
    assert unplaced == {("meeting", "no place in the text"),
                        ("deployment", "place not in the gazetteer: Xqzville"),
                        ("exercise", "no place in the text")}
    assert all(e.lat is None and e.id for e in extractor.extract(article) if not e.place_id)


@pytest.mark.parametrize("text", [
    "If the talks go well, the leaders will meet again.",   # doubtful
    "The December visit is expected to focus on trade.",      # names an event again
    "Regular summit meetings form the core of the alliance.",  # events in general
])
def test_mentions_that_introduce_no_event_of_their_own_are_not_kept(extractor, text):
    article = Article(id="t", text=text, title="", published=dt.date(2024, 12, 4))
    assert extractor.extract(article) == []


def test_a_second_word_for_an_event_its_sentence_places_is_no_mention_without_a_place(extractor):
    article = Article(id="t", text="Berzins and Karis met for talks in Riga on Monday.", title="",
                      published=dt.date(2024, 12, 4))
    assert [(e.type, e.place_name) for e in extractor.extract(article)] == [("meeting", "Riga")]


@pytest.mark.parametrize(("text", "expected"), [
    # "here" in the trigger's clause is the dateline, however far; a report made here is not.
    ("MINSK, Dec. 4 -- The two delegations held lengthy and difficult talks on energy here on Monday.",
     {("meeting", "Minsk")}),
    ("MINSK, Dec. 4 -- He will make a visit to discuss trade, officials disclosed here on Monday.", set()),
    # A country before a time word is still the place ("to Kenya tomorrow"); talks the trip is
    # for are held at its destination.
    ("The president will travel to Kenya tomorrow for talks.", {("visit", "Kenya"), ("meeting", "Kenya")}),
])
def test_here_time_words_and_the_purpose_of_a_trip(extractor, text, expected):
    assert _events(extractor, text) == expected


def test_placeless_talks_join_the_trip_they_belong_to(extractor):
    """Not the article's first trip: the traveller's latest one before the talks."""
    text = ("Foreign Minister Anna Berg visited Warsaw on Monday. Prime Minister Jan Novak arrived in "
            "Vilnius on Tuesday. Prime Minister Jan Novak held talks with the president on Wednesday.")
    events = _events(extractor, text)
    assert ("meeting", "Vilnius") in events and ("meeting", "Warsaw") not in events


def test_talks_during_the_visit_go_to_the_visit_before_the_dateline(extractor):
    """GUIDELINES §3.4 in order: (a) part of a visit, before (b) the dateline on the news day."""
    text = ("TOKYO, Dec. 4 -- Defense Secretary Jim Cole arrived in Seoul on Tuesday. During the "
            "visit, talks with the president were held on Wednesday.")
    events = _events(extractor, text)
    assert ("meeting", "Seoul") in events and ("meeting", "Tokyo") not in events
    # (an opening "In a ... visit to X," frames the sentence like "During the visit")
    text = "VILNIUS, Dec. 4 -- In a milestone visit to Latvia, the premier met Karins on Wednesday."
    assert _events(extractor, text) == {("visit", "Latvia"), ("meeting", "Latvia")}


@pytest.mark.parametrize("second", [
    "He will meet the foreign minister at the ministry on Friday.",   # the traveller as a pronoun
    "On Friday, she is expected to meet the prime minister.",
    "He met with the prime minister on Friday.",                      # "He" is no body's name
    "The talks of Anna Berg with the prime minister ended on Friday.",  # "The" is no name ("the WTO talks")
    "Over the course of his stay, the president will hold talks with the prime minister.",
    "The Estonian delegation held talks with the prime minister on Friday.",   # the travellers as a group
])
def test_the_travellers_talks_join_the_trip(extractor, second):
    """GUIDELINES §3.4 (a), (c): talks of the traveller, or held during the stay, are at its destination."""
    text = "Foreign Minister Anna Berg arrived in Vilnius on Thursday for an official visit. " + second
    assert ("meeting", "Vilnius") in _events(extractor, text)


def test_a_summit_during_a_stay_is_at_the_stay(extractor):
    text = "The president arrived in Riga on Tuesday for a state visit. During his stay, he will attend a summit of the bloc."
    assert _events(extractor, text) == {("visit", "Riga"), ("summit", "Riga")}


def test_a_summit_on_the_day_of_arrival_is_at_the_arrival(extractor):
    text = "The premier arrived in Riga on Monday. The premier and Berg held a summit on Monday."
    assert _events(extractor, text) == {("visit", "Riga"), ("summit", "Riga")}
    other_day = "The premier arrived in Riga on Monday. The premier and Berg held a summit in March."
    assert _events(extractor, other_day) == {("visit", "Riga")}


def test_the_gulf_is_the_gulf_the_article_named_before(extractor):
    """§2: a description takes the name the article uses elsewhere for the same place."""
    text = "Tankers crossed the Bay of Bengal. Two frigates arrived in the bay on Monday."
    assert _events(extractor, text) == {("deployment", "Bay of Bengal")}
    assert _events(extractor, "Two frigates arrived in the bay on Monday.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("RIGA -- The envoy arrived in the capital on Wednesday.", {("visit", "Riga")}),
    ("The envoy flew to Latvia on Tuesday. He arrived in the capital on Wednesday.",
     {("visit", "Latvia"), ("visit", "Riga")}),
    # a country that only qualifies a noun is no antecedent; a demonym is
    ("Estonian troops clashed with Latvia's rebels. Talks were held in the capital on Monday.",
     {("meeting", "Riga")}),
    ("Latvian officials welcomed the plan. The envoy arrived in the capital on Wednesday.", {("visit", "Riga")}),
    # "the capital, Vilnius" names it; capital markets are no place
    ("The envoy flew to Latvia. He arrived in the capital, Vilnius, on Wednesday.",
     {("visit", "Latvia"), ("visit", "Vilnius")}),
    ("Latvia needs investment. Funds flowed into the capital markets on Monday.", set()),
])
def test_the_capital_is_the_capital_the_article_named_before(extractor, text, expected):
    """§2 again: "the capital" is the capital of the country named last, or the capital named."""
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Insurgents attacked convoys in Latvia. Some 2,000 foreign troops are stationed in the Baltic country.",
     {("deployment", "Latvia")}),
    ("Estonian rebels fled. Foreign troops are operating in the conflict-ridden nation.", {("deployment", "Estonia")}),
    ("The rebels hold Harju. Most of the troops in the province are Latvian.", {("deployment", "Harju")}),
    # "the country" names no place when nothing was named just before, nor as a modifier
    ("Some 2,000 foreign troops are stationed in the country.", set()),
    ("Latvia voted. " + "The vote was calm and orderly. " * 14 + "Foreign troops are stationed in the country.", set()),
    ("Latvia voted. Foreign troops sang in the country music charts.", set()),
])
def test_the_country_is_the_country_the_article_named_just_before(extractor, text, expected):
    """§2: a description ("the Baltic country", "the province") takes the name the article just used."""
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a town of a country the article names, spelt one letter off, used only as a place
    ("Lithuania has 300 troops stationed in Kaunis.", {("deployment", "Kaunas")}),
    ("Lithuania sent troops to Kaunis. Kaunis was calm on Monday.", set()),  # a subject too: no guess
    ("Some 300 troops are stationed in Kaunis.", set()),  # no country named to look in
])
def test_a_misspelt_town_is_read_as_the_town_one_letter_away(extractor, text, expected):
    assert _events(extractor, text) == expected


def test_an_opening_while_in_frames_the_sentence(extractor):
    assert _events(extractor, "While in Riga, the premier will meet Karis.") == {("meeting", "Riga")}
    assert _events(extractor, "Earlier in Riga, the premier met Karis.") == {("meeting", "Riga")}


@pytest.mark.parametrize("text", [
    "TALLINN -- In Riga today, the premier held talks with Karis.",
    "TALLINN, Dec. 4 (BNS) -- Yesterday in Riga, the premier met Karis.",
])
def test_an_opening_frame_after_the_dateline_places_the_sentence(extractor, text):
    assert _events(extractor, text) == {("meeting", "Riga")}


def test_talks_after_an_opening_visiting_clause_are_at_the_visit(extractor):
    assert _events(extractor, "Visiting Riga on Wednesday, the premier met Karis.") == {("visit", "Riga"), ("meeting", "Riga")}


@pytest.mark.parametrize("text", [
    "Berg will hold consultations with Karis when he visits Riga this week.",
    "Berg held talks with Karis while visiting Riga last week.",
])
def test_talks_held_while_visiting_are_at_the_visit(extractor, text):
    assert _events(extractor, text) == {("visit", "Riga"), ("meeting", "Riga")}


@pytest.mark.parametrize("text", [
    "Premier Wen, who arrived in Riga on Tuesday, met President Berzins on Wednesday.",
    "President Hu, who arrived in Riga on Monday, will hold talks on trade with Berzins.",
])
def test_talks_of_a_subject_whose_aside_reports_the_arrival_are_at_the_arrival(extractor, text):
    assert _events(extractor, text) == {("visit", "Riga"), ("meeting", "Riga")}


@pytest.mark.parametrize("purpose", ["to attend", "to participate in", "to take part in"])
def test_a_summit_an_arrival_is_to_take_part_in_is_at_the_arrival(extractor, purpose):
    text = f"The premier arrived in Riga on Sunday {purpose} the regional summit."
    assert _events(extractor, text) == {("visit", "Riga"), ("summit", "Riga")}


def test_a_summit_the_trip_is_for_is_at_its_destination_in_its_month(extractor):
    text = "The president will visit Latvia next week for a summit with the Latvian premier."
    article = Article(id="t", text=text, title="", published=dt.date(2024, 12, 4), published_basis="metadata")
    found = {(e.type, e.place_name, e.date_start, e.date_granularity) for e in extractor.extract(article)}
    assert found == {("visit", "Latvia", dt.date(2024, 12, 1), "month"), ("summit", "Latvia", dt.date(2024, 12, 1), "month")}


def test_a_summit_that_sets_placed_talks_is_where_and_when_they_are(extractor):
    text = "The presidents met in Riga on Tuesday on the sidelines of a CIS summit."
    article = Article(id="t", text=text, title="", published=dt.date(2024, 12, 4), published_basis="metadata")
    found = {(e.type, e.place_name, e.date_start) for e in extractor.extract(article)}
    assert found == {("meeting", "Riga", dt.date(2024, 12, 3)), ("summit", "Riga", dt.date(2024, 12, 3))}
    # not a summit the talks only mention after a verb of their own
    other = "The talks in Riga centred on the declaration reached at the summit."
    assert _events(extractor, other) == {("meeting", "Riga")}


def test_a_visit_in_a_clause_of_another_time_is_no_time_of_the_talks(extractor):
    text = "It would be the first meeting between the two since July, when Berg visited Latvia."
    assert _events(extractor, text) == {("visit", "Latvia")}


def test_a_summit_during_a_dated_trip_takes_its_month(extractor):
    text = "The premier will visit Latvia from December 18 to 21. During the trip, he will attend the summit in Riga."
    article = Article(id="t", text=text, title="", published=dt.date(2024, 12, 4), published_basis="metadata")
    summit = next(e for e in extractor.extract(article) if e.type == "summit")
    assert (summit.place_name, summit.date_start, summit.date_granularity) == ("Riga", dt.date(2024, 12, 1), "month")


def test_a_summit_coordinated_with_the_trip_is_at_its_destination(extractor):
    text = "The premier will visit Riga on Saturday and hold a summit meeting on Sunday with Berg."
    assert _events(extractor, text) == {("visit", "Riga"), ("summit", "Riga")}


def test_one_arrival_named_at_city_and_country_is_one_visit(extractor):
    assert _events(extractor, "RIGA, Dec. 4 -- The president arrived here yesterday on an official visit to Latvia.") \
        == {("visit", "Riga")}


@pytest.mark.parametrize(("second", "expected"), [
    # Talks during the visit are its talks, whoever hosts them (§3.4 a).
    ("During the visit, Latvian Foreign Minister Anna Berg held talks with Kalnins.", {("meeting", "Riga")}),
    ("The two ministers held talks on Tuesday.", {("meeting", "Riga")}),
    # A capitalised name before "met" is its subject, not the name of the talks.
    ("During the visit, Anna Berg met with Kalnins on Monday.", {("meeting", "Riga")}),
    ("During the visit, Berg exchanged views with Kalnins.", {("meeting", "Riga")}),
    # "During Kalnins's stay", "confer with", ", where he is expected to hold talks".
    ("During Kalnins's stay in Latvia, he held talks with Berg.", {("meeting", "Riga")}),
    ("He will confer with Berg on Tuesday.", {("meeting", "Riga")}),
    # A fronted time phrase without a comma before the traveller's pronoun.
    ("Later in the day he met Berg.", {("meeting", "Riga")}),
    # The traveller named again by title.
    ("The minister held talks with Berg on Monday.", {("meeting", "Riga")}),
    # The host's talks with the traveller, named or as "him".
    ("Latvian Foreign Minister Anna Berg held talks with him on Monday.", {("meeting", "Riga")}),
    ("Latvian Foreign Minister Anna Berg held talks with Kalnins on Monday.", {("meeting", "Riga")}),
    ("Latvian Foreign Minister Anna Berg held talks with Ilves on Monday.", set()),
    ("Latvian Foreign Minister Anna Berg met him on Monday.", {("meeting", "Riga")}),
    ("He said that he would meet Berg on Monday.", {("meeting", "Riga")}),
    ("Latvian Foreign Minister Anna Berg met Ilves on Monday.", set()),
    # Talks coordinated with the visit in one sentence are its talks.
    ("He will also visit Lithuania on Friday and hold talks with Berg.",
     {("visit", "Lithuania"), ("meeting", "Lithuania")}),
    # Talks far from the story's days are not the trip's.
    ("He last met Berg in March 2019.", set()),
    # The speaker is not a party to the talks he speaks of.
    ("Kalnins said peace talks between Israel and the Palestinians must resume.", set()),
    ("Kalnins confirmed peace talks between Israel and the Palestinians would resume.", set()),
])
def test_which_talks_belong_to_the_trip(extractor, second, expected):
    first = "Estonian Foreign Minister Peter Kalnins arrived in Riga on Sunday for a two-day visit. "
    found = _events(extractor, first + second) - {("visit", "Riga")}
    assert found == expected


@pytest.mark.parametrize(("second", "expected"), [
    ("Pacts will be signed after Wen's talks with Berg.", {("meeting", "Riga")}),
    ("Pacts will be signed after Ilves's talks with Berg.", set()),
])
def test_the_travellers_talks_by_a_possessive_written_surname_first(extractor, second, expected):
    first = "Chinese Premier Wen Jiabao arrived in Riga on Sunday for a two-day visit. "
    assert _events(extractor, first + second) - {("visit", "Riga")} == expected


@pytest.mark.parametrize("second", [
    "Wang held talks with Berg on Monday.",
    "Premier Wang is expected to hold talks with Berg.",
])
def test_a_traveller_named_again_by_a_surname_that_comes_first(extractor, second):
    # "Wang Lin": a surname written first is still the traveller's name (§3.4 a).
    first = "Chinese Premier Wang Lin arrived in Riga on Sunday for a two-day visit. "
    assert _events(extractor, first + second) == {("visit", "Riga"), ("meeting", "Riga")}


@pytest.mark.parametrize("text", [
    "At the summit in Riga, the two premiers met.",
    "During the summit in Riga on Monday, the two premiers held talks.",
])
def test_talks_framed_by_a_summit_are_at_the_summit(extractor, text):
    assert _events(extractor, text) == {("summit", "Riga"), ("meeting", "Riga")}


def test_a_name_after_a_bare_comma_that_starts_a_clause_is_no_list_member(extractor):
    # "Jackson" is also a town: here it is the subject of "met", not a second summit venue.
    text = "Ahead of the summit in Riga, Jackson met the premier."
    assert ("summit", "Jackson") not in _events(extractor, text)
    assert _events(extractor, "He toured Latvia, Estonia on Monday.") == {("visit", "Latvia"), ("visit", "Estonia")}


def test_talks_on_the_sidelines_of_the_summit_are_at_the_summit(extractor):
    text = ("Leaders of the bloc opened a two-day summit in Riga on Wednesday. "
            "Two of the premiers will meet on Thursday on the sidelines of the summit.")
    assert _events(extractor, text) == {("summit", "Riga"), ("meeting", "Riga")}


@pytest.mark.parametrize("second", [
    "During the summit, the premier held talks with Karis.",
    "On the sidelines, the premier met Karis.",
    "On the sidelines of the forum, the premier met Karis.",
    # (a gathering's name spelled out, with its acronym)
    "The premier will meet Karis on the sidelines of the upcoming Baltic Sea States (CBSS) forum.",
    "The premier met Karis at the summit.",
])
def test_talks_set_at_the_summit_by_other_words_are_at_the_summit(extractor, second):
    first = "Leaders of the bloc opened a two-day summit in Riga on Wednesday. "
    assert _events(extractor, first + second) == {("summit", "Riga"), ("meeting", "Riga")}


def test_a_summit_attended_elsewhere_is_not_the_articles_summit(extractor):
    text = ("Leaders of the bloc opened a two-day summit in Riga on Wednesday. At the first summit "
            "of the bloc in 1994, leaders agreed to set up the fund.")
    article = Article(id="t", text=text, title="", published=dt.date(2024, 12, 4), published_basis="metadata")
    placed = [e for e in extractor.extract(article) if e.place_id]
    assert [(e.type, e.place_name, e.date_start) for e in placed] == [("summit", "Riga", dt.date(2024, 12, 4))]
