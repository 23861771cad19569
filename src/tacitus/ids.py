"""Every identifier and content hash tacitus makes, in one place. Ids are content hashes so that
re-running on the same input gives the same ids (writes are idempotent) on every machine and in
every process; the recipes are part of the stored data, so changing one is a schema change."""

from __future__ import annotations

import hashlib


def _sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def article_id(title: str | None, text: str) -> str:
    """The id of an article that brings none: its title and text."""
    return _sha1(f"{title or ''}\n{text}")[:20]


def content_hash(title: str | None, published: str | None, text: str) -> str:
    """What the ingest journal compares to skip an article already stored."""
    return _sha1(f"{title or ''}\n{published or ''}\n{text}")


def input_hash(input_name: str) -> str:
    """The journal's hash for an input that could not be read (its name is all there is)."""
    return _sha1(input_name)


def row_id(*parts: object) -> str:
    """A stored row's id (places, quotes, clusters ...) from the values that make it unique."""
    return _sha1("|".join(str(p) for p in parts))[:20]


def event_id(article: str | None, trigger_start: int, cameo: str, actor1: str | None, actor2: str | None) -> str:
    """An event's id: its article, where its trigger stands, its code and its actors."""
    return _sha1(f"{article}|{trigger_start}|{cameo}|{actor1}|{actor2}")[:16]
