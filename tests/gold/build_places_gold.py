"""Builds tests/gold/places-gold.jsonl (the dev JSONL format of shared/dev/README.md, "complete":
true) from the articles in tests/data/places14/, written for tacitus for issue #14: same-name places
in several countries, people named like places, local US news, datelines that are not the event's
place, historical dates. Each place is coded at every whole-word mention of its name (coordinates:
GeoNames reference points); every incident in the articles is coded with its type, place and date.

    python tests/gold/build_places_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "data" / "places14"
OUT = HERE / "places-gold.jsonl"

BATTLE = {"acled": "Battles", "cameo_root": "19"}
PROTEST = {"acled": "Protests", "cameo_root": "14"}
REMOTE = {"acled": "Explosions/Remote violence", "cameo_root": "19"}
CIVILIANS = {"acled": "Violence against civilians", "cameo_root": "19"}
ARREST = {"cameo_root": "17"}
CONSULT = {"cameo_root": "04"}
POSTURE = {"cameo_root": "15"}


def loc(name, lat, lon, country):
    return {"name": name, "lat": lat, "lon": lon, "country": country}


def day(s):
    return {"start": s, "end": s, "precision": "day" if len(s) == 10 else "month" if len(s) == 7 else "year"}


# file -> published, places {surface: (lat, lon) or {occurrence index: (lat, lon)}}, events
SPEC = {
    "springfield-storm.txt": ("2021-06-18", {
        "SPRINGFIELD": (39.80, -89.64), "Ill.": (40.00, -89.25), "Illinois": (40.00, -89.25),
        "Chatham": (39.68, -89.70), "Sangamon County": (39.76, -89.66),
        "Springfield": {0: (39.80, -89.64), 1: (37.22, -93.30), 2: (39.80, -89.64), 3: (39.80, -89.64)},
        "Decatur": (39.84, -88.95), "Mo.": (38.25, -92.50), "Missouri": (38.25, -92.50),
        "Chicago": (41.85, -87.65),
    }, []),
    "syria-offensive.txt": ("2019-10-16", {
        "BEIRUT": (33.89, 35.50), "Ras al-Ain": (36.85, 40.07), "Syria": (35.00, 38.00),
        "Britain": (54.00, -2.00), "Mayadin": (35.02, 40.45), "Deir ez-Zor": (35.34, 40.14),
        "Raqqa": (35.95, 39.01), "Geneva": (46.20, 6.14), "London": (51.51, -0.13),
        "Ghouta": (33.50, 36.38), "Damascus": (33.51, 36.29), "Hasakah": (36.50, 40.75),
    }, [
        (BATTLE, loc("Ras al-Ain", 36.85, 40.07, "SYR"), "2019-10-15"),
        (REMOTE, loc("Ras al-Ain", 36.85, 40.07, "SYR"), "2019-10-15"),
        (BATTLE, loc("Mayadin", 35.02, 40.45, "SYR"), "2019-10-14"),
        (PROTEST, loc("Raqqa", 35.95, 39.01, "SYR"), "2019-10-16"),
        (REMOTE, loc("Ghouta", 33.50, 36.38, "SYR"), "2013-08"),
    ]),
    "two-tripolis.txt": ("2022-08-29", {
        "TRIPOLI": (32.89, 13.19), "Libya": (28.00, 17.00),
        "Tripoli": {0: (32.89, 13.19), 1: (32.89, 13.19), 2: (34.44, 35.85), 3: (34.44, 35.85)},
        "Misrata": (32.38, 15.09), "Lebanon": (33.83, 35.83), "Egypt": (27.00, 30.00),
        "Alexandria": {0: (31.20, 29.92), 1: (38.80, -77.05)}, "Cairo": (30.06, 31.25),
        "Virginia": (37.54, -77.43),
    }, [
        (BATTLE, loc("Tripoli", 32.89, 13.19, "LBY"), "2022-08-28"),
        (ARREST, loc("Tripoli", 32.89, 13.19, "LBY"), "2022-08-28"),
        (POSTURE, loc("Misrata", 32.38, 15.09, "LBY"), "2022-08-29"),
        ({"acled": "Riots", "cameo_root": "14"}, loc("Alexandria", 31.20, 29.92, "EGY"), "2022-08-27"),
        (ARREST, loc("Alexandria", 31.20, 29.92, "EGY"), "2022-08-27"),
        (CONSULT, loc("Alexandria", 38.80, -77.05, "USA"), "2022-08"),
    ]),
    "sahel-attacks.txt": ("2022-02-21", {
        "BAMAKO": (12.65, -8.00), "Mali": (17.00, -4.00), "Andéramboukane": (15.43, 3.02),
        "Ménaka": (15.92, 2.40), "Niger": (18.00, 9.00), "Tillabéri": (14.21, 1.45), "Niamey": (13.51, 2.11),
        "Kidal": (18.44, 1.41), "Gao": (16.27, -0.04), "Burkina Faso": (12.50, -1.67),
    }, [
        (CIVILIANS, loc("Andéramboukane", 15.43, 3.02, "MLI"), "2022-02-19"),
        (BATTLE, loc("Tillabéri", 14.21, 1.45, "NER"), "2022-02-20"),
        (PROTEST, loc("Kidal", 18.44, 1.41, "MLI"), "2022-02-21"),
        (BATTLE, loc("Mali", 17.00, -4.00, "MLI"), "2012"),
        (BATTLE, loc("Gao", 16.27, -0.04, "MLI"), "2013-01"),
    ]),
}


def places(text: str, spec: dict) -> list[dict]:
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for surface in sorted(spec, key=len, reverse=True):
        where = spec[surface]
        for k, m in enumerate(re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            pt = where.get(k) if isinstance(where, dict) else where
            if pt is None:
                continue
            taken.append((m.start(), m.end()))
            out.append({"start": m.start(), "end": m.end(), "text": surface, "lat": pt[0], "lon": pt[1]})
    return sorted(out, key=lambda p: p["start"])


def main() -> None:
    with OUT.open("w", encoding="utf-8") as fh:
        for name, (published, spec, events) in SPEC.items():
            raw = (ARTICLES / name).read_text(encoding="utf-8")
            title, _, text = raw.partition("\n\n")
            text = text.strip("\n")
            gold = {"complete": True, "places": places(text, spec),
                    "events": [{"type": t, "location": where, "date": day(d)} for t, where, d in events]}
            fh.write(json.dumps({"id": f"places14:{name[:-4]}", "dataset": "places14", "title": title.strip(),
                                 "text": text, "published": published, "url": None, "meta": {},
                                 "gold": gold}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
