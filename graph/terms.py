"""pyoxigraph's terms as rdflib's: the store and pyoxigraph's parsers hand over pyoxigraph terms, while
rdflib and pySHACL work on rdflib graphs."""

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef


def rdflib_graph(triples, *, prefixes=None):
    """pyoxigraph triples as an rdflib Graph, term by term (three times faster than through N-Triples), with
    `prefixes` ({prefix: namespace}) bound as a Turtle file's would be."""
    graph, terms = Graph(), {}
    for prefix, namespace in (prefixes or {}).items():
        graph.bind(prefix, namespace)
    graph.addN((_rdflib_term(t.subject, terms), _rdflib_term(t.predicate, terms), _rdflib_term(t.object, terms), graph)
               for t in triples)
    return graph


def _rdflib_term(term, known):
    """The rdflib term of a pyoxigraph one, made once per distinct term (`known` remembers them).

    A literal typed xsd:string becomes rdflib's plain literal, as the N-Triples parser would make it."""
    converted = known.get(term)
    if converted is None:
        converted = known[term] = _converted(term)
    return converted


def _converted(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))
