"""The ontology (ontology/atkg.ttl) and its SKOS code lists (ontology/codelists.ttl) against their contract.

The contract is atkg.ontology.ATKG (ontology/namespace.py) plus the house style: labels and definitions in az
and en, only standard vocabularies above our terms, only used prefixes, a version taken from the package.
"""

import re
from importlib.metadata import version

import owlrl
import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from atkg.ontology import ATKG, ONTOLOGY_IRI, ontology_files, ontology_graph, ontology_path

SCHEMA = Namespace("https://schema.org/")
CODE = "https://w3id.org/atkg/code/"
ONTOLOGY = URIRef(ONTOLOGY_IRI)
LANGUAGES = {"az", "en"}
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}
STANDARD_NAMESPACES = (
    "http://data.europa.eu/eli/ontology#",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/2006/time#",
    "http://www.w3.org/2004/02/skos/core#",
    "https://schema.org/",
    "http://purl.org/linked-data/cube#",
    "http://purl.org/dc/terms/",
    "http://xmlns.com/foaf/0.1/",
)
SCHEME_SIZES = {
    "period-type": 2,
    "implementation-status": 6,
    "event-type": 11,
    "legal-act-type": 19,
    "organisation-type": 8,
}
# Properties whose value may be a concept or a string: no OWL property type fits both.
MIXED_RANGE_PROPERTIES = {ATKG.unit, ATKG.personRole}
# Sub-properties of skos:altLabel / skos:hiddenLabel, which OWL treats as annotation properties.
ANNOTATION_PROPERTIES = {ATKG.abbreviation, ATKG.inflectedForm}


@pytest.fixture(scope="module")
def ontology():
    """ontology/atkg.ttl parsed by rdflib."""
    return Graph().parse(ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def codelists():
    """ontology/codelists.ttl parsed by rdflib."""
    return Graph().parse(ontology_path().parent / "codelists.ttl", format="turtle")


def atkg_subjects(graph):
    """Every subject IRI of the graph that lies in the atkg: namespace."""
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(ATKG._NS))}


def contract_terms():
    """Every term the closed namespace ATKG lists."""
    return {ATKG._NS[name] for name in ATKG.__annotations__}


def test_ontology_files_are_the_ontology_and_the_code_lists():
    assert [path.name for path in ontology_files()] == ["atkg.ttl", "codelists.ttl", "indicators.ttl"]


@pytest.mark.parametrize("name", ["atkg.ttl", "codelists.ttl", "indicators.ttl"])
def test_rdflib_and_pyoxigraph_read_the_same_triples(name):
    path = ontology_path().parent / name
    by_oxigraph = {quad.triple for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)}
    nt = Graph().parse(path, format="turtle").serialize(format="nt")
    by_rdflib = {quad.triple for quad in pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES)}
    assert by_oxigraph == by_rdflib
    assert len(by_oxigraph) > 100


def test_every_contract_term_is_declared_and_nothing_else(ontology):
    declared = {s for s in atkg_subjects(ontology) if set(ontology.objects(s, RDF.type)) & DECLARATION_TYPES}
    assert len(contract_terms()) == 91
    assert contract_terms() - declared == set()
    mentioned = {term for triple in ontology for term in triple
                 if isinstance(term, URIRef) and term.startswith(str(ATKG._NS))}
    assert mentioned - contract_terms() == set()


def test_code_lists_name_only_contract_terms(codelists):
    used = {o for o in codelists.objects() if isinstance(o, URIRef) and o.startswith(str(ATKG._NS))}
    assert len(used) == 7
    assert used - contract_terms() == set()


def test_every_term_has_one_declaration_type_and_is_defined_by_the_ontology(ontology):
    for term in sorted(contract_terms()):
        types = set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES
        assert len(types) == 1, (term, types)
        assert list(ontology.objects(term, RDFS.isDefinedBy)) == [ONTOLOGY], term


def language_tags(graph, subject, predicate):
    """The language tags of the subject's values for the predicate, one entry per value (None if untagged)."""
    return sorted(str(o.language) for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def assert_one_per_language(graph, subject, predicate):
    """Fail unless the subject has exactly one az and one en value for the predicate, and nothing else."""
    values = list(graph.objects(subject, predicate))
    assert language_tags(graph, subject, predicate) == ["az", "en"], (subject, predicate, values)
    assert len(values) == 2, (subject, predicate, values)


def test_every_term_has_one_label_and_one_definition_per_language(ontology):
    for term in sorted(contract_terms()):
        assert_one_per_language(ontology, term, RDFS.label)
        assert_one_per_language(ontology, term, SKOS.definition)


def test_azerbaijani_and_english_texts_differ(ontology):
    for term in sorted(contract_terms()):
        for predicate in (RDFS.label, SKOS.definition):
            texts = {o.language: str(o) for o in ontology.objects(term, predicate)}
            assert texts["az"] != texts["en"], (term, predicate)


def test_notes_come_in_both_languages_or_not_at_all(ontology, codelists):
    for graph in (ontology, codelists):
        for subject in set(graph.subjects(SKOS.note, None)):
            tags = language_tags(graph, subject, SKOS.note)
            assert tags.count("az") == tags.count("en") >= 1, subject
            assert set(tags) == LANGUAGES, subject


def test_every_concept_and_scheme_has_one_label_and_one_definition_per_language(codelists):
    subjects = set(codelists.subjects(RDF.type, SKOS.Concept)) | set(codelists.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(subjects) == sum(SCHEME_SIZES.values()) + len(SCHEME_SIZES)
    for subject in sorted(subjects):
        assert_one_per_language(codelists, subject, SKOS.prefLabel)
        assert_one_per_language(codelists, subject, SKOS.definition)


def test_header_carries_titles_licence_and_creation_date(ontology):
    assert_one_per_language(ontology, ONTOLOGY, URIRef("http://purl.org/dc/terms/title"))
    assert_one_per_language(ontology, ONTOLOGY, URIRef("http://purl.org/dc/terms/description"))
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert list(ontology.objects(ONTOLOGY, URIRef("http://purl.org/dc/terms/license"))) == [
        URIRef("https://spdx.org/licenses/MIT")
    ]
    assert len(list(ontology.objects(ONTOLOGY, URIRef("http://purl.org/dc/terms/created")))) == 1


def test_version_info_is_the_package_version_and_version_iri_differs(ontology):
    assert list(ontology.objects(ONTOLOGY, OWL.versionInfo)) == [Literal(version("atkg"))]
    version_iris = list(ontology.objects(ONTOLOGY, OWL.versionIRI))
    assert version_iris == [URIRef(f"{ONTOLOGY_IRI}/{version('atkg')}")]
    assert version_iris[0] != ONTOLOGY


def prefix_block_and_body(name):
    """The @prefix lines of an ontology file as (prefix, namespace) pairs, and the rest of its text."""
    text = (ontology_path().parent / name).read_text(encoding="utf-8")
    declared = re.findall(r"^@prefix ([\w-]*): <([^>]*)> \.$", text, flags=re.MULTILINE)
    body = re.sub(r"^@prefix .*$", "", text, flags=re.MULTILINE)
    return declared, body


@pytest.mark.parametrize("name", ["atkg.ttl", "codelists.ttl", "indicators.ttl"])
def test_every_declared_prefix_is_used_and_the_block_is_sorted(name):
    declared, body = prefix_block_and_body(name)
    assert len(declared) >= 7
    assert [prefix for prefix, _ in declared] == sorted(prefix for prefix, _ in declared)
    # Prefixed names inside literals or IRIs do not count as uses.
    code_only = re.sub(r'"[^"]*"|<[^>]*>', "", body)
    unused = [prefix for prefix, _ in declared if not re.search(rf"(?<![\w.-]){re.escape(prefix)}:", code_only)]
    assert unused == []


def test_superclasses_and_superproperties_are_ours_or_standard(ontology):
    parents = set(ontology.objects(None, RDFS.subClassOf)) | set(ontology.objects(None, RDFS.subPropertyOf))
    outside = {str(p) for p in parents if not p.startswith(str(ATKG._NS))}
    assert len(outside) >= 25
    assert sorted(p for p in outside if not p.startswith(STANDARD_NAMESPACES)) == []


REQUIRED_LINKS = [
    (ATKG.ActionPlan, RDFS.subClassOf, "http://www.w3.org/ns/prov#Plan"),
    (ATKG.Measure, RDFS.subClassOf, "http://www.w3.org/ns/prov#Plan"),
    (ATKG.Measure, RDFS.subClassOf, "http://data.europa.eu/eli/ontology#LegalResourceSubdivision"),
    (ATKG.PlanSection, RDFS.subClassOf, "http://data.europa.eu/eli/ontology#LegalResourceSubdivision"),
    (ATKG.Goal, RDFS.subClassOf, "http://data.europa.eu/eli/ontology#LegalResourceSubdivision"),
    (ATKG.Principle, RDFS.subClassOf, "http://data.europa.eu/eli/ontology#LegalResourceSubdivision"),
    (ATKG.ExecutingBody, RDFS.subClassOf, "http://www.w3.org/ns/org#Organization"),
    (ATKG.GovernmentBody, RDFS.subClassOf, "http://www.w3.org/ns/org#FormalOrganization"),
    (ATKG.GovernmentUnit, RDFS.subClassOf, "http://www.w3.org/ns/org#OrganizationalUnit"),
    (ATKG.Country, RDFS.subClassOf, "https://schema.org/Country"),
    (ATKG.LegalAct, RDFS.subClassOf, "http://data.europa.eu/eli/ontology#LegalResource"),
    (ATKG.Event, RDFS.subClassOf, "https://schema.org/Event"),
    (ATKG.Report, RDFS.subClassOf, "https://schema.org/Report"),
    (ATKG.StatisticalObservation, RDFS.subClassOf, "http://purl.org/linked-data/cube#Observation"),
    (ATKG.SourceDocument, RDFS.subClassOf, "http://xmlns.com/foaf/0.1/Document"),
    (ATKG.hasSection, RDFS.subPropertyOf, "http://purl.org/dc/terms/hasPart"),
    (ATKG.inPlan, RDFS.subPropertyOf, "http://purl.org/dc/terms/isPartOf"),
    (ATKG.predecessor, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasInfluencedBy"),
    (ATKG.period, RDFS.subPropertyOf, "http://www.w3.org/2006/time#hasTime"),
    (ATKG.abbreviation, RDFS.subPropertyOf, "http://www.w3.org/2004/02/skos/core#altLabel"),
    (ATKG.inflectedForm, RDFS.subPropertyOf, "http://www.w3.org/2004/02/skos/core#hiddenLabel"),
    (ATKG.registerNumber, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#id_local"),
    (ATKG.reportingAgency, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasAttributedTo"),
    (ATKG.crossReference, RDFS.subPropertyOf, "http://purl.org/dc/terms/references"),
    (ATKG.mentions, RDFS.subPropertyOf, "https://schema.org/mentions"),
    (ATKG.partner, RDFS.subPropertyOf, "https://schema.org/contributor"),
    (ATKG.sourceDocument, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasDerivedFrom"),
    (ATKG.quotedText, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#value"),
    (ATKG.indicator, RDF.type, "http://purl.org/linked-data/cube#DimensionProperty"),
    (ATKG.refMeasure, RDF.type, "http://purl.org/linked-data/cube#DimensionProperty"),
    (ATKG.observedValue, RDF.type, "http://purl.org/linked-data/cube#MeasureProperty"),
    (ATKG.unit, RDF.type, "http://purl.org/linked-data/cube#AttributeProperty"),
    (ATKG.reportYear, RDFS.range, "http://www.w3.org/2001/XMLSchema#gYear"),
    (ATKG.lineStart, RDFS.range, "http://www.w3.org/2001/XMLSchema#positiveInteger"),
    (ATKG.personCount, RDFS.range, "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"),
]


@pytest.mark.parametrize("subject, predicate, obj", REQUIRED_LINKS, ids=lambda x: str(x).rsplit("#", 1)[-1])
def test_required_link_to_a_standard_vocabulary(ontology, subject, predicate, obj):
    assert (subject, predicate, URIRef(obj)) in ontology


def test_every_kind_of_executing_body_is_an_executing_body(ontology):
    kinds = set(ontology.subjects(RDFS.subClassOf, ATKG.ExecutingBody))
    assert kinds == {ATKG.GovernmentBody, ATKG.GovernmentUnit, ATKG.NonGovernmentalOrganization,
                     ATKG.InternationalOrganization, ATKG.IntergovernmentalProcess, ATKG.Company,
                     ATKG.CollectiveBody}


def test_only_exact_inverses_are_declared(ontology):
    inverses = set(ontology.subject_objects(OWL.inverseOf))
    assert inverses == {(ATKG.approvedBy, ATKG.approves), (ATKG.approves, ATKG.approvedBy),
                        (ATKG.inReport, ATKG.hasEntry)}


def test_property_types_match_their_ranges(ontology):
    literal_namespaces = ("http://www.w3.org/2001/XMLSchema#", str(RDF))
    for prop in sorted(set(ontology.subjects(RDF.type, OWL.ObjectProperty))):
        assert not any(str(r).startswith(literal_namespaces) for r in ontology.objects(prop, RDFS.range)), prop
    for prop in sorted(set(ontology.subjects(RDF.type, OWL.DatatypeProperty))):
        ranges = list(ontology.objects(prop, RDFS.range))
        assert len(ranges) == 1 and str(ranges[0]).startswith(literal_namespaces), prop
    assert set(ontology.subjects(RDF.type, RDF.Property)) == MIXED_RANGE_PROPERTIES
    assert set(ontology.subjects(RDF.type, OWL.AnnotationProperty)) == ANNOTATION_PROPERTIES
    for prop in MIXED_RANGE_PROPERTIES:
        assert list(ontology.objects(prop, RDFS.range)) == []
        assert set(ontology.objects(prop, SCHEMA.rangeIncludes)) == {SKOS.Concept, XSD.string}


def test_shared_properties_use_domain_includes_instead_of_a_domain(ontology):
    shared = set(ontology.subjects(SCHEMA.domainIncludes, None))
    assert {ATKG.inPlan, ATKG.approvedBy, ATKG.reportedIn, ATKG.sourceDocument} <= shared
    assert [prop for prop in shared if (prop, RDFS.domain, None) in ontology] == []
    assert [prop for prop in set(ontology.subjects(SCHEMA.rangeIncludes, None))
            if (prop, RDFS.range, None) in ontology] == []


def concepts_of(codelists, scheme):
    """The concepts a scheme holds through skos:inScheme."""
    return set(codelists.subjects(SKOS.inScheme, URIRef(CODE + scheme)))


@pytest.mark.parametrize("scheme, size", sorted(SCHEME_SIZES.items()))
def test_scheme_has_its_concepts(codelists, scheme, size):
    scheme_iri = URIRef(CODE + scheme)
    assert (scheme_iri, RDF.type, SKOS.ConceptScheme) in codelists
    concepts = concepts_of(codelists, scheme)
    assert len(concepts) == size
    assert set(codelists.objects(scheme_iri, SKOS.hasTopConcept)) == concepts
    for concept in concepts:
        slug = concept.removeprefix(f"{scheme_iri}/")
        assert concept == URIRef(f"{scheme_iri}/{slug}") and re.fullmatch(r"[a-z]+(-[a-z]+)*", slug)
        assert list(codelists.objects(concept, SKOS.notation)) == [Literal(slug)]
        assert list(codelists.objects(concept, SKOS.topConceptOf)) == [scheme_iri]
        assert (concept, RDF.type, SKOS.Concept) in codelists


def test_concepts_named_by_other_engineers_exist(codelists):
    slugs = {str(c).removeprefix(CODE) for c in codelists.subjects(RDF.type, SKOS.Concept)}
    assert {"period-type/regular", "period-type/years", "implementation-status/reported-elsewhere",
            "implementation-status/no-cases", "event-type/round-table", "event-type/awareness-event",
            "event-type/survey",
            "legal-act-type/presidential-order", "legal-act-type/cabinet-decision", "legal-act-type/letter",
            "organisation-type/ngo", "organisation-type/academic-institution"} <= slugs


def test_organisation_types_point_to_kinds_of_executing_body(ontology, codelists):
    links = dict(codelists.subject_objects(RDFS.seeAlso))
    assert len(links) == 7
    assert URIRef(CODE + "organisation-type/academic-institution") not in links
    for concept, cls in links.items():
        assert concept.startswith(CODE + "organisation-type/")
        assert (cls, RDFS.subClassOf, ATKG.ExecutingBody) in ontology


def test_implementation_statuses_carry_the_ogp_alignment_as_notes_only(codelists):
    statuses = concepts_of(codelists, "implementation-status")
    for status in statuses:
        english = [str(n) for n in codelists.objects(status, SKOS.note) if n.language == "en"]
        assert len(english) == 1 and "OGP completion scale" in english[0], status
    mapping = {SKOS.closeMatch, SKOS.broadMatch, SKOS.exactMatch, SKOS.narrowMatch, SKOS.relatedMatch}
    assert [t for t in codelists if t[1] in mapping] == []


def test_ontology_graph_joins_all_files(ontology, codelists):
    indicators = Graph().parse(ontology_path().parent / "indicators.ttl", format="turtle")
    assert len(ontology_graph()) == len(ontology) + len(codelists) + len(indicators)


def test_pyoxigraph_store_answers_sparql_over_the_ontology():
    store = pyoxigraph.Store()
    for path in ontology_files():
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    query = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label WHERE { <https://w3id.org/atkg/code/period-type/regular> skos:prefLabel ?label
        FILTER(lang(?label) = "az") }"""
    assert [row["label"].value for row in store.query(query)] == ["Mütəmadi"]
    classes = store.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> }")
    assert [int(row["n"].value) for row in classes] == [26]


def test_rdfs_inference_does_not_retype_shared_parts_of_a_plan():
    graph = ontology_graph()
    base = Namespace("https://example.org/")
    graph.add((base.section42, ATKG.inPlan, base.plan))
    graph.add((base.measure421, ATKG.inPlan, base.plan))
    graph.add((base.measure421, ATKG.inSection, base.section42))
    graph.add((base.plan, ATKG.approvedBy, base.order2173))
    graph.add((base.order2173, ATKG.approvedBy, base.otherAct))
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(graph)
    assert set(graph.objects(base.section42, RDF.type)) & {ATKG.Measure, ATKG.Goal, ATKG.Principle} == set()
    assert ATKG.PlanSection in set(graph.objects(base.section42, RDF.type))
    assert ATKG.ActionPlan in set(graph.objects(base.plan, RDF.type))
    assert ATKG.ActionPlan not in set(graph.objects(base.order2173, RDF.type))
    assert ATKG.LegalAct in set(graph.objects(base.order2173, RDF.type))


def test_events_are_not_prov_activities_because_they_are_derived_from_quotes(ontology):
    """Regression: an Event with prov:wasDerivedFrom would be both prov:Entity and prov:Activity."""
    assert (ATKG.Event, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Activity")) not in ontology
