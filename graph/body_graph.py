"""The RDF of the curated registry: one node per body, partner and country, with names, case forms, kind,
parent unit links, renamings and the Wikidata links DOMAIN.md verified."""

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, RDF, RDFS, SKOS

from atkg.graph.bodies import body_iri
from atkg.graph.iris import change_iri, concept, source_iri
from atkg.ontology import ATKG

WIKIDATA = Namespace("http://www.wikidata.org/entity/")
KIND_CLASSES = {
    "government-body": ATKG.GovernmentBody,
    "government-unit": ATKG.GovernmentUnit,
    "ngo": ATKG.NonGovernmentalOrganization,
    "international-organisation": ATKG.InternationalOrganization,
    "intergovernmental-process": ATKG.IntergovernmentalProcess,
    "company": ATKG.Company,
    "collective-body": ATKG.CollectiveBody,
    "academic-institution": ATKG.ExecutingBody,
    "executing-body": ATKG.ExecutingBody,
    "country": ATKG.Country,
}
# Kinds outside the organisation-type code list: a body known only by an abbreviation, and a country.
_UNTYPED_KINDS = ("executing-body", "country")


def registry_graph(registry, *, base):
    """The RDF of every body in the registry, each citing the curated file as its source."""
    graph = Graph()
    for prefix, namespace in (("atkg", ATKG._NS), ("org", ORG), ("skos", SKOS), ("wd", WIKIDATA)):
        graph.bind(prefix, namespace)
    source = source_iri("curated-bodies", base=base)
    for body in registry:
        node = body_iri(body, base=base)
        _add_identity(graph, node, body)
        _add_names(graph, node, body)
        if body.parent:
            parent = body_iri(registry[body.parent], base=base)
            graph.add((node, ORG.unitOf, parent))
            graph.add((node, ORG.subOrganizationOf, parent))
        if body.predecessor:
            _add_renaming(graph, registry[body.predecessor], body, base=base, source=source)
        graph.add((node, DCTERMS.source, source))
    return graph


def _add_identity(graph, node, body):
    """Class, organisation type, ISO code of a country, and the Wikidata link."""
    graph.add((node, RDF.type, KIND_CLASSES[body.kind]))
    if body.kind not in _UNTYPED_KINDS:
        graph.add((node, ATKG.organisationType, concept("organisation-type", body.kind)))
    if body.group == "country":
        graph.add((node, SKOS.notation, Literal(body.key.upper())))
    if body.wikidata:
        graph.add((node, OWL.sameAs, WIKIDATA[body.wikidata]))


def _add_names(graph, node, body):
    """Preferred labels and plain labels in az and en, abbreviations, aliases and generated case forms."""
    # A body the sources name only by an unexpanded abbreviation gets an English label that says so,
    # rather than a guessed name.
    name_en = body.name_en or f"{body.abbreviation} (abbreviation not expanded in the source)"
    for name, language in ((body.name_az, "az"), (name_en, "en")):
        if name:
            graph.add((node, SKOS.prefLabel, Literal(name, lang=language)))
            graph.add((node, RDFS.label, Literal(name, lang=language)))
    for abbreviation, language in ((body.abbreviation, "az"), (body.abbreviation_en, "en")):
        if abbreviation:
            graph.add((node, ATKG.abbreviation, Literal(abbreviation, lang=language)))
    for alias in body.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias, lang="az")))
    for form in body.inflected:
        graph.add((node, ATKG.inflectedForm, Literal(form, lang="az")))


def _add_renaming(graph, before, after, *, base, source):
    """A renaming as a W3C ORG change event between the body under its old name and under its new one."""
    event = change_iri(before.key, after.key, base=base)
    old, new = body_iri(before, base=base), body_iri(after, base=base)
    graph.add((event, RDF.type, ORG.ChangeEvent))
    graph.add((event, RDFS.label, Literal(f"{before.name_az} → {after.name_az}", lang="az")))
    graph.add((event, RDFS.label, Literal(f"{before.name_en} renamed {after.name_en}", lang="en")))
    graph.add((event, ORG.originalOrganization, old))
    graph.add((event, ORG.resultingOrganization, new))
    graph.add((old, ORG.changedBy, event))
    graph.add((new, ORG.resultedFrom, event))
    graph.add((event, DCTERMS.source, source))
