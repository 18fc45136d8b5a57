"""Running query texts, saved queries' included (their values already bound in the text), on any store.

Over the embedded store a query's default graph is the union of the named graphs, where the build puts
everything; a remote store decides its own default graph (Oxigraph's server: --union-default-graph).
"""

import pyoxigraph as ox

from atkg.graph.remote import RemoteStore
from atkg.graph.store import EmbeddedStore


def select(store, text):
    """Run `text` over the union of the named graphs (a remote store: over its default graph)."""
    if isinstance(store, EmbeddedStore):
        return store.query(text, union_default_graph=True)
    if isinstance(store, RemoteStore):
        return store.query(text)
    if isinstance(store, ox.Store):
        return store.query(text, use_default_graph_as_union=True)
    raise TypeError(f"queries run on an EmbeddedStore, a RemoteStore or a pyoxigraph Store, not {type(store)}")
