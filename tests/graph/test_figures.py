"""Figures of the reports and of the older programme, the indicator code list and the Data Cube."""

from datetime import date
from importlib.resources import files

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, TIME, XSD

from atkg.graph import iris
from atkg.graph.extract.figures import RULES, Period, figures_in_source, find_figures, load_curated, sentence_period
from atkg.graph.extract.figures_rdf import DATASET, QB, SourceContext, figures_graph
from atkg.graph.provenance import hard_breaks_joined
from atkg.ontology import ATKG

BASE = "https://w3id.org/atkg/"
REPORT_2020, REPORT_2021, PROGRAMME = "000_8824f00754a92447", "002_e692b092547fc0c1", "003_b3a56393352a5cda"
YEARS = {REPORT_2020: 2020, REPORT_2021: 2021, PROGRAMME: 2015}
INDICATOR = "https://w3id.org/atkg/code/indicator/"


def source_text(stem):
    return (files("atkg.graph") / "sources" / f"{stem}.txt").read_text(encoding="utf-8")


def joined(stem):
    """The source with hard line breaks (a single newline) joined by a space."""
    return hard_breaks_joined(source_text(stem))


def figures(stem):
    found = figures_in_source(source_text(stem), stem=stem, default_year=YEARS[stem])
    assert found
    return found


def table(stem):
    return {(o.indicator, o.period.start.isoformat(), o.period.end.isoformat()): o.value for o in figures(stem)}


def year(value):
    return f"{value}-01-01", f"{value}-12-31"


def test_2020_readmissions_until_march_and_reintegration():
    found = {o.indicator: o for o in figures(REPORT_2020)}
    until_march = Period(date(2020, 1, 1), date(2020, 3, 31), "month", "Cari ilin mart ayınadək")
    assert (found["readmitted-citizens"].value, found["readmitted-citizens"].period) == (102, until_march)
    assert (found["reintegration-assisted"].value, found["reintegration-assisted"].period) == (79, until_march)
    assert found["readmitted-citizens"].measure == "4.4.9"
    assert found["readmitted-citizens"].unit_az == "vətəndaşdan"


def test_2021_readmissions_reintegration_and_training():
    assert table(REPORT_2021) == {
        ("readmitted-citizens", *year(2021)): 389, ("reintegration-assisted", *year(2021)): 35,
        ("staff-trained", *year(2021)): 348, ("trainings-held", *year(2021)): 16,
        ("unpaid-wage-cases", *year(2021)): 3, ("unpaid-wage-workers", *year(2021)): 6}
    assert {o.measure for o in figures(REPORT_2021) if o.indicator == "staff-trained"} == {"4.3.3"}


def test_the_enforcement_figures_of_the_older_programme_year_by_year():
    values = table(PROGRAMME)
    series = {
        "stay-rule-violators": (20754, 33783, 37608, 26567), "stay-legalised": (3409, 3465, 3306, 2039),
        "ordered-to-leave": (15540, 28184, 27683, 19340), "expelled": (1706, 1968, 6431, 4990)}
    for indicator, by_year in series.items():
        assert [values[(indicator, *year(y))] for y in range(2012, 2016)] == list(by_year), indicator
    assert [values.get(("replacement-cards-decided", *year(y))) for y in range(2012, 2016)] == [99, 166, None, 198]
    assert values[("penalised-for-lost-documents", *year(2014))] == 188
    assert len(values) == 4 * 4 + 3 + 1 + 3  # and the three work-permit duties below
    assert {o.measure for o in figures(PROGRAMME) if o.unit_en != "AZN"} == {"3.5.2.6"}


def test_the_older_programmes_work_permit_duties_are_figures_in_manat_with_what_they_are_for():
    duties = [o for o in figures(PROGRAMME) if o.unit_en == "AZN"]
    paid_for = ("əcnəbilərə və vətəndaşlığı olmayan şəxslərə iş icazəsinin verilməsinə və müddətinin uzadılmasına "
                "görə ödəniləcək dövlət rüsumunun məbləği")
    assert [(o.value, o.unit_az, o.label_az, o.measure, o.proposed) for o in duties] == [
        (350, "manat", f"{paid_for}, 3 ayadək müddətə", "2.1.4.2", True),
        (600, "manat", f"{paid_for}, 6 ayadək müddətə", "2.1.4.2", True),
        (1000, "manat", f"{paid_for}, 1 ilədək müddətə", "2.1.4.2", True)]
    assert {(o.period.start.isoformat(), o.period.end.isoformat()) for o in duties} == {year(2014)}
    assert all(o.quote.startswith("Bunlarla yanaşı, “Dövlət rüsumu haqqında”") and
               o.quote.endswith("1 ilədək müddətə 1000 manat müəyyənləşdirilib.") for o in duties)


def test_a_sentence_without_its_own_year_takes_the_default_year():
    assert sentence_period("Hesabat dövrü ərzində 348 işçi", default_year=2021) == Period(
        date(2021, 1, 1), date(2021, 12, 31), "year")
    assert sentence_period("2021-ci ildə 3 halda", default_year=2015).start == date(2021, 1, 1)


def test_curated_figures_are_zeros_said_in_words():
    curated = load_curated()
    assert [(o.indicator, o.value, o.period.start.year) for o in curated] == [
        ("victims-among-readmitted", 0, 2020), ("victims-among-readmitted", 0, 2021),
        ("possible-victims-confirmed", 0, 2020)]
    assert all(o.curated for o in curated)


def test_every_quote_extracted_or_curated_occurs_verbatim_in_its_source():
    observations = [o for stem in YEARS for o in figures(stem)] + load_curated()
    for observation in observations:
        source = joined(observation.stem)
        assert observation.quote in source, observation
        lines = source_text(observation.stem).split("\n")[observation.line_start - 1:observation.line_end]
        assert observation.quote.split()[0] in " ".join(lines)


@pytest.fixture(scope="module")
def indicators():
    return Graph().parse(files("atkg.ontology") / "indicators.ttl", format="turtle")


def test_every_indicator_used_is_a_concept_with_labels_and_definitions_in_both_languages(indicators):
    used = {rule[0] for rule in RULES} | {o.indicator for o in load_curated()}
    concepts = set(indicators.subjects(SKOS.inScheme, URIRef("https://w3id.org/atkg/code/indicator")))
    assert {str(c).removeprefix(INDICATOR) for c in concepts} == used
    for concept in concepts:
        for predicate in (SKOS.prefLabel, SKOS.definition):
            assert sorted(o.language for o in indicators.objects(concept, predicate)) == ["az", "en"]


def test_the_structure_has_four_dimensions_a_measure_and_an_attribute(indicators):
    structure = URIRef("https://w3id.org/atkg/dataset/figures-structure")
    assert (DATASET, QB.structure, structure) in indicators
    parts = {(role, next(indicators.objects(spec, role)))
             for spec in indicators.objects(structure, QB.component)
             for role in (QB.dimension, QB.measure, QB.attribute) if (spec, role, None) in indicators}
    assert parts == {(QB.dimension, ATKG.indicator), (QB.dimension, ATKG.refPeriod), (QB.dimension, ATKG.refAgency),
                     (QB.dimension, ATKG.refMeasure), (QB.measure, ATKG.observedValue), (QB.attribute, ATKG.unit)}


@pytest.fixture(scope="module")
def cube():
    context = SourceContext(agency=URIRef(f"{BASE}agency/dmx"), report=iris.report_iri("dmx", 2020, base=BASE),
                            measure_iri=lambda code: iris.plan_part_iri("measure", code, base=BASE))
    observations = figures(REPORT_2020) + figures(REPORT_2021) + load_curated()
    return figures_graph(observations, base=BASE, contexts={REPORT_2020: context})


def test_an_observation_carries_every_component_and_its_quote(cube):
    node = URIRef(f"{BASE}figure/{REPORT_2020}/readmitted-citizens/2020-01-2020-03")
    assert {RDF.type: set(cube.objects(node, RDF.type))}[RDF.type] == {ATKG.StatisticalObservation, QB.Observation}
    assert (node, QB.dataSet, DATASET) in cube
    assert (node, ATKG.indicator, URIRef(f"{INDICATOR}readmitted-citizens")) in cube
    assert (node, ATKG.observedValue, Literal(102, datatype=XSD.integer)) in cube
    assert set(cube.objects(node, ATKG.unit)) == {Literal("vətəndaşdan", lang="az"), Literal("citizens", lang="en")}
    assert (node, ATKG.refAgency, URIRef(f"{BASE}agency/dmx")) in cube
    assert (node, ATKG.refMeasure, URIRef(f"{BASE}plan/nap-2020-2024/measure/4.4.9")) in cube
    assert (node, ATKG.reportedIn, URIRef(f"{BASE}report/dmx-2020/entry/4.4.9")) in cube
    quote = next(cube.objects(node, PROV.wasDerivedFrom))
    assert str(next(cube.objects(quote, ATKG.quotedText))).startswith("Cari ilin mart ayınadək")


def test_until_march_is_an_interval_of_months_with_the_sources_words(cube):
    node = URIRef(f"{BASE}figure/{REPORT_2020}/reintegration-assisted/2020-01-2020-03")
    period = next(cube.objects(node, ATKG.refPeriod))
    assert period == URIRef(f"{BASE}period/2020-01-2020-03")
    assert (period, RDF.type, TIME.ProperInterval) in cube
    beginning, end = next(cube.objects(period, TIME.hasBeginning)), next(cube.objects(period, TIME.hasEnd))
    assert (beginning, TIME.inXSDDate, Literal(date(2020, 1, 1), datatype=XSD.date)) in cube
    assert (end, TIME.inXSDDate, Literal(date(2020, 3, 31), datatype=XSD.date)) in cube
    assert Literal("Mənbədə: “Cari ilin mart ayınadək”", lang="az") in set(cube.objects(period, SKOS.note))


def test_a_yearly_figure_refers_to_the_year(cube):
    node = URIRef(f"{BASE}figure/{REPORT_2021}/staff-trained/2021")
    assert (node, ATKG.refPeriod, iris.year_iri(2021, base=BASE)) in cube
    assert (node, ATKG.observedValue, Literal(348, datatype=XSD.integer)) in cube
    assert (iris.year_iri(2021, base=BASE), RDF.type, TIME.ProperInterval) in cube


def test_the_cube_is_the_same_whatever_the_order_of_observations():
    observations = figures(REPORT_2021)
    forward = figures_graph(observations, base=BASE).serialize(format="nt")
    backward = figures_graph(observations[::-1], base=BASE).serialize(format="nt")
    assert sorted(forward.splitlines()) == sorted(backward.splitlines())


def read(text, *, year=2022):
    """(indicator, value, proposed) of every figure of one paragraph."""
    found = find_figures(text, default_year=year, stem="x", line_start=1, line_end=1, measure="4.4.9")
    return [(o.indicator, o.value, o.proposed) for o in found]


@pytest.mark.parametrize("text", [
    "Cari il ərzində readmissiya sazişləri çərçivəsində ölkəyə ümumilikdə 362 şəxsin readmissiyası həyata keçirilmişdir.",
    "Hesabat dövründə 362 vətəndaşın readmissiyası təmin edilmişdir.",
    "2022-ci ildə ölkəyə 362 nəfərin readmissiyası həyata keçirilib.",
    "Xarici dövlətlərdən readmissiya edilmiş 362 vətəndaşdan heç biri qurban olmamışdır.",
])
def test_readmissions_in_any_wording_are_readmitted_citizens(text):
    assert read(text) == [("readmitted-citizens", 362, False)]


@pytest.mark.parametrize("text", [
    "Təlimlərə Xidmətin ümumilikdə 139 əməkdaşı cəlb edilmişdir.",
    "Xidmətin 139 əməkdaşı təlimlərə cəlb olunmuşdur.",
    "Təlimlərdə miqrasiya orqanlarının 139 işçisi iştirak etmişdir.",
])
def test_staff_drawn_into_trainings_in_any_wording_are_staff_trained(text):
    assert read(text) == [("staff-trained", 139, False)]


def test_a_count_no_rule_knows_gets_an_indicator_made_from_its_words_marked_for_review():
    text = ("Reinteqrasiya İşçi Qrupu çərçivəsində 10 şəxsin müalicəsi ilə bağlı TƏBİB-ə 6 məktub göndərilmişdir.")
    found = find_figures(text, default_year=2022, stem="x", line_start=1, line_end=1)
    assert [(o.value, o.proposed, o.label_az, o.indicator, o.unit_en) for o in found] == [
        (10, True, "şəxsin müalicəsi ilə bağlı TƏBİB-ə", "proposed-sexsin-mualicesi-ile-bagli-tebib-e", None),
        (6, True, "müalicəsi ilə bağlı TƏBİB-ə məktub", "proposed-mualicesi-ile-bagli-tebib-e-mektub", None)]


@pytest.mark.parametrize("text", [
    "Xidmət tərəfindən 40-dan çox beynəlxalq müqavilə layihəsi üzrə iş aparılır.",
    "Xidmətin 7 regional miqrasiya idarəsi vasitəsilə müraciətlər qəbul edilmişdir.",
    "4 sərhəd buraxılış məntəqələrində miqrasiya şöbəsi fəaliyyət göstərir.",
    "Onlar 20 il müddətinə azadlıqdan məhrum olunmuşdur.",
    "6 ay davam edən layihə başa çatmışdır.",
    "Sosioloqlar tərəfindən 50 miqrant arasında sorğu keçirilmişdir.",
    "14 iyun tarixdə Xidmətin 50 nəfərdən çox əməkdaşı üçün təlimlər keçirilmişdir.",
    "Çağrı Mərkəzi 3 dildə fəaliyyət göstərir.",
    "11 tövsiyənin icrası ilə bağlı tədbirlərin görülməsi nəzərdə tutulmuşdur.",
    "Saxlanılmış [3 şəxs: Pakistan İslam Respublikası vətəndaşları] aldadılmışdır.",
    "Hər 2 halda insan alverinin qurbanı olması ehtimalı öz təsdiqini tapmamışdır.",
    "Xidmətin və digər qurumların əməkdaşları üçün (ümumilikdə 14 nəfər) təlim təşkil olunmuşdur.",
])
def test_counts_that_are_not_figures_of_the_year(text):
    assert read(text) == []


def test_two_figures_of_one_indicator_and_period_in_a_source_get_their_measures_in_their_iris():
    texts = {"4.3.3": "Hesabat dövrü ərzində 128 işçi 3 halda təlimlərə cəlb olunmuşdur.",
             "4.7.2": "Təlimlərə Xidmətin ümumilikdə 139 əməkdaşı cəlb edilmişdir."}
    observations = [o for measure, text in texts.items() for o in find_figures(
        text, default_year=2022, stem="x", line_start=1, line_end=1, measure=measure)]
    graph = figures_graph(observations, base=BASE)
    for measure, value in (("4.3.3", 128), ("4.7.2", 139)):
        node = URIRef(f"{BASE}figure/x/staff-trained/2022/{measure}")
        assert (node, ATKG.observedValue, Literal(value, datatype=XSD.integer)) in graph
    assert (URIRef(f"{BASE}figure/x/trainings-held/2022"), ATKG.observedValue, Literal(3, datatype=XSD.integer)) in graph


def test_a_proposed_indicator_is_a_concept_of_the_code_list_marked_for_review_with_its_quote():
    observations = find_figures("Elm və Təhsil Nazirliyinə 4 məktub göndərilmişdir.", default_year=2022, stem="x",
                                line_start=1, line_end=1, measure="4.4.9")
    graph = figures_graph(observations, base=BASE)
    concept = URIRef(f"{INDICATOR}proposed-elm-ve-tehsil-nazirliyine-mektub")
    assert (concept, RDF.type, ATKG.ProposedIndicator) in graph
    assert (concept, SKOS.prefLabel, Literal("Elm və Təhsil Nazirliyinə məktub", lang="az")) in graph
    assert (concept, SKOS.inScheme, URIRef("https://w3id.org/atkg/code/indicator")) in graph
    assert {note.language for note in graph.objects(concept, SKOS.editorialNote)} == {"az", "en"}
    quote = next(graph.objects(concept, PROV.wasDerivedFrom))
    assert str(next(graph.objects(quote, ATKG.quotedText))) == "Elm və Təhsil Nazirliyinə 4 məktub göndərilmişdir."
    figure = URIRef(f"{BASE}figure/x/proposed-elm-ve-tehsil-nazirliyine-mektub/2022")
    assert set(graph.objects(figure, ATKG.unit)) == {Literal("məktub", lang="az")}
