"""Answers the server has already computed, kept while the store stays as it is: a store served
read-only does not change under the server, so the facets, the timeline, the map and a page of rows
for the same filters are the same bytes every time. Bounded by count and by bytes (least recently
used go first), safe across threads, and single-flight: when a hundred clients ask the same new
question at once, one computes and the others wait for its answer instead of running the query a
hundred times. `peek` answers from the cache without waiting, so the server can reply to a hit
without handing the request to a worker thread."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class ResponseCache:
    def __init__(self, size: int = 20_000, max_bytes: int = 256 << 20):
        self.size, self.max_bytes = size, max_bytes
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, threading.Event] = {}
        self.generation = 0  # bumped when the store is written (the paste box with --allow-writes)
        self.hits = self.misses = 0

    def peek(self, key: Hashable) -> bytes | None:
        """The cached answer, or None (then `get` computes it)."""
        key = (self.generation, key)
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return value

    def get(self, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        key = (self.generation, key)
        while True:
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    self.hits += 1
                    return self._items[key]
                waiting = self._inflight.get(key)
                if waiting is None:
                    self._inflight[key] = threading.Event()
                    self.misses += 1
                    break
            waiting.wait()  # another thread computes it; then read it (or compute, if it failed)
        try:
            value = compute()
            with self._lock:
                if key[0] == self.generation and len(value) <= self.max_bytes:
                    self._items[key] = value
                    self._bytes += len(value)
                    while len(self._items) > self.size or self._bytes > self.max_bytes:
                        self._bytes -= len(self._items.popitem(last=False)[1])
            return value
        finally:
            with self._lock:
                self._inflight.pop(key).set()

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._items.clear()
            self._bytes = 0
