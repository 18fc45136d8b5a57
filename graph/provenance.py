"""Provenance: every fact points to the exact quote of the source document it came from."""

from rdflib import Literal
from rdflib.namespace import PROV, RDF, XSD

from atkg.graph import iris
from atkg.ontology import ATKG


def add_quote(graph, *, base, stem, text, line_start, line_end):
    """Add a SourceQuote for `text` (lines line_start..line_end of source `stem`) and return its IRI."""
    quote = iris.quote_iri(stem, text, base=base)
    graph.add((quote, RDF.type, ATKG.SourceQuote))
    graph.add((quote, ATKG.quotedText, Literal(text, lang="az")))
    graph.add((quote, ATKG.lineStart, Literal(line_start, datatype=XSD.positiveInteger)))
    graph.add((quote, ATKG.lineEnd, Literal(line_end, datatype=XSD.positiveInteger)))
    graph.add((quote, PROV.wasQuotedFrom, iris.source_iri(stem, base=base)))
    graph.add((quote, ATKG.sourceDocument, iris.source_iri(stem, base=base)))
    return quote


def derive(graph, node, quote):
    """Say that `node` (and the facts stated about it) was derived from `quote`."""
    graph.add((node, PROV.wasDerivedFrom, quote))
