"""Checks that the graph uses only terms its vocabularies declare."""

from rdflib.namespace import OWL, RDF, RDFS

from atkg.ontology import ATKG

ATKG_NS = str(ATKG._NS)
_DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDFS.Class,
                 RDF.Property}


class UndeclaredTermError(ValueError):
    """The data uses an atkg: term the ontology does not declare."""


def declared_terms(ontology):
    """atkg: terms declared as classes or properties in the ontology graph."""
    return {s for kind in _DECLARATIONS for s in ontology.subjects(RDF.type, kind) if str(s).startswith(ATKG_NS)}


def used_terms(graph):
    """atkg: terms used as predicates or as classes (objects of rdf:type)."""
    used = {p for p in graph.predicates() if str(p).startswith(ATKG_NS)}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(ATKG_NS)}
    return used


def check_vocabulary(ontology, graphs):
    """Raise UndeclaredTermError naming every atkg: term the graphs use but the ontology lacks."""
    declared = declared_terms(ontology)
    missing = sorted({str(term) for graph in graphs for term in used_terms(graph)} - {str(t) for t in declared})
    if missing:
        raise UndeclaredTermError("the graph uses terms the ontology does not declare: " + ", ".join(missing))
