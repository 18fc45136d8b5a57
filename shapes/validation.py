"""validate_dataset: pySHACL over a build's named graphs, with the ontology and RDFS inference; and the
quick focused validation a report check needs."""

from pyshacl import validate
from rdflib import Graph

from atkg.shapes.loading import shapes_graph
from atkg.shapes.outcome import outcome_from_results

INFERRED_GRAPH_SUFFIX = "graph/inferred"


def validate_dataset(graphs, *, ontology):
    """Validate a build's graphs (a dict graph IRI -> rdflib Graph; the OWL RL "inferred" graph is left
    out) against every shape, with `ontology` as pySHACL's ont_graph and RDFS inference.

    Returns a ValidationOutcome; the build should fail when outcome.conforms is False and list
    outcome.warnings (and infos) otherwise.
    """
    data = union_of(graphs) + ontology  # the code lists' concepts must be in the data, whatever pySHACL mixes in
    conforms, results, _ = validate(data, shacl_graph=shapes_graph(), ont_graph=ontology, inference="rdfs",
                                    advanced=True, allow_warnings=True)
    return outcome_from_results(results, shapes_graph())


def validate_focused(data, *, focus_nodes):
    """Validate only `focus_nodes` of `data` (already holding the ontology; no inference, no copy)."""
    conforms, results, _ = validate(data, shacl_graph=shapes_graph(), inference="none", inplace=True,
                                    advanced=True, allow_warnings=True, focus_nodes=sorted(focus_nodes))
    return outcome_from_results(results, shapes_graph())


def union_of(graphs):
    """One rdflib Graph with every graph's triples except the inferred graph's."""
    data = Graph()
    for graph_iri, graph in graphs.items():
        if not str(graph_iri).endswith(INFERRED_GRAPH_SUFFIX):
            data += graph
    return data
