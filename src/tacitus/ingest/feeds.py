"""RSS/Atom feeds (files or URLs): each entry's page is fetched, when asked, by the polite fetcher
(ingest/fetch.py: robots.txt, a pause per host, retries with backoff); otherwise the entry's own
text is used."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

from ..errors import InputError
from .fetch import Fetcher
from .html import from_html
from .items import Failure, Item


def iter_feed(spec: str, fetch: bool, fetcher: Fetcher | None = None, max_bytes: int | None = None
              ) -> Iterator[Item | Failure]:
    """One Item or Failure per entry (input `spec#n`), or one Failure for a feed without entries."""
    import feedparser

    fetcher = fetcher or Fetcher()
    if spec.startswith(("http://", "https://")):
        try:
            data = fetcher.get(spec)
        except InputError as e:
            yield Failure(input=spec, error=e)
            return
        feed = feedparser.parse(data)
    else:
        feed = feedparser.parse(spec)
    if feed.bozo and not feed.entries:
        yield Failure(input=spec, error=InputError("T005", f"not a readable feed: {feed.get('bozo_exception')}",
                                                   source=spec))
        return
    if not feed.entries:
        yield Failure(input=spec, error=InputError("T001", "the feed has no entries", source=spec))
        return
    for n, entry in enumerate(feed.entries, 1):
        src = f"{spec}#{n}"
        link = entry.get("link")
        published = None
        if entry.get("published_parsed"):
            published = time.strftime("%Y-%m-%d", entry.published_parsed)
        if fetch and link and link.startswith(("http://", "https://")):
            try:
                item = from_html(fetcher.get(link), src, url=link)
                item.published = item.published or published
                item.title = item.title or entry.get("title")
                yield item
                continue
            except InputError as e:
                yield Failure(input=src, error=e)
                continue
        text = entry.get("summary") or " ".join(c.get("value", "") for c in entry.get("content", []))
        if "<" in text:
            with contextlib.suppress(InputError):  # markup trafilatura cannot clean stays as written
                text = from_html(f"<html><body><article>{text}</article></body></html>", src).text
        if not text.strip():
            yield Failure(input=src, error=InputError("T006", "feed entry has no text", source=src))
            continue
        if max_bytes is not None and len(text) > max_bytes:
            yield Failure(input=src, error=InputError("T004", "feed entry is over the size limit", source=src))
            continue
        yield Item(text=text, input=src, id=entry.get("id"), title=entry.get("title"), published=published,
                   url=link, source=feed.feed.get("title"))
