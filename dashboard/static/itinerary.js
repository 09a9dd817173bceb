// An actor's itinerary (see dashboard/itinerary.py): stops T.lat/T.lon in date order joined by
// a path with an arrow on each leg, and each stop's number and dates as a label (textContent).
function gtItinerary(map, T) {
  var n = T.lat.length;
  if (!n) { return; }
  var pane = map.createPane("gtTrip");
  pane.style.zIndex = 590;  // under the event markers (600), so they stay clickable
  pane.style.pointerEvents = "none";
  var points = T.lat.map(function (lat, i) { return L.latLng(lat, T.lon[i]); });
  var layer = L.layerGroup().addTo(map);
  L.polyline(points, {pane: "gtTrip", color: "#1f2328", weight: 3, opacity: 0.85,
                      interactive: false}).addTo(layer);
  // Mercator keeps angles, so a leg's direction on screen is the same at every zoom.
  for (var i = 1; i < n; i++) {
    var a = map.project(points[i - 1], 0), b = map.project(points[i], 0);
    if (a.distanceTo(b) < 1e-9) { continue; }
    var angle = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
    var mid = map.unproject(a.add(b).divideBy(2), 0);
    var arrow = document.createElement("div");
    arrow.className = "gt-trip-arrow";
    arrow.style.transform = "rotate(" + angle.toFixed(1) + "deg)";
    L.marker(mid, {pane: "gtTrip", interactive: false, keyboard: false,
      icon: L.divIcon({className: "gt-trip-arrow-box", iconSize: [14, 14], html: arrow})})
      .addTo(layer);
  }
  // One label per place, a line per visit (T.places: [lat, lon, lines]).
  for (var s = 0; s < T.places.length; s++) {
    var place = T.places[s];
    var label = document.createElement("span");
    label.textContent = place[2];
    var stop = L.circleMarker([place[0], place[1]], {pane: "gtTrip", radius: 4,
      color: "#1f2328", weight: 2, fillColor: "#fff", fillOpacity: 1, interactive: false})
      .addTo(layer);
    if (n <= T.maxLabels) {
      stop.bindTooltip(label, {permanent: true, direction: "right", offset: [10, 0],
                               className: "gt-trip-label", interactive: false});
    }
  }
  window.gtTrip = {layer: layer, data: T};
}
