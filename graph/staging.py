"""Graphs of a remote store replaced all at once and unseen until then: written first under staging names,
then switched into place by one SPARQL update. Oxigraph's server runs an update request as one transaction,
which readers see whole. Virtuoso 7.2 makes readers wait while the switch runs, but a query running as it
commits was seen counting part of it (its default isolation is read committed; with repeatable read the
readers and the switch deadlocked), and it keeps the operations of a request before one that fails. So the
switch can be run again until it is whole: it drops the staged graphs only at its end, and each of its
operations does the same on a second run (atkg/journal.py runs it again after a stop).

A staged graph is not enough to hide a triple: Oxigraph's `--union-default-graph` and Virtuoso's default
graph are the union of every graph, staged ones included. So each IRI of a staged triple is written with a
prefix of the ingest's own (graph/iris.staged_term_prefix) and the switch takes it off: until then no query
that names a term of the graph meets a staged triple, and only one matching any triple at all sees them.

The staging's state (pending, then switched) is a triple in a graph of its own: the switch changes the graphs
only while it is pending, and marks it switched with its last change.
"""

from dataclasses import asdict, dataclass

import pyoxigraph as ox

from atkg.graph import iris
from atkg.graph.dataset import replace_remote_graph

PENDING, SWITCHED = "pending", "switched"


@dataclass(frozen=True)
class Staging:
    """Where one ingest stages its graphs: its `root` IRI and {staged graph IRI: target graph IRI}."""

    root: str
    graphs: dict

    def as_json(self):
        """The staging as the journal keeps it."""
        return asdict(self)


def plan(targets, *, ingest, base):
    """The staging of the graphs `targets` (IRIs) for the ingest named `ingest` (a fresh token)."""
    root = iris.staging_iri(ingest, base=base)
    names = (str(iris.staged_graph_iri(number, root=root)) for number in range(len(targets)))
    return Staging(root=str(root), graphs=dict(zip(names, sorted(map(str, targets)))))


def start(store, staging):
    """Mark the staging pending: the first write of an ingest into the store."""
    store.update(f"INSERT DATA {{ {_state(staging, PENDING)} }}")


def stage_graph(store, staging, *, staged, ntriples):
    """Write `ntriples` (an N-Triples text) into the staged graph `staged`, its IRIs prefixed, in batches."""
    prefix = iris.staged_term_prefix(staging.root)
    lines = [f"{ox.Triple(*(_prefixed(term, prefix) for term in (quad.subject, quad.predicate, quad.object)))} ."
             for quad in ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]
    replace_remote_graph(store, staged, lines)


def switch_update(staging):
    """The one update that puts every staged graph in its target's place (an empty one: the target dropped)
    and marks the staging switched, changing nothing unless the staging is pending; then drops the staged
    graphs."""
    pending = _state(staging, PENDING)
    prefix = ox.Literal(iris.staged_term_prefix(staging.root))
    plain = " ".join(f"BIND(IF(isIRI(?staged_{v}), IRI(STRAFTER(STR(?staged_{v}), {prefix})), ?staged_{v}) AS ?{v})"
                     for v in "spo")
    operations = []
    for staged, target in staging.graphs.items():
        operations += [f"DELETE {{ GRAPH <{target}> {{ ?s ?p ?o }} }} "
                       f"WHERE {{ {pending} GRAPH <{target}> {{ ?s ?p ?o }} }}",
                       f"INSERT {{ GRAPH <{target}> {{ ?s ?p ?o }} }} "
                       f"WHERE {{ {pending} GRAPH <{staged}> {{ ?staged_s ?staged_p ?staged_o }} {plain} }}"]
    operations.append(_change_state(staging, SWITCHED))
    operations += [f"DROP SILENT GRAPH <{staged}>" for staged in staging.graphs]
    return " ;\n".join(operations)


def switch(store, staging):
    """Put the staged graphs in place, in one update; run again, it finishes a switch stopped half-way and
    changes nothing after a whole one."""
    store.update(switch_update(staging))


def drop(store, staging):
    """Drop the staged graphs and the staging's state, in one update."""
    graphs = [*staging.graphs, str(iris.staging_state_iri(staging.root))]
    store.update(" ;\n".join(f"DROP SILENT GRAPH <{graph}>" for graph in graphs))


def _state(staging, state):
    """The pattern (or data) of the staging's state being `state`."""
    name = iris.staging_state_iri(staging.root)
    return f"GRAPH <{name}> {{ <{name}> <{name}> <{iris.staging_state_value(staging.root, state)}> }}"


def _change_state(staging, state):
    """An update turning a pending staging into `state`, and doing nothing otherwise."""
    pending, new = _state(staging, PENDING), _state(staging, state)
    return f"DELETE {{ {pending} }} INSERT {{ {new} }} WHERE {{ {pending} }}"


def _prefixed(term, prefix):
    """The term as staged: an IRI prefixed, a literal as it is; a blank node cannot be staged (the switch
    would make a new one for each triple), and no graph an ingest writes has one."""
    if isinstance(term, ox.NamedNode):
        return ox.NamedNode(prefix + term.value)
    if isinstance(term, ox.BlankNode):
        raise ValueError(f"a graph with a blank node ({term}) cannot be staged in a remote store")
    return term
