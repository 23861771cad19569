"""The values stages leave on a Doc for later stages: frozen dataclasses, the record types where
they fit (Place, DateMention, Count, Quote, Citation, LocationRef, DateRef, Tally) wrapped with the
token positions later stages need, and the few the records lack (actor identity, event draft,
event context). They serialise with the Doc (see layers.py), so they hold plain values only."""

from __future__ import annotations

from functools import lru_cache

from ..frozen import frozen
from ..records import (
    ActorRef,
    Citation,
    Count,
    DateMention,
    DateRef,
    LocationRef,
    Place,
    Problem,
    Quote,
    Tally,
)

KINDS = ("country", "agent", "group", "person", "local", "outlet", "raw")


@lru_cache(maxsize=65536)
def _parse(label: str) -> ActorKey:
    """The key a label stands for (ActorKey.parse)."""
    kind, _, rest = label.partition(":")
    if kind == "agent":
        role, _, agent = rest.partition(":")
        return ActorKey("agent", None, role, agent)
    if kind in KINDS:
        return ActorKey(kind, rest)
    role, _, agent = rest.partition(":")
    return ActorKey("force", None if kind == "---" else kind, role, agent or None)


@frozen
class ActorKey:
    """Who a mention stands for. `kind` is country, agent, group, person, local (an organisation
    defined in the article), outlet, raw (named but unresolved) or force (a country's agent:
    'Syrian government forces'); `name` is the entry's name, ISO3 code or text; a force or agent
    also has its CAMEO `role` and agent kind. `label` is the string form in span labels and ids."""

    kind: str
    name: str | None
    role: str | None = None
    agent: str | None = None

    @property
    def label(self) -> str:
        if self.kind == "force":
            head = f"{self.name or '---'}:{self.role}"
            return f"{head}:{self.agent}" if self.agent else head
        if self.kind == "agent":
            return f"agent:{self.role}:{self.agent}"
        return f"{self.kind}:{self.name}"

    @property
    def named(self) -> bool:
        """A specific body or person (not a country, a generic agent or an unresolved phrase)."""
        return self.kind in ("group", "person", "local", "outlet")

    parse = staticmethod(_parse)  # label -> ActorKey, cached: asked hundreds of times per Doc


@frozen
class ActorInfo:
    """What an actor key resolves to, in the codes of each dataset."""

    name: str | None
    kind: str | None
    country: str | None
    cameo: str | None
    acled_inter: int | None
    acled_name: str | None
    sector: str | None
    title: str | None = None
    affiliation: str | None = None
    ucdp_name: str | None = None


@frozen
class InputMeta:
    """The input an article came from, as the pipeline hands it to the stages."""

    id: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    input: str | None
    problems: tuple[Problem, ...] = ()
    seq: int | None = None


@frozen
class ResolvedPlace:
    place: Place
    tokens: tuple[int, int]


@frozen
class ResolvedDate:
    date: DateMention
    tokens: tuple[int, int] | None


@frozen
class RoleFiller:
    """An actor in an event role: its key label, the words, how it was found, its head token."""

    key: str
    text: str
    start: int
    end: int
    method: str | None
    token: int | None = None


@frozen
class Toll:
    count: Count
    token: int                       # the toll word ('killed')
    who_text: str | None             # the counted noun phrase as written
    who: RoleFiller | None = None    # the counted people as a role filler ('four soldiers')


@frozen
class TextSpan:
    start: int
    end: int
    text: str = ""


@frozen
class EventDraft:
    """One coded clause: trigger, CAMEO code, roles, modality, and where else it was mentioned."""

    id: str
    trigger: TextSpan
    verb: TextSpan | None
    cameo: str
    rule: str
    a1: RoleFiller | None
    a2: RoleFiller | None
    modality: str
    reported_by: tuple[str, ...]
    confidence: float
    sentence: TextSpan
    also: tuple[TextSpan, ...] = ()   # later mentions folded into this one ('the attack')


@frozen
class EventContext:
    """Where and when an event happened."""

    location: LocationRef | None = None
    date: DateRef | None = None


@frozen
class EventTolls:
    """The tolls an event reports."""

    killed: Tally | None = None
    injured: Tally | None = None
    arrested: Tally | None = None
    victims: tuple[RoleFiller, ...] = ()   # the counted dead and wounded ('four soldiers')
    updates: tuple[str, ...] = ()          # kinds whose last figure updates an earlier one ('the toll rose to six')


@frozen
class Member:
    """A mention of an incident and why it was merged (None for the one that started it)."""

    mention: str
    merged_by: str | None = None


@frozen
class IncidentDraft:
    """One real-world happening: its mentions (EventDraft ids), the principal one (which gives the
    trigger, evidence, CAMEO and PLOVER), its ACLED decision, its named actors, place, date, tolls,
    and how it stands in the article."""

    id: str
    principal: str
    members: tuple[Member, ...]
    acled: str | None
    acled_sub: str | None
    acled_rule: str | None
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: LocationRef | None
    date: DateRef | None
    killed: Tally | None
    injured: Tally | None
    arrested: Tally | None
    modality: str
    reported_by: tuple[str, ...]
    confidence: float
    current: bool
    salience: str
    links: tuple[tuple[str, str], ...] = ()   # (other incident id, kind)


__all__ = ["ActorKey", "ActorInfo", "InputMeta", "ResolvedPlace", "ResolvedDate", "Toll", "RoleFiller", "TextSpan",
           "EventDraft", "EventContext", "EventTolls", "Member", "IncidentDraft", "Citation", "Quote"]
