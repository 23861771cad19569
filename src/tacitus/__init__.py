"""tacitus: reads news reports and records what they say happened, with evidence for every field.

    >>> import tacitus
    >>> art = tacitus.extract("Rebels attacked an army base in Mali.", published="2024-05-02")
    >>> [(e.type.cameo, e.actor1.name) for e in art.events]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import records
from .records import SCHEMA, SCHEMA_VERSION, Article

__version__ = "0.1.0"


def extract(text: str, published: str | None = None, title: str | None = None, **kw) -> Article:
    """Extract one article with the default pipeline (loaded on first use)."""
    from .pipeline import default_pipeline

    return default_pipeline().extract(text, published=published, title=title, **kw)


def extract_many(inputs: Iterable, n_process: int | None = None) -> Iterator[Article]:
    """Extract many articles (texts, or dicts with text/id/title/published/url/source), in order."""
    from .pipeline import default_pipeline

    return default_pipeline().extract_many(inputs, n_process=n_process)


__all__ = ["extract", "extract_many", "records", "Article", "SCHEMA", "SCHEMA_VERSION", "__version__"]
