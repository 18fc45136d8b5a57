"""The store layer: the embedded store, and a remote store that is a real Oxigraph server on loopback."""

import pyoxigraph as ox
import pytest

from atkg.graph import dataset
from atkg.graph.remote import RemoteStore, RemoteStoreError, query_form
from atkg.graph.store import EmbeddedStore, open_store
from tests.support.stores import free_port, oxigraph_server

G = "https://w3id.org/atkg/graph/test"
QUADS = [
    ox.Quad(ox.NamedNode("https://w3id.org/atkg/agency/dmx"), ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
            ox.Literal("Dövlət Miqrasiya Xidməti", language="az"), ox.NamedNode(G)),
    ox.Quad(ox.NamedNode("https://w3id.org/atkg/agency/dmx"), ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
            ox.Literal("State Migration Service", language="en"), ox.NamedNode(G)),
]
LABELS = f"SELECT ?l WHERE {{ GRAPH <{G}> {{ ?s ?p ?l }} }} ORDER BY ?l"


def test_embedded_store_persists_on_disk(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.load_quads(QUADS)
    store.flush()
    del store
    reopened = EmbeddedStore(tmp_path / "store", read_only=True)
    assert [row["l"].value for row in reopened.query(LABELS)] == ["Dövlət Miqrasiya Xidməti", "State Migration Service"]
    assert reopened.named_graphs() == [G]


def test_version_changes_with_every_update():
    store = EmbeddedStore()
    before = store.version()
    store.update(f'INSERT DATA {{ GRAPH <{G}> {{ <http://a> <http://b> "c" }} }}')
    assert store.version() != before


def test_remote_store_on_a_real_oxigraph_server(tmp_path):
    with oxigraph_server(tmp_path / "remote") as url:
        store = open_store(query_url=f"{url}/query", update_url=f"{url}/update")
        assert isinstance(store, RemoteStore)
        dataset.publish_remote(QUADS, store, graph_iris=[G])
        assert [row["l"].value for row in store.query(LABELS)] == ["Dövlət Miqrasiya Xidməti", "State Migration Service"]
        assert bool(store.query(f"ASK {{ GRAPH <{G}> {{ ?s ?p 'State Migration Service'@en }} }}"))
        triples = list(store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}"))
        assert len(triples) == 2
        dataset.publish_remote(QUADS[:1], store, graph_iris=[G])  # republishing replaces, never duplicates
        assert [row["l"].value for row in store.query(LABELS)] == ["Dövlət Miqrasiya Xidməti"]


def test_remote_store_errors_are_clear(tmp_path):
    with oxigraph_server(tmp_path / "remote") as url:
        store = RemoteStore(f"{url}/query", update_url=f"{url}/update")
        with pytest.raises(RemoteStoreError, match=r"/query answered 400"):
            store.query("SELECT WHERE {")
        with pytest.raises(RemoteStoreError, match=r"(?s)/query answered 400: .*error at 1:15"):  # the store's words
            store.query("SELECT WHERE {")
        with pytest.raises(RemoteStoreError, match=r"/nothing answered 404"):
            RemoteStore(f"{url}/nothing").query("ASK {}")
    unreachable = RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout=2)
    with pytest.raises(RemoteStoreError, match=r"^cannot reach http://127.0.0.1:\d+/query"):
        unreachable.query("ASK {}")
    with pytest.raises(RemoteStoreError, match="no update URL is configured for the remote store"):
        unreachable.update("CLEAR ALL")


def test_the_query_form_is_read_past_the_prologue():
    prologue = "# a comment with SELECT in it\nBASE <http://a/#x>\nprefix atkg: <https://w3id.org/atkg/ontology#>\n"
    assert query_form(prologue + "  construct { ?s ?p ?o } WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert query_form(prologue + "ASK{}") == "ASK"
    assert query_form("PREFIX : <http://a/> DESCRIBE :x") == "DESCRIBE"
    assert query_form("SELECT * { ?s <http://a/#ASK> ?o }") == "SELECT"
    assert query_form("INSERT DATA {}") == ""


def test_has_graph_on_both_stores(tmp_path):
    embedded = EmbeddedStore()
    embedded.load_quads(QUADS)
    assert (embedded.has_graph(G), embedded.has_graph(G + "-not")) == (True, False)
    with oxigraph_server(tmp_path / "remote") as url:
        remote = RemoteStore(f"{url}/query", update_url=f"{url}/update")
        dataset.publish_remote(QUADS, remote, graph_iris=[G])
        assert (remote.has_graph(G), remote.has_graph(G + "-not")) == (True, False)
