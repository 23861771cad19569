"""The ontology tables are complete and consistent with one another."""

from tacitus.ontology import default_ontology, quad_class


def test_cameo_table_is_complete():
    onto = default_ontology()
    codes = onto.cameo
    assert len(codes) >= 290
    for root in [f"{i:02d}" for i in range(1, 21)]:
        assert root in codes, root
    for code in ("010", "0211", "057", "0874", "1124", "173", "183", "1831", "192", "195", "2042"):
        assert code in codes, code
    assert all(-10 <= g <= 10 for _, g in codes.values())


def test_quad_classes():
    assert quad_class("042") == 1
    assert quad_class("073") == 2
    assert quad_class("112") == 3
    assert quad_class("190") == 4


def test_every_code_maps_to_valid_plover_and_acled():
    onto = default_ontology()
    for code in onto.cameo:
        t = onto.event_type(code, 1, 2)
        assert t.plover is None or t.plover in onto.plover_types, (code, t.plover)
        if t.acled is not None:
            assert (t.acled, t.acled_sub) in onto.acled_types, (code, t.acled, t.acled_sub)


def test_acled_type_comes_from_the_decision_table():
    from tacitus.ontology.acled import default_rules

    rules = default_rules()
    assert rules.decide({"territory"}, set(), "nonstate", "state").acled_sub == "Non-state actor overtakes territory"
    assert rules.decide({"territory"}, set(), "state", "nonstate").acled_sub == "Government regains territory"
    assert rules.decide({"violence"}, set(), "nonstate", "civilians").acled == "Violence against civilians"
    assert rules.decide({"violence"}, {"mutual"}, "state", "nonstate").acled_sub == "Armed clash"
    assert rules.decide({"violence"}, {"air"}, "state", "civilians").acled_sub == "Air/drone strike"
    assert rules.decide({"violence"}, {"lethal"}, "state", "protesters").acled_sub == "Excessive force against protesters"
    assert rules.decide({"violence"}, set(), "state", "protesters").acled_sub == "Protest with intervention"
    assert rules.decide({"violence"}, {"mutual"}, "state", "protesters").swapped  # the rioters are ACLED's actor1
    onto = default_ontology()
    assert onto.event_type("042").acled is None  # ACLED does not code diplomatic visits
    assert onto.event_type("192", acled="Battles", acled_sub="Armed clash").acled_sub == "Armed clash"


def test_the_seed_types():
    onto = default_ontology()
    t = onto.event_type("192", 2, 2)
    assert (t.cameo_root, t.plover, t.plover_mode, t.goldstein, t.quad_class) == ("19", "COERCE", "seize", -9.5, 4)
