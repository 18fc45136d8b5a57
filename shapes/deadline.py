"""A report's check run where it can be stopped: in a child process forked for it and killed at its deadline.

A check's time grows faster than its report's text (a 250 KB report took 25 s on a busy machine), and
pySHACL has no time limit of its own; a flag the check polled would not stop a validation stuck inside one
SPARQL query. So check_within_limit forks this process (the check context is shared copy-on-write: nothing
is loaded again), the child checks and sends its verdict back pickled, and a child still running at the
deadline is killed: whatever it did is gone with it, and the caller's memory never holds a check's working
data (only its verdict), so the web process does not grow with the checks it runs.
"""

import gc
import multiprocessing
import signal
from dataclasses import replace

from atkg.shapes.check import check_report_text
from atkg.shapes.report_source import N_, CheckError

CHECK_TIMEOUT = 60.0  # seconds: a yearly report (20-60 KB) takes a few, the largest allowed one about 25
# Forked rather than spawned: the child starts at once with the context already in its memory.
_FORK = multiprocessing.get_context("fork")


class CheckTimeout(CheckError):
    """The check ran past its time limit and its process was killed."""

    def __init__(self, template=N_("The check took longer than its limit of %(limit)s seconds and was stopped: "
                                   "nothing was kept. A yearly report of 20-60 KB is checked in a few "
                                   "seconds; try again in a moment, or check that the file is one report's "
                                   "text alone."), values=None):
        super().__init__(template, values)


class CheckStopped(CheckError):
    """The check's process ended without a verdict (killed from outside, or out of memory)."""

    def __init__(self, template=N_("The check stopped before it finished: nothing was kept. Try again in a "
                                   "moment."), values=None):
        super().__init__(template, values or {})


def check_within_limit(text, *, context, timeout=None, agency=None, year=None, stem="report", keep_graphs=True):
    """check_report_text (same arguments and verdict) in a forked child process, killed when it runs longer
    than `timeout` seconds (None: CHECK_TIMEOUT); CheckTimeout then, CheckStopped if the child dies, and the
    child's own CheckError as it raised it. keep_graphs=False: the verdict comes back without the report's
    graphs (verdict.graphs empty), which only an ingest writes: sending them took 45 ms, the rest 1.5."""
    limit = CHECK_TIMEOUT if timeout is None else float(timeout)
    receiving, sending = _FORK.Pipe(duplex=False)
    child = _FORK.Process(target=_check_and_send, args=(sending, limit),
                          kwargs={"text": text, "context": context, "agency": agency, "year": year, "stem": stem,
                                  "keep_graphs": keep_graphs},
                          daemon=True)
    gc.freeze()  # the child's collections then leave this process's objects (and their pages) alone
    try:
        child.start()
    finally:
        gc.unfreeze()
    sending.close()  # the child's copy stays open: its end, or its death, ends the wait
    try:
        status, payload = _reply(receiving, limit)
    finally:
        receiving.close()
        child.kill()  # a no-op for a child that has sent its verdict and ended
        child.join()
    if status == "timeout":
        raise CheckTimeout(values={"limit": f"{limit:g}"})
    if status == "raised":
        raise payload
    return payload


def _reply(receiving, limit):
    """("ok", verdict), ("raised", exception) or ("timeout", None) from the child; CheckStopped when it
    ended without a word."""
    if not receiving.poll(limit):
        return "timeout", None
    try:
        return receiving.recv()
    except (EOFError, OSError):
        raise CheckStopped() from None


def _check_and_send(sending, limit, *, text, context, agency, year, stem, keep_graphs):
    """The child's life: check, send the verdict or the exception, end. SIGALRM at the deadline (and a second
    more) ends it even if the parent is gone and cannot kill it."""
    gc.disable()  # a short life ended by os._exit: nothing to collect
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(int(limit) + 2)
    try:
        verdict = check_report_text(text, context=context, agency=agency, year=year, stem=stem)
    except Exception as error:  # sent back whole: the caller says it in its own way, or fails as it would
        sending.send(("raised", error))
        return
    sending.send(("ok", verdict if keep_graphs else replace(verdict, graphs={})))
