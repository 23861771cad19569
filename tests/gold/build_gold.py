"""Builds tacitus-gold.jsonl: short articles written for tacitus, with their full coding.

Offsets are computed here from the quoted strings (first occurrence at or after a given offset),
so the file stays correct when an article is edited. Run: python tests/gold/build_gold.py"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def span(text, s, after=0):
    i = text.index(s, after)
    return i, i + len(s)


def place(text, s, lat, lon, after=0):
    a, b = span(text, s, after)
    return {"start": a, "end": b, "text": s, "lat": lat, "lon": lon}


def quote(text, content, speaker, direct=True, after=0):
    a, b = span(text, content, after)
    sa, sb = span(text, speaker, after)
    return {"speaker": speaker, "speaker_start": sa, "speaker_end": sb, "content_start": a, "content_end": b,
            "direct": direct}


DOCS = []


def every(name, lat, lon):
    """Every whole-word mention of a place name."""
    import re

    def find(text):
        return [{"start": m.start(), "end": m.end(), "text": name, "lat": lat, "lon": lon}
                for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return find


def doc(id_, published, text, events, places=(), quotes=()):
    found = []
    for p in places:
        got = p(text)
        found.extend(got if isinstance(got, list) else [got])
    found.sort(key=lambda p: p["start"])
    DOCS.append({"id": f"tacitus-gold:{id_}", "dataset": "tacitus-gold", "title": None, "text": text,
                 "published": published, "url": None, "meta": {},
                 "gold": {"events": events, "places": found, "quotes": [q(text) for q in quotes]}})


def ev(cameo, plover, acled, acled_sub, a1, a2, date, loc=None, fatal=None):
    e = {"type": {"cameo": cameo, "cameo_root": cameo[:2], "plover": plover}, "actor1": a1, "actor2": a2,
         "date": {"start": date, "end": date, "precision": "day" if len(date) == 10 else "month"}}
    if acled:
        e["type"]["acled"], e["type"]["acled_sub"] = acled, acled_sub
    if loc:
        e["location"] = {"name": loc[0], "country": loc[1], "lat": loc[2], "lon": loc[3]}
    if fatal is not None:
        e["fatalities"] = {"low": fatal, "best": fatal, "high": fatal}
    return e


t = ("Nigerian troops killed 14 Boko Haram fighters in a clash near Maiduguri on Sunday, the army said. "
     "\"Our men repelled the attack,\" army spokesman Onyema Nwachukwu told reporters.")
doc("nga-clash", "2023-05-16", t,
    [ev("190", "ASSAULT", "Battles", "Armed clash", ["Nigerian troops", "Military Forces of Nigeria"],
        ["Boko Haram"], "2023-05-14", ("Maiduguri", "NGA", 11.84692, 13.15712), 14)],
    [lambda x: place(x, "Maiduguri", 11.84692, 13.15712)],
    [lambda x: quote(x, "\"Our men repelled the attack,\"", "Onyema Nwachukwu")])

t = ("Police in Nairobi arrested 40 protesters on Tuesday as thousands marched against new taxes. "
     "Kenyan police fired tear gas at the crowd near parliament.")
# one incident, as ACLED codes it: the arrests and the tear gas are the police intervening in the march
doc("ken-protest", "2024-06-26", t,
    [ev("141", "PROTEST", "Protests", "Protest with intervention", ["thousands", "Protesters (Kenya)"],
        ["Police", "Police Forces of Kenya", "Kenyan police"], "2024-06-25", ("Nairobi", "KEN", -1.28333, 36.81667))],
    [lambda x: place(x, "Nairobi", -1.28333, 36.81667)])

t = ("Russian forces launched a missile attack on Kharkiv on Thursday, killing three civilians, "
     "Ukrainian officials said. Ukraine's air force said repairs to the power grid had begun.")
doc("ukr-missile", "2024-05-24", t,
    [ev("194", "ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack",
        ["Russian forces", "Military Forces of Russia"], ["Kharkiv", "Civilians (Ukraine)", "civilians"], "2024-05-23",
        ("Kharkiv", "UKR", 49.98081, 36.25272), 3)],
    [lambda x: place(x, "Kharkiv", 49.98081, 36.25272), every("Ukraine", 49.0, 32.0)])

t = ("The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the war in Gaza. "
     "Egypt urged Israel to allow more aid into the territory.")
doc("egy-meet", "2024-02-13", t,
    [ev("040", "CONSULT", None, None, ["Egypt"], ["Jordan"], "2024-02-12", ("Cairo", "EGY", 30.06263, 31.24967)),
     ev("025", "REQUEST", None, None, ["Egypt"], ["Israel"], "2024-02-13")],
    [lambda x: place(x, "Cairo", 30.06263, 31.24967), lambda x: place(x, "Gaza", 31.5, 34.46667),
     every("Egypt", 27.0, 30.0), every("Jordan", 31.0, 36.0), every("Israel", 31.5, 34.75)])

t = ("Houthi rebels fired two missiles at a cargo ship in the Red Sea on Wednesday, the U.S. military said. "
     "The United States vowed to retaliate.")
doc("yem-ship", "2024-01-11", t,
    [ev("194", "ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack", ["Houthis"], None,
        "2024-01-10"),
     ev("1384", "THREATEN", None, None, ["United States"], None, "2024-01-11")],
    [lambda x: place(x, "Red Sea", 20.0, 38.0), every("U.S.", 39.76, -98.5), every("United States", 39.76, -98.5)])

t = ("Al-Shabaab militants stormed a hotel in Mogadishu late on Friday, killing at least nine people "
     "before security forces ended the siege, police said.")
doc("som-hotel", "2022-08-20", t,
    [ev("190", "ASSAULT", "Violence against civilians", "Attack", ["Al-Shabaab"], ["people", "Civilians (Somalia)"],
        "2022-08-19", ("Mogadishu", "SOM", 2.03711, 45.34375), 9)],
    [lambda x: place(x, "Mogadishu", 2.03711, 45.34375)])

t = ("Colombia's government and ELN rebels signed a ceasefire agreement in Havana on Friday. "
     "President Gustavo Petro said the truce would begin in August.")
doc("col-ceasefire", "2023-06-10", t,
    [ev("057", "AGREE", "Strategic developments", "Agreement", ["Colombia", "Government of Colombia"],
        ["National Liberation Army", "ELN"], "2023-06-09", ("Havana", "CUB", 23.13302, -82.38304))],
    [lambda x: place(x, "Havana", 23.13302, -82.38304), every("Colombia", 4.0, -73.25)])

t = ("Myanmar's military carried out air strikes on villages in Sagaing region on Tuesday, killing 11 people, "
     "according to local residents.")
doc("mmr-air", "2023-04-12", t,
    [ev("195", "ASSAULT", "Explosions/Remote violence", "Air/drone strike", ["Myanmar's military",
        "Military Forces of Myanmar"], ["villages", "Civilians (Myanmar)"], "2023-04-11",
        ("Sagaing", "MMR", 22.0, 95.5), 11)],
    [lambda x: place(x, "Sagaing", 22.0, 95.5), every("Myanmar", 22.0, 98.0)])

t = ("The European Union imposed new sanctions on Iran on Monday over its supply of drones to Russia, "
     "EU foreign ministers said in Brussels.")
doc("eu-sanctions", "2023-12-12", t,
    [ev("163", "SANCTION", None, None, ["European Union"], ["Iran"], "2023-12-11")],
    [lambda x: place(x, "Brussels", 50.85045, 4.34878), every("Iran", 32.0, 53.0), every("Russia", 60.0, 100.0)])

t = ("Gunmen abducted 25 students from a school in Kaduna state on Thursday, police said. "
     "No group has claimed the kidnapping.")
doc("nga-kidnap", "2024-03-08", t,
    [ev("181", "ASSAULT", "Violence against civilians", "Abduction/forced disappearance", ["Gunmen"], ["students"],
        "2024-03-07", ("Kaduna", "NGA", 10.52641, 7.43879))],
    [lambda x: place(x, "Kaduna", 10.52641, 7.43879)])

t = ("Sudan's Rapid Support Forces captured the town of Wad Madani from the army on Monday, "
     "residents said. Thousands of people fled south.")
doc("sdn-capture", "2023-12-19", t,
    [ev("192", "COERCE", "Battles", "Non-state actor overtakes territory", ["Rapid Support Forces"],
        ["army", "Military Forces of Sudan"], "2023-12-18", ("Wad Madani", "SDN", 14.40118, 33.51989))],
    [lambda x: place(x, "Wad Madani", 14.40118, 33.51989), every("Sudan", 15.0, 30.0)])

t = ("A local newspaper published a long feature on the history of the railway. "
     "Weather in the capital was mild on Saturday.")
doc("no-event", "2024-04-06", t, [])

t = ("Israeli aircraft struck targets in southern Lebanon on Saturday after Hezbollah fired rockets at "
     "northern Israel, the Israeli military said. Lebanon's health ministry said two people were killed.")
doc("lbn-strikes", "2024-03-17", t,
    [ev("195", "ASSAULT", "Explosions/Remote violence", "Air/drone strike", ["Israeli aircraft", "Israel"],
        ["Lebanon", "targets"], "2024-03-16", None, 2),
     ev("194", "ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack", ["Hezbollah"],
        ["Israel"], "2024-03-16")],
    [every("Lebanon", 33.83333, 35.83333), every("Israel", 31.5, 34.75)])

if __name__ == "__main__":
    with (HERE / "tacitus-gold.jsonl").open("w", encoding="utf-8") as fh:
        for d in DOCS:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(DOCS)} documents")
