"""The pipeline: one spaCy parse per article, then the tacitus stages, batched over all cores.

`Pipeline.run` turns input items into article records (JSON form) in input order, and turns every
unreadable input into an error record, so that each input is accounted for. Every input passes
the door first (tacitus.door: types, valid Unicode, the size limit); a long article is parsed in
bounded pieces joined into one Doc (tacitus.parsing); a group of articles that breaks in a way
the stages' own error handling does not catch is redone one article at a time, so only the
article that breaks fails."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import parsing, stages
from .dates_util import normalise_published
from .door import admit, clamp_dates, error_text
from .errors import TacitusError
from .ingest.items import Failure, Item
from .nlp import layers
from .nlp.layer_types import InputMeta
from .nlp.layers import register
from .nlp.model import load_model
from .records import SCHEMA, Article, Problem, article_from_dict
from .settings import Settings, load
from .workers import Pool, WorkerStartError

log = logging.getLogger(__name__)


def error_record(input_name: str, error: TacitusError, id: str | None = None) -> dict[str, Any]:
    """The record written for an input that could not be processed: same shape, no content."""
    return {"schema": SCHEMA, "id": id or input_name, "title": None, "url": None, "source": None,
            "published": None, "language": None, "text": "", "events": [], "quotes": [], "places": [],
            "actors": [], "dates": [], "counts": [], "citations": [], "tone": None,
            "errors": [{"code": error.code, "message": error_text(error)}], "input": input_name, "ok": False}


def _lost(job: tuple[int, Item | Failure], why: str) -> dict[str, Any]:
    """The record of an input whose worker process died."""
    _, item = job
    if isinstance(item, Failure):
        return error_record(item.input, item.error, item.id)
    return error_record(item.input, TacitusError("T012", why, source=item.input,
                                                 hint="the input may be too large or too odd to parse; "
                                                      "please report it"), item.key())


def _slow(job: tuple[int, Item | Failure], why: str) -> dict[str, Any]:
    """The record of an article over the time budget."""
    _, item = job
    if isinstance(item, Failure):
        return error_record(item.input, item.error, item.id)
    return error_record(item.input, TacitusError("T018", why, source=item.input), item.key())


def unpickled(seq: int, data: bytes) -> tuple[int, Item | Failure]:
    """A job as a worker process receives it; one it cannot unpickle is a Failure (T012)."""
    import pickle

    try:
        return pickle.loads(data)
    except Exception as e:  # anything unpickling can raise: it costs only this article
        return seq, Failure(input=f"<article {seq}>", error=TacitusError(
            "T012", f"the article could not be passed to a worker process ({type(e).__name__}: {e})",
            hint="please report this with the input"))


class Pipeline:
    """Holds the loaded model and stages; build once, reuse for many articles."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None):
        register()
        self.settings = settings or load()
        self._custom_nlp = nlp is not None  # worker processes can only rebuild a pipeline from settings
        self._pools: dict[int, Pool] = {}
        self.nlp = nlp or load_model(self.settings.model)
        values = {"lexicons": list(self.settings.lexicons), "gazetteer": self.settings.gazetteer,
                  "min_confidence": self.settings.min_confidence}
        for name in stages.STAGES:
            if name not in self.nlp.pipe_names:
                config = {k: values[k] for k in stages.CONFIG.get(name, ())}
                where = stages.PLACEMENT.get(name, {})
                if any(v not in self.nlp.pipe_names for v in where.values()):
                    where = {}
                self.nlp.add_pipe(name, config=config, **where)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_bytes + 1)
        self._parse, self._stages = parsing.split_pipeline(self.nlp, stages.STAGES, piecewise=("tacitus_paragraphs",))
        self._errors: dict[int, str] = {}
        self.nlp.default_error_handler = self._on_error  # our stages: a failing article is reported, not fatal

    def _on_error(self, proc_name: str, proc: Any, docs: list[Doc] | None, e: Exception) -> None:
        for d in docs or []:
            piece = d.user_data.get(parsing.PIECE)
            meta = layers.get(d, "meta") if piece is None else None
            seq = piece[0] if piece is not None else meta.seq if meta is not None else None
            if seq is not None:
                self._errors[seq] = f"{proc_name}: {type(e).__name__}: {e}"

    def close(self) -> None:
        """Stops the worker processes (they also stop when this process exits)."""
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()

    def stage_info(self) -> list[dict[str, Any]]:
        """Each pipeline component in order with what it requires and assigns."""
        out = []
        for name in self.nlp.pipe_names:
            meta = self.nlp.get_pipe_meta(name)
            out.append({"name": name, "tacitus": name in stages.STAGES, "requires": list(meta.requires),
                        "assigns": list(meta.assigns)})
        return out

    def _meta(self, doc: Doc, item: Item, seq: int) -> Doc:
        """The doc with the input's fields as the stages read them (the meta layer)."""
        problems = [Problem(**p) for p in item.problems]
        published = item.published if item.published not in (None, "") else self.settings.published
        try:
            published = normalise_published(published)
        except ValueError as e:
            problems.append(Problem("T008", f"T008 {item.input}: publication date ignored: {e}"))
            published = None
        layers.put(doc, "meta", InputMeta(id=item.key(), title=item.title, published=published, url=item.url,
                                          source=item.source, input=item.input, problems=tuple(problems), seq=seq))
        return doc

    def run(self, items: Iterable[Item | Failure], n_process: int | None = None,
            batch_size: int | None = None) -> Iterator[dict[str, Any]]:
        """Records in input order: articles, and error records for inputs that failed. With more
        than one process, worker processes build the records (workers.py)."""
        n_process = n_process or self.settings.processes
        batch_size = batch_size or self.settings.batch_size
        jobs = enumerate(admit(x, self.settings.max_bytes) for x in items)
        pool = self._pool(n_process) if n_process > 1 and not self._custom_nlp else None
        if pool is not None:
            yield from pool.run(jobs, batch_size, _lost, _slow)
        else:
            yield from self.run_local(jobs, batch_size)

    def _pool(self, n_process: int) -> Pool | None:
        """Started workers for a parallel run, or None (run here) when they cannot start."""
        pool = self._pools.get(n_process)
        if pool is None or pool.busy:  # a run inside a run gets a pool of its own
            pool = Pool(self.settings, n_process)
            self._pools.setdefault(n_process, pool)
        try:
            pool.start()
        except WorkerStartError as e:
            log.warning("%s; parsing in this process instead", e)
            return None
        return pool

    def run_local(self, jobs: Iterable[tuple[int, Item | Failure]], batch_size: int | None = None
                  ) -> Iterator[dict[str, Any]]:
        """Records for (seq, input) pairs, in order, in this process: a group at a time (at most
        batch_size articles and parsing.BATCH_CHARS characters, or one longer article)."""
        batch_size = batch_size or self.settings.batch_size
        group: list[tuple[int, Item | Failure]] = []
        size = 0
        for seq, x in jobs:
            x = admit(x, self.settings.max_bytes)
            n = len(x.text) if isinstance(x, Item) else 0
            if group and (len(group) >= batch_size or size + n > parsing.BATCH_CHARS):
                yield from self._run_group(group, batch_size)
                group, size = [], 0
            group.append((seq, x))
            size += n
        if group:
            yield from self._run_group(group, batch_size)

    def _run_group(self, group: list[tuple[int, Item | Failure]], batch_size: int) -> list[dict[str, Any]]:
        try:
            return self._records(group, batch_size)
        except Exception as e:  # not from a stage (spaCy's error handler has those): redo one by one
            if len(group) > 1:
                return [r for job in group for r in self._run_group([job], batch_size)]
            seq, item = group[0]
            log.warning("parsing %s failed", item.input, exc_info=True)
            return [error_record(item.input, TacitusError("T012", f"{type(e).__name__}: {e}", source=item.input,
                                                          hint="please report this with the input"),
                                 item.key() if isinstance(item, Item) else item.id)]
        finally:
            for seq, _ in group:
                self._errors.pop(seq, None)

    def _records(self, group: list[tuple[int, Item | Failure]], batch_size: int) -> list[dict[str, Any]]:
        group = [(seq, self._countable(x)) for seq, x in group]
        items = {seq: x for seq, x in group if isinstance(x, Item)}
        pieces = (d for seq, x in items.items() for d in parsing.pieces(self.nlp, seq, x.text))
        parsed = parsing.parse_pieces(self.nlp, pieces, self._stages, batch_size)

        def joined() -> Iterator[Doc]:
            for seq, doc in parsing.join(parsed):
                if doc is not None:
                    yield self._meta(doc, items[seq], seq)

        records = {}
        for doc in self.nlp.pipe(joined(), disable=self._parse, batch_size=batch_size):
            records[layers.get(doc, "meta").seq] = clamp_dates(layers.get(doc, "record"))
        out = []
        for seq, x in group:
            if isinstance(x, Failure):
                out.append(error_record(x.input, x.error, x.id))
            elif seq in records:
                out.append(records[seq])
            else:  # the parse or a stage failed on this article
                msg = self._errors.pop(seq, "the article was lost while it was parsed")
                out.append(error_record(x.input, TacitusError("T012", msg, source=x.input,
                                                              hint="please report this with the input"), x.key()))
        return out

    def _countable(self, x: Item | Failure) -> Item | Failure:
        """The item, or a T004 Failure if it has more tokens than the stages may hold."""
        if isinstance(x, Item) and (n := parsing.too_many_tokens(self.nlp, x.text)):
            return Failure(input=x.input, id=x.key(), error=TacitusError(
                "T004", f"the text has {n} tokens, over the {parsing.MAX_TOKENS} the pipeline holds at once",
                source=x.input, hint="split it into articles"))
        return x

    def extract(self, text: str, published: str | None = None, title: str | None = None, id: str | None = None,
                url: str | None = None, source: str | None = None) -> Article:
        item = Item(text=text, input=id or "<text>", id=id, title=title, published=published, url=url, source=source)
        rec = next(self.run([item], n_process=1))
        if not rec.get("ok", True):
            code, message = rec["errors"][0]["code"], rec["errors"][0]["message"]
            raise TacitusError(code, message.removeprefix(f"{code} "))
        return article_from_dict(rec)

    def extract_many(self, inputs: Iterable[str | dict | Item], n_process: int | None = None) -> Iterator[Article]:
        """Articles for texts, dicts ({text, id, title, published, url, source}) or Items, in order;
        inputs that fail come back as Articles with ok=False and their errors."""
        def items() -> Iterator[Item]:
            for i, x in enumerate(inputs):
                if isinstance(x, Item):
                    yield x
                elif isinstance(x, str):
                    yield Item(text=x, input=f"<text {i}>")
                else:
                    yield Item(text=x.get("text"), input=str(x.get("id") or f"<record {i}>"), id=x.get("id"),
                               title=x.get("title"), published=x.get("published"), url=x.get("url"),
                               source=x.get("source"))
        for rec in self.run(items(), n_process=n_process):
            yield article_from_dict(rec)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
