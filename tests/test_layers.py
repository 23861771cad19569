"""The layer table: every stage declares what it reads and writes, the declarations are checked
while the stage runs, and layers survive a Doc's trip across processes."""

import pytest
from spacy.tokens import Doc

from tacitus import stages
from tacitus.nlp import layers
from tacitus.nlp.layer_types import ActorInfo, ActorKey, EventDraft, ResolvedPlace, RoleFiller, TextSpan
from tacitus.nlp.layers import LAYERS, LayerError, Stage
from tacitus.records import Place


def _stage_classes():
    return {name: stages.CLASSES[name] for name in stages.STAGES}


def test_every_stage_reads_only_what_an_earlier_stage_or_the_pipeline_wrote():
    written = {n for n, layer in LAYERS.items() if layer.writer == "pipeline"}
    for name, cls in _stage_classes().items():
        for r in cls.reads:
            if r in LAYERS:
                assert r in written, f"{name} reads {r!r}, which no earlier stage writes"
        for w in cls.writes:
            if w in LAYERS:
                assert LAYERS[w].writer == name, f"{name} writes {w!r}, owned by {LAYERS[w].writer}"
        written |= set(cls.writes)
    assert written >= set(LAYERS), f"layers nobody writes: {set(LAYERS) - written}"


def test_spacy_metadata_is_generated_from_the_declarations(pipe):
    for name, cls in _stage_classes().items():
        meta = pipe.nlp.get_pipe_meta(name)
        assert list(meta.requires) == layers.requires(cls.reads)
        assert list(meta.assigns) == layers.assigns(cls.writes)


def test_a_stage_that_reads_an_undeclared_layer_fails(pipe):
    class Sneaky(Stage):
        name = "sneaky"
        reads = ("meta",)
        writes = ()

        def run(self, doc):
            layers.get(doc, "places")
            return doc

    class Usurper(Stage):
        name = "usurper"
        writes = ("places",)

        def run(self, doc):
            layers.put(doc, "places", [])
            return doc

    class Scribbler(Stage):
        name = "scribbler"
        reads = ("places",)

        def run(self, doc):
            layers.put(doc, "places", [])  # read is declared, write is not
            return doc

    doc = pipe.nlp.make_doc("Nothing happened.")
    with pytest.raises(LayerError, match="sneaky reads layer 'places' without declaring it"):
        Sneaky()(doc)
    with pytest.raises(LayerError, match="scribbler writes layer 'places' without declaring it"):
        Scribbler()(doc)
    with pytest.raises(LayerError, match="belongs to tacitus_geocode"):
        Usurper()(doc)


def test_actor_keys_round_trip_their_labels():
    for label in ("country:SYR", "group:Islamic State", "person:Talal Sello", "local:Free Syrian Army",
                  "outlet:AFP", "raw:168 people", "agent:MIL:military", "SYR:MIL:military", "---:REB:rebel",
                  "SYR:GOV", "group:Harakat: a name with a colon"):
        assert ActorKey.parse(label).label == label
    assert ActorKey.parse("SYR:MIL:military") == ActorKey("force", "SYR", "MIL", "military")
    assert ActorKey.parse("---:REB:rebel").name is None
    assert ActorKey.parse("group:Hamas").named and not ActorKey.parse("country:ISR").named


def test_layers_survive_serialisation_of_the_doc(pipe):
    doc = pipe.nlp.make_doc("Rebels shelled Aleppo.")
    place = Place(text="Aleppo", name="Aleppo", country="SYR", admin1="SY-02", lat=36.2, lon=37.16,
                  geonameid=170063, precision="city", score=0.9, start=15, end=21, method="exact")
    draft = EventDraft(id="e1", trigger=TextSpan(7, 14, "shelled"), verb=TextSpan(7, 14), cameo="194", rule="r",
                       a1=RoleFiller("---:REB:rebel", "Rebels", 0, 6, "agent", 0), a2=None, modality="asserted",
                       reported_by=("a", "b"), confidence=0.8, sentence=TextSpan(0, 22), also=(TextSpan(1, 2, "x"),))
    layers.put(doc, "places", [ResolvedPlace(place, (2, 3))])
    layers.put(doc, "events", [draft])
    layers.put(doc, "actor_info", {"---:REB:rebel": ActorInfo("Rebels", "rebel", None, "---REB", 2, None, "REB")})
    back = Doc(pipe.nlp.vocab).from_bytes(doc.to_bytes())
    assert layers.get(back, "places") == [ResolvedPlace(place, (2, 3))]
    assert layers.get(back, "events") == [draft]
    assert layers.get(back, "actor_info")["---:REB:rebel"].acled_inter == 2


def test_the_children_table_lists_what_spacy_lists(pipe):
    from tacitus.nlp.tree import children

    doc = pipe.nlp("Gunmen who rode in on motorbikes opened fire on a market in the town, killing nine people "
                   "and wounding 14, the governor said on Tuesday. Police arrested two suspects.")
    assert any(children(t) for t in doc)
    for t in doc:
        assert children(t) == tuple(t.children)


def test_the_token_columns_hold_what_spacy_attributes_give(pipe):
    from tacitus.nlp import columns, sents

    doc = pipe.nlp("Zürich's MAYOR said: “We won't leave.”\n\nGunmen killed 12 villagers in Dayr az-Zawr on "
                   "Tuesday, per the U.N.  Residents fled.")
    assert columns.lower(doc) == [t.lower_ for t in doc]
    assert columns.text(doc) == [t.text for t in doc]
    assert columns.lemma(doc) == [t.lemma_ for t in doc]
    assert columns.lemma_lower(doc) == [t.lemma_.lower() for t in doc]
    assert columns.pos(doc) == [t.pos_ for t in doc]
    assert columns.dep(doc) == [t.dep_ for t in doc]
    assert columns.alpha(doc) == [t.is_alpha for t in doc]
    assert columns.punct(doc) == [t.is_punct for t in doc]
    assert sents.ents_of(doc) == doc.ents and sents.ents_of(doc) is sents.ents_of(doc)


def test_a_span_layer_reads_back_the_spans_it_was_given(pipe):
    from spacy.tokens import Span

    doc = pipe.nlp.make_doc("Rebels shelled Aleppo and Idlib.")
    spans = [Span(doc, 2, 3, label="city", kb_id="gazetteer"), Span(doc, 4, 5, label="city", kb_id="gazetteer")]
    layers.put(doc, "toponyms", spans)
    got = layers.get(doc, "toponyms")
    assert got == spans == list(doc.spans["tacitus_places"])
    assert [(s.label_, s.kb_id_) for s in got] == [("city", "gazetteer")] * 2
    got.pop()  # a reader's list is its own
    assert len(layers.get(doc, "toponyms")) == 2
