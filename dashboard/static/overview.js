// The overview map's changing layer (see dashboard/mapview.py, OverviewLayer): above the
// dashboard's detail limit the app sends, for the view the map reports, either counts per grid
// cell (P.cells) or, once the view holds few enough events, the events themselves (P.markers,
// drawn by gtMarkers from events.js). streamlit-folium swaps this layer on every rerun without
// rebuilding the map, so panning and zooming keep their place.
// A cell is [lat, lon, count, south, west, north, east, count of each type in P.types order];
// P.one[k] says cell k is a single place (one cell of the store's finest grid).
function gtOverview(map, layer, P) {
  var base = window.gtBase;
  // One layer at a time: the one this call replaces goes, whoever added it.
  if (window.gtOverviewLayer && window.gtOverviewLayer !== layer) {
    window.gtOverviewLayer.clearLayers();
    map.removeLayer(window.gtOverviewLayer);
  }
  window.gtOverviewLayer = layer;
  window.gtOverviewCells = null;
  window.gtEvents = null;
  if (P.markers) {
    return window.gtMarkers(map, P.markers, layer);
  }
  function icon(cell) {
    var count = cell[2], stops = [], at = 0;
    for (var t = 0; t < P.colors.length; t++) {
      var share = cell[7 + t] / count * 100;
      if (share > 0) {
        stops.push(P.colors[t] + " " + at.toFixed(2) + "% " + (at + share).toFixed(2) + "%");
        at += share;
      }
    }
    var size = count < 10 ? 30 : count < 1000 ? 38 : count < 100000 ? 46 : 54;
    var text = count < 1000 ? String(count) :
      count < 10000 ? (count / 1000).toFixed(1) + "k" : Math.round(count / 1000) + "k";
    var el = document.createElement("span");
    el.style.background = "conic-gradient(" + stops.join(",") + ")";
    var label = el.appendChild(document.createElement("b"));
    label.textContent = text;
    label.title = count.toLocaleString("en") + " events: click to zoom in";
    return L.divIcon({className: "gt-cluster gt-cell", iconSize: [size, size], html: el});
  }
  function count(cell) { return cell[2].toLocaleString("en"); }
  var drawn = [];
  P.cells.forEach(function (cell, k) {
    var m = L.marker([cell[0], cell[1]], {icon: icon(cell), keyboard: true,
      title: cell[2] + " events"});
    m.gtCell = cell;
    // All at one place: nothing to zoom into. The click reaches the app as a marker's does and
    // opens the place's passages (the first by date); narrower filters make them markers.
    var onePlace = P.one[k];
    if (onePlace) {
      m.bindTooltip(count(cell) + " events at one place: click to read the first of them " +
                    "below; narrow the filters to see each as a marker",
                    {direction: "auto", className: "gt-tooltip"});
      layer.addLayer(m);
      drawn.push(m);
      return;
    }
    // Zoom to the cell's events (one step at least).
    m.on("click", function () {
      var b = L.latLngBounds([cell[3], cell[4]], [cell[5], cell[6]]);
      var zoom = map.getBoundsZoom(b, false, L.point(60, 60));
      zoom = Math.min(map.getMaxZoom(), Math.max(map.getZoom() + 1, zoom));
      map.setView([cell[0], cell[1]], zoom);  // centred on the cell's events' middle
    });
    layer.addLayer(m);
    drawn.push(m);
  });
  // For tests and debugging in the browser.
  window.gtOverviewCells = {markers: drawn, data: P, padding: base && base.fitPadding()};
  return window.gtOverviewCells;
}
window.gtOverview = gtOverview;
