"""Browser helper shared by the browser tests and the screenshot script: bring one event's marker
out of its clusters, clicking them as a user would."""

from __future__ import annotations

import contextlib
import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout

MAP = "iframe[title='streamlit_folium.st_folium']"

# One step: pan to the marker's cluster, zoom where another marker covers it, or mark the cluster
# (``cluster_class``) or the marker itself (``marker_class``) for the caller to click.
_STEP = """([i, markerClass, clusterClass]) => {
  const g = window.gtEvents, m = g.markers[i];
  const shown = g.group.getVisibleParent(m);
  const inner = window.map.getBounds().pad(-0.15);
  if (!shown || !inner.contains(shown.getLatLng())) {
    window.map.panTo((shown || m).getLatLng(), {animate: false});
    return "pan";
  }
  const icon = shown.getElement(), box = icon.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (!icon.contains(top)) {  // another marker lies on it: zoom in there
    window.map.setView(shown.getLatLng(), window.map.getZoom() + 1, {animate: false});
    return "zoom";
  }
  if (shown === m) { icon.classList.add(markerClass); return "marker"; }
  icon.classList.add(clusterClass);
  return "cluster";
}"""


def reveal_marker(page, frame, index: int, marker_class: str, cluster_class: str,
                  steps: int = 25) -> bool:
    """Whether marker ``index`` ends up drawn on its own, marked with ``marker_class``."""
    for _ in range(steps):
        state = frame.evaluate(_STEP, [index, marker_class, cluster_class])
        if state == "marker":
            return True
        if state == "cluster":
            # A rerun may redraw the markers after this step marked one: then look again.
            with contextlib.suppress(PlaywrightTimeout):
                frame.locator(f".{cluster_class}").click(timeout=5_000)
        page.wait_for_timeout(750)  # zoom / spiderfy animation
    return False


def map_frame(page, test: str, timeout_s: float = 60):
    """The map's frame once ``test`` (a JavaScript expression) holds in it; the map's frame may
    be replaced meanwhile (a rerun with other filters mounts a new map)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for handle in page.locator(MAP).element_handles():
            frame = handle.content_frame()
            try:
                if frame is not None and frame.evaluate(f"() => Boolean({test})"):
                    return frame
            except Exception as e:  # noqa: BLE001 - a frame replaced while we looked
                if "detached" not in str(e):
                    raise
        page.wait_for_timeout(250)
    raise AssertionError(f"no map frame where {test}")
