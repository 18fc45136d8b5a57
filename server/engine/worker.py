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
from atkg.server.engine import answers, guard
from atkg.server.engine.sources import open_source


def worker_main(connection):
    """Read the data source from `connection`, then serve jobs from it until it closes."""
    threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    sys.setrecursionlimit(20_000)  # rdflib's parser takes about 40 frames per nesting level (guard.MAX_DEPTH)
    store = open_or_say_why(connection)
    connection.send(("ready", len(store)))
    threading.Thread(target=guard.warm, daemon=True).start()
    serve(store, connection)


def open_or_say_why(connection):
    """The store of the source read from `connection`; if it cannot be opened, ("failed", why) is sent back
    and this process ends. A source marked `sealed` (no address allowed) seals this process once the data
    is read (atkg.server.engine.guard.seal)."""
    try:
        source = connection.recv()
        store = open_source(source)
    except (OSError, ValueError) as error:
        send(connection, ("failed", str(error)))
        sys.exit(1)
    if source.get("sealed"):
        guard.seal()
    return store


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


NO_LOOKUP = "failed to lookup address information"  # Oxigraph's words when a name cannot be resolved
# IRI values found in the graph already, as (IRI, classes): forgotten when an update changes the data.
KNOWN_RESOURCES = set()


def run_job(store, job):
    """Run one job and report ("ok", payload), or ("refused" | "syntax" | "parameter" | "error", message)."""
    try:
        if job["kind"] == "update":
            screen(store, job)
            KNOWN_RESOURCES.clear()
            store.update(job["text"], base_iri=job.get("base_iri"))
            store.flush()
            return "ok", None
        if job["kind"] == "saved":
            return "ok", answer_saved(store, job, known=KNOWN_RESOURCES)
        return "ok", answer(store, job)
    except guard.Refused as error:
        return "refused", str(error)
    except OSError as error:  # in a sealed worker, SERVICE or LOAD was refused its socket or name lookup
        if guard.is_sealed() and (isinstance(error, PermissionError) or NO_LOOKUP in str(error)):
            return "refused", guard.SEALED_MESSAGE
        return "error", str(error)
    except SyntaxError as error:
        return "syntax", str(error)
    except ParameterError as error:
        return "parameter", str(error)
    except Exception as error:  # the store's own evaluation errors, reported to the client in words
        return "error", str(error)


def screen(store, job):
    """The Reach of a query or update job's text once the guard has let it through; guard.Refused if not.

    A FROM graph must be one the store holds, unless the request's own parameters name the dataset or the
    store cannot list its graphs (a remote one).
    """
    text, update = job["text"], job.get("kind") == "update"
    guard.check_bounds(text)
    if guard.is_sealed():  # nothing can leave: the text is read only for the graphs a FROM names
        if update or not guard.MIGHT_NAME_GRAPHS.search(text):
            return guard.Reach()
        try:
            reach = guard.read_reach(text, base=job.get("base_iri") or "")
        except guard.Refused:
            return guard.Reach(unread=True)  # Oxigraph's own parser has the last word on such a text
    else:
        reach = guard.read_reach(text, base=job.get("base_iri") or "", update=update)
    local = job.get("default_graph") or job.get("named_graphs") or not hasattr(store, "named_graphs")
    holds = None if local or not reach.from_graphs else set(store.named_graphs()).__contains__
    guard.check_outbound(reach, allowlist=job.get("allowlist", ()), holds_graph=holds)
    return reach


def answer(store, job):
    """Screen a query, evaluate it and write its results: (kind, body bytes, row count or None, truncated).

    Oxigraph writes the body itself (atkg.server.engine.answers); of an answer too large for that, it writes
    only the rows up to the row limit. The row count is given for booleans only (1), or 0 when no
    asked format fits: other bodies are not parsed to count them. The union default graph is dropped when
    the query names its own dataset (FROM), which Oxigraph would otherwise override.
    """
    reach = screen(store, job)
    if reach.from_graphs or reach.unread:
        job = dict(job, union=False)
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
