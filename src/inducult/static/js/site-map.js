/* The sites map: one script, no inline code (the page's CSP allows none). The markers come from
   this platform, never from the tile server: fetched from the page's data-markers-url (the finder's
   filters, cached on the server) or, on small pages such as a festival's, from a JSON data block.
   So markers and filters work when the tile server cannot be reached; only the background is then
   missing. Texts go into the DOM as text, never as HTML. */
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
    if (site.outside_region) {
      var outside = document.createElement("div");
      outside.className = "muted";
      outside.setAttribute("data-testid", "outside-region");
      outside.textContent = site.outside_region;
      box.appendChild(outside);
    }
    if (site.day) {
      var day = document.createElement("div");
      day.textContent = site.day;
      box.appendChild(day);
    }
    return box;
  }

  function show(element, sites) {
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

  function failed(element) {
    var note = document.createElement("p");
    note.className = "message warning";
    note.setAttribute("role", "status");
    note.textContent = element.dataset.failed || "";
    element.replaceChildren(note);
    element.dataset.markers = "failed";
  }

  function start() {
    var element = document.getElementById("site-map");
    if (!element || !window.L) {
      return;
    }
    var data = document.getElementById("site-map-data");
    if (data) {
      show(element, JSON.parse(data.textContent));
      return;
    }
    if (!element.dataset.markersUrl || !window.fetch) {
      return;
    }
    fetch(element.dataset.markersUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (body) { show(element, body.markers); })
      .catch(function () { failed(element); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
