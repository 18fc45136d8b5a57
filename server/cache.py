"""The answer cache: answers kept by key (which includes the data version), bounded in bytes."""

import threading
from collections import OrderedDict


class ResultCache:
    """Answers by key, least recently used first out, bounded in total bytes."""

    def __init__(self, *, max_bytes):
        self.max_bytes, self.size = max_bytes, 0
        self._items = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key):
        """The cached answer for `key`, or None."""
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key, value):
        """Keep `value` (a tuple whose second item is the body) unless it alone is too big."""
        cost = len(value[1] or b"")
        if cost > self.max_bytes // 4:
            return
        with self._lock:
            self._items[key] = value
            self.size += cost
            while self.size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped[1] or b"")

    def clear(self):
        """Forget everything (the data changed)."""
        with self._lock:
            self._items.clear()
            self.size = 0
