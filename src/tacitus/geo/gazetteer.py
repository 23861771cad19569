"""The Gazetteer interface: names to candidate places. The geocode stage is given one; it never
builds one. The default reads a compact SQLite file (see build.py) that is opened in milliseconds
and paged from disk, so it costs little memory."""

from __future__ import annotations

import bisect
import dataclasses
import math
import operator
import sqlite3
import threading
from array import array
from dataclasses import fields
from pathlib import Path

from rapidfuzz import fuzz, process

from ..frozen import frozen
from . import country_keys
from .normalize import NONWORD, ascii_fold, key, spellings

KIND_PRECISION = {"city": "city", "admin1": "admin1", "admin2": "admin2", "country": "country",
                  "region": "region", "continent": "continent"}


@frozen
class Candidate:
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    kind: str          # city | admin1 | admin2 | country | region | continent
    population: int
    how: str           # name | alt | fuzzy: how the looked-up name matched


_FIELDS = operator.attrgetter(*(f.name for f in fields(Candidate)))
MEMO_SIZE = 20_000  # names kept by lookup (about 2 rows each: a few MB at most)


@frozen
class _Names:
    """A country's ranked-place keys in the order the database gives them, and the same keys
    sorted by length (ties in that order) with their lengths: a spelling can only be close to
    names of about its own length, so the fuzzy match looks at one slice of them."""

    by_length: list[str]
    lengths: array     # of by_length; arrays, not lists of ints: a few bytes a key
    order: array       # by_length[i] is the key at position order[i] of the database order

    @staticmethod
    def of(keys: list[str]) -> _Names:
        lengths = list(map(len, keys))
        order = sorted(range(len(keys)), key=lengths.__getitem__)
        return _Names([keys[i] for i in order], array("I", (lengths[i] for i in order)), array("I", order))

    def around(self, n: int, cutoff: float) -> tuple[int, int]:
        """The slice of `by_length` whose lengths can score `cutoff` against a key of length n:
        fuzz.ratio is 100 * (1 - indel distance / total length), and the distance is at least the
        difference in length m - n, so m * cutoff <= n * (200 - cutoff) (and the same for m < n)."""
        if cutoff <= 0:
            return 0, len(self.lengths)
        lo = math.ceil(n * cutoff / (200 - cutoff) - 1e-9)
        hi = math.floor(n * (200 - cutoff) / cutoff + 1e-9)
        return bisect.bisect_left(self.lengths, lo), bisect.bisect_right(self.lengths, hi)


class Gazetteer:
    """Read-only access to a gazetteer file. Thread-safe; one connection per thread."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"gazetteer file {self.path} not found; run `tacitus gazetteer build`")
        self._local = threading.local()
        self._by_country: dict[str, _Names] = {}
        self._found: dict[str, tuple[tuple, ...]] = {}
        self._fuzzy: dict[tuple[str, tuple[str, ...]], list[Candidate]] = {}
        self._seats: dict[tuple[str, str], Candidate | None] = {}

    @property
    def db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def __getstate__(self) -> dict:  # worker processes open their own connection
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT k, v FROM meta"))

    def _rows(self, sql: str, args: tuple) -> list[Candidate]:
        return [Candidate(*r) for r in self.db.execute(sql, args)]

    def lookup(self, name: str) -> list[Candidate]:
        """Every place whose name or alternate name normalises to the same key. The places stage
        and the geocoder ask for the same names many times, so the rows are kept per name; each
        call gets candidates of its own (resolution tells candidates apart by identity)."""
        rows = self._found.get(name)
        if rows is None:
            rows = tuple(map(_FIELDS, self._lookup(name)))
            if len(self._found) > MEMO_SIZE:
                self._found.clear()
            self._found[name] = rows
        return [Candidate(*r) for r in rows]

    def _lookup(self, name: str) -> list[Candidate]:
        k = key(name)
        if not k:
            return []
        out = self._by_key(k)
        if not any(c.kind != "locality" for c in out):
            for v in spellings(k):  # 'Jisr al-Shughur' for Jisr ash Shughur, 'Elwak' for El Wak
                glued = " " not in k and " " not in v
                out += [dataclasses.replace(c, how="alt") for c in self._by_key(v)
                        if not glued or NONWORD.sub("", ascii_fold(c.name).lower()) == k]
        stripped = key(name, strip_admin=True)
        if not out and stripped != k:
            out = self._rows(
                "SELECT p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.kind, p.population, n.how "
                "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND p.kind IN ('admin1','admin2')",
                (stripped,))
        best: dict[tuple, Candidate] = {}
        for c in out:
            ident = (c.geonameid, c.name, c.kind, c.country)
            if ident not in best or (best[ident].how != "name" and c.how == "name"):
                best[ident] = c
        return list(best.values())

    def _by_key(self, k: str) -> list[Candidate]:
        return self._rows(
            "SELECT p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.kind, p.population, n.how "
            "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?", (k,))

    def fuzzy(self, name: str, countries: list[str], cutoff: int = 88) -> list[Candidate]:
        """Close spellings among the ranked places of the given countries ('Mosoul', 'Dayr az-Zur'):
        GeoNames cities and areas, not the unranked localities."""
        k = key(name)
        if len(k) < 4:
            return []
        memo = (k, tuple(countries))
        if memo in self._fuzzy:
            return self._fuzzy[memo]
        out = []
        for cc in countries:
            for match in self._closest(k, self._country_names(cc), cutoff, 3):
                out += [dataclasses.replace(c, how="fuzzy") for c in self.lookup(match) if c.country == cc]
        if len(self._fuzzy) > 10_000:
            self._fuzzy.clear()
        self._fuzzy[memo] = out
        return out

    @staticmethod
    def _closest(k: str, names: _Names, cutoff: int, limit: int) -> list[str]:
        """The `limit` best keys scoring `cutoff` or more, best first and, on ties, in database
        order: what process.extract over the whole list gives, from the slice that can score."""
        lo, hi = names.around(len(k), cutoff)
        hits = process.extract(k, names.by_length[lo:hi], scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        hits.sort(key=lambda h: (-h[1], names.order[lo + h[2]]))
        return [match for match, _score, _ in hits[:limit]]

    def _country_names(self, cc: str) -> _Names:
        if cc not in self._by_country:
            self._by_country[cc] = _Names.of(country_keys.read(self.db, cc))
        return self._by_country[cc]

    def country(self, iso3: str) -> Candidate | None:
        rows = self._rows("SELECT geonameid, name, country, admin1, lat, lon, kind, population, 'name' FROM place "
                          "WHERE kind = 'country' AND country = ?", (iso3,))
        return rows[0] if rows else None

    def seat(self, code: str, name: str) -> Candidate | None:
        """The town that stands for a first-level area, as ACLED codes an event known only to a
        province at its capital (geo-precision 3): the city inside it that bears its name
        ('Kaduna' of Kaduna State), else its largest city (the data carry no seat codes, PPLA)."""
        memo = (code, name)
        if memo not in self._seats:
            cities = self._rows("SELECT geonameid, name, country, admin1, lat, lon, kind, population, 'name' FROM place "
                                "WHERE kind = 'city' AND admin1 = ? ORDER BY population DESC LIMIT 200", (code,))
            k = key(name, strip_admin=True)
            self._seats[memo] = next((c for c in cities if key(c.name) == k), cities[0] if cities else None)
        return self._seats[memo]

    def admin1(self, code: str) -> Candidate | None:
        rows = self._rows("SELECT geonameid, name, country, admin1, lat, lon, kind, population, 'name' FROM place "
                          "WHERE kind = 'admin1' AND admin1 = ?", (code,))
        return rows[0] if rows else None


_default: Gazetteer | None = None
_lock = threading.Lock()


def default_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The packaged gazetteer, built into the cache on first use (a few seconds, once)."""
    global _default
    from .build import default_path, ensure_built

    with _lock:
        target = Path(path) if path else default_path()
        if _default is None or _default.path != target:
            ensure_built(target)
            _default = Gazetteer(target)
        return _default
