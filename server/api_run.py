"""Running saved queries for the API: killable worker processes, the same limits and cache as /sparql.

Saved-query jobs go to workers of their own (atkg.server.api_worker) because the endpoint's workers take
query text only and a value must never be written into a query's text. The pool starts on the first
saved query and restarts when the data version moves on (after an update), so it never answers from
stale data; answers are cached in the engine's cache under the same data version.
"""

import atexit
import dataclasses
import json
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection

from flask import current_app

from atkg.queries import ParameterError
from atkg.server import results
from atkg.server.engine import QueryFailed, get_engine
from atkg.server.pool import Worker, WorkerPool


@dataclasses.dataclass(frozen=True)
class SavedAnswer:
    """A saved query's answer: column names, rows of pyoxigraph terms (None when unbound), the JSON body."""

    names: list
    rows: list
    truncated: bool
    json_body: bytes


class NeedsEmbeddedStore(QueryFailed):
    """Saved queries cannot run on a remote store: it cannot take Oxigraph substitutions."""

    def __init__(self):
        super().__init__("Saved queries need the embedded store: values are bound as Oxigraph substitutions, "
                         "which a remote store cannot take. Use /sparql instead.", syntax=False)


class SavedQueryWorker(Worker):
    """A worker process running atkg.server.api_worker instead of the endpoint's worker."""

    def __init__(self, source):  # Worker.__init__ names its module; this one runs api_worker
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen([sys.executable, "-m", "atkg.server.api_worker", str(theirs.fileno())],
                                        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self.connection = Connection(ours.detach())
        self.connection.send(source)


class SavedQueryPool(WorkerPool):
    """A WorkerPool (time limit, kill and replace) of saved-query workers."""

    def _spawn(self):
        worker = SavedQueryWorker(self._source_factory())
        with self._lock:
            self._all.add(worker)
        return worker


class SavedQueryRunner:
    """Answers saved queries from a pool opened on the engine's data at its current version."""

    def __init__(self, *, size):
        self.size, self.pool, self.version = size, None, None
        self._lock = threading.Lock()
        atexit.register(self.close)

    def answer(self, query, values):
        """The SavedAnswer of `query` with `values`, from the cache when the data has not changed."""
        engine = get_engine()
        if engine.remote:
            raise NeedsEmbeddedStore()
        key = json.dumps(["saved-query", engine.version(), query.name, sorted(values.items())])
        cached = engine.cache.get(key)
        if cached is not None:
            return cached[2]
        found = self._run(engine, query, values)
        engine.cache.put(key, ("saved-query", found.json_body, found))
        return found

    def _run(self, engine, query, values):
        job = {"query": query, "values": values, "max_rows": engine.max_rows}
        status, payload = self._current_pool(engine).run(job, timeout=engine.timeout)
        if status == "parameter":
            raise ParameterError(payload)
        if status != "ok":
            raise QueryFailed(payload, syntax=False)
        names, rows, truncated = payload
        return SavedAnswer(names, rows, truncated, results.write_solutions(names, rows, "json"))

    def _current_pool(self, engine):
        """The pool for the engine's data version, started (or restarted after an update) when needed."""
        with self._lock:
            if self.pool is None or self.version != engine.version():
                self.close()
                self.version = engine.version()
                self.pool = SavedQueryPool(lambda: read_only_source(engine), size=self.size)
            return self.pool

    def close(self):
        """Stop the workers."""
        if self.pool is not None:
            self.pool.close()
            self.pool = None


def read_only_source(engine):
    """The engine's data source, opened read-only and copied into memory (this pool never writes)."""
    source = engine._source_with_replay()  # the only view of the data with the updates to replay
    if source["kind"] == "disk":
        source = dict(source, read_only=True, in_memory=True)
    return source


def get_runner():
    """The saved-query runner of the current app (one per app)."""
    return current_app.extensions["atkg.saved_query_runner"]
