"""The general rules of event extraction, each on made-up sentences in several wordings and word orders that
must give the same events, and on sentences that must give none: where an event was (city and country),
how it was attended, undated events the sentence says were held, and clauses about plans."""

import pytest

from atkg.graph.agencies import load_registry
from atkg.graph.extract.events import find_events
from atkg.graph.reports.model import Entry, Paragraph


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def read(registry, *paragraphs):
    """(kind, first date, last date, city, country, mode) of the events of one entry's paragraphs."""
    entry = Entry("4.6.3", "", 1, 1, tuple(Paragraph(text, n, n) for n, text in enumerate(paragraphs, 1)), ())
    return [(f.kind, f.dates[0].start.isoformat() if f.dates else None,
             f.dates[-1].end.isoformat() if f.dates else None, f.city, f.country, f.mode)
            for f in find_events(entry, report_year=2023, registry=registry)]


@pytest.mark.parametrize("text", [
    "3 mart 2023-cü il tarixdə Gəncə şəhərində miqrantlar arasında görüş keçirilmişdir.",
    "Miqrantlarla görüş 3 mart 2023-cü il tarixdə Gəncədə keçirilmişdir.",
    "Xidmət əməkdaşları 03.03.2023-cü il tarixdə Gəncə şəhərində təşkil olunmuş görüşdə iştirak etmişdir.",
])
def test_a_city_the_curated_list_holds_gives_its_country(registry, text):
    assert read(registry, text) == [("meeting", "2023-03-03", "2023-03-03", "Gəncə", "az", None)]


@pytest.mark.parametrize("text, city, country", [
    ("10-11 aprel 2023-cü il tarixlərdə Tbilisidə keçirilmiş görüşdə Xidmət əməkdaşı iştirak etmişdir.",
     "Tbilisi", "ge"),
    ("Xidmət əməkdaşı 10-11 aprel 2023-cü il tarixlərdə Gürcüstanın Tbilisi şəhərində keçirilmiş görüşdə "
     "iştirak etmişdir.", "Tbilisi", "ge"),
    # A city no curated country holds keeps its name; its country stays unknown.
    ("10-11 aprel 2023-cü il tarixlərdə Varşava şəhərində keçirilmiş görüşdə Xidmət əməkdaşı iştirak etmişdir.",
     "Varşava", None),
])
def test_a_foreign_city_gives_its_country_and_an_unknown_one_none(registry, text, city, country):
    assert read(registry, text) == [("meeting", "2023-04-10", "2023-04-11", city, country, None)]


@pytest.mark.parametrize("text", [
    "Ekspertlərin 2023-cü ilin 5-9 iyun tarixlərində ölkəmizə səfəri zamanı suallar cavablandırılmışdır.",
    "5-9 iyun 2023-cü il tarixlərində ekspertlər respublikamıza səfər etmiş və onların səfəri təşkil olunmuşdur.",
])
def test_a_visit_to_our_country_is_a_visit_to_azerbaijan(registry, text):
    assert read(registry, text)[0] == ("visit", "2023-06-05", "2023-06-09", None, "az", "in-person")


@pytest.mark.parametrize("text", [
    # The city names those who work there, not where the event was; and "ölkəmizi təmsil edən" is no place.
    "5 may 2023-cü il tarixdə Bakıda fəaliyyət göstərən şirkətlərin nümayəndələri ilə görüş keçirilmişdir.",
    "5 may 2023-cü il tarixdə ölkəmizi təmsil edən nümayəndə heyəti ilə görüş keçirilmişdir.",
    # A city inside a quoted title names no place.
    "5 may 2023-cü il tarixdə “Bakıda miqrasiya” mövzusunda görüş keçirilmişdir.",
])
def test_a_city_or_our_country_that_is_not_where_the_event_was(registry, text):
    assert read(registry, text) == [("meeting", "2023-05-05", "2023-05-05", None, None, None)]


@pytest.mark.parametrize("before", [
    "Pandemiya ilə əlaqədar seminarların keçirilməsi onlayn formatda təşkil edilmişdir.",
    "Karantin dövründə təlimlərin keçirilməsi virtual formada davam etdirilmişdir.",
])
def test_events_told_after_a_sentence_on_how_their_kind_is_held_are_held_so(registry, before):
    after = "Bununla bağlı 3 mart və 5 aprel 2023-cü il tarixlərdə əməkdaşlar üçün təlimlər keçirilmişdir."
    assert read(registry, before + " " + after) == [("training", "2023-03-03", "2023-03-03", None, None, "online"),
                                                    ("training", "2023-04-05", "2023-04-05", None, None, "online")]


@pytest.mark.parametrize("paragraphs", [
    # Another kind of event, or the same kind in the next paragraph, keeps the mode it states (none).
    ("Görüşlərin keçirilməsi onlayn formatda davam etdirilmişdir. 3 mart 2023-cü il tarixdə təlim keçirilmişdir.",),
    ("Təlimlərin keçirilməsi onlayn formada davam etdirilmişdir.", "3 mart 2023-cü il tarixdə təlim keçirilmişdir."),
    # Told before the general sentence: not said to be of that series.
    ("3 mart 2023-cü il tarixdə təlim keçirilmişdir. Sonra təlimlərin keçirilməsi onlayn formada davam etdirilmişdir.",),
])
def test_a_series_mode_reaches_no_other_kind_paragraph_or_earlier_sentence(registry, paragraphs):
    assert read(registry, *paragraphs) == [("training", "2023-03-03", "2023-03-03", None, None, None)]


def test_an_event_stating_its_own_mode_keeps_it(registry):
    text = ("Təlimlərin keçirilməsi onlayn formada davam etdirilmişdir. 3 mart 2023-cü il tarixdə hibrid formatda "
            "təlim keçirilmişdir.")
    assert read(registry, text) == [("training", "2023-03-03", "2023-03-03", None, None, "hybrid")]


@pytest.mark.parametrize("text, kind", [
    ("Regional idarələr tərəfindən bölgələrdə həyata keçirilən maarifləndirici tədbirlər internetdə "
     "işıqlandırılmışdır.", "awareness-event"),
    ("Hesabat dövründə regional idarələr tərəfindən sahibkarlarla maarifləndirmə tədbirləri həyata keçirilərkən "
     "məcburi əmək barədə məlumat verilmişdir.", "awareness-event"),
    ("Hesabat dövründə məruzəyə hazırlıq iclasında Nazirliyin əməkdaşı iştirak etmişdir.", "session"),
    ("Nazirliyin əməkdaşı hesabat dövründə məruzəyə hazırlıq iclasında iştirak etmişdir.", "session"),
    ("Hesabat dövründə Xidmətin binasında təşkil olunmuş görüşdə QHT nümayəndələri iştirak etmişlər.", "meeting"),
])
def test_an_undated_event_the_sentence_says_was_held_or_attended_is_an_event(registry, text, kind):
    assert [(k, first) for k, first, *_ in read(registry, text)] == [(kind, None)]


@pytest.mark.parametrize("text", [
    # Work in general, a habit, what was told before, what is planned or did not happen, operations.
    "Əməkdaşlar mütəmadi olaraq insan alverinə qarşı mübarizəyə həsr olunmuş təlimlərə cəlb olunurlar.",
    "Təlimlərə Xidmətin ümumilikdə 139 əməkdaşı cəlb edilmişdir.",
    "Həmin görüşlərdə əməkçi miqrantların riskləri barədə söhbətlər aparılmışdır.",
    "Təlimlərin keçirilməsi davam etdirilmişdir.",
    "Gələcəkdə təlimlərin keçirilməsi planlaşdırılır.",
    "Hesabat dövründə geniş maarifləndirmə tədbirləri keçirilməmişdir.",
    "Xidmət tərəfindən keçirilən tədbirlər zamanı dilənçilik halları aşkar edilmişdir.",
    "Ölkəyə səfər edən əcnəbilərin sayı azalmışdır.",
    "Təlimə cəlb olunmuş həm təlimçi, həm də iştirakçı qiymətləndirilir.",
])
def test_sentences_that_tell_no_held_event(registry, text):
    assert read(registry, text) == []


@pytest.mark.parametrize("text", [
    "“Miqrasiya Evi” layihəsi çərçivəsində kurikuluma yeni modul daxil edilmişdir və həmin modul üzrə təlimlərin "
    "keçirilməsi nəzərdə tutulmuşdur.",
    "Həmin modul üzrə təlimlərin keçirilməsi nəzərdə tutulmuşdur, “Miqrasiya Evi” layihəsi çərçivəsində isə "
    "kurikuluma yeni modul daxil edilmişdir.",
])
def test_a_clause_about_plans_leaves_the_held_events_of_the_others(registry, text):
    assert read(registry, text) == [("project", None, None, None, None, None)]


def test_a_planned_event_in_its_own_clause_is_no_event(registry):
    text = ("3 mart 2023-cü il tarixdə təlim keçirilmişdir və növbəti təlimin 2024-cü ildə keçirilməsi nəzərdə "
            "tutulmuşdur.")
    assert read(registry, text) == [("training", "2023-03-03", "2023-03-03", None, None, None)]


def surveys(registry, text):
    """(kind, participants counted, organisers) of the events of one paragraph."""
    entry = Entry("4.8.1", "", 1, 1, (Paragraph(text, 7, 7),), ())
    return [(f.kind, f.participant_count, f.organisers) for f in find_events(entry, report_year=2023, registry=registry)]


@pytest.mark.parametrize("text", [
    "Hesabat dövründə “Təmiz Dünya” Qadınlara Yardım İctimai Birliyi tərəfindən 120 miqrant arasında sorğu "
    "keçirilmişdir.",
    "“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi tərəfindən hesabat dövründə 120 miqrant arasında sorğu "
    "aparılmışdır.",
    "120 miqrant arasında “Təmiz Dünya” Qadınlara Yardım İctimai Birliyi tərəfindən keçirilən sorğunun nəticələri "
    "təhlil edilmişdir.",
])
def test_a_survey_someone_ran_is_a_survey_with_its_organiser(registry, text):
    assert surveys(registry, text) == [("survey", 120, ("temiz-dunya",))]


def test_a_survey_run_within_a_project_is_organised_by_the_projects_organiser(registry):
    text = ("“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi tərəfindən “Miqrantlara dəstək” layihəsi çərçivəsində "
            "psixoloqlar tərəfindən 40 miqrant arasında sorğunun keçirilməsi istiqamətində tədbirlər görülmüşdür.")
    assert surveys(registry, text) == [("project", None, ("temiz-dunya",)), ("survey", 40, ("temiz-dunya",))]


@pytest.mark.parametrize("text", [
    # "sorğu" as a request, surveys in general, and a planned one.
    "Hesabat dövründə istismara məruz qalmış uşaqlarla bağlı sorğu daxil olmamışdır.",
    "3 may 2023-cü il tarixdə Nazirliyə sorğu göndərilmişdir.",
    "Daxil olmuş sorğuya 3 may 2023-cü il tarixdə cavab verilmişdir.",
    "Miqrantlar arasında sorğuların keçirilməsi davam etdirilmişdir.",
    "Gələcəkdə 50 miqrant arasında sorğunun keçirilməsi planlaşdırılır.",
])
def test_a_request_or_surveys_in_general_are_no_survey(registry, text):
    assert surveys(registry, text) == []


def test_a_survey_in_rdf_has_its_type_organiser_and_quote(registry):
    from rdflib import URIRef
    from rdflib.namespace import PROV, SDO

    from atkg.graph import iris
    from atkg.graph.extract.events_rdf import events_graph
    from atkg.ontology import ATKG

    base = "https://example.org/atkg/"
    text = "“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi tərəfindən 120 miqrant arasında sorğu aparılmışdır."
    entry = Entry("4.8.1", "", 1, 1, (Paragraph(text, 7, 7),), ())
    graph = events_graph(find_events(entry, report_year=2023, registry=registry), base=base,
                         entry_iri=f"{base}report/dmx-2023/entry/4.8.1", measure_iri=f"{base}plan/x/measure/4.8.1",
                         stem="x", registry=registry)
    event = URIRef(f"{base}report/dmx-2023/entry/4.8.1/event/1")
    assert graph.value(event, ATKG.eventType) == iris.concept("event-type", "survey")
    assert graph.value(event, SDO.organizer) == URIRef(f"{base}partner/temiz-dunya")
    assert str(graph.value(graph.value(event, PROV.wasDerivedFrom), ATKG.quotedText)) == text


def titled(registry, text):
    """(kind, first date, last date, country, title) of the events of one paragraph."""
    entry = Entry("2.1.4.2", "", 1, 1, (Paragraph(text, 9, 9),), ())
    return [(f.kind, f.dates[0].start.isoformat() if f.dates else None,
             f.dates[-1].end.isoformat() if f.dates else None, f.country, f.title)
            for f in find_events(entry, report_year=2023, registry=registry)]


@pytest.mark.parametrize("text", [
    "10 may 2023-cü il tarixdə Gəncə şəhərində “Layihənin rəhbər komitəsinin yekun yığıncağı”nda, həmçinin 5-6 "
    "iyun 2023-cü il tarixlərdə Türkiyədə “Miqrasiya” adlı seminarda Xidmət əməkdaşları iştirak etmişlər.",
    "Xidmət əməkdaşları 10 may 2023-cü il tarixdə Gəncədə “Layihənin rəhbər komitəsinin yekun yığıncağı”na, "
    "5-6 iyun 2023-cü il tarixlərdə isə Türkiyədə keçirilmiş “Miqrasiya” adlı seminara qatılmışlar.",
])
def test_a_gathering_named_in_quotes_is_a_meeting_not_the_training_after_it(registry, text):
    assert titled(registry, text) == [
        ("meeting", "2023-05-10", "2023-05-10", "az", "Layihənin rəhbər komitəsinin yekun yığıncağı"),
        ("training", "2023-06-05", "2023-06-06", "tr", "Miqrasiya")]


@pytest.mark.parametrize("text", [
    "“İllik görüş” adlı broşür 10 may 2023-cü il tarixdə hazırlanmışdır.",
    "10 may 2023-cü il tarixdə “Görüşlərin təşkili qaydaları”na dəyişiklik edilmişdir.",
])
def test_a_quoted_name_without_its_case_ending_outside_or_ending_in_no_event_noun_is_no_event(registry, text):
    assert titled(registry, text) == []


@pytest.mark.parametrize("text", [
    "8-11 sentyabr 2023-cü il tarixlərdə Niderland Krallığında, 21-26 sentyabr 2023-cü il tarixlərdə isə "
    "Macarıstanda təşkil edilmiş tanışlıq səfərində Xidmət əməkdaşları iştirak etmişdir.",
    "Xidmət əməkdaşı 8-11 sentyabr 2023-cü il tarixlərdə Amsterdama və 21-26 sentyabr 2023-cü il tarixlərdə "
    "Budapeştə təcrübə səfəri etmişdir.",
])
def test_one_trip_noun_with_two_dates_in_two_countries_is_two_trips(registry, text):
    assert [(k, first, last, country) for k, first, last, country, _ in titled(registry, text)] == [
        ("visit", "2023-09-08", "2023-09-11", "nl"), ("visit", "2023-09-21", "2023-09-26", "hu")]


def test_one_event_over_two_dates_in_one_place_stays_one(registry):
    text = "Xidmət əməkdaşı 8 və 10 sentyabr 2023-cü il tarixlərdə Vyanada keçirilmiş konfransda iştirak etmişdir."
    assert titled(registry, text) == [("conference", "2023-09-08", "2023-09-10", "at", None)]


@pytest.mark.parametrize("text", [
    "2023-cü il 26 yanvar tarixdə Nazirliyin nümayəndələri ilə, həmçinin 2023-cü il 16 aprel tarixdə “Sərhəd "
    "İdarəçiliyi” layihəsi çərçivəsində ekspertlərlə keçirilmiş görüşlərdə Xidmət əməkdaşları iştirak etmişdir.",
    "Xidmət əməkdaşları 26 yanvar və 16 aprel 2023-cü il tarixlərdə “Sərhəd İdarəçiliyi” adlı Tvinninq layihəsi "
    "çərçivəsində təşkil olunmuş görüşlərə qatılmışlar.",
])
def test_dates_before_a_project_that_frames_meetings_are_the_meetings(registry, text):
    assert titled(registry, text) == [("project", None, None, None, "Sərhəd İdarəçiliyi"),
                                      ("meeting", "2023-01-26", "2023-01-26", None, None),
                                      ("meeting", "2023-04-16", "2023-04-16", None, None)]


def test_a_projects_own_start_and_end_stay_the_projects(registry):
    text = ("Cari ilin yanvar ayından etibarən həyata keçirilən və 18 iyul 2023-cü il tarixdə icrası tamamlanan "
            "“Miqrasiya Məktəbi-5” layihəsi çərçivəsində 04.06.2023-cü il tarixdə təlimlər keçirilmişdir.")
    assert titled(registry, text) == [("project", "2023-01-01", "2023-07-18", None, "Miqrasiya Məktəbi-5"),
                                      ("training", "2023-06-04", "2023-06-04", None, None)]


@pytest.mark.parametrize("text, kinds", [
    ("Hesabat dövründə Xidmətdə bir sıra təlim və seminarlar keçirilmişdir.", ["training"]),
    ("Hesabat dövründə Xidmətin əməkdaşları seminar və təlimlərdə iştirak etmişlər.", ["training"]),
    ("3 mart 2023-cü il tarixdə Xidmətdə görüş və təlim keçirilmişdir.", ["meeting", "training"]),
])
def test_two_nouns_of_one_kind_joined_by_and_are_one_event_of_different_kinds_two(registry, text, kinds):
    assert [kind for kind, *_ in titled(registry, text)] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("Hesabat dövründə Praqada təşkil edilmiş yüksək vəzifəli şəxslərin görüşündə Xidmətin nümayəndələrinin "
     "iştirakı təmin edilmişdir.", ["meeting"]),
    ("Hesabat dövründə dəyirmi masalar və hüquqi maarifləndirici tədbirlər təşkil edilmişdir.",
     ["round-table", "awareness-event"]),
    ("Tvinninq layihəsi çərçivəsində 2023-cü il 7-11 aprel tarixlərində “Kampaniyanın planı” adlı tədbir "
     "keçirilmişdir.", ["meeting"]),
    ("Xidmət əməkdaşları Mərkəzdə təşkil olunmuş “İnsan alverinin qarşısının alınması” mövzusunda ixtisasartırma "
     "kursuna cəlb edilmişlər.", ["training"]),
])
def test_more_ways_to_say_an_event_was_held(registry, text, kinds):
    assert [kind for kind, *_ in titled(registry, text)] == kinds


@pytest.mark.parametrize("text", [
    "Hesabat dövründə tədbirlər görülmüş və onların icrası təmin edilmişdir.",
    "Valyuta məzənnə kursu barədə məlumat verilmişdir.",
    "Hesabat dövründə Xidmətin iştirakı təmin edilmişdir.",
])
def test_no_event_in_measures_exchange_rates_or_bare_participation(registry, text):
    assert titled(registry, text) == []


@pytest.mark.parametrize("text, country", [
    ("23-24 aprel 2023-cü il tarixlərdə Azərbaycanda uşaq əməyinin vəziyyətinə dair konfransda Xidmət əməkdaşları "
     "iştirak etmişdir.", None),
    ("23-24 aprel 2023-cü il tarixlərdə Gürcüstanda miqrasiya haqqında konfrans keçirilmişdir.", None),
    ("23-24 aprel 2023-cü il tarixlərdə Gürcüstanda keçirilmiş miqrasiya konfransında Xidmət əməkdaşları iştirak "
     "etmişdir.", "ge"),
])
def test_a_country_the_event_is_about_is_not_where_it_was(registry, text, country):
    assert titled(registry, text) == [("conference", "2023-04-23", "2023-04-24", country, None)]
