"""ACLED's decision rules as a table (acled_rules.tsv): an incident's classes, features and actor
classes in, ACLED's type and sub-type and the row that decided out."""

from __future__ import annotations

from functools import lru_cache

from ..frozen import frozen
from ..lexicons import read_tsv

PKG = "tacitus.ontology"
ARMED = frozenset({"state", "nonstate", "external"})
# ACLED interaction code -> actor class
INTER_CLASS = {1: "state", 2: "nonstate", 3: "nonstate", 4: "nonstate", 5: "rioters", 6: "protesters",
               7: "civilians", 8: "external"}


def _set(cell: str) -> frozenset[str] | None:
    return None if cell in ("", "*") else frozenset(cell.split("|"))


def _classes(cell: str) -> frozenset[str] | None:
    s = _set(cell)
    if s is None:
        return None
    return (s - {"armed"}) | (ARMED if "armed" in s else frozenset())


@frozen
class Rule:
    name: str
    line: int
    classes: frozenset[str] | None
    any: frozenset[str] | None
    needs: frozenset[str]
    needs_not: frozenset[str]
    a1: frozenset[str] | None
    a2: frozenset[str] | None
    either: bool
    acled: str
    acled_sub: str

    @property
    def label(self) -> str:
        return f"acled_rules.tsv:{self.name}"


@frozen
class Decision:
    acled: str
    acled_sub: str
    rule: str
    swapped: bool  # actor2 plays ACLED's actor1 (the rule matched the actors the other way round)


def _matches(want: frozenset[str] | None, cls: str) -> bool:
    return want is None or cls in want


class AcledRules:
    def __init__(self) -> None:
        valid = {(r["acled"], r["acled_sub"]) for r in read_tsv(PKG, "acled_types.tsv")}
        self.rules: list[Rule] = []
        for n, r in enumerate(read_tsv(PKG, "acled_rules.tsv"), 1):
            if (r["acled"], r["acled_sub"]) not in valid:
                raise ValueError(f"acled_rules.tsv:{r['rule']}: {r['acled']}/{r['acled_sub']} is not an ACLED type")
            needs = _set(r["needs"]) or frozenset()
            self.rules.append(Rule(
                r["rule"], n, _set(r["class"]), _set(r["any"]), frozenset(x for x in needs if not x.startswith("-")),
                frozenset(x[1:] for x in needs if x.startswith("-")), _classes(r["a1"]), _classes(r["a2"]),
                r["order"] == "either", r["acled"], r["acled_sub"]))

    def decide(self, classes: set[str], features: set[str], a1: str, a2: str) -> Decision | None:
        """The first rule that holds for an incident; a1/a2 are actor classes ('none' if unnamed)."""
        for r in self.rules:
            if r.classes is not None and not (r.classes & classes):
                continue
            if r.any is not None and not (r.any & features):
                continue
            if not r.needs <= features or r.needs_not & features:
                continue
            if _matches(r.a1, a1) and _matches(r.a2, a2):
                return Decision(r.acled, r.acled_sub, r.label, False)
            if r.either and _matches(r.a1, a2) and _matches(r.a2, a1):
                return Decision(r.acled, r.acled_sub, r.label, True)
        return None


@lru_cache(maxsize=1)
def _class_table() -> dict[str, tuple[str, str | None]]:
    return {r["cameo_prefix"]: (r["class"], r["means"] or None) for r in read_tsv(PKG, "acled_classes.tsv")}


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    return {r["lemma"]: r["class"] for r in read_tsv(PKG, "acled_lemmas.tsv")}


def lemma_class(lemma: str) -> str | None:
    """The class a trigger word reports when its CAMEO code says more (acled_lemmas.tsv)."""
    return _lemma_table().get(lemma)


def event_class(cameo: str | None) -> tuple[str | None, str | None]:
    """(class, means) of a CAMEO code (acled_classes.tsv, longest prefix), or (None, None) when the
    code is outside ACLED's scope."""
    table = _class_table()
    for n in range(len(cameo or ""), 1, -1):
        hit = table.get(cameo[:n])
        if hit:
            return hit
    return None, None


# the classes of happening ACLED records (others, such as claims or releases, only inform them)
SCOPE = frozenset({"violence", "abduction", "sexual", "territory", "demonstration", "riot", "looting", "arrest"})


# what is worth recording even when no party is named (an arrest or a demolition by 'a man' is not)
UNNAMED_SCOPE = SCOPE - {"looting", "arrest"}


def in_scope(cameo: str | None, unnamed: bool = False) -> bool:
    """Whether a CAMEO code reports a happening ACLED records as an event of its own (with
    unnamed=True: one worth recording even when no party is named)."""
    return event_class(cameo)[0] in (UNNAMED_SCOPE if unnamed else SCOPE)


def actor_class(inter: int | None) -> str:
    return INTER_CLASS.get(inter, "none") if inter is not None else "none"


@lru_cache(maxsize=1)
def default_rules() -> AcledRules:
    return AcledRules()
