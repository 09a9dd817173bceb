"""Toponym resolution: pick one Place per mention using the whole text as context.

Evidence, added to each candidate's prior (population, level, own name vs alternate name):
the countries the text mentions (names and demonyms), the regions it mentions, an enclosing
name right after the mention ("Vlore, Albania", "Qufu, a city in Shandong"), and proximity to
the other places of the text. A name repeated in one text means one place (one sense per
discourse).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from gazetteer.geo import distance_km
from gazetteer.normalize import name_key
from gazetteer.place import Place, Toponym
from gazetteer.scoring import contains, name_priors
from gazetteer.toponyms import Mention

COUNTRY_CONTEXT = 1.5
COUNTRY_CONTEXT_PER_VOTE = 0.4
REGION_CONTEXT = 2.5
REGION_SPECIFIC_POPULATION = 8_000_000
ENCLOSING = 4.0
NEARBY = 0.6
MAX_NEARBY = 3
NEARBY_KM = 300.0
ALT_NAME_CONTEXT = 0.5
MAX_CANDIDATES = 10
# A dateline ("WASHINGTON (Reuters) -", "MINSK, Dec 3 -") names the city a news bureau files
# from: a capital or a big city.
DATELINE = 2.0
DATELINE_POPULATION = 100_000
DATELINE_WITHIN = 300  # characters from the start of the text (after a title line at most)
_DATELINE = re.compile(r"[A-Z][A-Z .'\-]+(?=\s*(?:\(|,|-|\u2014|\u2013|$))")
# "Vlore, Albania", "Qufu, a city in Shandong", "Hrodna in Belarus": the second name encloses.
_ENCLOSING_GAP = re.compile(r"^(?:,\s*|\s+in\s+|,\s*(?:a|the)\s+(?:\w+\s+){0,3}(?:in|of)\s+)$")


def _dedupe(cands: tuple[tuple[Place, bool], ...]) -> list[tuple[Place, bool]]:
    best: dict[str, tuple[Place, bool]] = {}
    for place, own in cands:
        if place.id not in best or (own and not best[place.id][1]):
            best[place.id] = (place, own)
    return list(best.values())


# Kilometres per radian of latitude along a meridian, the least a great circle can cover for it
# (the same Earth radius as distance_km; one km to spare for rounding).
_KM_PER_RADIAN = 6371.0088
_LATITUDE_SPARE_KM = 1.0


def _nearby(place: Place, other: Place, known: dict[tuple[float, float, float, float], bool]) -> bool:
    """``distance_km(place, other) < NEARBY_KM``, remembered in ``known``; places further apart
    in latitude alone than NEARBY_KM are far without computing the distance."""
    pair = (place.lat, place.lon, other.lat, other.lon)
    near = known.get(pair)
    if near is None:
        if _KM_PER_RADIAN * abs(math.radians(place.lat - other.lat)) > NEARBY_KM + _LATITUDE_SPARE_KM:
            near = False
        else:
            near = distance_km(place.lat, place.lon, other.lat, other.lon) < NEARBY_KM
        known[pair] = near
    return near


def resolve(text: str, mentions: list[Mention]) -> list[Toponym]:
    # A name's candidates, their priors and its best guess depend on the candidates alone: worked
    # out once per candidate tuple (the recogniser gives every mention of a name the same one).
    alone: dict[int, tuple[list[tuple[Place, bool]], dict[str, float], Place]] = {}
    for m in mentions:
        if id(m.candidates) not in alone:
            deduped = _dedupe(m.candidates)
            pr = name_priors(deduped)
            alone[id(m.candidates)] = (deduped, pr, max(deduped, key=lambda po, pr=pr: pr[po[0].id])[0])
    cands = [alone[id(m.candidates)][0] for m in mentions]
    keys = [name_key(text[m.start:m.end]) for m in mentions]
    priors = [alone[id(m.candidates)][1] for m in mentions]
    first = [alone[id(m.candidates)][2] for m in mentions]

    # Context votes, each remembered with the mention it came from so that a mention does not
    # vote for itself.
    country_votes: Counter[str] = Counter()
    region_votes: Counter[tuple[str, str]] = Counter()  # weighted
    for m, pick in zip(mentions, first, strict=True):
        if pick.level == "country" or m.kind == "demonym":
            country_votes[pick.country_code] += 1
        elif pick.level == "region" and pick.country_code:
            # a big region ("England", "California") says less about a town than a small one
            weight = min(1.0, REGION_SPECIFIC_POPULATION / max(pick.population, 1))
            region_votes[(pick.country_code, name_key(pick.admin1 or pick.name))] += weight
            country_votes[pick.country_code] += 0.5
        elif pick.population >= 100_000 and pick.country_code:
            country_votes[pick.country_code] += 0.5

    # One sense per discourse: the same name gets the same place throughout the text, the one
    # with the highest sum of scores over its mentions (added up as they are scored, in order).
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    # Whether two points are within NEARBY_KM, per pair: a text names the same few places again
    # and again, each time with much the same neighbours.
    nearby: dict[tuple[float, float, float, float], bool] = {}
    neighbourhoods: dict[tuple[tuple[float, float], ...], dict[tuple[float, float], int]] = {}
    for idx, (m, cs) in enumerate(zip(mentions, cands, strict=True)):
        own_pick = first[idx]
        nxt = cands[idx + 1] if idx + 1 < len(mentions) else None
        prv = cands[idx - 1] if idx > 0 else None
        enclosed_by = nxt if nxt and _ENCLOSING_GAP.match(
            text[m.end:mentions[idx + 1].start]) else None
        encloses = prv if prv and _ENCLOSING_GAP.match(
            text[mentions[idx - 1].end:m.start]) else None
        own_key = keys[idx]
        neighbours = {first[k].id: first[k] for k in range(max(0, idx - 8), min(len(first), idx + 9))
                      if keys[k] != own_key and first[k].level in ("city", "landmark")}.values()
        # how many of these neighbours lie near a point, for each point asked about
        near_counts = neighbourhoods.setdefault(tuple((n.lat, n.lon) for n in neighbours), {})
        # (a dateline that names its region or country, "PARIS, Mo.", needs no such help)
        dateline = m.kind == "name" and enclosed_by is None and m.start < DATELINE_WITHIN and \
            "\n" not in text[:m.start].strip() and _DATELINE.match(text, m.start) is not None
        sc: dict[str, float] = {}
        for place, own in cs:
            base = s = priors[idx][place.id]
            cc = place.country_code
            votes = country_votes[cc] - (1 if own_pick.country_code == cc and (
                own_pick.level == "country" or m.kind == "demonym") else 0)
            if cc and votes > 0:
                s += COUNTRY_CONTEXT + COUNTRY_CONTEXT_PER_VOTE * min(votes, 3)
            region_key = (cc, name_key(place.admin1))
            self_vote = own_pick.level == "region" and region_key == (
                own_pick.country_code, name_key(own_pick.admin1 or own_pick.name))
            region_vote = region_votes[region_key] - (
                min(1.0, REGION_SPECIFIC_POPULATION / max(own_pick.population, 1))
                if self_vote else 0.0)
            if place.level in ("city", "region") and region_vote > 0.01:
                s += REGION_CONTEXT * min(region_vote, 1.0)
            if dateline and place.level == "city" and (
                    place.feature == "PPLC" or place.population >= DATELINE_POPULATION):
                s += DATELINE
            if enclosed_by and any(contains(o, place) for o, _ in enclosed_by):
                s += ENCLOSING
            if encloses and any(contains(place, i) for i, _ in encloses):
                s += ENCLOSING / 2
            if place.level in ("city", "landmark"):
                near = near_counts.get((place.lat, place.lon))
                if near is None:
                    near = near_counts[(place.lat, place.lon)] = sum(
                        _nearby(place, n, nearby) for n in neighbours)
                s += NEARBY * min(near, MAX_NEARBY)
            if not own:
                # context helps a place found under one of its alternate names half as much
                s = base + (s - base) * ALT_NAME_CONTEXT
            sc[place.id] = s
        totals[own_key].update(sc)

    by_key: dict[str, dict[str, Place]] = defaultdict(dict)
    for key, cs in zip(keys, cands, strict=True):
        by_key[key].update((p.id, p) for p, _ in cs)
    chosen: dict[str, tuple[Place, ...]] = {  # the best first, one tuple shared by the name's mentions
        key: tuple(by_key[key][pid] for pid, _ in total.most_common(MAX_CANDIDATES))
        for key, total in totals.items()}
    out: list[Toponym] = []
    for m, key in zip(mentions, keys, strict=True):
        ranked = chosen[key]
        out.append(Toponym(start=m.start, end=m.end, text=text[m.start:m.end], kind=m.kind,
                           place=ranked[0] if ranked else None, candidates=ranked))
    return out
