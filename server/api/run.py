"""Running saved queries for the API and the pages: the endpoint's own workers, limits and cache.

A saved query's job goes to the same killable workers as /sparql (atkg.server.engine), or to the same
remote store, carrying the query with the caller's values checked by type and written in as terms
(atkg.queries.binding): a caller's text never enters a query. Answers are cached with the endpoint's under
the same data version.
"""

import dataclasses
from collections.abc import Sequence
from functools import cached_property

import pyoxigraph as ox
from flask import current_app

from atkg.queries import ParameterError
from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine

__all__ = ["Busy", "ParameterError", "ParsedRows", "QueryFailed", "QueryTimeout", "SavedAnswer",
           "SavedQueryRunner", "WorkerLost", "get_runner"]


@dataclasses.dataclass(frozen=True)
class SavedAnswer:
    """A saved query's answer: column names, rows of pyoxigraph terms (None when unbound), the JSON body."""

    names: list
    rows: list
    truncated: bool
    json_body: bytes


class ParsedRows(Sequence):
    """The rows of a SPARQL JSON results body as tuples of terms (None when unbound), read on first use.

    The JSON body is what most callers send, so the rows are read only for CSV, HTML and the pages.
    """

    def __init__(self, names, body):
        self._names, self._body = names, body

    @cached_property
    def _rows(self):
        parsed = ox.parse_query_results(self._body, format=ox.QueryResultsFormat.JSON)
        return [tuple(solution[name] for name in self._names) for solution in parsed]

    def __getitem__(self, index):
        return self._rows[index]

    def __len__(self):
        return len(self._rows)


class SavedQueryRunner:
    """Answers saved queries through the app's engine (its worker pool, time limit and cache)."""

    def answer(self, query, values):
        """The SavedAnswer of `query` with `values` ({parameter name: str}).

        Raises ParameterError, QueryFailed, QueryTimeout, Busy or WorkerLost.
        """
        names, body, truncated = get_engine().saved(query, values)
        return SavedAnswer(names, ParsedRows(names, body), truncated, body)


def get_runner():
    """The saved-query runner of the current app (one per app)."""
    return current_app.extensions["atkg.saved_query_runner"]
