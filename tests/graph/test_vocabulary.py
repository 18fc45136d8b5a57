"""The graph uses only terms the ontology declares."""

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from atkg.graph.vocabulary import UndeclaredTermError, check_vocabulary, used_terms
from atkg.ontology import ontology_graph


def test_the_built_graph_uses_only_declared_terms(built, store):
    graph = Graph()
    for quad in store.quads():
        if not quad.graph_name.value.endswith("/graph/ontology") and hasattr(quad.object, "value"):
            graph.add((URIRef(quad.subject.value), URIRef(quad.predicate.value), URIRef(str(quad.object.value))))
    used = {str(term).removeprefix("https://w3id.org/atkg/ontology#") for term in used_terms(graph)}
    assert {"Measure", "responsibleBody", "involvedBody", "SourceQuote", "GovernmentBody"} <= used
    check_vocabulary(ontology_graph(), [graph])


def test_a_misspelt_term_is_named():
    graph = Graph()
    graph.add((URIRef("https://w3id.org/atkg/x"), URIRef("https://w3id.org/atkg/ontology#responsibleBdy"),
               URIRef("https://w3id.org/atkg/y")))
    graph.add((URIRef("https://w3id.org/atkg/x"), RDF.type, URIRef("https://w3id.org/atkg/ontology#Measur")))
    with pytest.raises(UndeclaredTermError) as error:
        check_vocabulary(ontology_graph(), [graph])
    assert str(error.value) == ("the graph uses terms the ontology does not declare: "
                                "https://w3id.org/atkg/ontology#Measur, https://w3id.org/atkg/ontology#responsibleBdy")
