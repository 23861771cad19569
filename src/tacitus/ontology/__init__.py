"""The event ontologies: CAMEO codes with Goldstein weights and quad classes, and the mappings
from CAMEO to PLOVER and ACLED. Tables are data files beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import read_tsv
from ..records import EventType

PKG = "tacitus.ontology"


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    return {r["group"]: frozenset(r["roots"].split("|")) for r in read_tsv(PKG, "cameo_groups.tsv")}


def roots(group: str) -> frozenset[str]:
    """The CAMEO roots of a named group (cameo_groups.tsv): violence, protest, symmetric, ..."""
    return _groups()[group]


def in_group(code: str | None, group: str) -> bool:
    """Whether a CAMEO code (or root) belongs to a named group of roots."""
    return bool(code) and code[:2] in _groups()[group]


def quad_class(cameo: str) -> int:
    """CAMEO quad class from the root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True)
class _AcledRule:
    prefix: str
    a1: frozenset[int] | None
    a2: frozenset[int] | None
    acled: str | None
    acled_sub: str | None


def _inter_set(cell: str) -> frozenset[int] | None:
    return None if cell in ("", "*") else frozenset(int(x) for x in cell.split("|"))


class Ontology:
    """Types an event in all three ontologies from its CAMEO code and its actors' ACLED inter codes."""

    def __init__(self) -> None:
        self.cameo = {r["code"]: (r["label"], float(r["goldstein"])) for r in read_tsv(PKG, "cameo_events.tsv")}
        self.plover = {r["cameo_prefix"]: (r["plover"] or None, r["plover_mode"] or None)
                       for r in read_tsv(PKG, "cameo_plover.tsv")}
        self.acled_rules = [
            _AcledRule(r["cameo_prefix"], _inter_set(r["a1"]), _inter_set(r["a2"]), r["acled"] or None,
                       r["acled_sub"] or None)
            for r in read_tsv(PKG, "cameo_acled.tsv")
        ]
        self.acled_types = {(r["acled"], r["acled_sub"]) for r in read_tsv(PKG, "acled_types.tsv")}
        self.plover_gloss = {r["plover"]: r["gloss"] for r in read_tsv(PKG, "plover_types.tsv")}
        self.plover_types = set(self.plover_gloss)

    def label(self, code: str) -> str | None:
        entry = self.cameo.get(code)
        return entry[0] if entry else None

    def _plover(self, code: str) -> tuple[str | None, str | None]:
        for n in range(len(code), 1, -1):
            if code[:n] in self.plover:
                return self.plover[code[:n]]
        return None, None

    def _acled(self, code: str, a1: int | None, a2: int | None) -> tuple[str | None, str | None]:
        for r in self.acled_rules:
            if not code.startswith(r.prefix):
                continue
            if r.a1 is not None and a1 not in r.a1:
                continue
            if r.a2 is not None and a2 not in r.a2:
                continue
            return r.acled, r.acled_sub
        return None, None

    @staticmethod
    def ucdp_violence(code: str, a1: int | None, a2: int | None) -> int | None:
        """UCDP's type of violence for organised violence (CAMEO 18-20) from the ACLED inter codes of
        the actors: one-sided (3) when civilians are the target, state-based (1) when a state's forces
        take part, non-state (2) when two organised non-state groups fight."""
        if not in_group(code, "violence"):
            return None
        if a2 == 7:
            return 3
        if a1 in (1, 8) or a2 in (1, 8):
            return 1
        if a1 in (2, 3, 4) and a2 in (2, 3, 4):
            return 2
        return None

    def event_type(self, code: str, a1_inter: int | None = None, a2_inter: int | None = None) -> EventType:
        if code not in self.cameo:
            raise KeyError(f"unknown CAMEO code {code!r}")
        label, goldstein = self.cameo[code]
        plover, mode = self._plover(code)
        acled, acled_sub = self._acled(code, a1_inter, a2_inter)
        return EventType(cameo=code, cameo_root=code[:2], cameo_label=label, quad_class=quad_class(code),
                         goldstein=goldstein, plover=plover, plover_mode=mode, acled=acled, acled_sub=acled_sub,
                         ucdp_violence=self.ucdp_violence(code, a1_inter, a2_inter))


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    return Ontology()
