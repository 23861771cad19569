"""The trigger lexicon and the tables that modify it (modality cues, embedding verbs)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..frozen import frozen
from . import read_list, read_tsv

PKG = "tacitus.lexicons"


@frozen
class Rule:
    """One row of triggers.tsv: lemma + constraints -> CAMEO code."""

    pos: str
    lemma: str
    constraints: tuple[tuple[str, frozenset[str]], ...]
    cameo: str
    role: str
    line: int

    @property
    def name(self) -> str:
        cons = ",".join(f"{d}:{'|'.join(sorted(v))}" for d, v in self.constraints)
        where = f"triggers.tsv:{self.line}" if self.line else "frame:obligation"
        return f"{where} {self.pos}:{self.lemma}{'+' + cons if cons else ''}->{self.cameo}"


@frozen
class Lexicon:
    rules: dict[tuple[str, str], tuple[Rule, ...]]
    reporting: frozenset[str]
    light: frozenset[str]
    place_nouns: frozenset[str]
    modal_aux: dict[str, str]
    modal_verbs: dict[str, tuple[str, bool]]
    negators: frozenset[str]
    embedding: tuple[tuple[str, frozenset[str], str, str], ...]
    headline_passive: frozenset[str] = frozenset()  # verb_classes.tsv
    reports_violence: frozenset[str] = frozenset()  # verb_classes.tsv + the toll words of counts.tsv
    event_anaphors: frozenset[str] = frozenset()  # verb_classes.tsv: nouns that refer back to an event
    occurrence: frozenset[str] = frozenset()      # verbs that report an event noun as happening
    perception: frozenset[str] = frozenset()      # verbs whose subject witnesses, not acts
    irrealis: frozenset[str] = frozenset()        # governors that make an event noun unreal ('fears of')
    instruments: frozenset[str] = frozenset()     # what an act is done with, never its target
    harms_people: frozenset[str] = frozenset()    # verbs whose object is people ('shot dead a laborer')
    grievance: frozenset[str] = frozenset()       # verbs whose complement is a claim or complaint, not a report
    habitual: frozenset[str] = frozenset()        # modality.tsv: cues that make an event a habit or a tally
    referents: frozenset[str] = frozenset()       # modality.tsv: 'anyone who attacks': an act of whoever would do it

    def transform(self, klass: str, verb: str, code: str) -> str | None:
        for k, verbs, prefix, cameo in self.embedding:
            if k == klass and verb in verbs and (prefix == "*" or code.startswith(prefix)):
                return cameo
        return None

    def embed_class(self, verb: str) -> str | None:
        for k, verbs, _, _ in self.embedding:
            if verb in verbs:
                return k
        return None


def _constraints(cell: str) -> tuple[tuple[str, frozenset[str]], ...]:
    out = []
    for part in filter(None, cell.split(",")):
        dep, _, lemmas = part.partition(":")
        out.append((dep.strip(), frozenset(x.strip() for x in lemmas.split("|"))))
    return tuple(out)


def load_lexicon(extra_dirs: Iterable[str] = ()) -> Lexicon:
    extra_dirs = tuple(extra_dirs)
    rules: dict[tuple[str, str], list[Rule]] = {}
    for n, r in enumerate(read_tsv(PKG, "triggers.tsv", extra_dirs), 1):
        rule = Rule(r["pos"], r["lemma"], _constraints(r["with"]), r["cameo"], r["role"] or "a1", n)
        rules.setdefault((rule.pos, rule.lemma.lower()), []).append(rule)
    ordered = {k: tuple(sorted(v, key=lambda x: -len(x.constraints))) for k, v in rules.items()}
    modal_aux, modal_verbs, negators, habitual, referents = {}, {}, set(), set(), set()
    for r in read_tsv(PKG, "modality.tsv", extra_dirs):
        if r["kind"] in ("aux", "mark"):
            modal_aux[r["cue"]] = r["modality"]
        elif r["kind"] in ("verb", "adj"):
            modal_verbs[r["cue"]] = (r["modality"], r["embed"] == "y")
        elif r["kind"] == "neg":
            negators.add(r["cue"])
        elif r["kind"] == "habitual":
            habitual.add(r["cue"])
        elif r["kind"] == "referent":
            referents.add(r["cue"])
    embedding = tuple((r["class"], frozenset(r["verbs"].split("|")), r["complement_prefix"], r["cameo"])
                      for r in read_tsv(PKG, "embedding.tsv", extra_dirs))
    classes = {r["class"]: frozenset(r["lemmas"].split("|")) for r in read_tsv(PKG, "verb_classes.tsv", extra_dirs)}
    tolls = frozenset(r["word"] for r in read_tsv(PKG, "counts.tsv", extra_dirs)
                      if r["kind"] in ("killed", "injured", "kidnapped"))
    return Lexicon(ordered, frozenset(read_list(PKG, "reporting_verbs.txt", extra_dirs)),
                   frozenset(read_list(PKG, "light_verbs.txt", extra_dirs)),
                   frozenset(read_list(PKG, "place_nouns.txt", extra_dirs)), modal_aux, modal_verbs,
                   frozenset(negators), embedding, classes.get("headline_passive", frozenset()),
                   classes.get("reports_violence", frozenset()) | tolls, classes.get("event_anaphors", frozenset()),
                   classes.get("occurrence", frozenset()), classes.get("perception", frozenset()),
                   classes.get("irrealis", frozenset()), classes.get("instruments", frozenset()),
                   classes.get("harms_people", frozenset()), classes.get("grievance", frozenset()),
                   frozenset(habitual), frozenset(referents))


@lru_cache(maxsize=4)
def default_lexicon(extra_dirs: tuple[str, ...] = ()) -> Lexicon:
    return load_lexicon(extra_dirs)
