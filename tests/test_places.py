"""Toponyms, geocoding with context, and where each event happened (articles written for tests)."""

from conftest import events_of


def place(art, text):
    hits = [p for p in art.places if p.text == text]
    assert hits, [(p.text, p.name) for p in art.places]
    return hits[0]


def test_country_context_disambiguates(extract):
    art = extract("Shelling hit Alexandria on Monday, officials in Egypt said. Residents of Alexandria fled.")
    assert place(art, "Alexandria").country == "EGY"
    art = extract("Police in Virginia said a man was arrested in Alexandria, Virginia.")
    assert [p for p in art.places if p.text == "Alexandria"][0].country == "USA"


def test_province_and_city_patterns(extract):
    art = extract("Fighting spread to Anbar province and the city of Ramadi, Iraqi officials said.")
    anbar = place(art, "Anbar")
    assert (anbar.admin1, anbar.precision) == ("IQ-AN", "admin1")
    assert "kind_hint" in anbar.method
    assert place(art, "Ramadi").precision == "city"


def test_relative_phrases_lower_the_precision(extract):
    art = extract("Gunmen attacked a convoy 30 km south of Kandahar in Afghanistan.")
    k = place(art, "Kandahar")
    assert k.country == "AFG"
    assert k.precision == "admin2" and "relative" in k.method


def test_capital_standing_for_government_is_not_a_place(extract):
    art = extract("Washington accused Moscow of violating the treaty.")
    assert not [p for p in art.places if p.text in ("Washington", "Moscow")]


def test_offsets_and_fields(extract):
    text = "Houthi rebels attacked Marib, Yemen, on Tuesday."
    art = extract(text)
    for p in art.places:
        assert text[p.start:p.end] == p.text
        assert p.lat is not None and p.precision and p.method and 0 < p.score <= 1
    assert place(art, "Marib").country == "YEM"


def test_unresolvable_place_keeps_the_others(extract):
    art = extract("Clashes erupted in Qwertzistan village and in Mosul, Iraq, on Friday.")
    assert place(art, "Mosul").country == "IRQ"


def test_event_location_from_the_clause(extract):
    art = extract("Syrian government forces shelled Saraqeb in Idlib province on Monday, "
                  "while talks went on in Geneva.")
    ev = [e for e in events_of(art, "19") if e.trigger.text == "shelled"][0]
    assert ev.location.country == "SYR"
    assert ev.location.method == "clause"
    assert ev.location.name != "Geneva"


def test_event_location_falls_back_to_the_dateline(extract):
    art = extract("MOGADISHU, Somalia — Al-Shabaab militants attacked a military base. "
                  "The army said the attackers were repelled.")
    ev = events_of(art, "19")[0]
    assert ev.location.name == "Mogadishu"
    assert ev.location.method in ("clause", "sentence", "article_focus:dateline")


def test_event_in_captured_place(extract):
    art = extract("M23 rebels captured Goma on Monday.")
    ev = events_of(art, "19")[0]
    assert (ev.location.country, ev.location.method) == ("COD", "clause")
