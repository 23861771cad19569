"""Ingest under hostile input (#17): calendar-end dates never poison a store, wrong-typed fields
and lone surrogates never stop a batch, the same id with another text is a coded failure (never
a silent mix), and a re-run keeps the journal honest: one current status per input."""

from __future__ import annotations

import json

import pytest

from tacitus.ingest.items import Failure, Item
from tacitus.ingest.sources import iter_items
from tacitus.ingestion import ingest
from tacitus.store import cluster, open_store

TEXT = "Rebels attacked an army base near Gao, Mali, killing four soldiers, officials said."


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "t.duckdb")
    yield s
    s.close()


def current(store):
    """Each input's statuses in the journal, latest last."""
    out: dict[str, list[str]] = {}
    for src, status in store.rows("SELECT source, status FROM journal ORDER BY logged_at, run_id, seq"):
        out.setdefault(src, []).append(status)
    return out


def test_calendar_end_dates_do_not_poison_the_store(store, pipe):
    """Events dated at the calendar's ends (as a store written before #17 may hold) cluster."""
    recs = list(pipe.run([Item(text=TEXT, input="a", id="a", published="2024-05-06"),
                          Item(text="Police arrested two men in Lagos, Nigeria.", input="b", id="b",
                               published="2024-05-06")], n_process=1))
    for rec, day in zip(recs, ("9999-12-31", "0001-01-01"), strict=True):
        for e in rec["events"]:
            e["date"] = dict(e["date"] or {}, start=day, end=day, precision="day")
    store.write(recs, [], "old-run")  # written, not clustered: what a killed run leaves
    assert cluster.leftovers(store)
    stats = ingest([Item(text=TEXT + " Again.", input="c", id="c", published="2024-05-07")], store, pipe,
                   n_process=1)  # clusters the leftovers first
    assert stats.ok == 1 and not cluster.leftovers(store)


def test_a_published_date_at_the_calendar_end_is_ingested(store, pipe):
    items = [Item(text=TEXT, input="a", id="a", published="9999-12-31"),
             Item(text="Police arrested two men in Lagos.", input="b", id="b", published="0001-01-01")]
    stats = ingest(items, store, pipe, n_process=1)
    assert stats.ok == 2 and stats.failed == 0
    assert store.value("SELECT count(*) FROM articles WHERE published IS NULL") == 2


def test_fields_of_the_wrong_type_fail_their_record_not_the_batch(store, pipe, tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "t1", "text": TEXT, "title": {"a": 1}}, {"id": "t2", "text": TEXT, "url": [1]},
        {"id": "t3", "text": TEXT + " Three.", "source": 5}, {"id": "ok", "text": TEXT}]), encoding="utf-8")
    stats = ingest(iter_items([str(f)], max_bytes=10**6), store, pipe, n_process=1)
    assert stats.ok == 1 and stats.failed == 3 and stats.reasons == {"T016": 3}
    # items made by hand (the API, extract_many) pass the same door
    stats = ingest([Item(text=TEXT, input="h", title=7)], store, pipe, n_process=1)
    assert stats.failed == 1 and stats.reasons == {"T016": 1}


def test_lone_surrogates_are_stored_replaced(store, pipe):
    stats = ingest([Item(text="Caf\udce9 owners said " + TEXT, input="bad\udcffname.jsonl:1", title="T\ud800")],
                   store, pipe, n_process=1)
    assert stats.ok == 1
    assert store.value("SELECT title FROM articles") == "T\ufffd"
    assert store.value("SELECT source FROM journal") == "bad\ufffdname.jsonl:1"


def test_the_same_id_with_another_text_is_a_coded_failure(store, pipe):
    items = [Item(text=TEXT, input="f:1", id="d"), Item(text="Police arrested two men in Lagos.", input="f:2", id="d")]
    stats = ingest(items, store, pipe, n_process=1)
    assert stats.ok == 1 and stats.failed == 1 and stats.reasons == {"T019": 1}
    assert store.value("SELECT text FROM articles WHERE article_id = 'd'") == TEXT
    assert store.value("SELECT count(*) FROM events WHERE article_id = 'd' AND evidence_text LIKE '%Lagos%'") == 0
    # and in a later run
    stats = ingest([Item(text="Troops shelled Kharkiv.", input="g:1", id="d")], store, pipe, n_process=1)
    assert stats.failed == 1 and stats.reasons == {"T019": 1}
    reason = store.value("SELECT reason FROM journal WHERE source = 'g:1'")
    assert "'d'" in reason and "f:1" in reason


def test_a_rerun_keeps_one_current_status_per_input(store, pipe):
    items = [Item(text=TEXT, input="a.jsonl:1", id="a"), Item(text=TEXT, input="b.jsonl:1", id="a"),
             Failure(input="c.txt", error=__import__("tacitus.errors", fromlist=["InputError"]).InputError(
                 "T001", "empty", source="c.txt"))]
    first = ingest(items, store, pipe, n_process=1)
    assert (first.ok, first.skipped, first.failed) == (1, 1, 1)
    again = ingest(items, store, pipe, n_process=1)
    assert (again.ok, again.skipped, again.failed) == (0, 2, 1)
    statuses = current(store)
    assert statuses["a.jsonl:1"] == ["ok"]  # not "skipped" on top: it is in
    assert statuses["b.jsonl:1"] == ["skipped"]  # the same content from another input, said once
    assert statuses["c.txt"] == ["failed", "failed"]  # tried again, failed again


def test_query_sql_cannot_reach_other_files(store, tmp_path):
    from conftest import run_cli

    store.close()
    target = tmp_path / "leak.csv"
    for sql in (f"COPY (SELECT 1) TO '{target}'", "SELECT * FROM read_text('/etc/hostname')",
                f"ATTACH '{tmp_path / 'other.duckdb'}'", "INSTALL httpfs", "SET enable_external_access = true"):
        code, _, err = run_cli("query", "--db", str(tmp_path / "t.duckdb"), "--sql", sql)
        assert code == 2 and "Traceback" not in err and "--sql" in err, (sql, err)
    assert not target.exists() and not (tmp_path / "other.duckdb").exists()
