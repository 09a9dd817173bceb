import pytest

from gazetteer import geoparse


def found(text, gz):
    return {t.text: t for t in geoparse(text, gazetteer=gz)}


def test_region_abbreviation_after_a_town(gz):
    tops = found("EDMONTON, Ky. (WBKO) -- One man is dead after an accident in Metcalfe County.",
                 gz)
    assert tops["Ky."].place.name == "Kentucky"
    assert tops["EDMONTON"].place.country_code == "US"
    assert tops["EDMONTON"].place.admin1 == "Kentucky"


def test_abbreviation_only_after_a_town(gz):
    tops = found("Miss Smith met a man. Ind. voters", gz)
    assert "Miss" not in tops and "Ind." not in tops and "Ind" not in tops


def test_small_town_accepted_when_its_region_follows(gz):
    tops = found("Lucy Lau was born in Churchill, Man. A Churchill doctor helped.", gz)
    churchills = [t for t in geoparse("Lucy Lau was born in Churchill, Man. A Churchill doctor "
                                      "helped.", gazetteer=gz) if t.text == "Churchill"]
    assert len(churchills) == 2
    assert all(t.place.country_code == "CA" for t in churchills)
    assert tops["Man."].place.name == "Manitoba"
    assert "Lucy" not in tops


@pytest.mark.parametrize(("text", "word"), [
    ("Former UN Ambassador John Bolton spoke. Bolton said no.", "Bolton"),
    ("Nine-year-old Georgia Stevens skates. Georgia began skating at four.", "Georgia"),
    ("Georgia Stevens won. Much of that success has come from Georgia's hard work.", "Georgia"),
    ("Cuba's former leader Fidel Castro died. Castro came to power in 1959.", "Castro"),
    ("The gunman was Mevlut Mert Altintas. Altintas fired shots.", "Altintas"),
    ("For six years, Dr. Ivins fully cooperated. Ivins worked there.", "Ivins"),
    ("President George Washington issued a proclamation.", "Washington"),
    ("Prime Minister Theresa May spoke.", "May"),
])
def test_people_are_not_places(gz, text, word):
    assert word not in found(text, gz)


def test_person_filter_keeps_real_places(gz):
    tops = found("Vladimir Putin was in Vladimir on Monday.", gz)
    assert [t.start for t in geoparse("Vladimir Putin was in Vladimir on Monday.",
                                      gazetteer=gz)] == [22]
    assert tops["Vladimir"].place.country_code == "RU"


def test_currency_and_disease_names(gz):
    tops = found("A settlement of US$460 million. The Marburg virus spread.", gz)
    assert "US" not in tops and "Marburg" not in tops


def test_hyphenated_and_possessive_names(gz):
    tops = found("Russia-Turkey ties. The People's Republic of China and Seattle-based firms.", gz)
    assert tops["Russia"].place.country_code == "RU"
    assert tops["Turkey"].place.country_code == "TR"
    assert tops["People's Republic of China"].place.country_code == "CN"
    assert tops["Seattle"].place.country_code == "US"
    assert found("Nur-Sultan hosted talks.", gz)["Nur-Sultan"].place.country_code == "KZ"


def test_region_short_names(gz):
    tops = found("Factories in Zhejiang and Guangxi reopened.", gz)
    assert tops["Zhejiang"].place.level == "region"
    assert tops["Guangxi"].place.country_code == "CN"


@pytest.mark.parametrize("text", ["In May, the Eastern front was quiet.",
                                  "Related stories: Curated picks", "Union State summit",
                                  "Because in Spring, demand is slowing.",
                                  "The troops will be away from home at Christmas."])
def test_generic_and_calendar_words(gz, text):
    assert found(text, gz) == {}


def test_dateline_in_capitals(gz):
    tops = found("TOKYO (AFP) - Officials met.", gz)
    assert tops["TOKYO"].place.country_code == "JP"
    assert "AFP" not in tops


def test_landmarks_and_seas(gz):
    tops = found("Ships crossed the Taiwan Strait and the Red Sea; talks at the White House "
                 "and Camp David; troops in the Gaza Strip and the West Bank.", gz)
    for name in ("Taiwan Strait", "Red Sea", "White House", "Camp David", "Gaza Strip",
                 "West Bank"):
        assert tops[name].place.id.startswith("supp:"), name
    assert tops["Gaza Strip"].place.country_code == "PS"


def test_names_with_elisions_and_particles(gz):
    tops = found("Troops from Côte d'Ivoire flew to Port-au-Prince.", gz)
    assert tops["Côte d'Ivoire"].place.country_code == "CI"
    assert tops["Port-au-Prince"].place.country_code == "HT"


def test_curated_short_forms_in_capitals(gz):
    tops = found("Floods in NSW closed roads; the UAE sent aid. AIDS and LED are not places.", gz)
    assert tops["NSW"].place.name == "New South Wales"
    assert tops["UAE"].place.country_code == "AE"
    assert "AIDS" not in tops and "LED" not in tops


def test_well_known_town_despite_common_word(gz):
    # "Venice" is a frequent English word-form, but the city has names in dozens of languages
    assert found("Leaders met at the Venice summit.", gz)["Venice"].place.country_code == "IT"
    assert "Obama" not in found("Obama spoke on Monday.", gz)


def test_dateline_abbreviation_without_dot(gz):
    tops = found("EDMONTON, Ky (WBKO) -- A fire in Metcalfe County.", gz)
    assert tops["Ky"].place.name == "Kentucky"
    assert tops["EDMONTON"].place.admin1 == "Kentucky"
    assert "Ky" not in found("Bob, Ky said hello.", gz)


def test_dateline_prefers_the_big_city(gz):
    tops = found("WASHINGTON (Reuters) - British officials in London and Britain said.", gz)
    assert tops["WASHINGTON"].place.country_code == "US"


@pytest.mark.parametrize("text", [
    "The Warsaw Pact dissolved.", "The New York Times reported it.",
    "Real Madrid won.", "The Shanghai Cooperation Organisation met.",
])
def test_organisations_named_after_places(gz, text):
    assert found(text, gz) == {}


def test_names_joined_by_a_transliterated_arabic_article(gz):
    """ "Dar es Salaam": the article between the capitalised words belongs to the name; a word
    that is also English ("as") joins only where a gazetteer name needs it."""
    tops = found("The envoy toured Dar es Salaam on Thursday, as Kuwait as well as Iraq watched.", gz)
    assert tops["Dar es Salaam"].place.country_code == "TZ"
    assert {"Kuwait", "Iraq"} <= set(tops)


def test_a_weekday_after_a_name_does_not_continue_it(gz):
    """Wire copy drops "on": "arrived in Doha Monday" names Doha."""
    tops = found("The premier arrived in Doha Monday and left for Wellington Wednesday.", gz)
    assert tops["Doha"].place.country_code == "QA"
    assert tops["Wellington"].place.country_code == "NZ"


@pytest.mark.parametrize(("text", "person"), [
    ("Chilean President Ricardo Lagos arrived in Santiago.", "Lagos"),   # title, given name, surname
    ("The president met Bush in Santiago.", "Bush"),                     # a word-like name after "met"
])
def test_people_named_like_places_are_not_places(gz, text, person):
    tops = found(text, gz)
    assert person not in tops and "Santiago" in tops


@pytest.mark.parametrize(("text", "word", "place"), [
    ("The foreign ministers arrived in Cebu on Sunday.", "Cebu", "Cebu City"),
    ("The meeting took place in Frankfurt on Monday.", "Frankfurt", "Frankfurt am Main"),
])
def test_a_big_citys_short_name_that_is_a_common_word_is_the_city_after_in(gz, text, word, place):
    assert found(text, gz)[word].place.name == place


def test_a_big_citys_short_name_starting_a_longer_name_is_not_the_city(gz):
    assert "Cebu" not in found("He flew in Cebu Pacific jets.", gz)
