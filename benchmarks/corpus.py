"""A synthetic news corpus for benchmarks: short articles composed from templates, with varied
actors, places, dates and figures, so that every stage has work to do. Deterministic (seeded)."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys

ACTORS = ["Syrian government forces", "Islamic State fighters", "Houthi rebels", "Nigerian troops", "Boko Haram",
          "Kenyan police", "Ukrainian forces", "Russian troops", "al-Shabaab militants", "Malian soldiers",
          "the Taliban", "Israeli forces", "Hamas", "Colombian police", "M23 rebels", "Ethiopian troops",
          "Sudan's Rapid Support Forces", "Pakistani security forces", "Indian police", "Philippine troops"]
PLACES = ["Aleppo", "Mosul", "Sanaa", "Maiduguri", "Nairobi", "Kharkiv", "Mogadishu", "Gao", "Kandahar", "Gaza",
          "Medellin", "Goma", "Mekele", "Khartoum", "Peshawar", "Raipur", "Marawi", "Tripoli", "Idlib", "Kabul"]
VERBS = ["attacked", "clashed with", "shelled", "ambushed", "arrested members of", "accused", "met", "condemned",
         "launched an offensive against", "captured positions held by"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Reuters", "AFP", "the Associated Press", "state media", "local officials"]


def article(i: int, rng: random.Random) -> dict:
    a, b = rng.sample(ACTORS, 2)
    place, verb, day = rng.choice(PLACES), rng.choice(VERBS), rng.choice(DAYS)
    n, m = rng.randint(2, 60), rng.randint(1, 30)
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
    paras = [
        f"{a[0].upper() + a[1:]} {verb} {b} near {place} on {day}, {rng.choice(OUTLETS)} reported.",
        f"At least {n} people were killed and {m} wounded in the fighting, a spokesman said. "
        f"\"We will continue until the area is secure,\" he told reporters.",
        f"Residents said {b} had moved into the area last month. The United Nations called for restraint "
        f"and urged both sides to protect civilians.",
        f"It was the {rng.choice(['second', 'third', 'worst'])} such incident in {place} this year, "
        f"according to the {rng.choice(['Red Cross', 'local authorities', 'army'])}.",
    ]
    rng.shuffle(paras[1:])
    return {"id": f"bench-{i}", "title": f"{a} and {b} in {place}", "published": published.isoformat(),
            "text": "\n\n".join(paras)}


def generate(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [article(i, rng) for i in range(n)]


if __name__ == "__main__":
    for rec in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 2000):
        print(json.dumps(rec))
