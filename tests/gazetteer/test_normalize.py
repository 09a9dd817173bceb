import pytest

from gazetteer.normalize import name_key, one_edit_keys, strip_accents


@pytest.mark.parametrize(("name", "key"), [
    ("St. Petersburg", "saint petersburg"),
    ("Saint-Petersburg", "saint petersburg"),
    ("Mińsk Mazowiecki", "minsk mazowiecki"),
    ("Großwald", "grosswald"),
    ("Mins'k", "minsk"),
    ("Nur-Sultan", "nur sultan"),
    ("U.S.", "u s"),
    ("Łódź", "lodz"),
    ("Москва", "москва"),
    ("  ", ""),
])
def test_name_key(name, key):
    assert name_key(name) == key


def test_name_key_drops_lone_surrogates_so_keys_always_encode():
    key = name_key("Minsk\ud800")
    key.encode("utf-8")
    assert key == "minsk"


def test_abbreviation_is_expanded_only_as_first_word():
    assert name_key("St") == "st"
    assert name_key("Fort St. John") == "fort st john"


def test_one_edit_keys_are_one_letter_away():
    keys = one_edit_keys("riga")
    assert {"rig", "rigga", "irga", "raga"} <= keys  # dropped, added, swapped, changed
    assert "riga" not in keys and "ria" in keys and "rgia" in keys
    assert "rigaaa" not in keys and "gira" not in keys  # two edits away


def test_strip_accents_keeps_other_scripts():
    assert strip_accents("Brześć") == "Brzesc"
    assert strip_accents("Брест") == "Брест"
