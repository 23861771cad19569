"""Gold readers. Every format becomes GoldDocs: the text a system sees and what a coder recorded.

Formats (detected from the extension and the header):
- the dev JSONL format (one document per line with a `gold` object; see shared/dev/README.md);
- ACLED exports (CSV): current column set (event_date, event_type, sub_event_type, actor1, actor2,
  latitude, longitude, fatalities, notes, ...) and older ones (upper-case names, no sub-event type,
  dates like "15 October 2017"); the text is `notes`, published is the event date;
- UCDP GED (CSV): source_headline is the text (with where_description after a blank line, as in
  the dev sample), date_start the date, side_a/side_b the actors, best/low/high the deaths.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from ..errors import TacitusError

csv.field_size_limit(50_000_000)


@dataclass
class GoldDoc:
    id: str
    text: str
    published: str | None = None
    title: str | None = None
    events: list[dict] | None = None          # None: the gold says nothing about events
    complete: bool = False                     # the events listed are all the document's events
    places: list[dict] | None = None
    places_nocoord: list[dict] = field(default_factory=list)
    quotes: list[dict] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def input_record(self) -> dict:
        return {"id": self.id, "text": self.text, "title": self.title, "published": self.published}


class GoldError(TacitusError):
    """A gold file that cannot be read (T015)."""


def _err(path: Path, msg: str, hint: str | None = None) -> GoldError:
    return GoldError("T015", msg, source=str(path), hint=hint or
                     "tacitus evaluate reads the dev JSONL format, ACLED CSV exports and UCDP GED CSV")


def read_gold(path: str | Path, limit: int | None = None) -> list[GoldDoc]:
    path = Path(path)
    if not path.is_file():
        raise _err(path, "gold file not found")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        docs = _read_jsonl(path)
    elif suffix in (".csv", ".tsv", ".txt"):
        docs = _read_csv(path)
    else:
        raise _err(path, f"unknown gold format {suffix or '(no extension)'}")
    if not docs:
        raise _err(path, "no gold documents in the file")
    return docs[:limit] if limit else docs


def _read_jsonl(path: Path) -> list[GoldDoc]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise _err(path, f"line {n} is not valid JSON: {e.msg}") from e
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or "gold" not in rec:
                raise _err(path, f"line {n} lacks 'text' or 'gold'",
                           hint="each line needs id, text, published and a gold object (see shared/dev/README.md)")
            g = rec["gold"] or {}
            docs.append(GoldDoc(id=str(rec.get("id", n)), text=rec["text"], published=rec.get("published"),
                                title=rec.get("title"), events=g.get("events"), complete="events" in g,
                                places=g.get("places"), places_nocoord=g.get("places_nocoord") or [],
                                quotes=g.get("quotes"), meta=rec.get("meta") or {}))
    return docs


def _norm_header(h: str) -> str:
    return h.strip().lower().replace(" ", "_")


def _read_csv(path: Path) -> list[GoldDoc]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise _err(path, "not valid UTF-8", hint="re-encode the export as UTF-8") from e
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    rows = list(csv.DictReader(text.splitlines(), dialect=dialect))
    if not rows:
        raise _err(path, "the CSV has no rows")
    cols = {_norm_header(c) for c in rows[0] if c}
    rows = [{_norm_header(k): (v or "").strip() for k, v in r.items() if k} for r in rows]
    if {"source_headline", "side_a", "date_start"} <= cols:
        return [_ged_doc(r, i) for i, r in enumerate(rows)]
    if {"notes", "event_date", "event_type"} <= cols:
        return [_acled_doc(r, i) for i, r in enumerate(rows)]
    raise _err(path, f"unrecognised CSV columns: {', '.join(sorted(cols)[:12])}...",
               hint="expected an ACLED export (notes, event_date, event_type, ...) or UCDP GED "
                    "(source_headline, date_start, side_a, side_b, ...)")


def _date(s: str) -> str | None:
    s = s.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S.%f",
                "%Y-%m-%d %H:%M:%S", "%d-%b-%y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _num(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def _iso3(name: str) -> str | None:
    if not name:
        return None
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(name)[0].alpha_3
        except LookupError:
            return None


# ACLED's event types before the 2019 revision, as (event_type, sub_event_type) in today's terms;
# "Riots/Protests" was split in two, so either counts.
OLD_ACLED = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "remote violence": ("Explosions/Remote violence", None),
    "riots/protests": (["Protests", "Riots"], None),
    "violence against civilians": ("Violence against civilians", None),
    "strategic development": ("Strategic developments", None),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "non-violent activity by a conflict actor": ("Strategic developments", None),
}


def _acled_doc(r: dict, i: int) -> GoldDoc:
    date = _date(r.get("event_date", ""))
    fat = _num(r.get("fatalities", ""))
    old = OLD_ACLED.get((r.get("event_type") or "").strip().lower())
    etype: dict[str, Any] = {"acled": old[0] if old else r.get("event_type") or None}
    if old and old[1]:
        etype["acled_sub"] = old[1]
    if r.get("sub_event_type"):
        etype["acled_sub"] = r["sub_event_type"]
    lat, lon = _num(r.get("latitude", "")), _num(r.get("longitude", ""))
    ev = {"type": etype, "actor1": r.get("actor1") or None, "actor2": r.get("actor2") or None,
          "date": {"start": date, "end": date, "precision": "day"} if date else None,
          "location": {"name": r.get("location"), "country": _iso3(r.get("country", "")),
                       "admin1": r.get("admin1") or None, "lat": lat, "lon": lon,
                       "precision": r.get("geo_precision")} if lat is not None and lon is not None else None,
          "fatalities": {"low": fat, "best": fat, "high": fat} if fat is not None else None}
    return GoldDoc(id=r.get("event_id_cnty") or r.get("data_id") or f"acled-{i}", text=r.get("notes", ""),
                   published=date, events=[ev], meta={"source": r.get("source")})


def _ged_doc(r: dict, i: int) -> GoldDoc:
    start, end = _date(r.get("date_start", "")), _date(r.get("date_end", ""))
    lat, lon = _num(r.get("latitude", "")), _num(r.get("longitude", ""))
    text = r.get("source_headline", "")
    if r.get("where_description"):
        text = f"{text}\n\n{r['where_description']}"
    best, low, high = _num(r.get("best", "")), _num(r.get("low", "")), _num(r.get("high", ""))
    ev = {"type": {"ucdp_violence": int(r["type_of_violence"])} if r.get("type_of_violence", "").isdigit() else {},
          "actor1": r.get("side_a") or None, "actor2": r.get("side_b") or None,
          "date": {"start": start, "end": end or start, "precision": "day"} if start else None,
          "location": {"name": r.get("where_coordinates"), "country": _iso3(r.get("country", "")),
                       "admin1": r.get("adm_1") or None, "lat": lat, "lon": lon,
                       "precision": r.get("where_prec")} if lat is not None and lon is not None else None,
          "fatalities": {"low": low, "best": best, "high": high} if best is not None else None}
    return GoldDoc(id=r.get("id") or f"ged-{i}", text=text, published=start, events=[ev])
