"""Running saved queries for the API and the pages: the endpoint's own workers, limits and cache.

A saved query's job goes to the same killable workers as /sparql (atkg.server.engine), carrying the query
and the caller's values; the worker binds them as Oxigraph substitutions, so a value never enters a
query's text. Answers are cached with the endpoint's under the same data version.
"""

import dataclasses

from flask import current_app

from atkg.queries import ParameterError
from atkg.server.engine import QueryFailed, get_engine
from atkg.server.pool import Busy, QueryTimeout, WorkerLost

__all__ = ["Busy", "NeedsEmbeddedStore", "ParameterError", "QueryFailed", "QueryTimeout", "SavedAnswer",
           "SavedQueryRunner", "WorkerLost", "get_runner"]


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


class SavedQueryRunner:
    """Answers saved queries through the app's engine (its worker pool, time limit and cache)."""

    def __init__(self, *, size=None):
        """`size` is no longer used: the engine's pool, sized by QUERY_WORKERS, runs saved queries too."""
        del size

    def answer(self, query, values):
        """The SavedAnswer of `query` with `values` ({parameter name: str}).

        Raises ParameterError, QueryFailed (NeedsEmbeddedStore on a remote store), QueryTimeout, Busy or
        WorkerLost.
        """
        engine = get_engine()
        if engine.remote:
            raise NeedsEmbeddedStore()
        return SavedAnswer(*engine.saved(query, values))


def get_runner():
    """The saved-query runner of the current app (one per app)."""
    return current_app.extensions["atkg.saved_query_runner"]
