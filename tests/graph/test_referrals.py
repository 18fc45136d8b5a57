"""Referrals of possible victims: letters sent about persons who may be victims, never their names."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from atkg.graph.agencies import load_registry
from atkg.graph.extract.referrals import find_referrals
from atkg.graph.extract.referrals_rdf import referrals_graph
from atkg.graph.reports.model import Entry, Paragraph
from atkg.ontology import ATKG

BASE = "https://example.org/atkg/"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def referrals(text, registry):
    entry = Entry("4.3.5", "", 1, 1, (Paragraph(text, 5, 6),), ())
    return find_referrals(entry, report_year=2022, registry=registry)


def read(text, registry):
    return [(r.date, r.to, r.count, r.nationalities, r.forms) for r in referrals(text, registry)]


@pytest.mark.parametrize("text", [
    "9 nəfər Şri-Lanka Respublikası vətəndaşının həmyerliləri tərəfindən təhsil almaq vədləri ilə aldadılması "
    "formasında qanunsuz miqrasiyanın təşkilinə əsaslı şübhələr olduğu üçün Azərbaycan Respublikasının Baş "
    "Prokurorluğuna 03.12.2022-ci il tarixli 06/2231 nömrəli məktub ünvanlanmışdır.",
    "Azərbaycan Respublikasının Baş Prokurorluğuna 3 dekabr 2022-ci il tarixdə Şri-Lanka vətəndaşı olan 9 nəfərin "
    "iş vədləri ilə aldadılması barədə məktub göndərilmişdir.",
])
def test_a_letter_to_the_prosecutor_about_deceived_foreigners_is_a_referral(registry, text):
    assert read(text, registry) == [("2022-12-03", "prosecutor-general", 9, ("lk",), ("deception",))]


def test_a_letter_to_the_ministrys_relevant_unit_about_sexual_exploitation(registry):
    text = ("Qanunsuz miqrasiyaya qarşı keçirilmiş tədbirlər zamanı əldə olunmuş məlumatlara əsasən Filippin "
            "Respublikası vətəndaşlarının Bakı şəhərində cinsi istismara cəlb edilməsi barədə 18.10.2022-ci il "
            "tarixdə Daxili İşlər Nazirliyinin aidiyyəti qurumuna məktub ünvanlanmışdır.")
    assert read(text, registry) == [("2022-10-18", "din", None, ("ph",), ("sexual exploitation",))]


def test_a_redacted_group_gives_its_count_and_nationality_but_never_a_name(registry):
    text = ("Saxlanılmış [3 şəxs: Pakistan İslam Respublikası vətəndaşları] həmyerliləri tərəfindən aldadılaraq "
            "gətirildikləri müəyyən edilmiş və 16.11.2022-ci il tarixdə Daxili İşlər Nazirliyinin aidiyyəti "
            "qurumuna məktub ünvanlanmışdır.")
    assert read(text, registry) == [("2022-11-16", "din", 3, ("pk",), ("deception",))]


def test_notice_of_possible_victims_given_to_the_anti_trafficking_directorate(registry):
    text = ("Bu sahədə əməkdaşlıq çərçivəsində 2020-ci il ərzində 2 əcnəbinin insan alveri qurbanı olması ehtimalı "
            "nəzərə alınaraq, Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsinə bu barədə "
            "məlumat verilmişdir.")
    assert read(text, registry) == [(None, "din-iambi", 2, (), ())]


@pytest.mark.parametrize("text", [
    "[şəxs: Türkmənistan vətəndaşı] [şəxs: Azərbaycan Respublikasının vətəndaşı] tərəfindən əcnəbinin əməyinin "
    "istismarına dair şübhələr olduğu üçün 22.11.2022-ci il tarixdə aidiyyəti quruma məktub göndərilmişdir.",
    "22 noyabr 2022-ci il tarixdə aidiyyəti quruma bir əcnəbinin əməyinin istismarı barədə məktub göndərilmişdir.",
    "Həmyerlisi tərəfindən əməyinin istismar edildiyi ehtimal olunan vətəndaşın barəsində 22.11.2022-ci il "
    "tarixdə aidiyyəti quruma məktub ünvanlanmışdır.",
])
def test_one_person_named_in_the_singular_is_a_referral_of_one(registry, text):
    (found,) = read(text, registry)
    assert (found[0], found[2]) == ("2022-11-22", 1)


@pytest.mark.parametrize("text", [
    # A group, persons in the plural, and the one who exploited them: how many is not said.
    "Bir qrup Afrika mənşəli əcnəbinin cinsi istismara cəlb edilməsi barədə 22.11.2022-ci il tarixdə aidiyyəti "
    "quruma məktub göndərilmişdir.",
    "Filippin Respublikası vətəndaşlarının cinsi istismara cəlb edilməsi barədə 22.11.2022-ci il tarixdə aidiyyəti "
    "quruma məktub göndərilmişdir.",
    "Pakistan vətəndaşlarının bir Azərbaycan vətəndaşı tərəfindən aldadılması barədə 22.11.2022-ci il tarixdə "
    "aidiyyəti quruma məktub göndərilmişdir.",
])
def test_a_group_or_plural_persons_leave_the_count_unknown(registry, text):
    (found,) = read(text, registry)
    assert (found[0], found[2]) == ("2022-11-22", None)


@pytest.mark.parametrize("text", [
    "Lakin, insan alveri əlamətləri aşkar olunmadığı üçün Daxili İşlər Nazirliyinin aidiyyəti qurumuna məktub "
    "ünvanlanmamışdır.",
    "Xarici İşlər Nazirliyindən Xidmətə daxil olmuş məktubda 2 nəfər vətəndaşın insan alveri ilə məşğul olduğu "
    "barədə məlumat verilmişdir.",
    "ABŞ Dövlət Departamentinin insan alveri sahəsində hesabatı təhlil olunmuş və Daxili İşlər Nazirliyinə "
    "müvafiq məktub ünvanlanmışdır.",
    "Qanunsuz miqrasiya kanalının təşkilində şübhəli bilinən 1 əcnəbi barədə məlumatlar aidiyyəti dövlət "
    "orqanlarına göndərilmişdir.",
])
def test_what_is_not_a_referral_of_possible_victims(registry, text):
    assert read(text, registry) == []


def test_a_referral_in_rdf_has_its_facts_and_quote(registry):
    text = ("9 nəfər Şri-Lanka Respublikası vətəndaşının aldadılması ilə bağlı Azərbaycan Respublikasının Baş "
            "Prokurorluğuna 03.12.2022-ci il tarixli 06/2231 nömrəli məktub ünvanlanmışdır.")
    entry_iri = f"{BASE}report/dmx-2022/entry/4.3.5"
    graph = referrals_graph(referrals(text, registry), base=BASE, entry_iri=entry_iri, stem="x", registry=registry)
    node = URIRef(f"{entry_iri}/referral/1")
    assert (node, RDF.type, ATKG.Referral) in graph
    assert (node, DCTERMS.date, Literal("2022-12-03", datatype=XSD.date)) in graph
    assert (node, ATKG.referredTo, URIRef(f"{BASE}agency/prosecutor-general")) in graph
    assert (node, ATKG.referredPersons, Literal(9, datatype=XSD.nonNegativeInteger)) in graph
    assert (node, ATKG.referredNationality, URIRef(f"{BASE}country/lk")) in graph
    assert set(graph.objects(node, ATKG.exploitationForm)) == {Literal("deception", lang="en"),
                                                                Literal("aldatma", lang="az")}
    assert (node, ATKG.reportedIn, URIRef(entry_iri)) in graph
    quote = graph.value(node, PROV.wasDerivedFrom)
    assert str(graph.value(quote, ATKG.quotedText)) == text
