"""The store layer: the embedded Oxigraph store by default, or any remote SPARQL 1.1 store.

Both answer `query` with pyoxigraph result objects (QuerySolutions, QueryBoolean, or an iterator of
Triples), so callers never care where the data lives.
"""

import hashlib
from pathlib import Path

import pyoxigraph as ox

VERSION_FILE = "VERSION"


class EmbeddedStore:
    """A pyoxigraph store on disk (or in memory when `path` is None)."""

    def __init__(self, path=None, *, read_only=False):
        self.path = Path(path) if path else None
        if self.path is None:
            self._store = ox.Store()
        elif read_only:
            self._store = ox.Store.read_only(str(self.path))
        else:
            self._store = ox.Store(str(self.path))
        self._generation = 0

    def query(self, sparql, *, default_graph=None, named_graphs=None, union_default_graph=False,
              substitutions=None, base_iri=None):
        """Run a SPARQL query; graph arguments are lists of IRIs as strings (the protocol's parameters);
        `substitutions` binds variables to terms (SEP-0007) without touching the query text; relative IRIs
        are resolved against `base_iri`."""
        return self._store.query(
            sparql,
            base_iri=base_iri,
            default_graph=_nodes(default_graph),
            named_graphs=_nodes(named_graphs),
            use_default_graph_as_union=union_default_graph,
            substitutions=substitutions or None,
        )

    def update(self, sparql, *, base_iri=None):
        """Run a SPARQL update, its relative IRIs resolved against `base_iri`."""
        self._store.update(sparql, base_iri=base_iri)
        self._generation += 1

    def load_quads(self, quads):
        """Add pyoxigraph quads in bulk."""
        self._store.bulk_extend(quads)
        self._generation += 1

    def named_graphs(self):
        """The IRIs of the named graphs, sorted."""
        return sorted(graph.value for graph in self._store.named_graphs())

    def has_graph(self, graph_iri):
        """True when the store holds a named graph `graph_iri`."""
        return self._store.contains_named_graph(ox.NamedNode(str(graph_iri)))

    def quads(self, *, graph=None):
        """Every quad of the dataset, or of the named graph `graph` (an IRI) only."""
        return self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)) if graph else None)

    def __len__(self):
        return len(self._store)

    def version(self):
        """A string that changes whenever the data does: the build's stamp plus the updates since."""
        stamp = "memory"
        if self.path and (self.path / VERSION_FILE).exists():
            stamp = (self.path / VERSION_FILE).read_text(encoding="utf-8").strip()
        return f"{stamp}-{self._generation}"

    def flush(self):
        """Write pending changes to disk."""
        if self.path:
            self._store.flush()


def folder_fingerprint(folder):
    """A digest of the names, sizes and modification times of the files in a store folder: every write
    changes it (RocksDB writes new files), reading does not."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).iterdir()):
        status = path.stat()
        digest.update(f"{path.name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _nodes(iris):
    """Turn protocol graph IRIs into pyoxigraph nodes; None keeps the store's default behaviour."""
    if not iris:
        return None
    return [ox.NamedNode(iri) for iri in iris]


def open_store(*, location=None, query_url=None, update_url=None, read_only=False, timeout=30.0, user=None,
               password=None):
    """Open the configured store: a remote SPARQL store when query_url is set (with `user` and `password` when
    it asks for them), else the embedded one."""
    if query_url:
        from atkg.graph.remote import RemoteStore  # noqa: PLC0415 - SPARQLWrapper only when a remote store is set

        return RemoteStore(query_url, update_url=update_url, timeout=timeout, user=user, password=password)
    return EmbeddedStore(location, read_only=read_only)
