// Article view: clicking an event trigger (or opening an event in the side list) marks its
// sentence, trigger and role-players in the text and opens its evidence. Ids are compared as
// strings from data-* attributes, never put into selectors.
"use strict";

(() => {
  const text = document.getElementById("text");
  if (!text) return;
  const segs = Array.from(text.querySelectorAll(".seg"));
  const has = (node, kind, id) => (node.dataset[kind] || "").split(" ").includes(id);
  let selected = null;

  for (const box of document.querySelectorAll("#legend input[type=checkbox]")) {
    box.addEventListener("change", () => text.classList.toggle("off-" + box.value, !box.checked));
  }

  function clear() {
    for (const s of segs) s.classList.remove("sel-sentence", "sel-trigger", "sel-role");
    selected = null;
  }

  function select(id, {scroll = true} = {}) {
    clear();
    const details = document.getElementById("ev-" + id);
    const roles = details ? (details.dataset.roles || "").split(" ").filter(Boolean) : [];
    let first = null;
    for (const s of segs) {
      const inSentence = has(s, "sentence", id);
      if (inSentence) s.classList.add("sel-sentence");
      if (has(s, "trigger", id)) { s.classList.add("sel-trigger"); first = first || s; }
      if (inSentence && roles.some((r) => has(s, "actor", r))) s.classList.add("sel-role");
    }
    selected = id;
    if (details && !details.open) details.open = true;
    if (scroll && first) first.scrollIntoView({block: "center"});
    text.dataset.selected = id;
  }

  text.addEventListener("click", (event) => {
    const seg = event.target.closest(".hl-trigger");
    if (!seg) return;
    const id = (seg.dataset.trigger || "").split(" ")[0];
    if (!id) return;
    select(id, {scroll: false});
    const details = document.getElementById("ev-" + id);
    if (details) details.scrollIntoView({block: "nearest"});
    history.replaceState(null, "", "#ev-" + id);
  });

  for (const details of document.querySelectorAll("details.evidence")) {
    details.addEventListener("toggle", () => {
      const id = details.dataset.event;
      if (details.open && selected !== id) select(id);
      else if (!details.open && selected === id) { clear(); delete text.dataset.selected; }
    });
  }

  if (location.hash.startsWith("#ev-")) select(decodeURIComponent(location.hash.slice(4)));
})();
