"""The dashboard on big stores: 10k, 100k and 1M events.

    python benchmarks/bench_map.py                      # 10,000, 100,000 and 1,000,000 events
    python benchmarks/bench_map.py --events 1000000     # one size
    python benchmarks/bench_map.py --events 100000 --keep /tmp/stores   # keep (and reuse) stores

For each size, ``benchmarks/synthetic_store.py`` makes a store from the real extracted events
(see there: copies varied in place and date, indexed by the store's own triggers), and prints
its build time and size. Then a fresh process runs the dashboard page (``dashboard/app.py``)
against it under Streamlit's ``AppTest``, the same script ``streamlit run`` executes, with
``st_folium`` replaced by a recorder that keeps what streamlit-folium would send, and times:

- **first render**: the first run of the page on this store in a process that has run it once
  on the two sample articles (as a server that is up: modules imported, map assets read), so
  the store's catalog, counts, grid, timeline and table are all computed from nothing; the OS
  file cache is warm, as it is right after the store was written;
- **filter change**: a later run after the date slider moves (the first year left out), and
  after the event type changes (exercises left out); the slower of the two is reported;
- **payload**: what streamlit-folium sends to the browser for the map: the map's script, its
  changing layer (``feature_group_to_add``), the page head, and Leaflet with its cluster plugin
  (inlined as data: URIs, since the map works offline);
- **peak RSS**: the maximum resident memory of that process (Streamlit runtime + page + caches).

The browser's own drawing time is not in these figures (see tests/dashboard/test_browser_scale.py
for the page in chromium). The last line reads
``1000000 events: first render S s, filter change S s, payload N MB, peak RSS N MB``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

SIZES = (10_000, 100_000, 1_000_000)


class RecordingMap:
    """Stands in for ``st_folium``: keeps the bytes streamlit-folium would send for each map."""

    def __init__(self) -> None:
        self.sent: list[int] = []

    def __call__(self, fig, **kwargs):  # noqa: ANN001, ANN204 - st_folium's signature
        import streamlit_folium

        script = streamlit_folium._get_map_string(fig)
        head = fig.get_root().header.render()
        layer = kwargs.get("feature_group_to_add")
        extra = streamlit_folium._get_feature_group_string(layer, map=fig, idx=0) if layer else ""
        # st_folium hashes the script on every rerun to key the component; part of the cost.
        streamlit_folium.generate_js_hash(script, kwargs.get("key"), False)
        # Leaflet and its plugin travel inline, as data: URIs among the component's links.
        links = {src for element in _walk(fig)
                 for _, src in [*getattr(element, "default_js", []),
                                *getattr(element, "default_css", [])]}
        sent = script + head + extra + "".join(links)
        self.sent.append(len(sent.encode("utf-8")))
        return {"last_object_clicked": None}


def _walk(element):  # noqa: ANN001, ANN202 - branca elements
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def measure(store: Path) -> dict[str, float]:
    """Run the page on ``store`` in this process, once warmed up on the sample articles (as a
    running server is: modules imported, map assets read), and time it."""
    from streamlit.testing.v1 import AppTest

    app = str(REPO / "dashboard" / "app.py")
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["GEOTIMELINE_DB"] = str(Path(scratch) / "samples.sqlite")
        with mock.patch("streamlit_folium.st_folium", RecordingMap()):
            _check(AppTest.from_file(app, default_timeout=600).run())
    os.environ["GEOTIMELINE_DB"] = str(store)
    recorder = RecordingMap()
    at = AppTest.from_file(app, default_timeout=600)
    with mock.patch("streamlit_folium.st_folium", recorder):
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        _check(at)
        payload = recorder.sent[-1]
        slider = at.sidebar.slider[0]
        lo, hi = slider.value
        slider.set_value((lo + dt.timedelta(days=365), hi))
        t1 = time.perf_counter()
        at.run()
        dates = time.perf_counter() - t1
        _check(at)
        at.sidebar.multiselect[0].set_value(["meeting", "visit", "summit", "deployment"])
        t2 = time.perf_counter()
        at.run()
        types = time.perf_counter() - t2
        _check(at)
    shown = next(m.value for m in at.markdown if " events** from " in m.value)
    return {"first_render_s": first, "date_change_s": dates, "type_change_s": types,
            "payload_bytes": max(payload, recorder.sent[-1]),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "shown": shown.split("**")[1]}


def _check(at) -> None:  # noqa: ANN001
    if at.exception:
        raise SystemExit(f"the page failed: {[e.value for e in at.exception]}")


def run(events: int, folder: Path, *, reuse: bool) -> dict[str, float]:
    import synthetic_store

    store = folder / f"bench-{events}.sqlite"
    built: dict[str, float] = {}
    if not (reuse and store.exists()):
        built = synthetic_store.build(store, events)
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(store)], capture_output=True, text=True,
        check=False, cwd=REPO,
    )
    if out.returncode != 0:
        raise SystemExit(f"measuring {store} failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return {**result, **built, "bytes": store.stat().st_size}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--keep", type=Path, help="make the stores here and keep them; a store "
                        "already there of the same size is reused")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} "
          f"{load[2]:.1f}")
    print(f"{'events':>10} {'build':>8} {'store':>8} {'first render':>13} {'date change':>12} "
          f"{'type change':>12} {'payload':>9} {'peak RSS':>9}  shown")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        lines = []
        for n in args.events:
            r = run(n, folder, reuse=args.keep is not None)
            build = (f"{r['extract_s'] + r['copy_s']:>7.1f}s" if "copy_s" in r
                     else f"{'reused':>8}")
            print(f"{n:>10,} {build} {r['bytes'] / 1e6:>6.0f}MB {r['first_render_s']:>12.2f}s "
                  f"{r['date_change_s']:>11.2f}s {r['type_change_s']:>11.2f}s "
                  f"{r['payload_bytes'] / 1e6:>7.2f}MB {r['peak_rss_mb']:>7.0f}MB  {r['shown']}",
                  flush=True)
            change = max(r["date_change_s"], r["type_change_s"])
            lines.append(f"{n} events: first render {r['first_render_s']:.2f} s, filter change "
                         f"{change:.2f} s, payload {r['payload_bytes'] / 1e6:.2f} MB, peak RSS "
                         f"{r['peak_rss_mb']:.0f} MB")
        print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
