"""The schema of tacitus 0.1.0, frozen as it was written: every record table (ids, the record's
fields flattened, schema_version), the ingest journal, the clusters and this list of migrations.
Never edit it: a change to the stored shape is a new migration after the last one."""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY, "title" VARCHAR, "url" VARCHAR, "source" VARCHAR,
        "published" VARCHAR, "language" VARCHAR, "text" VARCHAR, "tone" DOUBLE, "errors" JSON,
        "input" VARCHAR, "ok" BOOLEAN, schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, cluster_id VARCHAR,
        "type_cameo" VARCHAR, "type_cameo_root" VARCHAR, "type_cameo_label" VARCHAR,
        "type_quad_class" BIGINT, "type_goldstein" DOUBLE, "type_plover" VARCHAR,
        "type_plover_mode" VARCHAR, "type_acled" VARCHAR, "type_acled_sub" VARCHAR,
        "type_ucdp_violence" BIGINT, "trigger_text" VARCHAR, "trigger_start" BIGINT, "trigger_end" BIGINT,
        "actor1_text" VARCHAR, "actor1_name" VARCHAR, "actor1_country" VARCHAR, "actor1_kind" VARCHAR,
        "actor1_cameo" VARCHAR, "actor1_acled_inter" BIGINT, "actor1_acled_name" VARCHAR,
        "actor1_start" BIGINT, "actor1_end" BIGINT, "actor1_sector" VARCHAR, "actor1_method" VARCHAR,
        "actor2_text" VARCHAR, "actor2_name" VARCHAR, "actor2_country" VARCHAR, "actor2_kind" VARCHAR,
        "actor2_cameo" VARCHAR, "actor2_acled_inter" BIGINT, "actor2_acled_name" VARCHAR,
        "actor2_start" BIGINT, "actor2_end" BIGINT, "actor2_sector" VARCHAR, "actor2_method" VARCHAR,
        "date_text" VARCHAR, "date_start" VARCHAR, "date_end" VARCHAR, "date_precision" VARCHAR,
        "date_method" VARCHAR, "location_text" VARCHAR, "location_name" VARCHAR,
        "location_country" VARCHAR, "location_admin1" VARCHAR, "location_lat" DOUBLE,
        "location_lon" DOUBLE, "location_geonameid" BIGINT, "location_precision" VARCHAR,
        "location_start" BIGINT, "location_end" BIGINT, "location_method" VARCHAR, "fatalities_low" BIGINT,
        "fatalities_best" BIGINT, "fatalities_high" BIGINT, "fatalities_who" VARCHAR,
        "fatalities_note" VARCHAR, "injured_low" BIGINT, "injured_best" BIGINT, "injured_high" BIGINT,
        "injured_who" VARCHAR, "injured_note" VARCHAR, "arrested_low" BIGINT, "arrested_best" BIGINT,
        "arrested_high" BIGINT, "arrested_who" VARCHAR, "arrested_note" VARCHAR, "modality" VARCHAR,
        "reported_by" VARCHAR[], "confidence" DOUBLE, "evidence_text" VARCHAR, "evidence_start" BIGINT,
        "evidence_end" BIGINT, "evidence_rule" VARCHAR, schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS places (
        row_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "text" VARCHAR, "name" VARCHAR,
        "country" VARCHAR, "admin1" VARCHAR, "lat" DOUBLE, "lon" DOUBLE, "geonameid" BIGINT,
        "precision" VARCHAR, "score" DOUBLE, "start" BIGINT, "end" BIGINT, "method" VARCHAR,
        schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS quotes (
        row_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "text" VARCHAR, "start" BIGINT,
        "end" BIGINT, "direct" BOOLEAN, "cue" VARCHAR, "via" VARCHAR, "speaker_text" VARCHAR,
        "speaker_name" VARCHAR, "speaker_title" VARCHAR, "speaker_affiliation" VARCHAR,
        "speaker_start" BIGINT, "speaker_end" BIGINT, schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
        row_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "name" VARCHAR, "kind" VARCHAR,
        "country" VARCHAR, "cameo" VARCHAR, "acled_inter" BIGINT, "acled_name" VARCHAR, "sector" VARCHAR,
        "title" VARCHAR, "affiliation" VARCHAR, "mentions" JSON, schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS dates (
        row_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "text" VARCHAR, "start" VARCHAR,
        "end" VARCHAR, "precision" VARCHAR, "offset_start" BIGINT, "offset_end" BIGINT, "method" VARCHAR,
        schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS counts (
        row_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "kind" VARCHAR, "low" BIGINT,
        "best" BIGINT, "high" BIGINT, "who" VARCHAR, "text" VARCHAR, "start" BIGINT, "end" BIGINT,
        "hedge" VARCHAR, schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS citations (
        row_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "source" VARCHAR, "text" VARCHAR,
        "start" BIGINT, "end" BIGINT, schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS journal (
        seq BIGINT, source VARCHAR, content_hash VARCHAR, status VARCHAR, reason VARCHAR,
        article_id VARCHAR, run_id VARCHAR, logged_at TIMESTAMP DEFAULT current_timestamp,
        schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS clusters (
        cluster_id VARCHAR PRIMARY KEY, representative VARCHAR, cameo_root VARCHAR, acled VARCHAR,
        date_first VARCHAR, date_last VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR, precision VARCHAR,
        actor1 VARCHAR, actor2 VARCHAR, num_events BIGINT, num_articles BIGINT, num_sources BIGINT,
        first_seen VARCHAR, last_seen VARCHAR, reasons VARCHAR[], schema_version INTEGER DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS migrations (
        name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp
    )""",
)
