"""Where a query worker's data comes from: a store on disk, copied into memory or not, or RDF files."""

import hashlib
from pathlib import Path

import pyoxigraph as ox

from atkg.graph.store import VERSION_FILE, EmbeddedStore, open_store

# Oxigraph reads .txt as N-Triples (here: the source documents) and names no .owl (RDF/XML by convention)
NOT_OXIGRAPHS = {"txt": None, "owl": ox.RdfFormat.RDF_XML}



def describe_source(config):
    """The data the app's configuration names, as a source for the workers (a dict they can be sent)."""
    if config.get("DATA"):
        files = rdf_files(config["DATA"])
        if not files:
            raise FileNotFoundError(f"no RDF files found in {', '.join(map(str, config['DATA']))}")
        return {"kind": "memory", "files": [str(path) for path in files]}
    path = Path(config.get("STORE") or Path(config["DATA_DIR"]) / "store")
    if not path.exists():
        raise FileNotFoundError(f"there is no graph store at {path}: run `atkg build` first")
    return {"kind": "disk", "path": str(path), "read_only": not config.get("UPDATE_TOKEN"),
            "in_memory": bool(config["STORE_IN_MEMORY"])}


def stamp(source):
    """The data's version stamp: the store's VERSION file, or a digest of the RDF files' names, sizes, times."""
    if source["kind"] == "disk":
        stamp_file = Path(source["path"]) / VERSION_FILE
        return stamp_file.read_text(encoding="utf-8").strip() if stamp_file.exists() else "store"
    digest = hashlib.sha256()
    for name in source["files"]:
        status = Path(name).stat()
        digest.update(f"{name}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]


def rdf_files(paths):
    """Every RDF file among `paths` (files, or folders searched recursively), sorted."""
    found = []
    for path in map(Path, paths):
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        found += [item for item in candidates if item.is_file() and rdf_format(item)]
    return found


def rdf_format(path):
    """The RDF format of a file by its suffix, as Oxigraph names them; None for a file that is not RDF."""
    suffix = Path(path).suffix[1:].lower()
    return NOT_OXIGRAPHS[suffix] if suffix in NOT_OXIGRAPHS else ox.RdfFormat.from_extension(suffix)


def load_files(store, files):
    """Load RDF files into an in-memory store; triples go to the default graph.

    ValueError naming the file when one cannot be read as RDF.
    """
    for path in files:
        file_format = rdf_format(path)
        with open(path, "rb") as stream:
            try:
                store.load_quads(ox.parse(stream, format=file_format, base_iri=path.resolve().as_uri()))
            except SyntaxError as error:
                raise ValueError(f"{path} is not valid {file_format.name}: {error}") from error


def open_source(source):
    """The store a worker answers from: on disk, or in memory from RDF files plus the updates replayed.

    A read-only disk store is copied into memory when `in_memory` is set: queries run several times faster.
    """
    if source["kind"] == "disk":
        disk = open_store(location=source["path"], read_only=source["read_only"])
        if not (source["read_only"] and source.get("in_memory")):
            return disk
        store = EmbeddedStore(None)
        store.load_quads(disk.quads())
        return store
    store = EmbeddedStore(None)
    load_files(store, [Path(item) for item in source["files"]])
    for update, base_iri in source.get("replay", ()):
        store.update(update, base_iri=base_iri)
    return store


def held_in_memory(source):
    """True when a worker holds its data in memory, where a forked copy can share it (atkg.server.engine.template);
    a store on disk keeps files and threads of its own, which a fork must not share."""
    return source["kind"] == "memory" or bool(source["read_only"] and source.get("in_memory"))
