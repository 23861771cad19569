"""Migrations that migrate: each is frozen as written, a store written by the 0.1.0 release opens
and keeps working, a new migration reaches an existing store on open, and the migrations build
every column the records define (the test that fails when a record gains a field no migration
adds).

tests/data/store-0.1.0.duckdb.gz is a store written by tacitus 0.1.0 (commit a7fb913, DuckDB 2.0.1)
before the migrations were frozen: three articles of our own (r1, r2: two reports of one attack in
Kidal; r3: talks in Cairo) ingested with `tacitus.store.ingest.ingest` and Settings(n_process=1)."""

from __future__ import annotations

import dataclasses
import gzip
import logging
import shutil
from pathlib import Path

import duckdb
import pytest

from tacitus.ingest.items import Item
from tacitus.ingestion import ingest
from tacitus.records import SCHEMA_VERSION, Event
from tacitus.store import Store, read, schema
from tacitus.store.migrations import Migration, describe, discover, layout, missing, render

RELEASE = Path(__file__).parent / "data" / "store-0.1.0.duckdb.gz"
RELEASED = ("0001_initial", "0002_indexes")  # the migrations 0.1.0 applied


@pytest.fixture()
def release_store(tmp_path) -> Path:
    path = tmp_path / "old.duckdb"
    with gzip.open(RELEASE) as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def raw(path: Path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return describe(con), con.execute("SELECT name, applied_at FROM migrations ORDER BY 1").fetchall()
    finally:
        con.close()


def test_the_first_migrations_are_the_frozen_release_schema(release_store):
    """The migrations 0.1.0 applied build its tables, column for column."""
    old_layout, applied = raw(release_store)
    assert [n for n, _ in applied] == list(RELEASED)
    assert layout(discover()[:len(RELEASED)]) == old_layout
    assert [m.name for m in discover()[:len(RELEASED)]] == list(RELEASED)


def test_a_store_written_by_the_release_opens_and_keeps_working(release_store, pipe):
    _, applied_before = raw(release_store)
    later = [m.name for m in discover()[len(RELEASED):]]
    with Store(release_store) as s:  # applies what came after the release
        assert s.migrate() == [] and s.pending() == []
        assert describe(s._con) == layout()  # the same tables as a new store
        assert s.counts()["articles"] == 3 and s.counts()["clusters"] == 2
        art = read.article(s, "r1")
        assert art["events"] and art["events"][0]["location"]["name"] == "Kidal"
        stats = ingest([Item(text="Gunmen attacked an army base near Kidal, Mali, on Sunday, killing 12 soldiers.",
                             id="r4", input="r4", published="2024-03-04", source="Wire Three")], s, pipe, n_process=1)
        assert stats.ok == 1 and stats.events >= 1
        joined = s.value("SELECT max(num_articles) FROM clusters WHERE cameo_root = '19'")
        assert joined == 3  # the new report joined the release's cluster
    assert [n for n, _ in raw(release_store)[1]] == [n for n, _ in applied_before] + later
    assert raw(release_store)[1][:len(RELEASED)] == applied_before  # nothing re-applied


def test_a_new_migration_reaches_an_existing_store_on_open(release_store):
    extra = Migration("0099_test_weight", ('ALTER TABLE events ADD COLUMN "test_weight" DOUBLE',))
    migrations = (*discover(), extra)
    with Store(release_store, read_only=True, migrations=migrations) as s:  # read-only: reads, applies nothing
        assert s.pending()[-1] == "0099_test_weight" and "test_weight" not in s.describe("events")
    with Store(release_store, migrations=migrations) as s:
        assert "test_weight" in s.describe("events")
        assert s.value("SELECT count(*) FROM events WHERE test_weight IS NULL") == 3
    names = [n for n, _ in raw(release_store)[1]]
    assert names == [m.name for m in migrations]
    with Store(release_store, migrations=migrations) as s:
        assert s.migrate() == []


def test_a_failed_migration_leaves_the_store_as_it_was(release_store):
    bad = Migration("0099_half", ('ALTER TABLE events ADD COLUMN "a" DOUBLE', "ALTER TABLE nowhere ADD COLUMN b INT"))
    with pytest.raises(duckdb.Error):
        Store(release_store, migrations=(*discover(), bad))
    layout_after, applied = raw(release_store)
    assert "a" not in [c for c, _, _ in layout_after["events"]]
    assert [n for n, _ in applied] == [m.name for m in discover()]  # the good ones stay applied


def test_the_migrations_build_every_column_the_records_define():
    todo = missing(layout())
    assert todo == [], ("the records define columns no migration creates; run "
                        "`python -m tacitus.store.migrations new NAME` to write the migration:\n" + "\n".join(todo))


def test_a_new_record_field_needs_one_generated_migration(release_store, monkeypatch):
    """What adding a field to Event takes: the check names it, the generator writes the migration,
    and a store written by the release gains the column and stores the field."""
    ev_plus = dataclasses.make_dataclass("EventPlus", [("weight", float | None, dataclasses.field(default=None))],
                                         bases=(Event,), frozen=True)
    monkeypatch.setitem(schema.TABLES, "events", (ev_plus, ()))
    schema._table_columns.cache_clear()
    try:
        todo = missing(layout())
        assert todo == ['ALTER TABLE events ADD COLUMN "weight" DOUBLE']
        number = int(discover()[-1].name[:4]) + 1
        ns: dict = {}
        exec(render("event_weight", todo, number), ns)  # the file `... migrations new event_weight` writes
        new = Migration(f"{number:04d}_event_weight", ns["STATEMENTS"])
        assert missing(layout((*discover(), new))) == []
        with Store(release_store, migrations=(*discover(), new)) as s:
            rec = read.article(s, "r3")
            rec["id"] = "r3-copy"
            rec["events"][0].update(weight=0.75, id="e-copy")
            s.write([rec], [], "test")
            assert s.value("SELECT weight FROM events WHERE article_id = 'r3-copy'") == 0.75
            assert s.value("SELECT schema_version FROM events WHERE article_id = 'r3-copy'") == SCHEMA_VERSION
            assert s.value("SELECT schema_version FROM events WHERE article_id = 'r3'") == 1  # as 0.1.0 wrote it
    finally:
        monkeypatch.undo()
        schema._table_columns.cache_clear()


def test_new_tables_and_schema_version_defaults_are_generated():
    want = dict(schema.shape())
    want["links"] = (schema.Column("link_id", "VARCHAR", key=True), schema.Column("kind", "VARCHAR"))
    assert missing(layout(), want) == ['CREATE TABLE IF NOT EXISTS links ("link_id" VARCHAR PRIMARY KEY, '
                                       '"kind" VARCHAR)']
    nxt = schema.Column("schema_version", "INTEGER", default=str(SCHEMA_VERSION + 1))
    bumped = {t: tuple(nxt if c.name == "schema_version" else c for c in cols) for t, cols in schema.shape().items()}
    stmts = missing(layout(), bumped)
    assert f"ALTER TABLE events ALTER COLUMN schema_version SET DEFAULT {SCHEMA_VERSION + 1}" in stmts
    assert len(stmts) == 10


def test_a_changed_column_type_is_refused():
    want = dict(schema.shape())
    want["clusters"] = tuple(schema.Column(c.name, "BIGINT") if c.name == "lat" else c for c in want["clusters"])
    with pytest.raises(ValueError, match="clusters.lat"):
        missing(layout(), want)


def test_a_read_only_store_with_pending_migrations_warns(release_store, caplog):
    extra = Migration("0099_test", ('ALTER TABLE events ADD COLUMN "x" DOUBLE',))
    with caplog.at_level(logging.WARNING, logger="tacitus"):
        with Store(release_store, read_only=True, migrations=(*discover(), extra)) as s:
            assert s.counts()["events"] == 3
    assert "0099_test" in caplog.text and "opened for writing" in caplog.text


def test_migration_names_are_numbered_and_unique():
    names = [m.name for m in discover()]
    assert names == sorted(names) and len({n[:4] for n in names}) == len(names)
    assert all(m.statements for m in discover())


def test_a_record_field_without_its_migration_is_named(release_store):
    from tacitus.store import StoreError

    with Store(release_store) as s, pytest.raises(StoreError, match="events has no column weight.*migrations check"):
        s.insert("events", ["event_id", "article_id", "weight"], [["e", "a", 0.5]])


def test_a_store_migrated_by_a_newer_version_warns(release_store, caplog):
    newer = (*discover(), Migration("0099_future", ('ALTER TABLE events ADD COLUMN "future" DOUBLE',)))
    Store(release_store, migrations=newer).close()
    with caplog.at_level(logging.WARNING, logger="tacitus"):
        with Store(release_store) as s:
            assert s.counts()["events"] == 3
    assert "0099_future" in caplog.text and "newer tacitus" in caplog.text
