"""Helpers for the server tests: test data, real `atkg serve` processes on loopback ports, HTTP calls."""

import http.client
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.support.stores import free_port

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / ".ci" / "clients"
TOKEN = "test-token-7f3a"
EX = "http://example.org/"
MEASURES_TRIG = """\
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:plan {
  ex:plan a ex:ActionPlan ; rdfs:label "National Action Plan 2020-2024"@en ,
      "Milli Fəaliyyət Planı 2020-2024"@az ; ex:adopted "2020-07-22"^^xsd:date .
  ex:measure1 a ex:Measure ; ex:number "1.1" ; rdfs:label "Improve the legal framework"@en ; ex:partOf ex:plan .
  ex:measure2 a ex:Measure ; ex:number "1.2" ; rdfs:label "Train police officers"@en ; ex:partOf ex:plan .
  ex:measure3 a ex:Measure ; ex:number "2.1" ; rdfs:label "Support shelters"@en ; ex:partOf ex:plan .
}
ex:report2020 {
  ex:report2020 a ex:Report ; rdfs:label "Report for 2020"@en ; ex:year 2020 .
  ex:measure1 ex:status ex:done .
  ex:measure2 ex:status ex:ongoing .
}
"""
VOCAB_TTL = """\
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Measure a rdfs:Class ; rdfs:label "Measure"@en , "Tədbir"@az .
ex:Report a rdfs:Class ; rdfs:label "Report"@en .
"""


def fetch(url, *, method="GET", body=None, headers=None, timeout=30):
    """(status, headers, body bytes) of one HTTP request; error statuses are returned, not raised."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def sparql_get(server, query, *, accept=None, **params):
    """GET /sparql?query=... with extra parameters (lists repeat)."""
    pairs = [("query", query)] + [(key.replace("_", "-"), value) for key, values in params.items()
                                  for value in (values if isinstance(values, list) else [values])]
    headers = {"Accept": accept} if accept else {}
    return fetch(f"{server.sparql}?{urllib.parse.urlencode(pairs)}", headers=headers)


class Server:
    """A running `atkg serve` process and its addresses."""

    def __init__(self, process, port, log):
        self.process, self.port, self.log = process, port, log
        self.base = f"http://127.0.0.1:{port}"
        self.sparql = f"{self.base}/sparql"
        self.update = f"{self.base}/update"

    def stop(self):
        """Stop the server and its workers."""
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def start_server(tmp_path, *, data=(), store=None, env=None):
    """Start `atkg serve --data ...` (or `--store`) on a free loopback port and wait until /health answers."""
    port = free_port()
    log = tmp_path / f"server-{port}.log"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("ATKG_")}
    environment.update({"ATKG_DATA_DIR": str(tmp_path / "var")}, **(env or {}))
    command = [str(Path(sys.executable).with_name("atkg")), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += [item for path in data for item in ("--data", str(path))]
    command += ["--store", str(store)] if store else []
    with open(log, "wb") as stream:
        process = subprocess.Popen(command, stdout=stream, stderr=subprocess.STDOUT, env=environment)
    server = Server(process, port, log)
    deadline = time.monotonic() + 180  # generous: the machine may be busy with other work
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start:\n{log.read_text()}")
        try:
            urllib.request.urlopen(f"{server.base}/health", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"the server did not start in time:\n{log.read_text()}")


# A query no time limit lets finish: nine graph patterns joined with nothing in common.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"GRAPH ?g{i} {{ ?s{i} ?p{i} ?o{i} }}" for i in range(9)) + " }"


class KeepAlive:
    """A keep-alive HTTP connection to a loopback server per thread, opened again when the server closes it:
    how the fuzz and no-way-out tests send their thousands of requests cheaply."""

    def __init__(self, port):
        self.port, self.local, self.opened = port, threading.local(), []

    def send(self, method, target, body=None, headers=None):
        """(status, body) of one request, sent as given (no Accept-Encoding of its own)."""
        body = body.encode("utf-8") if isinstance(body, str) else body
        for attempt in (1, 2):
            if getattr(self.local, "connection", None) is None:
                self.local.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                self.opened.append(self.local.connection)
            try:
                return self._exchange(method, target, body, headers or {})
            except (http.client.HTTPException, OSError):
                self.local.connection.close()
                self.local.connection = None
                if attempt == 2:
                    raise
        return None

    def _exchange(self, method, target, body, headers):
        connection = self.local.connection
        connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        answer = response.status, response.read()
        if response.will_close:
            connection.close()
            self.local.connection = None
        return answer

    def close(self):
        """Close every connection opened."""
        for connection in self.opened:
            connection.close()


def mutate(rng, text, junk):
    """`text` with a few random deletions, duplications and insertions of `junk`: fuzz from real queries."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.4:
            text = text[:at] + text[at + rng.randint(1, 5):]
        elif choice < 0.75:
            text = text[:at] + rng.choice(junk) + text[at:]
        else:
            text = text[:at] + text[at:at + 8] + text[at:]
    return text
