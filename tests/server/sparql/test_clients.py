"""Real third-party clients against a server started on loopback, each with exact expected rows.

SPARQLWrapper asks directly; Comunica, Jena ARQ and an Oxigraph server each join data of their own with
our endpoint through SERVICE (federation). Install the clients with .ci/install-clients.sh.
"""

import functools
import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from tests.server.helpers import CLIENTS, EX, fetch, free_port

INSTALL_HINT = "run .ci/install-clients.sh to install the test clients"
PRIORITIES = f"""@prefix ex: <{EX}> .
ex:measure1 ex:priority "high"@en .
ex:measure3 ex:priority "low"@en .
"""
EXPECTED_FEDERATED = [("1.1", "high", "Improve the legal framework"), ("2.1", "low", "Support shelters")]
MEASURES = f"""PREFIX ex: <{EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?number ?label WHERE {{ GRAPH ex:plan {{ ?m ex:number ?number ; rdfs:label ?label }} }} ORDER BY ?number"""
EXPECTED_MEASURES = [("1.1", "Improve the legal framework"), ("1.2", "Train police officers"),
                     ("2.1", "Support shelters")]


def federated_query(endpoint):
    """Local ex:priority joined with numbers and English labels from `endpoint`."""
    return (f"SELECT ?number ?priority ?label WHERE {{ ?m <{EX}priority> ?priority . SERVICE <{endpoint}> {{ "
            f"GRAPH <{EX}plan> {{ ?m <{EX}number> ?number ; <http://www.w3.org/2000/01/rdf-schema#label> ?label "
            'FILTER(LANG(?label) = "en") } } } ORDER BY ?number')


def federated_rows(body):
    """(number, priority, label) from SPARQL JSON results."""
    bindings = json.loads(body)["results"]["bindings"]
    return [(row["number"]["value"], row["priority"]["value"], row["label"]["value"]) for row in bindings]


def require(path, name):
    """Fail (never skip) when a client is missing."""
    if not Path(path).exists():
        pytest.fail(f"{name} is not installed ({path} is missing): {INSTALL_HINT}")
    return str(path)


@pytest.fixture(scope="module")
def priorities(tmp_path_factory):
    """The clients' own data: a Turtle file, also served over HTTP on loopback (Comunica needs a URL)."""
    folder = tmp_path_factory.mktemp("priorities")
    (folder / "priorities.ttl").write_text(PRIORITIES, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield folder / "priorities.ttl", f"http://127.0.0.1:{httpd.server_address[1]}/priorities.ttl"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that keeps the test output clean."""

    def log_message(self, *args):
        """Say nothing."""


def wrapper(server, query, return_format):
    """A SPARQLWrapper client for `query` asking for `return_format`."""
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client.query().convert()


def test_sparqlwrapper_json(server):
    answer = wrapper(server, MEASURES, JSON)
    rows = [(b["number"]["value"], b["label"]["value"]) for b in answer["results"]["bindings"]]
    assert rows == EXPECTED_MEASURES


def test_sparqlwrapper_xml(server):
    document = wrapper(server, MEASURES, XML)
    values = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert values == [item for row in EXPECTED_MEASURES for item in row]


def test_sparqlwrapper_reads_the_link_of_a_cut_answer(server):
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o"
    answer = wrapper(server, query, JSON)
    assert answer["head"]["link"] == [f"{server.sparql}/limits"] and len(answer["results"]["bindings"]) == 5
    links = wrapper(server, query, XML).getElementsByTagName("link")
    assert [link.getAttribute("href") for link in links] == [f"{server.sparql}/limits"]
    assert wrapper(server, MEASURES, JSON)["head"] == {"vars": ["number", "label"]}


def test_sparqlwrapper_csv(server):
    assert wrapper(server, MEASURES, CSV).decode() == (
        "number,label\r\n1.1,Improve the legal framework\r\n1.2,Train police officers\r\n2.1,Support shelters\r\n")


def test_sparqlwrapper_construct(server):
    query = f"CONSTRUCT {{ ?m <{EX}status> ?s }} WHERE {{ GRAPH <{EX}report2020> {{ ?m <{EX}status> ?s }} }}"
    graph = Graph().parse(data=wrapper(server, query, TURTLE), format="turtle")
    assert set(graph) == {(URIRef(f"{EX}measure1"), URIRef(f"{EX}status"), URIRef(f"{EX}done")),
                          (URIRef(f"{EX}measure2"), URIRef(f"{EX}status"), URIRef(f"{EX}ongoing"))}


def test_sparqlwrapper_ask(server):
    assert wrapper(server, f"ASK {{ GRAPH ?g {{ <{EX}report2020> <{EX}year> 2020 }} }}", JSON)["boolean"] is True
    assert wrapper(server, f"ASK {{ GRAPH ?g {{ <{EX}report2020> <{EX}year> 2021 }} }}", JSON)["boolean"] is False


def test_comunica_federates_with_our_endpoint(server, priorities):
    node = require(CLIENTS / "node_modules" / ".bin" / "node", "Node 22")
    script = require(CLIENTS / "node_modules" / "@comunica" / "query-sparql" / "bin" / "query.js", "Comunica")
    _, url = priorities
    result = subprocess.run([node, script, url, "-t", "application/sparql-results+json",
                             federated_query(server.sparql)], capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert federated_rows(result.stdout) == EXPECTED_FEDERATED


def test_jena_arq_federates_with_our_endpoint(server, priorities, tmp_path):
    classpath = require(CLIENTS / "jena.classpath", "Apache Jena ARQ")
    require("/usr/share/java/jena-arq.jar", "Apache Jena ARQ")
    path, _ = priorities
    (tmp_path / "federated.rq").write_text(federated_query(server.sparql), encoding="utf-8")
    result = subprocess.run(["java", "-cp", Path(classpath).read_text().strip(), "arq.sparql", f"--data={path}",
                             f"--query={tmp_path / 'federated.rq'}", "--results=JSON"],
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert federated_rows(result.stdout) == EXPECTED_FEDERATED


def test_oxigraph_server_federates_with_our_endpoint(server, priorities, tmp_path):
    oxigraph = require(Path(sys.executable).with_name("oxigraph"), "The oxigraph CLI")
    path, _ = priorities
    store = tmp_path / "oxigraph"
    subprocess.run([oxigraph, "load", "--location", str(store), "--file", str(path)], check=True,
                   capture_output=True, timeout=60)
    port = free_port()
    process = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(store), "--bind",
                                f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        body = _ask_when_up(f"http://127.0.0.1:{port}/query", federated_query(server.sparql))
    finally:
        process.terminate()
        process.wait(10)
    assert federated_rows(body) == EXPECTED_FEDERATED


def _ask_when_up(url, query):
    deadline = time.monotonic() + 30
    while True:
        try:
            status, _, body = fetch(url, method="POST", body=query,
                                    headers={"Content-Type": "application/sparql-query",
                                             "Accept": "application/sparql-results+json"})
            assert status == 200, body
            return body
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
