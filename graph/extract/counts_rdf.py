"""Numbers met in an entry's text, with the noun they count, as schema:QuantitativeValue mentions."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SDO, SKOS, XSD

from atkg.graph.extract.numbers import find_counts
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG


def counts_graph(entry, entry_iri, *, base, stem):
    """One node per count in the entry's paragraphs ({entry}/count/{n}, in text order), each mentioned
    by the entry and derived from the paragraph it stands in."""
    graph, number = Graph(), 0
    for paragraph in entry.paragraphs:
        for count in find_counts(paragraph.text):
            number += 1
            node = URIRef(f"{entry_iri}/count/{number}")
            graph.add((node, RDF.type, SDO.QuantitativeValue))
            graph.add((node, SDO.value, Literal(count.value, datatype=XSD.integer)))
            graph.add((node, SDO.unitText, Literal(count.noun, lang="az")))
            graph.add((node, RDFS.label, Literal(count.surface, lang="az")))
            if count.qualifier:
                graph.add((node, SKOS.note, Literal(count.qualifier, lang="en")))
            graph.add((URIRef(entry_iri), ATKG.mentions, node))
            derive(graph, node, add_quote(graph, base=base, stem=stem, text=paragraph.text,
                                          line_start=paragraph.line_start, line_end=paragraph.line_end))
    return graph
