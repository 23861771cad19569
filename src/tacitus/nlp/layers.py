"""The layer table: every layer a stage leaves on a Doc, its type and the one stage that writes it.

Stages read and write layers only through `get` and `put`, which check that the running stage
declared the layer (`Stage.reads` / `Stage.writes`); the spaCy `requires`/`assigns` metadata and
the `Doc._` attributes are generated from this table, so the declarations cannot drift from the
code. Layer values are the frozen dataclasses of layer_types.py; they are registered with srsly's
msgpack so a Doc that crosses a process boundary (spaCy's n_process) keeps them."""

from __future__ import annotations

import contextvars
import dataclasses
from collections.abc import Iterable
from typing import Any, ClassVar

import srsly
from spacy.tokens import Doc

from .. import records
from ..frozen import frozen
from . import layer_types


@frozen
class Layer:
    name: str
    writer: str          # the stage that writes it ("pipeline": set before the stages run)
    what: str
    group: str | None = None  # for span layers: the Doc.spans key

    @property
    def attr(self) -> str:
        """The attribute string spaCy's requires/assigns metadata uses."""
        return "doc.spans" if self.group else f"doc._.{self.name}"


TABLE: tuple[Layer, ...] = (
    Layer("meta", "pipeline", "InputMeta: the input's id, title, publication date, url, source"),
    Layer("mentions", "tacitus_actors", "spans: dictionary matches (label = actor key, kb_id = how it matched)",
          group="tacitus_mentions"),
    Layer("actors", "tacitus_actors", "spans: noun phrases resolved to an actor (label = key, kb_id = method)",
          group="tacitus_actors"),
    Layer("actor_info", "tacitus_actors", "{actor key label: ActorInfo}"),
    Layer("focus_country", "tacitus_actors", "ISO3 of the article's most-mentioned country, or None"),
    Layer("toponyms", "tacitus_places", "spans: place names (label = kind hint, kb_id = detection rule)",
          group="tacitus_places"),
    Layer("places", "tacitus_geocode", "[ResolvedPlace] in text order"),
    Layer("dates", "tacitus_dates", "[ResolvedDate] in text order"),
    Layer("counts", "tacitus_counts", "[Toll]"),
    Layer("quotes", "tacitus_quotes", "[Quote] in text order"),
    Layer("citations", "tacitus_quotes", "[Citation] in text order"),
    Layer("tone", "tacitus_tone", "float: GDELT-style tone"),
    Layer("events", "tacitus_events", "[EventDraft] in text order"),
    Layer("event_context", "tacitus_context", "{event id: EventContext}: where and when"),
    Layer("event_tolls", "tacitus_tolls", "{event id: EventTolls}: killed, injured, arrested"),
    Layer("incidents", "tacitus_incidents", "[IncidentDraft]: the mentions merged into incidents, typed and named"),
    Layer("record", "tacitus_assemble", "the article record's JSON form"),
)
LAYERS: dict[str, Layer] = {x.name: x for x in TABLE}

# spaCy's own annotations a stage may require (not checked at run time: spaCy sets them)
SPACY_ATTRS = frozenset({"doc.ents", "doc.sents", "token.dep", "token.pos", "token.lemma", "token.tag",
                         "token.ent_type", "token.is_sent_start"})


class LayerError(RuntimeError):
    """A stage touched a layer it did not declare (a bug in tacitus, found by the tests)."""


_running: contextvars.ContextVar[Stage | None] = contextvars.ContextVar("tacitus_stage", default=None)


class Stage:
    """Base of the tacitus stages: declares the layers read and written; `run` does the work."""

    name: ClassVar[str]
    reads: ClassVar[tuple[str, ...]] = ()
    writes: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Doc) -> Doc:
        token = _running.set(self)
        try:
            return self.run(doc)
        finally:
            _running.reset(token)

    def run(self, doc: Doc) -> Doc:
        raise NotImplementedError(f"{type(self).__name__} defines no run()")


def _check(name: str, writing: bool) -> Layer:
    layer = LAYERS.get(name)
    if layer is None:
        raise LayerError(f"no layer named {name!r}")
    stage = _running.get()
    if stage is not None:
        if name not in stage.writes and (writing or name not in stage.reads):
            verb = "writes" if writing else "reads"
            raise LayerError(f"stage {stage.name} {verb} layer {name!r} without declaring it")
        if writing and layer.writer != stage.name:
            raise LayerError(f"layer {name!r} belongs to {layer.writer}, not {stage.name}")
    return layer


VALUES_KEY = "tacitus_layer_values"  # every layer's value as written, read back without spaCy's Doc._ and SpanGroup


def get(doc: Doc, name: str) -> Any:
    """A layer's value (a span layer: its list of spans; [] or None when not written)."""
    layer = _check(name, writing=False)
    kept = doc.user_data.get(VALUES_KEY)
    if kept is not None and name in kept:
        value = kept[name]
        return list(value) if layer.group else value
    if layer.group:
        return list(doc.spans[layer.group]) if layer.group in doc.spans else []
    return getattr(doc._, name)


def put(doc: Doc, name: str, value: Any) -> None:
    layer = _check(name, writing=True)
    if layer.group:
        value = tuple(value)
        doc.spans[layer.group] = list(value)
    else:
        setattr(doc._, name, value)
    doc.user_data.setdefault(VALUES_KEY, {})[name] = value


def requires(names: Iterable[str]) -> list[str]:
    """spaCy `requires` metadata for layer names and spaCy attributes."""
    return list(dict.fromkeys(LAYERS[n].attr if n in LAYERS else _spacy(n) for n in names))


def assigns(names: Iterable[str]) -> list[str]:
    return requires(names)


def _spacy(attr: str) -> str:
    if attr not in SPACY_ATTRS:
        raise LayerError(f"{attr!r} is neither a tacitus layer nor a known spaCy attribute")
    return attr


def register() -> None:
    """Declares the Doc._ attribute of every non-span layer (idempotent)."""
    for layer in TABLE:
        if not layer.group and not Doc.has_extension(layer.name):
            Doc.set_extension(layer.name, default=None)


# ---------------------------------------------------------------------- serialisation with the Doc
_TYPES: dict[str, type] = {cls.__name__: cls for mod in (layer_types, records) for cls in vars(mod).values()
                           if isinstance(cls, type) and dataclasses.is_dataclass(cls)
                           and cls.__module__ == mod.__name__}
_TUPLES: dict[type, frozenset[str]] = {}
TAG = "__tacitus__"


def _tuple_fields(cls: type) -> frozenset[str]:
    if cls not in _TUPLES:
        _TUPLES[cls] = frozenset(f.name for f in dataclasses.fields(cls)
                                 if str(f.type).startswith("tuple") or "tuple[" in str(f.type))
    return _TUPLES[cls]


def _encode(obj: Any, chain: Any = None) -> Any:
    cls = type(obj)
    if dataclasses.is_dataclass(obj) and _TYPES.get(cls.__name__) is cls:
        out = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        out[TAG] = cls.__name__
        return out
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and TAG in obj:
        cls = _TYPES[obj.pop(TAG)]
        tuples = _tuple_fields(cls)
        return cls(**{k: tuple(v) if k in tuples and isinstance(v, list) else v for k, v in obj.items()})
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("tacitus_layers", func=_encode)
srsly.msgpack_decoders.register("tacitus_layers", func=_decode)
