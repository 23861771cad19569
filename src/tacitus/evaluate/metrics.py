"""Metrics and the one-to-one matching of system events to gold events.

Matching, per document: every (gold, system) pair gets a score — one point per ontology field of
the gold type that the system type agrees with (CAMEO code, CAMEO root, PLOVER, ACLED type and
sub-type, UCDP violence type), half a point per gold actor found among the system actors, one
point for a location within 25 km (half within 161 km), one point for the same start date, and a twentieth of a
point for the same death toll (which only breaks ties). Pairs
scoring at least 0.5 are eligible; they are taken greedily from the highest score down, each gold
and each system event used once. Recall counts gold events that got a partner; precision counts
system events that got one, over documents whose gold lists all their events.

Unmatched gold events count as wrong on every field they carry, so field accuracies are
comparable across systems that emit more or fewer events.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from rapidfuzz import fuzz, utils

from ..geo.distance import km
from ..ontology import Ontology

TYPE_KEYS = ("cameo", "cameo_root", "plover", "acled", "acled_sub", "ucdp_violence")
MAX_KM = 20039.0
FUZZ = 80


def ucdp_violence(ev: dict) -> int | None:
    """UCDP's type of violence of a record that does not carry one, by the ontology's rule."""
    root = (ev.get("type") or {}).get("cameo_root")
    inters = [(ev.get(k) or {}).get("acled_inter") for k in ("actor1", "actor2")]
    return Ontology.ucdp_violence(str(root or "") + "0", *inters) if root else None


def sys_type(ev: dict, key: str) -> Any:
    t = ev.get("type") or {}
    if key == "ucdp_violence":
        return t.get("ucdp_violence") if t.get("ucdp_violence") is not None else ucdp_violence(ev)
    if key == "cameo_root":
        v = t.get("cameo_root") or (t.get("cameo") or "")[:2]
        return v or None
    return t.get(key)


def _norm(v: Any) -> str:
    return " ".join(str(v).casefold().replace(" / ", "/").split())


def type_ok(gold: Any, sysv: Any, key: str) -> bool:
    if gold is None or sysv is None:
        return False
    golds = gold if isinstance(gold, list) else [gold]
    if key in ("cameo", "cameo_root"):
        width = 3 if key == "cameo" else 2
        return str(sysv).zfill(width) in {str(g).zfill(width) for g in golds}
    return _norm(sysv) in {_norm(g) for g in golds}


def actor_strings(a: Any) -> list[str]:
    if isinstance(a, dict):
        return [a[k] for k in ("name", "text", "acled_name") if isinstance(a.get(k), str)]
    return [a] if isinstance(a, str) else []


def actor_ok(gold: Any, ev: dict) -> bool:
    """A gold actor (name, list of names, or {"cameo": code}) against either system actor."""
    sys_actors = [ev.get("actor1"), ev.get("actor2")]
    if isinstance(gold, dict) and gold.get("cameo"):
        g = gold["cameo"]
        for a in sys_actors:
            c = (a or {}).get("cameo") if isinstance(a, dict) else None
            if not isinstance(c, str) or not c:
                continue
            if c == g or (g[:3] != "---" and c[:3] == g[:3]) or (g[:3] == "---" and g[3:6] and c[3:6] == g[3:6]):
                return True
        return False
    names = [gold["name"]] if isinstance(gold, dict) and gold.get("name") else gold
    names = [n for n in (names if isinstance(names, list) else [names]) if isinstance(n, str) and n.strip()]
    cands = [s for a in sys_actors for s in actor_strings(a) if s.strip()]
    return any(fuzz.token_set_ratio(n, c, processor=utils.default_process) >= FUZZ for n in names for c in cands)


def event_km(g: dict, s: dict) -> float | None:
    gl, sl = g.get("location") or {}, s.get("location") or {}
    vals = [gl.get("lat"), gl.get("lon"), sl.get("lat"), sl.get("lon")]
    if any(not isinstance(v, (int, float)) for v in vals):
        return None
    return km(*vals)


def date_ok(g: dict, s: dict, days: int = 0) -> bool:
    gs = (g.get("date") or {}).get("start")
    ss = (s.get("date") or {}).get("start") if isinstance(s.get("date"), dict) else None
    if not gs or not isinstance(ss, str):
        return False
    if days == 0 or len(gs) < 10 or len(ss) < 10:
        return ss[: len(gs)] == gs
    import datetime as dt
    try:
        return abs((dt.date.fromisoformat(ss[:10]) - dt.date.fromisoformat(gs[:10])).days) <= days
    except ValueError:
        return False


def pair_score(g: dict, s: dict) -> float:
    gt = g.get("type") or {}
    sc = sum(type_ok(gt[k], sys_type(s, k), k) for k in TYPE_KEYS if gt.get(k) is not None)
    sc += sum(0.5 * actor_ok(g[k], s) for k in ("actor1", "actor2") if g.get(k))
    d = event_km(g, s)
    sc += 0 if d is None else 1 if d <= 25 else 0.5 if d <= 161 else 0
    sc += date_ok(g, s)
    gf, sf = g.get("fatalities"), s.get("fatalities")
    if isinstance(gf, dict) and isinstance(sf, dict) and gf.get("best") is not None:
        sc += 0.05 * (sf.get("best") == gf["best"])  # breaks ties between events equal on the rest
    return sc


def match_events(gold: list[dict], system: list[dict]) -> dict[int, int]:
    """Gold index -> system index, one to one (see the module docstring)."""
    pairs = sorted(((pair_score(g, s), -j, i, j) for i, g in enumerate(gold) for j, s in enumerate(system)),
                   reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for sc, _, i, j in pairs:
        if sc < 0.5 or i in out or j in used:
            continue
        out[i] = j
        used.add(j)
    return out


class Tally:
    """Hits over totals per metric, plus raw values for medians."""

    def __init__(self) -> None:
        self.hits: Counter = Counter()
        self.n: Counter = Counter()
        self.values: dict[str, list[float]] = {}

    def add(self, key: str, ok: bool) -> None:
        self.hits[key] += bool(ok)
        self.n[key] += 1

    def value(self, key: str, v: float) -> None:
        self.values.setdefault(key, []).append(v)

    def rate(self, key: str) -> float | None:
        return self.hits[key] / self.n[key] if self.n[key] else None


def auc_log_error(errs: list[float]) -> float | None:
    """Area under the curve of sorted log errors, normalised by the worst error (lower is better)."""
    if not errs:
        return None
    logs = sorted(math.log(1 + e) for e in errs)
    if len(logs) == 1:
        return logs[0] / math.log(MAX_KM)
    return (sum(logs) - (logs[0] + logs[-1]) / 2) / (math.log(MAX_KM) * (len(logs) - 1))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
