/* tacitus explorer: the article view. An article with every annotation highlighted, the selected
   incident's evidence marked, its mentions (the clause-level codings merged into it, each with the
   reason it was merged), its current/background flag and salience, and the other reports of it
   (its cluster) with the reasons each was merged. Article text is untrusted: it only ever reaches
   the page as text nodes, never as markup. Shared helpers come from common.js (window.T). */
"use strict";

(function () {
  const { $, el, api, tipOn, hideTip, showError } = window.T;

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
      const head = [`event: ${t.cameo || "?"} ${t.cameo_label || ""}`, `PLOVER ${t.plover || "–"}${t.plover_mode ? "/" + t.plover_mode : ""} · ACLED ${t.acled || "–"}${t.acled_sub ? " / " + t.acled_sub : ""}`,
        `Goldstein ${t.goldstein ?? "–"} · quad ${t.quad_class ?? "–"}`];
      const mentions = ev.mentions && ev.mentions.length ? ev.mentions : [{ trigger: ev.trigger, evidence: ev.evidence, merged_by: null }];
      for (const m of mentions) {
        if (!m.trigger) continue;
        const text = [...head, `rule: ${m.evidence ? m.evidence.rule : ""}`, m.merged_by ? `merged into the incident: ${m.merged_by}` : `confidence ${ev.confidence}`].join("\n");
        add(m.trigger.start, m.trigger.end, "trigger", text, { event: ev.id });
      }
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

  function flags(e) {
    const out = [];
    out.push(el("span", { class: `flag ${e.current === false ? "flag-background" : "flag-current"}`, text: e.current === false ? "background" : "current" }));
    if (e.salience) out.push(el("span", { class: `flag flag-${e.salience}`, text: e.salience }));
    if (e.modality && e.modality !== "asserted") out.push(el("span", { class: "flag flag-modality", text: e.modality }));
    return out;
  }

  function mentionList(ev) {
    const list = el("ol", { class: "mentions" });
    for (const m of ev.mentions || []) {
      const why = m.merged_by ? `merged: ${m.merged_by}` : "first mention";
      list.append(el("li", { "data-merged": m.merged_by || "" },
        el("strong", { text: m.trigger ? m.trigger.text : "?" }), ` ${m.cameo || ""} · ${[m.actor1, m.actor2].filter(Boolean).join(" → ") || "no actors"}`,
        m.modality && m.modality !== "asserted" ? ` (${m.modality})` : "", el("span", { class: "why", text: ` — ${why}` })));
    }
    return list;
  }

  async function clusterBox(ev, box) {
    let detail;
    try { detail = await api(`/api/events/${encodeURIComponent(ev.id)}`); } catch (e) { return; }
    const c = detail.cluster;
    if (!c) return;
    const wrap = el("div", { class: "cluster", "data-cluster": c.cluster_id },
      el("div", { class: "cluster-head", text: `${c.num_articles} report${c.num_articles === 1 ? "" : "s"} of this incident from ${c.num_sources} source${c.num_sources === 1 ? "" : "s"}` }));
    const reasons = el("ul", { class: "reasons" });
    for (const r of c.reasons || []) reasons.append(el("li", { text: r }));
    wrap.append(el("div", { class: "sub", text: "Why the reports were merged:" }), reasons);
    const others = el("ul", { class: "reports" });
    for (const m of c.events || []) {
      const b = el("button", { type: "button", class: m.event_id === ev.id ? "sel" : "", text: `${m.published || "?"} · ${m.source || m.article_id}: ${m.title || ""}` });
      b.addEventListener("click", () => openArticle(m.article_id, m.event_id));
      others.append(el("li", {}, b));
    }
    wrap.append(others);
    box.append(wrap);
  }

  function eventDetail(art, selected) {
    const box = $("event-detail");
    box.replaceChildren();
    const events = art.events || [];
    if (!events.length) { box.append(el("div", { text: "No events were coded in this article." })); return; }
    const list = el("div", { class: "event-list" });
    for (const e of events) {
      const b = el("button", { type: "button", class: `${e.id === selected ? "sel" : ""}${e.current === false ? " background" : ""}`, "data-event": e.id,
        text: `${e.type.cameo} ${e.type.plover || ""} · ${e.trigger ? e.trigger.text : ""}${e.current === false ? " (background)" : ""}` });
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
      ["ACLED", t.acled ? `${t.acled} / ${t.acled_sub || "–"}${t.acled_rule ? " (" + t.acled_rule + ")" : ""}` : "–"],
      ["Actor 1", actor(ev.actor1)], ["Actor 2", actor(ev.actor2)],
      ["Date", ev.date ? `${ev.date.start || "?"} (${ev.date.precision || "?"}; ${ev.date.method})` : "–"],
      ["Place", ev.location ? `${[ev.location.name, ev.location.country].filter(Boolean).join(", ")} (${ev.location.precision || "?"}; ${ev.location.method || ""})` : "–"],
      ["Killed", tally(ev.fatalities)], ["Injured", tally(ev.injured)], ["Arrested", tally(ev.arrested)],
      ["Modality", ev.modality], ["Reported by", (ev.reported_by || []).join(", ") || null],
      ["Rule", ev.evidence ? ev.evidence.rule : ""], ["Confidence", String(ev.confidence)],
    ];
    const dl = el("dl", {});
    dl.append(el("dt", { text: "Incident" }), el("dd", {}, ...flags(ev)));
    for (const [k, v] of rows) if (v) dl.append(el("dt", { text: k }), el("dd", { text: v }));
    box.append(dl);
    if ((ev.mentions || []).length) box.append(el("div", { class: "sub", text: `Mentions merged into this incident (${ev.mentions.length}):` }), mentionList(ev));
    clusterBox(ev, box);
  }

  function renderArticle(art, selected) {
    hideTip();
    const first = (art.events || []).find((e) => e.current !== false) || (art.events || [])[0] || {};
    window.T.state.selected = selected || first.id || null;
    $("table-pane").hidden = true;
    $("article-pane").hidden = false;
    $("article-pane").dataset.article = art.id || "";
    $("article-title").textContent = art.title || "(untitled)";
    const meta = $("article-meta");
    meta.replaceChildren(document.createTextNode([art.source, art.published, art.tone != null ? `tone ${Number(art.tone).toFixed(1)}` : null].filter(Boolean).join(" · ") + " "));
    const link = art.url ? safeLink(art.url) : null;
    if (link) meta.append(link);
    eventDetail(art, window.T.state.selected);
    renderText(art, window.T.state.selected);
  }

  function closeArticle() {
    $("article-pane").hidden = true;
    $("table-pane").hidden = false;
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  }

  async function openArticle(articleId, eventId) {
    let art;
    try { art = await api(`/api/articles/${encodeURIComponent(articleId)}`); } catch (e) {
      $("article-pane").hidden = false; $("table-pane").hidden = true;
      showError($("article-text"), e); return;
    }
    history.replaceState(null, "", `${location.pathname}${location.search}#article=${encodeURIComponent(articleId)}${eventId ? "&event=" + encodeURIComponent(eventId) : ""}`);
    renderArticle(art, eventId);
  }

  Object.assign(window.T, { renderArticle, openArticle, closeArticle });
})();
