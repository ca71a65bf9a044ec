/* The sites map: one script, no inline code (the page's CSP allows none). The markers come with the
   page as a JSON data block, so they and the filters work when the tile server cannot be reached;
   only the background is then missing. Texts go into the DOM as text, never as HTML. */
(function () {
  "use strict";

  function popup(site, newTab) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = site.url;
    link.textContent = site.name;
    if (newTab) {
      // Embedded on a partner's page: the portal opens beside it, not inside the frame.
      link.target = "_blank";
      link.rel = "noopener";
    }
    box.appendChild(link);
    var kind = document.createElement("div");
    kind.className = "muted";
    kind.textContent = site.kind;
    box.appendChild(kind);
    if (site.day) {
      var day = document.createElement("div");
      day.textContent = site.day;
      box.appendChild(day);
    }
    return box;
  }

  function start() {
    var element = document.getElementById("site-map");
    var data = document.getElementById("site-map-data");
    if (!element || !data || !window.L) {
      return;
    }
    var sites = JSON.parse(data.textContent);
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
    // Explicit icon URLs: Leaflet's own detection of its image path fails on hashed static file names.
    var icon = L.icon({
      iconUrl: element.dataset.icon,
      iconRetinaUrl: element.dataset.iconRetina,
      shadowUrl: element.dataset.shadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41]
    });
    // Clusters keep thousands of markers usable; chunked loading keeps the page responsive.
    var cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
    var points = [];
    sites.forEach(function (site) {
      var marker = L.marker([site.lat, site.lon], { icon: icon, title: site.name, alt: site.name });
      marker.bindPopup(function () { return popup(site, element.dataset.newTab === "1"); });
      cluster.addLayer(marker);
      points.push([site.lat, site.lon]);
    });
    map.addLayer(cluster);
    if (points.length) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 13 });
    } else {
      map.setView([50.2, 12.8], 8);
    }
    element.dataset.markers = String(sites.length);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
