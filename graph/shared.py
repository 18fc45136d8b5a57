"""Shared responsibility: which executing bodies are named together as responsible for the same measures.

Worked out from the measures' responsible bodies (the plan's and the reports'), once per build and again
after each ingest, so that queries read the pairs instead of joining every measure's bodies with each other
per request (queries/co-responsibility.rq). Each pair is derived (prov:wasDerivedFrom) from its measures,
whose quotes are the source; nothing here is stated by a document on its own.
"""

import hashlib
from collections import defaultdict
from itertools import combinations

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, SKOS

from atkg.graph import iris
from atkg.graph.plan import code_key
from atkg.ontology import ATKG

# OWL RL copies a body's links to its owl:sameAs twin at Wikidata: the same body twice, never a pair.
TWINS = "http://www.wikidata.org/"


def graph_iri(*, base):
    """The named graph holding the pairs."""
    return iris.graph_iri(iris.SHARED_RESPONSIBILITY_GRAPH, base=base)


def links_in_graphs(graphs):
    """(measure, number, body) for every responsible body of a measure in the rdflib `graphs`."""
    graphs = list(graphs)
    measures = {measure for graph in graphs for measure in graph.subjects(RDF.type, ATKG.Measure)}
    numbers = {measure: str(number) for graph in graphs for measure, number in graph.subject_objects(SKOS.notation)
               if measure in measures}
    return {(measure, numbers[measure], body) for graph in graphs
            for measure, body in graph.subject_objects(ATKG.responsibleBody) if measure in numbers}


def shared_responsibility_graph(links, *, base):
    """An rdflib Graph with an atkg:SharedResponsibility for each pair of bodies sharing a measure."""
    bodies_of, number_of = defaultdict(set), {}
    for measure, number, body in links:
        if not str(body).startswith(TWINS):
            bodies_of[measure].add(body)
            number_of[measure] = number
    measures_of = defaultdict(set)
    for measure, bodies in bodies_of.items():
        for pair in combinations(sorted(bodies, key=str), 2):
            measures_of[pair].add(measure)
    graph = Graph()
    for (first, second), measures in sorted(measures_of.items()):
        _add_pair(graph, first, second, measures, number_of, base=base)
    return graph


def _add_pair(graph, first, second, measures, number_of, *, base):
    node = pair_iri(first, second, base=base)
    numbers = sorted({number_of[measure] for measure in measures}, key=code_key)
    graph.add((node, RDF.type, ATKG.SharedResponsibility))
    graph.add((node, ATKG.firstBody, first))
    graph.add((node, ATKG.secondBody, second))
    graph.add((node, ATKG.sharedMeasureCount, Literal(len(measures))))
    graph.add((node, ATKG.sharedMeasureNumbers, Literal(" ".join(numbers))))
    for measure in measures:
        graph.add((node, PROV.wasDerivedFrom, measure))


def pair_iri(first, second, *, base):
    """shared-responsibility/agency-A--agency-B for two of our bodies; a digest of both IRIs for others."""
    if str(first).startswith(base) and str(second).startswith(base):
        name = "--".join(str(body).removeprefix(base).replace("/", "-") for body in (first, second))
    else:
        name = hashlib.sha256(f"{first} {second}".encode()).hexdigest()[:16]
    return iris.shared_responsibility_iri(name, base=base)
