"""Incidents: what the records define and migration 0002 lacks
(written by `python -m tacitus.store.migrations new`; edit the docstring to say why, never the
statements once released)."""

STATEMENTS = (
    'ALTER TABLE articles ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE events ADD COLUMN "type_acled_rule" VARCHAR',
    'ALTER TABLE events ADD COLUMN "actor1_ucdp_name" VARCHAR',
    'ALTER TABLE events ADD COLUMN "actor2_ucdp_name" VARCHAR',
    'ALTER TABLE events ADD COLUMN "current" BOOLEAN',
    'ALTER TABLE events ADD COLUMN "salience" VARCHAR',
    'ALTER TABLE events ADD COLUMN "mentions" JSON',
    'ALTER TABLE events ADD COLUMN "links" JSON',
    'ALTER TABLE events ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE places ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE quotes ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE actors ADD COLUMN "ucdp_name" VARCHAR',
    'ALTER TABLE actors ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE dates ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE counts ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE citations ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE journal ALTER COLUMN schema_version SET DEFAULT 2',
    'ALTER TABLE clusters ALTER COLUMN schema_version SET DEFAULT 2',
)
