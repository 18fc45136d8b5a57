"""A template worker: it opens the data once, then forks ready query workers from itself in milliseconds.

A worker killed at the time limit used to be replaced by a new process that read the whole store into
memory again (about 25 s for 1.1 million quads), the pool a worker short meanwhile. The template holds
the data and forks: the child shares its memory copy-on-write and answers at once. Only data that is
held in memory and never changes is forked (atkg.server.engine.sources.held_in_memory, and no updates).

The template runs no thread (a fork copies the calling thread only) and waits on its socket for requests,
each carrying the socket of a new worker; the worker's first message gives its process id. The template
leaves when the web process closes that socket; a worker, when the web process is gone.
"""

import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection

from atkg.server.engine import guard
from atkg.server.engine.pool import WorkerLost, ready_reply, replies
from atkg.server.engine.worker import open_or_say_why, serve

FORK_TIMEOUT = 30.0


class ForkedWorker:
    """A worker forked by the template: the socket to it, and its process by a pidfd (it is not our child)."""

    def __init__(self, connection):
        self.connection, self.replies, self.pid, self._pidfd = connection, replies(connection), None, None

    def wait_ready(self):
        """Block until the new worker says it is ready; raise WorkerLost if it does not."""
        try:
            if not self.connection.poll(FORK_TIMEOUT):
                raise WorkerLost("the forked query worker did not start in time")
            _, _, self.pid = self.connection.recv()
        except (EOFError, OSError) as error:
            raise WorkerLost("the template could not fork a query worker") from error
        self._pidfd = os.pidfd_open(self.pid)

    def kill(self):
        """Stop the process at once and wait (up to 5 s) until it is gone."""
        if self._pidfd is not None:
            try:
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass
            select.select([self._pidfd], [], [], 5)
            os.close(self._pidfd)
            self._pidfd = None
        self.connection.close()

    def is_alive(self):
        """True while the process runs (its pidfd turns readable when it ends)."""
        return self._pidfd is not None and not select.select([self._pidfd], [], [], 0)[0]


class Template:
    """The template process (`python -m atkg.server.engine.template`), started on `source`."""

    def __init__(self, source, *, start_timeout):
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen([sys.executable, "-m", "atkg.server.engine.template", str(theirs.fileno())],
                                        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self._socket, self._lock = ours, threading.Lock()
        connection = Connection(os.dup(ours.fileno()))
        connection.send(source)
        try:
            if not connection.poll(start_timeout):
                raise WorkerLost("the template worker did not open the data in time")
            ready_reply(connection, who="template worker")
        except WorkerLost:
            self.kill()
            raise
        finally:
            connection.close()

    def fork(self):
        """A new ForkedWorker (call its wait_ready); WorkerLost when the template is gone."""
        ours, theirs = socket.socketpair()
        try:
            with self._lock:
                socket.send_fds(self._socket, [b"f"], [theirs.fileno()])
        except OSError as error:
            ours.close()
            raise WorkerLost("the template worker is gone") from error
        finally:
            theirs.close()
        return ForkedWorker(Connection(ours.detach()))

    def is_alive(self):
        """True while the template process runs."""
        return self.process.poll() is None

    def kill(self):
        """Stop the template (the workers it forked go on)."""
        self.process.kill()
        self.process.wait(5)
        self._socket.close()


def template_main(control):
    """Open the data named on `control`, then fork a worker for each socket received, until it closes."""
    web = os.getppid()
    connection = Connection(os.dup(control.fileno()))
    store = open_or_say_why(connection)
    guard.warm()  # once here rather than in every forked worker
    size = len(store)  # counted once: 0.4 s at 1.1 million quads
    connection.send(("ready", size))
    connection.close()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the workers
    while True:
        message, fds, _, _ = socket.recv_fds(control, 16, 1)
        if not message:
            os._exit(0)
        if fds and os.fork() == 0:
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            _worker(store, size, Connection(fds[0]), web)
        for fd in fds:
            os.close(fd)


def _worker(store, size, connection, web):
    """The forked worker's life: say it is ready, then serve jobs; never return into the template's loop."""
    try:
        threading.Thread(target=_exit_when_gone, args=(web,), daemon=True).start()
        connection.send(("ready", size, os.getpid()))
        serve(store, connection)
    finally:
        os._exit(0)


def _exit_when_gone(pid):
    """Stop this worker, even mid-query, once the web process `pid` is gone."""
    while True:
        time.sleep(1)
        try:
            os.kill(pid, 0)
        except (ProcessLookupError, PermissionError):  # gone (or its number taken by another user's process)
            os._exit(1)


if __name__ == "__main__":
    template_main(socket.socket(fileno=int(sys.argv[1])))
