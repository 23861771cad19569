"""The article record matches the shared OUTPUT.md contract and round-trips through JSON."""

import dataclasses
import json

from tacitus import records

OUTPUT_FIELDS = ["schema", "id", "title", "url", "source", "published", "language", "events", "quotes", "places",
                 "actors", "dates", "counts", "citations", "tone", "errors"]
EVENT_FIELDS = ["id", "type", "actor1", "actor2", "date", "location", "fatalities", "injured", "arrested",
                "modality", "reported_by", "confidence", "evidence", "current", "salience", "mentions", "links"]
TYPE_FIELDS = ["cameo", "cameo_root", "cameo_label", "quad_class", "goldstein", "plover", "plover_mode", "acled",
               "acled_sub"]
ACTOR_FIELDS = ["text", "name", "country", "kind", "cameo", "acled_inter", "acled_name", "start", "end"]


def test_every_contract_field_is_present(extract):
    art = extract("Rebels attacked an army base in northern Mali on Monday.", published="2024-05-02")
    d = art.to_dict()
    assert d["schema"] == f"tacitus.article/{records.SCHEMA_VERSION}" == "tacitus.article/2"
    for f in OUTPUT_FIELDS:
        assert f in d, f
    assert d["events"], "the attack should be coded"
    ev = d["events"][0]
    for f in EVENT_FIELDS:
        assert f in ev, f
    for f in TYPE_FIELDS:
        assert f in ev["type"], f
    for f in ACTOR_FIELDS:
        assert f in ev["actor1"], f
    for f in ("text", "start", "end", "rule"):
        assert f in ev["evidence"], f


def test_round_trip_through_json(extract):
    art = extract("Police arrested 12 protesters in Nairobi on Tuesday, officials said.", published="2024-06-26")
    again = records.article_from_dict(json.loads(json.dumps(art.to_dict())))
    assert again == art
    assert isinstance(again.events[0].type, records.EventType)


def test_records_are_frozen():
    t = records.EventType(cameo="190")
    try:
        t.cameo = "191"
    except AttributeError:
        return
    raise AssertionError("records must be immutable")


def test_offsets_point_into_the_text(extract):
    text = "Israeli aircraft struck Hamas positions in Gaza. The army said the strikes hit rocket launchers."
    art = extract(text)
    for ev in art.events:
        for a in (ev.actor1, ev.actor2):
            if a:
                assert text[a.start:a.end] == a.text
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert text[ev.evidence.start:ev.evidence.end].strip() == ev.evidence.text
    for actor in art.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


def _plain(obj):
    """A record as JSON-able values, written the slow, obvious way."""
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [_plain(x) for x in obj]
    return obj


def test_to_dict_is_the_plain_conversion(extract):
    """The generated converters (nested records converted in place) give what a field-by-field
    conversion gives, for every kind of field an article has."""
    art = extract("Gunmen killed five villagers and wounded two in Kaduna on Monday, police said. "
                  '"We will find them," the governor said. Protesters later marched in Abuja.',
                  published="2024-06-26")
    assert art.events and art.places and art.quotes
    assert art.to_dict() == _plain(art)
    assert json.dumps(art.to_dict(), sort_keys=True) == json.dumps(_plain(art), sort_keys=True)
