"""Mentions of bodies, units, partners and countries in real report entries."""

from importlib import resources

import pytest
from rdflib import URIRef

from atkg.graph import iris
from atkg.graph.agencies import load_registry
from atkg.graph.extract.mentions import entry_mentions, mentioned_keys, mentions_graph
from atkg.graph.reports.parse import parse_report
from atkg.ontology import ATKG

BASE = "https://example.org/atkg/"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def entry(prefix, code):
    """The entry about `code` in the report whose file name starts with `prefix`."""
    found = [f for f in resources.files("atkg.graph").joinpath("sources").iterdir() if f.name.startswith(prefix)]
    assert len(found) == 1
    report = parse_report(found[0].read_text(encoding="utf-8"), stem=found[0].name.removesuffix(".txt"))
    return next(e for e in report.entries if e.code == code)


@pytest.mark.parametrize(("prefix", "code", "key", "surface"), [
    ("000_", "4.6.3", "iom", "Beynəlxalq Miqrasiya Təşkilatı"),
    ("000_", "4.6.3", "budapest-process", "Budapeşt Prosesi"),
    ("000_", "4.2.4", "din-iambi", "Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsinə"),
    ("000_", "4.5.8", "unhcr", "Birləşmiş Millətlər Təşkilatının Qaçqınlar üzrə Ali Komissarlığının"),
    ("000_", "4.6.6", "government-of-turkmenistan", "Türkmənistan Hökuməti"),
    ("002_", "4.6.3", "guam-thb-subgroup", "GUAM-ın İnsan alveri və qeyri-qanuni miqrasiya ilə mübarizə üzrə İşçi Alt-qrupunun"),
    ("002_", "4.6.6", "ukraine-migration-service", "Ukraynanın Dövlət Miqrasiya Xidməti"),
    ("002_", "4.7.1", "usaid", "ABŞ-ın Beynəlxalq İnkişaf Agentliyinin"),
])
def test_real_sentences_name_the_curated_body(registry, prefix, code, key, surface):
    found = entry_mentions(entry(prefix, code).text, registry=registry)
    assert (key, surface) in [(m.key, m.surface) for m in found]


def test_a_unit_is_not_also_counted_as_its_ministry(registry):
    # 000, 4.2.4 names the ministry once on its own and once as the head of its anti-trafficking department.
    found = entry_mentions(entry("000_", "4.2.4").text, registry=registry)
    assert [(m.key, m.surface) for m in found] == [
        ("dmx", "Dövlət Miqrasiya Xidməti"),
        ("din", "Daxili İşlər Nazirliyinə"),
        ("din-iambi", "Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsinə"),
    ]


def test_countries_listed_in_the_2021_report(registry):
    found = entry_mentions(entry("002_", "4.8.3").text, registry=registry)
    countries = [m.key for m in found if registry[m.key].group == "country"]
    # "Koreya" is in the list too, but the report does not say which Korea: the registry leaves it out.
    assert countries == ["az", "tr", "ir", "sy", "ru", "ge", "kz", "cy", "bg"]


def test_mentions_graph_links_each_body_once(registry):
    text = entry("000_", "4.6.6").text
    found = entry_mentions(text, registry=registry)
    # The government that signed, not the country: the longest name wins.
    assert [m.key for m in found] == ["dmx", "government-of-turkmenistan", "az", "government-of-turkmenistan"]
    entry_iri = iris.entry_iri(iris.report_iri("dmx", 2020, base=BASE), "4.6.6")
    graph = mentions_graph(entry_iri, found, base=BASE, registry=registry)
    assert mentioned_keys(found) == ["az", "dmx", "government-of-turkmenistan"]
    assert sorted(graph.objects(entry_iri, ATKG.mentions)) == [
        URIRef(f"{BASE}agency/dmx"), URIRef(f"{BASE}country/az"), URIRef(f"{BASE}partner/government-of-turkmenistan")]
    assert len(graph) == 3


@pytest.mark.parametrize("text, key", [
    ("28 oktyabr tarixdə “Təmiz Dünya” Qadınlara Yardım İctimai Birliyi tərəfindən dəyirmi masa", "temiz-dunya"),
    ("“Təmiz Dünya” Qadınlara Yardım İctimai Birliyinin rəhbərliyi tərəfindən", "temiz-dunya"),
    ("“Azərbaycan Uşaqları” İctimai Birliyinə məktub", "azerbaijan-children"),
    ('"Psixososial Reabilitasiya və İnkişaf" İctimai Birliyi tərəfindən sorğu', "psychosocial-rehabilitation"),
    ("“Avrasiya Miqrasiya Təşəbbüsləri Platforması” İctimai Birliyinin layihəsi", "eurasian-migration-platform"),
    ("“Azərbaycan Respublikası Hökuməti ilə Özbəkistan Respublikası Hökuməti arasında ... Saziş”",
     "government-of-uzbekistan"),
])
def test_public_unions_and_governments_in_any_case_form(registry, text, key):
    assert key in [m.key for m in entry_mentions(text, registry=registry)]
