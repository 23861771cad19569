"""Readers, one per input format, and the expansion of what the user named (files, folders, globs,
'-') into a stream of items: each an article to process or a failure saying which input and why.
`tacitus.ingest.sources.iter_items` is the entry point (imported lazily: HTML support is heavy)."""

from .items import Failure, Item

__all__ = ["Item", "Failure"]
