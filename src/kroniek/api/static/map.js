// Relations map: actors as nodes in a force layout, edges by event count coloured from
// conflict (red) to cooperation (blue). Each edge is a link to the pair's page.
(function () {
  "use strict";
  const svg = document.getElementById("relations");
  if (!svg || !window.d3) { return; }
  const d3 = window.d3;
  const colour = d3.scaleLinear().domain([0, 0.5, 1]).range(["#b71c1c", "#6a1b9a", "#0d47a1"]);
  fetch(svg.dataset.source).then((r) => r.json()).then((edges) => {
    const width = svg.clientWidth || 360;
    const height = svg.clientHeight || 520;
    const counts = new Map();
    edges.forEach((e) => {
      counts.set(e.a, (counts.get(e.a) || 0) + e.events);
      counts.set(e.b, (counts.get(e.b) || 0) + e.events);
    });
    const nodes = Array.from(counts, ([id, events]) => ({ id, events }));
    const links = edges.map((e) => ({ source: e.a, target: e.b, edge: e }));
    const root = d3.select(svg).attr("viewBox", [0, 0, width, height]);
    const most = d3.max(edges, (e) => e.events) || 1;
    const link = root.append("g").selectAll("a").data(links).join("a")
      .attr("href", (d) => "/dyad/" + encodeURIComponent(d.edge.a) + "/" + encodeURIComponent(d.edge.b))
      .attr("class", "edge")
      .attr("data-pair", (d) => d.edge.a + "-" + d.edge.b)
      .attr("aria-label", (d) => d.edge.a + " and " + d.edge.b + ": " + d.edge.events + " events, "
        + d.edge.cooperation + " cooperation, " + d.edge.conflict + " conflict");
    link.append("title").text((d) => d.edge.a + " – " + d.edge.b + ": " + d.edge.events + " events");
    const line = link.append("line")
      .attr("stroke", (d) => colour(d.edge.cooperation / d.edge.events))
      .attr("stroke-width", (d) => 2 + 8 * Math.sqrt(d.edge.events / most))
      .attr("stroke-linecap", "round");
    const node = root.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
      .attr("data-code", (d) => d.id);
    node.append("circle").attr("r", (d) => 4 + Math.sqrt(d.events));
    node.append("text").attr("dx", 8).attr("dy", 4).text((d) => d.id);
    const simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
      .force("charge", d3.forceManyBody().strength(-260))
      .force("center", d3.forceCenter(width / 2, height / 2))
      .force("x", d3.forceX(width / 2).strength(0.06))
      .force("y", d3.forceY(height / 2).strength(0.06))
      .stop();
    simulation.tick(300);  // lay out once: no motion, nothing to wait for
    const inside = (v, low, high) => Math.max(low, Math.min(high, v));
    nodes.forEach((d) => {  // keep every node and its label (to its right) in view
      d.x = inside(d.x, 12, width - 45);
      d.y = inside(d.y, 12, height - 12);
    });
    line.attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
      .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y);
    node.attr("transform", (d) => "translate(" + d.x + "," + d.y + ")");
    svg.dataset.ready = "true";
  });
}());
