"""A runner for the W3C SPARQL 1.1 protocol and service description manifests (tests/server/sparql/w3c/).

Each protocol test is a list of HTTP requests (ht:Request) with the expected status class, result format
and boolean. The manifest says every path starts with /sparql/ and that a runner replaces it with the
endpoint's own path: here /sparql, which on this scratch instance also takes updates because a token is
configured and sent. Before each test the dataset is emptied and the test's ut:graphData loaded.
"""

import http.client
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

from tests.server.helpers import TOKEN, fetch, start_server

W3C = Path(__file__).resolve().parent / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
FORMATS = {"boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
           "tabular": {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                       "text/tab-separated-values"},
           "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples"}}
PARSERS = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt"}
RAN = {"protocol": [], "service-description": []}


def manifest_entries(name):
    """(graph, [entry IRIs in order]) of a manifest in tests/server/sparql/w3c/NAME/manifest.ttl."""
    path = W3C / name / "manifest.ttl"
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = graph.value(predicate=RDF.type, object=MF.Manifest)
    return graph, list(Collection(graph, graph.value(manifest, MF.entries)))


PROTOCOL, PROTOCOL_ENTRIES = manifest_entries("protocol")
DESCRIPTION, DESCRIPTION_ENTRIES = manifest_entries("service-description")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A fresh server with updates enabled, used only by these tests (they empty the dataset)."""
    tmp = tmp_path_factory.mktemp("w3c")
    (tmp / "empty.nt").write_text("", encoding="utf-8")
    running = start_server(tmp, data=[tmp / "empty.nt"], env={"ATKG_UPDATE_TOKEN": TOKEN})
    yield running
    running.stop()


def reset(server, graph, entry):
    """Empty the dataset, then load the test's graph data into the named graphs its labels give."""
    parts = ["DROP SILENT ALL"]
    for data in graph.objects(entry, UT.graphData):
        source = Path(str(graph.value(data, UT.graph)).removeprefix("file://"))
        parts.append(f"INSERT DATA {{ GRAPH <{graph.value(data, RDFS_LABEL)}> {{ {source.read_text()} }} }}")
    status, _, body = fetch(server.update, method="POST", body=" ;\n".join(parts),
                            headers={"Content-Type": "application/sparql-update",
                                     "Authorization": f"Bearer {TOKEN}"})
    assert status == 200, body


def send(server, graph, request):
    """Send one ht:Request as written (http.client adds no header of its own but Host and length)."""
    path = str(graph.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    header_list = graph.value(request, HT.headers)
    for header in Collection(graph, header_list) if header_list else []:
        headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
    body_node = graph.value(request, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding))
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(str(graph.value(request, HT.methodName)), path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


def check_response(graph, request, status, content_type, body):
    """Assert the status class, the result format and the boolean the manifest expects."""
    expected = graph.value(request, HT.resp)
    classes = {str(code).rsplit("StatusCode", 1)[1][0] for code in graph.objects(expected, MF.expectedStatus)}
    assert str(status)[0] in classes, (status, body[:300])
    media = content_type.split(";")[0].strip()
    expected_format = graph.value(expected, MF.expectedFormat)
    if expected_format is not None:
        assert media in FORMATS[str(expected_format)], media
        if str(expected_format) == "RDF":
            Graph().parse(data=body, format=PARSERS[media])
    expected_boolean = graph.value(expected, MF.expectedBoolean)
    if expected_boolean is not None:
        assert boolean_of(media, body) is expected_boolean.toPython()


def boolean_of(media, body):
    """The boolean of SPARQL JSON or XML results."""
    if media == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    tree = ElementTree.parse(io.BytesIO(body))
    return tree.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"


@pytest.mark.parametrize("entry", PROTOCOL_ENTRIES, ids=lambda entry: str(entry).rsplit("#", 1)[1])
def test_protocol(scratch, entry):
    reset(scratch, PROTOCOL, entry)
    action = PROTOCOL.value(entry, MF.action)
    for request in Collection(PROTOCOL, PROTOCOL.value(action, HT.requests)):
        check_response(PROTOCOL, request, *send(scratch, PROTOCOL, request))
    RAN["protocol"].append(entry)


def description(server):
    """The service description fetched as Turtle, parsed."""
    status, headers, body = fetch(server.sparql, headers={"Accept": "text/turtle, application/rdf+xml;q=0.9"})
    assert status == 200
    return Graph().parse(data=body, format=PARSERS[headers["Content-Type"].split(";")[0]])


def conforms(graph):
    """The service description schema's rules: one typed service, known languages, IRIs where due."""
    service = graph.value(predicate=RDF.type, object=SD.Service)
    languages = set(graph.objects(service, SD.supportedLanguage))
    assert languages and languages <= {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
    assert all(isinstance(item, URIRef) for item in graph.objects(service, SD.resultFormat))
    assert all(isinstance(item, URIRef) for item in graph.objects(service, SD.feature))
    dataset = graph.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in graph
    assert (graph.value(dataset, SD.defaultGraph), RDF.type, SD.Graph) in graph
    for named in graph.objects(dataset, SD.namedGraph):
        assert isinstance(graph.value(named, SD.name), URIRef) and (named, RDF.type, SD.NamedGraph) in graph


DESCRIPTION_CHECKS = {
    "returns-rdf": lambda server: len(description(server)) > 0,
    "has-endpoint-triple": lambda server: (None, SD.endpoint, URIRef(server.sparql)) in description(server),
    "conforms-to-schema": lambda server: conforms(description(server)) is None,
}


@pytest.mark.parametrize("entry", DESCRIPTION_ENTRIES, ids=lambda entry: str(entry).rsplit("#", 1)[1])
def test_service_description(scratch, entry):
    assert DESCRIPTION_CHECKS[str(entry).rsplit("#", 1)[1]](scratch)
    RAN["service-description"].append(entry)


def test_every_manifest_test_ran_and_passed():
    assert len(RAN["protocol"]) == 34 and RAN["protocol"] == PROTOCOL_ENTRIES
    assert len(RAN["service-description"]) == 3 and RAN["service-description"] == DESCRIPTION_ENTRIES
