"""The SPARQL Service Description at /sparql, the browser page, /.well-known/void and the dumps."""

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from tests.server.helpers import EX, MEASURES_TRIG, fetch

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
RDF_FORMATS = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld",
               "application/n-triples": "nt"}


def description(server, accept):
    """The service description parsed from the format `accept` names."""
    status, headers, body = fetch(server.sparql, headers={"Accept": accept} if accept else {})
    assert status == 200
    media = headers["Content-Type"].split(";")[0]
    if media == "application/ld+json":  # rdflib's JSON-LD reader warns about its own deprecations
        body = ox.serialize(ox.parse(body, format=ox.RdfFormat.JSON_LD), format=ox.RdfFormat.N_TRIPLES)
        return Graph().parse(data=body, format="nt"), media
    return Graph().parse(data=body, format=RDF_FORMATS[media]), media


def test_service_description_names_endpoint_languages_formats_and_graphs(server):
    graph, media = description(server, "text/turtle")
    assert media == "text/turtle"
    service = graph.value(predicate=RDF.type, object=SD.Service)
    assert graph.value(service, SD.endpoint) == URIRef(server.sparql)
    assert set(graph.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert len(set(graph.objects(service, SD.resultFormat))) == 8
    assert set(graph.objects(service, SD.feature)) == {SD.EmptyGraphs, SD.UnionDefaultGraph}
    dataset = graph.value(service, SD.defaultDataset)
    counts = {str(graph.value(named, SD.name)): graph.value(graph.value(named, SD.graph), VOID.triples).toPython()
              for named in graph.objects(dataset, SD.namedGraph)}
    assert counts == {f"{EX}plan": 16, f"{EX}report2020": 5}
    assert graph.value(graph.value(dataset, SD.defaultGraph), VOID.triples).toPython() == 26  # the union


def test_service_description_is_the_same_in_every_rdf_format(server):
    reference, _ = description(server, "text/turtle")
    for accept in ("application/rdf+xml", "application/ld+json", "application/n-triples"):
        graph, media = description(server, accept)
        assert media == accept and isomorphic(graph, reference)


def test_no_accept_from_a_program_gets_turtle(server):
    _, media = description(server, None)
    assert media == "text/turtle"


def test_browser_gets_a_working_form(server):
    status, headers, body = fetch(server.sparql, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert f'<form method="get" action="{server.sparql}">' in page and 'name="query"' in page
    status, headers, body = fetch(f"{server.sparql}?query=ASK%7B%7D&format=csv",
                                  headers={"Accept": "text/html,*/*;q=0.8"})
    assert (status, headers["Content-Type"]) == (200, "application/sparql-results+json")  # ASK has no CSV
    status, headers, body = fetch(f"{server.sparql}?query=SELECT%20%3Fx%7BBIND(1%20AS%20%3Fx)%7D&format=csv",
                                  headers={"Accept": "text/html,*/*;q=0.8"})
    assert (status, headers["Content-Type"], body) == (200, "text/csv; charset=utf-8", b"x\r\n1\r\n")


def test_void_counts_graphs_and_links_endpoint_and_dumps(server):
    status, headers, body = fetch(f"{server.base}/.well-known/void", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=body, format="turtle")
    dataset = URIRef("https://w3id.org/atkg/")
    assert (dataset, RDF.type, VOID.Dataset) in graph and (dataset, RDF.type, DCAT.Dataset) in graph
    assert graph.value(dataset, VOID.triples) == Literal(26)
    assert {str(s): graph.value(s, VOID.triples).toPython() for s in graph.objects(dataset, VOID.subset)} == {
        f"{EX}plan": 16, f"{EX}report2020": 5}
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(server.sparql)
    assert set(map(str, graph.objects(dataset, VOID.vocabulary))) == {
        EX, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#"}
    assert set(map(str, graph.objects(dataset, VOID.exampleResource))) == {
        f"{EX}Measure", f"{EX}measure1", f"{EX}plan", f"{EX}report2020"}
    dump = graph.value(dataset, VOID.dataDump)
    assert str(dump) == f"{server.base}/dumps/atkg.trig"
    status, headers, body = fetch(str(dump))
    assert status == 200 and headers["Content-Type"].startswith("application/trig")
    assert body.decode() == MEASURES_TRIG


def test_unknown_dumps_are_not_found(server):
    for name in ("nothing.nq", "..%2F..%2Fetc%2Fpasswd", "%2E%2E"):
        status, _, body = fetch(f"{server.base}/dumps/{name}")
        assert status == 404 and body.decode().startswith("There is nothing at this address.")


def test_dump_media_types_are_oxigraphs_for_rdf_and_gzip_or_bytes_otherwise():
    from atkg.server.sparql.void import dump_media_type
    names = ("a.nq", "a.nt", "a.ttl", "a.TRIG", "a.jsonld", "a.rdf", "a.nq.gz", "a.txt", "README")
    assert [dump_media_type(name) for name in names] == [
        "application/n-quads", "application/n-triples", "text/turtle", "application/trig", "application/ld+json",
        "application/rdf+xml", "application/gzip", "application/octet-stream", "application/octet-stream"]
