"""How clause-level mentions become incidents, on sentences written for tacitus: what joins an
incident (its consequences, anaphora, claims, its tolls), what stays apart (circumstances, described
participants, witnesses telling of something else), and what a mention's frame does to it (denied,
hypothetical, habitual)."""

from conftest import events_of  # noqa: F401


def typed(art):
    return [e for e in art.events if e.type.acled]


def told(art):
    return [e for e in typed(art) if e.modality == "asserted" and e.current]


def test_no_event_reported_is_negated(extract):
    art = extract("In Kisumu, shops stayed shut but no demonstrations were reported.", published="2025-07-09")
    assert all(e.modality == "negated" for e in typed(art))


def test_whoever_would_act_is_hypothetical(extract):
    art = extract("The minister said last month that officers had been authorised to shoot anyone who attacked a "
                  "police station.", published="2025-07-09")
    assert not told(art), [(e.type.acled_sub, e.modality, [m.trigger.text for m in e.mentions]) for e in typed(art)]


def test_a_conjoined_complement_shares_its_frame(extract):
    art = extract("The Senate adopted a motion urging the government to recruit more police officers and to deploy "
                  "drones along the border.", published="2024-07-02")
    deploy = [e for e in art.events if e.trigger.text == "deploy"]
    assert deploy and deploy[0].modality == "hypothetical"


def test_the_dead_say_who_was_attacked_when_the_target_is_a_place(extract):
    art = extract("Rebels attacked the town of Beni on Monday, killing five soldiers.", published="2024-05-08")
    ev = typed(art)[0]
    assert ev.type.acled_sub == "Armed clash" and ev.actor2.acled_name.startswith("Military Forces")
    art = extract("Gunmen attacked a village in Zamfara on Monday, killing five people.", published="2024-05-08")
    assert typed(art)[0].type.acled_sub == "Attack"


def test_an_acronym_is_a_country_only_as_written(extract):
    art = extract("A Ukrainian drone hit a car in the Russian town of Shebekino on Sunday, killing the driver.",
                  published="2024-11-05")
    ev = typed(art)[0]
    assert "Central African" not in (ev.actor2.acled_name or "")


def test_a_claim_of_the_attack_joins_it_and_names_the_perpetrator_only_when_unknown(extract):
    art = extract("Suspected ADF rebels killed at least 11 civilians on Thursday in an attack near Oicha, the army "
                  "said. The Islamic State group claimed the attack on its news agency.", published="2024-02-13")
    evs = told(art)
    assert len(evs) == 1 and evs[0].actor1.name == "Allied Democratic Forces"
    assert "claim" in [m.merged_by for m in evs[0].mentions]


def test_a_witness_of_another_kind_of_happening_does_not_retype_a_protest(extract):
    art = extract('On Monday, a crowd gathered peacefully outside the U.N. mission in Kinshasa to demand its '
                  'departure. "We are tired of speeches. Our brothers are dying in the east and the world says '
                  'nothing," said a student who took part in the protest.', published="2024-02-13")
    subs = [e.type.acled_sub for e in told(art)]
    assert subs == ["Peaceful protest"], subs


def test_the_date_stated_with_the_act_wins_over_the_date_of_a_statement(extract):
    art = extract("Police fired tear gas at protesters in Nairobi on Monday. The rights commission said on "
                  "Tuesday that 31 people had been killed.", published="2025-07-09")
    ev = told(art)[0]
    assert ev.date.start == "2025-07-07"
    assert ev.fatalities is not None and ev.fatalities.best == 31


def test_a_toll_joins_the_incident_just_told(extract):
    art = extract("Gunmen attacked a bus near Gao on Monday, killing four passengers. In a separate incident, a "
                  "military airstrike hit a village near Kidal on Tuesday, killing 11 people. A local group said 13 "
                  "people had died.", published="2024-05-09")
    strike = [e for e in told(art) if e.type.acled_sub == "Air/drone strike"]
    assert strike and strike[0].fatalities.low == 11 and strike[0].fatalities.high == 13
    bus = [e for e in told(art) if e.type.acled_sub == "Attack"]
    assert bus and bus[0].fatalities.best == 4


def test_a_circumstance_is_not_the_incident(extract):
    art = extract("The paramilitary force shelled a camp for displaced people near El Fasher on Sunday, killing 15 "
                  "people, as fighting intensified for control of the city.", published="2024-09-24")
    shelling = [e for e in told(art) if "shelled" in [m.trigger.text for m in e.mentions]]
    assert shelling and shelling[0].type.acled_sub == "Shelling/artillery/missile attack"
    assert shelling[0].actor1.acled_name.startswith("Unidentified Armed Group")  # a paramilitary is not the army


def test_a_participle_describing_people_is_no_happening(extract):
    art = extract("The National Unity Government, set up by lawmakers ousted in the coup, said it did not recognise "
                  "the vote.", published="2025-08-19")
    assert not typed(art), [(e.type.acled_sub, e.trigger.text) for e in typed(art)]


def test_a_tally_across_the_country_is_generic(extract):
    art = extract("The air force said it had shot down 24 of the 41 drones launched overnight across the country.",
                  published="2024-11-05")
    assert all(e.modality == "generic" for e in typed(art))


def test_a_glide_bomb_is_an_air_strike(extract):
    art = extract("A Russian glide bomb hit a residential building in Kharkiv on Sunday, killing six people.",
                  published="2024-11-05")
    assert typed(art)[0].type.acled_sub == "Air/drone strike"


def test_a_later_figure_updates_the_toll_and_a_name_is_no_update_word(extract):
    art = extract("A glide bomb hit a building in Kharkiv on Sunday, killing at least four people. The bomb struck the "
                  "upper floors. By Monday evening the death toll had risen to six, rescuers said.",
                  published="2024-11-05")
    assert told(art)[0].fatalities.best == 6
    art = extract("A military airstrike hit a village in Kanbalu on Thursday, killing 11 people, a local group said. "
                  "The outlet Myanmar Now said 13 people had died.", published="2025-08-19")
    f = told(art)[0].fatalities
    assert (f.low, f.best, f.high) == (11, 11, 13) and f.who == "Civilians (Myanmar)"


def test_a_death_told_in_a_witness_quote_is_no_tally(extract):
    art = extract('Government forces shelled Ariha on Sunday, killing four civilians, rescuers said. "We pulled a girl '
                  'out of the rubble. Her brother was already dead," said a rescue worker.', published="2024-06-11")
    assert told(art)[0].fatalities.best == 4


def test_a_disaster_that_killed_is_no_attack(extract):
    art = extract("Parts of Mandalay are still in ruins after an earthquake in March that killed more than 3,700 "
                  "people.", published="2025-08-19")
    assert not typed(art)


def test_context_told_below_the_lead_is_background(extract):
    art = extract("Police fired tear gas at marchers in Nyeri on Monday, witnesses said.\n\nProtests on June 25, "
                  "marking the anniversary of the storming of parliament, left at least 16 people dead.",
                  published="2025-07-09")
    june = [e for e in typed(art) if e.date and e.date.start == "2025-06-25"]
    assert june and not june[0].current and june[0].salience == "incidental"
    assert [e.current for e in typed(art) if e.date and e.date.start == "2025-07-07"] == [True]


def test_a_cause_refers_only_to_an_incident_of_its_own_kind(extract):
    art = extract("On Wednesday, people protested outside the prosecutor's home in Kyiv, demanding her dismissal over "
                  "the investigation into the acid attack on an activist.", published="2020-04-30")
    typed = [e.type.acled_sub for e in art.events if e.type.acled]
    assert typed == ["Peaceful protest"], typed  # the attack is the grievance, not the protest's violence


def test_what_only_looks_like_disorder_is_none(extract):
    for text in ("On Monday, in Solola, residents angry at power cuts blocked a main road with stones to protest.",
                 "On Monday, unpaid teachers in Hinche barricaded themselves inside the education office to protest "
                 "unpaid salaries.",
                 "On Monday, members of the Antorcha campesino torch movement demonstrated in Morelia."):
        art = extract(text, published="2020-05-05")
        assert [e.type.acled_sub for e in art.events if e.type.acled] == ["Peaceful protest"], text


def test_a_party_the_incident_lacks_fills_its_role(extract):
    art = extract("The killings followed an ambush on Thursday on a supply convoy south of Djibo, in which a security "
                  "source said seven soldiers and four VDP fighters were killed. JNIM said it had killed 23 soldiers.",
                  published="2025-05-27")
    typed = [e for e in art.events if e.type.acled]
    assert len(typed) == 1 and typed[0].actor1.name.startswith("Jama")  # the claimant fills the empty actor1
    assert typed[0].fatalities.low == 11  # the security source's toll, the claim's the high end
