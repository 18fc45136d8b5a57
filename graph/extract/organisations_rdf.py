"""The NGOs and public unions a report names that no curated file holds, as organisations of its graph.

Each becomes a body of the registry the report is read with (graph/bodies.py, group "partner", kind
"ngo"), so the extractors that read bodies see it like a curated one: the entry mentions it, and an event
it held or took part in names it as organiser or partner, with the event's quote. Its own node says what
it is (atkg:NonGovernmentalOrganization, an org:FormalOrganization), its name as the report writes it
(its English label says no English name is known),
its case forms for search, and the paragraph it is first named in. A name a curated body has (folded,
quotes aside) is that body, never a second one.
"""

import re

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from atkg.graph import iris
from atkg.graph.bodies import Body, body_iri
from atkg.graph.extract.organisations import find_civil_organisations
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG

_QUOTE_MARKS = re.compile(r"[\"“”«»]")


def report_organisations(paragraphs, *, registry):
    """{key: (Body, the name as written, the paragraph it is first named in)} of the NGOs the paragraphs
    name that the registry lacks, in the order they are first named."""
    found = {}
    for paragraph in paragraphs:
        for organisation in find_civil_organisations(paragraph.text, registry=registry):
            if organisation.key is None:
                key = iris.found_organisation_key(organisation.name)
                plain = " ".join(_QUOTE_MARKS.sub("", organisation.name).split())
                body = Body(key=key, name_az=plain, name_en=None, kind="ngo", group="partner")
                found.setdefault(key, (body, organisation.name, paragraph))
    return found


def organisations_graph(found, *, base, stem):
    """The node of each NGO in `found` (as report_organisations gives it), derived from its paragraph."""
    graph = Graph()
    for body, name, paragraph in found.values():
        node = body_iri(body, base=base)
        graph.add((node, RDF.type, ATKG.NonGovernmentalOrganization))
        graph.add((node, ATKG.organisationType, iris.concept("organisation-type", body.kind)))
        # No English name is known: the English label says so rather than guess one (as body_graph.py does).
        for text, language in ((name, "az"), (f"{name} (name as the report writes it; no English name known)", "en")):
            graph.add((node, SKOS.prefLabel, Literal(text, lang=language)))
            graph.add((node, RDFS.label, Literal(text, lang=language)))
        for form in body.inflected:
            graph.add((node, ATKG.inflectedForm, Literal(form, lang="az")))
        graph.add((node, DCTERMS.source, iris.source_iri(stem, base=base)))
        derive(graph, node, add_quote(graph, base=base, stem=stem, text=paragraph.text,
                                      line_start=paragraph.line_start, line_end=paragraph.line_end))
    return graph
