// Map: the world outline from /world.json (Natural Earth, packaged; equirectangular, so a point
// is at x = lon + 180, y = 90 - lat), countries shaded by their events, one circle per place.
"use strict";

(() => {
  const {svg, el, pageData, filterParams, listEvents} = Explorer;
  const data = pageData();
  const figure = document.getElementById("map");
  const panel = document.getElementById("place-events");
  if (!data || !figure) return;

  const root = svg("svg", {viewBox: "0 5 360 150", role: "img", "aria-label": "world map"});
  svg("rect", {x: 0, y: 0, width: 360, height: 180, fill: "#f7fbff"}, root);
  const land = svg("g", {class: "land"}, root);
  const dots = svg("g", {class: "places"}, root);
  const byCountry = new Map(data.countries.map((c) => [c.country, c.n]));
  const maxCountry = Math.max(1, ...data.countries.map((c) => c.n));
  const filters = filterParams(data.filters, ["points", "bbox"]);

  fetch("/world.json").then((r) => r.json()).then((world) => {
    for (const c of world.countries) {
      const n = byCountry.get(c.iso3) || 0;
      const path = svg("path", {d: c.d, class: "country" + (n ? " has-events" : ""), "data-iso3": c.iso3 || ""}, land);
      if (n) path.setAttribute("fill-opacity", String(0.35 + 0.65 * Math.sqrt(n / maxCountry)));
      svg("title", {}, path).textContent = c.name + (n ? `: ${n} event(s)` : "");
    }
    figure.dataset.loaded = "true";
  }).catch((err) => { figure.dataset.loaded = "error: " + err.message; });

  const maxN = Math.max(1, ...data.points.map((p) => p.n));
  for (const p of data.points) {
    const tone = p.cooperation > p.conflict ? "cooperation" : p.conflict > p.cooperation ? "conflict" : "mixed";
    const dot = svg("circle", {cx: p.lon + 180, cy: 90 - p.lat, r: 0.8 + 3.2 * Math.sqrt(p.n / maxN),
      class: `place tone-${tone}`, "data-place": p.place || "", "data-n": p.n}, dots);
    svg("title", {}, dot).textContent = `${p.place || "?"} (${p.country || "?"}): ${p.n} event(s)`;
    dot.addEventListener("click", () => {
      for (const other of dots.querySelectorAll(".selected")) other.classList.remove("selected");
      dot.classList.add("selected");
      const params = new URLSearchParams(filters);
      const box = [p.lon - 0.005, p.lat - 0.005, p.lon + 0.005, p.lat + 0.005].map((v) => v.toFixed(3));
      params.set("bbox", box.join(","));
      listEvents(panel, `${p.place || "?"} (${p.country || "?"})`, params);
    });
  }
  figure.replaceChildren(root);
  if (!data.points.length) figure.append(el("p", {class: "none"}, "No events with a place match."));
})();
