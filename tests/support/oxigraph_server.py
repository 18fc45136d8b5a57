"""Start a real Oxigraph server (the `oxigraph` CLI from PyPI) on a free loopback port."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port():
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary():
    """The oxigraph CLI next to this Python, else on PATH; fail loudly when missing."""
    candidate = Path(sys.executable).with_name("oxigraph")
    found = str(candidate) if candidate.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph CLI is missing: pip install -e '.[test]' installs it")
    return found


@contextmanager
def oxigraph_server(location, *, read_only=False, union_default_graph=False):
    """Yield the base URL of an Oxigraph server over `location`; stop it afterwards.

    `union_default_graph` makes a query's default graph the union of all graphs, as atkg's embedded
    store has it for saved queries.
    """
    port = free_port()
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
               "--bind", f"127.0.0.1:{port}"] + (["--union-default-graph"] if union_default_graph else [])
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()


def _wait_until_up(url, process, *, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited: {process.stderr.read().decode()}")
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph did not answer at {url} within {seconds} s")
