/* tacitus explorer: filters (kept in the URL, so a view can be shared), the table of incidents (one
   row per cluster of reports, or every report), the map and the timeline. Article text is untrusted:
   it only ever reaches the page as text nodes or as Leaflet content built from DOM nodes. */
"use strict";

const { $, el, svg, api, showError, tipOn, paint } = window.T;
const PAGE = 50;
const URL_KEYS = ["dim", "type", "actor", "country", "text", "since", "until", "bbox", "view", "all", "sort", "bucket"];
const DEFAULTS = { dim: "plover", view: "clusters", bucket: "auto", all: "", sort: "" };
const OTHER = "#BBBBBB";

const state = Object.assign(window.T.state, {
  dim: "plover", type: "", actor: "", country: "", text: "", since: "", until: "", bbox: "", bboxName: "",
  view: "clusters", all: "", sort: "", offset: 0, bucket: "auto", shown: "day", facets: null, colours: {},
  selected: null, fit: true,
});

// ---------------------------------------------------------------- state <-> URL
function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const k of URL_KEYS) state[k] = q.get(k) || DEFAULTS[k] || "";
  if (!["clusters", "events"].includes(state.view)) state.view = "clusters";
  if (!["plover", "acled", "cameo"].includes(state.dim)) state.dim = "plover";
  state.bboxName = state.bbox ? "the chosen area" : "";
}
function writeUrl() {
  const q = new URLSearchParams();
  for (const k of URL_KEYS) if (state[k] && state[k] !== (DEFAULTS[k] || "")) q.set(k, state[k]);
  const qs = q.toString();
  history.replaceState(null, "", `${location.pathname}${qs ? "?" + qs : ""}${location.hash}`);
}
function clustered() { return state.view === "clusters"; }
function params(extra) {
  const p = new URLSearchParams();
  for (const k of ["actor", "country", "text", "since", "until", "bbox", "type"]) if (state[k]) p.set(k, state[k]);
  if (state.all) p.set("all_events", "true");
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  return p;
}

// ---------------------------------------------------------------- types and colours
function typeOf(row) {
  const col = { plover: "type_plover", acled: "type_acled", cameo: "type_cameo_root" }[state.dim];
  return row[col] === null || row[col] === undefined ? null : String(row[col]);
}
function typeLabel(value) {
  if (!value) return "uncoded";
  const f = ((state.facets || {})[state.dim] || []).find((x) => x.value === value);
  return f && f.label && state.dim === "cameo" ? `${value} ${f.label}` : value;
}
function colourOf(value) { return (state.colours[state.dim] || {})[value] || OTHER; }
function swatch(value, tag) { return paint(el(tag || "span", { class: "sw" }), colourOf(value)); }
function place(row) { return [row.location_name, row.location_country].filter(Boolean).join(", "); }

// ---------------------------------------------------------------- facets and filters
function fillSelect(sel, items, keep, label) {
  sel.replaceChildren(el("option", { value: "", text: "any" }));
  const values = new Set();
  for (const f of items) {
    values.add(f.value);
    sel.append(el("option", { value: f.value, "data-n": String(f.n), text: `${label(f)} (${f.n})` }));
  }
  if (keep && !values.has(keep)) sel.append(el("option", { value: keep, "data-n": "0", text: `${keep} (0)` }));
  sel.value = keep || "";
}

function fillLegend() {
  const legend = $("legend");
  legend.replaceChildren();
  const items = (state.facets[state.dim] || []).slice(0, 12);
  for (const f of items) legend.append(el("div", { "data-type": f.value }, swatch(f.value, "i"), typeLabel(f.value)));
  if ((state.facets[state.dim] || []).length > items.length) legend.append(el("div", {}, paint(el("i", {}), OTHER), "other"));
}

async function loadFacets(job) {
  const f = await api("/api/facets", params({ clusters: clustered() ? "true" : "" }));
  if (job !== undefined && job !== pending) return;
  state.facets = f;
  state.colours = f.colours || {};
  $("stats").textContent = `${f.articles} articles · ${f.incidents} incidents (${f.events} events) · ${f.clusters} clusters · ${f.dates.first || "?"} – ${f.dates.last || "?"}`;
  fillSelect($("f-type"), f[state.dim] || [], state.type, (x) => (x.label && state.dim === "cameo" ? `${x.value} ${x.label}` : x.value));
  fillSelect($("f-country"), f.country, state.country, (x) => x.value);
  $("actor-list").replaceChildren(...f.actor.map((a) => el("option", { value: a.value })));
  fillLegend();
}

function readFilters() {
  state.dim = $("f-dim").value;
  state.type = $("f-type").value;
  state.actor = $("f-actor").value.trim();
  state.country = $("f-country").value;
  state.text = $("f-text").value.trim();
  state.since = $("f-since").value;
  state.until = $("f-until").value;
  state.all = $("f-all").checked ? "1" : "";
  state.view = $("f-reports").checked ? "events" : "clusters";
}
function writeFilters() {
  $("f-dim").value = state.dim;
  $("f-actor").value = state.actor;
  $("f-text").value = state.text;
  $("f-since").value = state.since;
  $("f-until").value = state.until;
  $("f-all").checked = Boolean(state.all);
  $("f-reports").checked = !clustered();
  $("t-bucket").value = state.bucket;
  $("t-clear").hidden = !(state.since || state.until);
  const x = params({ format: $("x-format").value, clusters: clustered() ? "true" : "" });
  $("x-link").href = `/api/export?${x}`;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === `-${key}` ? "descending" : "none");
  }
}

let pending = 0;
function refresh(opts) {
  const { timeline = true, fit = true } = opts || {};
  state.offset = 0;
  state.fit = fit;
  writeFilters();
  writeUrl();
  const job = ++pending;
  document.body.dataset.ready = "0";
  const tasks = [loadFacets(job).then(() => Promise.all([loadTable(job), loadMap(job, false),
    timeline ? loadTimeline(job) : null]))];
  return Promise.all(tasks).catch((e) => { $("stats").textContent = `Could not reach the API: ${e.message}`; })
    .finally(() => { if (job === pending) document.body.dataset.ready = "1"; });
}

// ---------------------------------------------------------------- table
async function loadTable(job) {
  const body = $("events").querySelector("tbody");
  let data;
  try {
    data = await api(clustered() ? "/api/clusters" : "/api/events", params({ limit: PAGE, offset: state.offset, sort: state.sort }));
  } catch (e) { showError(body, e); return; }
  if (job !== undefined && job !== pending) return;
  body.replaceChildren();
  for (const r of data.items) {
    const t = typeOf(r);
    const kill = r.fatalities_best === null || r.fatalities_best === undefined ? "" : String(r.fatalities_best);
    const reports = r.num_articles || 1;
    const tr = el("tr", { "data-event": r.event_id, "data-article": r.article_id, "data-reports": String(reports),
      "data-type": t || "", class: r.current === false ? "background" : "" },
      el("td", { text: r.date_start || "" }),
      el("td", {}, swatch(t), " ", typeLabel(t)),
      el("td", { text: r.actor1_name || r.actor1_text || "" }),
      el("td", { text: r.actor2_name || r.actor2_text || "" }),
      el("td", { text: place(r) }),
      el("td", { class: "num", text: kill }),
      el("td", { class: "num", text: String(reports), title: `${reports} report(s) from ${r.num_sources || 1} source(s)` }));
    tipOn(tr, r.evidence_text || "");
    tr.addEventListener("click", () => window.T.openArticle(r.article_id, r.event_id));
    body.append(tr);
  }
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: "7", class: "empty", text: "Nothing matches these filters." })));
  const what = clustered() ? "incidents" : "reports";
  $("total").textContent = `${data.total} ${what}${state.bbox ? ` at ${state.bboxName} (Clear to see all)` : ""}`;
  $("total").dataset.total = String(data.total);
  const pages = Math.max(1, Math.ceil(data.total / PAGE));
  $("page").textContent = `${Math.floor(state.offset / PAGE) + 1} / ${pages}`;
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + PAGE >= data.total;
}

for (const th of document.querySelectorAll("#events th[data-sort]")) {
  th.addEventListener("click", () => {
    const key = th.dataset.sort;
    state.sort = state.sort === key ? `-${key}` : state.sort === `-${key}` ? "" : key;
    writeFilters(); writeUrl(); state.offset = 0; loadTable();
  });
}

// ---------------------------------------------------------------- map
const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([20, 20], 2);
map.attributionControl.addAttribution("Natural Earth");
const outlines = L.layerGroup().addTo(map);
const markers = L.markerClusterGroup({
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
map.addLayer(markers);

function pin(n, top, isCluster) {
  const size = Math.round(Math.min(46, 18 + 6 * Math.log2(1 + n)));
  const node = paint(el("div", { class: `pin${isCluster ? " cluster" : ""}`, text: String(n) }), colourOf(top));
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
  const extra = { by: state.dim, clusters: clustered() ? "true" : "" };
  const box = inView ? viewBbox() : null;
  if (box && !state.bbox) extra.bbox = box;
  try { data = await api("/api/map", params(extra)); } catch (e) { return; }
  if (job !== undefined && job !== pending) return;
  state.mapMode = data.mode;
  markers.clearLayers();
  const list = data.items.map((p) => {
    const top = p.top_type === "?" ? null : p.top_type;
    const m = L.marker([p.lat, p.lon], { icon: pin(p.n, top, false), n: p.n, top,
      title: `${p.name || "cell"}: ${p.n} ${clustered() ? "incidents" : "reports"}, ${p.fatalities || 0} killed` });
    m.bindPopup(() => placePopup(p, data.grid));
    return m;
  });
  markers.addLayers(list);
  $("map").dataset.markers = String(list.length);
  $("map").dataset.mode = data.mode;
  if (!inView && state.fit && list.length) {
    state.fitting = true;
    map.fitBounds(L.latLngBounds(data.items.map((p) => [p.lat, p.lon])).pad(0.2), { maxZoom: 6, animate: false });
    state.fitting = false;
  }
  $("map").dataset.fitted = state.fit ? "1" : "0";
}
// cells are sized to the view: zooming or panning asks again (places once few enough are in view)
map.on("moveend", () => {
  clearTimeout(state.moveTimer);
  if (state.fitting) return;
  if (state.mapMode === "grid" || state.mapInView) {
    state.moveTimer = setTimeout(() => { state.mapInView = true; loadMap(pending, true); }, 250);
  }
});

function placePopup(p, grid) {
  const dl = el("dl", {});
  for (const [t, n] of Object.entries(p.types).sort((a, b) => b[1] - a[1])) {
    const v = t === "?" ? null : t;
    dl.append(el("dt", {}, swatch(v)), el("dd", { text: `${typeLabel(v)}: ${n}` }));
  }
  const btn = el("button", { type: "button", text: "Events here" });
  btn.addEventListener("click", () => {
    const d = grid ? grid / 2 : 0.01;
    const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(4);
    state.bbox = `${c(p.lon - d, -180, 180)},${c(p.lat - d, -90, 90)},${c(p.lon + d, -180, 180)},${c(p.lat + d, -90, 90)}`;
    state.bboxName = p.name || `this ${grid}° cell`;
    map.closePopup();
    window.T.closeArticle();
    refresh({ fit: false });
  });
  const name = p.name ? `${p.name}${p.country ? ", " + p.country : ""}` : `${grid}° cell at ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`;
  return el("div", { class: "popup" }, el("strong", { text: name }),
    el("div", { text: `${p.n} ${clustered() ? "incidents" : "reports"} · ${p.fatalities || 0} killed${p.precision ? " · " + p.precision : ""}` }), dl, btn);
}

// ---------------------------------------------------------------- timeline
const tl = { x0: 40, width: 0, height: 0, lo: null, hi: null, drag: null };
const DAY = 86400000;
const BUCKET_DAYS = { day: 1, week: 7, month: 30.4, year: 365.25 };
function dayMs(s) { return Date.parse(`${s}T00:00:00Z`); }
function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }

function bucketFor() {
  if (state.bucket !== "auto") return state.bucket;
  const d = state.facets.dates;
  const span = d.first && d.last ? (dayMs(d.last) - dayMs(d.first)) / DAY + 1 : 1;
  const plot = Math.max(200, ($("timeline").clientWidth || 800) - tl.x0 - 10);
  // the finest bucket whose bars stay at least 4 px wide
  return ["day", "week", "month", "year"].find((b) => plot / (span / BUCKET_DAYS[b]) >= 4) || "year";
}
function bucketEnd(ms) {
  const d = new Date(ms);
  if (state.shown === "week") return ms + 7 * DAY;
  if (state.shown === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  if (state.shown === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  return ms + DAY;
}

async function loadTimeline(job) {
  state.shown = bucketFor();
  const p = params({ bucket: state.shown, by: state.dim, clusters: clustered() ? "true" : "" });
  p.delete("since"); p.delete("until");  // the timeline shows the whole range; its brush sets the range
  let data;
  try { data = await api("/api/timeline", p); } catch (e) { return; }
  if (job !== undefined && job !== pending) return;
  $("timeline").dataset.bucket = state.shown;
  $("t-shown").textContent = state.bucket === "auto" ? `(${state.shown})` : "";
  drawTimeline(data.items);
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
  const plotW = w - tl.x0 - 12, plotH = h - 22;
  const maxN = Math.max(...[...periods.values()].map((v) => v.reduce((s, x) => s + x.n, 0)));
  const killed = [...periods.entries()].map(([p, v]) => [dayMs(p), v.reduce((s, x) => s + (x.fatalities || 0), 0)]);
  const maxK = Math.max(0, ...killed.map((k) => k[1]));
  const xOf = (ms) => tl.x0 + ((ms - tl.lo) / (tl.hi - tl.lo)) * plotW;
  tl.xOf = xOf;
  tl.msOf = (x) => tl.lo + ((x - tl.x0) / plotW) * (tl.hi - tl.lo);
  const bars = svg("g", {});
  let minWidth = Infinity;
  for (const [period, list] of periods) {
    const s = dayMs(period);
    const x = xOf(s), bw = Math.max(1.5, xOf(bucketEnd(s)) - x - 0.5);
    minWidth = Math.min(minWidth, bw);
    let y = plotH;
    list.sort((a, b) => b.n - a.n);
    for (const it of list) {
      const bh = (it.n / maxN) * (plotH - 6);
      y -= bh;
      const r = svg("rect", { x: x.toFixed(1), y: y.toFixed(1), width: bw.toFixed(1), height: bh.toFixed(1), fill: colourOf(it.type), "data-type": it.type || "" });
      r.append(svg("title", { text: `${period}: ${it.n} ${typeLabel(it.type)}, ${it.fatalities || 0} killed` }));
      bars.append(r);
    }
  }
  box.dataset.barWidth = String(Math.round(minWidth * 10) / 10);
  box.append(bars);
  if (maxK > 0) {  // fatalities: a dot per period on its own scale (the most killed at the top)
    const dots = svg("g", { class: "killed" });
    for (const [ms, k] of killed) {
      if (!k) continue;
      const c = svg("circle", { cx: (xOf(ms) + Math.max(1, xOf(bucketEnd(ms)) - xOf(ms)) / 2).toFixed(1),
        cy: (plotH - (k / maxK) * (plotH - 8)).toFixed(1), r: 3 });
      c.append(svg("title", { text: `${iso(ms)}: ${k} killed` }));
      dots.append(c);
    }
    box.append(dots);
    box.append(svg("text", { x: w - 4, y: 10, class: "axis", "text-anchor": "end", text: `● ${maxK} killed` }));
  }
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: tl.x0, x2: w - 12, y1: plotH + 0.5, y2: plotH + 0.5, stroke: "#99a" }));
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
  if (b - a < 3) { state.since = ""; state.until = ""; showBrush(); refresh({ timeline: false, fit: false }); return; }
  const lo = Math.max(tl.lo, tl.msOf(a)), hi = Math.min(tl.hi - 1, tl.msOf(b));
  state.since = iso(lo); state.until = iso(hi);
  showBrush();
  refresh({ timeline: false, fit: false });
});

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
    window.T.renderArticle(data, null);
  } catch (e) { status.textContent = `Could not extract: ${e.message}`; }
});

// ---------------------------------------------------------------- wiring
let typing = null;
function onFilter(ev) {
  if (ev.target.id === "x-format") { writeFilters(); return; }
  clearTimeout(typing);
  const wait = ev.target.tagName === "INPUT" && !["date", "checkbox"].includes(ev.target.type) ? 350 : 0;
  typing = setTimeout(() => {
    const dimChanged = $("f-dim").value !== state.dim;
    readFilters();
    if (dimChanged) state.type = "";
    window.T.closeArticle();
    refresh();
  }, wait);
}
// typing fires input; a select or a checkbox fires change (some only that): both land in one refresh
$("filters").addEventListener("input", onFilter);
$("filters").addEventListener("change", (ev) => { if (ev.target.tagName === "SELECT" || ev.target.type === "checkbox") onFilter(ev); });
$("f-reports").addEventListener("change", () => { readFilters(); window.T.closeArticle(); refresh({ fit: false }); });
$("filters").addEventListener("submit", (ev) => ev.preventDefault());
$("f-clear").addEventListener("click", () => {
  Object.assign(state, { type: "", actor: "", country: "", text: "", since: "", until: "", bbox: "", all: "", sort: "" });
  writeFilters(); window.T.closeArticle(); refresh();
});
$("t-clear").addEventListener("click", () => { state.since = ""; state.until = ""; showBrush(); refresh({ timeline: false, fit: false }); });
$("t-bucket").addEventListener("change", () => { state.bucket = $("t-bucket").value; writeUrl(); loadTimeline(); });
$("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(); });
$("next").addEventListener("click", () => { state.offset += PAGE; loadTable(); });
$("article-close").addEventListener("click", () => window.T.closeArticle());
window.addEventListener("resize", () => { clearTimeout(tl.resize); tl.resize = setTimeout(() => loadTimeline(), 200); });

function fromHash() {
  const m = location.hash.match(/^#article=([^&]+)(?:&event=(.+))?$/);
  if (m) window.T.openArticle(decodeURIComponent(m[1]), m[2] ? decodeURIComponent(m[2]) : null);
}
window.addEventListener("hashchange", fromHash);

(async function start() {
  readUrl();
  await refresh();
  fromHash();
})();
