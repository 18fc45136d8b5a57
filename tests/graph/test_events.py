"""Events found in the real 2020 (000) and 2021 (002) reports, and their RDF."""

from datetime import date
from importlib import resources

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, XSD

from atkg.graph import iris
from atkg.graph.agencies import load_registry
from atkg.graph.extract.events import find_events, sentences
from atkg.graph.extract.events_rdf import events_graph
from atkg.graph.reports.model import Entry, Paragraph
from atkg.graph.reports.parse import parse_report
from atkg.ontology import ATKG

BASE = "https://example.org/atkg/"
YEARS = {"000_": 2020, "002_": 2021}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def report(prefix):
    """The parsed report whose file name starts with `prefix`."""
    found = [f for f in resources.files("atkg.graph").joinpath("sources").iterdir() if f.name.startswith(prefix)]
    assert len(found) == 1
    return parse_report(found[0].read_text(encoding="utf-8"), stem=found[0].name.removesuffix(".txt"))


def events(prefix, code, registry):
    """The events of one entry of a real report."""
    entry = next(e for e in report(prefix).entries if e.code == code)
    return find_events(entry, report_year=YEARS[prefix], registry=registry)


def spans(finding):
    """The dates of a finding as (start, end, precision) triples."""
    return [(v.start, v.end, v.precision) for v in finding.dates]


def test_the_2020_online_trainings_are_one_event_per_date(registry):
    found = events("000_", "4.7.2", registry)
    assert [spans(f) for f in found] == [
        [(date(2020, 6, 16), date(2020, 6, 19), "day")],
        [(date(2020, 8, 12), date(2020, 8, 12), "day")],
        [(date(2020, 8, 17), date(2020, 8, 17), "day")],
        [(date(2020, 8, 18), date(2020, 8, 18), "day")],
        [(date(2020, 9, 15), date(2020, 9, 15), "day")],
    ]
    assert {f.kind for f in found} == {"training"}
    assert {f.participants for f in found} == {"miqrasiya orqanlarına əməkdaşları"}
    assert found[0].topics[1] == "İnsan alverinin qurbanı olma ehtimalının müəyyənləşdirilməsi"
    assert len(found[0].topics) == 4
    assert (found[0].line_start, found[0].line_end) == (91, 91)
    assert found[0].quote.startswith("Bununla bağlı 16-19 iyun, 12, 17, 18 avqust və 15 sentyabr 2020-ci il")


def test_iom_and_budapest_process_events_of_2020(registry):
    found = events("000_", "4.6.3", registry)
    assert [spans(f)[0][0] for f in found] == [date(2020, 2, 24), date(2020, 6, 30)]
    assert {(f.kind, f.organisers, f.partners) for f in found} == {("meeting", ("iom",), ("budapest-process",))}
    assert found[0].participants == "miqrasiya orqanları əməkdaşlarının"


def test_employers_meeting_by_videoconference_in_baku(registry):
    awareness, meeting = events("000_", "4.8.3", registry)
    assert (meeting.kind, spans(meeting)) == ("meeting", [(date(2020, 11, 12), date(2020, 11, 12), "day")])
    assert (meeting.place, meeting.participants, meeting.occurrences, meeting.online) == (
        "Bakı şəhərində", "işəgötürənlər", 1, True)
    assert (awareness.kind, awareness.occurrences, awareness.participants) == (
        "awareness-event", 2, "regionlarda yaşayan əcnəbilər")
    assert spans(awareness) == [(date(2020, 1, 1), date(2020, 12, 31), "year")]
    assert (meeting.line_start, meeting.line_end) == (115, 117)


def test_signing_with_turkmenistan(registry):
    (signing,) = events("000_", "4.6.6", registry)
    assert (signing.kind, spans(signing), signing.partners) == (
        "signing", [(date(2020, 3, 11), date(2020, 3, 11), "day")], ("government-of-turkmenistan",))
    assert signing.title == ("Azərbaycan Respublikası Hökuməti ilə Türkmənistan Hökuməti arasında miqrasiya "
                             "sahəsində əməkdaşlıq haqqında Saziş")


def test_migration_school_3_project_and_its_training(registry):
    support, training_14, school, training = events("002_", "4.7.7", registry)
    assert (school.kind, school.title, school.organisers) == ("project", "Miqrasiya Məktəbi-3", ("dmx",))
    assert spans(school) == [(date(2021, 1, 1), date(2021, 1, 31), "month"), (date(2021, 7, 2), date(2021, 7, 2), "day")]
    assert (training.kind, spans(training)) == ("training", [(date(2021, 6, 2), date(2021, 6, 2), "day")])
    assert training.organisers == ("din-iambi", "dsx-border-control")
    assert training.topics == ("İnsan alverinə qarşı mübarizə", "Miqrant qaçaqçılığı və ona qarşı mübarizə")
    assert (support.kind, support.partners, support.dates) == ("project", ("iom",), ())
    assert support.title == "Azərbaycanda Miqrasiya üzrə Regional Təlim Mərkəzinin yaradılmasına dəstək"
    assert (training_14.participant_count, training_14.participants) == (
        14, "Xidmətin və digər dövlət qurumlarının əməkdaşları")
    assert spans(training_14) == [(date(2021, 11, 4), date(2021, 11, 4), "day")]


def test_the_2021_trainings_named_in_4_7_1(registry):
    found = events("002_", "4.7.1", registry)
    assert [(f.kind, f.title, f.organisers, f.partners) for f in found[:3]] == [
        ("meeting", None, ("iom",), ("usaid",)),
        ("project", "Miqrasiya Məktəbi-3", (), ()),
        ("training", None, (), ()),
    ]
    dated = [(spans(f)[0][0], f.organisers, f.online, f.place) for f in found[3:]]
    assert dated == [
        (date(2021, 9, 7), ("ombudsman",), True, None),
        (date(2021, 9, 21), ("din",), True, None),
        (date(2021, 11, 4), (), False, "Miqrasiya üzrə Regional Təlim Mərkəzində"),
    ]
    assert found[2].dates == found[1].dates  # "2021-ci il ərzində" frames the project and its trainings


def test_348_staff_trained_on_16_occasions_and_the_un_committee_session(registry):
    session, preparatory, training = events("002_", "4.3.3", registry)
    # "... hazırlıq iclasında ... əməkdaşı iştirak etmişdir": a session attended, though undated.
    assert (preparatory.kind, preparatory.dates) == ("session", ())
    assert (training.participant_count, training.occurrences, training.topics) == (
        348, 16, ("İnsan alveri və məcburi əmək",))
    assert training.participants == "miqrasiya orqanlarında çalışan 348 işçi"
    assert (session.kind, session.organisers, session.online) == ("session", ("un-cmw",), True)
    assert spans(session) == [(date(2021, 10, 4), date(2021, 10, 5), "day")]


def test_online_meetings_with_employers_in_2021(registry):
    found = events("002_", "4.8.3", registry)
    assert [(f.kind, spans(f)[0][0] if f.dates else None) for f in found] == [
        ("session", date(2021, 1, 1)), ("meeting", date(2021, 5, 31)), ("meeting", date(2021, 6, 4)),
        ("awareness-event", None)]
    assert found[0].organisers == ("dmx-advisory-council",)
    assert {(f.participants, f.place, f.online) for f in found[1:3]} == {
        ("işəgötürənlərlə", "Xidmətin aparatının inzibati binasında", True)}


@pytest.mark.parametrize(("prefix", "code"), [
    ("000_", "4.7.1"),  # "geniş maarifləndirmə tədbirləri keçirilməmişdir": not held
    ("000_", "4.3.3"),  # "görüş və birgə təlimlərin keçirilməsi nəzərdə tutulmuşdur": planned
    ("000_", "4.8.4"),  # "05 mart 2018-ci il tarixli ... əmri": a document's date, "təlimə cəlb olunmuş"
    ("002_", "4.1.6"),  # "Qərarı” layihəsi": drafts of decisions, not projects
    ("002_", "4.8.4"),  # "təlimə cəlb olunmuş həm təlimçi": the evaluation rules, no event
])
def test_sentences_that_report_no_event(registry, prefix, code):
    found = events(prefix, code, registry)
    assert found == []


def test_every_event_of_the_2020_report(registry):
    found = [(e.code, f.kind, len(f.dates)) for e in report("000_").entries
             for f in find_events(e, report_year=2020, registry=registry)]
    assert found == [("4.5.8", "campaign", 1), ("4.6.3", "meeting", 1), ("4.6.3", "meeting", 1),
                     ("4.6.6", "signing", 1)] + [("4.7.2", "training", 1)] * 5 + [
                     ("4.8.3", "awareness-event", 1), ("4.8.3", "meeting", 1)]


def test_quotes_never_name_a_private_person(registry):
    text = ("2022-ci il 5 may tarixində Özbəkistan vətəndaşı Rustam Karimov ilə görüş keçirilmişdir.")
    entry = Entry("4.2.4", "", 1, 1, (Paragraph(text, 7, 7),), ())
    (finding,) = find_events(entry, report_year=2022, registry=registry)
    assert "Karimov" not in finding.quote and "[şəxs: Özbəkistan vətəndaşı]" in finding.quote


def test_sentences_split_at_full_stops_only():
    assert sentences("Təlim keçirilmişdir. 04.11.2021-ci il tarixdə görüş olub. Bununla bağlı 4.7.2-ci bənd.") == [
        "Təlim keçirilmişdir.", "04.11.2021-ci il tarixdə görüş olub.", "Bununla bağlı 4.7.2-ci bənd."]


def test_events_graph_of_migration_school_3(registry):
    parsed = report("002_")
    entry = next(e for e in parsed.entries if e.code == "4.7.7")
    entry_iri = iris.entry_iri(iris.report_iri("dmx", 2021, base=BASE), "4.7.7")
    measure = iris.plan_part_iri("measure", "4.7.7", base=BASE)
    graph = events_graph(find_events(entry, report_year=2021, registry=registry), base=BASE, entry_iri=entry_iri,
                         measure_iri=measure, stem=parsed.stem, registry=registry)
    school, training = URIRef(f"{entry_iri}/event/3"), URIRef(f"{entry_iri}/event/4")
    assert len(set(graph.subjects(RDF.type, ATKG.Event))) == 4
    assert graph.value(school, ATKG.eventType) == URIRef("https://w3id.org/atkg/code/event-type/project")
    assert graph.value(school, RDFS.label) == Literal("Miqrasiya Məktəbi-3", lang="az")
    assert graph.value(school, SDO.startDate) == Literal("2021-01", datatype=XSD.gYearMonth)
    assert graph.value(school, SDO.endDate) == Literal("2021-07-02", datatype=XSD.date)
    assert graph.value(school, SDO.organizer) == URIRef(f"{BASE}agency/dmx")
    assert set(graph.objects(training, SDO.organizer)) == {
        URIRef(f"{BASE}agency/din-iambi"), URIRef(f"{BASE}agency/dsx-border-control")}
    assert graph.value(training, RDFS.label) == Literal("Təlim, 2021-06-02", lang="az")
    assert graph.value(training, SDO.endDate) is None
    assert set(graph.objects(training, SDO.about)) == {
        Literal("İnsan alverinə qarşı mübarizə", lang="az"), Literal("Miqrant qaçaqçılığı və ona qarşı mübarizə", lang="az")}
    assert graph.value(URIRef(f"{entry_iri}/event/2"), ATKG.participantCount) == Literal(14, datatype=XSD.integer)
    assert graph.value(URIRef(f"{entry_iri}/event/1"), ATKG.partner) == URIRef(f"{BASE}partner/iom")
    assert graph.value(training, ATKG.implementsMeasure) == measure
    assert graph.value(training, ATKG.reportedIn) == entry_iri
    quote = graph.value(training, PROV.wasDerivedFrom)
    assert str(graph.value(quote, ATKG.quotedText)).startswith("Dövlət Miqrasiya Xidmətinin təşkilatçılığı ilə")
    assert graph.value(quote, ATKG.lineStart) == Literal(145, datatype=XSD.positiveInteger)


def test_events_graph_of_the_baku_meeting(registry):
    parsed = report("000_")
    entry = next(e for e in parsed.entries if e.code == "4.8.3")
    entry_iri = iris.entry_iri(iris.report_iri("dmx", 2020, base=BASE), "4.8.3")
    graph = events_graph(find_events(entry, report_year=2020, registry=registry), base=BASE, entry_iri=entry_iri,
                         measure_iri=iris.plan_part_iri("measure", "4.8.3", base=BASE), stem=parsed.stem,
                         registry=registry)
    meeting = URIRef(f"{entry_iri}/event/2")
    assert graph.value(meeting, SDO.startDate) == Literal("2020-11-12", datatype=XSD.date)
    place = graph.value(meeting, SDO.location)
    assert (place, RDF.type, SDO.Place) in graph
    assert graph.value(place, SDO.name) == Literal("Bakı şəhərində", lang="az")
    assert graph.value(place, SDO.addressLocality) == Literal("Bakı", lang="az")
    assert graph.value(meeting, SDO.eventAttendanceMode) == SDO.OnlineEventAttendanceMode
    audience = graph.value(meeting, SDO.audience)
    assert graph.value(audience, SDO.audienceType) == Literal("işəgötürənlər", lang="az")
    assert graph.value(URIRef(f"{entry_iri}/event/1"), SDO.startDate) == Literal("2020", datatype=XSD.gYear)


def test_event_graphs_use_only_declared_terms(registry):
    from rdflib import Graph

    from atkg.graph.vocabulary import check_vocabulary

    ontology = Graph().parse(data=resources.files("atkg.ontology").joinpath("atkg.ttl").read_text(encoding="utf-8"),
                             format="turtle")
    parsed = report("002_")
    graphs = []
    for entry in parsed.entries:
        entry_iri = iris.entry_iri(iris.report_iri("dmx", 2021, base=BASE), entry.code)
        graphs.append(events_graph(find_events(entry, report_year=2021, registry=registry), base=BASE,
                                   entry_iri=entry_iri, measure_iri=iris.plan_part_iri("measure", entry.code, base=BASE),
                                   stem=parsed.stem, registry=registry))
    assert sum(len(set(g.subjects(RDF.type, ATKG.Event))) for g in graphs) == 26
    check_vocabulary(ontology, graphs)


def test_every_event_of_the_2021_report(registry):
    found = [(e.code, f.kind) for e in report("002_").entries
             for f in find_events(e, report_year=2021, registry=registry)]
    assert found == [
        ("4.3.3", "session"), ("4.3.3", "session"), ("4.3.3", "training"), ("4.5.8", "campaign"), ("4.6.3", "session"),
        ("4.6.3", "training"), ("4.6.6", "signing"), ("4.6.6", "signing"), ("4.7.1", "meeting"),
        ("4.7.1", "project"), ("4.7.1", "training"), ("4.7.1", "training"), ("4.7.1", "training"),
        ("4.7.1", "training"), ("4.7.2", "training"), ("4.7.4", "training"), ("4.7.7", "project"),
        ("4.7.7", "training"), ("4.7.7", "project"), ("4.7.7", "training"), ("4.8.1", "training"),
        ("4.8.1", "awareness-event"), ("4.8.3", "session"), ("4.8.3", "meeting"), ("4.8.3", "meeting"),
        ("4.8.3", "awareness-event"),
    ]


def test_2021_signings_with_icmpd_and_ukraine(registry):
    icmpd, ukraine = events("002_", "4.6.6", registry)
    assert (spans(icmpd), icmpd.partners) == ([(date(2021, 3, 17), date(2021, 3, 17), "day")], ("icmpd",))
    assert icmpd.title.endswith("MSİBM-in Azərbaycan Respublikasında statusuna dair Saziş")
    # "21 may 2021-ci il tarixli 321-VIQ nömrəli Qanunu" dates the law that ratified it, not the signing.
    assert len(icmpd.dates) == 1
    assert (spans(ukraine), ukraine.partners) == (
        [(date(2021, 12, 16), date(2021, 12, 16), "day")], ("dmx", "ukraine-migration-service"))


def test_guam_session_and_the_iom_training_of_2021(registry):
    guam, training = events("002_", "4.6.3", registry)
    assert (guam.kind, spans(guam), guam.organisers, guam.online, guam.participants) == (
        "session", [(date(2021, 3, 2), date(2021, 3, 2), "day")], ("guam-thb-subgroup",), True, "Xidmət əməkdaşlarının")
    assert (spans(training), training.partners, training.topics, training.participants) == (
        [(date(2021, 11, 4), date(2021, 11, 4), "day")], ("iom", "us-embassy"), ("İnsan alverinə qarşı mübarizə",),
        "Xidmət əməkdaşı")


def found_in(text, registry, *, year=2022):
    """(kind, [(start, end)]) of the events of one paragraph."""
    entry = Entry("4.6.3", "", 1, 1, (Paragraph(text, 3, 3),), ())
    return [(f.kind, [(v.start.isoformat(), v.end.isoformat()) for v in f.dates])
            for f in find_events(entry, report_year=year, registry=registry)]


@pytest.mark.parametrize("text", [
    "27 iyul-3 avqust 2022-ci il tarixlərində Özbəkistana, 5-12 noyabr 2022-ci il tarixlərində isə ABŞ-a edilmiş "
    "təlim səfərlərində Xidmət əməkdaşının iştirakı təmin edilmişdir.",
    "Xidmət əməkdaşları 27 iyul-3 avqust 2022-ci il tarixlərində Özbəkistana və 5-12 noyabr 2022-ci il tarixlərində "
    "ABŞ-a təcrübə səfərlərinə cəlb olunmuşlar.",
])
def test_two_study_visits_in_one_sentence_are_two_visits_with_their_own_dates(registry, text):
    assert found_in(text, registry) == [("visit", [("2022-07-27", "2022-08-03")]),
                                        ("visit", [("2022-11-05", "2022-11-12")])]


@pytest.mark.parametrize("text", [
    "18-20 may 2022-ci il tarixlərində Şimali Makedoniyada COLEP təşəbbüsünün ikinci görüşü və Cənub-Şərqi Avropa "
    "və İpək yolu işçi qruplarının birgə keçirilmiş görüşündə Xidmət əməkdaşının iştirakı təmin olunmuşdur.",
    "Xidmət əməkdaşı 18-20 may 2022-ci il tarixlərində təşəbbüsün ikinci görüşündə və işçi qrupların birgə "
    "görüşündə iştirak etmişdir.",
])
def test_two_meetings_joined_by_and_are_two_meetings_on_the_same_dates(registry, text):
    assert found_in(text, registry) == [("meeting", [("2022-05-18", "2022-05-20")])] * 2


def test_a_plural_session_after_a_list_of_ordinals_is_one_session_each_and_a_conference_owning_them_is_none(registry):
    text = ("23-27 may 2022-ci il tarixlərdə Vyana şəhərində virtual formada keçirilmiş Konvensiyaya tərəf "
            "dövlətlərin Konfransının Beynəlxalq Əməkdaşlıq üzrə İşçi qrupunun 13-cü və Texniki Əməkdaşlıq üzrə "
            "ekspertlərin İşçi qrupunun 13-cü sessiyalarında müzakirə olunacaq məsələlərə dair mövqe təqdim olunmuşdur.")
    assert found_in(text, registry) == [("session", [("2022-05-23", "2022-05-27")])] * 2


@pytest.mark.parametrize("text", [
    "15 mart 2022-ci il tarixdə Bakı şəhərində keçirilmiş tədbir zamanı qanunsuz miqrasiya kanalı aşkar edilmişdir.",
    "Qanunsuz miqrasiyaya qarşı keçirilmiş tədbirlər zamanı saxlanılmış əcnəbilər barədə 16.11.2022-ci il tarixdə "
    "məktub ünvanlanmışdır.",
    "Cari il ərzində Azərbaycan Respublikası tərəfindən imzalanmış readmissiya sazişləri çərçivəsində 362 şəxsin "
    "readmissiyası həyata keçirilmişdir.",
])
def test_operations_and_agreements_signed_earlier_are_not_meetings_or_signings(registry, text):
    assert found_in(text, registry) == []


def test_an_opening_quote_mark_written_as_the_closing_one_still_closes_the_title(registry):
    text = ("“Azərbaycanla Tərəfdaşlığa dəstək (MOBİLAZE-2)“ layihəsinin 3-cü Komponenti çərçivəsində 9 iyun "
            "2022-ci il tarixdə Təlim Mərkəzində keçirilən “Miqrantların hüquqları” təlimdə Xidmət əməkdaşı iştirak "
            "etmişdir.")
    assert found_in(text, registry) == [("project", []), ("training", [("2022-06-09", "2022-06-09")])]


def test_a_monitoring_of_a_centre_is_a_visit(registry):
    text = ("26 avqust 2022-ci il tarixdə İctimai Birliyinin rəhbərliyi tərəfindən saxlanılması mərkəzində "
            "monitorinq aparılması istiqamətində təşkilati tədbirlər görülmüşdür.")
    assert found_in(text, registry) == [("visit", [("2022-08-26", "2022-08-26")])]


@pytest.mark.parametrize("text, mode, city, country", [
    ("27-28 iyun 2022-ci il tarixlərdə Avstriya Respublikasının Vyana şəhərində hibrid formatda keçirilən 9-cu "
     "sessiyasında Xidmət əməkdaşları iştirak etmişdir.", "hybrid", "Vyana", "at"),
    ("Xidmət əməkdaşları 23-27 may 2022-ci il tarixlərdə Vyana şəhərində virtual formada keçirilmiş "
     "iclasda iştirak etmişdir.", "online", "Vyana", "at"),
    ("18-20 may 2022-ci il tarixlərində Şimali Makedoniyada keçirilmiş görüşdə Xidmət əməkdaşı iştirak etmişdir.",
     None, None, "mk"),
    ("31 may 2022-ci il tarixdə Xidmətin inzibati binasında işəgötürənlərlə görüş keçirilmişdir.", "in-person",
     None, None),
    ("Xidmət 2022-ci ildə Azərbaycanda fəaliyyət göstərən şirkətlərin iştirakı ilə keçirilmiş iclasda iştirak "
     "etmişdir.", None, None, None),
])
def test_an_events_mode_city_and_country_as_the_sentence_says_them(registry, text, mode, city, country):
    entry = Entry("4.6.3", "", 1, 1, (Paragraph(text, 3, 3),), ())
    (finding,) = find_events(entry, report_year=2022, registry=registry)
    assert (finding.mode, finding.city, finding.country) == (mode, city, country)


def test_study_visits_split_by_date_go_to_the_country_named_after_each_date(registry):
    text = ("27 iyul-3 avqust 2022-ci il tarixlərində Özbəkistana, 5-12 noyabr 2022-ci il tarixlərində isə ABŞ-a "
            "edilmiş təlim səfərlərində Xidmət əməkdaşının iştirakı təmin edilmişdir.")
    entry = Entry("4.6.3", "", 1, 1, (Paragraph(text, 3, 3),), ())
    found = find_events(entry, report_year=2022, registry=registry)
    assert [(f.kind, f.country, f.mode) for f in found] == [("visit", "uz", "in-person"), ("visit", "us", "in-person")]
    graph = events_graph(found, base=BASE, entry_iri=f"{BASE}report/dmx-2022/entry/4.6.3",
                         measure_iri=f"{BASE}plan/nap-2020-2024/measure/4.6.3", stem="x", registry=registry)
    place = graph.value(URIRef(f"{BASE}report/dmx-2022/entry/4.6.3/event/1"), SDO.location)
    assert graph.value(place, SDO.containedInPlace) == URIRef(f"{BASE}country/uz")
    assert graph.value(URIRef(f"{BASE}report/dmx-2022/entry/4.6.3/event/2"),
                       SDO.eventAttendanceMode) == SDO.OfflineEventAttendanceMode
