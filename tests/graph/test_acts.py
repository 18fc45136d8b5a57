"""Legal-act citations of the reports, the older programme and the plan, and their RDF."""

from importlib.resources import files

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, XSD

from atkg.graph.agencies import load_registry
from atkg.graph.extract.acts import find_act_citations
from atkg.graph.extract.acts_rdf import acts_graph, acts_in_source, curated_acts_graph, load_curated_acts
from atkg.graph.provenance import hard_breaks_joined
from atkg.ontology import ATKG, ELI

BASE = "https://w3id.org/atkg/"
YEARS = {"000_8824f00754a92447": 2020, "002_e692b092547fc0c1": 2021, "003_b3a56393352a5cda": 2015,
         "004_961f872eaa6ca64b": 2020}


def source_text(stem):
    return (files("atkg.graph") / "sources" / f"{stem}.txt").read_text(encoding="utf-8")


def joined(stem):
    """The source with hard line breaks (a single newline) joined by a space."""
    return hard_breaks_joined(source_text(stem))


def found(stem):
    return acts_in_source(source_text(stem), stem=stem, default_year=YEARS[stem])


def cited(stem):
    citations = [citation for citation, _ in found(stem)]
    assert citations
    return citations


def key(act):
    return act.kind, act.number, act.date


def the(stem, kind, number, date):
    matches = [c for c in cited(stem) if key(c) == (kind, number, date)]
    assert matches, f"{kind} {number} {date} not cited in {stem}"
    return matches[0]


def act(kind, number, date):
    return URIRef(f"{BASE}act/{kind}/{date}/{number.lower().replace('/', '-')}")


def test_cabinet_decisions_377_and_378_amend_decisions_131_and_252():
    stem = "002_e692b092547fc0c1"
    amending = the(stem, "cabinet-decision", "377", "2021-12-01")
    assert [key(a) for a in amending.amends] == [("cabinet-decision", "131", "2009-09-03")]
    amending = the(stem, "cabinet-decision", "378", "2021-12-01")
    assert [key(a) for a in amending.amends] == [("cabinet-decision", "252", "2013-09-10")]
    assert the(stem, "cabinet-decision", "131", "2009-09-03").issuer == "Azərbaycan Respublikası Nazirlər Kabineti"


def test_decisions_131_and_252_approve_the_rules_they_name():
    stem = "002_e692b092547fc0c1"
    rules = the(stem, "cabinet-decision", "252", "2013-09-10").approves
    assert [(r.kind, r.title) for r in rules] == [("regulation", "İnsan alveri qurbanlarının repatriasiya Qaydaları")]


def test_the_icmpd_agreement_signed_17_march_2021_is_approved_by_law_321_viq():
    stem = "002_e692b092547fc0c1"
    agreement = [c for c in cited(stem) if c.kind == "international-agreement"][0]
    assert agreement.date == "2021-03-17"
    assert agreement.title.startswith("Azərbaycan Respublikası Hökuməti ilə Miqrasiya Siyasətinin İnkişafı")
    law = the(stem, "law", "321-VIQ", "2021-05-21")
    assert law.approves == (agreement.ref(),)


def test_the_agreement_with_turkmenistan_of_11_march_2020():
    agreement = the("000_8824f00754a92447", "international-agreement", None, "2020-03-11")
    assert agreement.title == ("Azərbaycan Respublikası Hökuməti ilə Türkmənistan Hökuməti arasında miqrasiya "
                               "sahəsində əməkdaşlıq haqqında Saziş")


def test_the_memorandum_with_the_state_migration_service_of_ukraine_of_16_december_2021():
    memorandum = the("002_e692b092547fc0c1", "memorandum", None, "2021-12-16")
    assert "Ukraynanın Dövlət Miqrasiya Xidməti arasında" in memorandum.title


def test_presidential_decree_560_the_dmx_heads_order_26_and_letter_02_1847():
    stem = "002_e692b092547fc0c1"
    assert the(stem, "presidential-decree", "560", "2007-03-19").issuer == "Azərbaycan Respublikası Prezidenti"
    for report in ("000_8824f00754a92447", stem):
        order = the(report, "agency-order", "26", "2018-03-05")
        assert order.issuer == "Azərbaycan Respublikası Dövlət Miqrasiya Xidməti rəisi"
    assert the(stem, "letter", "02/1847", "2021-11-01").issuer == "Dövlət Miqrasiya Xidməti"


def test_drafts_are_not_cited_as_acts():
    assert [c for c in cited("002_e692b092547fc0c1") if not (c.number or c.date or c.kind == "convention")] == []


def test_the_acts_of_the_older_programme():
    keys = {key(c) for c in cited("003_b3a56393352a5cda")}
    assert keys == {
        ("law", None, "2013-07-02"), ("law", "963-IVQD", "2014-05-16"), ("law", "1071-IVQD", "2014-10-17"),
        ("law", None, "2014-02-13"), ("law", None, None), ("code", None, None), ("convention", None, None),
        ("cabinet-decision", "39", "2014-02-07"), ("cabinet-decision", "40", "2014-02-07"),
        ("cabinet-decision", "387", "2014-12-04"), ("cabinet-decision", "50", "2015-02-25"),
        ("prime-minister-decision", "81", "2011-05-20"), ("presidential-decree", "420", "2006-06-21"),
        ("cooperation-agreement", None, "2013-12-09"), ("international-agreement", None, None)}
    titles = {c.title for c in cited("003_b3a56393352a5cda") if c.kind in ("code", "law") and not c.date}
    assert titles == {"Miqrasiya Məcəlləsi", "Əmək Məcəlləsi", "Dövlət rüsumu haqqında",
                      "Dövlət qulluqçularının etik davranış qaydaları haqqında"}


def test_the_migration_code_is_adopted_by_the_2013_law_and_amended_by_law_1071_ivqd():
    stem = "003_b3a56393352a5cda"
    code = ("code", None, None)
    assert [key(a) for a in the(stem, "law", None, "2013-07-02").approves] == [code]
    assert [key(a) for a in the(stem, "law", "1071-IVQD", "2014-10-17").amends] == [code]
    assert [a.title for a in the(stem, "law", "963-IVQD", "2014-05-16").amends] == ["Dövlət rüsumu haqqında"]
    approved = the(stem, "law", None, "2014-02-13").approves
    assert [a.kind for a in approved] == ["international-agreement"]
    assert approved[0].title.startswith("Azərbaycan Respublikası Hökuməti və Türkiyə Respublikası Hökuməti")


def test_the_plan_cites_orders_2173_and_667():
    stem = "004_961f872eaa6ca64b"
    text = joined(stem)
    keys = {key(c) for c in find_act_citations(text)}
    assert {("presidential-order", "2173", "2020-07-22"), ("presidential-order", "667", "2014-07-24")} <= keys
    order = [c for c in find_act_citations(text) if c.number == "667"][0]
    assert [(a.kind, "2014 2018" in a.title) for a in order.approves] == [("action-plan", True)]


def test_an_elided_citation_shares_issuer_and_date_with_the_one_before():
    text = ("2014-cü il 7 fevral tarixli Nazirlər Kabinetinin 39 nömrəli Qərarı ilə “A Qaydaları”, "
            "40 nömrəli Qərarı ilə isə “B nümunəsi” təsdiq edilmişdir.")
    assert [key(c) for c in find_act_citations(text)] == [("cabinet-decision", "39", "2014-02-07"),
                                                          ("cabinet-decision", "40", "2014-02-07")]


@pytest.fixture(scope="module")
def graph():
    pairs = [pair for stem in YEARS for pair in found(stem)]
    return acts_graph(pairs, base=BASE, registry=load_registry())


def test_amending_and_approving_acts_are_linked_in_the_graph(graph):
    assert (act("cabinet-decision", "377", "2021-12-01"), ELI.amends, act("cabinet-decision", "131", "2009-09-03")) in graph
    assert (act("cabinet-decision", "378", "2021-12-01"), ELI.amends, act("cabinet-decision", "252", "2013-09-10")) in graph
    agreement = next(graph.objects(act("law", "321-VIQ", "2021-05-21"), ATKG.approves))
    assert str(agreement).startswith(f"{BASE}act/international-agreement/2021-03-17/")
    assert (agreement, ATKG.approvedBy, act("law", "321-VIQ", "2021-05-21")) in graph


def test_acts_carry_type_number_date_and_issuer(graph):
    order = act("presidential-order", "2173", "2020-07-22")
    assert (order, ELI.number, Literal("2173")) in graph
    assert (order, ELI.date_document, Literal("2020-07-22", datatype=XSD.date)) in graph
    assert (order, ELI.passed_by, URIRef(f"{BASE}agency/president")) in graph
    decision = act("cabinet-decision", "377", "2021-12-01")
    assert (decision, ELI.type_document, URIRef("https://w3id.org/atkg/code/legal-act-type/cabinet-decision")) in graph
    assert (decision, ELI.passed_by, URIRef(f"{BASE}agency/nk")) in graph
    adopting = list(graph.objects(act("code", "miqrasiya-mecellesi", "undated"), ATKG.approvedBy))
    assert [str(law).rsplit("/", 1)[0] for law in adopting] == [f"{BASE}act/law/2013-07-02"]


def test_every_act_is_derived_from_a_quote_found_verbatim_in_its_source(graph):
    acts = set(graph.subjects(ELI.type_document, None))
    assert len(acts) > 30
    for node in acts:
        quotes = list(graph.objects(node, PROV.wasDerivedFrom))
        assert quotes, node
        for quote in quotes:
            stem = str(next(graph.objects(quote, ATKG.sourceDocument))).rsplit("/", 1)[1]
            assert str(next(graph.objects(quote, ATKG.quotedText))) in joined(stem)


def test_curated_act_facts_quote_their_source_and_name_extracted_acts(graph):
    records = load_curated_acts()
    assert records
    curated = curated_acts_graph(records, base=BASE)
    for record in records:
        assert record["quote"] in joined(record["stem"])
    code = act("code", "miqrasiya-mecellesi", "undated")
    assert (code, ELI.first_date_entry_in_force, Literal("2013-08-01", datatype=XSD.date)) in curated
    assert (code, ELI.type_document, None) in graph


@pytest.mark.parametrize("text, kind, issuer, number, date", [
    ("Nazirlər Kabinetinin 2021-ci il 1 dekabr tarixli 377 nömrəli Qərarı", "cabinet-decision",
     "Nazirlər Kabineti", "377", "2021-12-01"),
    ("Prezidentinin 2007-ci il 19 mart tarixli 560 nömrəli Fərmanı", "presidential-decree", "Prezidenti", "560",
     "2007-03-19"),
    ("21 may 2021-ci il tarixli 321-VIQ nömrəli Qanunu", "law", None, "321-VIQ", "2021-05-21"),
    ("Dövlət Miqrasiya Xidməti rəisinin 05 mart 2018-ci il tarixli, 26 nömrəli əmri", "agency-order",
     "Dövlət Miqrasiya Xidməti rəisi", "26", "2018-03-05"),
    ("Xidmətin 02/1847 nömrəli məktubu ilə", "letter", None, "02/1847", None),
    ("Baş nazirinin 20 may 2011-ci il tarixli 81 nömrəli Qərarı", "prime-minister-decision", "Baş naziri", "81",
     "2011-05-20"),
    ("Nazirlər Kabinetinin 2014-cü il 4 dekabr tarixli 387 saylı qərarı", "cabinet-decision", "Nazirlər Kabineti",
     "387", "2014-12-04"),
])
def test_the_citation_forms_of_the_reports(text, kind, issuer, number, date):
    citation, = find_act_citations(text)
    assert (citation.kind, citation.issuer, citation.number, citation.date) == (kind, issuer, number, date)
    assert text[citation.start:citation.end] == citation.surface


def test_the_migration_code_in_any_case_form_but_not_this_code():
    titles = [c.title for c in find_act_citations(
        "Miqrasiya Məcəlləsinin 64-cü maddəsində, Miqrasiya Məcəlləsinə, Bu Məcəllə ilə, Məcəllənin qəbulu")]
    assert titles == ["Miqrasiya Məcəlləsi", "Miqrasiya Məcəlləsi"]


def test_an_agreement_signed_on_a_date_and_one_that_is_only_a_draft():
    signed, = find_act_citations('2020-ci il martın 11-də Türkmənistan Hökuməti ilə "A və B arasında Saziş" '
                                 'imzalanmışdır.')
    assert (signed.kind, signed.date, signed.title) == ("international-agreement", "2020-03-11", "A və B arasında Saziş")
    assert find_act_citations("“A və B arasında Saziş” layihəsinin müzakirəsi zamanı") == []


@pytest.mark.parametrize("text, number, date", [
    ("Nazirlər Kabinetinin 23.02.2022-ci il tarixli 4682 nömrəli dərkənarı əsasında", "4682", "2022-02-23"),
    ("Azərbaycan Respublikasının Nazirlər Kabinetinin 2022-ci il 26 fevral tarixli 4969/29644aid (2021) nömrəli "
     "dərkənarı ilə", "4969/29644aid (2021)", "2022-02-26"),
    ("Nazirlər Kabinetinin 1 noyabr 2022-ci il tarixli 26515 saylı dərkənarına uyğun olaraq", "26515", "2022-11-01"),
    ("Nazirlər Kabinetinin 3 avqust 2022-ci il tarixli, 20325 nömrəli dərkənarında", "20325", "2022-08-03"),
])
def test_a_cabinet_note_is_not_a_cabinet_decision(text, number, date):
    citation, = find_act_citations(text)
    assert (citation.kind, citation.number, citation.date) == ("cabinet-note", number, date)
    assert citation.issuer.endswith("Nazirlər Kabineti")


@pytest.mark.parametrize("text", [
    "Aparatına 17.02.2022-ci il tarixli 02/270 nömrəli, Agentliyinə isə 17.02.2022-ci il tarixli 02/272 nömrəli "
    "məktublar ünvanlanmışdır.",
    "Agentliyinə 02/270 saylı və Aparatına 02/272 saylı məktublar göndərilmişdir.",
])
def test_numbers_in_a_list_share_the_plural_kind_word_at_its_end(text):
    assert [(c.kind, c.number) for c in find_act_citations(text)] == [("letter", "02/270"), ("letter", "02/272")]


def test_a_number_before_another_sentence_does_not_take_its_kind_word():
    kinds = [c.kind for c in find_act_citations("Sənəd 12 nömrəli, bax. Sonra 13 nömrəli məktublar yazıldı.")]
    assert kinds == ["decision", "letter"]


@pytest.mark.parametrize("text, title", [
    ("Birləşmiş Millətlər Təşkilatının Transmilli mütəşəkkil cinayətkarlığa qarşı Konvensiyasına tərəf dövlətlərin",
     "Transmilli mütəşəkkil cinayətkarlığa qarşı Konvensiyası"),
    ("BMT-nin Transmilli mütəşəkkil cinayətkarlığa qarşı Konvensiyası üzrə",
     "Transmilli mütəşəkkil cinayətkarlığa qarşı Konvensiyası"),
])
def test_a_convention_named_after_its_organisation_without_quotes(text, title):
    citation, = find_act_citations(text)
    assert (citation.kind, citation.title) == ("convention", title)
