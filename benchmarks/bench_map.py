"""Map payload speed and size for 1k, 10k and 100k synthetic events.

    python -m benchmarks.bench_map [N ...]

For each size: the one-off cost of turning Events into the dashboard's table (cached by the app),
then the time from a filter change to the map being ready to send (filter the table, build the
folium map, render the script streamlit-folium sends) and the size of that script. Targets at
100k events: <= 1.5 s and <= 5 MB.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

import pandas as pd

from dashboard import filters, mapview
from dashboard.data import events_frame
from events.model import EVENT_TYPES, Article, Event, Span

# A spread of real-looking places: (name, country, lat, lon).
_PLACES = [
    ("Minsk", "BY", 53.9, 27.56667), ("Brest", "BY", 52.09755, 23.68775),
    ("Moscow", "RU", 55.75222, 37.61556), ("Warsaw", "PL", 52.22977, 21.01178),
    ("Astana", "KZ", 51.1801, 71.44598), ("Kyiv", "UA", 50.45466, 30.5238),
    ("Vilnius", "LT", 54.68916, 25.2798), ("Riga", "LV", 56.946, 24.10589),
]
_EVIDENCE = "Officials said the {t} near {p} on {d} involved several delegations and units."


def synthetic_events(n: int, seed: int = 7) -> tuple[list[Event], dict[str, Article]]:
    rng = random.Random(seed)
    articles = {}
    events = []
    first = dt.date(2015, 1, 1)
    for i in range(n):
        article_id = f"a{i // 5}"
        if article_id not in articles:
            articles[article_id] = Article(
                id=article_id, text="", title=f"Report {article_id}",
                published=first + dt.timedelta(days=rng.randrange(3650)), source="synthetic",
            )
        name, country, lat, lon = rng.choice(_PLACES)
        lat += rng.uniform(-3, 3)
        lon += rng.uniform(-4, 4)
        kind = rng.random()
        start = first + dt.timedelta(days=rng.randrange(3650))
        if kind < 0.6:
            end, granularity = start, "day"
        elif kind < 0.8:
            start = start.replace(day=1)
            end, granularity = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(
                days=1), "month"
        else:
            start = end = None
            granularity = "none"
        event_type = EVENT_TYPES[i % len(EVENT_TYPES)]
        evidence = _EVIDENCE.format(t=event_type, p=name, d=start or "an unknown day")
        events.append(Event(
            id=f"e{i}", type=event_type, cameo="036", article_id=article_id, evidence=evidence,
            evidence_start=0, evidence_end=len(evidence), trigger_span=Span(22, 22 + len(
                event_type)), date_start=start, date_end=end, date_granularity=granularity,
            reported=articles[article_id].published, place_id=f"p{i % 5000}",
            place_name=f"{name} {i % 5000}", country_code=country, lat=round(lat, 5),
            lon=round(lon, 5), place_level="country" if i % 50 == 0 else "city",
            uncertainty_km=25.0 if i % 10 == 0 else None, actors=("Official A",),
        ))
    return events, articles


def synthetic_frame(n: int) -> pd.DataFrame:
    events, articles = synthetic_events(n)
    return events_frame(events, articles)


def payload_script(frame: pd.DataFrame) -> str:
    """What streamlit-folium sends to the browser for this map (its own rendering path)."""
    import streamlit_folium

    fmap = mapview.build_map(frame)
    fmap.get_root().render()
    script = streamlit_folium._get_map_string(fmap)
    # st_folium hashes the script on every rerun to key the component; part of the cost.
    streamlit_folium.generate_js_hash(script, "event_map")
    return script


def run(n: int) -> dict[str, float]:
    t0 = time.perf_counter()
    frame = synthetic_frame(n)
    load_s = time.perf_counter() - t0
    span = filters.data_span(frame)
    assert span is not None
    # A filter change: the last eight years, no exercises.
    chosen = filters.Filters(start=span[0] + dt.timedelta(days=730), end=span[1],
                             types=("meeting", "visit", "summit", "deployment"))
    t1 = time.perf_counter()
    shown = filters.apply(frame, chosen)
    script = payload_script(shown)
    ready_s = time.perf_counter() - t1
    return {"events": n, "shown": len(shown), "table_s": load_s, "filter_to_payload_s": ready_s,
            "payload_mb": len(script.encode("utf-8")) / 1e6}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1_000, 10_000, 100_000]
    payload_script(synthetic_frame(10))  # warm-up: map assets and outlines are read once a process
    print(f"{'events':>8} {'shown':>8} {'table (once)':>13} {'filter->payload':>16} {'payload':>9}")
    for n in sizes:
        r = run(n)
        print(f"{r['events']:>8,} {r['shown']:>8,} {r['table_s']:>12.2f}s "
              f"{r['filter_to_payload_s']:>15.2f}s {r['payload_mb']:>7.2f}MB")


if __name__ == "__main__":
    main(sys.argv[1:])
