"""A pool of query worker processes with a hard time limit: a worker that overruns is killed and replaced.

Where the data is held in memory and never changes, workers are forked from a template process that holds
it (atkg.server.engine.template), so a replacement answers within milliseconds instead of reading the data again.
Forked workers are watched through pidfds (Linux 5.3 and later); elsewhere each worker opens the data.
"""

import os
import queue
import select
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection

from atkg.server.engine.worker import send

START_TIMEOUT = 600.0  # loading a large graph into memory takes a while


class QueryTimeout(Exception):
    """The job ran past its time limit and its worker was stopped."""


class Busy(Exception):
    """Every worker stayed busy for the whole time limit."""


class WorkerLost(Exception):
    """A worker died while running a job, or could not be started."""


def replies(connection):
    """A poll object waiting for `connection`'s replies, made once: Connection.poll builds one every time."""
    poller = select.poll()
    poller.register(connection.fileno(), select.POLLIN)
    return poller


def ready_reply(connection, *, who):
    """The rest of the first reply of `who` (a process opening the data, atkg.server.engine.worker.open_or_say_why)
    once it says it is ready; WorkerLost, with the reason it gave, when it could not open the data."""
    try:
        status, *rest = connection.recv()
    except EOFError as error:
        raise WorkerLost(f"the {who} could not open the data") from error
    if status != "ready":
        raise WorkerLost(f"the data could not be opened: {rest[0]}")
    return rest


class Worker:
    """One worker process (`python -m atkg.server.engine.worker`) and the socket to it."""

    def __init__(self, source):
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen([sys.executable, "-m", "atkg.server.engine.worker", str(theirs.fileno())],
                                        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self.connection = Connection(ours.detach())
        self.replies = replies(self.connection)
        self.connection.send(source)

    def wait_ready(self):
        """Block until the worker has opened its data; raise WorkerLost if it fails to."""
        if not self.connection.poll(START_TIMEOUT):
            raise WorkerLost("the query worker did not start in time")
        ready_reply(self.connection, who="query worker")

    def kill(self):
        """Stop the process at once (a runaway query cannot be interrupted any other way)."""
        self.process.kill()
        self.process.wait(5)
        self.connection.close()

    def is_alive(self):
        """True while the process runs."""
        return self.process.poll() is None


class WorkerPool:
    """`size` workers opening `source_factory()` (with `fork`, forked from one that did); `run` uses one."""

    def __init__(self, source_factory, *, size, fork=False):
        self._source_factory, self._fork = source_factory, fork and hasattr(os, "pidfd_open")
        # Last in, first out: the worker that answered last is handed the next job while its CPU caches
        # still hold the store (taking turns, a saved query took 0.5-0.7 ms longer).
        self._idle = queue.LifoQueue()
        self._all, self._template, self._lock, self._template_lock = set(), None, threading.Lock(), threading.Lock()
        self.restarts = 0
        for worker in [self._spawn() for _ in range(size)]:
            worker.wait_ready()
            self._idle.put(worker)

    def _spawn(self):
        worker = self._forked() if self._fork else Worker(self._source_factory())
        with self._lock:
            self._all.add(worker)
        return worker

    def _forked(self):
        from atkg.server.engine.template import Template  # it imports this module

        with self._template_lock:
            if self._template is None or not self._template.is_alive():
                if self._template is not None:
                    self._template.kill()
                self._template = Template(self._source_factory(), start_timeout=START_TIMEOUT)
            return self._template.fork()

    def _replace(self, worker):
        with self._lock:
            self._all.discard(worker)
            self.restarts += 1
        worker.kill()
        threading.Thread(target=self._start_one, daemon=True).start()

    def _start_one(self):
        worker = None
        try:
            worker = self._spawn()
            worker.wait_ready()
            self._idle.put(worker)
        except WorkerLost:
            with self._lock:
                self._all.discard(worker)

    def alive(self):
        """How many worker processes are running."""
        with self._lock:
            return sum(worker.is_alive() for worker in self._all)

    def run(self, job, *, timeout):
        """Send `job` to a free worker and return its reply within `timeout` seconds of starting."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty as error:
            raise Busy() from error
        started = time.monotonic()
        try:
            send(worker.connection, job)
            ready = worker.replies.poll(timeout * 1000)
            reply = worker.connection.recv() if ready else None
        except (EOFError, OSError) as error:
            self._replace(worker)
            raise WorkerLost("the query worker stopped unexpectedly") from error
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(time.monotonic() - started)
        self._idle.put(worker)
        return reply

    def close(self):
        """Stop every worker, and the template."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()
        with self._template_lock:
            if self._template is not None:
                self._template.kill()
