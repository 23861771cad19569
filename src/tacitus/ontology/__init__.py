"""The event ontologies: CAMEO codes with Goldstein weights and quad classes, the mapping from
CAMEO to PLOVER, and ACLED's types (decided by ACLED's own rules: acled.py). Tables are data files
beside this module."""

from __future__ import annotations

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


class Ontology:
    """Types an event in all three ontologies from its CAMEO code and its actors' ACLED inter codes."""

    def __init__(self) -> None:
        self.cameo = {r["code"]: (r["label"], float(r["goldstein"])) for r in read_tsv(PKG, "cameo_events.tsv")}
        self.plover = {r["cameo_prefix"]: (r["plover"] or None, r["plover_mode"] or None)
                       for r in read_tsv(PKG, "cameo_plover.tsv")}
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

    def event_type(self, code: str, a1_inter: int | None = None, a2_inter: int | None = None,
                   acled: str | None = None, acled_sub: str | None = None, acled_rule: str | None = None) -> EventType:
        """The type in every ontology: CAMEO, quad class, Goldstein and PLOVER from the CAMEO code;
        ACLED as decided for the incident (stages/incidents.py); UCDP's from the actors."""
        if code not in self.cameo:
            raise KeyError(f"unknown CAMEO code {code!r}")
        if acled is not None and (acled, acled_sub) not in self.acled_types:
            raise ValueError(f"{acled}/{acled_sub} is not an ACLED type and sub-type")
        label, goldstein = self.cameo[code]
        plover, mode = self._plover(code)
        return EventType(cameo=code, cameo_root=code[:2], cameo_label=label, quad_class=quad_class(code),
                         goldstein=goldstein, plover=plover, plover_mode=mode, acled=acled, acled_sub=acled_sub,
                         ucdp_violence=self.ucdp_violence(code, a1_inter, a2_inter), acled_rule=acled_rule)


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    return Ontology()
