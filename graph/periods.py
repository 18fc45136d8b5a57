"""OWL-Time intervals for spans of whole years, the only precision the plan gives."""

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, TIME, XSD

from atkg.graph import iris


def add_year_span(graph, first_year, last_year, *, base):
    """Add a time:ProperInterval from the start of first_year to the end of last_year; return its IRI."""
    if first_year == last_year:
        interval = iris.year_iri(first_year, base=base)
        label = str(first_year)
    else:
        interval = iris.period_iri(first_year, last_year, base=base)
        label = f"{first_year}-{last_year}"
    graph.add((interval, RDF.type, TIME.ProperInterval))
    graph.add((interval, RDFS.label, Literal(label)))
    graph.add((interval, TIME.hasBeginning, _instant(graph, interval, "beginning", first_year)))
    graph.add((interval, TIME.hasEnd, _instant(graph, interval, "end", last_year)))
    return interval


def _instant(graph, interval, which, year):
    instant = URIRef(f"{interval}/{which}")
    graph.add((instant, RDF.type, TIME.Instant))
    graph.add((instant, TIME.inXSDgYear, Literal(str(year), datatype=XSD.gYear)))
    return instant
