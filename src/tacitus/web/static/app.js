/* tacitus explorer. Article text is untrusted: it only ever reaches the page as text nodes
   (textContent, createTextNode) or as Leaflet content built from DOM nodes, never as markup. */
"use strict";

const PAGE = 50;
const COLOURS = 11;  // classes c0..c10; c11 is "other"
const $ = (id) => document.getElementById(id);

const state = {
  dim: "plover", type: "", actor: "", country: "", text: "", since: "", until: "", bbox: "", bboxName: "",
  offset: 0, bucket: "auto", shown: "day", facets: null, typeClass: new Map(), selected: null,
};

// ---------------------------------------------------------------- helpers
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}
function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  return node;
}
function params(extra) {
  const p = new URLSearchParams();
  for (const k of ["actor", "country", "text", "since", "until", "bbox"]) if (state[k]) p.set(k, state[k]);
  if (state.type) p.set("type", state.type);
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined) p.set(k, v);
  return p;
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
function typeOf(row) {
  const col = { plover: "type_plover", acled: "type_acled", cameo: "type_cameo_root" }[state.dim];
  return row[col] === null || row[col] === undefined ? null : String(row[col]);
}
function typeLabel(value) {
  if (!value) return "uncoded";
  const f = (state.facets[state.dim] || []).find((x) => x.value === value);
  return f && f.label && state.dim === "cameo" ? `${value} ${f.label}` : value;
}
function classOf(value) {
  return state.typeClass.has(value) ? state.typeClass.get(value) : "c11";
}
function place(row) {
  return [row.location_name, row.location_country].filter(Boolean).join(", ");
}
function showError(where, e) {
  where.replaceChildren(el("div", { class: "empty", text: `Could not load: ${e.message}` }));
}

// ---------------------------------------------------------------- tooltip
const tip = $("tip");
function tipOn(node, text) {
  node.addEventListener("mouseenter", (ev) => { tip.textContent = text; tip.hidden = false; moveTip(ev); });
  node.addEventListener("mousemove", moveTip);
  node.addEventListener("mouseleave", () => { tip.hidden = true; });
  node.setAttribute("aria-label", text);
}
function moveTip(ev) {
  const x = Math.min(ev.clientX + 12, window.innerWidth - 370);
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${ev.clientY + 14}px`;
}

// ---------------------------------------------------------------- facets and filters
function fillTypes() {
  const sel = $("f-type");
  const keep = state.type;
  sel.replaceChildren(el("option", { value: "", text: "any" }));
  state.typeClass = new Map();
  (state.facets[state.dim] || []).forEach((f, i) => {
    const label = f.label && state.dim === "cameo" ? `${f.value} ${f.label}` : f.value;
    sel.append(el("option", { value: f.value, text: `${label} (${f.n})` }));
    state.typeClass.set(f.value, i < COLOURS ? `c${i}` : "c11");
  });
  sel.value = [...sel.options].some((o) => o.value === keep) ? keep : "";
  state.type = sel.value;
  const legend = $("legend");
  legend.replaceChildren();
  (state.facets[state.dim] || []).slice(0, COLOURS).forEach((f) => {
    legend.append(el("div", {}, el("i", { class: classOf(f.value) }), typeLabel(f.value)));
  });
  if ((state.facets[state.dim] || []).length > COLOURS) legend.append(el("div", {}, el("i", { class: "c11" }), "other"));
}

async function loadFacets() {
  state.facets = await api("/api/facets");
  const f = state.facets;
  $("stats").textContent = `${f.articles} articles · ${f.events} events · ${f.clusters} clusters · ${f.dates.first || "?"} – ${f.dates.last || "?"}`;
  const cs = $("f-country");
  cs.replaceChildren(el("option", { value: "", text: "any" }), ...f.country.map((c) => el("option", { value: c.value, text: `${c.value} (${c.n})` })));
  $("actor-list").replaceChildren(...f.actor.map((a) => el("option", { value: a.value })));
  fillTypes();
}

function readFilters() {
  state.dim = $("f-dim").value;
  state.type = $("f-type").value;
  state.actor = $("f-actor").value.trim();
  state.country = $("f-country").value;
  state.text = $("f-text").value.trim();
  state.since = $("f-since").value;
  state.until = $("f-until").value;
}
function writeFilters() {
  $("f-since").value = state.since;
  $("f-until").value = state.until;
  $("t-clear").hidden = !(state.since || state.until);
  $("x-link").href = `/api/export?${params({ format: $("x-format").value })}`;
}

let pending = 0;
function refresh(opts) {
  const { timeline = true } = opts || {};
  state.offset = 0;
  writeFilters();
  const job = ++pending;
  const tasks = [loadTable(job), loadMap(job, state.mapInView)];
  if (timeline) tasks.push(loadTimeline(job));
  return Promise.all(tasks).finally(() => { if (job === pending) document.body.dataset.ready = "1"; });
}

// ---------------------------------------------------------------- table
async function loadTable(job) {
  const body = $("events").querySelector("tbody");
  let data;
  try {
    data = await api("/api/events", params({ limit: PAGE, offset: state.offset }));
  } catch (e) { showError(body, e); return; }
  if (job !== undefined && job !== pending) return;
  body.replaceChildren();
  for (const r of data.items) {
    const t = typeOf(r);
    const kill = r.fatalities_best === null || r.fatalities_best === undefined ? "" : String(r.fatalities_best);
    const tr = el("tr", { "data-event": r.event_id, "data-article": r.article_id },
      el("td", { text: r.date_start || "" }),
      el("td", {}, el("span", { class: `sw ${classOf(t)}` }), " ", typeLabel(t)),
      el("td", { text: r.actor1_name || r.actor1_text || "" }),
      el("td", { text: r.actor2_name || r.actor2_text || "" }),
      el("td", { text: place(r) }),
      el("td", { class: "num", text: kill }),
      el("td", { class: "num", text: String(r.num_sources || 1) }));
    tipOn(tr, r.evidence_text || "");
    tr.addEventListener("click", () => openArticle(r.article_id, r.event_id));
    body.append(tr);
  }
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: "7", class: "empty", text: "No events match these filters." })));
  $("total").textContent = `${data.total} events${state.bbox ? ` at ${state.bboxName} (Clear to see all)` : ""}`;
  $("total").dataset.total = String(data.total);
  const pages = Math.max(1, Math.ceil(data.total / PAGE));
  $("page").textContent = `${Math.floor(state.offset / PAGE) + 1} / ${pages}`;
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + PAGE >= data.total;
}

// ---------------------------------------------------------------- map
const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([20, 20], 2);
map.attributionControl.addAttribution("Natural Earth");
const outlines = L.layerGroup().addTo(map);
const cluster = L.markerClusterGroup({
  showCoverageOnHover: false, maxClusterRadius: 45,
  iconCreateFunction: (c) => {
    const kids = c.getAllChildMarkers();
    const n = kids.reduce((s, m) => s + m.options.n, 0);
    const votes = new Map();
    for (const m of kids) votes.set(m.options.top, (votes.get(m.options.top) || 0) + m.options.n);
    const top = [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return pin(n, top, true);
  },
});
map.addLayer(cluster);

function pin(n, top, isCluster) {
  const size = Math.round(Math.min(46, 18 + 6 * Math.log2(1 + n)));
  const node = el("div", { class: `pin ${classOf(top)}${isCluster ? " cluster" : ""}`, text: String(n) });
  return L.divIcon({ html: node, className: "pin-wrap", iconSize: [size, size] });
}

fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((topo) => {
  const geo = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(geo, { style: { className: "country", weight: 0.6, fillOpacity: 1 }, interactive: false }).addTo(outlines);
}).catch(() => { /* the map still works without outlines */ });

function viewBbox() {
  const b = map.getBounds();
  const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  const w = c(b.getWest(), -180, 180), e = c(b.getEast(), -180, 180);
  if (b.getEast() - b.getWest() >= 360 || e <= w) return null;
  return [w, c(b.getSouth(), -90, 90), e, c(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
}

async function loadMap(job, inView) {
  let data;
  const extra = { by: state.dim };
  const box = inView ? viewBbox() : null;
  if (box && !state.bbox) extra.bbox = box;
  try {
    data = await api("/api/map", params(extra));
  } catch (e) { return; }
  if (job !== undefined && job !== pending) return;
  state.mapMode = data.mode;
  cluster.clearLayers();
  const markers = data.items.map((p) => {
    const top = p.top_type === "?" ? null : p.top_type;
    const m = L.marker([p.lat, p.lon], { icon: pin(p.n, top, false), n: p.n, top, title: `${p.name || "cell"} (${p.n})` });
    m.bindPopup(() => placePopup(p, data.grid));
    return m;
  });
  cluster.addLayers(markers);
  $("map").dataset.markers = String(markers.length);
  $("map").dataset.mode = data.mode;
}
// cells are sized to the view: zooming or panning asks again (places once few enough are in view)
map.on("moveend", () => {
  clearTimeout(state.moveTimer);
  if (state.mapMode === "grid" || state.mapInView) {
    state.moveTimer = setTimeout(() => { state.mapInView = true; loadMap(pending, true); }, 250);
  }
});

function placePopup(p, grid) {
  const dl = el("dl", {});
  for (const [t, n] of Object.entries(p.types).sort((a, b) => b[1] - a[1])) {
    dl.append(el("dt", {}, el("span", { class: `sw ${classOf(t === "?" ? null : t)}` })), el("dd", { text: `${typeLabel(t === "?" ? null : t)}: ${n}` }));
  }
  const btn = el("button", { type: "button", text: "Events here" });
  btn.addEventListener("click", () => {
    const d = grid ? grid / 2 : 0.01;
    const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(4);
    state.bbox = `${c(p.lon - d, -180, 180)},${c(p.lat - d, -90, 90)},${c(p.lon + d, -180, 180)},${c(p.lat + d, -90, 90)}`;
    state.bboxName = p.name || `this ${grid}° cell`;
    map.closePopup();
    closeArticle();
    refresh();
  });
  const name = p.name ? `${p.name}${p.country ? ", " + p.country : ""}` : `${grid}° cell at ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`;
  return el("div", { class: "popup" }, el("strong", { text: name }),
    el("div", { text: `${p.n} events${p.precision ? " · " + p.precision : ""}` }), dl, btn);
}
// ---------------------------------------------------------------- timeline
const tl = { days: [], x0: 40, width: 0, height: 0, lo: null, hi: null, drag: null };

function bucketFor() {
  if (state.bucket !== "auto") return state.bucket;
  const d = state.facets.dates;
  const days = d.first && d.last ? (dayMs(d.last) - dayMs(d.first)) / DAY : 0;
  return days <= 800 ? "day" : days <= 3000 ? "week" : "month";  // about a bar per pixel or more
}

async function loadTimeline(job) {
  state.shown = bucketFor();
  const p = params({ bucket: state.shown, by: state.dim });
  p.delete("since"); p.delete("until");  // the timeline shows the whole range; its brush sets the range
  let data;
  try { data = await api("/api/timeline", p); } catch (e) { return; }
  if (job !== undefined && job !== pending) return;
  drawTimeline(data.items);
}

const DAY = 86400000;
function dayMs(s) { return Date.parse(`${s}T00:00:00Z`); }
function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
function bucketEnd(ms) {
  const d = new Date(ms);
  if (state.shown === "week") return ms + 7 * DAY;
  if (state.shown === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return ms + DAY;
}

function drawTimeline(items) {
  const box = $("timeline");
  const w = box.clientWidth || 800, h = box.clientHeight || 120;
  box.setAttribute("viewBox", `0 0 ${w} ${h}`);
  box.replaceChildren();
  tl.width = w; tl.height = h;
  if (!items.length) { box.append(svg("text", { x: 10, y: 20, class: "axis", text: "no dated events" })); tl.lo = null; return; }
  const periods = new Map();
  for (const it of items) {
    if (!periods.has(it.period)) periods.set(it.period, []);
    periods.get(it.period).push(it);
  }
  const starts = [...periods.keys()].map(dayMs);
  tl.lo = Math.min(...starts);
  tl.hi = bucketEnd(Math.max(...starts));
  const plotW = w - tl.x0 - 10, plotH = h - 22;
  const maxN = Math.max(...[...periods.values()].map((v) => v.reduce((s, x) => s + x.n, 0)));
  const xOf = (ms) => tl.x0 + ((ms - tl.lo) / (tl.hi - tl.lo)) * plotW;
  tl.xOf = xOf;
  tl.msOf = (x) => tl.lo + ((x - tl.x0) / plotW) * (tl.hi - tl.lo);
  const bars = svg("g", {});
  for (const [period, list] of periods) {
    const s = dayMs(period);
    const x = xOf(s), bw = Math.max(1.5, xOf(bucketEnd(s)) - x - 0.5);
    let y = plotH;
    list.sort((a, b) => b.n - a.n);
    for (const it of list) {
      const bh = (it.n / maxN) * (plotH - 6);
      y -= bh;
      const r = svg("rect", { x: x.toFixed(1), y: y.toFixed(1), width: bw.toFixed(1), height: bh.toFixed(1), class: classOf(it.type) });
      r.append(svg("title", { text: `${period}: ${it.n} ${typeLabel(it.type)}` }));
      bars.append(r);
    }
  }
  box.append(bars);
  // axis: a tick per year or month, whichever gives fewer than ~12
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: tl.x0, x2: w - 10, y1: plotH + 0.5, y2: plotH + 0.5, stroke: "#99a" }));
  const years = new Date(tl.hi).getUTCFullYear() - new Date(tl.lo).getUTCFullYear();
  const d = new Date(tl.lo);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const stepMonths = years >= 4 ? 12 : years >= 1 ? 3 : 1;
  while (t <= tl.hi) {
    if (t >= tl.lo) {
      const x = xOf(t);
      axis.append(svg("line", { x1: x, x2: x, y1: plotH, y2: plotH + 4, stroke: "#99a" }));
      axis.append(svg("text", { x: x + 2, y: plotH + 15, text: iso(t).slice(0, 7) }));
    }
    const dt = new Date(t);
    t = Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + stepMonths, 1);
  }
  axis.append(svg("text", { x: 2, y: 10, text: String(maxN) }));
  box.append(axis);
  tl.brush = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: plotH, visibility: "hidden" });
  box.append(tl.brush);
  showBrush();
}

function showBrush() {
  if (!tl.brush || tl.lo === null) return;
  if (!state.since && !state.until) { tl.brush.setAttribute("visibility", "hidden"); return; }
  const a = tl.xOf(state.since ? dayMs(state.since) : tl.lo);
  const b = tl.xOf(state.until ? dayMs(state.until) + DAY : tl.hi);
  tl.brush.setAttribute("x", Math.min(a, b));
  tl.brush.setAttribute("width", Math.max(2, Math.abs(b - a)));
  tl.brush.setAttribute("visibility", "visible");
}

function svgX(ev) {
  const box = $("timeline").getBoundingClientRect();
  return ((ev.clientX - box.left) / box.width) * tl.width;
}
$("timeline").addEventListener("pointerdown", (ev) => {
  if (tl.lo === null) return;
  tl.drag = svgX(ev);
  $("timeline").setPointerCapture(ev.pointerId);
  tl.brush.setAttribute("x", tl.drag); tl.brush.setAttribute("width", 0); tl.brush.setAttribute("visibility", "visible");
});
$("timeline").addEventListener("pointermove", (ev) => {
  if (tl.drag === null) return;
  const x = svgX(ev);
  tl.brush.setAttribute("x", Math.min(x, tl.drag));
  tl.brush.setAttribute("width", Math.abs(x - tl.drag));
});
$("timeline").addEventListener("pointerup", (ev) => {
  if (tl.drag === null) return;
  const x = svgX(ev), a = Math.min(x, tl.drag), b = Math.max(x, tl.drag);
  tl.drag = null;
  if (b - a < 3) { state.since = ""; state.until = ""; showBrush(); refresh({ timeline: false }); return; }
  const lo = Math.max(tl.lo, tl.msOf(a)), hi = Math.min(tl.hi - 1, tl.msOf(b));
  state.since = iso(lo); state.until = iso(hi);
  showBrush();
  refresh({ timeline: false });
});

// ---------------------------------------------------------------- article view
function closeArticle() {
  $("article-pane").hidden = true;
  $("table-pane").hidden = false;
  if (location.hash) history.replaceState(null, "", location.pathname);
}

async function openArticle(articleId, eventId) {
  let art;
  try { art = await api(`/api/articles/${encodeURIComponent(articleId)}`); } catch (e) {
    $("article-pane").hidden = false; $("table-pane").hidden = true;
    showError($("article-text"), e); return;
  }
  history.replaceState(null, "", `#article=${encodeURIComponent(articleId)}${eventId ? "&event=" + encodeURIComponent(eventId) : ""}`);
  renderArticle(art, eventId);
}

function safeLink(url) {
  try {
    const u = new URL(url);
    if (u.protocol === "http:" || u.protocol === "https:") return el("a", { href: u.href, rel: "noopener noreferrer", target: "_blank", text: u.hostname });
  } catch (e) { /* not a URL */ }
  return null;
}

function annotations(art) {
  const spans = [];
  const add = (start, end, kind, tipText, extra) => {
    if (typeof start === "number" && typeof end === "number" && end > start) spans.push({ start, end, kind, tip: tipText, ...extra });
  };
  for (const a of art.actors || []) {
    const what = [a.name, a.kind, a.country, a.cameo && `CAMEO ${a.cameo}`, a.title, a.affiliation].filter(Boolean).join(" · ");
    for (const m of a.mentions || []) add(m.start, m.end, "actor", `actor: ${what}`);
  }
  for (const p of art.places || []) {
    const where = [p.name, p.admin1, p.country, p.precision, p.lat != null ? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : null].filter(Boolean).join(" · ");
    add(p.start, p.end, "place", `place: ${where}\nrule: ${p.method || "gazetteer"}`);
  }
  for (const d of art.dates || []) {
    add(d.offset_start, d.offset_end, "date", `date: ${d.start || "?"}${d.end && d.end !== d.start ? " – " + d.end : ""} (${d.precision || "?"})\nrule: ${d.method || ""}`);
  }
  for (const c of art.counts || []) {
    const n = [c.low, c.best, c.high].filter((x) => x !== null && x !== undefined);
    add(c.start, c.end, "count", `${c.kind}: ${c.best ?? "?"}${n.length > 1 ? ` (${c.low ?? "?"}–${c.high ?? "?"})` : ""}${c.who ? "\nwho: " + c.who : ""}${c.hedge ? "\nhedge: " + c.hedge : ""}`);
  }
  for (const q of art.quotes || []) {
    const s = q.speaker;
    const who = s ? [s.name || s.text, s.title, s.affiliation].filter(Boolean).join(", ") : "unknown speaker";
    add(q.start, q.end, "quote", `${q.direct ? "quote" : "reported speech"} by ${who}${q.via ? "\nvia " + q.via : ""}${q.cue ? "\ncue: " + q.cue : ""}`);
    if (s) add(s.start, s.end, "speaker", `speaker: ${who}`);
  }
  for (const ev of art.events || []) {
    const t = ev.type || {};
    const text = [`event: ${t.cameo || "?"} ${t.cameo_label || ""}`, `PLOVER ${t.plover || "–"}${t.plover_mode ? "/" + t.plover_mode : ""} · ACLED ${t.acled || "–"}${t.acled_sub ? " / " + t.acled_sub : ""}`,
      `Goldstein ${t.goldstein ?? "–"} · quad ${t.quad_class ?? "–"}`, `rule: ${ev.evidence ? ev.evidence.rule : ""}`, `confidence ${ev.confidence}`].join("\n");
    if (ev.trigger) add(ev.trigger.start, ev.trigger.end, "trigger", text, { event: ev.id });
  }
  return spans;
}

function renderText(art, selected) {
  const text = art.text || "";
  const spans = annotations(art);
  const ev = (art.events || []).find((e) => e.id === selected);
  if (ev && ev.evidence) spans.push({ start: ev.evidence.start, end: ev.evidence.end, kind: "evidence", tip: `evidence (rule ${ev.evidence.rule})` });
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  let firstEvidence = null;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const on = spans.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) { out.append(document.createTextNode(piece)); continue; }
    const node = el("span", { class: [...new Set(on.map((s) => `hl hl-${s.kind}`))].join(" ") }, document.createTextNode(piece));
    tipOn(node, on.filter((s) => s.kind !== "evidence" || on.length === 1).map((s) => s.tip).join("\n\n"));
    const trig = on.find((s) => s.kind === "trigger");
    if (trig) node.addEventListener("click", () => renderArticle(art, trig.event));
    if (on.some((s) => s.kind === "evidence") && !firstEvidence) firstEvidence = node;
    out.append(node);
  }
  $("article-text").replaceChildren(out);
  if (firstEvidence) firstEvidence.scrollIntoView({ block: "center" });
}

function eventDetail(art, selected) {
  const box = $("event-detail");
  box.replaceChildren();
  const events = art.events || [];
  if (!events.length) { box.append(el("div", { text: "No events were coded in this article." })); return; }
  const list = el("div", { class: "event-list" });
  for (const e of events) {
    const b = el("button", { type: "button", class: e.id === selected ? "sel" : "", "data-event": e.id, text: `${e.type.cameo} ${e.type.plover || ""} · ${e.trigger ? e.trigger.text : ""}` });
    b.addEventListener("click", () => renderArticle(art, e.id));
    list.append(b);
  }
  box.append(list);
  const ev = events.find((e) => e.id === selected);
  if (!ev) return;
  const t = ev.type;
  const actor = (a) => (a ? `${a.name || a.text} (${[a.kind, a.country].filter(Boolean).join(", ")}) ← “${a.text}”` : "–");
  const tally = (x) => (x ? `${x.best ?? "?"}${x.low !== x.high ? ` (${x.low ?? "?"}–${x.high ?? "?"})` : ""}${x.who ? " " + x.who : ""}${x.note ? " · " + x.note : ""}` : null);
  const rows = [
    ["CAMEO", `${t.cameo} ${t.cameo_label || ""} (Goldstein ${t.goldstein}, quad ${t.quad_class})`],
    ["PLOVER", t.plover ? `${t.plover}${t.plover_mode ? " / " + t.plover_mode : ""}` : "–"],
    ["ACLED", t.acled ? `${t.acled} / ${t.acled_sub || "–"}` : "–"],
    ["Actor 1", actor(ev.actor1)], ["Actor 2", actor(ev.actor2)],
    ["Date", ev.date ? `${ev.date.start || "?"} (${ev.date.precision || "?"}; ${ev.date.method})` : "–"],
    ["Place", ev.location ? `${[ev.location.name, ev.location.country].filter(Boolean).join(", ")} (${ev.location.precision || "?"}; ${ev.location.method || ""})` : "–"],
    ["Killed", tally(ev.fatalities)], ["Injured", tally(ev.injured)], ["Arrested", tally(ev.arrested)],
    ["Modality", ev.modality], ["Reported by", (ev.reported_by || []).join(", ") || null],
    ["Rule", ev.evidence ? ev.evidence.rule : ""], ["Confidence", String(ev.confidence)],
  ];
  const dl = el("dl", {});
  for (const [k, v] of rows) if (v) dl.append(el("dt", { text: k }), el("dd", { text: v }));
  box.append(dl);
}

function renderArticle(art, selected) {
  tip.hidden = true;
  state.selected = selected || ((art.events || [])[0] || {}).id || null;
  $("table-pane").hidden = true;
  $("article-pane").hidden = false;
  $("article-pane").dataset.article = art.id || "";
  $("article-title").textContent = art.title || "(untitled)";
  const meta = $("article-meta");
  meta.replaceChildren(document.createTextNode([art.source, art.published, art.tone != null ? `tone ${Number(art.tone).toFixed(1)}` : null].filter(Boolean).join(" · ") + " "));
  const link = art.url ? safeLink(art.url) : null;
  if (link) meta.append(link);
  eventDetail(art, state.selected);
  renderText(art, state.selected);
}

$("article-close").addEventListener("click", closeArticle);

// ---------------------------------------------------------------- paste box
$("paste-open").addEventListener("click", () => $("paste").showModal());
$("p-close").addEventListener("click", () => $("paste").close());
$("p-run").addEventListener("click", async () => {
  const status = $("p-status");
  const text = $("p-text").value;
  if (!text.trim()) { status.textContent = "Paste the article's text first."; return; }
  status.textContent = "Extracting…";
  const body = { text, title: $("p-title").value || null, published: $("p-published").value || null };
  try {
    const r = await fetch("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = await r.json();
    if (!r.ok) { status.textContent = `Could not extract: ${typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)}`; return; }
    status.textContent = `${data.events.length} events, ${data.places.length} places, ${data.quotes.length} quotes (not stored)`;
    $("paste").close();
    renderArticle(data, null);
  } catch (e) { status.textContent = `Could not extract: ${e.message}`; }
});

// ---------------------------------------------------------------- wiring
let typing = null;
$("filters").addEventListener("input", (ev) => {
  if (ev.target.id === "x-format") { writeFilters(); return; }
  clearTimeout(typing);
  const wait = ev.target.tagName === "INPUT" && ev.target.type !== "date" ? 350 : 0;
  typing = setTimeout(() => {
    const dimChanged = $("f-dim").value !== state.dim;
    readFilters();
    if (dimChanged) { fillTypes(); state.type = ""; }
    closeArticle();
    refresh();
  }, wait);
});
$("filters").addEventListener("submit", (ev) => ev.preventDefault());
$("f-clear").addEventListener("click", () => {
  for (const id of ["f-type", "f-actor", "f-country", "f-text", "f-since", "f-until"]) $(id).value = "";
  state.bbox = "";
  readFilters(); closeArticle(); refresh();
});
$("t-clear").addEventListener("click", () => { state.since = ""; state.until = ""; showBrush(); refresh({ timeline: false }); });
$("t-bucket").addEventListener("change", () => { state.bucket = $("t-bucket").value; loadTimeline(); });
$("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(); });
$("next").addEventListener("click", () => { state.offset += PAGE; loadTable(); });
window.addEventListener("resize", () => { clearTimeout(tl.resize); tl.resize = setTimeout(() => loadTimeline(), 200); });

function fromHash() {
  const m = location.hash.match(/^#article=([^&]+)(?:&event=(.+))?$/);
  if (m) openArticle(decodeURIComponent(m[1]), m[2] ? decodeURIComponent(m[2]) : null);
}
window.addEventListener("hashchange", fromHash);

(async function start() {
  try { await loadFacets(); } catch (e) { $("stats").textContent = `Could not reach the API: ${e.message}`; return; }
  await refresh();
  fromHash();
})();
