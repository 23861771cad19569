#!/usr/bin/env python3
"""Build fresh-gold.jsonl from the six articles beside this file and the coding below.

    python tests/gold/fresh/build.py           # writes tests/gold/fresh/fresh-gold.jsonl
    python tests/gold/fresh/build.py --show    # also prints each article with its places and quotes marked

`fresh` is a second held-out set, written for tacitus by an independent coder who did not run the
system, read its source or lexicons, or see its output. It follows tests/gold/heldout/ exactly (same
record format, same conventions and the same checking code). See README.md.

Every character offset is computed here from quoted strings, never typed, so an article can be
edited and the gold rebuilt: a coded string that is no longer in the text (or no longer unique where
it must be) stops the build with an error instead of writing wrong offsets.

Conventions (see README.md):
  * places: every whole-word, case-sensitive occurrence of each listed surface form in the body is a
    place mention, except occurrences inside a SKIP context (a person, an organisation or facility
    named after a place, or a place name standing for a government: "Qatar, which mediates ...").
    Longer forms win over shorter ones ("Gaza City" over "Gaza"). A form given with `only=` contexts
    takes its own coordinates inside those contexts (the state vs the city of the same name).
  * quotes: every passage in double quotation marks must be either coded as (part of) a direct quote
    or listed in NOT_QUOTES (nicknames, scare quotes, terms); the build checks this. Content spans
    include the quotation marks; a quote interrupted by its attribution ("...," said X. "...") is one
    quote with several content fragments; a partial quote is the attributed phrase around it.
    Indirect speech is not coded.
  * events: resolved against the publication date (a weekday name is the most recent such day on or
    before publication).

Standard library only.
"""

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "fresh-gold.jsonl"
DATASET = "fresh"
WORDS = (600, 900)  # headline + body
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

SUBTYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


# --------------------------------------------------------------------------- coding helpers


class Place:
    def __init__(self, surface, lat=None, lon=None, only=None):
        self.surface, self.lat, self.lon, self.only = surface, lat, lon, list(only or [])


def P(surface, lat, lon, only=None):
    """A place form with coordinates (only=[contexts]: these coordinates inside those contexts)."""
    return Place(surface, lat, lon, only)


def N(surface):
    """A vague region, river, sea or range: a mention without a point (places_nocoord)."""
    return Place(surface)


def Q(speaker, *frags, mention=None):
    """A direct quote: the speaker as the article names them (None when unnamed and undescribed),
    the content fragments as exact strings of the text (a fragment may be (string, n) for its n-th
    occurrence), and the string that names the speaker (default: the speaker), taken nearest the quote."""
    return {"speaker": speaker, "frags": list(frags), "mention": mention}


def L(name, country, admin1, lat, lon, precision=1):
    return {"name": name, "country": country, "admin1": admin1, "lat": lat, "lon": lon, "precision": precision}


def E(acled, sub, actor1, actor2, when, loc, fatalities, what, evidence, note=None):
    """An incident. sub may be a list of acceptable sub-types; actors a name or a list of names;
    when a weekday name, "last week" or an ISO date; fatalities None, a number or (low, best, high)."""
    return {"acled": acled, "sub": sub, "actor1": actor1, "actor2": actor2, "when": when, "loc": loc,
            "fatalities": fatalities, "what": what, "evidence": evidence if isinstance(evidence, list) else [evidence],
            "note": note}


# Actor names as ACLED writes them (lists: any one counts).
CIV = "Civilians ({})".format
UAG = "Unidentified Armed Group ({})".format


# --------------------------------------------------------------------------- the articles

ARTICLES = []


def article(file, published, region, kind, places, skip, quotes, not_quotes, events):
    ARTICLES.append(dict(file=file, published=published, region=region, kind=kind, places=places, skip=skip,
                         quotes=quotes, not_quotes=not_quotes, events=events))


# ----------------------------------------------------------------- 01 Burkina Faso (Centre-Nord, Sahel), datelined Ouagadougou

JNIM = ["JNIM: Group for Support of Islam and Muslims", "Group for the Support of Islam and Muslims",
        "Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"]
BFA_ARMY = ["Military Forces of Burkina Faso (2022-)", "Military Forces of Burkina Faso", "Burkinabe army"]
VDP = ["VDP: Volunteers for the Defense of the Homeland", "Volunteers for the Defence of the Homeland", "VDP"]
OUAGA = (12.3657, -1.5339)
BOURZANGA = (13.6781, -1.5461)
KONGOUSSI = (13.3258, -1.5347)

article(
    "01-burkina-bourzanga.txt", "2025-05-27", "Burkina Faso (Centre-Nord, Sahel, Ouagadougou)",
    "jihadist insurgency: village massacre, army air strike, reprisal killings, convoy ambush, rally",
    places=[
        P("OUAGADOUGOU", *OUAGA), P("Ouagadougou", *OUAGA), P("Burkina Faso", 12.5, -1.67),
        P("Bourzanga", *BOURZANGA), P("Kongoussi", *KONGOUSSI), P("Bam", 13.45, -1.55), P("Djibo", 14.0986, -1.6266),
        P("Kaya", 13.0883, -1.0837), P("Mali", 17.0, -4.0), P("Barsalogho", 13.4167, -1.0667),
        P("Solenzo", 12.1742, -4.0848), P("Dakar", 14.6937, -17.4441),
    ],
    skip=[],
    quotes=[
        Q("one of the residents", '"They were shooting at anything that moved. My neighbour was killed in front of his door with his two sons,"',
          '"By midday there was nobody left in Bourzanga except the dead."'),
        Q("JNIM", 'saying it had struck "collaborators of the militias"'),
        Q("The army", 'air strikes on Sunday evening had "neutralised more than 30 terrorists"', mention="The army said"),
        Q("one of the two residents", '"They took the men who had not run away and lined them up near the well,"',
          '"They told us we are the ones who feed the jihadists."'),
        Q("The government", 'security forces had killed "terrorists hidden among the population"', mention="The government rejected"),
        Q("a humanitarian official", '"We are receiving women and children who walked for two days with no water,"'),
        Q("The U.N. human rights office", 'called for "a prompt, impartial and transparent investigation"'),
        Q("Aicha Sawadogo", '"Each time a Fulani hamlet is punished for what the jihadists did, JNIM gains recruits,"',
          '"This cycle of massacre and reprisal is exactly what the armed groups want, and Kongoussi could easily be the next target."'),
    ],
    not_quotes=['"false information"'],
    events=[
        E("Violence against civilians", "Attack", JNIM, CIV("Burkina Faso"), "Sunday",
          L("Bourzanga", "BFA", "Centre-Nord", *BOURZANGA, 1), (19, 19, 31),
          "JNIM fighters on motorbikes storm Bourzanga at dawn, burn the market, go compound to compound killing men and "
          "drive off cattle; a security source 19 dead, a local official at least 31; JNIM claims it struck 'collaborators "
          "of the militias'",
          "Jihadist fighters killed at least 19 civilians when they stormed the rural commune of Bourzanga",
          note="the VDP unit had left days earlier, so the victims are civilians (JNIM's claim does not make it a battle); "
               "best = the security source's 19, high = the local official's 31"),
        E("Explosions/Remote violence", "Air/drone strike", BFA_ARMY, JNIM, "Sunday",
          L("Bourzanga", "BFA", "Centre-Nord", *BOURZANGA, 2), 30,
          "Army air strikes on Sunday evening on the attackers withdrawing north of Bourzanga with the stolen herds; the army "
          "claims 'more than 30 terrorists' neutralised (unverified)",
          "air strikes on Sunday evening had",
          note="a separate event from the massacre (other actors, other weapon); 'north of Bourzanga' is precision 2; the "
               "army's figure is the only one"),
        E("Violence against civilians", "Attack", BFA_ARMY + VDP, CIV("Burkina Faso"), "Monday",
          L("Kongoussi", "BFA", "Centre-Nord", *KONGOUSSI, 2), (12, 12, 17),
          "Soldiers and VDP members enter Fulani hamlets on the outskirts of Kongoussi and kill at least 12 men (rights group "
          "CISC), 17 (residents), some with their hands tied; the government says it killed 'terrorists'",
          "soldiers and VDP members entered Fulani hamlets on the outskirts of Kongoussi",
          note="the government's denial does not change the coding: the credible accounts are of unarmed men executed; "
               "outskirts = precision 2; best = CISC's 12"),
        E("Battles", "Armed clash", JNIM, BFA_ARMY + VDP, "Thursday",
          L("Djibo", "BFA", "Sahel", 14.0986, -1.6266, 2), (11, 11, 23),
          "JNIM ambushes a supply convoy about 20 km south of Djibo; a security source: 7 soldiers and 4 VDP killed; JNIM "
          "claims 23 soldiers; the convoy turns back",
          "an ambush on Thursday on a supply convoy about 20 kilometres south of Djibo",
          note="best = the security source's 7 + 4; JNIM's 23 only widens the band. The May 11 Djibo attack is background"),
        E("Protests", "Peaceful protest", "Protesters (Burkina Faso)", None, "Saturday",
          L("Ouagadougou", "BFA", "Centre", *OUAGA, 1), 0,
          "Several thousand junta supporters rally peacefully in Ouagadougou after a plot is said to be foiled",
          "several thousand supporters of the junta rallied peacefully on Saturday",
          note="not coded: the displacement to Kongoussi and Kaya, the feared cholera and 'next target', JNIM's threat against "
               "villages that supply the VDP, the May 11 Djibo attack, Barsalogho (August 2024), the Solenzo videos (March), "
               "the 2022 coup"),
    ],
)

# ----------------------------------------------------------------- 02 Bangladesh (hartal, protests, party clash), datelined Dhaka

BGD_POLICE = ["Police Forces of Bangladesh (2024-)", "Police Forces of Bangladesh", "Dhaka Metropolitan Police"]
JIB = ["JIB: Jamaat-e-Islami Bangladesh", "Jamaat-e-Islami", "Jamaat"]
BNP = ["BNP: Bangladesh Nationalist Party", "Bangladesh Nationalist Party", "BNP"]
AL = ["AL: Bangladesh Awami League", "Awami League", "AL: Awami League"]
DHAKA = (23.7104, 90.4074)

article(
    "02-bangladesh-hartal.txt", "2025-10-22", "Bangladesh (Dhaka, Chattogram, Bogura, Gazipur)",
    "political unrest: march dispersed, hartal riot, party clash, crude bombs, workers' blockade",
    places=[
        P("DHAKA", *DHAKA), P("Dhaka", *DHAKA), P("Mirpur", 23.8123, 90.3654), P("Chattogram", 22.3384, 91.8317),
        P("Bogura", 24.851, 89.3711), P("Gazipur", 23.9984, 90.4223), P("India", 22.0, 79.0), P("Bangladesh", 24.0, 90.0),
    ],
    skip=["Dhaka Medical College Hospital", "Dhaka Metropolitan Police", "Bangladesh Nationalist Party"],
    quotes=[
        Q("Abdur Rahim", '"We were marching peacefully with our flags and they attacked us as if we were criminals,"',
          '"It is the same police that shot at us last year. Nothing has changed."'),
        Q("Mohammad Shahidul Islam", '"We used minimum force. Nobody was shot,"'),
        Q("The party", 'accused the authorities of "staging incidents to justify repression"'),
        Q("Mahbubul Alam", '"Hartals destroyed this economy for thirty years. We will not help bring them back,"'),
        Q("Nurul Amin", 'the alliance would call a three-day hartal from next week "if the government does not announce a referendum date before Friday"'),
        Q("The interim government", 'it respected the right to peaceful protest but "will not allow anyone to hold the country hostage"'),
        Q("Farzana Chowdhury", '"The fight is no longer about Hasina. It is about who writes the rules for the next Bangladesh, and every party fears that the others will write them,"',
          '"If the street becomes the only place where that argument is settled, the election itself could be at risk."'),
    ],
    not_quotes=[],
    events=[
        E("Protests", "Protest with intervention", ["Protesters (Bangladesh)"] + JIB, BGD_POLICE, "Tuesday",
          L("Dhaka", "BGD", "Dhaka", *DHAKA, 1), 0,
          "Police fire tear gas and baton-charge thousands of hartal marchers heading for the interim government's offices "
          "near the Secretariat; at least 40 injured (a doctor), 18 police hurt, 27 detained; Jamaat says 200 wounded",
          "Bangladeshi police fired tear gas and charged with batons at thousands of protesters",
          note="no one killed and no live fire: protest with intervention, not excessive force; the marchers are not "
               "reported to have used violence; the detentions are part of the dispersal"),
        E("Riots", "Violent demonstration", ["Rioters (Bangladesh)"] + JIB, BGD_POLICE, "Tuesday",
          L("Chattogram", "BGD", "Chittagong", 22.3384, 91.8317, 1), 0,
          "Hartal picketers torch a bus and stone police on a main road in Chattogram; rubber bullets and sound grenades; "
          "11 injured",
          "picketers enforcing the strike torched a bus and hurled stones at police"),
        E("Riots", ["Mob violence", "Violent demonstration"], ["Rioters (Bangladesh)"] + JIB + BNP,
          ["Rioters (Bangladesh)"] + BNP + JIB, "Monday",
          L("Bogura", "BGD", "Rajshahi", 24.851, 89.3711, 1), (1, 1, 2),
          "Jamaat and BNP supporters fight with sticks and machetes over strike posters in Bogura town centre; police 1 dead "
          "and 15 injured, Jamaat says 2 of its activists died",
          "a man was killed on Monday when supporters of Jamaat and of the Bangladesh Nationalist Party (BNP), once allies, fought with sticks and machetes",
          note="rival party supporters clashing: rioters against rioters; best = the police's 1"),
        E("Explosions/Remote violence", ["Grenade", "Remote explosive/landmine/IED"], [UAG("Bangladesh")] + AL,
          CIV("Bangladesh"), "Sunday", L("Dhaka", "BGD", "Dhaka", 23.8123, 90.3654, 1), 0,
          "Unidentified attackers throw crude bombs at a passenger bus in Dhaka's Mirpur area, injuring two; police blame "
          "Awami League activists, who deny it",
          "unidentified attackers threw crude bombs at a passenger bus in Dhaka's Mirpur area",
          note="thrown crude bombs: ACLED's Grenade sub-type (IED also accepted); blamed, unclaimed and denied, so an "
               "unidentified armed group and the Awami League are both accepted"),
        E("Protests", "Peaceful protest", ["Protesters (Bangladesh)", "Labour Group (Bangladesh)"], None, "Monday",
          L("Gazipur", "BGD", "Dhaka", 23.9984, 90.4223, 1), 0,
          "Several thousand garment workers block a highway in Gazipur for four hours over unpaid wages, then disperse",
          "several thousand garment workers blocked a highway in Gazipur",
          note="not coded: the hartal 'across much of the country' beyond the coded places, the threatened three-day hartal, "
               "police preparing for unrest, the 2024 uprising and its toll, Hasina's flight (Aug. 5, 2024), the May ban, "
               "her trial, the embassies' calls for restraint"),
    ],
)

# ----------------------------------------------------------------- 03 Mexico (Sinaloa cartel war), datelined Culiacan

SINALOA_GUNMEN = ["Sinaloa Cartel", "Sinaloa Cartel: Los Chapitos", "Los Chapitos", "Chapitos", UAG("Mexico"),
                  "Unidentified Gang (Mexico)"]
MEX_ARMY = ["Military Forces of Mexico (2024-)", "Military Forces of Mexico (2018-2024)", "Military Forces of Mexico",
            "Mexican Army"]
MEX_UNK = [UAG("Mexico"), "Unidentified Gang (Mexico)", "Sinaloa Cartel"]
CULIACAN = (24.8021, -107.3942)

article(
    "03-mexico-sinaloa.txt", "2025-02-20", "Mexico (Sinaloa: Culiacan, Navolato, Eldorado, Costa Rica)",
    "cartel violence: ambush on soldiers, massacre at a party, kidnapping, bodies found, relatives' blockade",
    places=[
        P("CULIACAN", *CULIACAN), P("Culiacan", *CULIACAN), P("Mexico", 23.0, -102.0), P("Mexico City", 19.4285, -99.1277),
        P("Navolato", 24.7668, -107.6977), P("Sinaloa", 25.0, -107.5), P("Eldorado", 24.3244, -107.3672),
        P("Costa Rica", 24.5907, -107.3899), P("United States", 39.76, -98.5), P("El Paso", 31.7587, -106.4869),
        P("Texas", 31.25, -99.25),
    ],
    skip=["Sinaloa cartel"],
    quotes=[
        Q("a woman who lost her husband and her brother in the attack",
          "\"They didn't ask anything. They just came in and started shooting,\"",
          '"My daughter hid under a table with the baby. That is the only reason they are alive."'),
        Q("María Guadalupe Inzunza", '"We are not asking for miracles, only that they look for them,"',
          '"If this were the son of a politician, the whole army would be out on the streets."'),
        Q("Luis Ernesto Castañeda", '"This designation changes the incentives on both sides of the border,"',
          '"The risk is that it becomes a justification for unilateral action, and that the cartels answer with even more violence against the state."'),
    ],
    not_quotes=['"El Chapo"', '"El Mayo"'],
    events=[
        E("Battles", "Armed clash", SINALOA_GUNMEN, MEX_ARMY, "Tuesday",
          L("Navolato", "MEX", "Sinaloa", 24.7668, -107.6977, 2), 5,
          "Gunmen ambush an army patrol on a highway outside Navolato; nearly an hour of fighting; Defense Department: "
          "3 soldiers and 2 attackers killed, 5 soldiers wounded",
          "Gunmen ambushed an army patrol on a highway outside the town of Navolato",
          note="blamed by state officials on Los Chapitos, unclaimed: the Sinaloa Cartel (faction) and an unidentified "
               "armed group both accepted; best = one source's figures for both sides (3 + 2); 'outside the town' = precision 2"),
        E("Violence against civilians", "Attack", MEX_UNK, CIV("Mexico"), "Sunday",
          L("Eldorado", "MEX", "Sinaloa", 24.3244, -107.3672, 1), (6, 6, 8),
          "Gunmen burst into a birthday party in Eldorado and open fire; state prosecutor 6 dead including a 14-year-old "
          "girl, local media 8",
          "gunmen burst into a birthday party in Eldorado",
          note="'Late Sunday' is Sunday; best = the prosecutor's 6"),
        E("Violence against civilians", "Abduction/forced disappearance", MEX_UNK, CIV("Mexico"), "Monday",
          L("Culiacan", "MEX", "Sinaloa", *CULIACAN, 1), 0,
          "Armed men in two SUVs abduct four employees of a used car lot on a Culiacan boulevard",
          "armed men in two SUVs abducted four employees of a used car lot"),
        E("Protests", "Peaceful protest", "Protesters (Mexico)", None, "Wednesday",
          L("Culiacan", "MEX", "Sinaloa", *CULIACAN, 1), 0,
          "Relatives of the four abducted employees and dozens of supporters block the boulevard for hours, demanding a search",
          "the relatives and dozens of supporters blocked the boulevard for several hours"),
        E("Violence against civilians", "Attack", MEX_UNK, CIV("Mexico"), "Wednesday",
          L("Costa Rica", "MEX", "Sinaloa", 24.5907, -107.3899, 2), 5,
          "Police find the bodies of five men, some with their hands bound, beside a dirt road near Costa Rica",
          "police found the bodies of five men, some with their hands bound",
          note="bodies found are coded as an attack on the day of discovery; it is not known whether they are the abducted "
               "employees, so the abduction stays a separate event. Not coded: the 14 arrests and 52 rifles 'across "
               "Sinaloa since Saturday' (placeless tally), the October clash (19 killed), the toll since Sept. 9, "
               "Zambada's July abduction, the U.S. terrorist designation, the 600 troops to be sent, the chamber's warning"),
    ],
)

# ----------------------------------------------------------------- 04 Gaza and Israel, datelined Cairo

ISR_ARMY = ["Military Forces of Israel (2022-)", "Military Forces of Israel", "Israel Defense Forces"]
HAMAS = ["Hamas Movement", "Hamas", "Al Qassam Brigades", "Al-Qassam Brigades"]
PIJ = ["PIJ: Palestinian Islamic Jihad", "Palestinian Islamic Jihad", "Al Quds Brigades", "Al-Quds Brigades", "Islamic Jihad"]
TUFFAH = (31.51, 34.476)
MAWASI = (31.365, 34.272)
TEL_SULTAN = (31.305, 34.235)

article(
    "04-gaza-ashkelon.txt", "2025-04-28", "Palestine (Gaza Strip) and Israel (dateline Cairo)",
    "war: air strikes on a school shelter and a tent, rocket salvo claimed by Islamic Jihad, Rafah clash, hostage rally",
    places=[
        P("CAIRO", 30.0626, 31.2497), P("Gaza City", 31.5016, 34.4667), P("Gaza", 31.42, 34.38),
        P("Ashkelon", 31.6693, 34.5715), P("Tuffah", *TUFFAH), P("al-Mawasi", *MAWASI), P("Khan Younis", 31.3402, 34.3063),
        P("Israel", 31.5, 34.75), P("Rafah", 31.2972, 34.2436), P("Tel al-Sultan", *TEL_SULTAN),
        P("Tel Aviv", 32.0809, 34.7806), P("Beit Hanoun", 31.5353, 34.5358), P("Jabalia", 31.5272, 34.4835),
        P("Egypt", 27.0, 30.0), P("Ramallah", 31.8996, 35.2042),
    ],
    skip=["Gaza Health Ministry", "Israel had designated", "Israel resumed", "Israel has blocked", "between Israel and Hamas",
          "alongside Egypt and the United States"],
    quotes=[
        Q("Samira Abu Jarad", '"We were sleeping on the floor of the classroom when the ceiling fell on us,"',
          '"There were no fighters there. There were only families who had nowhere else to go."'),
        Q("The Israeli military", 'it had carried out a "precise strike" on a Hamas command and control centre'),
        Q("Hamas", 'called the accusation "a lie to justify the killing of children"', mention="Hamas denied"),
        Q("the Al-Quds Brigades", 'it had fired a salvo of rockets at Ashkelon "in response to the massacres against our people"'),
        Q("Dalia Peretz", '"Every week they tell us that military pressure will bring our children home, and every week the list of the dead gets longer,"',
          '"We are not asking for victory. We are asking for a deal."'),
        Q("the military", 'warning that it would act "with great force" against militants firing rockets', mention="the military ordered"),
        Q("Egypt's foreign ministry", 'condemned the strike on the school as "a flagrant violation of international humanitarian law"'),
        Q("Yara Shaheen", '"Every time the mediators get close, there is another massacre and everything goes back to zero,"',
          '"Neither side believes it pays a price for walking away, and as long as that is true, the strikes and the rockets will continue."'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Air/drone strike", ISR_ARMY, [CIV("Palestine")] + HAMAS, "Sunday",
          L("Gaza City", "PSE", "Gaza Strip", *TUFFAH, 1), (12, 12, 15),
          "Israeli air strike before dawn on a school sheltering displaced families in Tuffah, eastern Gaza City; Health "
          "Ministry 12 dead, civil emergency service 15 (6 children); Israel says a Hamas command centre, Hamas denies",
          "An Israeli air strike on a school housing displaced families in Gaza City killed at least 12 people on Sunday",
          note="placed at the Tuffah neighbourhood (approximate point, about 1 km from the city centre); best = the Health "
               "Ministry's 12; civilians and Hamas both accepted as actor2"),
        E("Explosions/Remote violence", "Air/drone strike", ISR_ARMY, HAMAS + [CIV("Palestine")], "Saturday",
          L("Khan Younis - al-Mawasi", "PSE", "Gaza Strip", *MAWASI, 2), 7,
          "Late-Saturday Israeli strike on a tent in al-Mawasi west of Khan Younis; Nasser Hospital: 7 dead including 3 "
          "children; Israel says it targeted a Hamas militant",
          "an Israeli strike on a tent in al-Mawasi",
          note="'Late on Saturday' is Saturday; al-Mawasi is an area, its point approximate (precision 2)"),
        E("Explosions/Remote violence", "Shelling/artillery/missile attack", PIJ, [CIV("Israel")] + ISR_ARMY, "Sunday",
          L("Ashkelon", "ISR", "Southern", 31.6693, 34.5715, 1), 0,
          "Al-Quds Brigades (Islamic Jihad) claim a rocket salvo at Ashkelon; Israel: 3 rockets from northern Gaza, 2 "
          "intercepted, 1 in an open area; a woman lightly hurt running to a shelter",
          "a salvo of rockets at Ashkelon",
          note="coded at the target city; nobody killed"),
        E("Battles", "Armed clash", HAMAS, ISR_ARMY, "Friday",
          L("Rafah - Tel al-Sultan", "PSE", "Gaza Strip", *TEL_SULTAN, 1), 7,
          "Gunmen fire an anti-tank missile at an Israeli armoured vehicle in Tel al-Sultan, Rafah; Israel: 2 soldiers "
          "and 5 militants killed; the Al-Qassam Brigades claim a tank and its crew",
          "two soldiers were killed on Friday when gunmen fired an anti-tank missile",
          note="best = the Israeli military's figures for both sides (2 + 5); Hamas's claim gives no number"),
        E("Protests", "Peaceful protest", "Protesters (Israel)", None, "Saturday",
          L("Tel Aviv", "ISR", "Tel Aviv", 32.0809, 34.7806, 1), 0,
          "Tens of thousands rally in Tel Aviv on Saturday night for a hostage deal",
          "tens of thousands of Israelis rallied on Saturday night",
          note="not coded: Monday's evacuation orders for Beit Hanoun and Jabalia and the warning to act 'with great force', "
               "the threatened expansion of the ground operation, Oct. 7, 2023, the Jan. 19 ceasefire and its March 18 "
               "collapse, the aid blockade since March 2, the 52,000 toll, the reactions of Egypt, Qatar and the U.S."),
    ],
)

# ----------------------------------------------------------------- 05 Nigeria (Katsina, Zamfara: banditry), datelined Katsina

NGA_ARMY = ["Military Forces of Nigeria (2023-)", "Military Forces of Nigeria", "Nigerian Army"]
NGA_POLICE = ["Police Forces of Nigeria (2023-)", "Police Forces of Nigeria"]
BANDITS = [UAG("Nigeria"), "Bandits (Nigeria)", "Bandit Militia (Nigeria)"]
KATSINA = (12.9908, 7.6018)
FASKARI = (11.7211, 7.0299)

article(
    "05-nigeria-faskari.txt", "2025-09-18", "Nigeria (Katsina, Zamfara)",
    "banditry: school abduction, rescue gunbattle, parents' sit-in, mob lynching, farmers killed",
    places=[
        P("KATSINA", *KATSINA), P("Nigeria", 10.0, 8.0),
        P("Katsina", 12.25, 7.55, only=["state of Katsina", "between Katsina and Zamfara", "also in Katsina",
                                         "Katsina state government"]),
        P("Katsina", *KATSINA), P("Faskari", *FASKARI), P("Dandume", 11.4588, 7.126), P("Zamfara", 12.1, 6.2),
        P("Funtua", 11.5235, 7.3117), P("Tsafe", 11.9578, 6.9208), P("Chibok", 10.8695, 12.8466),
        P("Kankara", 11.9311, 7.4112), P("Kaduna", 10.35, 7.75), P("Abuja", 9.0579, 7.4951),
    ],
    skip=[],
    quotes=[
        Q("Usman Bello", '"They were shouting and shooting, and they told us to lie down and then to walk,"',
          '"Some of the small boys were crying, and they beat them to keep them quiet."'),
        Q("Ibrahim Danjuma", '"Our troops will not rest until every one of these children is back with their families,"'),
        Q("Hadiza Lawal", '"I have three sons in that school. Two came home. Where is the third?"',
          '"They tell us to be patient. Patience will not bring him back."'),
        Q("UNICEF", 'attacks on schools were "robbing a generation of northern Nigerian children of their future"'),
        Q("Amina Yusuf", '"Every time a school is attacked, thousands of parents across the region decide that their children are safer at home,"',
          '"The gangs know that. That is why they keep coming back to schools."'),
    ],
    not_quotes=['"neutralized"', '"levy"'],
    events=[
        E("Violence against civilians", ["Abduction/forced disappearance", "Attack"], BANDITS, CIV("Nigeria"), "Tuesday",
          L("Faskari", "NGA", "Katsina", *FASKARI, 1), 1,
          "Gunmen on motorcycles storm the Government Secondary School in Faskari after 1 a.m., shoot dead a guard and "
          "abduct students: 87 (principal), 54 (police), about 60 (state government)",
          "gunmen on motorcycles stormed a boarding school in the northwestern state of Katsina and abducted dozens of them",
          note="one event: the guard's killing is part of the abduction (fatalities 1); the abductees are not fatalities"),
        E("Battles", "Armed clash", NGA_ARMY + NGA_POLICE, BANDITS, "Wednesday",
          L("Dandume", "NGA", "Katsina", 11.4588, 7.126, 2), (10, 10, 12),
          "Troops with police and vigilantes track the kidnappers to a forest on the edge of Dandume and free 23 students "
          "in a gunbattle; army: 9 bandits and 1 soldier killed; a vigilante leader: 2 vigilantes also died",
          "engaged them in a gunbattle on Wednesday morning",
          note="best = the army's figures for both sides (9 + 1); high adds the vigilante leader's 2"),
        E("Protests", "Peaceful protest", "Protesters (Nigeria)", None, "Wednesday",
          L("Katsina", "NGA", "Katsina", *KATSINA, 1), 0,
          "Several hundred parents and relatives sit outside Government House in Katsina demanding the students' release",
          "several hundred parents and relatives sat on the ground for most of the day"),
        E("Riots", "Mob violence", "Rioters (Nigeria)", CIV("Nigeria"), "Monday",
          L("Funtua", "NGA", "Katsina", 11.5235, 7.3117, 1), (2, 2, 3),
          "A mob in Funtua beats to death and burns two men accused of spying for bandits and stones the police who try to "
          "rescue them; police 2 dead, residents say a third died in hospital",
          "a mob on Monday beat to death and set on fire two men it accused of spying for bandits",
          note="best = the police's 2"),
        E("Violence against civilians", "Attack", BANDITS, CIV("Nigeria"), "Sunday",
          L("Tsafe", "NGA", "Zamfara", 11.9578, 6.9208, 2), (11, 11, 16),
          "Gunmen kill farmers in their fields near Tsafe, Zamfara; police 11, a local lawmaker 16",
          "gunmen killed 11 farmers working in their fields near the town of Tsafe on Sunday",
          note="'near the town' = precision 2; best = the police's 11. Not coded: the feared move of the students into "
               "Zamfara's forests, the ransom denial, the school closures, Tinubu's order, UNICEF's statement, Chibok "
               "(2014), Kankara (December 2020), the Kaduna abduction (March 2024)"),
    ],
)

# ----------------------------------------------------------------- 06 Myanmar (Sagaing, Magway, Kachin, Shan), datelined Bangkok

MMR_ARMY = ["Military Forces of Myanmar (2021-)", "Military Forces of Myanmar", "Tatmadaw"]
MMR_POLICE = ["Police Forces of Myanmar (2021-)", "Police Forces of Myanmar"]
YE_U = (22.7672, 95.4276)

article(
    "06-myanmar-ye-u.txt", "2025-08-12", "Myanmar (Sagaing, Magway, Kachin, Shan; dateline Bangkok)",
    "civil war: air strike on a market, militia looting and burning villages, siege battle, ceasefire agreement, drone attack",
    places=[
        P("BANGKOK", 13.754, 100.5014), P("Myanmar", 21.0, 96.0), P("Ye-U", *YE_U), P("Sagaing", 24.0, 95.4),
        P("Magway", 20.7, 94.6), P("Yesagyo", 21.6324, 95.2462), P("Kachin", 26.0, 97.5), P("Bhamo", 24.2526, 97.2336),
        N("Irrawaddy River"), P("Lashio", 22.9359, 97.7498), P("Mogok", 22.9177, 96.5098), P("Shan", 21.5, 98.0),
        P("China", 35.0, 105.0), P("Chiang Mai", 18.7904, 98.9847), P("Monywa", 22.1086, 95.1358),
        P("Kanbalu", 23.2033, 95.5169),
    ],
    skip=["Myanmar National Democratic Alliance Army", "Kachin Independence Army", "China-brokered", "China wants"],
    quotes=[
        Q("the rescuer", '"We were still pulling out bodies when we heard another plane, and everyone ran,"',
          '"Most of the dead were women selling vegetables."'),
        Q("The military government's information team", 'the air force had attacked "a meeting of terrorists" in the Ye-U area'),
        Q("Khin Mar Win", '"They took our rice, our motorbikes, even the cooking pots, and then they burned everything,"',
          '"My family has lived there for four generations. Now there is only ash."'),
        Q("China's foreign ministry", 'Beijing would continue to "play a constructive role" in Myanmar\'s peace process'),
        Q("Thant Zin Oo", '"China wants the trade routes to its border open before the election, and it has the leverage to get what it wants from both sides,"',
          '"But a ceasefire signed under that kind of pressure is not peace. The fighting could resume the day Beijing looks away."'),
        Q("The U.N. human rights office", 'said attacks on civilians "may amount to war crimes"'),
    ],
    not_quotes=['"disrupts"'],
    events=[
        E("Explosions/Remote violence", "Air/drone strike", MMR_ARMY, CIV("Myanmar"), "Saturday",
          L("Ye-U", "MMR", "Sagaing", *YE_U, 1), (22, 22, 31),
          "A military jet bombs the crowded morning market in Ye-U; rescue workers 22 bodies and 40+ wounded, a local PDF "
          "official 31 dead; the junta says it hit 'a meeting of terrorists'",
          "A Myanmar military jet bombed a crowded morning market in the town of Ye-U",
          note="best = the rescuers' 22; the military's claim does not change the civilian target"),
        E("Strategic developments", "Looting/property destruction", ["Pyu Saw Htee"] + MMR_ARMY, CIV("Myanmar"), "Sunday",
          L("Yesagyo", "MMR", "Magway", 21.6324, 95.2462, 2), 0,
          "Troops and Pyu Saw Htee militiamen loot and burn more than 300 houses in villages outside Yesagyo; most villagers "
          "had fled, one elderly man missing",
          "troops and members of a pro-military militia known as Pyu Saw Htee looted and set fire to more than 300 houses",
          note="no one reported killed (a missing man is not a fatality): looting/property destruction, not an attack"),
        E("Battles", ["Armed clash", "Non-state actor overtakes territory"],
          ["KIA: Kachin Independence Army", "Kachin Independence Army", "KIA"], MMR_ARMY + MMR_POLICE, "Monday",
          L("Bhamo", "MMR", "Kachin", 24.2526, 97.2336, 1), None,
          "The KIA says it attacked military positions in besieged Bhamo and captured a police station and a fuel depot, "
          "killing 'dozens' of soldiers; no military comment, unverified",
          "the Kachin Independence Army said its fighters attacked military positions in Bhamo on Monday",
          note="known only from the KIA's claim, whose 'dozens' is no usable number: fatalities null"),
        E("Strategic developments", "Agreement", MMR_ARMY,
          ["TNLA: Ta'ang National Liberation Army", "Ta'ang National Liberation Army", "TNLA"], "Monday",
          L("Lashio", "MMR", "Shan", 22.9359, 97.7498, 1), 0,
          "The military and the TNLA sign a ceasefire at China-hosted talks in Lashio: the TNLA to leave Mogok, the army to "
          "halt air strikes on TNLA areas",
          "signed a ceasefire on Monday at talks in Lashio",
          note="coded where it was signed; the withdrawal from Mogok is announced for the future and is not coded"),
        E("Explosions/Remote violence", "Air/drone strike", ["PDF: People's Defense Force", "People's Defence Force", "PDF"],
          MMR_POLICE, "Friday", L("Monywa", "MMR", "Sagaing", 22.1086, 95.1358, 1), 0,
          "Resistance fighters drop explosives from drones on a police station in Monywa, wounding three policemen; a local "
          "resistance group claims it",
          "resistance fighters used drones to drop explosives on a police station in Monywa",
          note="armed drones are air/drone strikes whoever flies them. Not coded: the 2021 coup, the April 2023 Kanbalu "
               "township air strike, the MNDAA's handover of Lashio (April), the AAPP and U.N. tallies, the December "
               "election and the military's warning, the resistance vow to block the polls, ASEAN's call"),
    ],
)

# --------------------------------------------------------------------------- building


class GoldError(Exception):
    pass


def occurrences(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


def unique(text, s, what):
    """The span of s in text; s may be (string, n) for the n-th occurrence (from 0)."""
    s, n = s if isinstance(s, tuple) else (s, None)
    occ = occurrences(text, s)
    if not occ:
        raise GoldError(f"{what}: not in the text: {s!r}")
    if n is None and len(occ) > 1:
        raise GoldError(f"{what}: {len(occ)} occurrences, give (string, n): {s!r}")
    return occ[n or 0]


def inside(span, spans):
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def find_places(text, places, skip, name):
    skip_spans = []
    for s in skip:
        occ = occurrences(text, s)
        if not occ:
            raise GoldError(f"{name}: skip context not in the text: {s!r}")
        skip_spans += occ
    taken = [False] * len(text)
    found, nocoord = [], []
    for p in sorted(places, key=lambda p: (not p.only, -len(p.surface))):
        only = [sp for c in p.only for sp in occurrences(text, c)]
        if p.only and not only:
            raise GoldError(f"{name}: context of {p.surface!r} not in the text")
        hits = 0
        for m in re.finditer(r"(?<!\w)" + re.escape(p.surface) + r"(?!\w)", text):
            sp = m.span()
            if any(taken[sp[0]:sp[1]]) or inside(sp, skip_spans) or (p.only and not inside(sp, only)):
                continue
            for k in range(*sp):
                taken[k] = True
            hits += 1
            rec = {"start": sp[0], "end": sp[1], "text": p.surface}
            if p.lat is None:
                nocoord.append(rec)
            else:
                found.append(rec | {"lat": p.lat, "lon": p.lon})
        if not hits:
            raise GoldError(f"{name}: place {p.surface!r} has no mention left (typo, or all skipped?)")
    return sorted(found, key=lambda r: r["start"]), sorted(nocoord, key=lambda r: r["start"])


QUOTED = re.compile(r'"[^"\n]*"')


def find_quotes(text, quotes, not_quotes, name):
    out, covered = [], []
    for q in quotes:
        frags = [unique(text, f, f"{name}: quote of {q['speaker']}") for f in q["frags"]]
        frags.sort()
        rec = {"speaker": q["speaker"], "speaker_start": None, "speaker_end": None,
               "content_start": frags[0][0], "content_end": frags[-1][1], "direct": True}
        if len(frags) > 1:
            rec["content_spans"] = [list(f) for f in frags]
        if q["speaker"]:
            mention = q["mention"] or q["speaker"]
            occ = occurrences(text, mention)
            if not occ:
                raise GoldError(f"{name}: speaker mention not in the text: {mention!r}")
            lo, hi = frags[0][0], frags[-1][1]
            occ = [o for o in occ if not inside(o, frags)] or occ
            best = min(occ, key=lambda o: max(lo - o[1], o[0] - hi, 0))
            if mention != q["speaker"]:  # a longer cue: point at the speaker's name (or its last word) inside it
                seg = text[best[0]:best[1]].casefold()
                for name in (q["speaker"], q["speaker"].split()[-1]):
                    k = seg.find(name.casefold())
                    if k >= 0:
                        best = (best[0] + k, best[0] + k + len(name))
                        break
            rec["speaker_start"], rec["speaker_end"] = best
        out.append(rec)
        covered += frags
    for s in not_quotes:
        if not occurrences(text, s):
            raise GoldError(f"{name}: not-quote not in the text: {s!r}")
        covered += occurrences(text, s)
    for m in QUOTED.finditer(text):
        if not inside(m.span(), covered):
            raise GoldError(f"{name}: quoted passage neither coded nor listed in NOT_QUOTES: {m.group()!r}")
    for para in text.split("\n"):
        if para.count('"') % 2:
            raise GoldError(f"{name}: odd number of quotation marks in a paragraph: {para[:60]!r}")
    return sorted(out, key=lambda r: r["content_start"])


def resolve_date(when, pub):
    if when in WEEKDAYS:
        d = pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS.index(when)) % 7)
        return {"start": d.isoformat(), "end": d.isoformat(), "precision": "day"}
    if when == "last week":
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return {"start": monday.isoformat(), "end": (monday + dt.timedelta(days=6)).isoformat(), "precision": "week"}
    d = dt.date.fromisoformat(when)
    return {"start": d.isoformat(), "end": d.isoformat(), "precision": "day"}


def build_event(e, text, pub, name):
    subs = e["sub"] if isinstance(e["sub"], list) else [e["sub"]]
    if e["acled"] not in SUBTYPES or not set(subs) <= SUBTYPES[e["acled"]]:
        raise GoldError(f"{name}: unknown type/sub-type {e['acled']!r}/{subs!r}")
    ev = []
    for s in e["evidence"]:
        ev.append(list(unique(text, s, f"{name}: evidence")) if s in text else None)
        if ev[-1] is None:
            raise GoldError(f"{name}: evidence not in the text: {s!r}")
    f = e["fatalities"]
    if f is None:
        fat = None
    elif isinstance(f, int):
        fat = {"low": f, "best": f, "high": f}
    else:
        lo, best, hi = f
        if not lo <= best <= hi:
            raise GoldError(f"{name}: fatalities out of order {f!r}")
        fat = {"low": lo, "best": best, "high": hi}
    out = {"type": {"acled": e["acled"], "acled_sub": e["sub"]}, "actor1": e["actor1"], "actor2": e["actor2"],
           "date": resolve_date(e["when"], pub), "location": dict(e["loc"]), "fatalities": fat,
           "what": e["what"], "evidence": [{"start": a, "end": b} for a, b in ev]}
    if e["note"]:
        out["note"] = e["note"]
    return out


def build_one(a):
    path = HERE / a["file"]
    raw = path.read_text(encoding="utf-8")
    title, sep, body = raw.partition("\n\n")
    if not sep or "\n" in title.strip():
        raise GoldError(f"{a['file']}: expected a one-line headline, a blank line, then the body")
    text = body.strip("\n")
    name = a["file"]
    pub = dt.date.fromisoformat(a["published"])
    places, nocoord = find_places(text, a["places"], a["skip"], name)
    quotes = find_quotes(text, a["quotes"], a["not_quotes"], name)
    events = [build_event(e, text, pub, name) for e in a["events"]]
    for e in events:
        if not (pub - dt.timedelta(days=14)).isoformat() <= e["date"]["start"] <= pub.isoformat():
            raise GoldError(f"{name}: event outside the reporting period: {e['what']}")
    words = len(text.split()) + len(title.split())
    if not WORDS[0] <= words <= WORDS[1]:
        raise GoldError(f"{name}: {words} words ({WORDS[0]}-{WORDS[1]} wanted)")
    stem = path.stem
    return {"id": f"{DATASET}:{stem}", "dataset": DATASET, "title": title.strip(), "text": text,
            "published": a["published"], "url": None,
            "meta": {"file": a["file"], "region": a["region"], "kind": a["kind"], "words": words},
            "gold": {"complete": True, "events": events, "places": places, "places_nocoord": nocoord, "quotes": quotes}}


def show(rec):
    """The body with [place|lat,lon], {nocoord} and <<quote>> marks, for review."""
    text = rec["text"]
    marks = []
    for p in rec["gold"]["places"]:
        marks += [(p["start"], 1, "["), (p["end"], 0, f"|{p['lat']},{p['lon']}]")]
    for p in rec["gold"]["places_nocoord"]:
        marks += [(p["start"], 1, "{"), (p["end"], 0, "}")]
    for q in rec["gold"]["quotes"]:
        for a, b in q.get("content_spans") or [(q["content_start"], q["content_end"])]:
            marks += [(a, 1, "<<"), (b, 0, f">>({q['speaker']})")]
        if q["speaker_start"] is not None:
            marks += [(q["speaker_start"], 1, "_"), (q["speaker_end"], 0, "_")]
    out, last = [], 0
    for pos, _, m in sorted(marks):
        out += [text[last:pos], m]
        last = pos
    out.append(text[last:])
    print(f"\n===== {rec['id']} ({rec['published']}, {rec['meta']['words']} words)\n" + "".join(out))
    for e in rec["gold"]["events"]:
        loc = e["location"]
        print(f"  EVENT {e['date']['start']} {e['type']['acled']} / {e['type']['acled_sub']} @ {loc['name']} "
              f"({loc['lat']},{loc['lon']}) fat={e['fatalities'] and e['fatalities']['best']}: {e['what']}")


def main(argv):
    try:
        recs = [build_one(a) for a in ARTICLES]
    except GoldError as exc:
        sys.exit(f"error: {exc}")
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        sys.exit("error: duplicate ids")
    with OUT.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if "--show" in argv:
        for r in recs:
            show(r)
    n = lambda k: sum(len(r["gold"][k]) for r in recs)  # noqa: E731
    print(f"wrote {OUT.name}: {len(recs)} articles, {n('events')} events, {n('places')} places "
          f"(+{n('places_nocoord')} without coordinates), {n('quotes')} quotes")


if __name__ == "__main__":
    main(sys.argv[1:])
