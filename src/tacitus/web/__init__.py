"""The explorer: a REST API over the event store and the offline web page it serves
(`tacitus serve`). `create_app(db)` returns the FastAPI app."""

from .app import create_app

__all__ = ["create_app"]
