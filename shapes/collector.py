"""Python's cyclic garbage collector held off while a check runs.

A check allocates some hundred thousand short-lived objects, nearly all freed by reference counting as soon
as they are dropped; their allocation still sets the collector off, and about one check in two or three
then pays for a full collection, which walks every object of the process, the whole context graph included
(0.1-0.2 s on the real graph). Held off, the collector runs again after the check as usual: on what the
check left behind, unless a full collection is due anyway.
"""

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"holders": 0, "was_enabled": False}


@contextmanager
def collector_held_off():
    """Disable the cyclic garbage collector inside the block. Blocks may overlap (threads, nesting): the
    collector is enabled again when the last one ends, if it was enabled when the first one began."""
    with _lock:
        if _state["holders"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["holders"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["holders"] -= 1
            if _state["holders"] == 0 and _state["was_enabled"]:
                gc.enable()


def moved_to_oldest_generation():
    """Put every object the collector tracks in its oldest generation (gc.freeze, then gc.unfreeze), so the
    young collections that follow a held-off block do not walk what it made to keep (a check context read
    in, a process's imports): 40-70 ms for the check context. They stay collectable: a full collection
    still looks at them."""
    gc.freeze()
    gc.unfreeze()
