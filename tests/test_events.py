"""Event triggers, roles from the dependency parse, modality and the three ontologies."""

from conftest import events_of


def one(art, root):
    evs = events_of(art, root)
    assert evs, [(e.type.cameo, e.trigger.text) for e in art.events]
    return evs[0]


def test_active_voice(extract):
    ev = one(extract("Israeli troops raided the Jenin refugee camp on Tuesday."), "19")
    assert ev.actor1.country == "ISR"
    assert ev.evidence.rule.startswith("triggers.tsv:")


def test_passive_with_by(extract):
    ev = one(extract("Three Nigerian soldiers were killed by Boko Haram fighters near Maiduguri."), "19")
    assert ev.actor1.name == "Boko Haram"
    assert ev.actor2.cameo == "NGAMIL"


def test_coordination_gives_each_pair(extract):
    art = extract("France, Germany and Italy met in Rome to discuss migration.")
    pairs = {frozenset((e.actor1.cameo, e.actor2.cameo)) for e in events_of(art, "04") if e.actor2}
    assert frozenset(("FRA", "DEU")) in pairs
    assert frozenset(("DEU", "ITA")) in pairs


def test_relative_clause_subject(extract):
    art = extract("Police arrested members of the Proud Boys, which attacked counter-protesters in Portland.")
    attack = [e for e in art.events if e.trigger.text == "attacked"]
    assert attack and attack[0].actor1.name == "Proud Boys"


def test_light_verb_takes_the_noun_type(extract):
    ev = one(extract("The United States launched an air strike against Islamic State militants in Iraq."), "19")
    assert ev.type.cameo == "195"
    assert ev.type.acled_sub == "Air/drone strike"
    assert ev.actor1.country == "USA"
    assert ev.actor2.name == "Islamic State"


def test_event_noun_with_demonym(extract):
    art = extract("Five civilians died in a Russian air strike on Kharkiv, Ukrainian officials said.")
    ev = one(art, "19")
    assert ev.actor1.country == "RUS"


def test_role_reversing_verb(extract):
    ev = one(extract("The Taliban lost control of the district to Afghan government forces."), "19")
    assert ev.type.cameo == "192"
    assert ev.actor2.name == "Taliban"


def test_all_three_ontologies(extract):
    ev = one(extract("Rebels of the M23 captured the town of Bunagana from Congolese troops."), "19")
    t = ev.type
    assert (t.cameo, t.cameo_root, t.quad_class) == ("192", "19", 4)
    assert t.goldstein == -9.5
    assert (t.plover, t.plover_mode) == ("COERCE", "seize")
    assert (t.acled, t.acled_sub) == ("Battles", "Non-state actor overtakes territory")


def test_protest_and_arrest_types(extract):
    art = extract("Thousands of Georgian protesters rallied outside parliament in Tbilisi. "
                  "Police detained 40 demonstrators.")
    demo = one(art, "14")  # the arrests are the intervention in that demonstration: one incident
    assert (demo.type.acled, demo.type.acled_sub) == ("Protests", "Protest with intervention")
    assert [m.cameo[:2] for m in demo.mentions] == ["14", "17"]
    arrest = one(extract("Police detained 40 opposition activists in Tbilisi on Monday."), "17")
    assert arrest.type.acled_sub == "Arrests"
    assert arrest.type.plover == "COERCE"


def test_negated(extract):
    ev = one(extract("Hezbollah denied attacking the Israeli patrol."), "19")
    assert ev.modality == "negated"


def test_announced_force_is_a_threat_in_the_future(extract):
    ev = one(extract("The Houthis vowed to attack ships linked to Israel."), "13")
    assert ev.type.cameo == "1384"
    assert ev.modality == "future"
    assert ev.actor1.name == "Houthis"


def test_announced_cooperation_is_an_intent(extract):
    ev = one(extract("Japan will send food aid to Sri Lanka, the foreign ministry said."), "03")
    assert ev.type.plover == "AGREE"
    assert ev.modality == "future"


def test_withdrawn_promise_is_a_refusal(extract):
    ev = one(extract("Washington said it would not provide military aid to the junta in Niger."), "12")
    assert ev.type.plover == "REJECT"


def test_hypothetical(extract):
    ev = one(extract("Turkey could strike Kurdish militants in Syria, officials said."), "19")
    assert ev.modality == "hypothetical"


def test_conditional_force_is_a_threat(extract):
    ev = one(extract("Turkey will strike Kurdish militants in Syria if the talks fail."), "13")
    assert ev.type.plover == "THREATEN"


def test_speaker_demands_with_must(extract):
    ev = one(extract("Egypt's president said that Israel must withdraw its troops from Gaza."), "10")
    assert ev.actor1.country == "EGY"
    assert ev.actor2.country == "ISR"


def test_claimed(extract):
    art = extract("Al-Shabaab claimed that its fighters had attacked a Kenyan army base.")
    ev = one(art, "19")
    assert ev.modality == "claimed"


def test_threat_of_attack(extract):
    ev = one(extract("Iran threatened to attack American bases in the region."), "13")
    assert ev.type.plover == "THREATEN"
    assert ev.actor1.country == "IRN"


def test_reporting_verbs_are_not_events(extract):
    art = extract("Mali's army told Reuters that Wagner mercenaries killed 12 villagers.")
    triggers = {e.trigger.text for e in art.events}
    assert "told" not in triggers
    killed = [e for e in art.events if e.trigger.text == "killed"]
    assert killed and killed[0].actor1.name == "Wagner Group"
    assert killed[0].reported_by


def test_diplomacy(extract):
    art = extract("Egypt's foreign minister visited Qatar on Sunday and held talks with the emir.")
    assert one(art, "04").actor1.country == "EGY"


def test_no_event_without_a_known_actor(extract):
    assert extract("A man demolished the old barn last week.").events == ()


def test_confidence_and_evidence(extract):
    text = "Sudanese paramilitaries shelled El Fasher on Monday."
    ev = one(extract(text), "19")
    assert 0 < ev.confidence <= 1
    assert ev.evidence.text.startswith("Sudanese")
    assert text[ev.evidence.start:ev.evidence.end].strip() == ev.evidence.text
