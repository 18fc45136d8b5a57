"""Graphs staged under names of their own, unseen by queries that name the graph's terms, then switched into
place by one update, which finishes when run again after a stop and does nothing after a whole switch
(graph/staging.py). On the in-memory
store, which runs the same SPARQL update as a remote store; tests/atkg/test_remote_stores.py runs it on an
Oxigraph server and on Virtuoso."""

import pytest

from atkg.graph import staging as stagings
from atkg.graph.store import EmbeddedStore

BASE = "https://w3id.org/atkg/"
REPORT, INFERRED = f"{BASE}graph/source/005_abc", f"{BASE}graph/inferred"
OLD = {INFERRED: '<urn:a> <urn:p> "old"@az .\n<urn:b> <urn:p> <urn:c> .'}
NEW = {REPORT: '<urn:r> <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n<urn:r> <urn:q> <urn:a> .',
       INFERRED: '<urn:b> <urn:p> <urn:c> .\n<urn:r> <urn:p> "new"@en .', f"{BASE}graph/gone": ""}


def store_with(graphs):
    store = EmbeddedStore()
    for name, triples in graphs.items():
        if triples:
            store.update(f"INSERT DATA {{ GRAPH <{name}> {{ {triples} }} }}")
    return store


def graphs_of(store):
    """{graph IRI: sorted triples} of every named graph."""
    found = {}
    for quad in store.quads():
        found.setdefault(quad.graph_name.value, []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    return {name: sorted(triples) for name, triples in found.items()}


def staged(store):
    staging = stagings.plan(NEW, ingest="t1", base=BASE)
    stagings.start(store, staging)
    for name, target in staging.graphs.items():
        stagings.stage_graph(store, staging, staged=name, ntriples=NEW[target])
    return staging


def test_staged_graphs_are_unseen_by_queries_naming_terms_until_one_update_switches_them_in():
    store = store_with({**OLD, f"{BASE}graph/gone": "<urn:g> <urn:p> <urn:g> ."})
    before = graphs_of(store)
    staging = staged(store)
    assert staging.root == f"{BASE}staging/t1/"
    assert set(staging.graphs.values()) == set(NEW)
    assert {name: triples for name, triples in graphs_of(store).items() if name in before} == before
    asked = "ASK { <urn:r> ?p ?o }"  # the union of every graph, as Oxigraph's --union-default-graph has it
    assert not store.query(asked, union_default_graph=True)
    stagings.switch(store, staging)
    assert store.query(asked, union_default_graph=True)
    state = f"{staging.root}state"
    assert graphs_of(store) == {**{name: sorted(text.splitlines()) for name, text in NEW.items() if text},
                                state: [f"<{state}> <{state}> <{state}/switched> ."]}
    stagings.switch(store, staging)  # run again after a whole switch: nothing changes
    assert graphs_of(store) == {**{name: sorted(text.splitlines()) for name, text in NEW.items() if text},
                                state: [f"<{state}> <{state}> <{state}/switched> ."]}
    stagings.drop(store, staging)
    assert state not in graphs_of(store)


def test_a_switch_stopped_half_way_is_finished_by_running_it_again():
    """Virtuoso keeps the operations of an update before one that fails: the switch, run again, finishes."""
    store = store_with(OLD)
    staging = staged(store)
    operations = stagings.switch_update(staging).split(" ;\n")
    store.update(" ;\n".join(operations[:4]))  # two graphs of three switched, the staging still pending
    assert graphs_of(store)[INFERRED] == sorted(NEW[INFERRED].splitlines()) and REPORT not in graphs_of(store)
    stagings.switch(store, staging)
    stagings.drop(store, staging)
    assert graphs_of(store) == {name: sorted(text.splitlines()) for name, text in NEW.items() if text}


def test_a_graph_with_a_blank_node_is_refused_before_anything_is_written():
    store = store_with(OLD)
    staging = stagings.plan({INFERRED: ""}, ingest="t2", base=BASE)
    with pytest.raises(ValueError, match=r"a graph with a blank node \(_:x\) cannot be staged in a remote store"):
        stagings.stage_graph(store, staging, staged=next(iter(staging.graphs)), ntriples="_:x <urn:p> <urn:o> .")
    assert graphs_of(store) == graphs_of(store_with(OLD))
