"""The read-only SPARQL 1.1 Graph Store Protocol at /rdf-graph-store: GET and HEAD of ?default and
?graph=IRI in four formats, 404, 405 with Allow, 400; and the W3C test entries that apply to reading."""

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace
from rdflib.compare import isomorphic

from tests.server.helpers import EX, MEASURES_TRIG, VOCAB_TTL, fetch, start_server

W3C = Path(__file__).parent / "w3c" / "graph-store-protocol" / "manifest-indirect.ttl"  # a copy of W3C's
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
STATUS = {HTS.OK: 200, HTS.NotFound: 404}
PARSERS = {"text/turtle; charset=utf-8": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
           "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML}


def as_graph(body, content_type):
    """A body read by pyoxigraph's parser for its type, as an rdflib graph (for rdflib's isomorphism)."""
    triples = [quad.triple for quad in ox.parse(body, format=PARSERS[content_type])]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def store_url(server, *, graph=None):
    """The graph store's address for a named graph, or for the default graph."""
    return f"{server.base}/rdf-graph-store?" + (f"graph={quote(graph, safe='')}" if graph else "default")


def expected_graph(name):
    """A named graph of the test data, as an rdflib graph."""
    graph = ox.NamedNode(f"{EX}{name}")
    triples = [quad.triple for quad in ox.parse(MEASURES_TRIG.encode(), format=ox.RdfFormat.TRIG)
               if quad.graph_name == graph]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


@pytest.mark.parametrize(("accept", "content_type"), [(accept, content_type) for accept, content_type in [
    ("text/turtle", "text/turtle; charset=utf-8"), ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"), ("application/rdf+xml", "application/rdf+xml")]])
def test_a_named_graph_in_each_format(server, accept, content_type):
    status, headers, body = fetch(store_url(server, graph=f"{EX}report2020"), headers={"Accept": accept})
    assert (status, headers["Content-Type"]) == (200, content_type)
    assert isomorphic(as_graph(body, content_type), expected_graph("report2020"))


def test_head_gives_the_headers_of_get_and_no_body(server):
    _, got, body = fetch(store_url(server, graph=f"{EX}plan"), headers={"Accept": "text/turtle"})
    status, headers, nothing = fetch(store_url(server, graph=f"{EX}plan"), method="HEAD",
                                     headers={"Accept": "text/turtle"})
    assert (status, nothing, headers["Content-Type"]) == (200, b"", got["Content-Type"]) and body


def test_the_default_graph_is_the_union_cut_at_the_row_limit(server):
    status, headers, body = fetch(store_url(server), headers={"Accept": "application/n-triples"})
    everything = Graph().parse(data=VOCAB_TTL, format="turtle")
    for name in ("plan", "report2020"):
        everything += expected_graph(name)
    got = as_graph(body, "application/n-triples")
    assert status == 200 and len(got) == 5 and set(got) < set(everything)  # this server sends 5 rows at most
    assert (headers["X-ATKG-Truncated"], headers["X-SPARQL-MaxRows"]) == ("true", "5")


def test_an_unknown_graph_is_404_and_a_wrong_request_400_or_406(server):
    status, _, body = fetch(store_url(server, graph=f"{EX}nothing"))
    assert (status, body.decode()) == (404, f"This service holds no graph named {EX}nothing.\n")
    for query in ("", f"default&graph={quote(EX + 'plan')}", "graph=a&graph=b"):
        status, _, body = fetch(f"{server.base}/rdf-graph-store?{query}")
        assert (status, body.decode()) == (400, "Name one graph: ?graph=IRI for a named graph, or ?default for "
                                                "the default graph (not both, not neither).\n")
    status, _, body = fetch(f"{server.base}/rdf-graph-store?graph=not%20an%20iri")
    assert (status, body.decode()) == (400, "The graph parameter must be a full IRI; 'not an iri' is not.\n")
    status, _, _ = fetch(store_url(server, graph=f"{EX}plan"), headers={"Accept": "image/png"})
    assert status == 406


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
def test_writing_is_refused_with_405_and_allow(server, method):
    status, headers, body = fetch(store_url(server, graph=f"{EX}report2020"), method=method,
                                  body="<a:b> <a:c> <a:d> .", headers={"Content-Type": "text/turtle"})
    assert (status, headers["Allow"]) == (405, "GET, HEAD")
    assert body.decode() == "This graph store is read-only: it answers GET and HEAD, and changes no graph.\n"
    assert isomorphic(as_graph(fetch(store_url(server, graph=f"{EX}report2020"))[2], "text/turtle; charset=utf-8"),
                      expected_graph("report2020"))


def w3c_reading_checks():
    """(test name, graph writes before it, request) for every GET and HEAD of the W3C manifest whose test
    writes by PUT only (a read-only store cannot take POST or DELETE); the writes become the served data."""
    manifest = Graph().parse(W3C, format="turtle")
    checks = []
    for test in sorted(manifest.subjects(MF.name, None)):
        requests = list(manifest.items(manifest.value(manifest.value(test, MF.action), HT.requests)))
        methods = [str(manifest.value(request, HT.methodName)) for request in requests]
        if not set(methods) <= {"PUT", "GET", "HEAD"}:
            continue
        state = {}
        for request, method in zip(requests, methods):
            graph = _graph_of(str(manifest.value(request, HT.absolutePath)))
            if method == "PUT":
                state[graph] = str(manifest.value(manifest.value(request, HT.body), CNT.chars))
            else:
                checks.append((str(manifest.value(test, MF.name)), dict(state), _request(manifest, request)))
    return checks


def _graph_of(path):
    """The graph IRI of a request path (/gsp?graph=... decoded once), or None for ?default."""
    query = parse_qs(urlsplit(path).query, keep_blank_values=True)
    return query["graph"][0] if "graph" in query else None


def _request(manifest, request):
    response = manifest.value(request, HT.resp)
    body = manifest.value(response, HT.body)
    return {"method": str(manifest.value(request, HT.methodName)),
            "path": str(manifest.value(request, HT.absolutePath)).replace("/gsp", "/rdf-graph-store", 1),
            "accept": [str(manifest.value(header, HT.fieldValue)) for header in
                       manifest.items(manifest.value(request, HT.headers))][0],
            "status": {STATUS[status] for status in manifest.objects(response, MF.expectedStatus)},
            "body": str(manifest.value(body, CNT.chars)) if body else None}


CHECKS = w3c_reading_checks()


def test_the_w3c_manifest_has_reading_checks():
    assert len(CHECKS) >= 6 and {check[2]["method"] for check in CHECKS} == {"GET", "HEAD"}


@pytest.fixture(scope="module")
def w3c_servers(tmp_path_factory):
    """One server per distinct state the checks need (a graph written twice needs two), on loopback."""
    servers, states = {}, []
    for _, state, _ in CHECKS:
        key = tuple(sorted(state.items(), key=lambda item: item[0] or ""))
        if key not in states:
            states.append(key)
    groups = []  # states merged while no graph has two contents
    for state in states:
        for group in groups:
            if all(group.get(graph, text) == text for graph, text in state):
                group.update(state)
                break
        else:
            groups.append(dict(state))
    for number, group in enumerate(groups):
        folder = tmp_path_factory.mktemp(f"w3c-gsp-{number}")
        quads = [ox.Quad(quad.subject, quad.predicate, quad.object,
                         ox.NamedNode(graph) if graph else ox.DefaultGraph())
                 for graph, text in group.items()
                 for quad in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE,
                                      base_iri=graph or "http://www.example/")]
        (folder / "data.nq").write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        running = start_server(folder, data=[folder / "data.nq"], env={"ATKG_UNION_DEFAULT_GRAPH": "false"})
        servers[number] = (running, group)
    yield servers
    for running, _ in servers.values():
        running.stop()


@pytest.mark.parametrize(("name", "state", "request_"), CHECKS, ids=[f"{c[0]} ({c[2]['method']})" for c in CHECKS])
def test_w3c_graph_store_reading(w3c_servers, name, state, request_):
    running = next(server for server, group in w3c_servers.values()
                   if all(group.get(graph) == text for graph, text in state.items()))
    status, headers, body = fetch(running.base + request_["path"], method=request_["method"],
                                  headers={"Accept": request_["accept"]})
    assert status in request_["status"], name
    if request_["body"] and request_["method"] == "GET":
        assert headers["Content-Type"] == "text/turtle; charset=utf-8"
        graph = _graph_of(request_["path"])
        expected = Graph().parse(data=request_["body"], format="turtle", publicID=graph or "http://www.example/")
        assert isomorphic(as_graph(body, "text/turtle; charset=utf-8"), expected)
