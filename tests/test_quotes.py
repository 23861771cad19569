"""Quotes with speakers, cues and outlets; citations; tone (articles written for these tests)."""

from conftest import events_of


def direct(art):
    return [q for q in art.quotes if q.direct]


def test_curly_quote_told_outlet(extract):
    art = extract("Col. Amina Diallo, a spokeswoman for the Malian army, spoke after the raid.\n\n"
                  "“Our troops have secured the town of Gao,” Diallo told AFP.")
    q = direct(art)[0]
    assert q.text.startswith("Our troops have secured")
    assert (q.cue, q.via) == ("tell", "AFP")
    assert q.speaker.name == "Amina Diallo" and q.speaker.title == "Col."
    assert q.speaker.name not in ("AFP",)
    assert art.text[q.start:q.end] == q.text


def test_straight_quotes_and_inverted_said(extract):
    art = extract('"We will not leave until our demands are met," said Peter Otieno, a union leader.')
    q = direct(art)[0]
    assert q.speaker.name == "Peter Otieno" and q.cue == "say"


def test_split_quote_is_one_quote(extract):
    art = extract("“The ceasefire is holding,” the envoy Jan Novak said, “but the next days will decide.”")
    qs = direct(art)
    assert len(qs) == 1 and "next days" in qs[0].text and "ceasefire" in qs[0].text


def test_quote_with_apostrophe_inside(extract):
    art = extract("“ISIS’ last fighters have surrendered and the city is ours,” said Gen. Omar Haddad.")
    q = direct(art)[0]
    assert "ISIS’ last fighters" in q.text and q.speaker.name == "Omar Haddad"


def test_quote_over_paragraphs(extract):
    art = extract("Rebel commander Joseph Kabamba said: “We took the hill at dawn.\n\n“We will hold it as long as "
                  "it takes,” he added.")
    q = direct(art)[0]
    assert "hold it" in q.text and "took the hill" in q.text


def test_scare_quotes_are_not_speech(extract):
    art = extract("The group's so-called “caliphate” collapsed in 2019.")
    assert direct(art) == []


def test_indirect_speech_and_surname(extract):
    art = extract("Brig. Gen. Talal Hamid of the Syrian Democratic Forces spoke in Raqqa. "
                  "Hamid said Tuesday that his fighters were clearing mines.", published="2017-10-17")
    ind = [q for q in art.quotes if not q.direct]
    assert ind and ind[0].speaker.name == "Talal Hamid" and ind[0].speaker.affiliation == "Syrian Democratic Forces"
    assert "clearing mines" in ind[0].text


def test_according_to_and_citations(extract):
    art = extract("Eight people were killed in an air strike, according to the Syrian Observatory for Human Rights. "
                  "Reuters reported that the strike hit a market. Rebels told AFP the town was quiet.")
    sources = {c.source for c in art.citations}
    assert {"Reuters", "AFP"} <= sources
    assert any("Syrian Observatory" in s for s in sources)
    assert not any(q.speaker and q.speaker.name in ("Reuters", "AFP") for q in art.quotes)


def test_reported_by_on_events(extract):
    art = extract("The army said rebels attacked a checkpoint near Kidal, Mali.")
    ev = events_of(art, "19")[0]
    assert ev.reported_by


def test_tone_is_negative_for_violence_and_positive_for_peace(extract):
    bad = extract("Militants killed and wounded dozens in a brutal attack that terrified the city.").tone
    good = extract("Leaders celebrated a historic peace agreement and praised the hope it brings.").tone
    assert bad < 0 < good
