"""Indexes for the explorer's filters and the ingest journal's look-ups (tacitus 0.1.0)."""

STATEMENTS = (
    "CREATE INDEX IF NOT EXISTS events_date ON events(date_start)",
    "CREATE INDEX IF NOT EXISTS events_country ON events(location_country)",
    "CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster_id)",
    "CREATE INDEX IF NOT EXISTS journal_hash ON journal(content_hash)",
)
