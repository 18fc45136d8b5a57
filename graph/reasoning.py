"""OWL RL inferences (owlrl) kept apart from the asserted facts, in a named graph of their own."""

import owlrl
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_REFLEXIVE = {OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty}


def owl_rl_inferences(graphs):
    """What the OWL 2 RL rules add to the union of `graphs`, minus the trivia they add everywhere
    (x owl:sameAs x, x rdf:type owl:Thing, c rdfs:subClassOf c, statements about literals)."""
    asserted = Graph()
    for graph in graphs:
        asserted += graph
    closure = Graph()
    closure += asserted
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    inferred = Graph()
    for triple in closure:
        if triple not in asserted and not _trivial(triple):
            inferred.add(triple)
    return inferred


def _trivial(triple):
    subject, predicate, obj = triple
    if isinstance(subject, Literal):
        return True
    if predicate in _REFLEXIVE and subject == obj:
        return True
    return predicate == RDF.type and obj in _TRIVIAL_TYPES
