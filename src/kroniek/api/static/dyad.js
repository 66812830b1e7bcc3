// Dyad timeline: per period, cooperation above the axis and conflict below it.
(function () {
  "use strict";
  const svg = document.getElementById("timeline");
  if (!svg || !window.d3) { return; }
  const d3 = window.d3;
  fetch(svg.dataset.source).then((r) => r.json()).then((series) => {
    const periods = series.periods;
    const width = svg.clientWidth || 360;
    const height = svg.clientHeight || 260;
    const margin = { top: 10, right: 10, bottom: 30, left: 30 };
    const x = d3.scaleBand().domain(periods.map((p) => p.period))
      .range([margin.left, width - margin.right]).padding(0.2);
    const most = d3.max(periods, (p) => Math.max(p.cooperation, p.conflict)) || 1;
    const y = d3.scaleLinear().domain([-most, most]).range([height - margin.bottom, margin.top]);
    const root = d3.select(svg).attr("viewBox", [0, 0, width, height]);
    const bars = root.append("g");
    bars.selectAll("rect.bar-cooperation").data(periods).join("rect").attr("class", "bar-cooperation")
      .attr("x", (p) => x(p.period)).attr("width", x.bandwidth())
      .attr("y", (p) => y(p.cooperation)).attr("height", (p) => y(0) - y(p.cooperation))
      .append("title").text((p) => p.period + ": " + p.cooperation + " cooperation");
    bars.selectAll("rect.bar-conflict").data(periods).join("rect").attr("class", "bar-conflict")
      .attr("x", (p) => x(p.period)).attr("width", x.bandwidth())
      .attr("y", y(0)).attr("height", (p) => y(-p.conflict) - y(0))
      .append("title").text((p) => p.period + ": " + p.conflict + " conflict");
    const ticks = x.domain().filter((_, i, all) => i % Math.ceil(all.length / 6) === 0);
    root.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")")
      .call(d3.axisBottom(x).tickValues(ticks));
    root.append("g").attr("transform", "translate(" + margin.left + ",0)")
      .call(d3.axisLeft(y).ticks(5).tickFormat((v) => Math.abs(v)));
    root.append("line").attr("x1", margin.left).attr("x2", width - margin.right)
      .attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#1a1a1a");
    svg.setAttribute("aria-label", periods.length + " periods; " +
      d3.sum(periods, (p) => p.cooperation) + " cooperation and " +
      d3.sum(periods, (p) => p.conflict) + " conflict events");
    svg.dataset.ready = "true";
  });
}());
