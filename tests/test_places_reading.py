"""How a careful coder reads a place in full-length reporting: distance phrases, stated areas,
districts of a city, organisations and facilities named after places, neighbours, 'the town'.
Every sentence here is written for these tests."""

from conftest import events_of
from tacitus.geo.distance import km


def places(art, text):
    return [p for p in art.places if p.text == text]


def event(art, trigger):
    hits = [e for e in art.events if e.trigger.text == trigger or trigger in (e.evidence.text or "")[:60]]
    assert hits, [(e.trigger.text, e.evidence.text[:40]) for e in art.events]
    return hits[0]


def near(loc, lat, lon, limit=25.0):
    return loc is not None and loc.lat is not None and km(loc.lat, loc.lon, lat, lon) <= limit


def test_a_distance_from_a_town_puts_the_event_there_though_a_person_bears_its_name(extract):
    art = extract("BAMAKO, Mali (AP) — Gunmen raided the market of the town of Djibo on Friday, said Ali Djibo, a "
                  "trader.\n\nThe army said air force drones had struck a column of fighters on Saturday about 40 "
                  "kilometers (25 miles) from Djibo.", published="2024-05-28")
    djibo = places(art, "Djibo")
    assert len(djibo) == 2 and all(p.country == "BFA" for p in djibo)
    loc = event(art, "struck").location
    assert loc.name == "Djibo" and "relative:40 km from" in loc.method


def test_a_town_written_with_its_article_joined_and_its_county(extract):
    art = extract("Kenyan police said an explosive device hit a lorry on Tuesday near Elwak, in Mandera county.")
    elwak = places(art, "Elwak")[0]
    assert (elwak.name, elwak.country, elwak.admin1) == ("El Wak", "KEN", "KE-24")
    assert event(art, "hit").location.text == "Elwak"


def test_a_district_of_the_city_named_in_the_paragraph(extract):
    art = extract("Protests spread through Kinshasa, the capital, on Monday. Crowds burned tyres outside the "
                  "foreign ministry in the Gombe district, police said.", published="2024-02-13")
    assert not [p for p in places(art, "Gombe") if p.country == "NGA"]
    loc = event(art, "burned").location
    assert loc.name == "Kinshasa"


def test_a_spelling_variant_outside_the_stated_area_loses(extract):
    art = extract("Bandits kidnapped 20 farmers from the village of Kasuwar Daji in Kaura Namoda local government "
                  "area of Zamfara state on Sunday, Nigerian police said.", published="2024-07-02")
    for p in places(art, "Kasuwar Daji"):
        assert p.lat is None or p.admin1 == "NG-ZA"
    assert near(event(art, "kidnapped").location, 12.59, 6.59, 100)


def test_an_organisation_named_like_a_place_is_no_place(extract):
    art = extract("Troops came under fire near the border, the Defense Department said, and the Interior Ministry "
                  "confirmed it.")
    assert not [p for p in art.places if p.text in ("Defense", "Interior")]


def test_the_city_is_the_city_the_text_is_about_not_the_dateline(extract):
    art = extract("MEXICO CITY (AP) — Gunmen killed five people at a bar in Culiacán on Friday, prosecutors said.\n\n"
                  "On Saturday, thousands of residents marched in the city to demand an end to the killings.",
                  published="2024-10-22")
    loc = [e for e in events_of(art) if "marched" in e.evidence.text][0].location
    assert loc.name == "Culiacán" and loc.method == "clause:anaphor"


def test_a_part_of_a_city_lies_in_the_city(extract):
    art = extract("On Tuesday, police arrested the opposition lawyer Grace Wambui at her office in Nairobi's "
                  "Kilimani area, Kenyan media said. Her colleagues gathered outside the Kilimani police station.",
                  published="2025-07-09")
    assert all(p.lat is None or near(p, -1.29, 36.78, 30) for p in places(art, "Kilimani"))
    assert near(event(art, "gathered").location, -1.29, 36.82)


def test_a_facility_named_after_a_place_abroad_is_weak_evidence(extract):
    art = extract("MOGADISHU, Somalia (AP) — A car bomb killed six people in Mogadishu on Friday, police said. "
                  "At Madina hospital, doctors treated dozens of wounded.", published="2024-03-19")
    assert not [p for p in places(art, "Madina") if p.country == "SAU"]


def test_the_clause_is_about_its_subject_not_the_landmark_of_its_distance(extract):
    art = extract("Bama, about 70 kilometres (45 miles) southeast of the state capital Maiduguri, was overrun "
                  "by militants in 2014, Nigerian officials said.", published="2024-07-02")
    assert events_of(art)[0].location.text == "Bama"


def test_near_the_border_with_a_province_names_a_neighbour(extract):
    art = extract("On Friday, warplanes bombed the outskirts of Jisr al-Shughur, near the border with Latakia "
                  "province, the Syrian Observatory said.", published="2024-06-11")
    loc = event(art, "bombed").location
    assert loc.text == "Jisr al-Shughur" and loc.country == "SYR"
    assert "+neighbour" in places(art, "Latakia")[0].method


def test_the_town_in_the_sentence_over_the_province_it_heads(extract):
    art = extract("On Thursday, gunmen opened fire at the cattle market in Sebba, the capital of Yagha province, "
                  "killing nine people in Burkina Faso.", published="2024-05-28")
    loc = event(art, "opened").location
    assert loc.text == "Sebba" and loc.precision == "city"


def test_a_village_near_a_town_in_its_territory(extract):
    art = extract("Rebels killed 14 civilians in an attack on a village near Oicha, in Beni territory, in eastern "
                  "Congo on Wednesday, the army said.", published="2024-02-13")
    assert near(event(art, "killed").location, 0.70, 29.52, 15)


def test_a_town_named_like_a_country_in_its_state(extract):
    art = extract("Mexican troops killed six gunmen in a shootout near the town of Costa Rica, south of the "
                  "Sinaloa state capital, Culiacán, the army said.", published="2024-10-22")
    loc = event(art, "killed").location
    assert loc.text == "Costa Rica" and loc.country == "MEX"
    assert "relative:south of" in places(art, "Culiacán")[0].method


def test_st_petersburg_in_a_russia_article(extract):
    art = extract("Ukrainian drones attacked an oil terminal in Russia on Sunday.\n\nIn St. Petersburg, the "
                  "airport was closed for two hours, the city's governor said.", published="2024-11-05")
    assert places(art, "St. Petersburg")[0].country == "RUS"


def test_where_a_group_is_based_is_a_place_but_not_the_events(extract):
    art = extract("The Britain-based Syrian Observatory for Human Rights said five people were killed in the "
                  "Iran-backed militia's attack in Syria.", published="2024-06-11")
    assert places(art, "Britain")[0].country == "GBR" and "+based" in places(art, "Britain")[0].method
    assert not places(art, "Iran")
    assert all(e.location is None or e.location.country != "GBR" for e in art.events)


def test_an_incident_known_only_to_a_province_is_put_at_its_seat(extract):
    """ACLED's geo-precision 3: the provincial capital; the place mention keeps the area's centre."""
    art = extract("Gunmen abducted 12 traders from a market in Katsina state on Monday, police said.",
                  published="2024-03-08")
    loc = event(art, "abducted").location
    assert loc.precision == "admin1" and loc.method.endswith("+seat")
    assert near(loc, 12.99, 7.60, 15)  # Katsina, the state's capital
    area = places(art, "Katsina")[0]
    assert (area.lat, area.lon) != (loc.lat, loc.lon)
