"""The atkg ontology (ontology/atkg.ttl) and its vocabulary in Python."""

from importlib.resources import files

from atkg.ontology.namespace import ATKG

ONTOLOGY_IRI = "https://w3id.org/atkg/ontology"


def ontology_path():
    """Return the path of the ontology's Turtle file."""
    return files(__package__) / "atkg.ttl"


__all__ = ["ATKG", "ONTOLOGY_IRI", "ontology_path"]
