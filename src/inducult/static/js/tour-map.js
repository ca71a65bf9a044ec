/* The day plan's route on a map: the start and the stops in order, joined by straight lines (the
   legs' times come from the planner, not from this drawing). No inline code (the CSP allows none);
   names go into the DOM as text, never as HTML. The list above the map says everything the map shows. */
(function () {
  "use strict";

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function start() {
    var element = document.getElementById("tour-map");
    var data = document.getElementById("tour-route");
    if (!element || !data || !window.L) {
      return;
    }
    var route = JSON.parse(data.textContent);
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
    var points = route.map(function (stop) { return [stop.lat, stop.lon]; });
    L.polyline(points.concat([points[0]]), { weight: 3, opacity: 0.7 }).addTo(map);
    route.forEach(function (stop, index) {
      L.circleMarker([stop.lat, stop.lon], { radius: index === 0 ? 8 : 6, weight: 2, fillOpacity: 0.9 })
        .bindTooltip(label(stop.name), { permanent: false })
        .addTo(map);
    });
    map.fitBounds(points, { padding: [24, 24], maxZoom: 13 });
    element.dataset.stops = String(route.length - 1);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
