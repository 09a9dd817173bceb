import pytest

from events.extract.triggers import denied, find_triggers


@pytest.mark.parametrize(("sentence", "expected"), [
    ("On December 3, Putin met with Mezentsev at the Kremlin.", [("meeting", "met")]),
    ("Putin's December trip follows his May 2024 visit to Minsk.", [("visit", "trip"), ("visit", "visit")]),
    ("One Polish brigade was reportedly near Brest.", [("deployment", "brigade")]),
    ("The exercise will be held in the South China Sea on Sunday.", [("exercise", "exercise")]),
    ("The summit of the AU peace and security council was held in Libreville.", [("summit", "summit")]),
    ("Belarus operates Iskander missile systems.", [("deployment", "missile systems")]),
    ("NATO will deploy 4,000 troops in Kosovo.", [("deployment", "deploy"), ("deployment", "troops")]),
    ("The USS Juneau arrived on Wednesday at Zhanjiang.", [("visit", "arrived")]),
    ("Reagan would be in Rome from June 3 to 6.", [("visit", "be in")]),
    ("Dr. Maggard is currently in France.", [("visit", "is currently in")]),
    ("Stealth fighters headed to Saudi Arabia on Friday.", [("deployment", "headed to")]),
    ("The group would be met on arriving in Washington.", [("visit", "arriving")]),
    ("During their five-day stay in Uganda, they held discussions.",
     [("visit", "their five-day stay in"), ("meeting", "discussions")]),
    ("The S-400 systems in Belarus have a range of 400 km.", [("deployment", "S-400 systems")]),
    # Forces that land are deployed, whatever words open the motion phrase.
    ("Two airborne battalions began to land in Kabul.",
     [("deployment", "battalions"), ("deployment", "to land in")]),
    # A negation inside a fronted "although" clause stays inside it.
    ("Although Latvia has not recognised the government, the envoy visited Riga.", [("visit", "visited")]),
    # A named exercise is an exercise; a summit conference is a summit; the leaders of a bloc
    # meeting together hold a summit (§1).
    ("The navies held a Joint Military Exercise in the bay.", [("exercise", "Military Exercise")]),
    ("The summit conference opened on Friday.", [("summit", "summit conference")]),
    ("NATO leaders will meet in the capital.", [("summit", "NATO leaders will meet")]),
    ("Leaders of the 21 APEC economies met in the capital.", [("summit", "Leaders of the 21 APEC economies met")]),
    ("A meeting of the CIS heads of state opened in the capital.", [("summit", "meeting of the CIS heads of state")]),
    ("The heads of state of ASEAN will meet in the capital.", [("summit", "heads of state of ASEAN will meet")]),
    ("A two-day summit has convened in the capital.", [("summit", "summit")]),  # its own verb, no second event
    # An exchange of views and receiving a visitor are talks (§1: an audience).
    ("The two ministers had an exchange of views on Friday.", [("meeting", "exchange of views")]),
    # An annual or plenary meeting of delegations is a meeting; a shareholders' one is not.
    ("The foreign ministers held an annual meeting in Riga.", [("meeting", "meeting")]),
    # Reporters told after a meeting are no crowd meeting.
    ("The minister told reporters after a meeting with Karis that ties were good.", [("meeting", "meeting")]),
    ("The envoy met opposition leader Anna Berg.", [("meeting", "met")]),
    ("The president sat down with the premier today.", [("meeting", "sat down with")]),
    ("The finance ministers will get together in the capital on Sunday.", [("meeting", "get together")]),
    ("Two engineering units are deployed in the province.", [("deployment", "engineering units"), ("deployment", "deployed")]),
    ("The forum's Economic Leaders Informal Meeting opens on Friday.", [("summit", "Leaders Informal Meeting")]),
    # a test firing is an exercise only inside one (§1): the exercise word is the trigger
    ("The army test-fired a missile in the desert.", []),
    ("The army test-fired a missile during the exercise.", [("exercise", "exercise")]),
    ("The ministry got together a team of experts.", []),  # gathered a team: no meeting
    # Reporters told of a meeting are no crowd meeting: a subject of its own comes between.
    ("The minister told reporters he would meet Berg on Friday.", [("meeting", "meet")]),
    # A gathering "due in" a place is the gathering's, no traveller's visit.
    ("The first direct meeting between the two sides is due in Riga on Monday.", [("meeting", "meeting")]),
    ("The president held talks with the premier by telephone.", []),  # a phone call (§1)
    ("The plan met opposition in parliament.", []),
    ("The delegations held a plenary session in Riga.", [("meeting", "session")]),
    ("The shareholders' meeting approved the merger.", []),
    ("The president received visiting Latvian leaders.", [("meeting", "received"), ("visit", "visiting")]),
    ("The president told visiting Latvian leaders that ties were good.", [("meeting", "told"), ("visit", "visiting")]),
    ("The premier told his Latvian guest that ties were good.", [("meeting", "told")]),
    ("The president received the Latvian foreign minister on Monday.", [("meeting", "received")]),
    ("The ministry received the letter on Monday.", []),
    ("The president told reporters that ties were good.", []),
    # Forces leaving are deployed, past an aside about them; a minister leaving is a visit.
    ("The battalion, which has trained in the north for several months, will leave for Riga.",
     [("deployment", "battalion"), ("deployment", "leave for")]),
    ("The minister, who inspected the troops, will leave for Riga.", [("deployment", "troops"), ("visit", "leave for")]),
    ("Tanks were moved to Riga on Thursday.", [("deployment", "moved to")]),  # armour on the move is deployed
    ("Troops touched down in Riga on Tuesday.", [("deployment", "Troops"), ("deployment", "touched down in")]),
    ("The navy will send four minesweepers to the gulf.", [("deployment", "send"), ("deployment", "minesweepers")]),
    ("The navy dispatched a patrol boat to Riga.", [("deployment", "dispatched"), ("deployment", "patrol boat")]),
    ("The navy ordered two frigates to the gulf.", [("deployment", "ordered"), ("deployment", "frigates")]),
    ("Troops were flown to Riga on Tuesday.", [("deployment", "Troops"), ("deployment", "flown to")]),
    ("Two military transport planes landed at Riga on Tuesday.", [("deployment", "landed at")]),
    ("Two planes landed at Riga on Tuesday.", [("visit", "landed at")]),
    ("Army engineers arrived in Riga on Tuesday.", [("deployment", "Army engineers"), ("deployment", "arrived")]),
    # Engineers are forces only in a military sentence; civilians arriving visit.
    ("Engineers arrived in Riga for the peacekeeping mission.",
     [("deployment", "Engineers"), ("deployment", "arrived"), ("deployment", "peacekeeping mission")]),
    ("Engineers arrived in Riga to build a dam.", [("visit", "arrived")]),
    ("Election observers arrived in Riga on Monday.", [("visit", "arrived")]),
    ("Commandos were flown to Riga.", [("deployment", "Commandos"), ("deployment", "flown to")]),
    # ... but an aid minister does, and relief troops are forces.
    ("The aid minister arrived in Riga on Monday.", [("visit", "arrived")]),
    # Being somewhere is a visit when the clause says what for (§1: be in X on a trip).
    ("The envoy was in Riga to attend the talks.", [("visit", "was in"), ("meeting", "talks")]),
    ("The leaders are here for a two-day summit.", [("visit", "are"), ("summit", "summit")]),
    ("The money was in Riga all along.", []),
    ("The first meeting was in February to attend the forum.", [("meeting", "meeting")]),  # a month, no place
    ("The peacekeepers were in Riga for a year.", [("deployment", "peacekeepers"), ("deployment", "were in")]),
    # The heads of state of a named body meeting hold a summit; a war game is an exercise.
    ("CIS heads of state will meet in the capital.", [("summit", "CIS heads of state will meet")]),
    ("The war game ended on Friday.", [("exercise", "war game")]),
    # A courtesy call on a leader is talks; an appeal is not. Summit talks are a summit.
    ("The envoy called on President Kalnins on Tuesday.", [("meeting", "called on")]),
    # Forces a positioning verb needs before it make the sentence military by themselves.
    ("Opposition forces remain positioned near the town.", [("deployment", "positioned")]),
    ("The leaders held summit talks on Sunday.", [("summit", "summit talks")]),
    # A working meal, an audience granted, a tete-a-tete and parleys are talks (§1 meeting).
    ("The two ministers held a working lunch on Friday.", [("meeting", "working lunch")]),
    ("The king granted an audience to the envoy.", [("meeting", "audience to")]),
    ("The two leaders had a tete-a-tete after the ceremony.", [("meeting", "tete-a-tete")]),
    ("The envoy held parleys with the rebels.", [("meeting", "parleys")]),
    # A capitalised Summit is a gathering unless another name word follows it.
    ("Leaders ended the Summit Meeting Thursday.", [("summit", "Summit Meeting")]),
    ("She taught at the North Summit School District.", []),
])
def test_triggers_and_types(sentence, expected):
    assert [(t.type, t.text) for t in find_triggers(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "He scrapped plans to visit Paris.",
    "The government pulled the plug on the minister's visit to Latvia.",
    "Heavy floods forced the cancellation of the summit in Riga.",
    "He was to visit Riga on Friday, but his trip had to be postponed.",
    "The talks in Riga were postponed.",
    "Washington ruled out sending troops to Bosnia.",
    "She hopes to visit Kenya next year.",
    "She said she looked forward to visiting Kenya but would wait.",
    "Six suspects are known to be in custody in New York.",
    "A human rights activist based in Turkey said the militias had taken the town.",
    "The president met with his top aides in the White House to assess the crisis.",
    "Thousands of people began gathering in the capital for the rally.",
    "Reporters gathered in Riga for the announcement.",
    "The offensive met with little success in the north.",
    "The closing of the sale is expected in December.",
    "If the talks go well, he is likely to meet Lee.",
    "Moscow proposed a meeting in Geneva.",
    "The cabinet meeting approved the budget.",
    "He urged both sides to exercise restraint.",
    "The press conference was held in Minsk.",
    "Salt trucks have been deployed on main roads in Etobicoke.",
    "Riot police were deployed in the capital.",
    "The war has left health systems in Angola unable to cope.",
    "He wants Cuban diplomats based in Washington to meet the boy in Miami.",
    "Their battle plans call for operating against forces inside Iraq.",
    "The FBI consolidated the investigation under the Atlanta task force.",
    "The decision was met with outrage by Cuban-Americans in Miami.",
    "Besides meeting the immediate physical and emotional needs of victims in Nairobi, aid flows.",
    "Cargo was unloaded from ships in the Red Sea.",
    "Bush seemed to suggest that American forces could be in the gulf region for years.",
    "U.S. forces Thursday launched cruise missiles against targets in Afghanistan.",
    "Delta has benefited more than other carriers in Atlanta.",
    "The statement warned against all travel to Pakistan.",
    "She sometimes talks to family members back in Cuba.",
    "Syria had indicated its interest in resuming talks in Washington.",
    "Moscow said it was ready to send troops to the region.",
    "The agency would revoke his permission to stay in the United States.",
    "One more trip around Havana closes the broadcast.",
    # What did not happen is the event; a possibility is no event.
    "The summit in Riga did not take place.",
    "The planned visit to Riga never happened.",
    "On the possibility of the envoy visiting Riga, officials called it speculation.",
    "Talks in Riga had been set for Friday but were later cancelled.",
    "The officials said the meeting will not be held in Riga.",
    "The summit was not held in Riga.",
    "Officials defended the deferment of the summit in Riga.",
    "The government decided to bar him from visiting Riga this week.",
    "The premier was prevented from sending troops to Riga.",
    "The court stopped the army from sending troops to Riga.",
    "The bloc is pushing for sending a delegation to Riga.",
    # Appeals, demands and advice against are no commitment (§1).
    "The opposition called on the president to come to Riga for talks.",
    "On Friday, the opposition asked the president to visit Riga.",
    "Norway on Monday advised its citizens against traveling to Riga.",
    "The minister on Monday cautioned against sending troops to Riga.",
    # Crowds travelling are not a delegation's visit.
    "Thousands of pilgrims arrived in Riga on Monday.",
    "More than a million people from across the world have arrived in Riga.",
    "Pilgrims spend the day in prayers in Riga.",
    "Once released, the official will be able to come to Riga.",
    "The cabinet approved the pact at its weekly meeting in Riga.",
])
def test_negated_hypothetical_proposed_and_domestic_are_not_events(sentence):
    assert find_triggers(sentence) == []


def test_month_may_is_not_a_modal():
    assert [t.type for t in find_triggers("His May 2024 visit to Minsk was short.")] == ["visit"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The envoy arrived here on Monday.", [("visit", "arrived")]),
    ("The minister flew into Vienna late on Friday.", [("visit", "flew into")]),
    ("The delegation stopped in Vienna on its way south.", [("visit", "stopped in")]),
    ("The premier leaves for Tokyo on Sunday.", [("visit", "leaves for")]),
    ("The foreign minister is expected in Cairo on Tuesday.", [("visit", "expected in")]),
    ("She spent two days in Hanoi.", [("visit", "spent two days in")]),
    ("He will spend Thursday in Hanoi.", [("visit", "spend Thursday in")]),
    ("He will spend Thursday in Hanoi before traveling on to Hue.",
     [("visit", "spend Thursday in"), ("visit", "traveling on to")]),
    ("The premier left Tokyo on Monday for Beijing.", [("visit", "left Tokyo on Monday for")]),
    ("He will travel on Saturday morning to Aceh.", [("visit", "travel on Saturday morning to")]),
    ("The president stopped off in Moscow yesterday.", [("visit", "stopped off in")]),
    ("The premier touched down Saturday in Riga.", [("visit", "touched down Saturday in")]),
    ("The premier was welcomed at Riga airport by Karins.", [("visit", "was welcomed")]),
    ("The premier is staying in Riga until Friday.", [("visit", "is staying in")]),
    ("The minister talked with Karins in Riga on Monday.", [("meeting", "talked with")]),
    ("Karins played host to Ansip in Riga on Monday.", [("meeting", "played host to")]),
    ("The envoy paid a call on Karins in Riga on Monday.", [("meeting", "paid a call on")]),
    ("The premier took a train to Riga on Monday.", [("visit", "took a train to")]),
    ("The premier set out for Riga on Monday.", [("visit", "set out for")]),
    ("The new soldiers are the first of planned reinforcements for the mission in Latvia.",
     [("deployment", "soldiers"), ("deployment", "reinforcements")]),
    ("A Marine expeditionary unit was ordered to Latvia.", [("deployment", "expeditionary unit")]),
    ("The two navies held joint training off Latvia on Monday.", [("exercise", "joint training")]),
    ("The president, on holiday in the resort of Jurmala, said nothing.", [("visit", "on holiday in")]),
    ("The premier flew into southern Latvia for talks.", [("visit", "flew into"), ("meeting", "talks")]),
    ("No fewer than 2,000 troops arrived in Riga.", [("deployment", "troops"), ("deployment", "arrived")]),
    ("The minister flew here on Sunday.", [("visit", "flew")]),
    ("The minister landed here on Sunday.", [("visit", "landed")]),
    ("He will fly directly to Vienna.", [("visit", "fly directly to")]),
    ("He will go to Vienna next week.", [("visit", "go to")]),
    ("The bloc is dispatching a senior envoy to Vienna.", [("visit", "dispatching a senior envoy")]),
    ("An Italian-led force arrived in Vienna.", [("deployment", "Italian-led force"), ("deployment", "arrived")]),
    ("They said they would still send a high-level delegation to Vienna.",
     [("visit", "send a high-level delegation")]),
    ("He arrived in Iraq for talks to try to end the crisis.", [("visit", "arrived"), ("meeting", "talks")]),
    ("The queen will tour Kenya next month.", [("visit", "tour")]),
    ("The queen toured the Great Wall on Friday.", [("visit", "toured")]),
    ("On Wednesday, he was to tour a satellite facility in Riga.", [("visit", "tour")]),
    ("He will lead a business delegation to Jiangxi next year.", [("visit", "lead a business delegation to")]),
    ("Military observers will be sent to the border.", [("deployment", "observers")]),
    ("The navy held a manoeuvre at sea.", [("exercise", "manoeuvre")]),
    ("The bloc's Economic Leaders' Meeting opened on Saturday.", [("summit", "Leaders' Meeting")]),
    ("The two countries held a strategic dialogue in Beijing.", [("meeting", "strategic dialogue")]),
    ("Two battalions are based near the border.", [("deployment", "based"), ("deployment", "battalions")]),
    ("China hosted four rounds of six-party talks last year.", [("meeting", "talks")]),
    # Armed groups are armed forces (§1 deployment).
    ("Rebel forces remain positioned near Baidoa.", [("deployment", "forces"), ("deployment", "positioned")]),
])
def test_phrasings_from_the_guideline(sentence, expected):
    assert sorted((t.type, t.text) for t in find_triggers(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "The Visiting Forces Agreement covers the bases.",
    "The report called for high-level visits to the territory.",
    "Options under consideration include sending more troops to the capital.",
    "Columns of rebel forces retreated to the capital.",
    "He said troop redeployment should start within months.",
    # Crowds, private groups and domestic bargaining hold no talks between parties (§1 meeting).
    "Former classmates will meet in the capital on Sunday.",
    "Survivors of the flood gathered in the town square.",
    "Union leaders and management held wage talks on Monday.",
    "The president met students at the university.",
    "The minister met with reporters after the ceremony.",
    # Goods and symbols do not visit; veterans and soldiers' kin are no deployed force (§1).
    "The first shipment of crude arrived in the port on Monday.",
    "The Olympic torch will travel to Riga next week.",
    "Thousands of demobilised soldiers are still waiting for their pensions.",
    "The families of soldiers protested outside the ministry.",
    "The end of the UN peacekeeping mission came on Saturday.",
    "The bloc called on President Kalnins to resign.",
    # What should happen is advised, not committed to.
    "Latvia should send more troops to Riga, the minister said.",
    "The envoy ought to visit Riga before the vote.",
    "The review will be a stock-taking exercise.",
    # Going back is going home (§1: a return home is no visit).
    "The minister flew back to Riga on Friday.",
    # Refraining from an event refuses it.
    "Citizens were told to refrain from traveling to Riga.",
    # A hope governs its clause.
    "The president hopes Kalnins will visit the capital in May.",
])
def test_names_proposals_retreats_and_modals_are_not_events(sentence):
    assert find_triggers(sentence) == []


def test_negation_stays_in_its_own_clause():
    """ "did not improve" negates its own clause, not the trip after "although" or "but"."""
    sentence = "Relations did not improve although the minister made a trip to Tokyo last week."
    assert [(t.type, t.text) for t in find_triggers(sentence)] == [("visit", "trip")]
    sentence = "The ministry did not comment but the minister made a trip to Tokyo last week."
    assert [(t.type, t.text) for t in find_triggers(sentence)] == [("visit", "trip")]
    assert find_triggers("The minister did not make a trip to Tokyo last week.") == []


def test_an_event_postponed_to_a_date_still_happens():
    """§1 drops cancelled events; one moved to a new date is still scheduled."""
    assert [t.type for t in find_triggers("The talks in Riga were postponed until Friday.")] == ["meeting"]


def test_not_taking_part_in_a_gathering_does_not_deny_it():
    """ "did not attend a summit": what is negated is taking part (§1), not the summit."""
    assert [t.type for t in find_triggers("The president did not attend the summit held in Riga.")] == ["summit"]
    assert [t.type for t in find_triggers("The talks in Riga did not yield results.")] == ["meeting"]
    assert find_triggers("The president did not visit Riga.") == []


def test_a_negated_act_set_at_an_event_does_not_deny_the_event():
    """ "did not raise the issue at the summit": §1 negates the act; the summit it is set at took place."""
    assert [t.type for t in find_triggers("Karins did not raise the border issue at the summit in Riga.")] == ["summit"]
    assert [t.type for t in find_triggers("She would not comment during her visit to Tallinn.")] == ["visit"]
    assert find_triggers("Karins did not raise the border issue, and there was no summit in Riga.") == []


def test_gathering_for_a_summit_is_the_summit():
    assert [t.type for t in find_triggers("The leaders will gather in Riga for a summit on Friday.")] == ["summit"]
    assert [t.type for t in find_triggers("Ministers gathered in Riga on Monday for talks.")] == ["meeting", "meeting"]


def test_a_denial_after_the_trigger_stays_in_its_clause():
    sentence = "He met the premier in Riga, but said there were no plans for talks."
    assert [(t.type, t.text) for t in find_triggers(sentence)] == [("meeting", "met")]


def test_the_denying_cue_nearest_the_trigger_governs_it():
    # "request" comes first in the clause, but "cancelled" governs the trip
    [trip] = find_triggers("At the premier's request, the envoy has cancelled her trip to Riga.",
                           keep_cued=True, keep_denied=True)
    assert denied(trip)


def test_a_trip_called_off_in_a_later_clause_is_denied():
    visit, trip = find_triggers("The premier was supposed to visit Riga on December 14, but the trip was called off.",
                                keep_cued=True, keep_denied=True)
    assert denied(visit) and visit.cues == ("denied_after",)
