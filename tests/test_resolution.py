"""Whole-document toponym resolution (stages/resolution.py) on hand-built mentions and candidates:
no parser, no gazetteer file."""

from tacitus.geo.gazetteer import Candidate
from tacitus.stages.resolution import Mention, holds, resolve


def cand(name, country, kind="city", pop=10_000, admin1=None, lat=0.0, lon=0.0, how="name"):
    return Candidate(None, name, country, admin1, lat, lon, kind, pop, how)


PARIS_FR = cand("Paris", "FRA", pop=2_100_000, admin1="FR-IDF", lat=48.85, lon=2.35)
PARIS_TX = cand("Paris", "USA", pop=25_000, admin1="US-TX", lat=33.66, lon=-95.56)
TEXAS = cand("Texas", "USA", "admin1", 25_000_000, "US-TX", 31.25, -99.25)
FRANCE = cand("France", "FRA", "country", 67_000_000, None, 46.0, 2.0)
GEORGIA_C = cand("Georgia", "GEO", "country", 3_700_000, None, 42.0, 43.5)
GEORGIA_S = cand("Georgia", "USA", "admin1", 10_000_000, "US-GA", 32.75, -83.5)
ATLANTA = cand("Atlanta", "USA", pop=500_000, admin1="US-GA", lat=33.75, lon=-84.39)


def m(text, cands, **kw):
    return Mention(text=text, hint=kw.pop("hint", "any"), rule="ner", how="exact", candidates=list(cands), **kw)


def test_population_decides_without_context():
    (best, share, steps), = resolve([m("Paris", [PARIS_FR, PARIS_TX])])
    assert best is PARIS_FR and steps == ["population"] and 0.5 < share <= 1


def test_the_area_written_after_a_place_holds_it():
    ms = [m("Paris", [PARIS_FR, PARIS_TX], container=1), m("Texas", [TEXAS])]
    (paris, _, steps), (texas, _, tsteps) = resolve(ms)
    assert paris is PARIS_TX and "containment" in steps
    assert texas is TEXAS and "contains" in tsteps


def test_a_place_before_an_area_chooses_the_area():
    """'Atlanta, Georgia': the US state, not the country."""
    ms = [m("Atlanta", [ATLANTA], container=1), m("Georgia", [GEORGIA_C, GEORGIA_S])]
    assert resolve(ms)[1][0] is GEORGIA_S


def test_a_list_is_no_containment():
    """'France, Texas and ...': siblings, neither holds the other, and neither is dropped."""
    ms = [m("France", [FRANCE], container=1), m("Texas", [TEXAS])]
    got = resolve(ms)
    assert got[0][0] is FRANCE and got[1][0] is TEXAS


def test_no_candidate_in_the_named_area_leaves_it_unresolved():
    jones_ga = cand("Jones County", "USA", "admin2", 28_000, "US-GA", 33.0, -83.5)
    best, _, steps = resolve([m("Jones County", [jones_ga], container=1), m("Texas", [TEXAS])])[0]
    assert best is None and steps == ["not_in_named_area"]


def test_a_bracketed_area_abroad_leaves_it_unresolved():
    malabo = cand("Malabo", "GNQ", pop=300_000, how="alt", lat=3.75, lon=8.78)
    irumu = cand("Irumu", "COD", pop=10_000, lat=1.45, lon=29.87)
    best, _, _ = resolve([m("Marabo", [malabo], container=1, bracketed=True), m("Irumu", [irumu])])[0]
    assert best is None


def test_weak_localities_stay_unresolved_unless_the_text_points_at_them():
    village = cand("Kampungu", "COD", "locality", 0, None, -5.0, 22.0)
    best, _, steps = resolve([m("Kampungu", [village])])[0]
    assert best is None and steps == ["weak"]
    best, _, steps = resolve([m("Kampungu", [village], sentence_countries={"COD"})])[0]
    assert best is village and "country_sentence" in steps


def test_countries_named_in_the_sentence_outweigh_the_article():
    alex_eg = cand("Alexandria", "EGY", pop=4_500_000, admin1="EG-ALX", lat=31.2, lon=29.9)
    alex_va = cand("Alexandria", "USA", pop=150_000, admin1="US-VA", lat=38.8, lon=-77.05)
    best, _, steps = resolve([m("Alexandria", [alex_eg, alex_va], sentence_countries={"USA"},
                                article_countries={"EGY"})])[0]
    assert best is alex_va and "country_sentence" in steps


def test_one_reading_per_name_unless_its_sentence_says_otherwise():
    trip_ly = cand("Tripoli", "LBY", pop=1_300_000, admin1="LY-TB", lat=32.9, lon=13.2)
    trip_lb = cand("Tripoli", "LBN", pop=230_000, admin1="LB-AS", lat=34.4, lon=35.8)
    ms = [m("Tripoli", [trip_ly, trip_lb], sentence_countries={"LBY"}), m("Tripoli", [trip_ly, trip_lb]),
          m("Tripoli", [trip_ly, trip_lb], sentence_countries={"LBN"})]
    got = [b for b, _, _ in resolve(ms)]
    assert got == [trip_ly, trip_ly, trip_lb]


def test_nearness_to_the_articles_other_places():
    chatham_il = cand("Chatham", "USA", pop=12_000, admin1="US-IL", lat=39.68, lon=-89.70)
    chatham_uk = cand("Chatham", "GBR", pop=80_000, admin1="GB-ENG", lat=51.38, lon=0.53)
    springfield = cand("Springfield", "USA", pop=115_000, admin1="US-IL", lat=39.80, lon=-89.64)
    best, _, steps = resolve([m("Chatham", [chatham_il, chatham_uk]), m("Springfield", [springfield])])[0]
    assert best is chatham_il and "nearby" in steps


def test_a_province_yields_to_its_namesake_city():
    raqqa_gov = cand("Ar Raqqah", "SYR", "admin1", 900_000, "SY-RA", 35.9, 38.9)
    raqqa = cand("Ar Raqqah", "SYR", pop=177_000, admin1="SY-RA", lat=35.95, lon=39.01)
    assert resolve([m("Raqqa", [raqqa_gov, raqqa])])[0][0] is raqqa
    assert resolve([m("Raqqa", [raqqa_gov, raqqa], hint="admin1")])[0][0] is raqqa_gov


def test_holds():
    assert holds(TEXAS, PARIS_TX) and not holds(TEXAS, PARIS_FR)
    assert holds(FRANCE, PARIS_FR) and not holds(FRANCE, FRANCE)
    assert not holds(TEXAS, GEORGIA_S)  # an area never holds another of its rank


def test_a_stated_area_too_weak_to_place_rules_nothing_out():
    """'Guatemala City, in Zona 4': the unranked 'Zona' namesakes resolve to nothing, so the city stands."""
    city = cand("Guatemala City", "GTM", pop=1_000_000, admin1="GT-01", lat=14.64, lon=-90.51)
    zona = [cand("La Zona", cc, "locality", 0, None, lat, 0.0) for cc, lat in (("COL", 5.0), ("HND", 15.0))]
    (best, _, _), (area, _, steps) = resolve([m("Guatemala City", [city], container=1, stated=True),
                                              m("Zona", zona)])
    assert best is city and area is None and steps == ["weak"]


def test_a_village_whose_namesakes_lie_in_one_country():
    village = cand("Zibane", "NER", "locality", 0, "NE-6", 14.5, 1.3)
    best, _, steps = resolve([m("Zibane", [village], hint="city")])[0]
    assert best is village and "one_country" in steps
    best, _, _ = resolve([m("Zibane", [village])])[0]
    assert best is None  # nothing in the text says it is a place
    best, _, _ = resolve([m("Zibane", [village], hint="city", article_countries={"MLI"})])[0]
    assert best is None  # the article is about another country
    twin = cand("Zibane", "MLI", "locality", 0, None, 14.0, -3.0)
    assert resolve([m("Zibane", [village, twin], hint="city")])[0][0] is None


def test_a_city_held_by_an_area_whose_code_the_data_lack():
    """Areas and cities whose first-level codes are not ISO codes ('UA.12') are judged by distance."""
    donetsk = cand("Donetska oblast", "UKR", "admin1", 4_000_000, "UA-14", 48.0, 37.8)
    town = cand("Town", "UKR", pop=5_000, admin1="UA.05", lat=48.2, lon=37.6)
    far = cand("Town", "UKR", pop=5_000, admin1="UA.30", lat=50.4, lon=30.5)
    assert holds(donetsk, town) and not holds(donetsk, far)


def test_the_area_written_after_a_place_is_the_area_not_its_namesake_city():
    """'Novo, Donetsk', Novo 150 km from the city: the oblast holds it; alone, 'Donetsk' is the city."""
    oblast = cand("Donetska oblast", "UKR", "admin1", 4_000_000, "UA-14", 48.0, 37.8)
    city = cand("Donetsk", "UKR", pop=1_000_000, admin1="UA-14", lat=48.0, lon=37.8)
    novo = cand("Novo", "UKR", pop=3_000, admin1="UA.05", lat=47.1, lon=36.4)
    got = resolve([m("Novo", [novo], container=1), m("Donetsk", [oblast, city])])
    assert got[1][0] is oblast
    assert resolve([m("Donetsk", [oblast, city])])[0][0] is city
