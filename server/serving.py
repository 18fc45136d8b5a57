"""The production HTTP server under `atkg serve`: Granian, whose HTTP side is written in Rust, running the
Flask app over WSGI.

Granian's main process binds the address and watches one worker process, starting another should it die;
the worker builds the app (and with it the query workers, atkg.server.engine.pool) and runs it on `threads`
threads. On the benchmark's cold workload it answered 1.4 to 1.6 times as many requests a second as waitress
did, from the same app: a request took about half the CPU time in the web process (bench/RESULTS.md).
"""

import os
import sys
import threading
from functools import partial

from granian import Granian
from granian.constants import Interfaces


def serve(config, *, host, port, threads, workers=1):
    """Serve `create_app(config)` on host:port until SIGINT or SIGTERM, in `workers` web processes (each with
    its own app, query workers and cache); exit 1 if the app cannot start."""
    server = Granian("atkg.server:create_app", address=host, port=port, interface=Interfaces.WSGI, workers=workers,
                     blocking_threads=threads, websockets=False, respawn_failed_workers=True)
    server.serve(target_loader=partial(_build_app, config), wrap_loader=False)


def _build_app(config):
    """The app, built in Granian's worker process; a data error ends that process with the message.

    The worker also ends when Granian's main process does, even killed outright: Granian would leave it
    answering on the address (and its query workers end with it).
    """
    from atkg.server import create_app
    from atkg.server.engine.pool import WorkerLost
    from atkg.server.engine.worker import exit_when_orphaned

    threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    try:
        return create_app(config)
    except (FileNotFoundError, WorkerLost) as error:
        print(f"Error: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
