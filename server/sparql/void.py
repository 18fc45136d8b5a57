"""The triples of the SPARQL Service Description and of the VoID / DCAT description of the dataset."""

import pyoxigraph as ox

from atkg.ontology import PREFIXES as ALL_PREFIXES
from atkg.server.engine.sources import rdf_format

SD, VOID, DCAT, DCT, FORMATS = (ALL_PREFIXES[name] for name in ("sd", "void", "dcat", "dcterms", "formats"))
IANA = "https://www.iana.org/assignments/media-types/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
PREFIXES = {name: ALL_PREFIXES[name] for name in ("sd", "void", "dcat", "dcterms", "formats")}
RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML"]
TITLE = ("National Action Plan against trafficking in human beings in Azerbaijan 2020-2024 "
         "and the reports on its implementation")


class Triples(list):
    """A list of pyoxigraph triples with a short way to add one."""

    def add(self, subject, predicate, obj):
        """Add (subject, predicate, object); strings are IRIs, ints become xsd:integer literals."""
        self.append(ox.Triple(_node(subject), ox.NamedNode(predicate), _node(obj)))


def _node(value):
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD_INTEGER)
    return ox.NamedNode(value)


def service_description(endpoint, stats, *, updates, federation, union):
    """sd:Service triples: endpoint, languages, formats, features and the default dataset with its graphs."""
    triples, service = Triples(), ox.BlankNode("service")
    triples.add(service, RDF_TYPE, SD + "Service")
    triples.add(service, SD + "endpoint", endpoint)
    triples.add(service, SD + "supportedLanguage", SD + "SPARQL11Query")
    if updates:
        triples.add(service, SD + "supportedLanguage", SD + "SPARQL11Update")
    for name in RESULT_FORMATS:
        triples.add(service, SD + "resultFormat", FORMATS + name)
    triples.add(service, SD + "feature", SD + "EmptyGraphs")
    if federation:
        triples.add(service, SD + "feature", SD + "BasicFederatedQuery")
    if union:
        triples.add(service, SD + "feature", SD + "UnionDefaultGraph")
    triples.add(service, SD + "defaultEntailmentRegime", "http://www.w3.org/ns/entailment/Simple")
    dataset, default_graph = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples.add(service, SD + "defaultDataset", dataset)
    triples.add(dataset, RDF_TYPE, SD + "Dataset")
    triples.add(dataset, SD + "defaultGraph", default_graph)
    triples.add(default_graph, RDF_TYPE, SD + "Graph")
    triples.add(default_graph, VOID + "triples", stats["default_triples"])
    for number, (graph, count) in enumerate(stats["graphs"]):
        named, description = ox.BlankNode(f"named{number}"), ox.BlankNode(f"graph{number}")
        triples.add(dataset, SD + "namedGraph", named)
        triples.add(named, RDF_TYPE, SD + "NamedGraph")
        triples.add(named, SD + "name", graph)
        triples.add(named, SD + "graph", description)
        triples.add(description, RDF_TYPE, SD + "Graph")
        triples.add(description, VOID + "triples", count)
    return triples


def void_description(dataset, stats, *, endpoint, dumps):
    """A void:Dataset / dcat:Dataset with counts per graph, examples, vocabularies, endpoint and dumps."""
    triples = Triples()
    for kind in (VOID + "Dataset", DCAT + "Dataset"):
        triples.add(dataset, RDF_TYPE, kind)
    triples.add(dataset, DCT + "title", ox.Literal(TITLE, language="en"))
    triples.add(dataset, VOID + "sparqlEndpoint", endpoint)
    triples.add(dataset, VOID + "triples", stats["own_default_triples"] + sum(n for _, n in stats["graphs"]))
    for graph, count in stats["graphs"]:
        triples.add(dataset, VOID + "subset", graph)
        triples.add(graph, RDF_TYPE, VOID + "Dataset")
        triples.add(graph, VOID + "triples", count)
    for vocabulary in stats["vocabularies"]:
        triples.add(dataset, VOID + "vocabulary", vocabulary)
    for example in stats["examples"]:
        triples.add(dataset, VOID + "exampleResource", example)
    service = ox.BlankNode("service")
    triples.add(dataset, DCAT + "distribution", service)
    triples.add(service, RDF_TYPE, DCAT + "Distribution")
    triples.add(service, DCAT + "accessURL", endpoint)
    for number, (url, name) in enumerate(dumps):
        distribution = ox.BlankNode(f"dump{number}")
        triples.add(dataset, VOID + "dataDump", url)
        triples.add(dataset, DCAT + "distribution", distribution)
        triples.add(distribution, RDF_TYPE, DCAT + "Distribution")
        triples.add(distribution, DCAT + "downloadURL", url)
        triples.add(distribution, DCAT + "mediaType", IANA + dump_media_type(name))
    return triples


def dump_media_type(name):
    """The media type of a dump file by its suffix: its RDF format's, else gzip or bytes."""
    file_format = rdf_format(name)
    if file_format:
        return file_format.media_type
    return "application/gzip" if name.lower().endswith(".gz") else "application/octet-stream"
