"""Start a real Virtuoso (Debian's virtuoso-opensource-7-bin, installed by .ci/install-clients.sh) on free
loopback ports, with its database in a folder of the test's own."""

import shutil
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

from tests.support.oxigraph_server import free_port

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


def virtuoso_binary():
    """virtuoso-t on PATH; fail loudly when missing."""
    found = shutil.which("virtuoso-t")
    if not found:
        raise RuntimeError("virtuoso-t is missing: .ci/install-clients.sh installs virtuoso-opensource-7-bin")
    return found


@contextmanager
def virtuoso_server(folder):
    """Yield a Virtuoso serving a new database in `folder`; stop it afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    (folder / "virtuoso.ini").write_text(INI.format(folder=folder, sql_port=free_port(), http_port=http_port),
                                        encoding="utf-8")
    process = subprocess.Popen([virtuoso_binary(), "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, cwd=folder)
    url = f"http://127.0.0.1:{http_port}"
    try:
        _wait_until_up(url, process, folder)
        yield Virtuoso(query_url=f"{url}/sparql", update_url=f"{url}/sparql-auth")
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(url, process, folder, *, seconds=60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso exited: {(folder / 'virtuoso.log').read_text(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"virtuoso did not answer at {url} within {seconds} s")
