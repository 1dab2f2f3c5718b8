// Actor network: nodes are actor keys (a code such as USA, or ~name), directed edges carry the
// number of events from actor to recipient, coloured by whether they were mostly cooperation
// (quad classes 1-2) or conflict (3-4). A small force layout places the nodes; clicking an edge
// lists its events from /events.json.
"use strict";

(() => {
  const {svg, el, pageData, filterParams, listEvents} = Explorer;
  const data = pageData();
  const figure = document.getElementById("network");
  const panel = document.getElementById("edge-events");
  if (!data || !figure) return;
  if (!data.edges.length) {
    figure.replaceChildren(el("p", {class: "none"}, "No events with both an actor and a recipient match."));
    return;
  }
  const W = 1000, H = 680;
  const nodes = data.nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / data.nodes.length;
    return {...n, x: W / 2 + (W / 3) * Math.cos(angle), y: H / 2 + (H / 3) * Math.sin(angle), vx: 0, vy: 0};
  });
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const edges = data.edges.map((e) => ({...e, s: byKey.get(e.source), t: byKey.get(e.target)}));
  layout(nodes, edges);

  const maxCount = Math.max(...edges.map((e) => e.count));
  const maxWeight = Math.max(...nodes.map((n) => n.weight));
  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img"});
  const defs = svg("defs", {}, root);
  for (const tone of ["cooperation", "conflict", "mixed"]) {
    const marker = svg("marker", {id: "arrow-" + tone, viewBox: "0 0 10 10", refX: 10, refY: 5,
      markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto"}, defs);
    svg("path", {d: "M0,0L10,5L0,10z", class: "tone-" + tone}, marker);
  }
  const edgeLayer = svg("g", {class: "edges"}, root);
  const nodeLayer = svg("g", {class: "nodes"}, root);
  const filters = filterParams(data.filters, ["edges", "actor_key", "recipient_key", "key"]);

  for (const e of edges) {
    const path = svg("path", {class: `edge tone-${e.tone}`, d: edgePath(e),
      "stroke-width": 1.2 + 7 * Math.sqrt(e.count / maxCount), fill: "none",
      "marker-end": `url(#arrow-${e.tone})`, "data-source": e.source, "data-target": e.target,
      "data-count": e.count}, edgeLayer);
    svg("title", {}, path).textContent =
      `${e.s.label} → ${e.t.label}: ${e.count} event(s), ${e.cooperation} cooperation, ${e.conflict} conflict; mostly ${e.top_type}`;
    path.addEventListener("click", () => {
      for (const other of edgeLayer.querySelectorAll(".edge.selected")) other.classList.remove("selected");
      path.classList.add("selected");
      const params = new URLSearchParams(filters);
      params.set("actor_key", e.source);
      params.set("recipient_key", e.target);
      listEvents(panel, `${e.s.label} → ${e.t.label}`, params);
    });
  }
  for (const n of nodes) {
    const g = svg("g", {class: "node", transform: `translate(${n.x},${n.y})`, "data-key": n.key}, nodeLayer);
    svg("circle", {r: radius(n)}, g);
    svg("text", {x: radius(n) + 3, y: 4}, g).textContent = n.label;
    svg("title", {}, g).textContent = `${n.label}: ${n.weight} event(s)` + (n.names.length ? `\n${n.names.join(", ")}` : "");
    g.addEventListener("click", () => {
      const params = new URLSearchParams(filters);
      params.set("key", n.key);
      listEvents(panel, `${n.label}: as actor or recipient`, params);
    });
  }
  figure.replaceChildren(root);

  function radius(n) { return 4 + 12 * Math.sqrt(n.weight / maxWeight); }

  // A curve bent to its left, so that A->B and B->A stay apart, ending at the target's rim;
  // an actor acting on itself gets a small loop.
  function edgePath(e) {
    const r = radius(e.t);
    const [x1, y1, x2, y2] = [e.s.x, e.s.y, e.t.x, e.t.y];
    const len = Math.hypot(x2 - x1, y2 - y1);
    if (e.s === e.t || len < r + 2) {
      return `M${x1},${y1 - r}C${x1 - 40},${y1 - r - 45} ${x1 + 40},${y1 - r - 45} ${x1 + 2},${y1 - r - 1}`;
    }
    const cx = (x1 + x2) / 2 - (y2 - y1) * 0.15, cy = (y1 + y2) / 2 + (x2 - x1) * 0.15;
    const back = Math.hypot(x2 - cx, y2 - cy);
    const ex = x2 - ((x2 - cx) / back) * (r + 2), ey = y2 - ((y2 - cy) / back) * (r + 2);
    return `M${x1},${y1}Q${cx},${cy} ${ex},${ey}`;
  }

  // Fruchterman-Reingold with a cooling schedule and a pull to the centre, deterministic (no
  // random start), in free space; the result is then scaled to fit the drawing.
  function layout(nodes, edges) {
    const k = 60;
    const rounds = nodes.length > 400 ? 120 : 300;
    let temperature = 80;
    for (let round = 0; round < rounds; round++) {
      for (const n of nodes) { n.vx = 0; n.vy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d = Math.hypot(dx, dy) || 0.01;
          const f = (k * k) / d;
          dx /= d; dy /= d;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      for (const e of edges) {
        if (e.s === e.t) continue;
        let dx = e.s.x - e.t.x, dy = e.s.y - e.t.y;
        const d = Math.hypot(dx, dy) || 0.01;
        const f = (d * d) / k;
        dx /= d; dy /= d;
        e.s.vx -= dx * f; e.s.vy -= dy * f; e.t.vx += dx * f; e.t.vy += dy * f;
      }
      for (const n of nodes) {
        n.vx += (W / 2 - n.x) * 0.6; n.vy += (H / 2 - n.y) * 0.6;
        const v = Math.hypot(n.vx, n.vy) || 1;
        n.x += (n.vx / v) * Math.min(v, temperature);
        n.y += (n.vy / v) * Math.min(v, temperature);
      }
      temperature = Math.max(1, temperature * 0.98);
    }
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((W - 170) / Math.max(1, x1 - x0), (H - 60) / Math.max(1, y1 - y0), 3);
    for (const n of nodes) {
      n.x = 40 + (n.x - x0) * scale + ((W - 170) - (x1 - x0) * scale) / 2;
      n.y = 30 + (n.y - y0) * scale + ((H - 60) - (y1 - y0) * scale) / 2;
    }
  }
})();
