"""NGOs and public unions named in the reports: recognised by their legal form, reused when curated, made
organisations of the report's graph when not, and linked to the events they held or took part in."""

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SDO, SKOS

from atkg.graph.agencies import load_registry
from atkg.graph.extract.organisations import find_civil_organisations
from atkg.graph.report_pipeline import report_graphs
from atkg.graph.reports.units import rejoined
from atkg.graph.sources import Source, read_sources
from atkg.ontology import ATKG

BASE = "https://w3id.org/atkg/"
PARTNER = f"{BASE}partner/"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def sources():
    return {source.stem[:3]: source for source in read_sources()}


def names(text, registry):
    """(name in the nominative, curated key) of each organisation the text names."""
    return [(found.name, found.key) for found in find_civil_organisations(text, registry=registry)]


def test_the_ngos_of_the_2022_report_are_its_four_public_unions_all_curated(registry, sources):
    source = sources["001"]
    found = names(rejoined(source.text, stem=source.stem), registry)
    assert sorted(set(found)) == [
        ('"Psixososial Reabilitasiya və İnkişaf" İctimai Birliyi', "psychosocial-rehabilitation"),
        ("“Avrasiya Miqrasiya Təşəbbüsləri Platforması” İctimai Birliyi", "eurasian-migration-platform"),
        ("“Azərbaycan Uşaqları” İctimai Birliyi", "azerbaijan-children"),
        ("“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi", "temiz-dunya"),
    ]
    assert len(found) == 6  # Təmiz Dünya and the Eurasian platform are each named twice


def test_the_older_programmes_report_names_the_red_crescent_society_which_is_not_curated(registry, sources):
    assert names(sources["003"].text, registry) == [("Azərbaycan Qızıl Aypara Cəmiyyəti", None)]


def test_the_2020_and_2021_reports_and_the_plan_name_no_ngo(registry, sources):
    for stem in ("000", "002", "004"):
        assert names(sources[stem].text, registry) == [], stem


@pytest.mark.parametrize("text, name", [
    ("12 mart 2023-cü il tarixdə “Yeni Nəfəs” Gənclər İctimai Birliyi tərəfindən dəyirmi masa keçirilmişdir.",
     "“Yeni Nəfəs” Gənclər İctimai Birliyi"),
    ("Dəyirmi masa «Açıq Ürək» ictimai birliyinin təşkilatçılığı ilə keçirilmişdir.", "«Açıq Ürək» ictimai birliyi"),
    ('Xidmət "Miqrant Dostu" QHT-si ilə birgə seminar keçirmişdir.', '"Miqrant Dostu" QHT'),
    ("Sorğu Açıq Qapı Miqrantlara Dəstək Assosiasiyasının nümayəndələri tərəfindən aparılmışdır.",
     "Açıq Qapı Miqrantlara Dəstək Assosiasiyası"),
    ("Həmçinin Gələcək Nəsillər Fondu ilə memorandum imzalanmışdır.", "Gələcək Nəsillər Fondu"),
    ("Layihədə “Həyat Yolu” Reabilitasiya Mərkəzinin psixoloqları iştirak etmişdir.",
     "“Həyat Yolu” Reabilitasiya Mərkəzi"),
    ("Monitorinqi Şəki Regional Qeyri-Hökumət Təşkilatı aparmışdır.", "Şəki Regional Qeyri-Hökumət Təşkilatı"),
])
def test_an_ngo_is_recognised_by_its_legal_form_whatever_its_name_and_place(registry, text, name):
    assert names(text, registry) == [(name, None)]


@pytest.mark.parametrize("text", [
    "Dövlət Miqrasiya Xidmətinin Tədris Mərkəzində təlim keçirilmişdir.",
    "Daxili İşlər Nazirliyi ilə birgə görüş keçirilmişdir.",
    "Azərbaycan Respublikasının Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Agentliyinin dəstəyi ilə.",
    "“ASAN xidmət” mərkəzlərində və Qanunsuz Miqrantların Saxlanılması Mərkəzində məlumat verilmişdir.",
    "Vətəndaş cəmiyyəti institutlarının rolu və əcnəbilərin Azərbaycan cəmiyyətinə inteqrasiyası müzakirə edilmişdir.",
    "İnsan alveri qurbanlarına kömək Fondunun fəaliyyəti, Dövlət Neft Fondu və QHT-lər ilə əlaqələr genişlənmişdir.",
    "“Dövlət Qulluğu” Mərkəzi və Dövlət Sosial Müdafiə Fondu ilə görüş keçirilmişdir.",
])
def test_a_state_body_a_common_noun_or_ngos_in_general_are_no_ngo(registry, text):
    assert names(text, registry) == []


def graph_of(text):
    """The graph of a generated report of the State Migration Service for 2023 with one entry."""
    source = Source(kind="yearly-report", stem="990_ngo", path=Path("990_ngo.txt"), agency="dmx", year=2023,
                    text=f"4.3.3-cü yarımbənd üzrə (Monitorinq):\n\n{text}\n")
    return report_graphs(source, base=BASE, registry=load_registry(), plan_titles={})


def test_a_new_ngo_becomes_an_organisation_linked_to_the_event_it_held_with_its_quote():
    text = ("5 may 2023-cü il tarixdə Açıq Qapı Miqrantlara Dəstək Assosiasiyasının nümayəndələri tərəfindən "
            "Qanunsuz miqrantların saxlanılması mərkəzində monitorinq aparılmışdır.")
    graph = graph_of(text)
    ngo = URIRef(f"{PARTNER}ngo-aciq-qapi-miqrantlara-destek-assosiasiyasi")
    assert set(graph.subjects(RDF.type, ATKG.NonGovernmentalOrganization)) == {ngo}
    assert set(graph.objects(ngo, SKOS.prefLabel)) == {
        Literal("Açıq Qapı Miqrantlara Dəstək Assosiasiyası", lang="az"),
        Literal("Açıq Qapı Miqrantlara Dəstək Assosiasiyası (name as the report writes it; no English name known)",
                lang="en")}
    assert graph.value(ngo, ATKG.organisationType) == URIRef(f"{BASE}code/organisation-type/ngo")
    assert graph.value(ngo, DCTERMS.source) == URIRef(f"{BASE}source/990_ngo")
    assert graph.value(graph.value(ngo, PROV.wasDerivedFrom), ATKG.quotedText) == Literal(text, lang="az")
    [event] = graph.subjects(SDO.organizer, ngo)
    assert graph.value(event, ATKG.eventType) == URIRef(f"{BASE}code/event-type/visit")
    assert graph.value(event, SDO.startDate) == Literal("2023-05-05", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))
    assert (URIRef(f"{BASE}report/dmx-2023/entry/4.3.3"), ATKG.mentions, ngo) in graph


def test_ngos_named_together_in_quotes_both_organised_the_event_and_a_partner_is_a_partner():
    graph = graph_of("12 mart 2023-cü il tarixdə “Yeni Nəfəs” İctimai Birliyi və “Açıq Ürək” İctimai Birliyinin "
                     "rəhbərliyi tərəfindən dəyirmi masa keçirilmişdir. 9 iyun 2023-cü il tarixdə Xidmət "
                     "“Miqrant Dostu” Assosiasiyası ilə birgə seminar keçirmişdir.")
    organisers = {str(o) for e in graph.subjects(ATKG.eventType, URIRef(f"{BASE}code/event-type/round-table"))
                  for o in graph.objects(e, SDO.organizer)}
    assert organisers == {f"{PARTNER}ngo-yeni-nefes-ictimai-birliyi", f"{PARTNER}ngo-aciq-urek-ictimai-birliyi"}
    [training] = graph.subjects(ATKG.eventType, URIRef(f"{BASE}code/event-type/training"))
    assert URIRef(f"{PARTNER}ngo-miqrant-dostu-assosiasiyasi") in set(graph.objects(training, ATKG.partner))


def test_a_curated_ngo_is_reused_never_made_twice():
    graph = graph_of("26 avqust 2023-cü il tarixdə “Təmiz Dünya” Qadınlara Yardım İctimai Birliyinin təşkilatçılığı "
                     "ilə dəyirmi masa keçirilmişdir.")
    assert set(graph.subjects(RDF.type, ATKG.NonGovernmentalOrganization)) == set()
    assert {str(o) for o in graph.objects(None, SDO.organizer)} == {f"{PARTNER}temiz-dunya"}


def test_the_2022_reports_public_unions_organised_its_round_table_monitoring_projects_and_survey(registry, sources):
    graph = report_graphs(sources["001"], base=BASE, registry=registry, plan_titles={})
    ngos = {f"{PARTNER}{key}" for key in ("temiz-dunya", "azerbaijan-children", "eurasian-migration-platform",
                                          "psychosocial-rehabilitation")}
    held = {(str(graph.value(e, ATKG.eventType)).rsplit("/", 1)[1], str(o).removeprefix(PARTNER))
            for e, o in graph.subject_objects(SDO.organizer) if str(o) in ngos}
    assert held == {("round-table", "temiz-dunya"), ("visit", "temiz-dunya"), ("visit", "azerbaijan-children"),
                    ("project", "eurasian-migration-platform"), ("project", "psychosocial-rehabilitation"),
                    ("survey", "psychosocial-rehabilitation")}
    assert not any(str(node).startswith(f"{PARTNER}ngo-") for node in graph.all_nodes())
