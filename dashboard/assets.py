"""Leaflet and Leaflet.markercluster served from the machine, so the map renders with no internet.

The files come from the ``xstatic-leaflet`` and ``xstatic-leaflet-markercluster`` packages
(installed from PyPI with the rest of requirements.txt); nothing is copied into the repository.
They reach the browser as ``data:`` URIs in place of folium's CDN links: streamlit-folium loads
``default_js`` one by one and stops at the first script that fails, so a single CDN link left in
the list is enough to leave the map blank offline. ``data:`` URIs need no static file route, no
writable directory and no particular Streamlit version (older Streamlit releases serve ``.js``
from ``/app/static`` as ``text/plain``, which browsers refuse to run).
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster

LEAFLET_DIR = Path(xs_leaflet.BASE_DIR)
CLUSTER_DIR = Path(xs_cluster.BASE_DIR)

# A trailing sourceMappingURL would make devtools ask for a map next to a data: URI.
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
# Leaflet's CSS points at its images relatively; a data: URI stylesheet has no base to resolve them.
_CSS_IMAGE = re.compile(r"url\((images/[A-Za-z0-9_.-]+\.png)\)")


def _data_uri(mime: str, payload: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


def _read(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"map asset missing: {path} (pip install -r requirements.txt)")
    return path.read_text(encoding="utf-8")


def _script(path: Path) -> str:
    return _data_uri("text/javascript", _SOURCE_MAP.sub("", _read(path)).encode("utf-8"))


def _stylesheet(path: Path) -> str:
    css = _read(path)

    def inline_image(match: re.Match[str]) -> str:
        image = path.parent / match.group(1)
        return f"url({_data_uri('image/png', image.read_bytes())})"

    return _data_uri("text/css", _CSS_IMAGE.sub(inline_image, css).encode("utf-8"))


@functools.cache
def leaflet_js() -> list[tuple[str, str]]:
    """folium-style ``(name, url)`` pairs for Leaflet's script, as data: URIs."""
    return [("leaflet", _script(LEAFLET_DIR / "leaflet.js"))]


@functools.cache
def leaflet_css() -> list[tuple[str, str]]:
    return [("leaflet_css", _stylesheet(LEAFLET_DIR / "leaflet.css"))]


@functools.cache
def cluster_js() -> list[tuple[str, str]]:
    return [("markercluster", _script(CLUSTER_DIR / "leaflet.markercluster.js"))]


@functools.cache
def cluster_css() -> list[tuple[str, str]]:
    return [
        ("markercluster_css", _stylesheet(CLUSTER_DIR / "MarkerCluster.css")),
        ("markercluster_default_css", _stylesheet(CLUSTER_DIR / "MarkerCluster.Default.css")),
    ]


STATIC = Path(__file__).resolve().parent / "static"


@functools.cache
def static_text(name: str) -> str:
    """A script or stylesheet of the dashboard's own, from ``dashboard/static`` (kept as files,
    not Python strings, so editors and linters see them as JavaScript and CSS)."""
    return (STATIC / name).read_text(encoding="utf-8")


def is_local(url: str) -> bool:
    """True for a URL that needs no network (what every map asset must be)."""
    return url.startswith("data:")
