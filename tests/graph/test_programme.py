"""parse_programme and programme_graph on the State Migration Service's report on the 2011-2015 programme."""

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from atkg.graph.reports import ReportFormatError, parse_programme, programme_graph
from atkg.ontology import ATKG

STEM = "003_b3a56393352a5cda"
SOURCE = (Path(__file__).resolve().parents[2] / "graph" / "sources" / f"{STEM}.txt").read_text(encoding="utf-8")
BASE = "https://w3id.org/atkg/"
PLAN = URIRef(f"{BASE}plan/programme-2011-2015")
KNOWN = {"DMX": "dmx", "DİN": "din", "XİN": "xin", "ƏƏSMN": "eesmn"}


def items():
    """The programme's items, by code."""
    return {item.code: item for item in parse_programme(SOURCE, stem=STEM)}


def graph():
    """programme_graph of the real table, with a registry that knows four abbreviations."""
    def agency_iri_for(abbreviation):
        return URIRef(f"{BASE}agency/{KNOWN[abbreviation]}") if abbreviation in KNOWN else None
    return programme_graph(parse_programme(SOURCE, stem=STEM), base=BASE, agency_iri_for=agency_iri_for,
                           stem=STEM, reporting_agency_iri=URIRef(f"{BASE}agency/dmx"))


def test_item_codes_in_order():
    assert [item.code for item in parse_programme(SOURCE, stem=STEM)] == [
        "2.1.4.2", "3.5.2.5", "3.5.2.6", "3.5.2.10", "4.1.2.1.6", "4.1.2.1.7", "4.1.2.2.2", "4.1.2.5.1"]


def test_status_cells_as_written():
    statuses = {code: item.status_text for code, item in items().items()}
    assert [code for code, status in statuses.items() if status is None] == ["2.1.4.2", "3.5.2.5"]
    assert {status for status in statuses.values() if status} == {"Tam icra olunub"}


def test_bodies_as_written():
    found = items()
    assert found["3.5.2.10"].bodies_as_written == (
        "DİN", "ƏN", "MTN", "DMX", "XİN", "DSX", "DGK", "ƏƏSMN", "AQUPDK", "SN", "RİTN", "İSN", "GİN")
    assert found["4.1.2.2.2"].bodies_as_written == ("DQMK", "müvafiq mərkəzi və yerli icra hakimiyyəti orqanları")


def test_periods_lines_and_sections():
    found = items()
    assert found["3.5.2.5"].period == (2011, 2013) and found["4.1.2.1.6"].period == (2011, 2015)
    assert (found["3.5.2.6"].line_start, found["3.5.2.6"].line_end, found["3.5.2.6"].status_line) == (35, 53, 53)
    assert (found["2.1.4.2"].line_start, found["2.1.4.2"].line_end) == (4, 25)
    assert found["2.1.4.2"].section.code == "2.1.4"
    assert found["2.1.4.2"].section.title == "Əmək bazarının monitorinqi prosesinin gücləndirilməsi"
    assert {item.section.code for item in found.values()} == {"2.1.4", "3.5.2", "4.1.2"}


def test_done_text_keeps_continuation_lines_as_paragraphs():
    item = items()["3.5.2.6"]
    assert [paragraph.line_start for paragraph in item.done_paragraphs] == [39, 40, 42, 43, 45, 46, 48, 49, 51, 52]
    assert "2012-ci il üzrə:\n\n20.754 əcnəbi" in item.done_text
    assert all(paragraph.text in SOURCE for paragraph in item.done_paragraphs)


def test_one_line_rows_and_periods_as_written():
    text = ("1.2.\tBölmə\n1.2.3.\tTəlimlər\tDMX, XYZ\tmütəmadi\tTəlim keçirilmişdir.\n"
            "Davamı burada.\tTam icra olunub\n")
    (item,) = parse_programme(text, stem="990_rows")
    assert (item.code, item.title, item.bodies_as_written, item.period) == ("1.2.3", "Təlimlər", ("DMX", "XYZ"), "mütəmadi")
    assert item.done_text == "Təlim keçirilmişdir.\n\nDavamı burada."
    assert (item.status_text, item.status_line, item.section.code) == ("Tam icra olunub", 3, "1.2")


def test_text_with_no_rows_raises_with_the_exact_message():
    with pytest.raises(ReportFormatError) as raised:
        parse_programme("Heç bir cədvəl yoxdur.\n", stem="991_none")
    assert str(raised.value) == ("991_none: no programme rows found (expected a code cell such as '2.1.4.2.' "
                                 "followed by title, executing bodies and period cells)")


def test_programme_has_a_descriptive_label_and_no_invented_name():
    built = graph()
    assert (PLAN, RDF.type, ATKG.ActionPlan) in built
    assert set(built.objects(PLAN, RDFS.label)) == {
        Literal("Programme 2011-2015 reported on by the State Migration Service (name not stated in the source)",
                lang="en"),
        Literal("Dövlət Miqrasiya Xidmətinin hesabat verdiyi 2011-2015-ci illər proqramı (adı mənbədə göstərilməyib)",
                lang="az")}
    assert built.value(PLAN, DCTERMS.title) is None
    assert len(list(built.objects(PLAN, ATKG.hasMeasure))) == 8


def test_measures_bodies_and_unknown_abbreviations():
    built = graph()
    measure = URIRef(f"{BASE}plan/programme-2011-2015/measure/3.5.2.10")
    assert built.value(measure, SKOS.notation) == Literal("3.5.2.10")
    assert set(built.objects(measure, ATKG.responsibleBody)) == {
        URIRef(f"{BASE}agency/{key}") for key in ("din", "dmx", "xin", "eesmn")}
    notes = {str(note) for note in built.objects(measure, SKOS.note)}
    assert "Executing body as written in the source, not identified: RİTN" in notes and len(notes) == 9
    assert built.value(measure, ATKG.period) == URIRef(f"{BASE}period/2011-2015")
    assert built.value(measure, ATKG.inSection) == URIRef(f"{BASE}plan/programme-2011-2015/section/3.5.2")


def test_status_carried_out_only_where_the_table_says_so():
    built = graph()
    carried = URIRef("https://w3id.org/atkg/code/implementation-status/carried-out")
    entries = {str(entry).rsplit("/", 1)[1] for entry in built.subjects(ATKG.implementationStatus, carried)}
    assert entries == {"3.5.2.6", "3.5.2.10", "4.1.2.1.6", "4.1.2.1.7", "4.1.2.2.2", "4.1.2.5.1"}
    assert {str(evidence) for evidence in built.objects(None, ATKG.statusEvidence)} == {"Tam icra olunub"}


def test_every_quote_is_in_the_source_and_every_measure_has_one():
    built = graph()
    quotes = [str(text) for text in built.objects(None, ATKG.quotedText)]
    assert len(quotes) > 30 and all(quote in SOURCE for quote in quotes)
    measures = list(built.subjects(RDF.type, ATKG.Measure))
    assert len(measures) == 8 and all(built.value(measure, PROV.wasDerivedFrom) for measure in measures)


def test_a_hard_wrapped_table_over_a_page_break_reads_as_its_paragraphs():
    text = ("\t1.2.\n\tBölmə\n\n\t1.2.3.\n\tTəlimlər və maarifləndirmə\n\tDMX\n\t2011-2015\n"
            "\tXidmət tərəfindən hesabat dövründə əcnəbilər üçün\n"
            "bir sıra maarifləndirmə tədbirləri keçirilmiş və onların\n\n7\nİllik hesabat\n\n"
            "nəticələri barədə məlumat hazırlanmışdır.\n\n"
            "İkinci abzas qısa bir\ncümlədir və burada\nda sətir sonu\ncümlənin ortasına düşür.\n\n"
            "\t1.2.4.\n\tDigər sıra\n\tDMX\n\t2011-2015\n\tBu sətir uzun bir cümlənin başıdır və\n"
            "onun ardınca gələn bütün sözlər də səhifənin\n\n8\nİllik hesabat\n\nsonunda qalıb.\n\tTam icra olunub\n")
    first, other = parse_programme(text, stem="992_wrapped")
    assert [paragraph.text for paragraph in first.done_paragraphs] == [
        "Xidmət tərəfindən hesabat dövründə əcnəbilər üçün bir sıra maarifləndirmə tədbirləri keçirilmiş və "
        "onların nəticələri barədə məlumat hazırlanmışdır.",
        "İkinci abzas qısa bir cümlədir və burada da sətir sonu cümlənin ortasına düşür."]
    assert [(p.line_start, p.line_end) for p in first.done_paragraphs] == [(8, 14), (16, 19)]
    assert other.done_text == ("Bu sətir uzun bir cümlənin başıdır və onun ardınca gələn bütün sözlər də səhifənin "
                               "sonunda qalıb.")
    assert other.status_text == "Tam icra olunub" and "İllik hesabat" not in first.done_text + other.done_text


@pytest.fixture(scope="module")
def report_graph_003():
    """The older programme's report read as the build reads it."""
    from atkg.graph.agencies import load_registry
    from atkg.graph.report_pipeline import report_graphs
    from atkg.graph.sources import read_sources

    [source] = [s for s in read_sources() if s.stem == STEM]
    return report_graphs(source, base=BASE, registry=load_registry(), plan_titles={})


def events_of(graph):
    """(entry code, kind, start, end, organisers, partners) of each event of the graph."""
    def keys(event, prop):
        return tuple(sorted(str(o).rsplit("/", 1)[1] for o in graph.objects(event, prop)))
    return {(str(graph.value(e, ATKG.reportedIn)).rsplit("/", 1)[1], str(graph.value(e, ATKG.eventType)).rsplit("/", 1)[1],
             str(graph.value(e, SDO.startDate)), str(graph.value(e, SDO.endDate)), keys(e, SDO.organizer),
             keys(e, ATKG.partner)) for e in graph.subjects(RDF.type, ATKG.Event)}


def test_the_older_programmes_report_has_its_events_read_as_a_yearly_reports_are(report_graph_003):
    found = events_of(report_graph_003)
    assert len(found) == 38
    assert {
        ("2.1.4.2", "meeting", "2013-11-10", "2013-11-11", (), ("prague-process",)),
        ("2.1.4.2", "session", "2013-04-17", "2013-04-18", ("un-cmw",), ()),
        ("2.1.4.2", "session", "2012-06-12", "2012-06-15", (), ("cis", "ru")),
        ("2.1.4.2", "conference", "2014-04-23", "2014-04-24", ("ilo",), ()),
        ("2.1.4.2", "session", "2015-05-06", "2015-05-07", (), ("eu",)),
        ("2.1.4.2", "meeting", "2015-09-22", "None", (), ("almaty-process",)),
        ("3.5.2.10", "session", "2015-05-28", "2015-05-29", ("guam-thb-subgroup",), ()),
        ("4.1.2.5.1", "signing", "2013-12-09", "None", (), ("dmx", "ngo-azerbaycan-qizil-aypara-cemiyyeti")),
    } <= found
    for event in report_graph_003.subjects(RDF.type, ATKG.Event):
        quote = report_graph_003.value(event, PROV.wasDerivedFrom)
        assert str(report_graph_003.value(quote, ATKG.quotedText)) in SOURCE


def test_the_older_programmes_gathering_trips_and_meetings_are_read_right(report_graph_003):
    """The advisory council's final gathering (“... yekun yığıncağı”nda) is a meeting, not one of the seminars
    after it; one "tanışlıq səfərində" with dates in the Netherlands and Hungary is two trips; the two
    meetings dated before “...” layihəsi çərçivəsində ... görüşlərdə are two meetings, not the project."""
    found = {(code, kind, start, end) for code, kind, start, end, _, _ in events_of(report_graph_003)}
    assert {("2.1.4.2", "meeting", "2012-03-30", "None"), ("2.1.4.2", "training", "2012-04-12", "2012-05-02"),
            ("2.1.4.2", "training", "2012-09-19", "2012-09-20"),
            ("2.1.4.2", "visit", "2014-09-08", "2014-09-11"), ("2.1.4.2", "visit", "2014-09-21", "2014-09-26"),
            ("2.1.4.2", "meeting", "2015-01-26", "None"), ("2.1.4.2", "meeting", "2015-04-16", "None")} <= found
    assert not {e for e in found if e[1] == "training" and e[2] == "2012-03-30"}
    assert not {e for e in found if e[1] == "project" and e[2] != "None" and e[2].startswith(("2014", "2015"))}
    countries = {str(report_graph_003.value(report_graph_003.value(e, SDO.location), SDO.containedInPlace))
                 for e in report_graph_003.subjects(SDO.startDate, Literal("2014-09-08", datatype=XSD.date))}
    assert countries == {f"{BASE}country/nl"}


def test_the_red_crescent_society_is_an_ngo_of_the_older_programmes_report(report_graph_003):
    node = URIRef(f"{BASE}partner/ngo-azerbaycan-qizil-aypara-cemiyyeti")
    assert (node, RDF.type, ATKG.NonGovernmentalOrganization) in report_graph_003
    assert Literal("Azərbaycan Qızıl Aypara Cəmiyyəti", lang="az") in set(report_graph_003.objects(node, SKOS.prefLabel))
    assert (URIRef(f"{BASE}report/programme-2011-2015/entry/4.1.2.5.1"), ATKG.mentions, node) in report_graph_003
