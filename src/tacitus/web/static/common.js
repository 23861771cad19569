/* tacitus explorer: what the page's scripts share (window.T): DOM helpers that only ever insert
   text (article text is untrusted), the API call, the hover tip and the page's state. */
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined && c !== "") node.append(c);
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    return node;
  }

  async function api(path, p) {
    const url = p ? `${path}?${p}` : path;
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) {
      let msg = r.statusText;
      try { msg = JSON.stringify((await r.json()).detail); } catch (e) { /* not JSON */ }
      throw new Error(`${r.status} ${msg}`);
    }
    return r.json();
  }

  function showError(where, e) {
    where.replaceChildren(el("div", { class: "empty", text: `Could not load: ${e.message}` }));
  }

  const tip = $("tip");
  function moveTip(ev) {
    const x = Math.min(ev.clientX + 12, window.innerWidth - 370);
    tip.style.left = `${Math.max(4, x)}px`;
    tip.style.top = `${ev.clientY + 14}px`;
  }
  function tipOn(node, text) {
    node.addEventListener("mouseenter", (ev) => { tip.textContent = text; tip.hidden = false; moveTip(ev); });
    node.addEventListener("mousemove", moveTip);
    node.addEventListener("mouseleave", () => { tip.hidden = true; });
    node.setAttribute("aria-label", text);
  }
  function hideTip() { tip.hidden = true; }

  // a type's colour comes from the server's fixed table (the same in every store); set through the
  // CSSOM, which the Content-Security-Policy allows (no inline style attribute is ever written)
  function paint(node, colour) {
    node.style.backgroundColor = colour;
    node.dataset.colour = colour;
    return node;
  }

  window.T = { $, el, svg, api, showError, tipOn, hideTip, paint, state: {} };
})();
