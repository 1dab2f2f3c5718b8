// communique explorer: shared helpers. No framework; DOM is built with createElement and
// textContent only, so no text from the database is ever parsed as markup.
"use strict";

const Explorer = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs = {}, parent = null) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function el(tag, attrs = {}, text = null, parent = null) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== null && text !== undefined) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }

  function pageData() {
    const holder = document.getElementById("data");
    return holder ? JSON.parse(holder.textContent) : null;
  }

  // Distinct, stable colours for up to 16 series (PLOVER types), then repeating.
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
  const QUAD_COLOURS = {"1": "#74c476", "2": "#238b45", "3": "#fb6a4a", "4": "#a50f15", "unknown": "#999"};
  function colour(name, index, seriesBy) {
    if (seriesBy === "quad" && QUAD_COLOURS[name]) return QUAD_COLOURS[name];
    return PALETTE[index % PALETTE.length];
  }

  // The filters of this page as URL parameters, minus the ones a view sets itself.
  function filterParams(filters, drop = []) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters || {})) {
      if (drop.includes(key) || value === null || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
    }
    return params;
  }

  const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};

  // Fetch /events.json with these parameters and list the events in `panel`.
  async function listEvents(panel, heading, params) {
    panel.replaceChildren(el("h3", {}, heading), el("p", {class: "none"}, "Loading…"));
    params.set("size", "50");
    params.set("sort", "day");
    let data;
    try {
      const response = await fetch("/events.json?" + params.toString(), {headers: {accept: "application/json"}});
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      data = await response.json();
    } catch (err) {
      panel.replaceChildren(el("h3", {}, heading), el("p", {class: "none"}, "Could not load: " + err.message));
      return;
    }
    const list = el("ul", {class: "plain event-list"});
    for (const e of data.rows) {
      const item = el("li", {"data-event-id": e.event_id}, null, list);
      el("span", {class: "quad q" + (e.quad_class || ""), title: QUAD_NAMES[e.quad_class] || "uncoded"}, e.quad_class || "–", item);
      item.append(" ");
      el("a", {href: "/events/" + encodeURIComponent(e.event_id)}, e.event_type, item);
      item.append(" " + (e.day || "undated") + " ");
      if (e.article_id) {
        el("a", {href: "/articles/" + encodeURIComponent(e.article_id) + "#ev-" + encodeURIComponent(e.local_id || ""),
                 title: e.article_title || ""}, "“" + (e.trigger || "evidence") + "”", item);
      }
      const who = [e.actor_name || e.actor_code, e.recipient_name || e.recipient_code].filter(Boolean).join(" → ");
      if (who) el("div", {class: "small"}, who + (e.place_name ? " · " + e.place_name : ""), item);
    }
    const more = el("p", {class: "small"});
    more.append(data.total + " event(s) ");
    params.delete("size");
    el("a", {href: "/events?" + params.toString()}, "open as a table", more);
    panel.replaceChildren(el("h3", {}, heading), more, list);
  }

  // Forms: leave empty fields out of the URL.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
    for (const field of form.elements) {
      if (field.name && (field.value === "" || field.value === undefined)) field.disabled = true;
    }
    setTimeout(() => { for (const field of form.elements) field.disabled = false; }, 0);
  });

  return {svg, el, pageData, colour, filterParams, listEvents, QUAD_NAMES};
})();
