from gazetteer import geoparse


def resolved(text, gz):
    return {t.text: t.place for t in geoparse(text, gazetteer=gz)}


def test_city_not_the_region_named_after_it(gz):
    places = resolved("Talks in Minsk and Brest.", gz)
    assert places["Minsk"].level == "city" and places["Brest"].level == "city"


def test_first_level_region_beats_small_towns(gz):
    places = resolved("Ranchers in Wyoming and Oregon sold cattle.", gz)
    assert places["Wyoming"].level == "region" and places["Oregon"].level == "region"


def test_capital_beats_the_state(gz):
    washington = resolved("Officials in Washington said.", gz)["Washington"]
    assert washington.feature == "PPLC" and washington.country_code == "US"
    assert abs(washington.lat - 38.9) < 0.2


def test_region_context_picks_the_local_town(gz):
    places = resolved("GLASGOW, Ky. -- The Kentucky State Police said a Glasgow man was "
                      "arrested in Barren County.", gz)
    assert places["GLASGOW"].country_code == "US"
    assert places["Glasgow"].country_code == "US"


def test_country_context_from_demonyms(gz):
    assert resolved("Belarusian troops gathered near Brest.", gz)["Brest"].country_code == "BY"
    assert resolved("The French navy left Brest in Brittany.", gz)["Brest"].country_code == "FR"


def test_state_abbreviation_context(gz):
    places = resolved("PARIS, Mo. -- Farmers in Missouri and Montana met. Missouri cattle.", gz)
    assert places["Missouri"].name == "Missouri" and places["Missouri"].level == "region"
    assert places["PARIS"].admin1 == "Missouri"


def test_country_name_beats_city_alias(gz):
    assert resolved("Exports from Mexico rose, Mexican officials said.", gz)["Mexico"].level \
        == "country"


def test_unresolvable_text_gives_no_toponyms(gz):
    assert resolved("The quick brown fox jumps over the lazy dog.", gz) == {}
