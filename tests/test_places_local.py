"""Local places in short conflict notes: villages and districts the gazetteer has only as unranked
localities, areas that are written but unknown, a mission that names its country, a facility named
after a faraway place, a name on a line of its own. Every sentence here is written for these tests."""


def places(art, text):
    return [p for p in art.places if p.text == text]


def test_an_unknown_stated_area_rules_nothing_out(extract):
    """'Zona 4' resolves to nothing certain, so it cannot veto the city written before it."""
    art = extract("Riot police scattered a crowd of street vendors in Guatemala City, in Zona 4, on Monday.")
    city = places(art, "Guatemala City")[0]
    assert city.country == "GTM" and city.lat is not None


def test_a_village_after_near_whose_namesakes_lie_in_one_country(extract):
    art = extract("Unknown gunmen killed a farmer near Zibane on Sunday.")
    zibane = places(art, "Zibane")[0]
    assert zibane.country == "NER" and "one_country" in zibane.method
    assert art.events and art.events[0].location.name == "Zibane"


def test_a_subdivision_is_a_district_word(extract):
    art = extract("Fighters looted shops in Amchide, a village in Kolofata subdivision, on Monday.")
    kolofata = places(art, "Kolofata")[0]
    assert kolofata.country == "CMR" and kolofata.lat is not None


def test_a_lone_village_name_is_no_guess_when_the_article_is_elsewhere(extract):
    """The gazetteer's only Songho is in Congo; the brackets put this one in Mali."""
    art = extract("On Friday militants destroyed the bridge at Songho, Doucoumbo commune (Bandiagara, Mopti).")
    assert all(p.lat is None for p in places(art, "Songho"))
    assert art.events[0].location.country == "MLI"


def test_a_cemetery_named_after_a_faraway_city(extract):
    art = extract("In Tegucigalpa, families protested on Sunday at Los Angeles cemetery against new burial fees.")
    assert not [p for p in art.places if p.country == "USA"]
    assert art.events[0].location.name == "Tegucigalpa"


def test_a_monitoring_mission_names_its_country(extract):
    art = extract("The OSCE SMM recorded 12 explosions near Opytne on Tuesday.")
    opytne = places(art, "Opytne")[0]
    assert opytne.country == "UKR" and "country_sentence" in opytne.method


def test_a_city_at_the_end_of_an_organisation_name(extract):
    art = extract("Pensioners rallied outside the Ministry of Finance in Kyiv on Friday.")
    assert places(art, "Kyiv")[0].country == "UKR"
    assert art.events[0].location.name == "Kyiv"


def test_a_city_named_like_its_region_is_the_city(extract):
    art = extract("Some 50 residents rallied in Vitebsk on Saturday against a new factory.")
    assert places(art, "Vitebsk")[0].precision == "city"


def test_a_line_that_is_only_a_place_name(extract):
    art = extract("Gunmen fire on a bus carrying engineers, wounding five\n\nDalbandin")
    dalbandin = places(art, "Dalbandin")[0]
    assert dalbandin.country == "PAK" and "gazetteer:line" in dalbandin.method
    assert art.events[0].location.name == "Dalbandin"


def test_a_region_word_asks_for_the_region_not_its_district(extract):
    art = extract("An air strike hit a busy market in the town of Ye-U in the central Sagaing region on Saturday, "
                  "killing 20 people.")
    assert places(art, "Sagaing")[0].precision == "admin1"
    ye_u = places(art, "Ye-U")[0]
    assert ye_u.country == "MMR" and ye_u.lat is not None
    assert art.events[0].location.text == "Ye-U"


def test_a_region_and_a_town_in_its_sentence(extract):
    art = extract("In the neighbouring Magway region, soldiers burned more than 100 houses in villages outside the "
                  "town of Yesagyo on Sunday.")
    magway = places(art, "Magway")[0]
    assert magway.name == "Magway" and magway.admin1 == "MM-03"
    assert art.events[0].location.name == "Yesagyo"


def test_areas_written_as_local_reports_write_them(extract):
    """Spellings of first-level areas the ISO names lack (geo/admin1_aliases.tsv)."""
    art = extract("Farmers protested in Brasilia, Distrito Federal, against the new tax.")
    assert places(art, "Brasilia")[0].country == "BRA"
    assert places(art, "Distrito Federal")[0].admin1 == "BR-DF"
    art = extract("Nurses protested in Providencia, Metropolitana, over unpaid wages.")
    assert places(art, "Providencia")[0].country == "CHL"


def test_a_district_of_a_city_is_no_kind_hint_for_the_city(extract):
    art = extract("On 3 June 2021, vandals set fire to a kiosk in Holosiivskyi district of Kyiv.")
    kyiv = places(art, "Kyiv")[0]
    assert kyiv.precision == "city" and kyiv.country == "UKR"


def test_the_last_name_in_the_brackets_holds_the_place(extract):
    """'Buk (Damboa LGA, Borno)': no Buk of the gazetteer lies in Borno, so none is taken."""
    art = extract("On 4 June 2021, soldiers shelled fighters in Buk (Damboa LGA, Borno), killing twelve.")
    assert all(p.lat is None for p in places(art, "Buk"))
    assert art.events[0].location.country == "NGA"


def test_a_kind_word_between_a_place_and_its_area(extract):
    art = extract("On 4 June 2021, villagers stoned a clinic at Thor village, Thies subdivision "
                  "(Keur Moussa, Thies).")
    assert not [p for p in art.places if p.country == "FRA"]
    assert art.events[0].location.country == "SEN"


def test_brackets_after_a_town_chain_every_name(extract):
    art = extract("On 4 June 2021, soldiers beat back raiders who hit Ndaba, a quarter of Kolofata town "
                  "(Mayo-Sava, Extreme-Nord).")
    assert places(art, "Extreme-Nord")[0].admin1 == "CM-EN"
    kolofata = places(art, "Kolofata")[0]
    assert kolofata.country == "CMR" and art.events[0].location.name == "Kolofata"


def test_a_district_word_after_a_name_the_ner_missed(extract):
    art = extract("On 30 April 2021, jets bombed a camp of fighters at Parisu (Abadam LGA, Borno), killing several.")
    abadam = places(art, "Abadam")[0]
    assert abadam.country == "NGA" and abadam.precision == "admin2"
    assert art.events[0].location.text == "Abadam"


def test_the_brackets_after_an_unknown_village_still_place_the_event(extract):
    """The village is in no gazetteer; the territory and the province in its brackets are."""
    art = extract("On 5 June 2021, a militia leader beat up a farmer in Lumbishi (Kalehe, Sud-Kivu).")
    kalehe = places(art, "Kalehe")[0]
    assert kalehe.country == "COD" and kalehe.admin1 == "CD-SK"
    assert art.events[0].location.text == "Kalehe"
