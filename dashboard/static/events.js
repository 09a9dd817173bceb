// The event map's behaviour (see dashboard/mapview.py): the local basemap and legend
// (gtBasemap), one clustered marker per event from a columnar payload D (gtMarkers), and how
// clicks, zooms and tooltips behave. Every string from an article reaches the page through
// textContent, never as HTML.
function gtBasemap(map, opts) {
  // Without a tile layer (tiles=False) the map has no maxZoom, which clustering needs.
  if (!isFinite(map.getMaxZoom())) { map.setMaxZoom(18); }

  // Local basemap beneath the tiles: hidden by them online, visible when they cannot load.
  map.getContainer().style.background = "#dbe9f4";
  if (opts.outlines) {
    map.createPane("gtBasemap").style.zIndex = 150;
    L.geoJSON(opts.outlines, {pane: "gtBasemap", interactive: false,
      style: {color: "#8a96a3", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
  }
  // City names for the local basemap, drawn only for the current view and zoom.
  var cities = opts.cities || [];
  if (cities.length) {
    var labelPane = map.createPane("gtBasemapLabels");
    labelPane.style.zIndex = 160;
    labelPane.style.pointerEvents = "none";
    var labels = L.layerGroup().addTo(map);
    var fromZoom = [4, 5, 7];
    var drawLabels = function () {
      labels.clearLayers();
      var zoom = map.getZoom(), view = map.getBounds().pad(0.1), drawn = 0;
      for (var c = 0; c < cities.length && drawn < 300; c++) {
        var city = cities[c];
        if (zoom < fromZoom[city[2]] || !view.contains([city[0], city[1]])) { continue; }
        var el = document.createElement("div");
        el.appendChild(document.createElement("i"));
        el.appendChild(document.createElement("span")).textContent = city[3];
        labels.addLayer(L.marker([city[0], city[1]], {pane: "gtBasemapLabels",
          interactive: false, keyboard: false, icon: L.divIcon({iconSize: null, html: el,
          className: "gt-city" + (city[2] === 0 ? " gt-capital" : "")})}));
        drawn++;
      }
    };
    map.on("zoomend moveend", drawLabels);
    drawLabels();
  }
  // The legend is a strip along the bottom; every fit keeps clusters clear of it.
  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "gt-legend");
    div.innerHTML = opts.legend;  // built from fixed type names only (mapview.legend_html)
    return div;
  };
  legend.addTo(map);
  var offlineNote = L.control({position: "bottomleft"});
  offlineNote.onAdd = function () {
    var div = L.DomUtil.create("div", "gt-offline");
    div.textContent = "Map tiles unavailable: showing built-in country outlines.";
    div.style.display = "none";
    return div;
  };
  offlineNote.addTo(map);
  // Say so only while no tile at all has loaded (one failed tile online is not "offline").
  map.eachLayer(function (layer) {
    if (layer instanceof L.TileLayer) {
      var loaded = false;
      layer.on("tileload", function () {
        loaded = true;
        offlineNote.getContainer().style.display = "none";
      });
      layer.on("tileerror", function () {
        if (!loaded) { offlineNote.getContainer().style.display = "block"; }
      });
    }
  });
  if (opts.note) {  // why the map is empty (text from the app's own words and filter values)
    var note = L.control({position: "topright"});
    note.onAdd = function () {
      var div = L.DomUtil.create("div", "gt-map-note");
      div.textContent = opts.note;
      return div;
    };
    note.addTo(map);
  }

  // Room kept free at the edges when the map fits to events: the legend's strip at the bottom.
  var EDGE = 30;
  function fitPadding() {
    var box = legend.getContainer().getBoundingClientRect();
    return {paddingTopLeft: [EDGE, EDGE], paddingBottomRight: [EDGE, EDGE + box.height + 10]};
  }
  function keepInside(points) {
    // Pan just enough for every point (container pixels) to sit inside the padded map.
    var pad = fitPadding(), size = map.getSize();
    var xs = points.map(function (p) { return p.x; });
    var ys = points.map(function (p) { return p.y; });
    var left = pad.paddingTopLeft[0], top = pad.paddingTopLeft[1];
    var right = size.x - pad.paddingBottomRight[0], bottom = size.y - pad.paddingBottomRight[1];
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var dx = minX < left ? minX - left : maxX > right ? Math.min(maxX - right, minX - left) : 0;
    var dy = minY < top ? minY - top : maxY > bottom ? Math.min(maxY - bottom, minY - top) : 0;
    if (dx || dy) { map.panBy([dx, dy], {animate: false}); }
  }
  window.gtBase = {legend: legend, fitPadding: fitPadding, keepInside: keepInside, EDGE: EDGE};
  return window.gtBase;
}

// One marker per event of D, clustered, added to `target` (the map, or a layer group on it).
function gtMarkers(map, D, target) {
  var n = D.lat.length;
  var base = window.gtBase, EDGE = base.EDGE, fitPadding = base.fitPadding;
  var keepInside = base.keepInside;

  function row(i) {
    return {type: D.types[D.t[i]], date: D.dl[D.d[i]], place: D.pl[D.p[i]],
            title: D.al[D.a[i]], country: D.k[i] === 1, km: D.u[i]};
  }
  function label(r) {
    var where = r.place;
    if (r.country) { where += " (whole country)"; }
    else if (r.km) { where += " (within ~" + r.km + " km)"; }
    return r.type + " \u00b7 " + r.date + " \u00b7 " + where;
  }
  function tooltip(layer) {
    var el = document.createElement("div");
    el.className = "gt-tip";
    el.textContent = label(row(layer.gtIndex));
    return el;
  }
  function popup(layer) {
    var r = row(layer.gtIndex);
    var el = document.createElement("div");
    el.className = "gt-popup";
    var head = document.createElement("b");
    head.textContent = label(r);
    el.appendChild(head);
    if (r.title) {
      var title = document.createElement("div");
      title.className = "gt-popup-title";
      title.textContent = r.title;
      el.appendChild(title);
    }
    var hint = document.createElement("div");
    hint.className = "gt-popup-hint";
    hint.textContent = "Passages for this place open below the map.";
    el.appendChild(hint);
    return el;
  }
  var icons = {};
  function icon(t, country) {
    var key = t + (country ? "c" : "p");
    if (!icons[key]) {
      var cls = "gt-pin gt-t" + t + (country ? " gt-country" : "");
      icons[key] = L.divIcon({className: cls, iconSize: country ? [22, 22] : [16, 16],
        html: '<span style="--c:' + D.colors[t] + '"></span>'});
    }
    return icons[key];
  }

  // A click reports the event's own coordinates, even when the marker is drawn elsewhere
  // (spiderfied out of a pile of events at one place); the app looks events up by them.
  function reportHome(e) {
    var i = e.target.gtIndex;
    e.latlng = L.latLng(D.lat[i], D.lon[i]);
  }
  function nameForScreenReaders(e) {
    var el = e.target.getElement();
    if (el) { el.setAttribute("aria-label", label(row(e.target.gtIndex))); }
  }
  // A clicked marker's popup says what its tooltip said: the tooltip goes while the popup is open.
  function hideTooltip(e) { e.target.closeTooltip(); }
  function noTooltipUnderPopup(e) { if (e.target.isPopupOpen()) { e.target.closeTooltip(); } }
  var markers = new Array(n);
  var circles = L.layerGroup().addTo(target);
  var allCircles = n <= D.allCircles;
  function circleOf(i) {
    return L.circle([D.lat[i], D.lon[i]], {radius: D.u[i] * 1000, interactive: false,
      color: D.colors[D.t[i]], weight: 1.5, dashArray: "5 5", fillOpacity: 0.07});
  }
  function followMarker(m, circle) {
    m.on("add", function () { circles.addLayer(circle); });
    m.on("remove", function () { circles.removeLayer(circle); });
  }
  for (var i = 0; i < n; i++) {
    var country = D.k[i] === 1;
    var m = L.marker([D.lat[i], D.lon[i]], {icon: icon(D.t[i], country), keyboard: true});
    m.gtIndex = i;
    m.on("click", reportHome);
    m.on("add", nameForScreenReaders);
    // Beside the marker, on the side facing the map's centre: never cut at the map's edge.
    m.bindTooltip(tooltip, {direction: "auto", offset: [10, 0], className: "gt-tooltip"});
    m.bindPopup(popup, {maxWidth: 320, autoPanPadding: [EDGE, EDGE]});
    m.on("popupopen", hideTooltip);
    m.on("tooltipopen", noTooltipUnderPopup);
    markers[i] = m;
    if (D.u[i] > 0 && !country) {
      if (allCircles) { circles.addLayer(circleOf(i)); }
      else { followMarker(m, circleOf(i)); }
    }
  }
  // Clusters show how many events they hold and, as a ring, the share of each type. Few
  // events cluster only when nearly on top of each other, so their colours stay visible.
  var group = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: n > 500 ? 45 : 18, showCoverageOnHover: false,
    // A click is handled below: zoom to the cluster's own bounds, or fan it out in view.
    spiderfyOnMaxZoom: false, zoomToBoundsOnClick: false,
    iconCreateFunction: function (cluster) {
      var children = cluster.getAllChildMarkers();
      var counts = {};
      for (var c = 0; c < children.length; c++) {
        var t = D.t[children[c].gtIndex];
        counts[t] = (counts[t] || 0) + 1;
      }
      var stops = [], at = 0;
      Object.keys(counts).sort().forEach(function (t) {
        var next = at + counts[t] / children.length * 100;
        stops.push(D.colors[t] + " " + at.toFixed(2) + "% " + next.toFixed(2) + "%");
        at = next;
      });
      var count = children.length;
      var size = count < 10 ? 32 : count < 1000 ? 38 : 46;
      var text = count < 1000 ? String(count) :
        count < 10000 ? (count / 1000).toFixed(1) + "k" : Math.round(count / 1000) + "k";
      return L.divIcon({className: "gt-cluster", iconSize: [size, size],
        html: '<span style="background:conic-gradient(' + stops.join(",") + ')"><b title="' +
              count + ' events">' + text + "</b></span>"});
    }
  });
  group.on("clusterclick", function (e) {
    var cluster = e.layer, b = cluster.getBounds(), pad = fitPadding();
    var room = L.point(pad.paddingTopLeft).add(pad.paddingBottomRight);
    var zoom = Math.min(map.getBoundsZoom(b, false, room), map.getMaxZoom());
    if (zoom > map.getZoom() && !b.getSouthWest().equals(b.getNorthEast())) {
      map.fitBounds(b, pad);
    } else {
      cluster.spiderfy();  // all at one place (or as close as the map can show)
    }
  });
  // Fanned-out markers must not land outside the map: pan until they and the cluster fit.
  group.on("spiderfied", function (e) {
    var points = e.markers.map(function (m) { return map.latLngToContainerPoint(m.getLatLng()); });
    points.push(map.latLngToContainerPoint(e.cluster.getLatLng()));
    keepInside(points);
  });
  group.addLayers(markers);
  group.addTo(target);
  // For tests and debugging in the browser: the events' layer and its payload.
  window.gtEvents = {group: group, markers: markers, data: D, legend: base.legend,
                     fitPadding: fitPadding};
  return window.gtEvents;
}

// The map of every matching event: basemap, markers, and the first view (the events, else
// the view the app asks to keep when nothing matches, else Europe).
function gtEventLayer(map, D, opts) {
  var base = gtBasemap(map, opts);
  var E = gtMarkers(map, D, map);
  var fit = D.lat.length ? L.latLngBounds(D.lat.map(function (lat, k) { return [lat, D.lon[k]]; }))
                         : opts.view ? L.latLngBounds(opts.view) : null;
  if (fit) {
    var options = base.fitPadding();
    options.maxZoom = 7;
    map.fitBounds(fit, options);
  }
  return E;
}
// The overview map's layer is evaluated later, in another scope (streamlit-folium's
// feature_group_to_add): it finds these on window.
window.gtBasemap = gtBasemap;
window.gtMarkers = gtMarkers;
