"""Actors named the way the datasets name them. ACLED: "Military Forces of Syria", "Police Forces of
Mexico", "Protesters (Chile)", "Rioters (Kenya)", "Civilians (Nigeria)", "Unidentified Armed Group
(Mali)" when the perpetrator is not named; UCDP beside it: "Government of Syria", "IS", "Syrian
insurgents", "Civilians". A generic actor takes the country where the incident happened unless the
text gives it one; the country a generic agent got from the article's main country yields to it."""

from __future__ import annotations

from ..lexicons.actors import ActorDictionary
from ..nlp.layer_types import ActorInfo, ActorKey, RoleFiller
from ..ontology.acled import actor_class
from ..records import ActorRef
from .incident_features import crowd, out_of_service, target_class

UNARMED_KINDS = {"government", "judiciary", "legislature", "person", "party", "opposition", "media", "ngo",
                 "religious", "business", "refugees", "civilians", "organization"}
# ACLED's names for actors the text implies but does not name, by the role they play
IMPLIED = {"unidentified": ("rebel", "UAF", 3, "Unidentified Armed Group ({country})"),
           "protesters": ("protesters", "OPP", 6, "Protesters ({country})"),
           "rioters": ("rioters", "OPP", 5, "Rioters ({country})"),
           "civilians": ("civilians", "CVL", 7, "Civilians ({country})"),
           "state": ("military", "MIL", 1, "Military Forces of {country}")}


class Namer:
    def __init__(self, dictionary: ActorDictionary):
        self.d = dictionary

    def _fill(self, pattern: str, iso3: str | None) -> str:
        cname = self.d.country_name(iso3)
        if cname:
            return pattern.replace("{country}", cname)
        return pattern.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", "").strip()

    def ucdp(self, inter: int | None, kind: str | None, iso3: str | None, info: ActorInfo | None) -> str | None:
        if info is not None and info.ucdp_name:
            return info.ucdp_name
        cname = self.d.country_name(iso3)
        if inter == 1 and cname:
            return f"Government of {cname}"
        if inter == 7 or kind == "civilians":
            return "Civilians"
        if kind in ("rebel", "militia") and (info is None or not info.name or info.name.startswith("Unidentified")):
            dem = self.d.demonym(iso3)
            return f"{dem} insurgents" if dem else None
        return info.name if info is not None and info.name else None

    def role_class(self, ref: ActorRef | None, target: bool) -> str:
        """The actor's class for ACLED's rules. As targets, unarmed officials and persons are
        civilians; as perpetrators, a crowd of civilians or a party's supporters are 'crowd' (their
        violence is mob violence), and people the text does not tie to a group are an unidentified
        armed group (ACLED's 'Unidentified Armed Group'), the class 'none'."""
        if ref is None:
            return "none"
        if not target:
            if (ref.acled_inter in (None, 5, 7) and ref.kind == "party") or (
                    ref.acled_inter in (None, 3, 5, 6, 7) and crowd(ref.text)):
                return "crowd"  # 'villagers stoned a traffic policeman', 'supporters of the BNP': a mob
            return "none" if ref.acled_inter in (None, 7) else actor_class(ref.acled_inter)
        if ref.kind in UNARMED_KINDS and (ref.acled_inter in (1, None, 7)):
            return "civilians"
        if ref.kind == "ethnic" and target_class(ref.text) == "civilians":
            return "civilians"  # 'herders of the Fulani community', 'members of the Tuareg community'
        if ref.acled_inter is None and ref.kind == "person":
            return "civilians"
        return actor_class(ref.acled_inter)

    def as_implied(self, ref: ActorRef, which: str, iso3: str | None) -> ActorRef:
        """An actor the text names only loosely ('two men', 'about 80 vendors') under the name ACLED
        gives such actors in this kind of event, keeping the words and where they are."""
        named = self.implied(which, ref.country or iso3, ref.text, ref.start, ref.end, ref.method or "unresolved")
        return named

    def ref(self, filler: RoleFiller, info: dict[str, ActorInfo], iso3: str | None, target: bool) -> ActorRef:
        """The ActorRef of a role filler, with ACLED and UCDP names, in the incident's country."""
        key = ActorKey.parse(filler.key)
        i = info.get(filler.key)
        if target and key.kind != "person" and out_of_service(filler.text):  # 'an off-duty policeman': a civilian
            return self.implied("civilians", (i.country if i else None) or iso3, filler.text, filler.start, filler.end,
                                f"{filler.method}+out_of_service")
        if key.kind == "raw" or i is None or (key.kind == "force" and key.agent == "group"):
            return self._raw(filler, iso3, target)  # 'the group' says nothing of who it is
        country, name, acled_name, cameo = i.country, i.name, i.acled_name, i.cameo
        generic = key.kind == "force" and key.agent is not None and (
            i.country is None or "agent+article_country" in str(filler.method or ""))
        if generic and iso3:
            entry = self.d.entries.get(ActorKey("agent", None, key.role, key.agent).label)
            if entry is not None and entry.acled_name:
                country = iso3
                acled_name = name = self._fill(entry.acled_name, iso3)
                cameo = key.role if (key.role or "").startswith("IGO") else f"{iso3}{key.role}"
        return ActorRef(text=filler.text, name=name, country=country, kind=i.kind, cameo=cameo,
                        acled_inter=i.acled_inter, acled_name=acled_name, start=filler.start, end=filler.end,
                        sector=i.sector, method=filler.method, ucdp_name=self.ucdp(i.acled_inter, i.kind, country, i))

    def _raw(self, filler: RoleFiller, iso3: str | None, target: bool) -> ActorRef:
        """An unnamed participant ('a man', 'Ukrainian positions', 'unknown assailants')."""
        words = filler.text.split()
        own = next((self.d.country_words[k] for w in words for k in (w, w.lower()) if k in self.d.country_words), None)
        cls = target_class(filler.text)
        if target and cls == "armed":
            which = "state"
        elif target and cls == "civilians":
            which = "civilians"
        else:  # a perpetrator named loosely: the incident's type decides what ACLED calls it
            return ActorRef(text=filler.text, name=None, country=own, kind=None, cameo=None, acled_inter=None,
                            acled_name=None, start=filler.start, end=filler.end, method=filler.method)
        return self.implied(which, own or iso3, filler.text, filler.start, filler.end, filler.method or "unresolved")

    def implied(self, which: str, iso3: str | None, text: str, start: int, end: int, method: str) -> ActorRef:
        """An actor ACLED would name though the text does not (IMPLIED)."""
        kind, role, inter, pattern = IMPLIED[which]
        name = self._fill(pattern, iso3)
        return ActorRef(text=text, name=name, country=iso3, kind=kind, cameo=f"{iso3 or '---'}{role}",
                        acled_inter=inter, acled_name=name, start=start, end=end, sector=role, method=method,
                        ucdp_name=self.ucdp(inter, kind, iso3, None))
