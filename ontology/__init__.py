"""The atkg ontology (ontology/atkg.ttl), its code lists (ontology/*.ttl) and its vocabulary in Python."""

from importlib.resources import files

from rdflib import Graph

from atkg.ontology.namespace import ATKG, ELI, PREFIXES, sparql_prologue

ONTOLOGY_IRI = "https://w3id.org/atkg/ontology"


def ontology_path():
    """Return the path of the ontology's Turtle file."""
    return files(__package__) / "atkg.ttl"


def ontology_files():
    """The ontology and every code-list file beside it, sorted by name."""
    return sorted((path for path in files(__package__).iterdir() if path.name.endswith(".ttl")),
                  key=lambda path: path.name)


def ontology_graph():
    """The ontology and its code lists as one rdflib graph."""
    graph = Graph()
    for path in ontology_files():
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    return graph


__all__ = ["ATKG", "ELI", "ONTOLOGY_IRI", "PREFIXES", "sparql_prologue", "ontology_files", "ontology_graph", "ontology_path"]
