"""A worker process for saved queries: it binds the caller's values to the query as Oxigraph substitutions.

The endpoint's own workers (atkg.server.worker) take query text only; a saved query must not have values
written into its text, so its jobs carry the SavedQuery and the raw values, and this process binds them
with atkg.queries.run (types checked, IRIs checked against the graph) next to the data. The reply holds
RDF terms, not bytes: the web process writes them as JSON, CSV or an HTML table.
"""

import os
import sys
import threading
import time
from multiprocessing.connection import Connection

from atkg.queries import ParameterError, run
from atkg.server.worker import open_source


def answer_saved(store, job):
    """("ok", (column names, rows of terms or None, truncated)), or ("parameter" | "error", message)."""
    query, limit = job["query"], job["max_rows"]
    hidden = {parameter.variable for parameter in query.parameters}
    try:
        solutions = run(query, job["values"], store=store)
        names = [variable.value for variable in solutions.variables if variable.value not in hidden]
        rows, truncated = [], False
        for solution in solutions:
            if len(rows) == limit:
                truncated = True
                break
            rows.append(tuple(solution[name] for name in names))
    except ParameterError as error:
        return "parameter", str(error)
    except Exception as error:  # the store's own evaluation errors, reported to the client in words
        return "error", str(error)
    return "ok", (names, rows, truncated)


def worker_main(connection):
    """Open the data source sent over `connection`, then answer saved-query jobs until it closes."""
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    store = open_source(connection.recv())
    connection.send(("ready", len(store)))
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        connection.send(answer_saved(store, job))


def _exit_when_orphaned(parent):
    """Stop, even mid-query, once the web process that started this worker is gone."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


if __name__ == "__main__":
    worker_main(Connection(int(sys.argv[1])))
