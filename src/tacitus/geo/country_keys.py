"""A country's place keys for fuzzy matching, stored once per country in the gazetteer file.

A fuzzy match looks through every key of the country's places but its localities, in database
order (ties go to the first). A worker that asked the database for them took up to a seventh of a
second for one country on first use (the United States: 76,337 keys), once per worker and country,
which made the first articles of a run on new countries the slowest. The builder stores each
country's list in one row (table country_keys), read back in a few milliseconds; a gazetteer file
built before that (a user's own GeoNames build) still answers by the query."""

from __future__ import annotations

import sqlite3

QUERY = ("SELECT DISTINCT n.key FROM name n JOIN place p ON p.id = n.place "
         "WHERE p.country = ? AND p.kind != 'locality'")
SEPARATOR = "\n"  # never in a key: normalize.key leaves letters, digits and single spaces


def store(con: sqlite3.Connection) -> None:
    """Writes the country_keys table of a built gazetteer (its place and name tables complete)."""
    con.execute("CREATE TABLE country_keys (country TEXT PRIMARY KEY, keys TEXT)")
    rows = []
    for (cc,) in con.execute("SELECT DISTINCT country FROM place WHERE country IS NOT NULL").fetchall():
        keys = [k for (k,) in con.execute(QUERY, (cc,))]
        if any(SEPARATOR in k for k in keys):
            raise ValueError(f"a place key of {cc} holds the separator {SEPARATOR!r}")
        if keys:
            rows.append((cc, SEPARATOR.join(keys)))
    con.executemany("INSERT INTO country_keys VALUES (?, ?)", rows)
    con.commit()


def read(con: sqlite3.Connection, cc: str) -> list[str]:
    """The country's keys in database order ([] for a country without places)."""
    try:
        row = con.execute("SELECT keys FROM country_keys WHERE country = ?", (cc,)).fetchone()
    except sqlite3.OperationalError as e:
        if "no such table" not in str(e):
            raise
        return [k for (k,) in con.execute(QUERY, (cc,))]
    return row[0].split(SEPARATOR) if row is not None else []
