"""Postal-style abbreviations of first-level regions as news agencies write them after a town
("Edmonton, Ky.", "Churchill, Man."): AP style for US states, Canadian Press for provinces."""

from __future__ import annotations

# abbreviation (without its dot) -> (country code, region name as in admin1.csv/supplement.csv)
REGION_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    **{a: ("US", n) for a, n in {
        "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
        "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
        "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas",
        "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts",
        "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
        "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska", "Nev": "Nevada",
        "N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York",
        "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon",
        "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina",
        "S.D": "South Dakota", "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont",
        "Va": "Virginia", "Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin",
        "Wyo": "Wyoming", "D.C": "District of Columbia"}.items()},
    **{a: ("CA", n) for a, n in {
        "Alta": "Alberta", "B.C": "British Columbia", "Man": "Manitoba", "N.B": "New Brunswick",
        "N.L": "Newfoundland and Labrador", "Nfld": "Newfoundland and Labrador",
        "N.S": "Nova Scotia", "Ont": "Ontario", "P.E.I": "Prince Edward Island",
        "Que": "Quebec", "Sask": "Saskatchewan"}.items()},
}
