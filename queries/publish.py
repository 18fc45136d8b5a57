"""The saved queries as SHACL SPARQL executables, so the graph itself says which questions it answers."""

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS, SH

from atkg.graph import iris

SCHEMA = Namespace("https://schema.org/")


def queries_graph(queries, *, base):
    """A graph giving each saved query as sh:SPARQLSelectExecutable at {base}query/{name}."""
    graph = Graph()
    graph.bind("sh", SH)
    graph.bind("schema", SCHEMA)
    graph.bind("dcterms", DCTERMS)
    for name in sorted(queries):
        _add_query(graph, queries[name], iris.query_iri(name, base=base))
    return graph


def _add_query(graph, query, node):
    """The triples of one saved query."""
    graph.add((node, RDF.type, SH.SPARQLSelectExecutable))
    graph.add((node, SH.select, Literal(query.text)))
    for language in ("en", "az"):
        texts = query.texts_in(language)
        graph.add((node, RDFS.label, Literal(texts.summary, lang=language)))
        graph.add((node, RDFS.comment, Literal(texts.description, lang=language)))
    graph.add((node, DCTERMS.identifier, Literal(query.name)))
    for tag in query.tags:
        graph.add((node, SCHEMA.keywords, Literal(tag)))
