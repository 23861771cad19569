"""Runs the pipeline over gold documents and scores every field (see metrics.py for matching)."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest.items import Item
from .gold import GoldDoc, read_gold
from .metrics import (
    TYPE_KEYS,
    Tally,
    actor_ok,
    auc_log_error,
    date_ok,
    event_km,
    km,
    match_events,
    overlap,
    sys_type,
    type_ok,
)

CONFUSION_KEYS = ("plover", "cameo_root", "acled", "ucdp_violence")


@dataclass
class Report:
    gold: str
    n_docs: int
    metrics: dict[str, float | None]
    support: dict[str, int]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    confusion_key: str | None = None
    failures: int = 0
    per_doc: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "n_docs": self.n_docs, "metrics": self.metrics, "support": self.support,
                "confusion_key": self.confusion_key, "confusion": self.confusion, "failures": self.failures,
                "per_doc": self.per_doc}


def score(docs: list[GoldDoc], records: dict[str, dict]) -> Report:
    t = Tally()
    counts: Counter = Counter()
    confusion: dict[str, Counter] = {k: Counter() for k in CONFUSION_KEYS}
    geo_errs: list[float] = []
    per_doc = []
    for d in docs:
        rec = records.get(d.id) or {}
        sevs = [e for e in rec.get("events") or [] if isinstance(e, dict)]
        row: dict[str, Any] = {"id": d.id}
        if d.events is not None:
            _score_events(d, sevs, t, counts, confusion, row)
        if d.places is not None:
            _score_places(d, rec.get("places") or [], t, counts, geo_errs, row)
        if d.quotes is not None:
            _score_quotes(d, rec.get("quotes") or [], t, counts, row)
        per_doc.append(row)
    m: dict[str, float | None] = {}
    support: dict[str, int] = {}
    for k in sorted(t.n):
        m[k] = t.rate(k)
        support[k] = t.n[k]
    for k, vals in t.values.items():
        m[k] = statistics.median(vals) if vals else None
        support[k] = len(vals)
    if counts["sys_events_complete"]:
        m["ev_precision"] = counts["sys_matched_complete"] / counts["sys_events_complete"]
        support["ev_precision"] = counts["sys_events_complete"]
    if counts["place_docs"]:
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        p = tp / (tp + fp) if tp + fp else None
        r = tp / (tp + fn) if tp + fn else None
        m["places_P"], m["places_R"] = p, r
        m["places_F1"] = 2 * p * r / (p + r) if p and r else 0.0
        support.update(places_P=tp + fp, places_R=tp + fn, places_F1=tp + fn)
        if geo_errs:
            m["places_acc161"] = sum(e <= 161 for e in geo_errs) / len(geo_errs)
            m["places_km_median"] = statistics.median(geo_errs)
            m["places_auc"] = auc_log_error(geo_errs)
            support.update(places_acc161=len(geo_errs), places_km_median=len(geo_errs), places_auc=len(geo_errs))
    if counts["sys_quotes"]:
        m["quote_precision"] = counts["sys_quotes_matched"] / counts["sys_quotes"]
        support["quote_precision"] = counts["sys_quotes"]
    key = next((k for k in CONFUSION_KEYS if confusion[k]), None)
    conf = {}
    if key:
        for (g, s), n in confusion[key].items():
            conf.setdefault(str(g), {})[str(s)] = n
    return Report(gold="", n_docs=len(docs), metrics=m, support=support, confusion=conf, confusion_key=key,
                  per_doc=per_doc)


def _score_events(d: GoldDoc, sevs: list[dict], t: Tally, counts: Counter, confusion: dict, row: dict) -> None:
    gevs = d.events or []
    if d.complete and not gevs:
        t.add("spurious", bool(sevs))
        row["spurious"] = len(sevs)
        return
    pairs = match_events(gevs, sevs)
    if d.complete:
        counts["sys_events_complete"] += len(sevs)
        counts["sys_matched_complete"] += len(pairs)
    row["matched"] = len(pairs)
    row["gold_events"] = len(gevs)
    for i, g in enumerate(gevs):
        s = sevs[pairs[i]] if i in pairs else None
        t.add("ev_recall", s is not None)
        gt = g.get("type") or {}
        for k in TYPE_KEYS:
            if gt.get(k) is None:
                continue
            sv = sys_type(s, k) if s else None
            t.add(f"type_{k}", s is not None and type_ok(gt[k], sv, k))
            if k in confusion:
                gv = gt[k][0] if isinstance(gt[k], list) else gt[k]
                confusion[k][(gv, sv if sv is not None else "-")] += 1
        for k in ("actor1", "actor2"):
            if g.get(k):
                t.add(k, s is not None and actor_ok(g[k], s))
        if (g.get("date") or {}).get("start"):
            t.add("date", s is not None and date_ok(g, s))
            t.add("date_1day", s is not None and date_ok(g, s, days=1))
        gl = g.get("location") or {}
        if isinstance(gl.get("lat"), (int, float)):
            dist = event_km(g, s) if s else None
            t.add("loc25", dist is not None and dist <= 25)
            t.add("loc161", dist is not None and dist <= 161)
            if dist is not None:
                t.value("loc_km_median", dist)
        gf = g.get("fatalities")
        if isinstance(gf, dict) and gf.get("best") is not None:
            sf = (s or {}).get("fatalities") if isinstance((s or {}).get("fatalities"), dict) else {}
            sb = sf.get("best") if isinstance(sf.get("best"), (int, float)) else 0
            gb = gf["best"]
            t.add("fatal", sb == gb)
            t.add("fatal20", abs(sb - gb) <= 0.2 * gb if gb else sb == 0)


def _score_places(d: GoldDoc, places: list[dict], t: Tally, counts: Counter, geo_errs: list[float], row: dict) -> None:
    gold = d.places or []
    ignore = [(p["start"], p["end"]) for p in d.places_nocoord]
    sysp = [((p["start"], p["end"]), p) for p in places if isinstance(p.get("start"), int)
            and isinstance(p.get("end"), int) and p["end"] > p["start"]]
    gsp = [(p["start"], p["end"]) for p in gold]
    cand = sorted((-overlap(g, s[0]), i, j) for i, g in enumerate(gsp) for j, s in enumerate(sysp) if overlap(g, s[0]))
    ug: set[int] = set()
    us: set[int] = set()
    for _, i, j in cand:
        if i in ug or j in us:
            continue
        ug.add(i)
        us.add(j)
        gp, sp = gold[i], sysp[j][1]
        if isinstance(sp.get("lat"), (int, float)) and isinstance(sp.get("lon"), (int, float)):
            geo_errs.append(km(gp["lat"], gp["lon"], sp["lat"], sp["lon"]))
        else:
            geo_errs.append(20039.0)
    fp = sum(1 for j, (sp, _) in enumerate(sysp) if j not in us and not any(overlap(sp, x) for x in ignore))
    counts["tp"] += len(ug)
    counts["fp"] += fp
    counts["fn"] += len(gold) - len(ug)
    counts["place_docs"] += 1
    row.update(places_tp=len(ug), places_fp=fp, places_fn=len(gold) - len(ug))


def _score_quotes(d: GoldDoc, quotes: list[dict], t: Tally, counts: Counter, row: dict) -> None:
    """Quotes are matched one to one by overlap ratio, as shared/tools/score.py does: the overlap of
    a system quote with the gold content (its fragments, when an inserted cue splits it) over the
    longer of the two, at least 0.5. A gold quote with empty content can never be matched."""
    gold = d.quotes or []
    sysq = [((q["start"], q["end"]), q) for q in quotes if isinstance(q.get("start"), int)
            and isinstance(q.get("end"), int) and q["end"] > q["start"]]
    counts["sys_quotes"] += len(sysq)
    cand = []
    for i, g in enumerate(gold):
        frags = [tuple(f) for f in g.get("content_spans") or [(g["content_start"], g["content_end"])]]
        glen = sum(b - a for a, b in frags)
        gaps = [(frags[k][1], frags[k + 1][0]) for k in range(len(frags) - 1)]  # e.g. an inserted "he said"
        for j, (sp, _) in enumerate(sysq):
            ov = sum(overlap(f, sp) for f in frags)
            slen = sp[1] - sp[0] - sum(overlap(x, sp) for x in gaps)
            r = ov / max(glen, slen) if ov else 0.0
            if r >= 0.5:
                cand.append((-r, i, j))
    hit: dict[int, dict] = {}
    used: set[int] = set()
    for _, i, j in sorted(cand):
        if i in hit or j in used:
            continue
        hit[i] = sysq[j][1]
        used.add(j)
    counts["sys_quotes_matched"] += len(used)
    for i, g in enumerate(gold):
        t.add("quote_recall_all", i in hit)
        if g.get("direct"):
            t.add("quote_recall", i in hit)
        if i in hit and g.get("speaker"):
            sp = hit[i].get("speaker") or {}
            t.add("speaker_acc", actor_ok(g["speaker"], {"actor1": sp}))
    row.update(quotes_gold=len(gold), quotes_hit=len(hit))


def evaluate(path: str | Path, limit: int | None = None, pipeline=None, n_process: int | None = None) -> Report:
    """Run the pipeline over a gold file and score it."""
    from ..pipeline import Pipeline

    docs = read_gold(path, limit)
    pipe = pipeline or Pipeline()
    items = [Item(text=d.text, id=d.id, title=d.title, published=d.published, input=f"{path}:{d.id}")
             for d in docs]
    records = {}
    failures = 0
    for rec in pipe.run(items, n_process=n_process):
        records[rec["id"]] = rec
        failures += not rec.get("ok", True)
    report = score(docs, records)
    report.gold = str(path)
    report.failures = failures
    return report
