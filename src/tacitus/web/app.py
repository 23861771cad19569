"""The REST API and the page. Reads go through store/query.py and store/read.py on one read-only
connection (store/served.py: the store attached to an in-memory database with narrow tables for the
aggregates), a cursor per request so that requests run side by side; what a read
returns is cached as JSON bytes while the store stays as it is (web/cache.py). A cached answer is
sent from the event loop; only a miss goes to a worker thread (and to DuckDB). Filters are
validated by tacitus.filters (the same rules and messages as the command line) and bound in SQL
there, so a bad parameter is a 4xx that says what to send, never a 500."""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from .. import SCHEMA, __version__
from ..export import FORMATS, write_binary
from ..filters import HELP, FilterError, Filters, parse_filters
from ..store import Store
from ..store import read as reads
from ..store.query import events, iter_events, total
from ..store.served import open_served
from .cache import ResponseCache
from .colours import palette
from .security import HostCheck, SecurityHeaders

MAX_PAGE = 5000
MAX_PASTE = 1_000_000  # characters in a pasted article
Format = Literal["json", "geojson", "csv"]
ExportFormat = Literal[tuple(FORMATS)]  # type: ignore[valid-type]
TypeDim = Literal["plover", "acled", "acled_sub", "cameo", "quad"]


def static_dir() -> Path:
    return Path(str(resources.files("tacitus.web") / "static"))


async def filters(
    since: str | None = Query(None, description=HELP["since"]),
    until: str | None = Query(None, description=HELP["until"]),
    country: str | None = Query(None, description=HELP["country"]),
    type: str | None = Query(None, description=HELP["type"]),
    actor: str | None = Query(None, description=HELP["actor"]),
    bbox: str | None = Query(None, description=HELP["bbox"]),
    text: str | None = Query(None, description=HELP["text"]),
    limit: int = Query(100, description=f"rows per page (1 to {MAX_PAGE})"),
    offset: int = Query(0, description=HELP["offset"]),
    all_events: bool = Query(False, description=HELP["all_events"]),
    sort: str | None = Query(None, description=HELP["sort"]),
) -> Filters:
    try:
        return parse_filters(since=since, until=until, country=country, type=type, actor=actor, bbox=bbox,
                             text=text, limit=limit, offset=offset, max_limit=MAX_PAGE, all_events=all_events,
                             sort=sort)
    except FilterError as e:
        raise HTTPException(400, str(e)) from e


class ExtractIn(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_PASTE, description="the article's text")
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40, description="publication date; relative dates resolve against it")
    source: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=200)
    store: bool = Field(False, description="also write it to the store (needs `tacitus serve --allow-writes`)")


def _rows(cols: list[str], rows: list[tuple]) -> list[dict[str, Any]]:
    return [dict(zip(cols, r, strict=True)) for r in rows]


def _default(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    return str(v)


def dumps(obj: Any) -> bytes:
    """JSON bytes (faster than FastAPI's encoder for rows of plain values)."""
    return json.dumps(obj, default=_default, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _tabular(items: list[dict], fmt: str) -> Response:
    buf = io.StringIO()
    FORMATS[fmt].write(items, buf)
    return Response(buf.getvalue(), media_type=FORMATS[fmt].media_type)


class _Keeping:
    """A pipeline that also keeps the records it yields."""

    def __init__(self, pipeline, into: list[dict]):
        self.pipeline, self.into = pipeline, into

    def run(self, items, n_process: int | None = None):
        for rec in self.pipeline.run(items, n_process=n_process):
            self.into.append(rec)
            yield rec


def _found(rec: dict | None, what: str, key: str) -> Any:
    if rec is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return rec


def _jsonable(v: Any) -> Any:
    from fastapi.encoders import jsonable_encoder
    return jsonable_encoder(v)


def create_app(db: str | Path, allow_writes: bool = False, pipeline_factory=None,
               allowed_hosts: tuple[str, ...] = ()) -> FastAPI:
    """The app over the store at `db`, opened read-only unless `allow_writes` (needed only to store
    pasted articles). `pipeline_factory` builds the extraction pipeline on first use (tests inject one).
    Requests must name the address the server listens on, or one of `allowed_hosts` (security.HostCheck)."""
    db = Path(db)
    if not db.exists():  # a server never creates a store, even one allowed to write
        from ..store import StoreNotFound
        raise StoreNotFound(db)
    # read-only: the store attached to an in-memory database holding the aggregates' narrow tables
    store = Store(db) if allow_writes else open_served(db)
    lock = threading.Lock()
    cursors = threading.Lock()
    state: dict[str, Any] = {"pipeline": None}
    cache = ResponseCache()

    app = FastAPIOffline(title="tacitus explorer API", version=__version__,
                         description="Events coded from news reports (CAMEO, PLOVER, ACLED) with their evidence. "
                                     f"Records follow {SCHEMA}. Read-only towards the store.")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, allowed_hosts=allowed_hosts)
    app.state.store = store
    app.state.cache = cache
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    def new_view() -> Store:
        """The store on a cursor of its own, for one request (cursors run side by side)."""
        with cursors:
            return store.view()

    def view():
        v = new_view()
        try:
            yield v
        finally:
            v.close()

    def reading(compute):
        """compute(store) on a cursor of its own."""
        v = new_view()
        try:
            return compute(v)
        finally:
            v.close()

    async def cached(key: Any, compute) -> Response:
        """The cached answer, straight from the event loop; else compute(store) in a worker thread."""
        body = cache.peek(key)
        if body is None:
            body = await run_in_threadpool(cache.get, key, lambda: dumps(reading(compute)))
        return _json(body)

    def pipeline():
        with lock:
            if state["pipeline"] is None:
                if pipeline_factory is not None:
                    state["pipeline"] = pipeline_factory()
                else:
                    from ..pipeline import Pipeline
                    state["pipeline"] = Pipeline()
            return state["pipeline"]

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static_dir() / "index.html", media_type="text/html")

    @app.get("/api/health", summary="The store's size and the record schema")
    async def health() -> Response:
        return await cached(("health",), lambda s: {"ok": True, "version": __version__, "schema": SCHEMA, "db": str(db),
                                             "read_only": not allow_writes, "counts": s.counts()})

    @app.get("/api/facets", summary="Values the filters can take, counted over what the other filters select "
                                    "(types per ontology, countries, actors), the date range, the store's size and "
                                    "each type's colour")
    async def facets(f: Filters = Depends(filters), clusters: bool = False) -> Response:
        key = f.with_(limit=None, offset=0, sort=None)

        def compute(s: Store) -> dict[str, Any]:
            size = json.loads(cache.get(("stats",), lambda: dumps(reads.stats(s))))  # the same for every filter
            return {**reads.facets(s, key, clusters, with_stats=False), **size, "colours": palette()}
        return await cached(("facets", key, clusters), compute)

    async def listing(f: Filters, fmt: str, clusters: bool) -> Response:
        if fmt != "json":
            return await run_in_threadpool(reading, lambda s: _tabular(_rows(*events(s, f, clusters=clusters)), fmt))

        def page(s: Store) -> dict[str, Any]:
            cols, rows = events(s, f, clusters=clusters)
            return {"total": total(s, f, clusters=clusters), "limit": f.limit, "offset": f.offset,
                    "items": _rows(cols, rows)}
        return await cached(("rows", f, clusters), page)

    @app.get("/api/events", summary="Events matching the filters (JSON page, GeoJSON or CSV)")
    async def list_events(f: Filters = Depends(filters), format: Format = "json") -> Response:
        return await listing(f, format, False)

    @app.get("/api/clusters", summary="Clusters of duplicate reports (one row each, on its representative event, "
                                      "with its number of reports)")
    async def list_clusters(f: Filters = Depends(filters), format: Format = "json") -> Response:
        return await listing(f, format, True)

    @app.get("/api/events/{event_id:path}", summary="One event with its evidence, article and cluster")
    async def one_event(event_id: str) -> Any:
        return await cached(("event", event_id), lambda s: _found(reads.event(s, event_id), "event", event_id))

    @app.get("/api/clusters/{cluster_id:path}", summary="One cluster with the events merged into it and why")
    async def one_cluster(cluster_id: str) -> Any:
        return await cached(("cluster", cluster_id),
                            lambda s: _found(reads.cluster(s, cluster_id), "cluster", cluster_id))

    @app.get("/api/articles/{article_id:path}", summary="One article with all its annotations and their offsets")
    async def one_article(article_id: str) -> Any:
        return await cached(("article", article_id),
                            lambda s: _found(reads.article(s, article_id), "article", article_id))

    @app.get("/api/timeline", summary="Event counts and fatalities per day/week/month/year and type, for the timeline")
    async def timeline(f: Filters = Depends(filters), bucket: Literal["day", "week", "month", "year"] = "day",
                       by: TypeDim = "plover", clusters: bool = False) -> Response:
        key = f.with_(limit=None, offset=0, sort=None)
        return await cached(("timeline", key, bucket, by, clusters),
                            lambda s: {"bucket": bucket, "by": by,
                                       "items": reads.timeline(s, key, bucket, by, clusters)})

    @app.get("/api/map", summary="Located events (and their fatalities) per place or grid cell, for the map")
    async def map_points(f: Filters = Depends(filters), by: TypeDim = "plover",
                         grid: float | None = Query(None, gt=0, le=90,
                                                    description="cell size in degrees; per place if absent"),
                         max_places: int = Query(3000, ge=1, le=50000,
                                                 description="above this many places, cells sized to the bbox are used"),
                         clusters: bool = False) -> Response:
        key = f.with_(limit=None, offset=0, sort=None)
        return await cached(("map", key, by, grid, max_places, clusters),
                            lambda s: {"by": by, **reads.map_points(s, key, by, grid, max_places, clusters)})

    @app.get("/api/export", summary="Every event (or cluster) matching the filters, as a download")
    def export(f: Filters = Depends(filters), format: ExportFormat = Query(...),
               clusters: bool = False, s: Store = Depends(view)) -> Response:
        fmt = FORMATS[format]
        name = f"tacitus-{'clusters' if clusters else 'events'}-{format}.{fmt.extension}"
        # written to a spooled file (memory, then disk past 32 MB) from rows fetched a chunk at a time
        spool = tempfile.SpooledTemporaryFile(max_size=32 << 20)
        write_binary(fmt, iter_events(s, f.with_(limit=None, offset=0), clusters=clusters), spool)
        spool.seek(0)

        def chunks():
            with spool:
                while block := spool.read(1 << 16):
                    yield block
        return StreamingResponse(chunks(), media_type=fmt.media_type,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.post("/api/extract", summary="Extract a pasted article (not stored unless asked)")
    def extract(body: ExtractIn) -> Any:
        if body.store and not allow_writes:
            raise HTTPException(403, "the store is read-only: start the server with `tacitus serve --allow-writes` "
                                     "to store pasted articles")
        from ..dates_util import normalise_published
        from ..errors import InputError
        from ..ingest.guard import decode
        from ..ingest.items import Item
        try:
            decode(body.text.encode("utf-8"), "<pasted>")
            normalise_published(body.published)
        except InputError as e:
            raise HTTPException(422, str(e)) from e
        except ValueError as e:
            raise HTTPException(422, f"published: {e}") from e
        item = Item(text=body.text, input="<pasted>", id=body.id, title=body.title, published=body.published,
                    url=body.url, source=body.source)
        p = pipeline()
        got: list[dict] = []
        with lock:
            if body.store:  # extracted once, by the ingest that stores it (nothing if already in)
                from ..ingestion import ingest
                ingest([item], store, _Keeping(p, got), n_process=1)
                cache.clear()  # the store changed: every cached answer is stale
            if not got:
                got.append(next(p.run([item], n_process=1)))
        rec = got[0]
        if not rec.get("ok", True):
            err = (rec.get("errors") or [{}])[0]
            raise HTTPException(422, f"{err.get('code', '?')}: {err.get('message', 'could not extract the article')}")
        return _jsonable(rec)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, e: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(e)}, status_code=400)

    return app

