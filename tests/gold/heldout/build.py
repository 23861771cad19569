#!/usr/bin/env python3
"""Build heldout-gold.jsonl from the eight held-out articles beside this file and the coding below.

    python tests/gold/heldout/build.py           # writes tests/gold/heldout/heldout-gold.jsonl
    python tests/gold/heldout/build.py --show    # also prints each article with its places and quotes marked

This is a held-out set: it follows tests/gold/long/ exactly (same record format, same conventions), but the
extraction work is not developed against it. See README.md.

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
OUT = HERE / "heldout-gold.jsonl"
DATASET = "heldout"
WORDS = (700, 950)  # headline + body
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


# ----------------------------------------------------------------- 01 Yemen (Marib front, U.S. strikes, Taiz, Aden), datelined Aden

HOUTHI = ["Military Forces of Yemen (2017-) Houthi", "Military Forces of Yemen (2016-) Houthi", "Ansar Allah",
          "Houthi Movement", "Houthis"]
YEM_GOV = ["Military Forces of Yemen (2022-) Presidential Leadership Council", "Military Forces of Yemen (2017-) Government",
           "Military Forces of Yemen", "Yemeni government forces"]
US_ARMY = ["Military Forces of the United States (2025-)", "Military Forces of the United States"]
ADEN_SEC = ["Police Forces of Yemen (2022-) Presidential Leadership Council", "Police Forces of Yemen", "Security Belt Forces",
            "STC: Southern Transitional Council"]
MARIB = (15.4625, 45.3258)

article(
    "01-yemen-marib.txt", "2025-04-08", "Yemen (Marib, Hodeidah, Sanaa, Taiz, Aden)",
    "civil war and foreign air strikes: missile, battle, U.S. strikes, sniper, riot",
    places=[
        P("ADEN", 12.7796, 45.0385), P("Aden", 12.7796, 45.0385), N("Gulf of Aden"), P("Yemen", 15.5, 47.5),
        P("Marib", *MARIB), P("Marib", 15.25, 45.08, only=["Marib province"]), P("Raghwan", 15.7660, 45.0815),
        P("Sanaa", 15.3545, 44.2065), N("Red Sea"), P("Hodeidah", 14.7978, 42.9545), P("Bani Hushaysh", 15.4547, 44.3782),
        P("Gaza", 31.5, 34.47), P("Taiz", 13.5795, 44.0209), P("Mansoura", 12.8602, 44.9817),
        P("Sheikh Othman", 12.8768, 44.9931),
    ],
    skip=[],
    quotes=[
        Q("Saleh Naji", '"We heard the whistle and then the whole street shook. People were digging with their hands to get the children out,"',
          '"There is no military camp here. This is a market."'),
        Q("The group's military", 'its forces had targeted "gatherings of mercenaries" in Marib province'),
        Q("Al-Masirah", 'its fighters had inflicted "heavy losses" on the enemy'),
        Q("one of the officials", '"If they break through in Raghwan, the road to the power station is open and the city is in range of everything they have,"'),
        Q("U.S. Central Command", 'it had carried out strikes on "multiple Houthi targets" over the weekend'),
        Q("Abdulwahab al-Mahfadi", 'the Houthis would strike "deep inside" any country'),
        Q("Maha Abdullah", '"We have no electricity, no water, and salaries that buy nothing,"', '"They fight in Marib and we die slowly here."'),
        Q("The office of the U.N. special envoy for Yemen", 'it was "deeply concerned" by the escalation in Marib'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Shelling/artillery/missile attack", HOUTHI, CIV("Yemen"), "Sunday",
          L("Marib", "YEM", "Marib", *MARIB, 1), (4, 4, 6),
          "Houthi ballistic missile hits a residential district near the old market of Marib city; health officials 4 dead "
          "(2 children), a hospital doctor 6; unclaimed, the Houthis say they targeted 'gatherings of mercenaries'",
          "A ballistic missile fired by Yemen's Houthi movement slammed into a residential district of the government-held city of Marib on Sunday",
          note="best = the local health officials' 4; the hospital doctor's 6 is the high end"),
        E("Battles", "Armed clash", HOUTHI, YEM_GOV, "Monday", L("Raghwan", "YEM", "Marib", 15.7660, 45.0815, 2), 17,
          "Government forces and tribal fighters repel a Houthi advance in Raghwan district; a military official: "
          "5 soldiers and 12 Houthi fighters killed; Al-Masirah claims 'heavy losses'",
          "clashed with Houthi units on Monday in Raghwan district",
          note="a district, not a town: placed at the district's reference point, precision 2; best = one source's "
               "figures for both sides (5 + 12)"),
        E("Explosions/Remote violence", "Air/drone strike", US_ARMY, HOUTHI + [CIV("Yemen")], "Saturday",
          L("Hodeidah", "YEM", "Al Hudaydah", 14.7978, 42.9545, 1), 3,
          "U.S. air strikes on fuel tanks and a drone launch site at the port of Hodeidah late on Saturday; Saba: 3 port workers killed",
          "U.S. warplanes struck targets around the port of Hodeidah late on Saturday"),
        E("Explosions/Remote violence", "Air/drone strike", US_ARMY, HOUTHI + [CIV("Yemen")], "Sunday",
          L("Bani Hushaysh", "YEM", "Sanaa", 15.4547, 44.3782, 1), 1,
          "U.S. air strikes on the northern outskirts of Sanaa (Bani Hushaysh) early on Sunday; Saba: 1 killed, 5 wounded",
          "Further strikes hit the northern outskirts of Sanaa early on Sunday",
          note="CENTCOM's weekend tally of 'multiple Houthi targets' without places is not a separate event; the Houthi "
               "claim to have fired at the USS Harry S. Truman (at sea, dismissed) is not coded"),
        E("Violence against civilians", "Attack", HOUTHI + [UAG("Yemen")], CIV("Yemen"), "Friday",
          L("Taiz", "YEM", "Taizz", 13.5795, 44.0209, 1), 1,
          "A sniper kills a 10-year-old boy fetching water on the eastern edge of Taiz; a rights group blames Houthi fighters",
          "a sniper shot dead a 10-year-old boy on Friday",
          note="blamed on the Houthis, who deny targeting civilians: the Houthis and an unidentified armed group both accepted"),
        E("Riots", "Violent demonstration", "Rioters (Yemen)", ADEN_SEC, "Thursday",
          L("Aden", "YEM", "Aden", 12.7796, 45.0385, 1), 0,
          "Protesters against power cuts and the rial's slide burn tyres and block roads in Mansoura and Sheikh Othman, Aden; "
          "security forces fire into the air to disperse them",
          "Protesters burned tyres and blocked main roads in the Mansoura and Sheikh Othman districts",
          note="two districts of one city on one day: one event, at Aden. Not coded: the March 15 U.S. strikes (53 dead), "
               "the 2021 Marib offensive, the threat to strike 'deep inside' other countries"),
    ],
)

# ----------------------------------------------------------------- 02 Haiti (gangs, police, vigilantes, protest), datelined Port-au-Prince

HTI_POLICE = ["Police Forces of Haiti (2024-)", "Police Forces of Haiti (2021-2024)", "Police Forces of Haiti",
              "Haitian National Police"]
MSS = ["MSS: Multinational Security Support Mission in Haiti", "Multinational Security Support Mission",
       "Police Forces of Kenya (2022-)", "Police Forces of Kenya"]
HTI_GANG = ["Viv Ansanm", "Unidentified Gang (Haiti)", UAG("Haiti")]
PAP = (18.5435, -72.3388)

article(
    "02-haiti-kenscoff.txt", "2025-03-06", "Haiti (Port-au-Prince, Kenscoff, Artibonite)",
    "gang violence: massacre, police operation, lynching, protest",
    places=[
        P("PORT-AU-PRINCE", *PAP), P("Port-au-Prince", *PAP), P("Haiti", 19.0, -72.42),
        P("Fort Jacques", 18.4706, -72.2694), P("Kenscoff", 18.4477, -72.2840), P("Solino", 18.548, -72.320),
        P("Delmas", 18.5448, -72.3004), P("Canapé-Vert", 18.5372, -72.3119), P("Carrefour-Feuilles", 18.5231, -72.3378),
        P("Champ de Mars", 18.5440, -72.3390), P("Petite-Rivière-de-l'Artibonite", 19.1333, -72.4833),
        P("Artibonite", 19.3321, -72.6950), P("Pont-Sondé", 19.15, -72.6167), P("Wharf Jérémie", 18.565, -72.345),
        P("Cité Soleil", 18.5803, -72.3381), P("Carrefour", 18.5333, -72.4000), P("Kenya", 1.0, 38.0),
    ],
    skip=["Jean-Robert Delmas", "led by Kenya"],
    quotes=[
        Q("Nadège Saint-Fleur", '"They broke the door and took my brother outside. I hid in the bean field with my children until the afternoon,"',
          '"When we came back, there was nothing left of the house. Even the goats were burned."'),
        Q("a commander of the Viv Ansanm gang coalition",
          'his fighters had carried out the attack because residents were "working with the police."'),
        Q("Marie-Ange Pierre-Louis", '"The neighborhood is not yet free, but the bandits now know that the police can come in,"',
          '"We will go back as many times as it takes."', mention="Pierre-Louis said"),
        Q("The multinational mission", 'its personnel had "supported" the Haitian National Police in Solino'),
        Q("Jean-Robert Delmas", '"We have been sleeping in a school for eight months. Nobody from the government has come to see us,"',
          '"They have money for cars and bodyguards, but not for us."'),
        Q("Wilda Joseph", '"Every month that passes without a plan, the gangs grow stronger and the people lose faith,"',
          '"If Kenscoff falls, the capital will be surrounded on every side."'),
    ],
    not_quotes=['"living together"', '"Bwa Kale"'],
    events=[
        E("Violence against civilians", "Attack", HTI_GANG, CIV("Haiti"), "Tuesday",
          L("Kenscoff", "HTI", "Ouest", 18.4706, -72.2694, 1), (7, 7, 11),
          "Gunmen go house to house in Fort Jacques, Kenscoff, shooting residents and burning homes; police 7 bodies, "
          "the mayor at least 11; a self-described Viv Ansanm commander claims it in an unverified video",
          "Gang members stormed a farming area in the mountains above Haiti's capital on Tuesday",
          note="placed at Fort Jacques, the cluster of villages in Kenscoff that was attacked; best = the police count"),
        E("Battles", "Armed clash", HTI_POLICE + MSS, HTI_GANG, "Wednesday",
          L("Port-au-Prince", "HTI", "Ouest", 18.548, -72.320, 1), 9,
          "Police backed by Kenyan MSS officers push into gang-held Solino; police: 9 gang members killed, 2 officers wounded",
          "police backed by Kenyan officers from a U.N.-backed multinational mission launched an operation in Solino",
          note="Solino lies on the Port-au-Prince/Delmas border; its point is approximate (within about 1 km)"),
        E("Riots", "Mob violence", "Rioters (Haiti)", [CIV("Haiti"), "Unidentified Gang (Haiti)"], "Sunday",
          L("Port-au-Prince", "HTI", "Ouest", 18.5372, -72.3119, 1), 3,
          "Residents of Canapé-Vert beat and burn three men accused of scouting homes for a gang (vigilante killing)",
          "residents of the Canapé-Vert neighborhood beat and burned three men they accused of scouting homes for a gang",
          note="the Bwa Kale killings of April 2023 are background"),
        E("Protests", "Protest with intervention", "Protesters (Haiti)", HTI_POLICE, "Monday",
          L("Port-au-Prince", "HTI", "Ouest", 18.5440, -72.3390, 1), 0,
          "Displaced residents of Carrefour-Feuilles march on the prime minister's office; police tear gas near the Champ de Mars",
          "several hundred people who were forced from their homes in the Carrefour-Feuilles neighborhood marched toward the prime minister's office"),
        E("Violence against civilians", "Attack", ["Gran Grif", "Unidentified Gang (Haiti)"], CIV("Haiti"), "Saturday",
          L("Petite-Rivière-de-l'Artibonite", "HTI", "Artibonite", 19.1333, -72.4833, 2), (4, 4, 6),
          "Gran Grif gunmen attack farmers in rice fields outside Petite-Rivière-de-l'Artibonite; civil protection 4 dead, "
          "a rights group 6",
          "members of the Gran Grif gang attacked farmers in rice fields outside Petite-Rivière-de-l'Artibonite",
          note="not coded: Pont-Sondé (October 2024), Wharf Jérémie (December), the earlier Kenscoff attacks since January, "
               "the 2024 national toll, talk of delaying elections"),
    ],
)

# ----------------------------------------------------------------- 03 Pakistan (TTP, IS, BLA, Baloch protest), datelined Peshawar

PAK_POLICE = ["Police Forces of Pakistan (2024-)", "Police Forces of Pakistan (2022-2024)", "Police Forces of Pakistan"]
PAK_ARMY = ["Military Forces of Pakistan (2024-)", "Military Forces of Pakistan (2022-2024)", "Military Forces of Pakistan"]
TTP = ["TTP: Tehreek-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "TTP", "Pakistani Taliban"]

article(
    "03-pakistan-lakki-marwat.txt", "2025-06-16", "Pakistan (Khyber Pakhtunkhwa, Balochistan)",
    "militant attacks: police-post assault, IED, army raid, bus killings; protest dispersed",
    places=[
        P("PESHAWAR", 34.0080, 71.5785), P("Peshawar", 34.0080, 71.5785), P("Khyber Pakhtunkhwa", 33.8415, 71.4316),
        P("Afghanistan", 33.0, 65.0), P("Serai Naurang", 32.8258, 70.7811), P("Lakki Marwat", 32.7165, 70.8467),
        P("Lakki", 32.6072, 70.9123), P("Khar", 34.7361, 71.5274), P("Bajaur", 34.78, 71.50),
        P("Datta Khel", 32.9085, 69.7448), P("North Waziristan", 33.0006, 70.0712), P("Kabul", 34.5553, 69.2075),
        P("Pakistan", 30.0, 70.0), P("Balochistan", 28.1947, 65.7839), P("Quetta", 30.1841, 67.0014),
        P("Karachi", 24.8608, 67.0104), P("Kalat", 29.0266, 66.5936), P("Punjab", 31.1095, 72.5568),
        P("Islamabad", 33.7215, 73.0433), P("Bannu", 32.9853, 70.6040), P("Dera Ismail Khan", 31.8313, 70.9017),
    ],
    skip=["Khyber Teaching Hospital", "Tehrik-i-Taliban Pakistan", "Balochistan Liberation Army", "Islamabad also accuses",
          "accuses India", "Pakistan has tried", "understanding with Kabul"],
    quotes=[
        Q("Naveed Akhtar", '"They came from three sides and they had night-vision equipment. Our men fought until the reinforcements arrived from Lakki,"',
          '"This is not a group of criminals. This is an organised force."'),
        Q("The military's media wing", 'troops had killed 11 militants in an "intelligence-based operation" in the Datta Khel area of North Waziristan'),
        Q("Abdul Rehman", '"They asked each man where he was from. The ones who said Punjab were taken down from the bus and we heard the shots a minute later,"',
          '"I am still shaking."'),
        Q("Nazia Baloch", '"We came with photographs of our missing brothers, not with guns,"', '"Every time they stop us in Quetta, we will come back."'),
        Q("the provincial interior department", 'protests "under the cover of human rights" would not be allowed'),
        Q("a senior lawmaker from the ruling coalition", 'the army would launch a broader offensive in the northwest "if the attacks continue at this pace,"'),
        Q("Sana Mirza", '"Pakistan has tried this twice already, in 2009 and in 2014, and both times the militants simply moved across the border and waited,"',
          '"Without an understanding with Kabul, a new operation will buy a year, maybe two."'),
    ],
    not_quotes=['"khawarij"'],
    events=[
        E("Battles", "Armed clash", TTP, PAK_POLICE, "Saturday",
          L("Serai Naurang", "PAK", "Khyber Pakhtunkhwa", 32.8258, 70.7811, 2), (5, 5, 8),
          "TTP fighters attack a police post on the outskirts of Serai Naurang, Lakki Marwat; police: 3 officers and 2 attackers "
          "killed; TTP claims 6 police",
          "Pakistani Taliban fighters attacked a police post in the northwestern province of Khyber Pakhtunkhwa late on Saturday",
          note="best = the police figures for both sides (3 + 2); high = the TTP's 6 + the 2 attackers"),
        E("Explosions/Remote violence", "Remote explosive/landmine/IED",
          [UAG("Pakistan"), "Islamic State (Pakistan)", "Islamic State Khorasan Province"], PAK_POLICE, "Sunday",
          L("Khar", "PAK", "Khyber Pakhtunkhwa", 34.7361, 71.5274, 2), 2,
          "Roadside bomb hits the police escort of a polio vaccination team near Khar, Bajaur; 2 policemen killed, a vaccinator wounded",
          "a roadside bomb struck a police vehicle escorting a polio vaccination team near Khar",
          note="unclaimed, the TTP disowns it and police suspect the local IS affiliate: an unidentified armed group and IS accepted"),
        E("Battles", "Armed clash", PAK_ARMY, TTP, "Friday",
          L("Datta Khel", "PAK", "Khyber Pakhtunkhwa", 32.9085, 69.7448, 2), 12,
          "Army 'intelligence-based operation' in the Datta Khel area of North Waziristan; military: 11 militants and 1 soldier killed",
          "troops had killed 11 militants",
          note="dated to Friday, the day the military reported it (the article gives no other date)"),
        E("Violence against civilians", "Attack", ["BLA: Balochistan Liberation Army", "Balochistan Liberation Army", "BLA"],
          CIV("Pakistan"), "Thursday", L("Kalat", "PAK", "Balochistan", 29.0266, 66.5936, 2), 7,
          "Gunmen stop a Quetta-Karachi bus near Kalat, check identity cards and kill 7 men from Punjab; the BLA claims it",
          "gunmen stopped a passenger bus travelling from Quetta to Karachi on Thursday evening near the town of Kalat"),
        E("Protests", "Protest with intervention", "Protesters (Pakistan)", PAK_POLICE, "Sunday",
          L("Quetta", "PAK", "Balochistan", 30.1841, 67.0014, 1), 0,
          "Police tear-gas and baton-charge a Baloch Yakjehti Committee sit-in outside the Quetta press club; 23-40 detained",
          "Police in Quetta fired tear gas and charged with batons on Sunday",
          note="the detentions are part of the dispersal, not a separate event. Not coded: Mahrang Baloch's March arrest, the "
               "March train hijacking and Bannu cantonment attack, the lawmaker's conditional threat of an offensive"),
    ],
)

# ----------------------------------------------------------------- 04 Ethiopia (Amhara: Fano), datelined Addis Ababa

ETH_ARMY = ["Military Forces of Ethiopia (2018-)", "Military Forces of Ethiopia", "ENDF"]
FANO = ["Fano Militia", "Fano", "Amhara Ethnic Militia (Ethiopia)", "Amhara Fano"]
MOTA = (11.0833, 37.8667)

article(
    "04-ethiopia-amhara.txt", "2025-01-24", "Ethiopia (Amhara)", "insurgency: drone strike, town seized and retaken, ambush, abduction",
    places=[
        P("ADDIS ABABA", 9.0250, 38.7469), P("Ethiopia", 9.0, 39.5), P("Amhara", 11.5, 38.0), P("Dembecha", 10.55, 37.4833),
        P("West Gojjam", 10.75, 37.25), P("Bure", 10.70, 37.0667), P("Tigray", 14.0, 39.0), P("Mota", *MOTA),
        P("East Gojjam", 10.6, 38.0), N("Gojjam"), P("Gondar", 12.60, 37.4667), P("Debark", 13.1561, 37.8981),
        P("Dabat", 12.9842, 37.7650), P("North Gondar", 13.0, 37.9), P("Debre Birhan", 9.6795, 39.5326),
        P("North Shewa", 10.1, 39.5), P("Finote Selam", 10.70, 37.2667), P("Merawi", 11.4167, 37.1667),
        P("Bahir Dar", 11.5936, 37.3908), P("Lalibela", 12.0322, 39.0476), P("Nairobi", -1.2864, 36.8172),
    ],
    skip=["Amhara militias", "ethnic Amhara"],
    quotes=[
        Q("one resident", '"The sound came first, then the fire. The minibus in front of my shop was burning with the people inside,"',
          '"Nobody here had a gun. They were waiting to go to the market in Bure."'),
        Q("A Fano commander in Gojjam", 'his men had killed "more than 30" soldiers'),
        Q("The regional administration", 'that "peace and order" had been restored in Mota and that "extremist" forces had been driven out'),
        Q("Mulugeta Alemu", '"They come, they take the town for one night, they leave. Then the soldiers come and ask who helped them,"',
          '"We are the ones who pay every time."'),
        Q("Fano", 'accused "bandits" of trying to tarnish its name', mention="Fano, which denied"),
        Q("Hallelujah Tesfaye", '"The government believes drones and amnesties will break Fano, and Fano believes it can outlast the government. Both may be wrong,"',
          '"If talks do not start this year, Amhara could become another Tigray."'),
        Q("A spokesman for the Amhara regional government", 'the government would "not negotiate with those who kill civilians" and that operations would continue until the region was "fully stabilised"'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Air/drone strike", ETH_ARMY, CIV("Ethiopia"), "Tuesday",
          L("Dembecha", "ETH", "Amhara", 10.55, 37.4833, 1), (12, 12, 17),
          "Drone strike on minibuses and traders near the bus station in Dembecha, West Gojjam; at least 12 killed, "
          "a health official counts 17 bodies; residents blame the federal army",
          "A drone strike on a busy road junction in Ethiopia's Amhara region killed at least 12 civilians on Tuesday",
          note="only the federal army flies armed drones in Amhara; the government did not comment"),
        E("Battles", ["Non-state actor overtakes territory", "Armed clash"], FANO, ETH_ARMY, "Sunday",
          L("Mota", "ETH", "Amhara", *MOTA, 1), (6, 6, 30),
          "Fano takes Mota (East Gojjam) after overnight fighting, frees prisoners and seizes police weapons; hospital: "
          "at least 6 dead incl. 2 civilians; Fano claims more than 30 soldiers",
          "Fano fighters took control of the town of Mota, in East Gojjam, on Sunday",
          note="high = Fano's unverified claim"),
        E("Battles", ["Government regains territory", "Armed clash"], ETH_ARMY, FANO, "Monday",
          L("Mota", "ETH", "Amhara", *MOTA, 1), None,
          "Federal troops retake Mota after hours of fighting on its southern edge; Fano withdraws; no toll",
          "Federal troops retook the town on Monday",
          note="another day and another sub-type from Sunday's seizure: a second event"),
        E("Battles", "Armed clash", FANO, ETH_ARMY, "Wednesday",
          L("Dabat", "ETH", "Amhara", 12.9842, 37.7650, 2), None,
          "Fano says it ambushed a military convoy on the Gondar-Debark road near Dabat and killed about 40 soldiers; "
          "the army does not comment",
          "Fano fighters said they had ambushed a military convoy on Wednesday",
          note="reported only by Fano: coded as the claimed clash, fatalities null (a group's own claim is no best figure)"),
        E("Violence against civilians", "Abduction/forced disappearance", [UAG("Ethiopia")] + FANO, CIV("Ethiopia"), "Thursday",
          L("Debre Birhan", "ETH", "Amhara", 9.6795, 39.5326, 2), 0,
          "Unidentified gunmen stop a bus outside Debre Birhan and abduct about 20 passengers for ransom; officials blame Fano, "
          "which denies it",
          "unidentified gunmen stopped a bus outside Debre Birhan",
          note="not coded: Finote Selam (August 2023), Merawi (January 2024), the 2023 state of emergency, the regional "
               "government's vow, habitual kidnappings in North Shewa"),
    ],
)

# ----------------------------------------------------------------- 05 Mozambique (Cabo Delgado), no dateline

MOZ_ARMY = ["Military Forces of Mozambique (2025-)", "Military Forces of Mozambique (2015-2025)", "Military Forces of Mozambique"]
RWA_ARMY = ["Military Forces of Rwanda (2000-)", "Military Forces of Rwanda", "Rwanda Defence Force"]
ISM = ["Islamic State (Mozambique)", "Ahlu Sunnah Wa-Jama", "Islamic State Mozambique Province", "Islamic State"]
MACOMIA = (-12.2467, 40.1208)

article(
    "05-mozambique-cabo-delgado.txt", "2025-07-30", "Mozambique (Cabo Delgado)",
    "jihadist insurgency: beheadings, clash, arson, abduction; displaced people's protest",
    places=[
        P("Mucojo", -12.0653, 40.4794), P("Cabo Delgado", -12.35, 39.79), P("Macomia", *MACOMIA),
        P("Macomia", -12.05, 40.25, only=["Macomia district"]), P("Mbau", -11.5892, 40.1931),
        P("Mocímboa da Praia", -11.3517, 40.3516), P("Mocímboa da Praia", -11.55, 40.15, only=["Mocímboa da Praia district"]),
        P("Kigali", -1.9441, 30.0619), P("Ancuabe", -12.9767, 39.8550), P("Pemba", -12.9740, 40.5178),
        P("Chiúre", -13.35, 39.95), P("Ocua", -13.6492, 39.7919), P("Metuge", -12.9714, 40.3964),
        P("Mozambique", -18.25, 35.0), P("Palma", -10.7822, 40.4811), P("Afungi peninsula", -10.85, 40.55),
        P("Maputo", -25.9655, 32.5832),
    ],
    skip=["Mozambique Province", "diocese of Pemba", "António Palma"],
    quotes=[
        Q("Abdala Saide", '"We heard them shouting \'Allahu Akbar\' and we ran with the children into the water. In the morning we found the three men on the sand,"',
          '"Nobody wants to sleep there now."'),
        Q("The Islamic State group", 'its fighters had killed five "Christians" in the village'),
        Q("Eugénio Mandlate", 'the attackers had been "repelled" and that the situation in Macomia was "under control"'),
        Q("Eric Nshuti", '"The terrorists are moving in small groups now, they avoid our positions and go for the villages,"',
          '"We are pursuing them."'),
        Q("António Palma", '"The community built that chapel with their own hands over ten years,"',
          '"They have burned it in one hour. But the people will pray under the trees if they have to."'),
        Q("Fátima Assane", '"We left everything in Macomia. Now they tell us there is no more maize,"',
          '"Do they want us to go back to the bush and wait for the insurgents?"'),
        Q("Tomás Mucavele", '"The government talks about gas and investors, but the insurgents are still in the villages around Macomia and Ancuabe,"',
          '"If the villages are not protected, there will be no project to protect."'),
    ],
    not_quotes=[],
    events=[
        E("Violence against civilians", "Attack", ISM, CIV("Mozambique"), "Saturday",
          L("Mucojo", "MOZ", "Cabo Delgado", -12.0653, 40.4794, 1), (3, 3, 5),
          "Insurgents raid Mucojo (Macomia district) at night, behead three fishermen, burn about 40 houses and loot the market; "
          "police confirm 3 deaths, IS claims 5",
          "Islamist insurgents beheaded three fishermen and burned dozens of homes in a night raid on the coastal village of Mucojo",
          note="the burning and looting are part of the same attack"),
        E("Battles", "Armed clash", RWA_ARMY + MOZ_ARMY, ISM, "Monday",
          L("Mbau", "MOZ", "Cabo Delgado", -11.5892, 40.1931, 2), 9,
          "Rwandan troops backed by the Mozambican army clash with insurgents near Mbau, Mocímboa da Praia district; RDF: 9 militants killed",
          "Rwandan troops backed by the Mozambican army clashed with a group of insurgents near the village of Mbau"),
        E("Strategic developments", "Looting/property destruction", ISM, CIV("Mozambique"), "Thursday",
          L("Ancuabe", "MOZ", "Cabo Delgado", -12.9767, 39.8550, 2), 0,
          "Insurgents burn a Catholic chapel, a health post and houses in a village outside Ancuabe after residents flee; nobody hurt",
          "insurgents set fire to a Catholic chapel, a health post and several houses in a village outside Ancuabe",
          note="arson with no one present and nobody hurt: property destruction, not violence against civilians"),
        E("Violence against civilians", "Abduction/forced disappearance", [UAG("Mozambique")] + ISM, CIV("Mozambique"), "Sunday",
          L("Ocua", "MOZ", "Cabo Delgado", -13.6492, 39.7919, 2), 0,
          "Armed men abduct five children from a farming settlement near Ocua, Chiúre district; two girls escape the next day",
          "armed men abducted five children, four girls and a boy, from a farming settlement near the administrative post of Ocua"),
        E("Protests", "Peaceful protest", "Protesters (Mozambique)", None, "Tuesday",
          L("Pemba", "MOZ", "Cabo Delgado", -12.9740, 40.5178, 1), 0,
          "Displaced women march to the provincial government offices in Pemba against food-ration cuts; ends peacefully",
          "dozens of displaced women marched on Tuesday to the offices of the provincial government",
          note="not coded: the 2017 Mocímboa da Praia attack, Palma (2021), the May 2024 occupation of Macomia, the "
               "post-election protests, TotalEnergies' conditional restart"),
    ],
)

# ----------------------------------------------------------------- 06 Colombia (mostly political), datelined Bogota

COL_POLICE = ["Police Forces of Colombia (2022-)", "Police Forces of Colombia"]
EMC = ["EMC: Central General Staff", "FARC Dissidents (Colombia)", "Central General Staff", "FARC-EMC", "FARC dissidents",
       "Jaime Martinez Front"]
PLAZA = (4.5981, -74.0760)

article(
    "06-colombia-total-peace.txt", "2025-03-25", "Colombia (Bogota, Valle del Cauca, Cauca)",
    "mostly political: emergency decrees and peace talks; few incidents",
    places=[
        P("BOGOTA", 4.6097, -74.0818), P("Bogota", 4.6097, -74.0818), P("Catatumbo", 8.5, -73.0),
        P("Venezuela", 8.0, -66.0), P("Norte de Santander", 7.8884, -72.9270), P("Narino", 1.5, -77.8),
        P("Jamundi", 3.2607, -76.5350), P("Cali", 3.4305, -76.5199), P("Valle del Cauca", 4.0871, -76.3857),
        P("Toribio", 2.9548, -76.2684), P("Cauca", 2.5, -76.8), P("Colombia", 4.0, -73.25),
        P("Plaza de Bolivar", *PLAZA), P("Cucuta", 7.9075, -72.5049), P("Tibu", 8.6390, -72.7358),
        P("Choco", 6.4484, -76.4631), P("Bolivar", 8.9914, -74.8406), P("Arauca", 6.6826, -71.0432),
    ],
    skip=["Indigenous Councils of Northern Cauca", "Simon Bolivar"],
    quotes=[
        Q("Juliana Restrepo", '"The president has had two months of extraordinary powers, and Catatumbo is still a war zone,"',
          '"Total peace has become total impunity."'),
        Q("Andres Mejia", '"They flew over at night, three drones, one after the other. The third one hit the roof of the station,"',
          '"These are weapons of war used against a town full of families."'),
        Q("Eider Pasu", '"They kill us because we say no to the war and no to the coca,"', '"We will keep saying no."'),
        Q("Yamile Rincon", '"We do not want to live in Cucuta in a sports hall for the rest of our lives,"',
          '"We want to go home, but only if they stop shooting."'),
        Q("the ELN's central command", 'it would consider returning to the negotiating table only if the government ended what it called "military operations disguised as humanitarian aid" in Catatumbo'),
        Q("Laura Gaviria", '"If the court strikes down the decrees and the talks collapse, the next government will inherit a map with more armed groups than it had four years ago,"',
          '"That would be a very bitter end for a policy called total peace."'),
    ],
    not_quotes=['"state of internal commotion"', '"armed strike"'],
    events=[
        E("Explosions/Remote violence", "Air/drone strike", EMC + [UAG("Colombia")], COL_POLICE, "Sunday",
          L("Jamundi", "COL", "Valle del Cauca", 3.2607, -76.5350, 1), 0,
          "Drones drop explosives on the Jamundi police station; two officers wounded, houses damaged; police blame the "
          "Jaime Martinez front of the FARC-dissident Central General Staff",
          "drones dropped explosives on a police station in Jamundi",
          note="ACLED codes armed drones dropping explosives as air/drone strikes, whoever flies them; blamed, not claimed"),
        E("Violence against civilians", "Attack", [UAG("Colombia")] + EMC, CIV("Colombia"), "Friday",
          L("Toribio", "COL", "Cauca", 2.9548, -76.2684, 2), 1,
          "Gunmen shoot dead Indigenous leader Rosalba Ul near her home in rural Toribio; the Indigenous councils blame FARC dissidents",
          "gunmen shot dead an Indigenous leader, Rosalba Ul"),
        E("Protests", "Peaceful protest", "Protesters (Colombia)", None, "Monday",
          L("Bogota", "COL", "Bogota, D.C.", *PLAZA, 1), 0,
          "Several thousand people displaced from Catatumbo march through Bogota to the Plaza de Bolivar; ends peacefully",
          "several thousand people displaced from Catatumbo and their supporters marched through central Bogota",
          note="not coded: the ELN's announced armed strike in Choco (from Thursday, after publication), the January "
               "Catatumbo fighting, the suspension of talks, the Senate debate, the Indepaz yearly tally"),
    ],
)

# ----------------------------------------------------------------- 07 Georgia (protests), no dateline

GEO_POLICE = ["Police Forces of Georgia (2012-)", "Police Forces of Georgia (2024-)", "Police Forces of Georgia"]
RUSTAVELI = (41.6990, 44.7980)

article(
    "07-georgia-rustaveli.txt", "2025-02-05", "Georgia (Tbilisi, Batumi, Kutaisi)",
    "protest-heavy: peaceful march, dispersal, riot, arrest, attack on an activist",
    places=[
        P("Rustaveli Avenue", *RUSTAVELI), P("Rustaveli", *RUSTAVELI), P("Tbilisi", 41.6914, 44.8341),
        P("Georgia", 42.0, 43.5), P("Georgia", 32.8447, -83.1774, only=["Atlanta, Georgia"]), P("Russia", 60.0, 100.0),
        P("Kutaisi", 42.2679, 42.6946), N("Black Sea"), P("Batumi", 41.6408, 41.6306), P("Adjara", 41.65, 42.0),
        P("Strasbourg", 48.5734, 7.7521), P("Saburtalo", 41.7167, 44.7500), P("Berlin", 52.5244, 13.4105),
        P("Paris", 48.8534, 2.3488), P("Atlanta", 33.7490, -84.3880), P("Ukraine", 49.0, 32.0),
    ],
    skip=["Tbilisi State University", "Tbilisi railway station", "partnership with Tbilisi"],
    quotes=[
        Q("The Interior Ministry", '27 people were detained for "disobeying the lawful orders of police"'),
        Q("Ana Kiknadze", '"They gave us two minutes to leave, and then the water came. It was minus two degrees,"',
          '"They want us to be afraid of the cold, of the fines, of the prison. We are more afraid of living the way people live in Russia."'),
        Q("The Interior Ministry", 'that "provocateurs" in Batumi had tried to storm the building and that police had acted "strictly within the law."'),
        Q("Giorgi Tsereteli", '"This case is not about violence. It is about removing the people who can still bring others onto the street,"',
          '"We will appeal, first here and then in Strasbourg."'),
        Q("Levan Chkheidze", '"They did not take my phone or my wallet. They just said, \'This is for Rustaveli,\' and started hitting,"',
          mention="Chkheidze told"),
        Q("Nodar Kapanadze", 'the changes would "protect ordinary citizens who want to get to work."'),
        Q("Natia Gabunia", '"The government is betting that the protests will burn out by spring. The protesters are betting that the government will crack first,"',
          '"If there is no dialogue by the summer, I expect more arrests, and possibly more violence."'),
    ],
    not_quotes=['"foreign agents"'],
    events=[
        E("Protests", "Peaceful protest", "Protesters (Georgia)", None, "Sunday",
          L("Tbilisi", "GEO", "Tbilisi", *RUSTAVELI, 1), 0,
          "Tens of thousands march from several districts of Tbilisi to parliament; ends peacefully (organisers: 50,000+)",
          "The largest rally in weeks took place on Sunday"),
        E("Protests", "Protest with intervention", "Protesters (Georgia)", GEO_POLICE, "Monday",
          L("Tbilisi", "GEO", "Tbilisi", *RUSTAVELI, 1), 0,
          "Riot police clear protesters blocking Rustaveli Avenue with water cannon and pepper spray; 27 detained",
          "Riot police turned water cannon and pepper spray on demonstrators blocking Rustaveli Avenue in central Tbilisi on Monday night",
          note="the nightly protests since November 28 are habitual and not coded as such; this night is coded because the "
               "article reports it as news"),
        E("Protests", "Peaceful protest", "Protesters (Georgia)", None, "Monday",
          L("Kutaisi", "GEO", "Imereti", 42.2679, 42.6946, 1), 0,
          "Several hundred rally peacefully outside Kutaisi city hall",
          "several hundred people gathered peacefully outside the city hall"),
        E("Riots", "Violent demonstration", "Rioters (Georgia)", GEO_POLICE, "Tuesday",
          L("Batumi", "GEO", "Adjara", 41.6408, 41.6306, 1), 0,
          "Crowd outside the Adjara government building in Batumi throws stones, eggs and fireworks at police after an activist's "
          "sentence; tear gas; 4 officers hurt, 11 arrested",
          "In the Black Sea port of Batumi, protests turned violent on Tuesday"),
        E("Strategic developments", "Arrests", GEO_POLICE, [CIV("Georgia"), "Protesters (Georgia)"], "Tuesday",
          L("Tbilisi", "GEO", "Tbilisi", 41.6914, 44.8341, 1), 0,
          "Police arrest opposition leader Tamar Beridze at her Tbilisi home on a charge of organising group violence",
          "police in Tbilisi arrested Tamar Beridze",
          note="a politically significant arrest of an opposition leader"),
        E("Violence against civilians", "Attack", UAG("Georgia"), CIV("Georgia"), "Saturday",
          L("Tbilisi", "GEO", "Tbilisi", 41.7167, 44.7500, 1), 0,
          "Four masked men beat activist Levan Chkheidze outside his apartment block in Saburtalo, Tbilisi",
          "four masked men beat Levan Chkheidze",
          note="not coded: the diaspora rallies 'in recent weeks' (Berlin, Paris, Atlanta), Sunday's planned march, the "
               "October election, the 2023 and 2024 foreign-agent bills, the Public Defender's 400 detentions"),
    ],
)

# ----------------------------------------------------------------- 08 Lebanon (mostly political), datelined Beirut

ISR_ARMY = ["Military Forces of Israel (2022-)", "Military Forces of Israel"]
LBN_ARMY = ["Military Forces of Lebanon (2025-)", "Military Forces of Lebanon", "Lebanese Armed Forces"]
HEZBOLLAH = ["Hezbollah"]

article(
    "08-lebanon-cabinet.txt", "2025-10-14", "Lebanon (Beirut, South Lebanon)",
    "mostly political: cabinet split over election law and disarmament; few incidents",
    places=[
        P("BEIRUT", 33.8933, 35.5016), P("Beirut", 33.8933, 35.5016), P("Lebanon", 33.83, 35.83),
        N("West Africa"), N("Gulf"), P("Jbeil", 34.1211, 35.6481), P("Bint Jbeil", 33.1186, 35.4334),
        N("Litani River"), P("Israel", 31.5, 34.75), P("Dahiyeh", 33.853, 35.510), P("Tyre", 33.2733, 35.1939),
        P("Aitaroun", 33.1153, 35.4714),
    ],
    skip=["Lebanon says", "Israel has warned", "Gulf donors"],
    quotes=[
        Q("Elias Haddad", '"Every Lebanese has the right to choose all of parliament, not a small corner of it,"',
          '"The people who left because of the collapse are exactly the people who should have a voice."'),
        Q("Kassem Hamadeh", 'accused the government of "engineering the result in advance."'),
        Q("Fatima Bazzi", '"He was going to the site to pour concrete. He had four children,"',
          '"Every week they say they hit Hezbollah, and every week we bury a neighbor."'),
        Q("Hezbollah", 'urged its supporters to "avoid any friction with the army."', mention="Hezbollah said"),
        Q("Joseph Khoury", '"We are not asking for charity. We are asking for our own money,"', '"Six years, and they have not passed one law."'),
        Q("Rana Khalil", '"Everyone is waiting for someone else to blink. Hezbollah is waiting for the Israelis, the government is waiting for the Americans, and the Americans are waiting for the army,"',
          '"If the election is postponed, that will be the clearest sign that nobody has blinked."'),
        Q("Ali Srour", '"There is nothing to go back to in our village. Not a house, not a road,"'),
    ],
    not_quotes=[],
    events=[
        E("Explosions/Remote violence", "Air/drone strike", ISR_ARMY, HEZBOLLAH + [CIV("Lebanon")], "Sunday",
          L("Bint Jbeil", "LBN", "Nabatieh", 33.1186, 35.4334, 2), 2,
          "Israeli drone strikes a car on the outskirts of Bint Jbeil; Health Ministry: 2 killed; Israel: a Hezbollah operative; "
          "residents: the other was a construction worker",
          "an Israeli drone struck a car on the outskirts of Bint Jbeil"),
        E("Riots", "Violent demonstration", "Rioters (Lebanon)", LBN_ARMY, "Monday",
          L("Dahiyeh", "LBN", "Mount Lebanon", 33.853, 35.510, 1), 0,
          "Hundreds of young men on motorcycles with Hezbollah flags burn tyres on the airport road in Beirut's southern suburbs "
          "against the disarmament plan; soldiers fire in the air, three hurt by stones",
          "hundreds of young men on motorcycles, some waving Hezbollah flags, rode through Beirut's southern suburbs",
          note="Hezbollah disowns the protest; the habitual 'motorcycle convoys' since the first debate are not coded"),
        E("Protests", "Peaceful protest", "Protesters (Lebanon)", None, "Saturday",
          L("Beirut", "LBN", "Beirut", 33.8960, 35.5060, 1), 0,
          "A few hundred depositors rally peacefully outside parliament in downtown Beirut for the return of frozen savings",
          "a few hundred depositors rallied peacefully outside parliament in downtown Beirut",
          note="not coded: the cabinet walkout, Qassem's speech, Israel's warning, the 300 killed since the truce, "
               "Nasrallah's killing (September 2024)"),
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
