"""The lexicon tables: every row cites the guideline, and its own example shows it working."""

from __future__ import annotations

import re
import tomllib

import pytest

from events.extract import lexicon

TRIGGERS = tomllib.loads((lexicon.LEXICON_DIR / "triggers.toml").read_text(encoding="utf-8"))["trigger"]


@pytest.mark.parametrize("row", TRIGGERS, ids=lambda r: r["pattern"][:30])
def test_each_trigger_row_cites_the_guideline_and_matches_its_example(row):
    assert row["type"] in lexicon.cameo_codes()
    assert row["guideline"].startswith("§")
    pattern = re.compile(r"\b(?:" + row["pattern"].replace("{FORCE}", lexicon.force_nouns()) + r")\b",
                         re.IGNORECASE)
    assert pattern.search(row["example"]), row["example"]


@pytest.mark.parametrize("name", ["types", "military", "modality", "filters"])
def test_every_row_of_every_table_has_an_example(name):
    data = tomllib.loads((lexicon.LEXICON_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    [rows] = data.values()
    assert rows and all(row.get("example") for row in rows)


def test_cameo_codes_keep_their_leading_zero():
    assert lexicon.cameo_codes() == {"meeting": "040", "visit": "042", "summit": "044",
                                     "deployment": "154", "exercise": "152"}


def test_an_unknown_filter_is_a_clear_error():
    with pytest.raises(KeyError, match="no filter 'nonsense'"):
        lexicon.filter_words("nonsense")


@pytest.mark.parametrize("row", TRIGGERS, ids=lambda r: r["pattern"][:30])
def test_the_keyword_prefilter_lets_each_rows_example_through(row):
    [group] = [group for group in lexicon.trigger_patterns()
               if (group.type, group.needs_place, group.needs_force)
               == (row["type"], row.get("needs_place", False), row.get("needs_force", False))]
    assert group.may_match(row["example"].casefold()), group.keywords


@pytest.mark.parametrize("pattern, words", [
    (r"\b(?:met|meet(?:s|ing)?)\b", {"met", "meet"}),
    (r"(?:very |most )?cordial talks", {"cordial talks"}),        # an optional part is not required
    (r"(?:[A-Z]\w+ ){1,2}summit", {"summit"}),                    # the longest required word wins
    (r"(?:visit|trip)s? (?:to|in)", {"visit to", "visit in", "trip to", "trip in",
                                     "visits to", "visits in", "trips to", "trips in"}),
    (r"(?-i:ISAF) troops", {"isaf troops"}),                      # compared case-folded
    (r"Stra(?:ß|ss)e", {"strasse"}),                              # "ß" folds to "ss"
    (r"\w+ed", {"ed"}),
    (r"(?:talks|\w+ing) with", {" with"}),                         # a branch without a word falls back
    (r"\w+|talks", None),                                          # nothing every match must hold
])
def test_required_words_are_what_every_match_must_contain(pattern, words):
    compiled = re.compile(pattern, re.IGNORECASE)
    found = lexicon.required_words(compiled)
    assert (None if found is None else set(found)) == words
