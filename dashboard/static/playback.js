// Time-lapse playback of the event map (see dashboard/playback.py), all in the browser: the
// events were sent once with the map (E.data.s / E.data.e: first and last day, days since
// 1970, null when undrawable); each frame only adds and removes the markers that enter or leave
// the window, so a frame costs what changed, not a Streamlit rerun.
function gtPlayback(map, E) {
  var D = E.data, n = E.markers.length;
  var days = [];
  for (var i = 0; i < n; i++) { if (D.s[i] !== null) { days.push(D.s[i], D.e[i]); } }
  if (!days.length) { return null; }
  var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
  var DAY = 864e5;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec"];
  function date(day) { return new Date(day * DAY); }
  function fmt(day) {
    var d = date(day);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function monthStart(day) {
    var d = date(day);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
  }
  function addMonths(day, k) {
    var d = date(day);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1) / DAY;
  }
  // The window [from, to] (whole days) that step k of the chosen unit covers.
  function windowAt(unit, k) {
    if (unit === "month") {
      var from = addMonths(monthStart(first), k);
      return [from, addMonths(from, 1) - 1];
    }
    var width = unit === "week" ? 7 : 1;
    return [first + k * width, first + (k + 1) * width - 1];
  }
  function stepsFor(unit) {
    var k = 0;
    while (windowAt(unit, k)[1] < last) { k++; }
    return k + 1;
  }

  var state = {on: false, playing: false, unit: "week", k: 0, steps: stepsFor("week"),
               speed: 1, cumulative: false, timer: null, shown: null};
  function wanted(i, win) {
    if (D.s[i] === null) { return false; }
    return D.s[i] <= win[1] && (state.cumulative || D.e[i] >= win[0]);
  }
  function draw() {
    var win = windowAt(state.unit, state.k);
    var add = [], remove = [], count = 0;
    for (var i = 0; i < n; i++) {
      var want = wanted(i, win);
      if (want) { count++; }
      if (want && !state.shown[i]) { add.push(E.markers[i]); }
      if (!want && state.shown[i]) { remove.push(E.markers[i]); }
      state.shown[i] = want;
    }
    if (remove.length) { E.group.removeLayers(remove); }
    if (add.length) { E.group.addLayers(add); }
    var from = state.cumulative ? first : win[0];
    ui.label.textContent = (from === win[1] ? fmt(win[1]) : fmt(from) + " \u2013 " + fmt(win[1])) +
      " \u00b7 " + count + (count === 1 ? " event" : " events");
    ui.scrub.max = String(state.steps - 1);
    ui.scrub.value = String(state.k);
    ui.play.textContent = state.playing ? "||" : "\u25b6";  // glyphs every font has
    ui.play.title = state.playing ? "Pause" : "Play";
    window.gtPlayback.window = [win[0], win[1]];
    window.gtPlayback.count = count;
  }
  function start() {
    if (state.on) { return; }
    state.on = true;
    state.shown = E.markers.map(function () { return true; });
    ui.box.classList.add("gt-playing");
    draw();
  }
  function stop() {
    pause();
    if (!state.on) { return; }
    state.on = false;
    var back = [];
    for (var i = 0; i < n; i++) { if (!state.shown[i]) { back.push(E.markers[i]); } }
    E.group.addLayers(back);
    ui.box.classList.remove("gt-playing");
    ui.label.textContent = "";
  }
  function step(by) {
    start();
    state.k = Math.max(0, Math.min(state.steps - 1, state.k + by));
    draw();
  }
  function tick() {
    if (state.k >= state.steps - 1) { pause(); return; }
    step(1);
  }
  function play() {
    start();
    if (state.k >= state.steps - 1) { state.k = 0; }
    state.playing = true;
    clearInterval(state.timer);
    state.timer = setInterval(tick, 1000 / state.speed);
    draw();
  }
  function pause() {
    state.playing = false;
    clearInterval(state.timer);
    if (state.on) { draw(); }
  }

  var ui = {};
  var control = L.control({position: "topleft"});
  control.onAdd = function () {
    var box = L.DomUtil.create("div", "gt-playback");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    function button(text, title, onClick) {
      var b = L.DomUtil.create("button", "gt-pb-btn", box);
      b.type = "button";
      b.textContent = text;
      b.title = title;
      b.setAttribute("aria-label", title);
      L.DomEvent.on(b, "click", onClick);
      return b;
    }
    function select(title, options, value, onChange) {
      var s = L.DomUtil.create("select", "gt-pb-select", box);
      s.title = title;
      s.setAttribute("aria-label", title);
      options.forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = o[0];
        opt.textContent = o[1];
        s.appendChild(opt);
      });
      s.value = value;
      L.DomEvent.on(s, "change", function () { onChange(s.value); });
      return s;
    }
    ui.box = box;
    ui.back = button("|\u25c0", "Step back", function () { pause(); step(-1); });
    ui.play = button("\u25b6", "Play", function () { if (state.playing) { pause(); } else { play(); } });
    ui.next = button("\u25b6|", "Step forward", function () { pause(); step(1); });
    ui.unit = select("Step", [["day", "by day"], ["week", "by week"], ["month", "by month"]],
      state.unit, function (unit) {
        var at = windowAt(state.unit, state.k)[0];
        state.unit = unit;
        state.steps = stepsFor(unit);
        state.k = 0;
        while (state.k < state.steps - 1 && windowAt(unit, state.k)[1] < at) { state.k++; }
        if (state.on) { draw(); }
      });
    ui.speed = select("Speed", [["0.5", "0.5\u00d7"], ["1", "1\u00d7"], ["2", "2\u00d7"],
      ["4", "4\u00d7"], ["8", "8\u00d7"]], "1", function (v) {
        state.speed = parseFloat(v);
        if (state.playing) { play(); }
      });
    var cum = L.DomUtil.create("label", "gt-pb-cum", box);
    ui.cumulative = document.createElement("input");
    ui.cumulative.type = "checkbox";
    cum.appendChild(ui.cumulative);
    cum.appendChild(document.createTextNode(" cumulative"));
    L.DomEvent.on(ui.cumulative, "change", function () {
      state.cumulative = ui.cumulative.checked;
      if (state.on) { draw(); }
    });
    ui.stop = button("\u2715", "Stop playback: show every event again", stop);
    ui.scrub = L.DomUtil.create("input", "gt-pb-scrub", box);
    ui.scrub.type = "range";
    ui.scrub.min = "0";
    ui.scrub.max = String(state.steps - 1);
    ui.scrub.value = "0";
    ui.scrub.setAttribute("aria-label", "Playback position");
    L.DomEvent.on(ui.scrub, "input", function () {
      var k = parseInt(ui.scrub.value, 10);  // before pause() redraws the scrubber
      pause();
      start();
      state.k = k;
      draw();
    });
    ui.label = L.DomUtil.create("div", "gt-pb-label", box);
    return box;
  };
  control.addTo(map);
  window.gtPlayback = {play: play, pause: pause, step: step, stop: stop, state: state,
                       first: first, last: last, window: null, count: n};
  return window.gtPlayback;
}
