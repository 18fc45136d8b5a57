"""The shapes files shipped in atkg.shapes: the dataset's shapes, and the meta-shape over the ontology."""

from functools import lru_cache
from importlib.resources import files

from rdflib import Graph

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
    graph = Graph()
    for path in paths:
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    return graph
