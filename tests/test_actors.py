"""Actor recognition and resolution, on sentences written for these tests."""

from conftest import events_of


def actor_names(art):
    return {a.name: a for a in art.actors}


def test_country_plus_agent(extract):
    art = extract("Syrian government forces shelled the town of Saraqeb on Monday.")
    ev = events_of(art, "19")[0]
    assert ev.actor1.country == "SYR"
    assert ev.actor1.cameo == "SYRMIL"
    assert ev.actor1.kind == "military"
    assert ev.actor1.acled_inter == 1
    assert ev.actor1.acled_name == "Military Forces of Syria"


def test_abbreviated_country_and_demonym(extract):
    art = extract("U.S. troops clashed with Iraqi militiamen near the border.")
    ev = events_of(art, "19")[0]
    codes = {ev.actor1.cameo, ev.actor2.cameo}
    assert "USAMIL" in codes
    assert "IRQUAF" in codes


def test_capital_as_metonym_for_government(extract):
    art = extract("Damascus accused Ankara of supporting armed groups.")
    ev = events_of(art, "11")[0]
    assert ev.actor1.cameo == "SYRGOV"
    assert ev.actor2.cameo == "TURGOV"


def test_named_group_aliases(extract):
    art = extract("Daesh fighters attacked Peshmerga positions west of Kirkuk.")
    ev = events_of(art, "19")[0]
    assert ev.actor1.name == "Islamic State"
    assert ev.actor1.cameo == "IMGMUSISI"
    assert ev.actor2.name == "Peshmerga"


def test_abbreviation_defined_in_text_and_unknown_org(extract):
    art = extract("Fighters of the Northern Liberation Front (NLF) attacked an army convoy. "
                  "The army said NLF militants fled into the hills.")
    names = actor_names(art)
    assert "Northern Liberation Front" in names
    assert len(names["Northern Liberation Front"].mentions) >= 2


def test_in_article_alias_chain(extract):
    art = extract("The Allied Democratic Forces (ADF) attacked a village in Beni. "
                  "The militia burned houses before the army arrived.")
    burned = [m for e in art.events for m in e.mentions if m.trigger.text == "burned"]  # part of the attack
    assert burned and burned[0].actor1 == "Allied Democratic Forces" and burned[0].merged_by
    from tacitus.nlp import layers
    from tacitus.pipeline import default_pipeline

    doc = default_pipeline().nlp(art.text)
    draft = [e for e in layers.get(doc, "events") if e.trigger.text == "burned"]
    assert draft and draft[0].a1.method == "anaphor"


def test_descriptor_matches_a_named_group_later_in_the_article(extract):
    art = extract("Kurdish-led forces captured the town on Friday. "
                  "The Kurdish-led Syrian Democratic Forces said the fighting was over.")
    ev = events_of(art, "19")[0]
    assert ev.actor1.name == "Syrian Democratic Forces"
    assert ev.actor1.method == "descriptor_alias"


def test_person_with_title_and_affiliation(extract):
    art = extract("Brig. Gen. Amadou Keita, of the Malian army, said troops repelled the attack. "
                  "Keita added that the army had lost two soldiers.")
    p = actor_names(art)["Amadou Keita"]
    assert p.title == "Brig. Gen."
    assert p.country == "MLI"
    assert len(p.mentions) == 2


def test_apposition_affiliation(extract):
    art = extract("Nasser Haddad, an SDF spokesman, said the militia had freed the hostages.")
    p = actor_names(art)["Nasser Haddad"]
    assert p.affiliation == "Syrian Democratic Forces"
    assert p.cameo == "SYRREB"


def test_known_leader_dated_by_publication(extract):
    art = extract("Putin accused Kyiv of shelling civilians.", published="2023-03-01")
    ev = events_of(art, "11")[0]
    assert ev.actor1.cameo == "RUSGOV"
