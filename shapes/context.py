"""The context a report is checked in: the store's graphs (the plan, bodies, ontology, earlier reports;
not the graphs worked out from them: OWL RL's "inferred" graph and the pairs of bodies sharing measures),
read once into rdflib, with the plan's measure titles and the registry."""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef

from atkg.graph import body_matcher, iris
from atkg.graph.agencies import load_registry
from atkg.graph.terms import rdflib_graph
from atkg.ontology import ATKG, sparql_prologue
from atkg.shapes.coverage_table import coverage_rows
from atkg.shapes.prepared import PreparedQueryGraph
from atkg.shapes.validation import FocusedValidator

_PLAN_YEARS = sparql_prologue("atkg", "time") + """SELECT ?first ?last WHERE {
  ?plan atkg:period ?period .
  ?period time:hasBeginning/time:inXSDgYear ?first ; time:hasEnd/time:inXSDgYear ?last .
}"""
_PLAN_TITLES = sparql_prologue("atkg", "dcterms", "skos") + """SELECT ?code ?title WHERE {
  ?measure a atkg:Measure ; atkg:inPlan ?plan ; atkg:inSection ?section ; skos:notation ?code ; dcterms:title ?title .
  FILTER (lang(?title) = "az")
}"""


@dataclass(frozen=True, eq=False)
class CheckContext:
    """graphs maps each named graph's IRI to its rdflib Graph; graph is their union (shared, do not keep
    changes in it); plan_titles maps a measure code to the plan's Azerbaijani title; plan_years is the
    plan's (first, last) year, None when the graph does not say; lock serialises the checks that use this
    context."""

    base: str
    graphs: dict
    graph: Graph
    registry: object
    plan_titles: dict
    plan_years: tuple = None
    lock: object = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def validator(self):
        """A FocusedValidator over `graph`, made once per context."""
        return FocusedValidator(self.graph)

    def __getstate__(self):
        """The graphs, with the queries parsed on them, the registry with its matcher's index, and the
        plan's titles (the ready form of atkg.check). Not the lock (it cannot be pickled) nor the validator
        (pySHACL's objects do not survive pickling)."""
        return {name: value for name, value in self.__dict__.items() if name not in ("lock", "validator")}

    def __setstate__(self, state):
        self.__dict__.update(state, lock=threading.Lock())

    @contextmanager
    def hiding(self, graph_iris, *, keeping=frozenset()):
        """The union graph without the triples that only `graph_iris` hold, for the time of the block (an
        earlier version of the report being checked), but for the triples in `keeping` (the new version's,
        which the check would add back at once: most of them, for a report checked again); the validator
        and its parsed queries are kept. Hold the lock around it."""
        names = set(graph_iris)
        kept = [graph for name, graph in self.graphs.items() if name not in names]
        hidden = {triple for name in names for triple in self.graphs.get(name, ())
                  if triple not in keeping and not any(triple in graph for graph in kept)}
        for triple in hidden:
            self.graph.remove(triple)
        try:
            yield self
        finally:
            for triple in hidden:
                self.graph.add(triple)


def warm_up(context):
    """Make the registry's matcher index and validate one node of each class of the context's last report,
    so that every SHACL-SPARQL query is parsed on the context's graph (both kept with it in the ready form)."""
    body_matcher.prepare(context.registry)
    reports = [graph for _, graph in sorted(context.graphs.items()) if (None, RDF.type, ATKG.Report) in graph]
    if reports:
        one_of_each_class = {}  # every shape's queries are parsed on its first focus node
        for node, kind in sorted(reports[-1].subject_objects(RDF.type)):
            if isinstance(node, URIRef):
                one_of_each_class.setdefault(kind, node)
        with context.lock:
            context.validator.run(set(one_of_each_class.values()))
            coverage_rows(context.graph, one_of_each_class[ATKG.Report], source=None)  # its query parsed too


def with_graphs_replaced(context, *, removed, added):
    """The context with the named graphs `removed` (IRIs) taken out and `added` ({IRI: rdflib Graph}) put in,
    as a read of the store after that change would give it. Its union graph is changed in place, so the
    SPARQL queries parsed on it stay parsed (an ingest keeps the ready context current this way instead of
    reading the whole store and parsing every query again)."""
    names = {URIRef(str(name)) for name in (*removed, *added)}
    graphs = {name: graph for name, graph in context.graphs.items() if name not in names}
    gone = {triple for name in names for triple in context.graphs.get(name, ())
            if not any(triple in graph for graph in graphs.values())}
    for triple in gone:
        context.graph.remove(triple)
    for name, graph in added.items():
        graphs[URIRef(str(name))] = graph
        context.graph.addN((*triple, context.graph) for triple in graph)
    titles, years = _plan_facts(context.graph, base=context.base)
    return CheckContext(base=context.base, graphs=dict(sorted(graphs.items())), graph=context.graph,
                        registry=context.registry, plan_titles=titles, plan_years=years)


def graph_of(store, graph_iri):
    """One named graph of the embedded store as an rdflib Graph, its terms as the store keeps them."""
    return rdflib_graph(ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph=graph_iri))


def load_context(store, *, base):
    """Read every named graph of `store` (embedded or remote) but the worked-out ones into a CheckContext."""
    by_graph = {}
    for graph_name, triple in _quads(store, graphs_under=str(iris.graph_iri("", base=base))):
        if not iris.is_derived(graph_name):
            by_graph.setdefault(graph_name, []).append(triple)
    graphs = {URIRef(name): rdflib_graph(triples) for name, triples in sorted(by_graph.items())}
    return context_from_graphs(graphs, base=base, registry=load_registry())


def _quads(store, *, graphs_under):
    """(graph IRI, pyoxigraph Triple) of every triple in a named graph of the store; of a remote store, only
    in the graphs whose IRIs start with `graphs_under` (Virtuoso keeps graphs of its own beside ours)."""
    if hasattr(store, "quads"):  # the embedded store hands its quads over directly
        return ((q.graph_name.value, ox.Triple(q.subject, q.predicate, q.object)) for q in store.quads()
                if isinstance(q.graph_name, ox.NamedNode))
    rows = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                       f"FILTER(STRSTARTS(STR(?g), {ox.Literal(graphs_under)})) }}")
    return ((row["g"].value, ox.Triple(row["s"], row["p"], row["o"])) for row in rows)


def context_from_graphs(graphs, *, base, registry):
    """A CheckContext over rdflib graphs keyed by graph IRI (e.g. a build's graphs, for tests)."""
    union = PreparedQueryGraph()
    for name, graph in graphs.items():
        if not iris.is_derived(name):
            union += graph
    titles, years = _plan_facts(union, base=base)
    return CheckContext(base=base, graphs=dict(graphs), graph=union, registry=registry, plan_titles=titles,
                        plan_years=years)


def _plan_facts(union, *, base):
    """The plan's measure titles ({code: Azerbaijani title}) and its (first, last) year, None when unsaid."""
    rows = union.query(_PLAN_TITLES, initBindings={"plan": iris.plan_iri(base=base)})
    titles = {str(row.code): str(row.title) for row in rows}
    years = [(int(str(row.first)), int(str(row.last)))
             for row in union.query(_PLAN_YEARS, initBindings={"plan": iris.plan_iri(base=base)})]
    return titles, min(years) if years else None
