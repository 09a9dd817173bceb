"""Gazetteer fixtures: the shared default index (built once, cached) and a tiny GeoNames dump."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer

# Three rows in the GeoNames table format (19 tab-separated columns), made up for the tests:
# a city with an alternate name, a first-level region, and a hotel (a landmark).
TINY_DUMP = "\n".join("\t".join(row) for row in [
    ["900001", "Testograd", "Testograd", "Testgrad,Тестоград", "52.5", "24.5", "P", "PPLA",
     "BY", "", "01", "", "", "", "120000", "", "150", "Europe/Minsk", "2024-01-01"],
    ["900002", "Testovskaya Oblast", "Testovskaya Oblast", "", "52.7", "25.0", "A", "ADM1",
     "BY", "", "01", "", "", "", "0", "", "150", "Europe/Minsk", "2024-01-01"],
    ["900003", "Hotel Testograd", "Hotel Testograd", "", "52.51", "24.51", "S", "HTL",
     "BY", "", "01", "", "", "", "0", "", "150", "Europe/Minsk", "2024-01-01"],
]) + "\n"


@pytest.fixture(scope="session")
def gz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture
def tiny_dump(tmp_path):
    path = tmp_path / "XX.txt"
    path.write_text(TINY_DUMP, encoding="utf-8")
    return path
