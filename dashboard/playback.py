"""Time-lapse playback on the event map: play, pause, step by day, week or month, speed,
window or cumulative, all in the browser (``static/playback.js``).

folium's ``TimestampedGeoJson`` was the first choice, but it needs Leaflet.TimeDimension,
jQuery, jQuery UI, moment and iso8601-js-period, which folium loads from CDNs and no installed
package ships, so it cannot work offline. This control reuses the markers the map already has:
each frame adds and removes only the markers entering or leaving the window (markercluster's
batch calls), with the days sent once in the map's payload (``mapview.map_payload``: ``s``/``e``).
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from dashboard.assets import static_text


class PlaybackControl(MacroElement):
    """The play control; add it to a map after ``mapview.EventLayer``."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
{{ this.script }}
gtPlayback({{ this._parent.get_name() }}, window.gtEvents);
{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "PlaybackControl"
        self.script = static_text("playback.js")
