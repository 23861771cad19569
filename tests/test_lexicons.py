"""The knowledge files load, cover what users expect, and stay well-formed."""

import pycountry

from tacitus.lexicons.actors import ActorDictionary
from tacitus.lexicons.triggers import load_lexicon

EXTRA_CODES = {"KSV", "PSE", "ESH"}


def test_named_groups_cover_the_major_conflict_actors():
    d = ActorDictionary()
    groups = {e.name: e for e in d.entries.values() if e.etype == "group"}
    assert len(groups) >= 300
    surfaces = {s.text: s.entry_id for s in d.surfaces}
    for alias, name in [("ISIS", "Islamic State"), ("ISIL", "Islamic State"), ("Daesh", "Islamic State"),
                        ("SDF", "Syrian Democratic Forces"), ("YPG", "People's Protection Units"),
                        ("HTS", "Hay'at Tahrir al-Sham"), ("Taliban", "Taliban"), ("al-Shabaab", "Al-Shabaab"),
                        ("Boko Haram", "Boko Haram"), ("Ansar Allah", "Houthis"), ("Hezbollah", "Hezbollah"),
                        ("Hamas", "Hamas"), ("PKK", "Kurdistan Workers' Party"), ("Wagner", "Wagner Group"),
                        ("UN", "United Nations"), ("NATO", "NATO"), ("EU", "European Union"),
                        ("AU", "African Union")]:
        assert surfaces.get(alias) == f"group:{name}", alias
    for g in groups.values():
        assert g.kind, g.name
        assert g.country is None or g.country in EXTRA_CODES or pycountry.countries.get(alpha_3=g.country), g.name
        assert g.acled_inter in (1, 2, 3, 4, 5, 6, 7, 8), g.name
        assert g.sector, g.name


def test_countries_demonyms_and_capitals():
    d = ActorDictionary()
    surfaces = {(s.text, s.how): s.entry_id for s in d.surfaces}
    assert surfaces[("Syrian", "demonym")] == "country:SYR"
    assert surfaces[("U.S.", "name")] == "country:USA"
    assert surfaces[("Damascus", "capital")] == "country:SYR"
    assert surfaces[("Kyiv", "capital")] == "country:UKR" or surfaces.get(("Kiev", "capital")) == "country:UKR"


def test_trigger_codes_exist_in_cameo():
    from tacitus.ontology import default_ontology

    codes = default_ontology().cameo
    lex = load_lexicon()
    for rules in lex.rules.values():
        for r in rules:
            assert r.cameo in codes or r.cameo == "-", r.name  # '-': a word sense that is no event
            assert r.role in ("a1", "a2"), r.name
    for _, _, _, cameo in lex.embedding:
        assert cameo in codes


def test_user_lexicon_folder_extends_the_packaged_one(tmp_path):
    (tmp_path / "groups.tsv").write_text(
        "name\taliases\tkind\tcountry\tcameo\tacled_inter\tplover_sector\tacled_name\n"
        "Northern Hawks\tHawks Brigade\trebel\tMLI\tMLIREBNHK\t2\tREB\tNorthern Hawks\n", encoding="utf-8")
    d = ActorDictionary([str(tmp_path)])
    assert any(s.text == "Hawks Brigade" for s in d.surfaces)
