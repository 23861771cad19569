"""The Spark jobs: extract (inputs -> records -> the store's tables as Parquet) and cluster (events
-> clusters). The work itself is tacitus.spark.worker's; this module only wires DataFrames.

Output layout (each a Parquet dataset; record tables partitioned by year and month):
    OUT/articles  OUT/events  OUT/places  OUT/quotes  OUT/actors  OUT/dates  OUT/counts  OUT/citations
    OUT/clusters  OUT/journal (every input: ok, failed or skipped, with why)  OUT/failed (inputs that failed)
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..records import SCHEMA_VERSION
from ..settings import Settings
from . import schemas, worker

log = logging.getLogger(__name__)
FORMATS = {"auto": None, "jsonl": (".jsonl", ".ndjson"), "text": (".txt", ".text", ".html", ".htm"),
           "warc": (".warc", ".warc.gz")}


@dataclass
class Job:
    input: str
    output: str
    format: str = "auto"
    columns: dict[str, str] = field(default_factory=dict)  # field -> column, for parquet/json tables
    partitions: int | None = None
    cluster: bool = True
    settings: Settings = field(default_factory=Settings)


def session(master: str | None = None, app: str = "tacitus"):
    """A SparkSession; under spark-submit the master comes from there, else local[*] unless given."""
    import os

    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName(app)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver's JVM
    if master or not submitted:
        master = master or "local[*]"
        b = b.master(master)
    if (master or "").startswith("local"):
        # workers run this interpreter, where tacitus and its model are installed (on a cluster,
        # PYSPARK_PYTHON names the environment shipped to the executors: docs/spark.md); and with
        # few cores Spark's 200 shuffle partitions would each start Python work for nothing
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        b = b.config("spark.sql.shuffle.partitions", str(4 * (os.cpu_count() or 2)))
    b = (b.config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")  # articles are large rows
          .config("spark.python.worker.reuse", "true")  # keeps each worker's loaded model
          .config("spark.sql.sources.partitionOverwriteMode", "static")
          .config("spark.ui.showConsoleProgress", "false"))
    return b.getOrCreate()


def _items(spark, job: Job):
    """Input -> item rows (seq order = a local run's order)."""
    from pyspark.sql import functions as F

    if job.format in ("parquet", "json"):
        reader = spark.read.parquet if job.format == "parquet" else spark.read.json
        df = reader(job.input).withColumn("_seq", F.monotonically_increasing_id())
        cols, src = dict(job.columns), job.input
        return df.mapInArrow(lambda it: worker.read_table_rows(it, cols, src), schemas.spark_schema(schemas.ITEM))
    files = list_inputs(spark, job.input)
    if FORMATS.get(job.format):
        files = [(p, n) for p, n in files if p.lower().endswith(FORMATS[job.format])]
    if not files:
        raise FileNotFoundError(f"no input files at {job.input}" + (f" ({job.format})" if job.format != "auto" else ""))
    order = {p: i for i, (p, _) in enumerate(files)}
    if worker.local_path(job.input) is not None:  # read in place by the workers
        df = spark.createDataFrame([(p,) for p, _ in files], "path string")
    else:  # bytes through Spark (binaryFile skips empty files: those are added as empty content)
        full = [p for p, n in files if n > 0]
        df = spark.createDataFrame([(p, b"") for p, n in files if n == 0], "path string, content binary")
        if full:
            df = spark.read.format("binaryFile").load(full).select("path", "content").unionByName(df)
    settings = job.settings
    slices = max(1, min(len(files), spark.sparkContext.defaultParallelism * 4))
    return df.repartition(slices).mapInArrow(lambda it: worker.read_files(it, order, settings),
                                             schemas.spark_schema(schemas.ITEM))


def list_inputs(spark, uri: str) -> list[tuple[str, int]]:
    """(path, size) of every input file, in the order a local run reads them: tacitus's own listing
    for local paths; Hadoop's (sorted) for other file systems."""
    local = worker.local_path(uri)
    if local is not None:
        from ..ingest.sources import _expand

        out = []
        for p in _expand(local):
            if isinstance(p, Path):
                out.append((str(p), p.stat().st_size))
        return out
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    root = jvm.org.apache.hadoop.fs.Path(uri)
    fs = root.getFileSystem(conf)
    out = []
    for st in fs.globStatus(root) or []:
        it = fs.listFiles(st.getPath(), True)
        while it.hasNext():
            f = it.next()
            name = f.getPath().getName()
            if not name.startswith((".", "_")):
                out.append((f.getPath().toString(), f.getLen()))
    return sorted(set(out))


def _log(t0: float, msg: str) -> None:
    log.info("tacitus spark: %7.1f s  %s", time.monotonic() - t0, msg)


def extract(spark, job: Job) -> dict[str, int]:
    """Runs the extraction and writes every table; returns row counts."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    t0 = time.monotonic()
    settings = job.settings
    items = _items(spark, job)
    n = job.partitions or spark.sparkContext.defaultParallelism * 4
    records = items.repartition(n).mapInArrow(lambda it: worker.extract(it, settings),
                                              schemas.spark_schema(schemas.RECORD))
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    _log(t0, f"{records.count()} inputs extracted")

    # the journal: later copies of an input already extracted are skipped, as a local ingest does
    first = Window.partitionBy("content_hash").orderBy("seq")
    byid = Window.partitionBy("article_id").orderBy("seq")
    marked = (records.withColumn("copy", F.row_number().over(first) > 1)
              .withColumn("copy", F.col("copy") | (F.col("ok") & ~F.col("copy") & (F.row_number().over(byid) > 1))))
    run_id = f"spark-{spark.sparkContext.applicationId}"[:40]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    line = {  # the store's journal columns (schemas.JOURNAL), each from the record rows
        "seq": F.col("seq"), "source": F.col("input"), "content_hash": F.col("content_hash"),
        "status": F.when(F.col("copy"), "skipped").when(~F.col("ok"), "failed").otherwise("ok"),
        "reason": F.when(F.col("copy"), F.lit("already in the store")).when(~F.col("ok"), F.col("reason")),
        "article_id": F.when(F.col("ok"), F.col("article_id")), "run_id": F.lit(run_id),
        "logged_at": F.lit(now).cast("timestamp"), "schema_version": F.lit(SCHEMA_VERSION).cast("int")}
    journal = marked.select(*[line[f.name].alias(f.name) for f in schemas.JOURNAL])
    kept = marked.filter(F.col("ok") & ~F.col("copy")).select("seq", *[f"rows_{t}" for t in schemas.RECORD_TABLES])
    kept = kept.persist(StorageLevel.MEMORY_AND_DISK)
    journal = journal.persist(StorageLevel.MEMORY_AND_DISK)
    _log(t0, f"{kept.count()} articles kept, {journal.count()} journal lines")

    out = job.output.rstrip("/")
    counts: dict[str, int] = {}
    tables = {}
    for t in schemas.RECORD_TABLES:
        tables[t] = kept.select(F.explode(f"rows_{t}").alias("r")).select("r.*")
    tables["events"] = first_of_each(tables["events"], kept_order(kept))
    if job.cluster:
        events, clusters = cluster_frames(spark, tables["events"], tables["articles"], journal)
        tables["events"] = events
        _write(clusters, f"{out}/clusters", partition=False)
        counts["clusters"] = spark.read.parquet(f"{out}/clusters").count()
        _log(t0, f"{counts['clusters']} clusters")
    for t, df in tables.items():
        _write(df, f"{out}/{t}")
        counts[t] = spark.read.parquet(f"{out}/{t}").count()
        _log(t0, f"{counts[t]} rows in {t}")
    _write(journal, f"{out}/journal", partition=False)
    failed = marked.filter(~F.col("ok") & ~F.col("copy")).select(
        "seq", "input", "code", "reason", "record", F.lit(SCHEMA_VERSION).cast("int").alias("schema_version"))
    _write(failed, f"{out}/failed", partition=False)
    jr = spark.read.parquet(f"{out}/journal").groupBy("status").count().collect()
    counts.update({f"journal_{r['status']}": r["count"] for r in jr})
    records.unpersist()
    kept.unpersist()
    return counts


def kept_order(kept):
    """(article_id, seq) of the articles kept: the order the store writes them in."""
    from pyspark.sql import functions as F

    return kept.select(F.col("rows_articles")[0]["article_id"].alias("article_id"), "seq")


def first_of_each(events, order=None):
    """One row per event id, the first written (article order, then position in it), as the store
    keeps the first row of a key (INSERT OR IGNORE): so joins on event_id never multiply rows."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    cols = events.columns
    if order is not None:
        events = events.join(order, "article_id", "left")
    else:
        events = events.withColumn("seq", F.lit(0))
    w = Window.partitionBy("event_id").orderBy(F.col("seq").asc_nulls_last(), F.col("evidence_start").asc_nulls_last(),
                                               F.col("trigger_start").asc_nulls_last())
    return events.withColumn("_n", F.row_number().over(w)).filter(F.col("_n") == 1).select(*cols)


def cluster_frames(spark, events, articles, journal):
    """Events (without cluster ids) -> (events with cluster ids, clusters), the local store's clusters
    for the same input: each CAMEO root's events are matched in ingestion order (journal seq, then
    position in the article) by the store's own function; counts and representative as the store."""
    from pyspark.sql import functions as F

    from ..store.cluster import FEATURE_EXPRS, STATS_SQL

    events = events.persist()
    events.createOrReplaceTempView("tacitus_events")
    articles.createOrReplaceTempView("tacitus_articles")
    journal.filter(F.col("status") == "ok").select("seq", "article_id").createOrReplaceTempView("tacitus_order")
    feats = ", ".join(f"{expr} AS {name}" for expr, name in FEATURE_EXPRS)
    featured = spark.sql(f"SELECT {feats}, j.seq, e.evidence_start, e.trigger_start FROM tacitus_events e "
                         f"JOIN tacitus_order j ON j.article_id = e.article_id")
    mapping = featured.groupBy("root").applyInArrow(worker.cluster_group, schemas.spark_schema(schemas.CLUSTER_MAP))
    mapping = mapping.persist()
    mapping.createOrReplaceTempView("tacitus_map")
    with_ids = (events.drop("cluster_id").join(mapping.select("event_id", "cluster_id"), "event_id", "left")
                .select(*events.columns))
    with_ids.createOrReplaceTempView("tacitus_events_c")
    keep = ", ".join(f"first(m.{k}) AS {k}" for k in schemas.CLUSTER_KEEP)
    clusters = spark.sql(f"""
        SELECT m.cluster_id, min_by(e.event_id, struct(-e.confidence, e.event_id)) AS representative, {keep},
               {STATS_SQL}, first(m.reasons) AS reasons, CAST({SCHEMA_VERSION} AS INT) AS schema_version
        FROM tacitus_map m JOIN tacitus_events_c e ON e.event_id = m.event_id
        JOIN tacitus_articles a ON a.article_id = e.article_id
        GROUP BY m.cluster_id""")
    clusters = clusters.select(*[f.name for f in schemas.CLUSTERS])
    return with_ids, clusters


def cluster(spark, output: str) -> dict[str, int]:
    """Re-runs duplicate merging over an output folder's events table (rewrites events and clusters)."""
    out = output.rstrip("/")
    events = spark.read.parquet(f"{out}/events")
    articles = spark.read.parquet(f"{out}/articles")
    journal = spark.read.parquet(f"{out}/journal")
    cols = [f.name for f in schemas.table("events")]
    events = first_of_each(events.select(*cols)).localCheckpoint()  # the files are about to be replaced
    articles = articles.localCheckpoint()
    journal = journal.localCheckpoint()
    ev, cl = cluster_frames(spark, events, articles, journal)
    _write(cl, f"{out}/clusters", partition=False)
    _write(ev, f"{out}/events")
    return {"events": spark.read.parquet(f"{out}/events").count(),
            "clusters": spark.read.parquet(f"{out}/clusters").count()}


def read_events(spark, output: str, filters=None):
    """The events of an output folder that `filters` (tacitus.filters) select: the same WHERE clause,
    with the same bound parameters, as the store, the API and the command line (by default the
    current, asserted incidents; Filters(all_events=True) for every event)."""
    from ..filters import Filters

    spark.read.parquet(f"{output.rstrip('/')}/events").createOrReplaceTempView("tacitus_read_events")
    where, params = (filters or Filters()).sql("e")
    return spark.sql(f"SELECT e.* FROM tacitus_read_events e{where}", args=params)


def _write(df, path: str, partition: bool = True) -> None:
    """Overwrites a Parquet dataset; partitioned ones get one file per year/month (shuffled there
    first), not one per task and month. An empty table is written as one file with its columns
    (the store's, from store/schema.py), so every reader finds its schema: Spark writes no file at
    all for an empty partitioned table, and reading it back fails with UNABLE_TO_INFER_SCHEMA."""
    if df.isEmpty():
        df.coalesce(1).write.mode("overwrite").parquet(path)
    elif partition:
        df.repartition("year", "month").write.mode("overwrite").partitionBy("year", "month").parquet(path)
    else:
        df.write.mode("overwrite").parquet(path)
