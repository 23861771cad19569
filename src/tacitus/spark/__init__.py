"""Scale-out on Apache Spark (optional extra `tacitus[spark]`): the same records, ids and clusters
as a single machine, written as Parquet tables. `tacitus spark extract` or
`spark-submit .../tacitus/spark/__main__.py extract`; see docs/spark.md."""
