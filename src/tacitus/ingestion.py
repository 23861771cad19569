"""An ingest run: inputs -> pipeline -> store, with every input item journalled (ok, failed,
skipped). This is the orchestration above the store: what to skip, when to write, when to cluster,
what to report; the store only writes what it is given.

One long nlp.pipe over the stream (all cores); records are written in batches, each batch and its
journal lines in one transaction, so a run killed at any moment leaves whole batches; a new run
skips what the journal says is in and redoes the rest. Memory stays bounded: items stream through,
and only the in-flight ones are remembered. Progress goes to `on_progress` after every batch (the
CLI draws it), else to this module's logger at DEBUG.

The journal says one current thing about each input (its latest line): an input already in (the
same source with the same content, ok or skipped) gets no new line when it is met again; content
already in from another input is `skipped`; a failure is tried again and journalled again. Every
item passes the door (tacitus.door) before it is hashed. An id already given to another text,
in the store or earlier in the run, is a T019 failure: one id, one article, never a mix."""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import ids
from .door import admit
from .errors import InputError
from .ingest.items import Failure, Item
from .settings import Settings
from .store import Store, cluster

if TYPE_CHECKING:
    from .pipeline import Pipeline

log = logging.getLogger(__name__)

CHECK_BATCH = 256


def content_hash(item: Item) -> str:
    return ids.content_hash(item.title, item.published, item.text)


@dataclass
class Stats:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    clusters: int = 0
    started: float = field(default_factory=time.monotonic)
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.ok / max(1e-9, time.monotonic() - self.started)


def ingest(items: Iterable[Item | Failure], store: Store, pipeline: Pipeline, batch: int = 128,
           on_progress: Callable[[Stats], None] | None = None, n_process: int | None = None) -> Stats:
    """Runs `items` through `pipeline` into `store`, `batch` articles and journal lines per
    transaction, clustering each batch's new events; returns the run's counts."""
    stats = Stats()
    run_id = uuid.uuid4().hex[:12]
    pending: deque[tuple[int, str, str]] = deque()  # (seq, source, content hash) of items in flight, in order
    journal: list[tuple] = []
    seq_counter = [0]

    # events written by a run killed before it clustered them
    leftovers = cluster.leftovers(store)
    if leftovers:
        log.info("clustering %d events a previous run left unclustered", len(leftovers))
        stats.clusters += cluster.assign(store, leftovers)

    max_bytes = getattr(getattr(pipeline, "settings", None), "max_bytes", None) or Settings().max_bytes

    def fresh() -> Iterator[Item | Failure]:
        buf: list[Item | Failure] = []
        for it in items:
            buf.append(admit(it, max_bytes))
            if len(buf) >= CHECK_BATCH:
                yield from drop_seen(buf)
                buf = []
        yield from drop_seen(buf)

    unwritten: set[str] = set()  # hashes of items in flight or not yet flushed: later copies are skipped too
    claimed: dict[str, tuple[str, str]] = {}  # article id -> (content hash, source) of items not yet flushed

    def drop_seen(buf: list[Item | Failure]) -> Iterator[Item | Failure]:
        arts = [x for x in buf if isinstance(x, Item)]
        hashes = [content_hash(x) for x in arts]
        seen = store.seen(hashes) | unwritten
        accounted = _accounted(store, hashes)
        taken = _taken(store, [x.key() for x in arts])
        for x in buf:
            seq = seq_counter[0]
            seq_counter[0] += 1
            if isinstance(x, Item):
                h = content_hash(x)
                if h in seen:
                    stats.skipped += 1
                    if (x.input, h) not in accounted:  # an input met again is not journalled again
                        journal.append((seq, x.input, h, "skipped", "already in the store", x.key()))
                        accounted.add((x.input, h))
                    continue
                other = claimed.get(x.key()) or taken.get(x.key())
                if other is not None and other[0] != h:
                    x = Failure(input=x.input, id=x.key(), error=InputError(
                        "T019", f"the id {x.key()!r} already names a different article (from {other[1]})",
                        source=x.input, hint="give each article its own id (or none: a content hash is made)"))
                else:
                    seen.add(h)
                    unwritten.add(h)
                    claimed[x.key()] = (h, x.input)
                    pending.append((seq, x.input, h))
                    yield x
                    continue
            pending.append((seq, x.input, ids.input_hash(x.input)))
            yield x

    records: list[dict] = []

    def flush() -> None:
        nonlocal records, journal
        new_events = store.write([r for r in records if r.get("ok", True)], journal, run_id)
        unwritten.difference_update(j[2] for j in journal if j[3] != "skipped")
        for j in journal:
            if j[3] == "ok":
                claimed.pop(j[5], None)
            elif j[3] == "failed":  # its id is free again (the journal keeps only ok ids)
                for k, v in list(claimed.items()):
                    if v[0] == j[2] and v[1] == j[1]:
                        del claimed[k]
        stats.events += len(new_events)
        stats.clusters += cluster.assign(store, new_events)
        records, journal = [], []
        (on_progress or _log_progress)(stats)

    for rec in pipeline.run(fresh(), n_process=n_process):  # one record per item, in input order
        seq, src, h = pending.popleft()
        if rec.get("ok", True):
            journal.append((seq, src, h, "ok", None, rec["id"]))
            records.append(rec)
            stats.ok += 1
        else:
            reason = rec["errors"][0]["message"] if rec["errors"] else "unknown"
            journal.append((seq, src, h, "failed", reason, None))
            code = rec["errors"][0]["code"] if rec["errors"] else "?"
            stats.reasons[code] = stats.reasons.get(code, 0) + 1
            stats.failed += 1
        if len(records) + len(journal) >= batch:
            flush()
    flush()
    return stats


def _accounted(store: Store, hashes: list[str]) -> set[tuple[str, str]]:
    """(source, content hash) pairs the journal already has as in (ok, or skipped as a copy)."""
    if not hashes:
        return set()
    rows = store.rows("SELECT DISTINCT source, content_hash FROM journal WHERE status IN ('ok', 'skipped') "
                      "AND content_hash IN (SELECT unnest(?::VARCHAR[]))", [hashes])
    return {(r[0], r[1]) for r in rows}


def _taken(store: Store, article_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Article id -> (content hash, source) of the articles the journal has in under these ids."""
    if not article_ids:
        return {}
    rows = store.rows("SELECT article_id, content_hash, source FROM journal WHERE status = 'ok' "
                      "AND article_id IN (SELECT unnest(?::VARCHAR[]))", [article_ids])
    return {r[0]: (r[1], r[2]) for r in rows}


def _log_progress(stats: Stats) -> None:
    log.debug("%s", progress_line(stats))


def progress_line(stats: Stats) -> str:
    """One line on where a run stands (the CLI shows it; so may any caller)."""
    return (f"{stats.ok} articles ({stats.rate:.1f}/s), {stats.events} events, {stats.failed} failed, "
            f"{stats.skipped} skipped")
