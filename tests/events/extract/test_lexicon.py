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
