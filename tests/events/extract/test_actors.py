"""People named in a sentence: the names the trip rules match travellers by."""

from events.extract.actors import find_people


def _names(text):
    return [name for _, _, name in find_people(text)]


def test_a_title_is_not_part_of_the_name():
    assert _names("Latvian President Anna Berg met the premier.") == ["Anna Berg"]


def test_a_middle_initial_stays_inside_the_name():
    assert _names("President Janis K. Ozols arrived in Riga.") == ["Janis K. Ozols"]


def test_a_surname_with_an_inner_capital_is_a_name():
    assert _names("Director Pavel McKinnon and Anna LeBlanc arrived.") == ["Pavel McKinnon", "Anna LeBlanc"]


def test_a_single_word_is_no_name():
    assert _names("Berg arrived in Riga on Monday.") == []
