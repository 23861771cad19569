"""Incidents: one record per happening, typed by ACLED's decision rules, actors named as ACLED and
UCDP name them, tolls counted once, current/background and salience. Sentences written for tacitus."""

import pytest

from tacitus.ontology.acled import default_rules


def acled(ev):
    return ev.type.acled, ev.type.acled_sub


def incident(art, sub=None):
    evs = [e for e in art.events if e.type.acled and (sub is None or e.type.acled_sub == sub)]
    assert evs, [(e.type.acled_sub, e.trigger.text) for e in art.events]
    return evs[0]


def test_claimed_ied_is_one_incident_and_the_claimant_is_actor1(extract):
    art = extract("An explosive device detonated near an army patrol outside Gao on Monday, killing four soldiers. "
                  "The Islamic State claimed responsibility for the attack. The French embassy condemned the bombing.",
                  published="2024-05-08")
    typed = [e for e in art.events if e.type.acled]
    assert len(typed) == 1
    ev = typed[0]
    assert acled(ev) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert ev.type.acled_rule.startswith("acled_rules.tsv:")
    assert ev.actor1.name == "Islamic State" and ev.actor1.method.startswith("claimed_responsibility")
    assert ev.actor2.acled_name == "Military Forces of Mali"
    assert ev.fatalities.best == 4
    assert [m.merged_by for m in ev.mentions] == [None, "claim"]
    reaction = [e for e in art.events if e.links]
    assert reaction and reaction[0].links[0].event == ev.id and reaction[0].links[0].kind == "reaction_to"


def test_car_bombs_with_a_claim(extract):
    art = extract("Two car bombs exploded in Mogadishu on Saturday, killing at least 100 people. Al-Shabaab claimed "
                  "responsibility for the blasts.", published="2024-05-05")
    ev = incident(art)
    assert acled(ev) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert ev.actor1.name == "Al-Shabaab"
    assert ev.fatalities.low == 100 and ev.actor2.acled_name == "Civilians (Somalia)"


@pytest.mark.parametrize("text,expected", [
    ("Gunmen shot dead a tribal elder in Kidal on Sunday.", ("Violence against civilians", "Attack")),
    ("Rioters clashed with police in Nairobi on Tuesday.", ("Riots", "Violent demonstration")),
    ("Dozens gathered for a sit-in outside the ministry in Beirut to demand their wages.",
     ("Protests", "Peaceful protest")),
    ("Artillery strikes hit the district of Marib on Sunday, killing a civilian.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Drivers blocked the main road with burning tyres near Aley on Monday while the US embassy urged calm.",
     ("Riots", "Violent demonstration")),
    ("Police fired tear gas to disperse hundreds of protesters in Lagos on Monday.",
     ("Protests", "Protest with intervention")),
    ("Police shot dead three protesters at a march in Conakry on Tuesday.",
     ("Protests", "Excessive force against protesters")),
    ("Government forces recaptured the town of Gashua from the rebels on Sunday.",
     ("Battles", "Government regains territory")),
    ("Jihadist fighters overran the town of Djibo on Thursday.", ("Battles", "Non-state actor overtakes territory")),
    ("Community members stoned two police officers in Ndhiwa on Monday.", ("Riots", "Mob violence")),
    ("Locals beat up a man they took for a thief at the bus station in Manaus.", ("Riots", "Mob violence")),
    ("Militants killed seven people from a Tuareg community near Gao on Saturday.",
     ("Violence against civilians", "Attack")),
    ("Gunmen shot dead an off-duty policeman in Kano on Monday.", ("Violence against civilians", "Attack")),
    ("Gunmen shot dead a policeman in Kano on Monday.", ("Battles", "Armed clash")),
    ("A man was tied up and beaten by police officers in Petion-Ville on Tuesday.",
     ("Violence against civilians", "Attack")),
    ("Russian warplanes bombed a market in Ariha on Monday, killing eight civilians.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Gunmen kidnapped 12 students from a school in Kaduna state on Friday.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("Police arrested five opposition activists in Harare on Wednesday.", ("Strategic developments", "Arrests")),
    ("The bodies of two men were discovered beside a road outside Celaya on Sunday.", ("Violence against civilians", "Attack")),
    ("A suicide bomber blew himself up at a checkpoint in Baghdad on Thursday, killing two policemen.",
     ("Explosions/Remote violence", "Suicide bomb")),
    ("Soldiers and rebels clashed near Beni on Monday, leaving six fighters dead.", ("Battles", "Armed clash")),
    ("A mob lynched a suspected thief in Toliara on Sunday.", ("Riots", "Mob violence")),
    ("Police seized 20 rifles and two grenades in a raid on a house in Tunis on Tuesday.",
     ("Strategic developments", "Disrupted weapons use")),  # the authorities take weapons: no looting
])
def test_acled_decision_rules(extract, text, expected):
    assert acled(incident(extract(text, published="2024-05-08"))) == expected


def test_unnamed_perpetrators_and_victims_take_acled_names(extract):
    ev = incident(extract("Gunmen shot dead a tribal elder in Kidal on Sunday.", published="2024-05-08"))
    assert ev.actor1.acled_name == "Unidentified Armed Group (Mali)"
    assert ev.actor2.acled_name == "Civilians (Mali)" and ev.actor2.ucdp_name == "Civilians"
    demo = incident(extract("About 80 vendors demonstrated outside the town hall in Oaxaca on Monday.",
                            published="2024-05-08"))
    assert demo.actor1.acled_name == "Protesters (Mexico)" and demo.actor1.text == "About 80 vendors"


def test_state_forces_take_ucdp_names(extract):
    ev = incident(extract("Syrian government forces shelled Saraqeb on Monday, killing five civilians.",
                          published="2020-02-04"))
    assert ev.actor1.acled_name == "Military Forces of Syria" and ev.actor1.ucdp_name == "Government of Syria"


def test_a_toll_told_twice_is_counted_once_and_different_reports_are_a_range(extract):
    art = extract("Militants attacked a military post near Menaka on Monday, killing four soldiers. Local officials "
                  "said the four soldiers were killed in the attack. The army said six soldiers died in the attack.",
                  published="2024-05-08")
    ev = incident(art)
    assert len([e for e in art.events if e.type.acled]) == 1
    assert (ev.fatalities.low, ev.fatalities.high) == (4, 6) and ev.fatalities.note


def test_background_incidents_keep_their_date_and_are_not_current(extract):
    art = extract("Iraqi forces clashed with Islamic State fighters near Kirkuk on Tuesday.\n\n"
                  "The group seized Mosul in June 2014 before it was driven out in 2017.", published="2024-05-08")
    now = incident(art, "Armed clash")
    assert now.current and now.salience == "lead"
    old = [e for e in art.events if e.type.acled_sub == "Non-state actor overtakes territory"]
    assert old and not old[0].current and old[0].salience == "incidental" and old[0].date.start.startswith("2014")


def test_word_senses_that_are_no_event(extract):
    for text in ("The ministry released a statement on the talks on Monday.",
                 "The elections may demonstrate the strength of the opposition.",
                 "The government vowed to step up the fight against corruption.",
                 "The storm killed two people in Dhaka on Sunday.",
                 "The teachers' strike entered its third week."):
        art = extract(text, published="2024-05-08")
        assert not [e for e in art.events if e.type.acled in ("Battles", "Violence against civilians",
                                                               "Explosions/Remote violence")], text
    strike = extract("Teachers went on strike across Kenya on Monday to demand higher pay.", published="2024-05-08")
    assert incident(strike).type.acled == "Protests"


def test_one_trigger_with_two_parties_of_one_kind_gets_two_ids(extract):
    art = extract("Police beat women and teenagers at the market in Goma on Monday.", published="2024-05-08")
    ids = [e.id for e in art.events]
    assert len(ids) == len(set(ids))


def test_every_decision_row_belongs_to_its_type():
    rules = default_rules()
    assert len(rules.rules) > 20
    names = [r.name for r in rules.rules]
    assert len(names) == len(set(names))


def test_a_longer_cue_hides_the_cues_inside_it(extract):
    """'heavy machine guns' are heavy weapons: fired with grenade launchers at positions, a shelling;
    with small arms too, a clash the target can answer."""
    art = extract("On 1 May 2020, separatist gunners hit army trenches near Lebedynske with heavy machine guns "
                  "and grenade launchers.", published="2020-05-03")
    assert incident(art).type.acled_sub == "Shelling/artillery/missile attack"
    art = extract("On 9 May 2020, separatist units opened fire on army trenches near Starohnativka with small arms, "
                  "grenade launchers and heavy machine guns.", published="2020-05-10")
    assert incident(art).type.acled_sub == "Armed clash"


def test_protesters_acts_are_protests_and_there_was_a_protest(extract):
    art = extract("On 2 May 2020, in Canete, protesters demanded improvements in the district's hospital.",
                  published="2020-05-04")
    assert acled(incident(art)) == ("Protests", "Peaceful protest")
    art = extract("On 2 May 2020, in Ostula, there was a demonstration by indigenous people against the violence.",
                  published="2020-05-04")
    assert acled(incident(art)) == ("Protests", "Peaceful protest")


def test_seized_goods_are_no_territory(extract):
    art = extract("Federal police forces seized two truckloads of contraband cigarettes at a roadside check in "
                  "Erval Velho on 29 April 2020.", published="2020-05-01")
    ev = incident(art)
    assert ev.type.acled != "Battles" and ev.actor1.acled_name == "Police Forces of Brazil"


def test_clashes_reported_with_deaths_and_communal_violence_are_battles(extract):
    art = extract("On 4 May 2020, in Morelia, armed clashes broke out in a northern district, and two people "
                  "died in them.", published="2020-05-06")
    assert incident(art).type.acled_sub == "Armed clash"
    art = extract("Fears of clashes grew in the town.", published="2020-05-06")
    assert not [e for e in art.events if e.type.acled]


def test_how_a_demonstration_went_is_told_anywhere_in_its_sentence(extract):
    art = extract("On 29 April 2020, in Manaus, angry clients burned objects outside a bank branch to demonstrate against "
                  "its closing.", published="2020-05-01")
    assert acled(incident(art)) == ("Riots", "Violent demonstration")
    art = extract("In Mombasa, a few hundred demonstrators marched peacefully through the old town under police watch "
                  "and dispersed in the afternoon.", published="2025-07-09")
    assert incident(art).type.acled_sub == "Peaceful protest"  # they dispersed: nobody broke them up


def test_a_deadly_one_sided_act_on_unknown_victims_is_an_attack(extract):
    art = extract("On 30 April 2020, in Choloma, gunmen forced their way into a home and shot three men dead.",
                  published="2020-05-02")
    assert acled(incident(art)) == ("Violence against civilians", "Attack")


def test_what_the_police_do_at_a_demonstration_is_an_intervention(extract):
    art = extract("Thousands of protesters rallied outside parliament in Tbilisi on Monday night, and riot police "
                  "used water cannon and tear gas to disperse them.", published="2024-12-03")
    assert [e.type.acled_sub for e in art.events if e.type.acled] == ["Protest with intervention"]  # no riot
    art = extract("Protesters marched in Tbilisi on Monday; police fired warning shots into the air to disperse them.",
                  published="2024-12-03")
    assert incident(art).type.acled_sub == "Protest with intervention"  # the police fired, not the crowd
    art = extract("Police stormed the square and beat protesters in Tbilisi on Monday.", published="2024-12-03")
    assert incident(art).type.acled_sub == "Protest with intervention"  # no deaths: not excessive force
    art = extract("Protesters threw stones at police in Tbilisi on Monday.", published="2024-12-03")
    assert incident(art).type.acled_sub == "Violent demonstration"


def test_a_clause_that_goes_on_with_another_day_is_another_incident(extract):
    art = extract("Before dawn on Sunday, rebels attacked army positions near Saraqeb. Six soldiers were killed in "
                  "the clashes. On Monday, Russian warplanes struck the outskirts of Jisr al-Shughur.",
                  published="2024-06-11")
    subs = sorted(e.type.acled_sub for e in art.events if e.type.acled)
    assert subs == ["Air/drone strike", "Armed clash"], subs


def test_property_destroyed_by_an_unnamed_group_is_looting(extract):
    for text in ("On Sunday, unknown assailants burned a market stall in Gao.",
                 "On Sunday, an unidentified group vandalised a bar in Plovdiv.",
                 "On Sunday, armed herders stole 60 cows from a ranch near Makurdi."):
        art = extract(text, published="2020-05-05")
        assert acled(incident(art)) == ("Strategic developments", "Looting/property destruction"), text
    art = extract("A man demolished his neighbour's shed on Sunday.", published="2020-05-05")
    assert not [e for e in art.events if e.type.acled]  # one man and a shed: no political event


def test_a_mob_of_traders_or_sellers_is_mob_violence(extract):
    art = extract("On Monday, traders at a market in Puebla beat two municipal inspectors who had told them to "
                  "close their stalls.", published="2020-05-06")
    assert acled(incident(art)) == ("Riots", "Mob violence")
    art = extract("On Monday, a group of refugees held a sit in demonstration outside the camp office in Kakuma, "
                  "demanding to be relocated.", published="2020-05-06")
    assert incident(art).type.acled_sub == "Peaceful protest"


def test_victims_the_text_says_were_armed_make_a_clash(extract):
    art = extract("On Saturday, in Recife, two gunmen riding a scooter shot a man dead. He had once been "
                  "convicted of drug trafficking, police said.", published="2020-05-05")
    ev = incident(art)
    assert acled(ev) == ("Battles", "Armed clash") and ev.type.acled_rule.endswith(":armed_victim")
    assert ev.actor2.name.startswith("Unidentified Armed Group")
    art = extract("On Saturday, in Recife, a man was shot dead by alleged gang members.", published="2020-05-05")
    assert acled(incident(art)) == ("Violence against civilians", "Attack")  # the gang are the killers


def test_government_forces_written_short_and_a_fire_fight(extract):
    art = extract("On Sunday, Al Shabaab fighters stormed a Govt forces camp near Afgooye.", published="2020-05-05")
    assert acled(incident(art)) == ("Battles", "Armed clash")
    art = extract("On Sunday, soldiers engaged in a fire fight with separatists in Kumbo. Two civilians were "
                  "wounded.", published="2020-05-05")
    assert acled(incident(art)) == ("Battles", "Armed clash")


def test_security_personnel_off_duty_and_unknown_people_attacked_are_civilians(extract):
    art = extract("On Tuesday, in Puebla, gunmen shot dead a police officer who was off duty.", published="2020-05-08")
    ev = incident(art)
    assert acled(ev) == ("Violence against civilians", "Attack") and ev.actor2.name == "Civilians (Mexico)"
    art = extract("On Tuesday, dozens of gunmen attacked a land developer on his plot near Dodowa, Ghana.",
                  published="2020-05-08")
    assert acled(incident(art)) == ("Violence against civilians", "Attack")


def test_an_armed_group_handing_out_aid_changes_its_activity(extract):
    art = extract("On Tuesday, in Ciudad Victoria, members of the Gulf Cartel provided food to families hit by the "
                  "lockdown.", published="2020-05-08")
    assert acled(incident(art)) == ("Strategic developments", "Change to group/activity")
    art = extract("On Tuesday, the Red Cross provided food to families hit by the lockdown in Ciudad Victoria.",
                  published="2020-05-08")
    assert not [e for e in art.events if e.type.acled]


def test_demonstrators_are_actor1_of_a_protest_and_rioters_when_violent(extract):
    art = extract("Police fired tear gas to disperse hundreds of protesters in Lagos on Monday.", published="2024-06-04")
    ev = incident(art)
    assert ev.actor1.name == "Protesters (Nigeria)" and ev.actor2.name == "Police Forces of Nigeria"
    art = extract("In Chattogram, picketers enforcing the strike torched a bus and threw stones at police on "
                  "Tuesday.", published="2025-10-22")
    ev = incident(art)
    assert acled(ev) == ("Riots", "Violent demonstration") and ev.actor1.name == "Rioters (Bangladesh)"
    art = extract("In Bogura, a man was killed on Monday when supporters of Jamaat and of the Bangladesh Nationalist "
                  "Party fought with sticks.", published="2025-10-22")
    ev = incident(art)
    assert acled(ev) == ("Riots", "Mob violence") and ev.actor1.name == "Rioters (Bangladesh)"


def test_bombs_thrown_dropped_or_dated_this_year(extract):
    art = extract("On Sunday night, unidentified attackers threw crude bombs at a bus in Dhaka, injuring two "
                  "passengers.", published="2025-10-22")
    assert acled(incident(art)) == ("Explosions/Remote violence", "Grenade")
    art = extract("On Friday, resistance fighters used drones to drop explosives on a police station in Monywa, "
                  "wounding three policemen.", published="2025-08-12")
    ev = incident(art)
    assert ev.type.acled_sub == "Air/drone strike" and [m.merged_by for m in ev.mentions] == [None, "consequence"]
    art = extract("A military jet bombed a market in Ye-U on Saturday, killing 22 people, in one of the deadliest "
                  "air strikes this year.", published="2025-08-12")
    ev = incident(art)
    assert ev.modality == "asserted" and ev.type.acled_sub == "Air/drone strike"  # one day, not a tally


def test_a_witness_quote_does_not_date_the_incident(extract):
    art = extract('Police fired tear gas at protesters marching in Dhaka on Tuesday. "It is the same police that shot '
                  'at us last year," said one marcher.', published="2025-10-22")
    ev = incident(art, "Protest with intervention")
    assert ev.date.start == "2025-10-21" and ev.current


def test_what_people_fled_and_an_occupied_place_are_no_incidents(extract):
    for text in ("Idlib province is home to some 4 million people, many of whom fled fighting elsewhere in the country.",
                 "Israel has vowed to keep Iran away from its border, including in the Israeli-occupied Golan Heights."):
        art = extract(text, published="2024-06-11")
        assert not [e for e in art.events if e.type.acled], text


def test_those_who_act_around_an_event_are_not_its_authors(extract):
    art = extract("Gunmen attacked a boarding school in Kankara on Friday and abducted dozens of pupils. "
                  "Witnesses said villagers who had fled during the raid began returning on Sunday.",
                  published="2024-05-08")
    assert [acled(e) for e in art.events if e.type.acled] == [("Violence against civilians", "Attack")]


def test_a_later_count_of_the_dead_is_the_toll_of_the_incident_told(extract):
    art = extract("YANGON, Myanmar - A military jet bombed a crowded market in the town of Ye-U on Friday, "
                  "killing at least 20 people, residents said.\n\n"
                  "A local rescue worker said 22 bodies had been recovered by Sunday and that more than 40 "
                  "people were wounded.", published="2025-08-11")
    violent = [e for e in art.events if e.type.acled in ("Explosions/Remote violence", "Violence against civilians")]
    assert len(violent) == 1, [(e.type.acled_sub, e.evidence.text) for e in art.events]
    assert violent[0].location.name.lower().startswith("ye")
