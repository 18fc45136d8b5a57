"""The production HTTP server under `atkg serve`: Granian, whose HTTP side is written in Rust, running the
Flask app.

Granian's main process binds the address and watches its worker processes (ATKG_WEB_WORKERS, one by default),
starting another should one die;
the worker builds the app (and with it the query workers, atkg.server.engine.pool) and runs it on `threads`
threads. Granian reads each request's headers in Rust and drops a connection whose headers have not all come
within HEADER_TIMEOUT seconds; the app is served over ASGI so that bodies are awaited on the event loop
within their own bounds before a thread takes the request (server/uploads.py). On the benchmark's cold
workload Granian answered 1.4 to 1.6 times as many requests a second as waitress did, from the same app
(bench/RESULTS.md).
"""

import os
import sys
import threading
from functools import partial

from granian import Granian
from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings


def serve(config, *, host, port, threads, header_timeout, workers=1):
    """Serve `create_app(config)` on host:port until SIGINT or SIGTERM, in `workers` web processes (each with
    its own app, query workers and cache); exit 1 if the app cannot start. HTTP/1 only: Granian's header
    time limit is an HTTP/1 setting."""
    server = Granian("atkg.server:create_app", address=host, port=port, interface=Interfaces.ASGINL, workers=workers,
                     websockets=False, respawn_failed_workers=True, http=HTTPModes.http1,
                     http1_settings=HTTP1Settings(header_read_timeout=int(header_timeout * 1000)))
    server.serve(target_loader=partial(_build_app, config, threads=threads), wrap_loader=False)


def _build_app(config, *, threads):
    """The app, built in Granian's worker process; a data error ends that process with the message.

    The worker also ends when Granian's main process does, even killed outright: Granian would leave it
    answering on the address (and its query workers end with it).
    """
    from atkg.server import create_app
    from atkg.server.engine.pool import WorkerLost
    from atkg.server.engine.worker import exit_when_orphaned
    from atkg.server.uploads import bounded

    threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    try:
        return bounded(create_app(config), threads=threads)
    except (FileNotFoundError, WorkerLost) as error:
        print(f"Error: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
