#!/usr/bin/env python3
"""Build long-gold.jsonl from the ten articles beside this file and the coding below.

    python tests/gold/long/build.py           # writes tests/gold/long/long-gold.jsonl
    python tests/gold/long/build.py --show    # also prints each article with its places and quotes marked

Every character offset is computed here from quoted strings, never typed, so an article can be
edited and the gold rebuilt: a coded string that is no longer in the text (or no longer unique where
it must be) stops the build with an error instead of writing wrong offsets.

Conventions (see README.md):
  * places: every whole-word, case-sensitive occurrence of each listed surface form in the body is a
    place mention, except occurrences inside a SKIP context (a person, an organisation or facility
    named after a place, or a place name standing for a government: "Kigali denies ..."). Longer
    forms win over shorter ones ("Lake Chad" over "Chad"). A form given with `only=` contexts takes
    its own coordinates inside those contexts (the province vs the city of the same name).
  * quotes: every passage in double quotation marks must be either coded as (part of) a direct quote
    or listed in NOT_QUOTES (nicknames, banner texts, scare quotes, translations); the build checks
    this. Content spans include the quotation marks; a quote interrupted by its attribution ("...,"
    said X. "...") is one quote with several content fragments; a partial quote is the attributed
    phrase around it (PolNeAR's convention, as in tests/data/quotes). Indirect speech is not coded.
  * events: resolved against the publication date (a weekday name is the most recent such day on or
    before publication; "last week" is the previous Monday-Sunday, precision week).

Standard library only.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "long-gold.jsonl"
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


# ----------------------------------------------------------------- 01 Burkina Faso (Sahel, JNIM)

BF_ARMY = ["Military Forces of Burkina Faso (2022-)", "Military Forces of Burkina Faso"]
VDP = "VDP: Volunteers for the Defense of the Homeland"
JNIM = ["JNIM: Group for Support of Islam and Muslims", "JNIM"]

article(
    "01-burkina-djibo.txt", "2024-05-28", "Burkina Faso (Sahel)", "jihadist attacks, blockade",
    places=[
        P("OUAGADOUGOU", 12.3714, -1.5197), P("Ouagadougou", 12.3714, -1.5197),
        P("Burkina Faso", 12.5, -1.67), P("Djibo", 14.1009, -1.6269), P("Soum", 14.05, -1.45),
        P("Sebba", 13.4364, 0.5300), P("Yagha", 13.45, 0.60), P("Sahel region", 14.1, -0.4),
        P("Niger", 18.0, 9.0), P("Yatenga", 13.6, -2.4), P("Kaya", 13.0917, -1.0844),
        P("Centre-North", 13.25, -1.10), P("Mali", 17.0, -4.0), N("Sahel"),
    ],
    skip=["Amadou Djibo"],
    quotes=[
        Q("the army", '20 soldiers and volunteers had been killed and that "more than 40 terrorists were neutralized"'),
        Q("Amadou Djibo", '"We heard the shooting from four in the morning until almost ten. Nobody dared to go outside,"',
          '"When it stopped, the soldiers came through the streets carrying the wounded. Many families have left for the camp on the road to the south."'),
        Q("The army", 'air force drones had struck a column of fighters withdrawing northward on Monday about 30 kilometers (19 miles) from Djibo, killing "about 30" of them'),
        Q("the official", '"They came on market day because they knew everyone would be there,"'),
        Q("JNIM", 'to target "any convoy" on the road from Kaya', mention="JNIM warned"),
        Q("Fatimata Ouédraogo", '"The situation in Djibo is extremely worrying. People are eating leaves,"',
          '"If the convoys cannot pass, we will be counting deaths from hunger, not only from bullets."'),
    ],
    not_quotes=[],
    events=[
        E("Battles", "Armed clash", JNIM, BF_ARMY + [VDP], "Sunday",
          L("Djibo", "BFA", "Sahel", 14.1009, -1.6269, 1), (20, 60, 113),
          "JNIM fighters storm the army and VDP base in Djibo; army: 20 soldiers and volunteers and 40+ attackers "
          "killed; a security source: 50+ defenders; JNIM claims 73 soldiers",
          "Hundreds of Islamic extremists stormed a military base in the besieged northern town of Djibo on Sunday",
          note="best = the army's own figures for both sides (20 + 40); high = JNIM's 73 + the army's 40"),
        E("Explosions/Remote violence", "Air/drone strike", BF_ARMY, JNIM, "Monday",
          L("Djibo", "BFA", "Sahel", 14.1009, -1.6269, 2), 30,
          "Air force drones strike the withdrawing JNIM column about 30 km from Djibo; army: about 30 killed",
          "The army said air force drones had struck a column of fighters withdrawing northward on Monday"),
        E("Violence against civilians", "Attack", UAG("Burkina Faso"), CIV("Burkina Faso"), "Thursday",
          L("Sebba", "BFA", "Sahel", 13.4364, 0.5300, 1), (11, 11, 14),
          "Gunmen fire on traders at the Sebba livestock market; official 11 dead, humanitarian worker 14; unclaimed",
          "gunmen on motorbikes opened fire on traders at the livestock market in Sebba"),
        E("Protests", "Peaceful protest", "Protesters (Burkina Faso)", None, "Monday",
          L("Ouagadougou", "BFA", "Centre", 12.3714, -1.5197, 1), 0,
          "Pro-army, pro-junta rally in central Ouagadougou, ends peacefully",
          "several hundred people rallied in central Ouagadougou in support of the army"),
    ],
)

# ----------------------------------------------------------------- 02 Somalia (al-Shabab), datelined Nairobi

SHABAAB = ["Al Shabaab", "Al-Shabaab", "Al-Shabab", "Al Shabab"]

article(
    "02-somalia-mogadishu.txt", "2024-03-19", "Somalia (and Kenya)", "jihadist bombing, clashes, foreign air strike",
    places=[
        P("NAIROBI", -1.2864, 36.8172), P("Nairobi", -1.2864, 36.8172), P("Kenya", 1.0, 38.0),
        P("Somalia", 6.0, 48.0), P("KM4", 2.0333, 45.3064), P("Mogadishu", 2.0371, 45.3438),
        P("Middle Shabelle", 2.9, 45.6), P("Mahaday", 2.97, 45.53), P("Kismayo", -0.3582, 42.5454),
        P("Lower Juba", -0.3, 42.0), P("Elwak", 2.80, 40.93), P("Mandera", 3.5, 40.6), P("Hiiraan", 4.3, 45.4),
        P("Zobe", 2.0431, 45.3218), P("Uganda", 1.25, 32.5), P("Ethiopia", 9.0, 39.5), P("Burundi", -3.5, 30.0),
        P("Djibouti", 11.8, 42.5), P("Lamu", -2.0, 40.8),
    ],
    skip=["trained by the United States", "United States Embassy", "U.S. Africa Command", "Garissa University College",
          "Madina hospital", "Andalus radio"],
    quotes=[
        Q("Al-Shabab", 'it had targeted "apostate forces" and killed 15 of them', mention="Al-Shabab claimed"),
        Q("Hodan Ali", '"The car came very fast, the police shouted at it to stop and then there was fire everywhere,"',
          '"I found my neighbor\'s son under a table. He was already dead."'),
        Q("Hassan Sheikh Mohamud", '"total war" on al-Shabab'),
        Q("Abdirahman Osman Duale", '"We are hunting the people who helped this bomber. They are not far away,"', mention="Duale"),
        Q("Mohamed Abdi Warsame", '"We are not ready to take over all the bases. We need more time, more equipment and, honestly, more pay for our soldiers,"'),
        Q("the United States Embassy", '"terrorists will not derail Somalia\'s progress."'),
        Q("Ahmed Nur", '"Every month we bury someone,"',
          '"The government tells us the war is almost over. For us in Mogadishu it has not even started to end."'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Suicide bomb", SHABAAB,
          ["Police Forces of Somalia (2022-)", "Police Forces of Somalia", CIV("Somalia")], "Friday",
          L("Mogadishu", "SOM", "Banadir", 2.0371, 45.3438, 1), (7, 7, 15),
          "Suicide car bomb at a police checkpoint near KM4, Mogadishu; police 7 dead (5 officers, 2 civilians), "
          "ambulance service 11 bodies, al-Shabab claims 15",
          "A suicide bomber drove a car packed with explosives into a police checkpoint in Somalia's capital on Friday evening",
          note="ACLED keeps the most conservative reliable toll (police, 7); the ambulance count (11) and the claim (15) bound it"),
        E("Battles", "Armed clash", SHABAAB, ["Military Forces of Somalia (2022-)", "Military Forces of Somalia"],
          "Wednesday", L("Mahaday", "SOM", "Middle Shabelle", 2.97, 45.53, 1), (20, 26, 43),
          "Al-Shabab assault on the army base in Mahaday repelled; ministry: 23 militants and 3 soldiers killed; "
          "al-Shabab: 20 soldiers killed",
          "repelled an assault on their base in the town of Mahaday on Wednesday",
          note="'briefly overran the base' is only the group's claim: coded as an armed clash, not a change of territory"),
        E("Explosions/Remote violence", "Air/drone strike",
          ["Military Forces of the United States (2021-)", "Military Forces of the United States"], SHABAAB, "Sunday",
          L("Kismayo", "SOM", "Lower Juba", -0.3582, 42.5454, 2), 3,
          "AFRICOM air strike on al-Shabab about 35 km northeast of Kismayo; 3 militants killed",
          "carried out an airstrike on Sunday against al-Shabab fighters about 35 kilometers (22 miles) northeast of Kismayo"),
        E("Explosions/Remote violence", "Remote explosive/landmine/IED", SHABAAB + [UAG("Kenya")],
          ["Police Forces of Kenya (2022-)", "Police Forces of Kenya"], "Saturday",
          L("Elwak", "KEN", "Mandera", 2.80, 40.93, 2), 0,
          "Roadside bomb hits a Kenyan police vehicle near Elwak, Mandera county; 4 officers wounded; police blame al-Shabab",
          "a roadside bomb struck a police vehicle on Saturday near Elwak, in Mandera county"),
    ],
)

# ----------------------------------------------------------------- 03 DR Congo (M23, ADF, Kinshasa riots)

M23 = ["M23: March 23 Movement", "M23"]
FARDC = ["Military Forces of the Democratic Republic of Congo (2019-)", "Military Forces of the Democratic Republic of Congo",
         "FARDC", "Wazalendo"]
COD_POLICE = ["Police Forces of the Democratic Republic of Congo (2019-)", "Police Forces of the Democratic Republic of Congo"]

article(
    "03-drc-sake.txt", "2024-02-13", "DR Congo (North Kivu, Kinshasa)", "rebel offensive, massacre, riots",
    places=[
        P("GOMA", -1.6792, 29.2228), P("Goma", -1.6792, 29.2228), P("Congo", -2.5, 23.5), P("Sake", -1.5733, 29.0450),
        P("Masisi", -1.40, 28.82), P("Mugunga", -1.6236, 29.1583), P("Kinshasa", -4.3217, 15.3126),
        P("North Kivu", -0.7, 28.9), P("Rubaya", -1.55, 28.88), P("Lake Kivu", -2.0, 29.15), P("Oicha", 0.7003, 29.5166),
        P("Beni", 0.6, 29.6), P("Lubero", -0.3, 29.0), P("Ituri", 1.6, 29.6), P("Uganda", 1.25, 32.5),
        P("Gombe", -4.3050, 15.3020), N("East Africa"),
    ],
    skip=["neighbouring Rwanda arms", "Kigali denies", "accuses Kinshasa", "Liberation of Rwanda", "University of Kinshasa",
          "after Kinshasa accused"],
    quotes=[
        Q("The army", 'its troops, backed by local volunteer fighters known as Wazalendo, had held their positions on both days and inflicted "heavy losses" on the enemy'),
        Q("Esperance Kahindo", '"The bombs fell near the church and the market. Everyone took what they could carry and ran,"',
          '"We have already fled three times. Where else can we go?"'),
        Q("Patrick Kayumba", 'the rebels "never target civilians,"'),
        Q("a Western diplomat", '"If Sake falls, Goma is surrounded,"'),
        Q("The Islamic State group", 'its fighters had killed 25 "Christians"'),
        Q("Gloire Mbuyi", '"We are tired of speeches. Our brothers are dying in Goma, in Sake, in Masisi, and the world says nothing,"'),
        Q("Jean-Marie Bahati", '"The camps around Goma are already full. There is no more space, no more water,"',
          '"If the fighting reaches the city, we will have a catastrophe."'),
    ],
    not_quotes=['"MONUSCO, go home"'],
    events=[
        E("Battles", "Armed clash", M23, FARDC, "Sunday", L("Sake", "COD", "Nord-Kivu", -1.5733, 29.0450, 1), None,
          "Army and Wazalendo fight M23 on the hills around Sake (day 1); rebel shells land in the town; no figures",
          "fought M23 rebels on the hills around the town of Sake on Sunday and again on Monday",
          note="one event per day: the same fighting on Sunday and Monday is two ACLED events; the shelling of Sake "
               "during the fighting is part of the battle"),
        E("Battles", "Armed clash", M23, FARDC, "Monday", L("Sake", "COD", "Nord-Kivu", -1.5733, 29.0450, 1), None,
          "Fighting around Sake continues (day 2)",
          "fought M23 rebels on the hills around the town of Sake on Sunday and again on Monday"),
        E("Explosions/Remote violence", "Shelling/artillery/missile attack", M23 + [UAG("Democratic Republic of Congo")],
          CIV("Democratic Republic of Congo"), "Saturday",
          L("Mugunga", "COD", "Nord-Kivu", -1.6236, 29.1583, 1), (5, 5, 6),
          "Shell hits Mugunga displacement camp; committee 5 dead, MSF 6; army blames M23, M23 denies",
          "a shell struck the crowded Mugunga displacement camp on the western outskirts of Goma, killing five people",
          note="perpetrator disputed and unverified: the accused M23 or an unidentified armed group both accepted"),
        E("Violence against civilians", "Attack", ["ADF: Allied Democratic Forces", "ADF", "Islamic State (Central Africa)"],
          CIV("Democratic Republic of Congo"), "Thursday",
          L("Oicha", "COD", "Nord-Kivu", 0.7003, 29.5166, 2), (11, 11, 25),
          "Suspected ADF attack on a village near Oicha, Beni territory; army 11 dead, civil society 18, IS claims 25",
          "suspected Allied Democratic Forces (ADF) rebels killed at least 11 civilians late on Thursday"),
        E("Riots", "Violent demonstration", "Rioters (Democratic Republic of Congo)", COD_POLICE, "Saturday",
          L("Kinshasa", "COD", "Kinshasa", -4.3050, 15.3020, 1), 0,
          "Youths burn tyres, throw stones outside Western embassies in Gombe, Kinshasa, set U.N. cars on fire; police tear gas",
          "hundreds of young people burned tyres and threw stones outside several Western embassies"),
        E("Protests", "Peaceful protest", "Protesters (Democratic Republic of Congo)", None, "Monday",
          L("Kinshasa", "COD", "Kinshasa", -4.3217, 15.3126, 1), 0,
          "Peaceful anti-MONUSCO gathering outside the U.N. mission's headquarters in Kinshasa",
          "a smaller crowd gathered peacefully outside the headquarters of the U.N. peacekeeping mission"),
    ],
)

# ----------------------------------------------------------------- 04 Nigeria (Boko Haram/ISWAP, bandits)

NGA_ARMY = ["Military Forces of Nigeria (2023-)", "Military Forces of Nigeria"]

article(
    "04-nigeria-gwoza.txt", "2024-07-02", "Nigeria (Borno, Zamfara)", "suicide bombing, jihadist raid, banditry",
    places=[
        P("MAIDUGURI", 11.8464, 13.1600), P("Maiduguri", 11.8464, 13.1600), P("Nigeria", 10.0, 8.0),
        P("Gwoza", 11.0833, 13.6917), P("Borno", 11.8, 13.0), N("Mandara mountains"), P("Cameroon", 6.0, 12.5),
        P("Damboa", 11.1553, 12.7564), P("Niger", 18.0, 9.0), P("Chad", 15.0, 19.0), P("Lake Chad", 13.1, 14.1),
        P("Kasuwar Daji", 12.59, 6.59), P("Kaura Namoda", 12.5931, 6.5865), P("Zamfara", 12.1, 6.2),
        P("Gusau", 12.1628, 6.6614), P("Tsafe", 11.9577, 6.9207), P("Kuriga", 10.25, 7.2), P("Kaduna", 10.4, 7.7),
        P("Chibok", 10.8703, 12.8467), P("Abuja", 9.0579, 7.4951), P("Katsina", 12.3, 7.6), P("Sokoto", 13.0, 5.3),
    ],
    skip=["Borno State Emergency Management Agency", "Mustapha Gusau"],
    quotes=[
        Q("Babagana Umar", '"I counted the bodies myself. Women, children, even the groom\'s father,"',
          '"We thought Gwoza was safe now. We were wrong."'),
        Q("The jihadists", 'they had killed "dozens of apostate soldiers"'),
        Q("Mustapha Gusau", '"They came around 11 p.m., more than a hundred of them, shooting in the air,"',
          '"They took my two wives and my daughter. Now they will call and ask for money we do not have."'),
        Q("the air force", 'air force jets bombarded bandit hideouts in the forests around Tsafe, in the south of the state, killing "more than 30 terrorists" including two gang commanders',
          mention="according to the air force"),
        Q("Hauwa Shehu", '"If the government does not come, we will have no choice but to pay,"', '"Even then, they may still come."'),
        Q("Ayodele Fashola", 'the Gwoza bombings "a desperate act by cowards"'),
        Q("Ahmed Yusuf Bello", '"The bandits know they only have to wait for the soldiers to leave,"'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Suicide bomb",
          ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Boko Haram", UAG("Nigeria")], CIV("Nigeria"),
          "Saturday", L("Gwoza", "NGA", "Borno", 11.0833, 13.6917, 1), (18, 18, 24),
          "Female suicide bombers at a wedding, the general hospital and a funeral in Gwoza; SEMA 18 dead, residents and CJTF 24",
          "Suspected female suicide bombers blew themselves up at a wedding and at a hospital in the town of Gwoza",
          note="three blasts in one town on one day by the same (unclaimed, suspected Boko Haram) perpetrator: one event"),
        E("Battles", "Armed clash", ["Islamic State (West Africa)", "ISWAP"], NGA_ARMY, "Monday",
          L("Damboa", "NGA", "Borno", 11.1553, 12.7564, 1), 17,
          "ISWAP attack on the military base in Damboa; 15 insurgents and 2 soldiers killed (military sources)",
          "ISWAP fighters attacked a military base in Damboa"),
        E("Violence against civilians", ["Abduction/forced disappearance", "Attack"], [UAG("Nigeria"), "Bandits"],
          CIV("Nigeria"), "Friday", L("Kasuwar Daji", "NGA", "Zamfara", 12.5931, 6.5865, 2), 2,
          "Bandits abduct 37 (police: 26) villagers from Kasuwar Daji, Kaura Namoda LGA, and kill two who resisted",
          "abducted at least 37 people, most of them women and children, from the village of Kasuwar Daji",
          note="village not in common gazetteers: coordinates of Kaura Namoda, precision 2"),
        E("Explosions/Remote violence", "Air/drone strike", NGA_ARMY, [UAG("Nigeria"), "Bandits"], "Thursday",
          L("Tsafe", "NGA", "Zamfara", 11.9577, 6.9207, 2), 30,
          "Air force bombards bandit hideouts in the forests around Tsafe; air force: more than 30 killed",
          "The abductions came a day after air force jets bombarded bandit hideouts in the forests around Tsafe",
          note="date inferred: the day before the Friday-night abductions"),
    ],
)

# ----------------------------------------------------------------- 05 Sudan (RSF vs army), datelined Cairo

RSF = ["Rapid Support Forces", "RSF: Rapid Support Forces", "RSF"]
SDN_ARMY = ["Military Forces of Sudan (2019-)", "Military Forces of Sudan", "Sudanese Armed Forces"]

article(
    "05-sudan-el-fasher.txt", "2024-09-24", "Sudan (Darfur, Gezira)", "civil war: shelling, air strikes, massacre",
    places=[
        P("CAIRO", 30.0444, 31.2357), P("El Fasher", 13.6279, 25.3494), P("Darfur", 13.0, 24.5), P("Sudan", 15.0, 30.0),
        P("Abu Shouk", 13.665, 25.34), P("Nyala", 12.0489, 24.8807), P("South Darfur", 11.5, 24.8),
        P("Khartoum", 15.5518, 32.5324), P("Geneina", 13.4525, 22.4472), P("West Darfur", 13.3, 22.5),
        P("Wad Madani", 14.4012, 33.5199), P("Gezira", 14.4, 33.3), P("Rufaa", 14.77, 33.37), P("Zamzam", 13.49, 25.29),
        P("Adre", 13.4667, 22.2000), P("Chad", 15.0, 19.0), P("Switzerland", 47.0, 8.0), P("Jeddah", 21.4858, 39.1925),
        P("Port Sudan", 19.6158, 37.2164), N("Red Sea"),
    ],
    skip=["The United States and Saudi Arabia convened", "the Saudi city"],
    quotes=[
        Q("Mariam Abdallah", '"The shell landed between the houses. My neighbor\'s children were sitting outside,"',
          '"We have nowhere to run. If we go to the city they shell the city, if we go to the desert they kill us on the road."'),
        Q("The military", '"dozens of militia fighters" had been killed and several combat vehicles destroyed'),
        Q("An RSF-run civil administration", 'the army of "deliberately targeting" civilians'),
        Q("a resident of one of the villages", '"They asked the men to hand over their phones and money, and those who refused were shot,"'),
        Q("Hamid Abakar Tirab", 'his forces would "enter El Fasher within days"'),
        Q("Helene Marchal", '"If El Fasher falls, we fear a repeat of what happened in West Darfur, but on a much bigger scale,"'),
        Q("Helene Marchal", 'the world body was preparing for "all scenarios."'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Shelling/artillery/missile attack", RSF, CIV("Sudan"), "Sunday",
          L("Abu Shouk", "SDN", "North Darfur", 13.665, 25.34, 1), (15, 15, 22),
          "RSF shells Abu Shouk displacement camp north of El Fasher; MSF 15 dead, Emergency Response Room 22",
          "shelled a sprawling camp for displaced people on the edge of El Fasher on Sunday"),
        E("Battles", "Armed clash", RSF, SDN_ARMY, "Friday",
          L("El Fasher", "SDN", "North Darfur", 13.6279, 25.3494, 1), None,
          "Army and allied joint forces repel an RSF assault on El Fasher's southeastern outskirts; 'dozens' killed, no figures",
          "repelled a large RSF assault on the southeastern outskirts of El Fasher on Friday",
          note="'dozens of militia fighters' with no figure from either side: fatalities not scored"),
        E("Explosions/Remote violence", "Air/drone strike", SDN_ARMY, CIV("Sudan"), "Saturday",
          L("Nyala", "SDN", "South Darfur", 12.0489, 24.8807, 1), (19, 19, 27),
          "Army warplanes strike the Nyala livestock market; Emergency Lawyers 19 dead, RSF administration 27",
          "military warplanes struck a crowded livestock market in Nyala"),
        E("Violence against civilians", "Attack", RSF, CIV("Sudan"), "Thursday",
          L("Rufaa", "SDN", "Al Jazirah", 14.77, 33.37, 2), (31, 31, 47),
          "RSF fighters storm villages around Rufaa, loot and kill; medics 31 dead, resistance committee 47",
          "fighters stormed villages around the town of Rufaa on Thursday"),
    ],
)

# ----------------------------------------------------------------- 06 Syria (Idlib, desert, Sweida), datelined Beirut

SYR_ARMY = ["Military Forces of Syria (2000-2024)", "Military Forces of Syria (2000-)", "Military Forces of Syria"]
RUS_ARMY = ["Military Forces of Russia (2000-)", "Military Forces of Russia"]
HTS = ["HTS: Hayat Tahrir al Sham", "Hayat Tahrir al-Sham", "HTS"]
IDLIB = (35.83, 36.63)

article(
    "06-syria-idlib.txt", "2024-06-11", "Syria (Idlib, Homs desert, Sweida)", "civil war: shelling, air strikes, IED, protest",
    places=[
        P("BEIRUT", 33.8886, 35.4955), P("Syria", 35.0, 38.0), P("Ariha", 35.8128, 36.6094), P("Idlib", *IDLIB),
        P("Britain", 54.0, -2.0), P("Saraqeb", 35.8623, 36.8006), P("Jisr al-Shughur", 35.8126, 36.3176),
        P("Latakia", 35.6, 35.95), P("Hmeimim", 35.4011, 35.9486), P("Aleppo", 36.2, 37.4), P("Palmyra", 34.5511, 38.2694),
        P("Baghouz", 34.47, 40.94), P("Iraq", 33.0, 44.0), P("Homs", 34.6, 38.0), P("Deir el-Zour", 35.1, 40.4),
        P("Sukhnah", 34.8833, 38.8667), P("Sweida", 32.7, 36.6), P("Turkey", 39.0, 35.0), P("Gaza", 31.5, 34.47),
        P("Damascus", 33.5102, 36.2913), P("Golan Heights", 33.0, 35.75), P("Russia", 60.0, 100.0),
    ],
    skip=["Russia, the Syrian government's main ally", "brokered by Russia and Turkey", "Turkey considers",
          "backed by Washington", "Israel, meanwhile", "Israel rarely", "keep Iran from"],
    quotes=[
        Q("Mahmoud Hallak", '"We pulled a girl of about seven out of the rubble. Her brother was already dead,"',
          '"There were no fighters in this street, only families."'),
        Q("SANA", 'troops had "thwarted an infiltration attempt by terrorist groups" near Saraqeb', mention="SANA said troops"),
        Q("The Islamic State group", 'its fighters had detonated "an explosive device" and killed or wounded 20 "Nusayri soldiers,"'),
        Q("Nour Abu Fakhr", '"We will not stop until there is a political solution,"',
          '"They can raise prices, they can cut the electricity, but they cannot make us silent again."'),
        Q("Turkey's Defense Ministry", 'its forces had "neutralized" 12 Kurdish militants in northern Syria and northern Iraq over the past week'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Shelling/artillery/missile attack", SYR_ARMY, CIV("Syria"), "Sunday",
          L("Ariha", "SYR", "Idleb", 35.8128, 36.6094, 1), (4, 4, 5),
          "Government shelling of a residential area of Ariha; White Helmets 4 dead (2 children), Observatory 5",
          "The shells hit a residential neighborhood of Ariha"),
        E("Battles", "Armed clash", HTS, SYR_ARMY, "Sunday", L("Saraqeb", "SYR", "Idleb", 35.8623, 36.8006, 2), 8,
          "HTS attack on government front-line positions near Saraqeb before dawn; Observatory: 6 soldiers, 2 insurgents killed",
          "attacked government positions on the front line near the town of Saraqeb"),
        E("Explosions/Remote violence", "Air/drone strike", RUS_ARMY, HTS + [CIV("Syria")], "Monday",
          L("Jisr al-Shughur", "SYR", "Idleb", 35.8126, 36.3176, 2), 4,
          "Russian air strikes on the outskirts of Jisr al-Shughur; Observatory: 3 HTS fighters and a shepherd killed",
          "Russian warplanes struck the outskirts of Jisr al-Shughur"),
        E("Explosions/Remote violence", "Remote explosive/landmine/IED", ["Islamic State (Syria)", "Islamic State", "ISIS"],
          SYR_ARMY, "Saturday", L("Palmyra", "SYR", "Homs", 34.5511, 38.2694, 2), (4, 4, 11),
          "Roadside bomb hits an army bus east of Palmyra; SANA 4 soldiers dead, Observatory 11; IS claims",
          "a roadside bomb struck a bus carrying soldiers on the desert road east of Palmyra on Saturday"),
        E("Protests", "Peaceful protest", "Protesters (Syria)", None, "Friday",
          L("Sweida", "SYR", "As-Sweida", 32.7090, 36.5695, 1), 0,
          "Weekly anti-government rally in Sweida's main square",
          "hundreds of people rallied on Friday in the city's main square",
          note="the habitual 'weekly street protests in Idlib' against HTS, undated and unplaced, are not coded; "
               "nor is Turkey's week-long, placeless 'neutralized 12' claim"),
    ],
)

# ----------------------------------------------------------------- 07 Myanmar (mostly political), datelined Bangkok

MMR_ARMY = ["Military Forces of Myanmar (2021-)", "Military Forces of Myanmar"]

article(
    "07-myanmar-election.txt", "2025-08-19", "Myanmar", "mostly political: election announcement; few incidents",
    places=[
        P("BANGKOK", 13.7563, 100.5018), P("Myanmar", 21.9, 95.96), P("Naypyitaw", 19.7633, 96.0785),
        P("Yangon", 16.8661, 96.1951), P("Kanbalu", 23.2037, 95.5179), P("Sagaing", 24.3, 95.4),
        P("Pazigyi", 23.1, 95.5), P("Mandalay", 21.9588, 96.0891), P("Shan", 21.5, 97.9), P("China", 35.0, 105.0),
        P("Lashio", 22.9333, 97.7500), P("Rakhine", 19.5, 94.0),
    ],
    skip=["Myanmar Now", "from Beijing", "China,", "Russia has offered",
          "Neighboring Thailand and India", "Arakan Army"],
    quotes=[
        Q("Kyaw Zin Htet", '"The commission will ensure that every eligible citizen who wishes to vote is able to do so in safety,"'),
        Q("Htun Lin Aung", 'armed resistance groups allied with it would "not allow a single polling station" in the areas they control'),
        Q("Htun Lin Aung", '"This election is designed to put a civilian costume on the same generals,"',
          '"No one who has lost a child to their bombs will vote for them."'),
        Q("The military", 'it targets only "terrorists,"', mention="The military, which did not comment"),
        Q("Daw Khin Myat Noe", '"The plane came twice. The second time it hit the school where people were sheltering,"',
          '"What kind of election can happen here?"'),
        Q("Margaret Lwin", '"If the election goes ahead only in the cities the army controls, it will decide nothing. The war will continue the day after,"',
          '"But the generals are betting that some governments in the region will accept it as a way out."'),
    ],
    not_quotes=['"obstruct or disrupt"', '"flash protest"', '"We don\'t want the military\'s election"'],
    events=[
        E("Explosions/Remote violence", "Air/drone strike", MMR_ARMY, CIV("Myanmar"), "Thursday",
          L("Kanbalu", "MMR", "Sagaing", 23.2037, 95.5179, 2), (11, 11, 13),
          "Military air strike on a village (school shelter) in Kanbalu township; resistance group 11 dead, Myanmar Now 13",
          "a military airstrike hit a village in Kanbalu township"),
        E("Strategic developments", "Arrests", ["Police Forces of Myanmar (2021-)", "Police Forces of Myanmar"] + MMR_ARMY,
          CIV("Myanmar"), "last week", L("Yangon", "MMR", "Yangon", 16.8661, 96.1951, 1), 0,
          "Police in Yangon arrest three young men for Facebook posts urging an election boycott",
          "police in Yangon arrested three young men last week",
          note="politically motivated arrests under the new election law: coded as ACLED codes such arrests in Myanmar"),
        E("Protests", "Peaceful protest", "Protesters (Myanmar)", None, "Sunday",
          L("Mandalay", "MMR", "Mandalay", 21.9588, 96.0891, 1), 0,
          "Brief anti-election 'flash protest' by a few dozen young people in Mandalay",
          'staged a brief "flash protest" on Sunday morning',
          note="not coded: the election announcement, the end of the state of emergency (late July, background), "
               "threats to disrupt the vote"),
    ],
)

# ----------------------------------------------------------------- 08 Mexico (Sinaloa cartel war), datelined Mexico City

MEX_ARMY = ["Military Forces of Mexico (2024-)", "Military Forces of Mexico (2018-2024)", "Military Forces of Mexico"]
SINALOA = ["Sinaloa Cartel", "Sinaloa Cartel (Los Chapitos)", "Los Chapitos", "Sinaloa Cartel (La Mayiza)", "La Mayiza",
           "Los Mayos"]
GANG = ["Unidentified Gang (Mexico)", UAG("Mexico"), "Sinaloa Cartel"]

article(
    "08-mexico-culiacan.txt", "2024-10-22", "Mexico (Sinaloa)", "cartel violence: army clash, massacre, gang fight, march",
    places=[
        P("MEXICO CITY", 19.4326, -99.1332), P("Mexico City", 19.4326, -99.1332), P("Costa Rica", 24.58, -107.38),
        P("Sinaloa", 25.0, -107.5), P("Culiacán", 24.8069, -107.3940), P("United States", 39.76, -98.5),
        P("El Paso", 31.7587, -106.4869), P("Texas", 31.0, -100.0), P("Tierra Blanca", 24.80, -107.39),
        P("Villa Unión", 23.19, -106.22), P("Mazatlán", 23.2494, -106.4111), P("Durango", 24.5, -104.7),
        P("Coahuila", 27.3, -102.0), P("Mexico", 23.0, -102.0), P("Guerrero", 17.6, -99.9),
        P("Chilpancingo", 17.5506, -99.5058), P("Guanajuato", 21.0, -101.26),
    ],
    skip=["Sinaloa cartel", "Washington has pressed Mexico", "Sergio Guerrero", "Ricardo Guerrero Salas"],
    quotes=[
        Q("Sergio Guerrero", '"They didn\'t ask anything, they just started shooting. The boys were washing a truck,"',
          '"Now nobody wants to open. We close at five and go home."'),
        Q("Mariana Osuna", '"If this reaches the hotel zone, the season is finished,"', '"We have already had cancellations for November."'),
        Q("Ana Karen Félix", '"We are not asking for much. We just want to be able to take our children to school without fear,"'),
        Q("Ricardo Guerrero Salas", '"Neither side can win quickly, and both are recruiting,"',
          '"As long as the leaders are alive, the war continues."'),
    ],
    not_quotes=['"El Mayo"', '"El Chapo"', '"Los Mayos"', '"La Mayiza,"', '"Los Chapitos."', '"Culiacán wants peace"'],
    events=[
        E("Battles", "Armed clash", MEX_ARMY, SINALOA, "Sunday",
          L("Costa Rica", "MEX", "Sinaloa", 24.58, -107.38, 2), 11,
          "Soldiers ambushed on a dirt road outside Costa Rica (Culiacán municipality); 11 gunmen killed, 3 arrested, 1 soldier wounded",
          "Mexican soldiers killed 11 suspected cartel gunmen in a shootout near the town of Costa Rica",
          note="Costa Rica is the Sinaloa town, not the country"),
        E("Violence against civilians", "Attack", GANG, CIV("Mexico"), "Saturday",
          L("Culiacán", "MEX", "Sinaloa", 24.8069, -107.3940, 1), (5, 5, 6),
          "Gunmen kill five car-wash workers in Tierra Blanca, Culiacán; prosecutors 5, local media 6",
          "gunmen burst into a car wash in the Tierra Blanca neighborhood of Culiacán"),
        E("Battles", "Armed clash", GANG, GANG, "Friday",
          L("Villa Unión", "MEX", "Sinaloa", 23.19, -106.22, 1), 3,
          "Rival gunmen fight through the streets of Villa Unión (Mazatlán municipality); 3 dead, burned vehicles block the highway",
          "rival gunmen fought a running battle through the streets of Villa Unión",
          note="the Sinaloa Villa Unión, not those in Durango or Coahuila"),
        E("Protests", "Peaceful protest", "Protesters (Mexico)", None, "Sunday",
          L("Culiacán", "MEX", "Sinaloa", 24.8069, -107.3940, 1), 0,
          "Hundreds march in white through central Culiacán for peace",
          "hundreds of residents dressed in white marched through the center of the city"),
    ],
)

# ----------------------------------------------------------------- 09 Ukraine, datelined Kyiv

UKR_ARMY = ["Military Forces of Ukraine (2019-)", "Military Forces of Ukraine"]

article(
    "09-ukraine-kharkiv.txt", "2024-11-05", "Ukraine (and Russia)", "interstate war: air strikes, shelling, front-line fighting",
    places=[
        P("KYIV", 50.4501, 30.5234), P("Kyiv", 50.4501, 30.5234), P("Ukraine", 49.0, 32.0), P("Kharkiv", 49.9935, 36.2304),
        P("Saltivskyi", 50.03, 36.30), P("Russia", 60.0, 100.0), P("Vovchansk", 50.2906, 36.9417),
        P("Odesa", 46.4825, 30.7233), P("Kherson", 46.6354, 32.6169), N("Dnieper River"),
        P("Pokrovske", 47.9833, 36.2333), P("Dnipropetrovsk", 48.5, 35.0), P("Zaporizhzhia", 47.5, 35.8),
        P("Pokrovsk", 48.2826, 37.1758), P("Donetsk", 48.0, 37.8), P("Kurakhove", 47.9833, 37.2833),
        P("Shebekino", 50.4090, 36.8917), P("Belgorod", 50.7, 37.4), P("America", 39.76, -98.5),
        P("Kursk", 51.7, 36.1), P("South Korea", 36.5, 127.9), P("Crimean Peninsula", 45.3, 34.4),
    ],
    skip=["Russia has increasingly", "Moscow's forces", "launched by Russia", "push Kyiv", "favorable to Moscow",
          "Moscow says", "Russia launched", "White House"],
    quotes=[
        Q("Liudmyla Koval", '"My husband went out to buy bread and when he came back there was no building,"',
          '"We have lived here 40 years. Where are we supposed to go now?"'),
        Q("Lis", '"They send five, six men on motorcycles, we destroy them, and an hour later they send five more,"',
          '"Our problem is not courage. Our problem is people and shells."'),
        Q("Russia's Defense Ministry", 'its forces had "liberated" the eastern districts of Kurakhove'),
        Q("Donald Trump", 'he would end the war "in 24 hours,"', mention="Trump has said"),
        Q("Taras Hrytsenko", '"Whatever happens in America, we will keep fighting, because we have no other choice,"'),
    ],
    not_quotes=['"Lis,"'],
    events=[
        E("Explosions/Remote violence", "Air/drone strike", RUS_ARMY, CIV("Ukraine"), "Sunday",
          L("Kharkiv", "UKR", "Kharkiv", 50.03, 36.30, 1), 6,
          "Russian glide bomb on an apartment block in Kharkiv's Saltivskyi district; 4 dead at first, 6 by Monday",
          "A Russian glide bomb slammed into a residential building",
          note="the later toll (6) is the same incident's final figure, not another event; glide bombs are air-dropped"),
        E("Explosions/Remote violence", "Air/drone strike", RUS_ARMY, CIV("Ukraine"), "Monday",
          L("Odesa", "UKR", "Odesa", 46.4825, 30.7233, 1), 0,
          "Russian drones hit port infrastructure in Odesa; 3 wounded",
          "Russian drones struck port infrastructure late on Monday",
          note="the air force's nationwide, placeless tally of drones shot down is not coded"),
        E("Explosions/Remote violence", "Shelling/artillery/missile attack", RUS_ARMY, CIV("Ukraine"), "Saturday",
          L("Kherson", "UKR", "Kherson", 46.6354, 32.6169, 1), 2,
          "Russian artillery shells Kherson; an elderly couple killed",
          "Russian artillery also shelled Kherson"),
        E("Explosions/Remote violence", "Air/drone strike", RUS_ARMY, CIV("Ukraine"), "Saturday",
          L("Pokrovske", "UKR", "Dnipropetrovsk", 47.9833, 36.2333, 1), 1,
          "Russian drone kills a 67-year-old cyclist in Pokrovske, Dnipropetrovsk region",
          "a Russian drone killed a 67-year-old man on Saturday",
          note="Pokrovske (Dnipropetrovsk), about 70 km from Pokrovsk (Donetsk)"),
        E("Battles", ["Armed clash", "Non-state actor overtakes territory"], RUS_ARMY, UKR_ARMY, "Monday",
          L("Kurakhove", "UKR", "Donetsk", 47.9833, 37.2833, 1), None,
          "Fighting for Kurakhove: Russian units in the eastern outskirts; Moscow claims the eastern districts, Kyiv says fighting goes on",
          "Ukrainian troops were fighting to hold the town of Kurakhove",
          note="the Russian claim of capture is disputed: armed clash, with the territorial sub-type also accepted"),
        E("Explosions/Remote violence", "Air/drone strike", UKR_ARMY, CIV("Russia"), "Sunday",
          L("Shebekino", "RUS", "Belgorod", 50.4090, 36.8917, 1), 1,
          "Ukrainian drone hits a car in Shebekino, Belgorod region; driver killed",
          "a Ukrainian drone hit a car in the Russian town of Shebekino on Sunday"),
    ],
)

# ----------------------------------------------------------------- 10 Kenya (Saba Saba protests), datelined Nairobi

KEN_POLICE = ["Police Forces of Kenya (2022-)", "Police Forces of Kenya"]

article(
    "10-kenya-saba-saba.txt", "2025-07-09", "Kenya", "protests and riots, arrest",
    places=[
        P("NAIROBI", -1.2864, 36.8172), P("Nairobi", -1.2864, 36.8172), P("Kenya", 1.0, 38.0),
        P("Kangemi", -1.2667, 36.7500), P("Kikuyu", -1.2463, 36.6629), P("Kiambu", -1.03, 36.85),
        P("Nakuru", -0.3031, 36.0800), P("Nyeri", -0.4201, 36.9476), P("Mombasa", -4.0435, 39.6682),
        P("Kisumu", -0.0917, 34.7680), P("Kilimani", -1.2921, 36.7833), P("Rift Valley", 0.5, 35.9),
        P("Britain", 54.0, -2.0), P("Germany", 51.0, 9.0), P("United States", 39.76, -98.5),
    ],
    skip=["Kenya National Commission on Human Rights", "Amnesty International Kenya", "Kilimani police station",
          "The Kikuyu,"],
    quotes=[
        Q("Kevin Otieno", '"They were shooting at us as if we were criminals. We were only singing,"',
          '"They call us goons, but we are just young people without jobs."'),
        Q("Esther Wambui", 'officers had "acted with restraint in the face of criminal elements who were bent on looting and destroying property."'),
        Q("Peter Mwangi Kariuki", '"This is what the government does. It shoots the young people and then arrests anyone who speaks for them,"',
          '"We will challenge this in court."'),
    ],
    not_quotes=['"seven seven,"'],
    events=[
        E("Riots", "Violent demonstration", "Rioters (Kenya)", KEN_POLICE, "Monday",
          L("Kangemi", "KEN", "Nairobi", -1.2667, 36.7500, 1), (6, 6, 10),
          "Bonfires, burning-tyre barricades and stone-throwing in Kangemi, Nairobi; police tear gas, water cannon and live rounds; "
          "hospital 6 bodies from the Nairobi protests, IPOA investigating 10 deaths",
          "In Kangemi, a low-income area on the western side of the city, protesters lit bonfires",
          note="the national tolls (KNCHR 31, ministry 11) are spread over 17 counties the article does not list: not "
               "given to any one event; Nairobi's own figures are used here"),
        E("Riots", "Violent demonstration", "Rioters (Kenya)", KEN_POLICE, "Monday",
          L("Kikuyu", "KEN", "Kiambu", -1.2463, 36.6629, 1), 2,
          "Protesters in Kikuyu block the Nakuru highway, burn a police post and a government office; police kill two",
          "protesters set fire to a police post and a government office"),
        E("Protests", "Protest with intervention", "Protesters (Kenya)", KEN_POLICE, "Monday",
          L("Nyeri", "KEN", "Nyeri", -0.4201, 36.9476, 1), 0,
          "Police tear-gas several hundred marchers in Nyeri", "police fired tear gas to disperse several hundred marchers"),
        E("Protests", "Peaceful protest", "Protesters (Kenya)", None, "Monday",
          L("Mombasa", "KEN", "Mombasa", -4.0435, 39.6682, 1), 0,
          "Peaceful march through Mombasa's old town", "a few hundred demonstrators marched peacefully through the old town",
          note="Kisumu: shops shut, no demonstration: nothing to code"),
        E("Strategic developments", "Arrests", KEN_POLICE, [CIV("Kenya"), "Protesters (Kenya)"], "Tuesday",
          L("Nairobi", "KEN", "Nairobi", -1.2921, 36.7833, 1), 0,
          "Police arrest opposition activist Wanjiru Kamau at her home in Kilimani, Nairobi",
          "police arrested opposition activist Wanjiru Kamau at her home in Nairobi's Kilimani area"),
        E("Protests", "Peaceful protest", "Protesters (Kenya)", None, "Tuesday",
          L("Nairobi", "KEN", "Nairobi", -1.2921, 36.7833, 1), 0,
          "Supporters gather outside Kilimani police station to demand the activist's release",
          "Her supporters gathered outside the Kilimani police station to demand her release",
          note="not coded: the June 25 anniversary protests (last month, nationwide, background)"),
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
    if not 600 <= words <= 1100:
        raise GoldError(f"{name}: {words} words (600-1,100 wanted)")
    stem = path.stem
    return {"id": f"long:{stem}", "dataset": "long", "title": title.strip(), "text": text,
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
