"""Quotes: the quoted words of each quote (`fragments`: one per passage in quotation marks, so a
split or multi-paragraph quote keeps its pieces), whether only part of the attributed words is
quoted (`partial`) and how the speaker was found (`rule`)
(written by `python -m tacitus.store.migrations new`; never edit the statements once released)."""

STATEMENTS = (
    'ALTER TABLE quotes ADD COLUMN "fragments" JSON',
    'ALTER TABLE quotes ADD COLUMN "partial" BOOLEAN',
    'ALTER TABLE quotes ADD COLUMN "rule" VARCHAR',
)
