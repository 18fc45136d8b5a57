"""The curated registry, the Azerbaijani case forms of names, and the registry's RDF."""

import re
from importlib import resources

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, RDF, RDFS, SKOS

from atkg.graph.agencies import body_iri, inflected_forms, load_registry, registry_graph
from atkg.graph.vocabulary import check_vocabulary
from atkg.ontology import ATKG

BASE = "https://w3id.org/atkg/"
WD = Namespace("http://www.wikidata.org/entity/")
# The checked identifiers DOMAIN.md lists ("International partners and Wikidata identifiers").
DOMAIN_WIKIDATA = {
    "iom": "Q472311", "coe": "Q8908", "icmpd": "Q498496", "unhcr": "Q132551", "usaid": "Q217072",
    "us-state-department": "Q789915", "osce": "Q81299", "ilo": "Q54129", "guam": "Q326816", "eu": "Q458",
    "az": "Q227", "tm": "Q874", "uz": "Q265", "ua": "Q212", "gr": "Q41", "pk": "Q843", "lk": "Q854",
    "ph": "Q928", "in": "Q668", "af": "Q889",
}
# DOMAIN.md's abbreviations of the plan's executing bodies and of DİN's anti-trafficking unit.
DOMAIN_ABBREVIATIONS = {
    "nk": "NK", "din": "DİN", "eesmn": "ƏƏSMN", "aqupdk": "AQUPDK", "dmx": "DMX", "dtx": "DTX", "xin": "XİN",
    "dsx": "DSX", "dgk": "DGK", "sn": "SN", "en": "ƏN", "din-iambi": "İAMBİ", "mtn": "MTN", "dqmk": "DQMK",
}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def graph(registry):
    return registry_graph(registry, base=BASE)


def sources_text():
    """All source documents joined, to check that generated forms are the ones the sources use."""
    folder = resources.files("atkg.graph").joinpath("sources")
    texts = [entry.read_text(encoding="utf-8") for entry in folder.iterdir() if entry.name.endswith(".txt")]
    assert len(texts) == 5
    return "\n".join(texts)


def node(key, registry):
    return body_iri(registry[key], base=BASE)


def test_keys_are_unique_lower_case_ascii_slugs(registry):
    assert len(registry) == len({body.key for body in registry}) > 100
    assert [body.key for body in registry if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", body.key)] == []


def test_every_group_is_filled(registry):
    assert {body.group for body in registry} == {"agency", "partner", "country"}
    assert {"dmx", "din", "nk", "amea", "azerbaijan-airlines", "other-state-bodies"} <= {
        body.key for body in registry.in_group("agency")}


def test_the_abbreviations_domain_lists(registry):
    assert {key: registry[key].abbreviation for key in DOMAIN_ABBREVIATIONS} == DOMAIN_ABBREVIATIONS
    assert (registry["iom"].abbreviation, registry["iom"].abbreviation_en) == ("BMqT", "IOM")
    assert (registry["icmpd"].abbreviation, registry["icmpd"].abbreviation_en) == ("MSİBM", "ICMPD")
    assert (registry["osce"].abbreviation, registry["osce"].abbreviation_en) == ("ATƏT", "OSCE")


def test_units_and_their_parents(registry):
    parents = {body.key: body.parent for body in registry if body.parent}
    assert {"din-iambi": "din", "din-bpqmi": "din", "din-mcmbi": "din", "din-police-academy": "din",
            "eesmn-demx": "eesmn", "greta": "coe", "colep": "budapest-process", "unodc": "un"}.items() <= \
        parents.items()
    assert {key for key, parent in parents.items() if parent == "dmx"} == {
        "dmx-mnbi", "dmx-baku", "dmx-regional", "dmx-detention-centre", "dmx-training-centre",
        "dmx-call-centre", "dmx-public-council", "dmx-advisory-council"}


def test_body_iris_by_group(registry):
    example = "http://example.org/kg/"
    assert body_iri(registry["dmx"], base=example) == URIRef(example + "agency/dmx")
    assert node("iom", registry) == URIRef(BASE + "partner/iom")
    assert node("tm", registry) == URIRef(BASE + "country/tm")


# The last word of a name in the genitive, dative, accusative, locative and ablative.
CASE_ENDINGS = {
    "Dövlət Miqrasiya Xidməti": "Xidmətinin Xidmətinə Xidmətini Xidmətində Xidmətindən",
    "Polis Akademiyası": "Akademiyasının Akademiyasına Akademiyasını Akademiyasında Akademiyasından",
    "digər aidiyyəti dövlət orqanları": "orqanlarının orqanlarına orqanlarını orqanlarında orqanlarından",
    "beynəlxalq təşkilatlar": "təşkilatların təşkilatlara təşkilatları təşkilatlarda təşkilatlardan",
    "Ukrayna": "Ukraynanın Ukraynaya Ukraynanı Ukraynada Ukraynadan",
    "Baş Prokurorluq": "Prokurorluğun Prokurorluğa Prokurorluğu Prokurorluqda Prokurorluqdan",
    "DMX": "DMX-nin DMX-yə DMX-ni DMX-də DMX-dən",
    "DİN": "DİN-in DİN-ə DİN-i DİN-də DİN-dən",
}


@pytest.mark.parametrize("name", sorted(CASE_ENDINGS))
def test_case_forms(name):
    head = name.rpartition(" ")[0]
    expected = tuple(f"{head} {last}" if head else last for last in CASE_ENDINGS[name].split())
    assert inflected_forms(name) == expected


# Case forms the sources write, with the nominative each comes from.
WRITTEN_FORMS = {
    "Dövlət Miqrasiya Xidmətinin": "Dövlət Miqrasiya Xidməti",
    "Dövlət Miqrasiya Xidmətinə": "Dövlət Miqrasiya Xidməti",
    "Dövlət Miqrasiya Xidmətində": "Dövlət Miqrasiya Xidməti",
    "Daxili İşlər Nazirliyinə": "Daxili İşlər Nazirliyi",
    "Nazirlər Kabinetinə": "Nazirlər Kabineti", "İctimai Şuranın": "İctimai Şura",
    "Məşvərət Şurasının": "Məşvərət Şurası", "Türkmənistanın": "Türkmənistan",
    "Qazaxıstanın": "Qazaxıstan",
    "Dövlət Qulluğu Məsələləri üzrə Komissiyaya": "Dövlət Qulluğu Məsələləri üzrə Komissiya",
    "İşçi Alt-qrupunun": "İşçi Alt-qrupu", "ABŞ-ın": "ABŞ", "AŞ-nin": "AŞ", "Aİ-nin": "Aİ",
    "ATƏT-in": "ATƏT",
    "BMT-nin": "BMT", "GUAM-ın": "GUAM", "MSİBM-in": "MSİBM", "İAMBİ-nin": "İAMBİ", "TQDK-nın": "TQDK",
    "KİV-də": "KİV", "BMqT-nin": "BMqT",
}


def test_generated_forms_are_the_ones_the_sources_write():
    text = sources_text()
    assert [form for form in WRITTEN_FORMS if form not in text] == []
    assert [form for form, name in WRITTEN_FORMS.items() if form not in inflected_forms(name)] == []


def test_wikidata_links_are_exactly_those_domain_lists(registry, graph):
    assert {body.key: body.wikidata for body in registry if body.wikidata} == DOMAIN_WIKIDATA
    links = {(subject, target) for subject, target in graph.subject_objects(OWL.sameAs)}
    assert links == {(node(key, registry), WD[qid]) for key, qid in DOMAIN_WIKIDATA.items()}


def test_classes_and_organisation_types(registry, graph):
    expected = {"dmx": ATKG.GovernmentBody, "din-iambi": ATKG.GovernmentUnit,
                "iom": ATKG.InternationalOrganization,
                "budapest-process": ATKG.IntergovernmentalProcess, "azerbaijan-airlines": ATKG.Company,
                "other-state-bodies": ATKG.CollectiveBody, "amea": ATKG.ExecutingBody, "tm": ATKG.Country}
    assert {key: set(graph.objects(node(key, registry), RDF.type)) for key in expected} == {
        key: {cls} for key, cls in expected.items()}
    code = "https://w3id.org/atkg/code/organisation-type/"
    assert graph.value(node("amea", registry), ATKG.organisationType) == URIRef(code + "academic-institution")
    greta_type = graph.value(node("greta", registry), ATKG.organisationType)
    assert greta_type == URIRef(code + "international-organisation")
    assert graph.value(node("tm", registry), ATKG.organisationType) is None
    assert graph.value(node("tm", registry), SKOS.notation) == Literal("TM")


def test_names_abbreviations_aliases_and_forms(registry, graph):
    dmx, iom = node("dmx", registry), node("iom", registry)
    assert set(graph.objects(dmx, SKOS.prefLabel)) == {Literal("Dövlət Miqrasiya Xidməti", lang="az"),
                                                       Literal("State Migration Service", lang="en")}
    assert set(graph.objects(dmx, RDFS.label)) == set(graph.objects(dmx, SKOS.prefLabel))
    assert set(graph.objects(iom, ATKG.abbreviation)) == {Literal("BMqT", lang="az"),
                                                          Literal("IOM", lang="en")}
    alias = Literal("Prezident yanında Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Şurası", lang="az")
    assert alias in set(graph.objects(node("qhtdds", registry), SKOS.altLabel))
    forms = set(graph.objects(dmx, ATKG.inflectedForm))
    assert {Literal("Dövlət Miqrasiya Xidmətinin", lang="az"), Literal("DMX-yə", lang="az")} <= forms
    assert len(forms) == 10


def test_units_renamings_and_sources(registry, graph):
    unit, din = node("din-iambi", registry), node("din", registry)
    assert (unit, ORG.unitOf, din) in graph and (unit, ORG.subOrganizationOf, din) in graph
    event = URIRef(BASE + "change/tn-to-etn")
    assert graph.value(event, ORG.originalOrganization) == node("tn", registry)
    assert graph.value(event, ORG.resultingOrganization) == node("etn", registry)
    assert (node("etn", registry), ORG.resultedFrom, event) in graph
    source = URIRef(BASE + "source/curated-bodies")
    assert set(graph.subjects(DCTERMS.source, source)) == {node(body.key, registry) for body in registry} | {event}


def test_the_graph_uses_only_declared_terms_and_the_given_base(registry):
    ontology = Graph().parse(data=resources.files("atkg.ontology").joinpath("atkg.ttl").read_text(
        encoding="utf-8"), format="turtle")
    graph = registry_graph(registry, base="http://example.org/kg/")
    check_vocabulary(ontology, [graph])
    assert {str(subject) for subject in graph.subjects()} and all(
        str(subject).startswith("http://example.org/kg/") for subject in graph.subjects())
