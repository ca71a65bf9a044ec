/* The network view: one island drawing the server's JSON with Cytoscape.js (vendored). Positions come
   from the server's layout ("preset"), so large networks draw quickly. Names are data, drawn on the
   canvas, never inserted as HTML. Selecting an organisation opens its page. */
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("network-graph");
    if (!element || !window.cytoscape || !window.fetch) {
      return;
    }
    fetch(element.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (graph) {
        var cy = window.cytoscape({
          container: element,
          elements: { nodes: graph.nodes, edges: graph.edges },
          layout: { name: "preset" },
          minZoom: 0.05,
          maxZoom: 4,
          wheelSensitivity: 0.3,
          style: [
            {
              selector: "node",
              style: {
                width: "data(size)",
                height: "data(size)",
                "background-color": "data(colour)",
                label: "data(label)",
                "font-size": 10,
                "text-valign": "bottom",
                "text-margin-y": 3,
                "min-zoomed-font-size": 8
              }
            },
            { selector: "node[?active]", style: { "border-width": 4, "border-color": "#000000" } },
            { selector: "node[?quiet]", style: { opacity: 0.45 } },
            {
              selector: "edge",
              style: { width: "data(width)", "line-color": "#8a8a8a", opacity: 0.5, "curve-style": "haystack" }
            }
          ]
        });
        cy.on("tap", "node", function (event) {
          window.location.assign(event.target.data("url"));
        });
        cy.fit(undefined, 24);
        element.dataset.nodes = String(graph.nodes.length);
        element.dataset.edges = String(graph.edges.length);
      })
      .catch(function () {
        var note = document.createElement("p");
        note.className = "message warning";
        note.textContent = element.dataset.failed || "";
        element.replaceChildren(note);
        element.dataset.nodes = "failed";
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
