"""RSS/Atom feeds (files or URLs): each entry's page is fetched, when asked, with a timeout, a size
cap, a user agent and a polite pause per host; otherwise the entry's own text is used."""

from __future__ import annotations

import contextlib
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

from ..errors import InputError
from .html import from_html
from .items import Failure, Item

USER_AGENT = "tacitus/0.1 (+https://github.com/; news event coder; contact the operator)"
TIMEOUT_S = 20
MAX_BYTES = 5_000_000
PER_HOST_PAUSE_S = 1.0


class Fetcher:
    """Fetches pages politely: one request per host per PER_HOST_PAUSE_S seconds."""

    def __init__(self, pause: float = PER_HOST_PAUSE_S, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES):
        self.pause, self.timeout, self.max_bytes = pause, timeout, max_bytes
        self.last: dict[str, float] = {}

    def get(self, url: str) -> bytes:
        host = urllib.parse.urlsplit(url).netloc
        wait = self.last.get(host, 0) + self.pause - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (user asked for it)
                data = resp.read(self.max_bytes + 1)
        except (urllib.error.URLError, TimeoutError, ValueError) as e:
            raise InputError("T014", f"cannot fetch: {e}", source=url) from e
        finally:
            self.last[host] = time.monotonic()
        if len(data) > self.max_bytes:
            raise InputError("T004", f"page over {self.max_bytes} bytes", source=url)
        return data


def iter_feed(spec: str, fetch: bool, fetcher: Fetcher | None = None) -> Iterator[Item | Failure]:
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
        yield Item(text=text, input=src, id=entry.get("id"), title=entry.get("title"), published=published,
                   url=link, source=feed.feed.get("title"))
