"""The query engine behind the endpoint: where the data is, the worker pool, the version and the cache."""

import atexit
import json
import threading

from flask import Response, current_app

from atkg.graph.remote import RemoteStoreError
from atkg.graph.store import open_store
from atkg.queries import ParameterError, prepare
from atkg.server.engine.cache import ResultCache
from atkg.server.engine.guard import Refused
from atkg.server.engine.pool import WorkerPool
from atkg.server.engine.sources import describe_source, held_in_memory, stamp
from atkg.server.engine.worker import answer, answer_saved, screen


class QueryFailed(Exception):
    """The store refused the text: `syntax` tells a malformed text from an evaluation error."""

    def __init__(self, message, *, syntax):
        super().__init__(message)
        self.syntax = syntax


class StoreUnavailable(Exception):
    """The remote store failed to answer: `status` is 504 when it did not answer in time, 502 otherwise; the
    message says so in a sentence (the store's address and words stay in the log)."""

    def __init__(self, message, *, status):
        super().__init__(message)
        self.status = status


class Engine:
    """Runs queries and updates on the configured data with a time limit, caching answers by version."""

    def __init__(self, config):
        self.timeout = float(config["QUERY_TIMEOUT"])
        self.allowlist = tuple(config.get("FEDERATION_ALLOWLIST") or ())
        self.max_rows = int(config["MAX_ROWS"])
        self.cache = ResultCache(max_bytes=int(config["CACHE_BYTES"]))
        self.generation, self._replay, self._lock = 0, [], threading.Lock()
        self.remote, self.pool = None, None
        if config.get("STORE_QUERY_URL"):
            self.remote = open_store(query_url=config["STORE_QUERY_URL"], update_url=config.get("STORE_UPDATE_URL"),
                                     timeout=self.timeout, user=config.get("STORE_USER"),
                                     password=config.get("STORE_PASSWORD"))
            self._stamp = None
            return
        source = describe_source(config)
        self._stamp = stamp(source)
        self._source = dict(source, sealed=not self.allowlist)  # no address allowed: workers without network
        size = 1 if config.get("UPDATE_TOKEN") else int(config["QUERY_WORKERS"])
        fork = not config.get("UPDATE_TOKEN") and held_in_memory(self._source)
        self.pool = WorkerPool(self._source_with_replay, size=size, fork=fork)

    def _source_with_replay(self):
        with self._lock:
            return dict(self._source, replay=list(self._replay))

    def version(self):
        """A string that changes whenever the data does; None when the data lives in a remote store."""
        return None if self._stamp is None else f"{self._stamp}-{self.generation}"

    def query(self, text, *, default_graph, named_graphs, formats, max_rows=None, union=False, base_iri=None):
        """(kind, body, row count or None, truncated) for a query; body is None when no format fits.

        `union` makes the default graph the union of all graphs (never with a remote store); relative IRIs
        are resolved against `base_iri`.
        """
        job = {"kind": "query", "text": text, "default_graph": default_graph, "named_graphs": named_graphs,
               "formats": formats, "max_rows": max_rows or self.max_rows,
               "union": bool(union) and not default_graph and not self.remote, "base_iri": base_iri,
               "allowlist": self.allowlist}
        version = self.version()
        key = (version, text, base_iri, _frozen(default_graph), _frozen(named_graphs), _frozen(formats.items()),
               job["max_rows"], job["union"])
        cached = self.cache.get(key) if version else None
        if cached is not None:
            return cached
        found = self._run(job)
        if version:
            self.cache.put(key, found, size=len(found[1] or b""))
        return found

    def saved(self, query, values):
        """(column names, JSON body, truncated) of a saved query with `values` bound in its text.

        The same workers (or remote store), time limit, row limit and cache as `query`; ParameterError for
        a refused value (one of the wrong type is refused here, without a trip to a worker).
        """
        version = self.version()
        key = ("saved", version, query.name, query.text, _frozen(values.items()))
        cached = self.cache.get(key) if version else None
        if cached is not None:
            return cached
        found = self._run({"kind": "saved", "bound": prepare(query, values), "max_rows": self.max_rows})
        if version:
            self.cache.put(key, found, size=len(found[1]))
        return found

    def update(self, text, *, base_iri=None):
        """Apply an update, its relative IRIs resolved against `base_iri`; the version moves on and the cache
        is emptied. Refused when the guard refuses the text (atkg.server.engine.guard)."""
        job = {"kind": "update", "text": text, "base_iri": base_iri, "allowlist": self.allowlist}
        if self.remote:
            screen(self.remote, job)
            try:
                self.remote.update(text, base_iri=base_iri)
            except RemoteStoreError as error:
                raise self._unavailable(error) from error
            return
        self._run(job)
        with self._lock:
            self.generation += 1
            if self._source["kind"] == "memory":
                self._replay.append((text, base_iri))
        self.cache.clear()

    def select(self, text, *, union=False):
        """Rows of an internal SELECT as dicts of plain values (for the service description), all of them."""
        _, body, _, _ = self.query(text, default_graph=None, named_graphs=None, max_rows=10**9, union=union,
                                   formats={"tabular": "json", "boolean": "json", "graph": None})
        bindings = json.loads(body)["results"]["bindings"]
        return [{name: cell["value"] for name, cell in row.items()} for row in bindings]

    def _run(self, job):
        if self.remote:
            status, payload = "ok", self._answer_remotely(job)
        else:
            status, payload = self.pool.run(job, timeout=self.timeout)
        if status == "parameter":
            raise ParameterError(payload)
        if status == "refused":
            raise Refused(payload)
        if status != "ok":
            raise QueryFailed(payload, syntax=status == "syntax")
        return payload

    def _answer_remotely(self, job):
        """A job answered in this process by the remote store. A saved query's IRIs are checked every time:
        the remote data can change behind our back. A text the store finds malformed is QueryFailed (400
        for /sparql); any other failure of the store is StoreUnavailable."""
        try:
            if job["kind"] == "saved":
                return answer_saved(self.remote, job)
            return answer(self.remote, job)
        except RemoteStoreError as error:
            raise self._unavailable(error) from error

    def _unavailable(self, error):
        """The exception to raise for a failure of the remote store."""
        if error.status == 400:
            return QueryFailed(str(error), syntax=True)
        current_app.logger.warning("remote store: %s", error)
        if error.timed_out:
            return StoreUnavailable(f"The store that holds the graph did not answer within {self.timeout:g} "
                                    "seconds; please try again in a moment.", status=504)
        what = f"answered with an error ({error.status})" if error.status else "could not be reached"
        return StoreUnavailable(f"The store that holds the graph {what}; please try again in a moment.",
                                status=502)

    def close(self):
        """Stop the workers."""
        if self.pool:
            self.pool.close()


def _frozen(items):
    """A hashable, order-free form of graph lists and value pairs, for cache keys."""
    return tuple(sorted(items)) if items else ()


def init_app(app):
    """Open the data named by the app's configuration and attach the engine to the app."""
    engine = Engine(app.config)
    app.extensions["atkg.engine"] = engine
    app.register_error_handler(StoreUnavailable, store_unavailable)
    atexit.register(engine.close)


def store_unavailable(error):
    """The answer (502 or 504, plain text) when the remote store fails; the pages say it in their own way."""
    return Response(str(error) + "\n", status=error.status, content_type="text/plain; charset=utf-8")


def get_engine():
    """The engine of the current app."""
    return current_app.extensions["atkg.engine"]
