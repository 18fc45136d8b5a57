"""A query worker: a separate process holding its own view of the data, so a runaway query can be killed.

The web process sends jobs over a pipe and reads back (status, payload) pairs. A query job's results are
already written in the asked format, so only bytes cross the pipe; a saved query's job carries the query
with the caller's values already checked by type and bound in its text (atkg.queries.BoundQuery), and
its reply holds the column names and the JSON body.
"""

import os
import pickle
import sys
import threading
import time
from multiprocessing.connection import Connection

import pyoxigraph as ox

from atkg.queries import ParameterError, run_bound
from atkg.server.engine import answers
from atkg.server.engine.sources import open_source


def worker_main(connection):
    """Read the data source from `connection`, then serve jobs from it until it closes."""
    threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    store = open_or_say_why(connection)
    connection.send(("ready", len(store)))
    serve(store, connection)


def open_or_say_why(connection):
    """The store of the source read from `connection`; if it cannot be opened, ("failed", why) is sent back
    and this process ends."""
    try:
        return open_source(connection.recv())
    except (OSError, ValueError) as error:
        send(connection, ("failed", str(error)))
        sys.exit(1)


def serve(store, connection):
    """Answer the jobs read from `connection` until it closes."""
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        send(connection, run_job(store, job))


def send(connection, message):
    """Connection.send, less its cost: it builds a ForkingPickler for every message (7% of a request's time
    in the web process); the other end's recv() reads plain pickles just the same."""
    connection.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def exit_when_orphaned(parent):
    """End this process, even mid-query, once the process that started it is gone."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


# IRI values found in the graph already, as (IRI, classes): forgotten when an update changes the data.
KNOWN_RESOURCES = set()


def run_job(store, job):
    """Run one job and report ("ok", payload), or ("syntax" | "parameter" | "error", message)."""
    try:
        if job["kind"] == "update":
            KNOWN_RESOURCES.clear()
            store.update(job["text"], base_iri=job.get("base_iri"))
            store.flush()
            return "ok", None
        if job["kind"] == "saved":
            return "ok", answer_saved(store, job, known=KNOWN_RESOURCES)
        return "ok", answer(store, job)
    except SyntaxError as error:
        return "syntax", str(error)
    except ParameterError as error:
        return "parameter", str(error)
    except Exception as error:  # the store's own evaluation errors, reported to the client in words
        return "error", str(error)


def answer(store, job):
    """Evaluate a query and write its results: (kind, body bytes, row count or None, truncated).

    Oxigraph writes the body itself (atkg.server.engine.answers); of an answer too large for that, it writes
    only the rows up to the row limit. The row count is given for booleans only (1), or 0 when no
    asked format fits: other bodies are not parsed to count them.
    """
    outcome = _evaluate(store, job)
    formats, limit = job["formats"], job["max_rows"]
    kind = _kind(outcome)
    if formats[kind] is None:
        return kind, None, 0, False
    if kind == "boolean":
        return kind, outcome.serialize(format=answers.RESULT_FORMATS[formats[kind]]), 1, False
    write = answers.solutions if kind == "tabular" else answers.triples
    body, truncated = (write(outcome, formats[kind], limit)
                       or answers.first_rows(_evaluate(store, job), formats[kind], limit))
    return kind, body, None, truncated


def _evaluate(store, job):
    return store.query(job["text"], default_graph=job["default_graph"], named_graphs=job["named_graphs"],
                       union_default_graph=job.get("union", False), base_iri=job.get("base_iri"))


def answer_saved(store, job, *, known=None):
    """A saved query's (column names, JSON body, truncated), on a worker's store or a remote one.

    The job's BoundQuery holds values checked by type; IRIs are checked against the graph here, once per
    value while the data stays the same when `known` (see check_resources) is given.
    """
    bound, limit = job["bound"], job["max_rows"]
    outcome = run_bound(bound, store=store, known=known)
    names = [variable.value for variable in outcome.variables]
    body, truncated = (answers.solutions(outcome, "json", limit)
                       or answers.first_rows(run_bound(bound, store=store, known=known), "json", limit))
    return names, body, truncated


def _kind(outcome):
    if isinstance(outcome, ox.QueryBoolean):
        return "boolean"
    return "tabular" if isinstance(outcome, ox.QuerySolutions) else "graph"


if __name__ == "__main__":
    worker_main(Connection(int(sys.argv[1])))
