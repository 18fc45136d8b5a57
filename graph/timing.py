"""Named, timed steps: the build says what it did and how long each step took."""

import time
from contextlib import contextmanager


class Steps:
    """Collects (name, seconds, detail) of each step and echoes a line per step as it ends."""

    def __init__(self, echo):
        self.echo = echo
        self.done = []

    @contextmanager
    def step(self, name):
        """Time the body; the body may set `.detail` on the yielded record to say what it made."""
        record = _Record()
        started = time.perf_counter()
        yield record
        seconds = time.perf_counter() - started
        self.done.append((name, seconds, record.detail))
        self.echo(f"  {name:<34} {seconds:7.2f} s  {record.detail}")


class _Record:
    detail = ""
