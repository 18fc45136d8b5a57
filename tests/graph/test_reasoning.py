"""The fast OWL RL reasoner (reasonable) against owlrl on the real graph."""

from atkg.graph.reasoning import owl_rl_inferences, owl_rl_inferences_by_owlrl

BASE = "https://w3id.org/atkg/"


def _about_our_resources(graph):
    return {t for t in graph if str(t[0]).startswith(BASE) and not str(t[0]).startswith(BASE + "ontology")}


def test_reasonable_and_owlrl_infer_the_same_about_the_graphs_resources(source_graphs):
    graphs = source_graphs.values()
    fast = _about_our_resources(owl_rl_inferences(graphs))
    reference = _about_our_resources(owl_rl_inferences_by_owlrl(graphs))
    assert len(reference) > 1000
    assert fast == reference


def test_inferences_include_the_class_hierarchy_of_the_standard_vocabularies(select):
    rows = select("""SELECT ?type WHERE { GRAPH <https://w3id.org/atkg/graph/inferred> {
        <https://w3id.org/atkg/agency/dmx> a ?type } } ORDER BY ?type""")
    assert ("http://www.w3.org/ns/org#Organization",) in rows
    assert ("http://www.w3.org/ns/org#FormalOrganization",) in rows
    assert ("https://w3id.org/atkg/ontology#ExecutingBody",) in rows
