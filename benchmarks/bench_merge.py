"""Cross-article merging speed: events.merge.merge on 1k, 10k and 100k synthetic events.

    python benchmarks/bench_merge.py

The events mimic a news archive: 2,000 places, two years of dates, 30% of reports repeating an
earlier event from another article (so that there is something to merge).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from events.merge import merge  # noqa: E402
from events.model import Event, Span  # noqa: E402

TYPES = ("meeting", "visit", "summit", "deployment", "exercise")


def synthetic(count: int, seed: int = 0) -> list[Event]:
    rng = random.Random(seed)
    places = [(f"p{i}", rng.uniform(-60, 70), rng.uniform(-180, 180)) for i in range(2000)]
    events = []
    for n in range(count):
        if events and rng.random() < 0.3:
            base = rng.choice(events)
            kind, place, day = base.type, (base.place_id, base.lat, base.lon), base.date_start
        else:
            kind, place = rng.choice(TYPES), rng.choice(places)
            day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
        undated = rng.random() < 0.2
        events.append(Event(
            id=f"e{n}", type=kind, cameo="040", article_id=f"a{n // 3}", evidence="...",
            evidence_start=0, evidence_end=3, trigger_span=Span(0, 3),
            date_start=None if undated else day, date_end=None if undated else day,
            date_granularity="none" if undated else "day", place_id=place[0], lat=place[1],
            lon=place[2], reported=day, sources=(f"a{n // 3}",)))
    return events


def main() -> None:
    print(f"{'events':>8} {'merged':>8} {'seconds':>8}")
    for count in (1_000, 10_000, 100_000):
        events = synthetic(count)
        started = time.perf_counter()
        merged = merge(events)
        print(f"{count:>8} {len(merged):>8} {time.perf_counter() - started:>8.2f}")


if __name__ == "__main__":
    main()
