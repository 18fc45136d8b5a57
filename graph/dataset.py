"""The built dataset (named graphs) written out: to the embedded store, to a remote store, and as
deterministic dumps (sorted N-Quads of everything, sorted Turtle per graph)."""

import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox

from atkg.graph.store import VERSION_FILE, EmbeddedStore
from atkg.ontology import PREFIXES


def to_quads(graphs, *, more=()):
    """rdflib graphs keyed by graph IRI -> pyoxigraph quads, sorted by their N-Quads form, with `more`
    (quads already converted) among them."""
    quads = list(more)
    for graph_iri, graph in graphs.items():
        data = graph.serialize(format="nt", encoding="utf-8")
        name = ox.NamedNode(str(graph_iri))
        quads.extend(ox.Quad(t.subject, t.predicate, t.object, name)
                     for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    return sorted(set(quads), key=str)


def write_store(quads, location, *, version):
    """Load the quads into a fresh store beside `location`, then swap it in, so a failure leaves the
    previous store untouched."""
    location = Path(location)
    fresh = location.with_name(location.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    store = EmbeddedStore(fresh)
    store.load_quads(quads)
    store.flush()
    del store
    (fresh / VERSION_FILE).write_text(version + "\n", encoding="utf-8")
    old = location.with_name(location.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if location.exists():
        location.rename(old)
    fresh.rename(location)
    shutil.rmtree(old, ignore_errors=True)


def write_dumps(quads, folder, *, graph_names):
    """Write atkg.nq (everything) and one Turtle file per named graph; return the dataset version
    (a hash of the N-Quads dump)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    (folder / "atkg.nq").write_bytes(nquads)
    for graph_iri, name in sorted(graph_names.items()):
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name.value == graph_iri]
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_used_prefixes(triples))
        (folder / f"{name}.ttl").write_bytes(turtle)
    return hashlib.sha256(nquads).hexdigest()[:16]


def _used_prefixes(triples):
    """Only the prefixes whose namespace some IRI of `triples` starts with."""
    iris = {term.value for triple in triples for term in triple if isinstance(term, ox.NamedNode)}
    iris |= {triple.object.datatype.value for triple in triples if isinstance(triple.object, ox.Literal)}
    return {name: ns for name, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}


def publish_remote(quads, store, *, graph_iris, batch=2000):
    """Replace the named graphs in a remote store with ours, batch by batch of INSERT DATA."""
    for graph_iri in sorted(graph_iris):
        lines = [str(ox.Triple(q.subject, q.predicate, q.object)) + " ." for q in quads
                 if q.graph_name.value == graph_iri]
        replace_remote_graph(store, graph_iri, lines, batch=batch)


def replace_remote_graph(store, graph_iri, lines, *, batch=2000):
    """Put the N-Triples `lines` in place of a graph of a remote store: DROP SILENT GRAPH (Virtuoso refuses
    a plain DROP of a missing graph), then INSERT DATA `batch` triples at a time."""
    store.update(f"DROP SILENT GRAPH <{graph_iri}>")
    for start in range(0, len(lines), batch):
        body = "\n".join(lines[start:start + batch])
        store.update(f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}")
