// Claims chart: each reported figure as a point (day, value), one line per unit, so a figure's
// revisions across sources show as steps.
(function () {
  "use strict";
  const svg = document.getElementById("claims-chart");
  if (!svg || !window.d3) { return; }
  const d3 = window.d3;
  fetch(svg.dataset.source).then((r) => r.json()).then((claims) => {
    const dated = claims.filter((c) => c.day).map((c) => Object.assign({}, c, { date: new Date(c.day) }));
    const width = svg.clientWidth || 360;
    const height = svg.clientHeight || 260;
    const margin = { top: 10, right: 10, bottom: 30, left: 50 };
    const units = d3.groups(dated, (c) => c.unit || "(no unit)")
      .sort((a, b) => b[1].length - a[1].length).slice(0, 4);
    const colours = ["#0d47a1", "#b71c1c", "#1b5e20", "#6a1b9a"];
    const shown = units.flatMap((u) => u[1]);
    const x = d3.scaleTime().domain(d3.extent(shown, (c) => c.date)).nice()
      .range([margin.left, width - margin.right]);
    const y = d3.scaleLinear().domain([0, d3.max(shown, (c) => c.value) || 1]).nice()
      .range([height - margin.bottom, margin.top]);
    const root = d3.select(svg).attr("viewBox", [0, 0, width, height]);
    root.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")")
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));
    root.append("g").attr("transform", "translate(" + margin.left + ",0)").call(d3.axisLeft(y).ticks(5));
    units.forEach(([unit, points], i) => {
      points.sort((a, b) => a.date - b.date);
      root.append("path").datum(points).attr("fill", "none").attr("stroke", colours[i])
        .attr("stroke-width", 2).attr("d", d3.line().curve(d3.curveStepAfter)
          .x((c) => x(c.date)).y((c) => y(c.value)));
      root.append("g").selectAll("circle").data(points).join("circle").attr("class", "claim")
        .attr("r", 4).attr("fill", colours[i]).attr("cx", (c) => x(c.date)).attr("cy", (c) => y(c.value))
        .append("title").text((c) => c.day + ": " + c.value + " " + c.unit +
          (c.reported_by ? " (" + c.reported_by + ")" : ""));
    });
    const legend = document.getElementById("claims-legend");
    units.forEach(([unit, points], i) => {
      const item = document.createElement("li");
      item.className = "legend-" + i;
      item.textContent = unit + ": " + points.length + " figures";
      legend.appendChild(item);
    });
    svg.setAttribute("aria-label", shown.length + " reported figures in " + units.length + " units");
    svg.dataset.ready = "true";
  });
}());
