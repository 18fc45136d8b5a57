"""The shapes files shipped in atkg.shapes: the dataset's shapes, and the meta-shape over the ontology."""

from functools import lru_cache
from importlib.resources import files

import pyoxigraph as ox

from atkg.graph.terms import rdflib_graph

META_PREFIX = "meta-"


def shape_files():
    """The dataset's shapes files (*.ttl without the meta- ones), sorted by name."""
    return sorted((path for path in files(__package__).iterdir()
                   if path.name.endswith(".ttl") and not path.name.startswith(META_PREFIX)),
                  key=lambda path: path.name)


@lru_cache(maxsize=1)
def shapes_graph():
    """Every dataset shape as one rdflib Graph (parsed once per process; do not modify it)."""
    return _parse(shape_files())


@lru_cache(maxsize=1)
def meta_shapes_graph():
    """The meta-shapes that check the ontology files themselves (labels and definitions in az and en)."""
    return _parse([path for path in files(__package__).iterdir() if path.name.startswith(META_PREFIX)])


def _parse(paths):
    """The Turtle files as one rdflib Graph, read by pyoxigraph's parser (0.17 s by rdflib's, 0.07 s so: a
    check pays it in every process)."""
    triples, prefixes = [], {}
    for path in paths:
        parser = ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE)
        triples.extend(parser)
        prefixes.update(parser.prefixes)
    return rdflib_graph(triples, prefixes=prefixes)
