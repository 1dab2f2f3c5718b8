// Timeline: stacked bars of event counts per time bucket, one colour per series.
"use strict";

(() => {
  const {svg, el, pageData, colour, filterParams} = Explorer;
  const data = pageData();
  const figure = document.getElementById("timeline");
  if (!data || !figure) return;

  const W = 1000, H = 360, M = {top: 12, right: 12, bottom: 44, left: 48};
  const n = data.buckets.length;
  const root = svg("svg", {viewBox: `0 0 ${W} ${H + 26 * Math.ceil(data.series.length / 8)}`, role: "img"});
  if (n === 0) {
    figure.replaceChildren(el("p", {class: "none"}, "No dated events match."));
    return;
  }
  const totals = data.buckets.map((_, i) => data.series.reduce((s, name) => s + data.counts[name][i], 0));
  const max = Math.max(1, ...totals);
  const plotW = W - M.left - M.right, plotH = H - M.top - M.bottom;
  const step = plotW / n, barW = Math.max(1, step * 0.85);
  const y = (v) => M.top + plotH - (v / max) * plotH;

  const axis = svg("g", {class: "axis"}, root);
  for (const v of [0, Math.round(max / 2), max]) {
    svg("line", {x1: M.left, x2: W - M.right, y1: y(v), y2: y(v)}, axis);
    svg("text", {x: M.left - 6, y: y(v) + 4, "text-anchor": "end"}, axis).textContent = String(v);
  }
  const every = Math.max(1, Math.ceil(n / 12));
  data.buckets.forEach((t, i) => {
    if (i % every) return;
    svg("text", {x: M.left + i * step + step / 2, y: H - M.bottom + 16, "text-anchor": "middle"}, axis).textContent = t;
  });

  const base = filterParams(data.filters, ["since", "until", "series", "bucket"]);
  const param = {type: "type", quad: "quad", status: "status"}[data.series_by];
  const bars = svg("g", {class: "bars"}, root);
  data.buckets.forEach((t, i) => {
    let acc = 0;
    data.series.forEach((name, k) => {
      const v = data.counts[name][i];
      if (!v) return;
      const params = new URLSearchParams(base);
      params.set("since", t);
      params.set("until", bucketEnd(t, data.bucket));
      if (name !== "unknown") { params.delete(param); params.append(param, name); }
      const link = svg("a", {href: "/events?" + params.toString()}, bars);
      const rect = svg("rect", {class: "bar", x: M.left + i * step + (step - barW) / 2, y: y(acc + v),
        width: barW, height: Math.max(0.5, y(acc) - y(acc + v)), fill: colour(name, k, data.series_by),
        "data-series": name, "data-bucket": t}, link);
      svg("title", {}, rect).textContent = `${t} · ${name}: ${v}`;
      acc += v;
    });
  });

  const legend = svg("g", {class: "legend"}, root);
  data.series.forEach((name, k) => {
    const lx = M.left + (k % 8) * 118, ly = H + 4 + Math.floor(k / 8) * 22;
    svg("rect", {x: lx, y: ly, width: 12, height: 12, fill: colour(name, k, data.series_by)}, legend);
    svg("text", {x: lx + 16, y: ly + 10}, legend).textContent = `${name} (${data.totals[name]})`;
  });
  figure.replaceChildren(root);

  function bucketEnd(start, bucket) {
    const d = new Date(start + "T00:00:00Z");
    if (bucket === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (bucket === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (bucket === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }
})();
