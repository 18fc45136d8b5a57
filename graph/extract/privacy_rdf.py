"""RDF for private-person references: what an analyst needs (role, nationality, count), never a name.

Each reference becomes an atkg:PrivatePersonReference under its entry ({entry}/person/{n}, in text order).
A count below ten broken down by two or more personal attributes (here nationality and role) is published
with a note flagging the re-identification risk, as the CTDC data collaborative does.
"""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from atkg.graph import agencies, iris
from atkg.graph.extract.privacy_cues import ROLES
from atkg.ontology import ATKG

SMALL_COUNT = 10
SMALL_COUNT_NOTE = Literal("small count: re-identification risk", lang="en")


def _country_iri(nationality, *, base, registry):
    """The IRI of the one country the nationality phrase names, or None (unknown, stateless, several)."""
    if registry is None or not nationality:
        return None
    keys = {m.key for m in agencies.find_mentions(nationality, registry=registry)}
    countries = [registry[key] for key in sorted(keys) if registry[key].group == "country"]
    return URIRef(agencies.body_iri(countries[0], base=base)) if len(countries) == 1 else None


def is_small_count(reference):
    """True when the reference breaks a count below ten down by nationality and role."""
    return reference.count < SMALL_COUNT and bool(reference.nationality) and bool(reference.role)


def _add_reference(graph, node, reference, *, base, registry):
    """The triples of one reference."""
    graph.add((node, RDF.type, ATKG.PrivatePersonReference))
    graph.add((node, RDFS.label, Literal(reference.placeholder, lang="az")))
    graph.add((node, ATKG.personCount, Literal(reference.count, datatype=XSD.nonNegativeInteger)))
    if reference.role:
        graph.add((node, ATKG.personRole, Literal(reference.role, lang="az")))
        graph.add((node, ATKG.personRole, Literal(ROLES[reference.role], lang="en")))
    country = _country_iri(reference.nationality, base=base, registry=registry)
    if country is not None:
        graph.add((node, ATKG.nationality, country))
    if is_small_count(reference):
        graph.add((node, SKOS.note, SMALL_COUNT_NOTE))


def person_references_graph(references, *, base, entry_iri, stem, registry=None):
    """A graph of the entry's private-person references; nationality links need the curated registry."""
    graph = Graph()
    entry = URIRef(entry_iri)
    for number, reference in enumerate(references, start=1):
        node = URIRef(f"{entry}/person/{number}")
        _add_reference(graph, node, reference, base=base, registry=registry)
        graph.add((node, PROV.wasDerivedFrom, entry))
        graph.add((node, ATKG.sourceDocument, iris.source_iri(stem, base=base)))
    return graph
