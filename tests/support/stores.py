"""Real SPARQL stores started by the tests on free loopback ports, each stopped when its `with` block ends:
an Oxigraph server (the `oxigraph` CLI from PyPI) and a Virtuoso (Debian's virtuoso-opensource-7-bin,
installed by .ci/install-clients.sh) with its database in a folder of the test's own."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def oxigraph_server(location, *, read_only=False, union_default_graph=False):
    """Yield the base URL of an Oxigraph server over `location`; stop it afterwards.

    `union_default_graph` makes a query's default graph the union of all graphs, as atkg's embedded
    store has it for saved queries.
    """
    port = free_port()
    command = [_oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
               "--bind", f"127.0.0.1:{port}"] + (["--union-default-graph"] if union_default_graph else [])
    url = f"http://127.0.0.1:{port}"
    with _running(command, probe=f"{url}/query?query=ASK%7B%7D", seconds=20, log=None):
        yield url


# Virtuoso's own administrator of a new database: the password it is created with.
USER, PASSWORD = "dba", "dba"
INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {folder}
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: where to query (anyone), where to update (USER and PASSWORD, digest)."""

    query_url: str
    update_url: str
    user: str = USER
    password: str = PASSWORD


@contextmanager
def virtuoso_server(folder):
    """Yield a Virtuoso serving a new database in `folder`; stop it afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    (folder / "virtuoso.ini").write_text(INI.format(folder=folder, sql_port=free_port(), http_port=http_port),
                                        encoding="utf-8")
    command = [_found("virtuoso-t", "virtuoso-opensource-7-bin: .ci/install-clients.sh installs it"),
               "+foreground", "+configfile", str(folder / "virtuoso.ini")]
    url = f"http://127.0.0.1:{http_port}"
    with _running(command, probe=f"{url}/sparql?query=ASK%7B%7D", seconds=60, log=folder / "virtuoso.log",
                  cwd=folder):
        yield Virtuoso(query_url=f"{url}/sparql", update_url=f"{url}/sparql-auth")


def _oxigraph_binary():
    """The oxigraph CLI next to this Python, else on PATH."""
    candidate = Path(sys.executable).with_name("oxigraph")
    return str(candidate) if candidate.exists() else _found("oxigraph", "pip install -e '.[test]' installs it")


def _found(program, remedy):
    """`program` on PATH; fail loudly, saying how to get it, when it is missing."""
    found = shutil.which(program)
    if not found:
        raise RuntimeError(f"{program} is missing: {remedy}")
    return found


@contextmanager
def _running(command, *, probe, seconds, log, cwd=None):
    """Run `command` until the block ends, once `probe` (a URL) answers; its output goes to `log` (None:
    kept in a pipe and shown if it exits at start)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE if log is None
                               else subprocess.DEVNULL, cwd=cwd)
    try:
        _wait_until_up(process, probe=probe, seconds=seconds, log=log)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stderr:
            process.stderr.close()


def _wait_until_up(process, *, probe, seconds, log):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = process.stderr.read().decode() if log is None else log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{Path(process.args[0]).name} exited at start: {said}")
        try:
            urllib.request.urlopen(probe, timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{Path(process.args[0]).name} did not answer at {probe} within {seconds} s")
