"""The answer cache: answers kept by key (which includes the data version), bounded in bytes."""

import threading
from collections import OrderedDict


class ResultCache:
    """Answers by key, least recently used first out, bounded in total bytes."""

    def __init__(self, *, max_bytes):
        self.max_bytes, self.size = max_bytes, 0
        self._items = OrderedDict()  # key -> (answer, its size in bytes)
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
            return found[0]

    def put(self, key, value, *, size):
        """Keep `value`, which weighs `size` bytes (its body), unless it alone is too big."""
        if size > self.max_bytes // 4:
            return
        with self._lock:
            previous = self._items.pop(key, None)
            self.size += size - (previous[1] if previous else 0)
            self._items[key] = (value, size)
            while self.size > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self.size -= dropped

    def clear(self):
        """Forget everything (the data changed)."""
        with self._lock:
            self._items.clear()
            self.size = 0
