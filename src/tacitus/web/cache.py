"""Answers the server has already computed, kept while the store stays as it is: a store served
read-only does not change under the server, so the facets, the timeline, the map and a page of rows
for the same filters are the same bytes every time. Bounded (least recently used go first), safe
across threads, and single-flight: when a hundred clients ask the same new question at once, one
computes and the others wait for its answer instead of running the query a hundred times."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class ResponseCache:
    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, threading.Event] = {}
        self.generation = 0  # bumped when the store is written (the paste box with --allow-writes)
        self.hits = self.misses = 0

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
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._inflight.pop(key).set()

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._items.clear()
