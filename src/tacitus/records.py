"""The output records: what `tacitus extract` writes, as frozen dataclasses.

These definitions are the single source of the article record's shape (see docs/schema.md and the
shared OUTPUT.md contract). JSON, and later Arrow/DuckDB schemas, derive from them; nothing else
restates the field list. Offsets are character offsets into `Article.text`, end exclusive.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import field
from typing import Any

from .frozen import frozen

SCHEMA = "tacitus.article/2"
SCHEMA_VERSION = 2  # 2: events are incidents (mentions, current, salience, links), UCDP actor names


@frozen
class Evidence:
    """Why a field was coded: the sentence, its offsets and the rule or lexicon entry that fired."""

    text: str
    start: int
    end: int
    rule: str


@frozen
class Span:
    """A stretch of article text."""

    text: str
    start: int
    end: int


@frozen
class EventType:
    """One event type in the three ontologies at once; CAMEO codes are strings (leading zeros)."""

    cameo: str | None = None
    cameo_root: str | None = None
    cameo_label: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: str | None = None
    plover_mode: str | None = None
    acled: str | None = None
    acled_sub: str | None = None
    ucdp_violence: int | None = None  # UCDP type of violence: 1 state-based, 2 non-state, 3 one-sided
    acled_rule: str | None = None     # the row of ontology/acled_rules.tsv that decided the ACLED type


@frozen
class ActorRef:
    """An actor in an event role: the words used, and who they resolve to."""

    text: str
    name: str | None
    country: str | None
    kind: str | None
    cameo: str | None
    acled_inter: int | None
    acled_name: str | None
    start: int
    end: int
    sector: str | None = None
    method: str | None = None
    ucdp_name: str | None = None   # UCDP's naming: "Government of Syria", "IS"


@frozen
class DateRef:
    text: str | None
    start: str | None
    end: str | None
    precision: str | None
    method: str


@frozen
class LocationRef:
    text: str | None
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str | None
    start: int | None
    end: int | None
    method: str | None = None


@frozen
class Tally:
    """A casualty or arrest figure attached to an event, with its hedge kept as a range."""

    low: int | None
    best: int | None
    high: int | None
    who: str | None = None
    note: str | None = None  # when reports of the toll differ


@frozen
class Mention:
    """One clause-level coding merged into an incident, with its own evidence."""

    trigger: Span
    cameo: str | None
    actor1: str | None
    actor2: str | None
    modality: str
    evidence: Evidence
    merged_by: str | None = None   # consequence | anaphora | claim | quoted | same participants, place and date


@frozen
class Link:
    """A tie from one event to another: a reaction to it, a claim of it, ..."""

    event: str
    kind: str


@frozen
class Event:
    """An incident: one real-world happening, as ACLED, UCDP or GTD would record it; its clause-level
    codings are its `mentions` (the principal one gives trigger, evidence, CAMEO and PLOVER)."""

    id: str
    type: EventType
    trigger: Span
    actor1: ActorRef | None
    actor2: ActorRef | None
    date: DateRef | None
    location: LocationRef | None
    fatalities: Tally | None
    injured: Tally | None
    arrested: Tally | None
    modality: str
    reported_by: tuple[str, ...]
    confidence: float
    evidence: Evidence
    current: bool = True            # in the reporting period (False: background, with its own date)
    salience: str = "body"          # lead | body | incidental
    mentions: tuple[Mention, ...] = ()
    links: tuple[Link, ...] = ()


@frozen
class Actor:
    """An actor of the article with every mention that resolved to it."""

    name: str
    kind: str | None
    country: str | None
    cameo: str | None
    acled_inter: int | None = None
    acled_name: str | None = None
    sector: str | None = None
    title: str | None = None
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()
    ucdp_name: str | None = None


@frozen
class Place:
    text: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str | None
    score: float | None
    start: int
    end: int
    method: str | None = None


@frozen
class DateMention:
    text: str
    start: str | None
    end: str | None
    precision: str | None
    offset_start: int
    offset_end: int
    method: str | None = None


@frozen
class Count:
    kind: str
    low: int | None
    best: int | None
    high: int | None
    who: str | None
    text: str
    start: int
    end: int
    hedge: str | None = None


@frozen
class Speaker:
    text: str
    name: str | None
    title: str | None
    affiliation: str | None
    start: int
    end: int


@frozen
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None
    via: str | None
    speaker: Speaker | None
    fragments: tuple[Span, ...] = ()  # the words inside the quotation marks (direct quotes)
    partial: bool = False             # only part of the attributed words is in quotation marks
    rule: str | None = None           # how the speaker was found (parse, after, before, colon, ...)


@frozen
class Citation:
    source: str
    text: str
    start: int
    end: int


@frozen
class Problem:
    """A per-article problem that did not stop the run; `code` is a stable T-code (errors.py)."""

    code: str
    message: str


@frozen
class Article:
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    language: str | None
    text: str
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    dates: tuple[DateMention, ...] = ()
    counts: tuple[Count, ...] = ()
    citations: tuple[Citation, ...] = ()
    tone: float | None = None
    errors: tuple[Problem, ...] = ()
    input: str | None = None
    ok: bool = True
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the shared OUTPUT.md field order, schema first."""
        d = to_jsonable(self)
        return {"schema": d.pop("schema"), **d}


_LEAVES = frozenset({str, int, float, bool, type(None)})  # most values: no dataclass test for them
_CONVERT: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _converter(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A record of this class to its dict, made once per class as dataclasses makes __init__: one dict
    display over the (identifier) field names, leaf values kept, nested records through their own
    converter, anything else through to_jsonable (a call per value was most of writing a record)."""
    try:
        hints = dict(_hints(cls))
    except NameError:  # a hint that does not resolve: test every value
        hints = {}
    scope: dict[str, Any] = {"L": _LEAVES, "J": to_jsonable}
    items = []
    for n in (f.name for f in dataclasses.fields(cls)):
        tp = hints.get(n)
        nested, many = _nested(tp, cls)
        if tp is not None and _is_leaf(tp):  # a str, number or bool field needs no test
            items.append(f"{n!r}: o.{n}")
        elif nested is not None:  # a record field, or a tuple of records: their converter, called here
            scope[f"T_{n}"], scope[f"C_{n}"] = nested, _converter_of(nested)
            one = f"C_{n}(x) if type(x) is T_{n} else J(x)"
            items.append(f"{n!r}: (None if (v := o.{n}) is None else [{one} for x in v])" if many else
                         f"{n!r}: (None if (x := o.{n}) is None else {one})")
        else:
            items.append(f"{n!r}: (v if type(v := o.{n}) in L else J(v))")
    exec(f"def convert(o):\n    return {{{', '.join(items)}}}\n", scope)
    return scope["convert"]


def _converter_of(cls: type) -> Callable[[Any], dict[str, Any]]:
    """The class's converter, made on first use."""
    return _CONVERT.get(cls) or _CONVERT.setdefault(cls, _converter(cls))


def _nested(tp: Any, owner: type) -> tuple[type | None, bool]:
    """(X, whether a tuple) of a field typed `X`, `X | None` or `tuple[X, ...]` (X another record), else (None, False)."""
    args = [a for a in typing.get_args(tp) if a is not type(None)] if typing.get_origin(tp) in (
        typing.Union, types.UnionType) else [tp]
    if len(args) != 1:
        return None, False
    tp = args[0]
    many = typing.get_origin(tp) is tuple
    if many:
        inner = typing.get_args(tp)
        if len(inner) != 2 or inner[1] is not Ellipsis:
            return None, False
        tp = inner[0]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and tp is not owner:
        return tp, many
    return None, False


def _is_leaf(tp: Any) -> bool:
    """A type whose values are written as they are: str, int, float, bool, None, or a union of them."""
    if tp in _LEAVES:
        return True
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and all(_is_leaf(a) for a in typing.get_args(tp))


def to_jsonable(obj: Any) -> Any:
    """Records to plain dicts and lists (tuples become lists), recursively."""
    cls = type(obj)
    if cls in _LEAVES:
        return obj
    convert = _CONVERT.get(cls)
    if convert is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        convert = _converter_of(cls)
    if convert is not None:
        return convert(obj)
    if cls is tuple or cls is list:
        return [x if type(x) in _LEAVES else to_jsonable(x) for x in obj]
    return obj


_HINTS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field, resolved type) of a record class, resolved once: typing.get_type_hints is slow."""
    out = _HINTS.get(cls)
    if out is None:
        hints = typing.get_type_hints(cls)
        out = _HINTS[cls] = tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))
    return out


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a record (and its nested records) from its JSON form; unknown keys are ignored."""
    if data is None:
        return None
    return cls(**{name: _coerce(tp, data[name]) for name, tp in _hints(cls) if name in data})


def _coerce(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _coerce(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        (item,) = typing.get_args(tp)[:1]
        return tuple(_coerce(item, v) for v in value)
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


def article_from_dict(data: dict[str, Any]) -> Article:
    return from_dict(Article, data)


__all__ = [
    "SCHEMA", "SCHEMA_VERSION", "Evidence", "Span", "EventType", "ActorRef", "DateRef", "LocationRef",
    "Tally", "Mention", "Link", "Event", "Actor", "Place", "DateMention", "Count", "Speaker", "Quote", "Citation", "Problem",
    "Article", "to_jsonable", "from_dict", "article_from_dict", "field",
]
