"""Saved queries (queries/*.rq): headers, parameters, terms, and what their examples answer on the real graph."""

import re

import pyoxigraph as ox
import pytest
import yaml
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery

from atkg.ontology import ontology_graph
from atkg.queries import QUERY_DIR, ParameterError, QueryFileError, bind, load_queries, queries_graph, run, select
from atkg.queries.model import QUESTIONS, Parameter, SavedQuery, expand, prefixes, query_variables, split_header
from tests.support.saved_answers import answer_rows

QUERY_NAMES = sorted(path.stem for path in QUERY_DIR.glob("*.rq"))
HEADER_KEYS = {"summary", "description", "tags", "endpoint_in_url", "parameters", "columns", "example", "terms",
               "summary_az", "description_az", "columns_az", "question"}
AZERBAIJANI_LETTERS = set("əışçğöüƏŞÇĞÖÜİ")  # letters English lacks: a text that has none is not Azerbaijani
ATKG = "https://w3id.org/atkg/ontology#"
AGENCY = "https://w3id.org/atkg/agency/"
CODE = "https://w3id.org/atkg/code/"
MEASURE = "https://w3id.org/atkg/plan/nap-2020-2024/measure/"
SCHEMA = Namespace("https://schema.org/")
XSD = "http://www.w3.org/2001/XMLSchema#"
# No saved query takes free text since search moved to /api/search; string values are still bound the BASIL way.
WITH_A_TERM = SavedQuery(
    name="with-a-term", summary="", description="", tags=(), columns={}, example={}, terms=(),
    parameters=(Parameter(name="term", type="string", required=True, description="Words to look for"),),
    text="SELECT ?thing WHERE { ?thing <http://www.w3.org/2000/01/rdf-schema#label> ?_term_string }")


@pytest.fixture(scope="module")
def queries():
    """Every saved query, by name."""
    return load_queries()


@pytest.fixture(scope="module")
def answer(store, queries):
    """Run a saved query with values; rows as dicts of plain Python values (None where unbound)."""

    def ask(name, **values):
        solutions = run(queries[name], {key: str(value) for key, value in values.items()}, store=store)
        names = [variable.value for variable in solutions.variables]
        return [{column: _plain(row[column]) for column in names} for row in solutions]

    return ask


def _plain(term):
    """A term's value: int for integers, str otherwise."""
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    if datatype is not None and datatype.value.endswith(("#integer", "#nonNegativeInteger", "#positiveInteger")):
        return int(term.value)
    return term.value


@pytest.fixture(scope="module")
def declared_terms():
    """Local names of every term the ontology and its code lists declare in the atkg namespace."""
    return {str(s)[len(ATKG):] for s in ontology_graph().subjects() if str(s).startswith(ATKG)}


def test_the_folder_holds_at_least_25_saved_queries():
    assert len(QUERY_NAMES) >= 25


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_header_is_grlc_yaml_with_the_project_keys(name):
    header_text, _ = split_header((QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"))
    header = yaml.safe_load(header_text)
    assert set(header) == HEADER_KEYS
    assert header["summary"] and header["description"] and header["tags"]
    assert header["endpoint_in_url"] is False
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), "file names are kebab-case API names"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_text_of_the_header_is_also_in_azerbaijani(queries, name):
    query = queries[name]
    english, azerbaijani = query.texts_in("en"), query.texts_in("az")
    assert set(query.columns_az) == set(query.columns) and query.columns
    texts = [(english.summary, azerbaijani.summary), (english.description, azerbaijani.description)]
    texts += [(english.parameters[p.name], p.description_az) for p in query.parameters]
    texts += [(english.columns[column], query.columns_az[column]) for column in query.columns]
    for english_text, azerbaijani_text in texts:
        assert azerbaijani_text.strip() and azerbaijani_text != english_text, (name, english_text)
        assert AZERBAIJANI_LETTERS & set(azerbaijani_text), (name, azerbaijani_text)
    assert azerbaijani.parameters == {p.name: p.description_az for p in query.parameters}
    assert azerbaijani.columns == query.columns_az


def test_texts_in_gives_the_readers_language(queries):
    query = queries["report-coverage"]
    az, en = query.texts_in("az"), query.texts_in("en")
    assert az.summary == "Orqanın illik hesabatı onun hansı tədbirlərini əhatə edib, hansılarını yox"
    assert en.summary == "Which of an agency's measures its report for a year covered, and which not"
    assert az.parameters == {"agency": "Hesabat verən orqan, məs. https://w3id.org/atkg/agency/dmx "
                                       "(Dövlət Miqrasiya Xidməti)",
                             "year": "Hesabat ili, məs. 2021"}
    assert en.parameters["year"] == "The year the report covers, e.g. 2021"
    assert az.columns["status_az"] == "icra vəziyyəti Azərbaycan dilində"
    assert en.columns["status_az"] == "implementation status in Azerbaijani"
    assert query.texts_in("fr") == en


def test_a_header_without_azerbaijani_texts_falls_back_to_english(tmp_path):
    (tmp_path / "plain.rq").write_text(
        "#+ summary: Everything\n#+ description: All triples\n#+ parameters:\n#+   year:\n#+     type: integer\n"
        "#+     description: The year\n#+ columns:\n#+   s: the subject\n"
        "SELECT ?s WHERE { ?s ?p ?__year_integer }\n", encoding="utf-8")
    texts = load_queries(tmp_path)["plain"].texts_in("az")
    assert (texts.summary, texts.description, texts.parameters, texts.columns) == (
        "Everything", "All triples", {"year": "The year"}, {"s": "the subject"})


def test_columns_az_naming_a_column_the_query_lacks_is_refused(tmp_path):
    (tmp_path / "odd.rq").write_text("#+ columns:\n#+   s: the subject\n#+ columns_az:\n#+   s: subyekt\n"
                                     "#+   o: obyekt\n#+   p: predikat\nSELECT ?s WHERE { ?s ?p ?o }\n",
                                     encoding="utf-8")
    with pytest.raises(QueryFileError) as error:
        load_queries(tmp_path)
    assert str(error.value) == "odd.rq: columns_az names columns that columns does not list: o, p"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_parses_as_sparql(queries, name):
    prepareQuery(queries[name].text)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_declared_parameters_are_exactly_the_basil_variables(queries, name):
    query = queries[name]
    declared = {p.name: (p.type, p.required) for p in query.parameters}
    assert declared == query_variables(query.text)
    assert set(query.example) >= {p.name for p in query.parameters if p.required}
    assert set(query.example) <= set(declared)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_atkg_term_used_is_declared_and_listed(queries, declared_terms, name):
    query = queries[name]
    used = set(re.findall(r"\batkg:([A-Za-z]+)", query.text))
    used |= {iri[len(ATKG):] for p in query.parameters for iri in p.value_classes if iri.startswith(ATKG)}
    assert used <= declared_terms
    assert used == {term[len("atkg:"):] for term in query.terms if term.startswith("atkg:")}
    classes = {iri for p in query.parameters for iri in p.value_classes}
    for term in query.terms:
        in_text = re.search(re.escape(term) + r"(?![\w-])", query.text)
        assert in_text or expand(term, prefixes(query.text)) in classes, f"{term} is listed but not used"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_example_returns_rows_with_the_declared_columns(store, queries, name):
    query = queries[name]
    solutions = run(query, query.example, store=store)
    assert [variable.value for variable in solutions.variables] == list(query.columns)
    assert len(list(solutions)) >= 1


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_grlc_splicing_the_example_into_the_file_gives_the_same_answer(store, queries, name):
    # grlc serves the folder by replacing each ?_name_type in the text with the value; with trusted
    # example values that must agree with the values bound in VALUES blocks.
    query = queries[name]
    spliced = _splice_like_grlc(query)
    prepareQuery(spliced)
    assert answer_rows(select(store, spliced), query) == answer_rows(run(query, query.example, store=store), query)


def _splice_like_grlc(query):
    """The query text with the example values written in, as grlc's rewrite_query does."""
    text = query.text
    for parameter in query.parameters:
        value = query.example.get(parameter.name)
        if value is not None:
            literal = {"iri": f"<{value}>", "integer": f'"{value}"^^xsd:integer',
                       "date": f'"{value}"^^xsd:date', "string": f'"{value}"'}[parameter.type]
            text = text.replace(f"?{parameter.variable}", literal)
    if "^^xsd:" in text and "PREFIX xsd:" not in text:
        text = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n" + text
    return text


def _answer_set(solutions, query):
    """The answer's rows over the declared columns, as a set of tuples of strings."""
    return {tuple(str(row[column]) for column in query.columns) for row in solutions}


@pytest.mark.parametrize("name", [n for n in QUERY_NAMES if "?__" in (QUERY_DIR / f"{n}.rq").read_text()])
def test_optional_parameters_left_out_widen_the_answer(store, queries, name):
    query = queries[name]
    required = {p.name: query.example[p.name] for p in query.parameters if p.required}
    narrow = _answer_set(run(query, query.example, store=store), query)
    wide = _answer_set(run(query, required, store=store), query)
    # referrals: only 2020 has figures; recycled-reporting: only the 2021 report has one before it (its own
    # tests leave each parameter out in turn).
    assert narrow < wide or (name in ("referrals", "recycled-reporting") and narrow == wide)


def test_optional_parameters_are_never_tested_with_bound(queries):
    # A value given is written in as a term (atkg.queries.inline), and BOUND takes only a variable:
    # `!BOUND(?__year_integer) || ...` would not even parse once a year is given.
    offenders = [name for name, query in queries.items() if re.search(r"BOUND\s*\(\s*\?_", query.text)]
    assert offenders == []


def test_measures_by_agency_gives_the_state_migration_services_19_plan_measures(answer):
    rows = answer("measures-by-agency", agency=AGENCY + "dmx")
    plan_rows = [row for row in rows if row["plan"].endswith("/plan/nap-2020-2024")]
    assert len(plan_rows) == 19
    assert {row["role"] for row in plan_rows} == {"responsible"}
    assert {"4.2.1", "4.4.9", "4.6.3", "4.8.3"} <= {row["notation"] for row in plan_rows}


def test_agency_workload_counts_the_state_migration_services_measures(answer):
    rows = answer("agency-workload")
    dmx = next(row for row in rows if row["agency"] == AGENCY + "dmx" and row["plan"].endswith("nap-2020-2024"))
    assert (dmx["responsible"], dmx["alone"], dmx["jointly"]) == (19, 0, 19)
    assert dmx["label_en"] == "State Migration Service"


def test_report_coverage_lists_the_19_measures_of_2021_all_covered(answer):
    rows = answer("report-coverage", agency=AGENCY + "dmx", year=2021)
    assert len(rows) == 19
    assert all(row["covered"] == "true" for row in rows)
    notations = [row["notation"] for row in rows]
    assert notations == sorted(notations, key=lambda notation: [int(part) for part in notation.split(".")])
    by_measure = {row["notation"]: row for row in rows}
    assert by_measure["4.4.9"]["status_en"] == "Carried out"
    assert by_measure["4.2.9"]["status_en"] == "No cases"


def test_overdue_measures_as_of_2022_are_the_plan_measures_that_ended_in_2021_without_completion(answer):
    # 4.1.9 is not among them: the 2022 report says the agency's opinion on the drafts was sent
    # ("... təqdim olunmuşdur").
    rows = answer("overdue-measures", year=2022)
    plan = {row["notation"] for row in rows if row["measure"].startswith(MEASURE)}
    assert plan == {"4.1.2", "4.1.4", "4.1.5", "4.1.7", "4.2.11", "4.5.1", "4.5.9", "4.6.1"}
    assert all(row["endYear"] < 2022 for row in rows)


def test_measure_history_of_4_4_9_has_the_three_yearly_reports(answer):
    # 2022: "362 şəxsin readmissiyası", and six counts of persons and letters on their housing or work,
    # treatment and education ("20 şəxsin ...", "9 məktub", ...), each with a proposed indicator.
    rows = answer("measure-history", measure=MEASURE + "4.4.9")
    assert [(row["year"], row["status_en"], row["figures"]) for row in rows] == [
        ("2020", "Carried out", 3), ("2021", "Carried out", 3), ("2022", "Carried out", 7)]


def test_partner_engagement_with_iom_names_only_iom(answer):
    rows = answer("partner-engagement", partner="https://w3id.org/atkg/partner/iom")
    assert {row["partner_en"] for row in rows} == {"International Organization for Migration"}
    # The yearly reports only: the older programme's report (003), with no year of its own, is left out.
    assert {row["year"] for row in rows} == {2020, 2021, 2022}


def test_partner_engagement_in_2020_includes_the_turkmenistan_signing(answer):
    rows = answer("partner-engagement", year=2020)
    assert {row["year"] for row in rows} == {2020}
    assert ("Government of Turkmenistan", "2020-03-11", "Signing") in {(r["partner_en"], r["date"], r["kind_en"]) for r in rows}


def test_events_timeline_gives_the_2021_trainings(answer):
    rows = answer("events-timeline", **{"from": "2021-01-01", "to": "2021-12-31"},
                  kind=CODE + "event-type/training")
    assert len(rows) == 10
    assert {row["kind_en"] for row in rows} == {"Training"}
    assert all(row["start"].startswith("2021") for row in rows)
    assert [row["start"] for row in rows] == sorted(row["start"] for row in rows)
    assert "2021-11-04" in {row["start"] for row in rows}


def test_events_timeline_counts_an_event_dated_by_year_as_lasting_the_year(answer):
    rows = answer("events-timeline", **{"from": "2021-06-01", "to": "2021-06-30"})
    assert "10 ilə vətəndaşsızlığa son" in {row["label_az"] for row in rows}
    assert "2021-11-04" not in {row["start"] for row in rows}


def test_legal_acts_lists_cabinet_decisions_377_and_378_of_2021_12_01(answer):
    rows = answer("legal-acts", kind=CODE + "legal-act-type/cabinet-decision")
    assert {row["kind_en"] for row in rows} == {"Cabinet decision"}
    assert {("377", "2021-12-01"), ("378", "2021-12-01")} <= {(row["number"], row["date"]) for row in rows}


def test_amendment_chain_shows_377_amending_131_and_378_amending_252(answer):
    pairs = {(row["number"], row["amendedNumber"]) for row in answer("amendment-chain")}
    assert {("377", "131"), ("378", "252")} <= pairs


def test_agreements_signed_with_turkmenistan_icmpd_and_ukraines_migration_service(answer):
    signed = {(row["parties_en"], row["date"]) for row in answer("agreements-signed")}
    assert {("Government of Turkmenistan", "2020-03-11"),
            ("International Centre for Migration Policy Development", "2021-03-17"),
            ("State Migration Service of Ukraine", "2021-12-16")} <= signed


def test_training_figures_give_348_staff_in_16_trainings_in_2021_and_128_in_3_in_2022(answer):
    # 2022, 4.3.3: "miqrasiya orqanlarında çalışan 128 işçi 3 halda ... təlimlərə cəlb olunmuşdur"; 4.7.2:
    # "Təlimlərə Xidmətin ümumilikdə 139 əməkdaşı cəlb edilmişdir".
    rows = answer("training-figures")
    assert {(r["year"], r["indicator_en"], r["value"]) for r in rows} == {
        (2021, "Staff trained", 348), (2021, "Trainings held", 16), (2022, "Staff trained", 128),
        (2022, "Trainings held", 3), (2022, "Staff trained", 139)}


def test_readmission_figures_give_362_for_2022_389_for_2021_and_102_until_march_2020(answer):
    rows = answer("readmission-figures")
    readmitted = {row["period"]: row["value"] for row in rows if row["indicator"].endswith("/readmitted-citizens")}
    # 2022: "ölkəyə ümumilikdə 362 şəxsin readmissiyası həyata keçirilmişdir".
    assert readmitted == {"2022": 362, "2021": 389, "2020-01/2020-03": 102}
    assert all(row["quote"] for row in rows)


def test_referrals_of_2020_are_figures_without_names(answer):
    rows = answer("referrals", year=2020)
    assert {(row["kind"], row["what_en"], row["count"]) for row in rows} == {
        ("figure", "Foreigners reported as possible victims", 2),
        ("figure", "Possible victims confirmed", 0),
        ("figure", "Foreigners suspected of organising illegal migration, reported", 1)}
    assert answer("referrals", year=2021) == []


def test_covid_impact_names_the_entries_the_pandemic_affected(answer):
    affected = {(row["year"], row["measure"]) for row in answer("covid-impact")}
    assert affected == {("2020", "4.2.1"), ("2020", "4.2.9"), ("2020", "4.7.1"), ("2020", "4.7.2"),
                        ("2021", "4.2.10"), ("2022", "4.2.10")}


def test_cross_references_point_to_4_7_2_and_4_2_1(answer):
    links = {(row["year"], row["measure"], row["targetMeasure"]) for row in answer("cross-references")}
    assert links == {("2020", "4.7.1", "4.7.2"), ("2020", "4.7.4", "4.7.2"), ("2020", "4.7.7", "4.7.2"),
                     ("2020", "4.8.1", "4.2.1"), ("2021", "4.7.4", "4.7.2"), ("2022", "4.7.4", "4.7.2")}


def test_countries_mentioned_in_2021_include_afghanistan_under_4_3_5(answer):
    rows = answer("countries-mentioned", year=2021)
    assert {row["year"] for row in rows} == {2021}
    afghanistan = next(row for row in rows if row["country_en"] == "Afghanistan")
    assert afghanistan["measures"] == "4.3.5"


def test_enforcement_figures_give_the_stay_rule_violators_of_2012_to_2015(answer):
    rows = answer("enforcement-figures-2012-2015")
    violators = {row["year"]: row["value"] for row in rows if row["indicator"].endswith("/stay-rule-violators")}
    assert violators == {2012: 20754, 2013: 33783, 2014: 37608, 2015: 26567}


def test_status_by_section_of_2021_counts_all_22_entries(answer):
    rows = answer("status-by-section", year=2021)
    assert sum(row["entries"] for row in rows) == 22
    ongoing = next(row for row in rows if row["section"] == "4.8" and row["status_en"] == "Ongoing")
    assert ongoing["measures"] == "4.8.4"


def test_co_responsibility_pairs_the_interior_ministry_and_the_migration_service_on_4_2_1(answer):
    pair = next(row for row in answer("co-responsibility")
                if (row["agency"], row["partner"]) == (AGENCY + "din", AGENCY + "dmx"))
    assert "4.2.1" in pair["measures"].split()


def test_agencies_give_abbreviations_and_wikidata_twins(answer):
    rows = {row["body"]: row for row in answer("agencies")}
    assert rows[AGENCY + "dmx"]["abbreviation"] == "DMX"
    assert rows["https://w3id.org/atkg/partner/iom"]["sameAs"] == "http://www.wikidata.org/entity/Q472311"


def test_plan_goals_are_the_7_goals_and_6_principles(answer):
    rows = answer("plan-goals", plan="https://w3id.org/atkg/plan/nap-2020-2024")
    assert sorted(row["notation"] for row in rows if row["kind"] == "goal") == [f"2.1.{n}" for n in range(1, 8)]
    assert sorted(row["notation"] for row in rows if row["kind"] == "principle") == [f"2.3.{n}" for n in range(1, 7)]


def test_heading_only_measures_is_4_8_4(answer):
    assert {row["notation"] for row in answer("heading-only-measures")} == {"4.8.4"}


def test_measure_sources_of_4_6_6_quote_the_plan_line_and_the_reports(answer):
    rows = answer("measure-sources", measure=MEASURE + "4.6.6")
    # The documents are cited by their titles (the hashed file names mean nothing to a reader).
    plan = ("National Action Plan on combating trafficking in human beings in the Republic of Azerbaijan for "
            "2020-2024", "Azərbaycan Respublikasında insan alverinə qarşı mübarizəyə dair 2020-2024-cü illər üçün "
            "Milli Fəaliyyət Planı")
    assert (plan, 154) in {((row["source_en"], row["source_az"]), row["lineStart"]) for row in rows}
    assert {(row["source_en"], row["source_az"]) for row in rows} == {plan} | {
        (f"DMX {year} report", f"Dövlət Miqrasiya Xidməti: {year}-ci il üzrə hesabat") for year in (2020, 2021, 2022)}
    assert all("4.6.6" in row["about"] for row in rows)


def test_report_entries_of_2021_are_22_with_the_cross_reference_of_4_7_4(answer):
    rows = {row["measure"]: row for row in answer("report-entries", report="https://w3id.org/atkg/report/dmx-2021")}
    assert len(rows) == 22
    assert rows["4.7.4"]["crossReferences"] == "https://w3id.org/atkg/report/dmx-2021/entry/4.7.2"


def test_recycled_reporting_ranks_the_word_for_word_entries_of_2021_first_and_the_new_ones_last(answer):
    rows = answer("recycled-reporting", agency=AGENCY + "dmx", year=2021)
    assert len(rows) == 22
    assert [(row["measure"], row["repeatedShare"], row["newSentences"]) for row in rows[:4]] == [
        ("4.4.8", "1", 0), ("4.7.3", "1", 0), ("4.8.4", "1", 0), ("4.5.8", "0.99", 0)]
    assert [(row["measure"], row["repeatedShare"], row["sentences"], row["newSentences"]) for row in rows[-3:]] == [
        ("4.2.10", "0", 6, 6), ("4.3.3", "0", 4, 4), ("4.8.1", "0", 4, 4)]
    assert {(row["agency_en"], row["year"]) for row in rows} == {("State Migration Service", 2021)}
    assert rows[0]["previous"] == "https://w3id.org/atkg/report/dmx-2020/entry/4.4.8"


def test_recycled_reporting_has_nothing_for_2020_which_has_no_report_before_it_nor_for_another_agency(answer):
    assert answer("recycled-reporting", year=2020) == []
    assert answer("recycled-reporting", agency=AGENCY + "din") == []
    in_2021 = answer("recycled-reporting", year=2021)
    assert len(in_2021) == 22
    assert [row for row in in_2021 if row not in answer("recycled-reporting")] == []


def test_new_since_last_year_of_4_3_5_is_the_wage_paid_to_six_workers_in_2021(answer):
    (row,) = [row for row in answer("new-since-last-year", measure=MEASURE + "4.3.5") if row["year"] == 2021]
    assert (row["year"], row["agency_en"], row["number"], row["repeatedShare"]) == (
        2021, "State Migration Service", 3, "0")
    assert row["text"].startswith("2021-ci ildə 3 halda 6 nəfər Əfqanıstan İslam Respublikası vətəndaşının")
    assert (row["source_en"], row["source_az"], row["line"]) == (
        "DMX 2021 report", "Dövlət Miqrasiya Xidməti: 2021-ci il üzrə hesabat", 59)


def test_new_since_last_year_of_a_measure_repeated_word_for_word_is_empty(answer):
    def in_2021(code):
        return [row for row in answer("new-since-last-year", measure=MEASURE + code) if row["year"] == 2021]

    assert in_2021("4.7.3") == []
    assert len(in_2021("4.8.3")) == 7


def test_bind_types_each_value_as_its_parameter_declares(queries):
    bound = bind(queries["report-coverage"], {"agency": AGENCY + "dmx", "year": "2021"})
    assert bound == {ox.Variable("_agency_iri"): ox.NamedNode(AGENCY + "dmx"),
                     ox.Variable("_year_integer"): ox.Literal("2021", datatype=ox.NamedNode(XSD + "integer"))}
    dates = bind(queries["events-timeline"], {"from": "2021-01-01", "to": "2021-12-31"})
    assert dates[ox.Variable("_from_date")] == ox.Literal("2021-01-01", datatype=ox.NamedNode(XSD + "date"))
    assert bind(WITH_A_TERM, {"term": "Miqrasiya Xidmətinin"}) == {
        ox.Variable("_term_string"): ox.Literal("Miqrasiya Xidmətinin")}


def test_optional_parameters_left_out_stay_unbound(queries):
    assert bind(queries["partner-engagement"], {}) == {}


@pytest.mark.parametrize(("name", "values", "message"), [
    ("with-a-term", {"term": 'x" } ; DROP ALL ; #'},
     "'term' accepts 1 to 200 letters, digits, spaces and - . , ' ( ) / only; got 'x\" } ; DROP ALL ; #'"),
    ("measures-by-agency", {"agency": "<http://a> } UNION { ?s ?p ?o"},
     "'agency' must be an http(s) IRI without spaces, quotes or brackets, e.g. https://w3id.org/atkg/agency/dmx;"
     " got '<http://a> } UNION { ?s ?p ?o'"),
    ("overdue-measures", {"year": "2021 } UNION { ?s ?p ?o"},
     "'year' must be a whole number such as 2022; got '2021 } UNION { ?s ?p ?o'"),
    ("events-timeline", {"from": "2021-01-01\" } #", "to": "2021-12-31"},
     "'from' must be a date written YYYY-MM-DD such as 2021-01-01; got '2021-01-01\" } #'"),
])
def test_injection_attempts_are_refused_with_a_clear_message(queries, name, values, message):
    with pytest.raises(ParameterError) as error:
        bind({**queries, "with-a-term": WITH_A_TERM}[name], values)
    assert str(error.value) == message


@pytest.mark.parametrize(("name", "values", "message"), [
    ("measures-by-agency", {}, "measures-by-agency needs a value for 'agency': The executing body, "
                               "e.g. https://w3id.org/atkg/agency/dmx (State Migration Service)"),
    ("measures-by-agency", {"agency": AGENCY + "dmx", "year": "2021"},
     "measures-by-agency has no parameter 'year'; it takes: agency"),
    ("measures-by-agency", {"agency": "ftp://example.org/dmx"},
     "'agency' must be an http(s) IRI without spaces, quotes or brackets, e.g. https://w3id.org/atkg/agency/dmx;"
     " got 'ftp://example.org/dmx'"),
    ("events-timeline", {"from": "2021-02-30", "to": "2021-12-31"},
     "'from' must be a date written YYYY-MM-DD such as 2021-01-01; got '2021-02-30'"),
    ("measures-by-agency", {"agency": AGENCY + "no-such-body"},
     "'agency': the graph has no ExecutingBody https://w3id.org/atkg/agency/no-such-body"),
    ("partner-engagement", {"partner": "https://w3id.org/atkg/report/dmx-2021"},
     "'partner': the graph has no ExecutingBody or Country https://w3id.org/atkg/report/dmx-2021"),
])
def test_bad_values_are_refused_with_a_clear_message(store, queries, name, values, message):
    with pytest.raises(ParameterError) as error:
        bind(queries[name], values, store=store)
    assert str(error.value) == message


def test_run_refuses_a_bad_value_before_querying(store, queries):
    with pytest.raises(ParameterError):
        run(WITH_A_TERM, {"term": "} ; DROP ALL"}, store=store)


def test_queries_graph_publishes_every_query_as_a_shacl_select_executable(queries):
    graph = queries_graph(base="https://example.org/kg/")
    executables = set(graph.subjects(RDF.type, SH.SPARQLSelectExecutable))
    assert executables == {URIRef(f"https://example.org/kg/query/{name}") for name in QUERY_NAMES}
    node = URIRef("https://example.org/kg/query/report-coverage")
    assert graph.value(node, SH.select) == Literal(queries["report-coverage"].text)
    assert graph.value(node, DCTERMS.identifier) == Literal("report-coverage")
    query = queries["report-coverage"]
    assert set(graph.objects(node, RDFS.label)) == {Literal(query.summary, lang="en"), Literal(query.summary_az, lang="az")}
    assert set(graph.objects(node, RDFS.comment)) == {Literal(query.description, lang="en"),
                                                      Literal(query.description_az, lang="az")}
    assert {str(tag) for tag in graph.objects(node, SCHEMA.keywords)} == {"reports", "coverage", "measures"}


def test_published_queries_run_as_published(store):
    graph = queries_graph(base="https://w3id.org/atkg/")
    text = graph.value(URIRef("https://w3id.org/atkg/query/readmission-figures"), SH.select)
    assert 389 in {int(row["value"].value) for row in select(store, str(text))}


def test_a_header_that_is_not_yaml_is_refused(tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("#+ summary: [unclosed\nSELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryFileError, match=r"^broken\.rq: the #\+ header is not valid YAML: "):
        load_queries(tmp_path)


def test_every_saved_query_says_which_question_it_answers(queries):
    by_question = {}
    for query in queries.values():
        by_question.setdefault(query.question, []).append(query.name)
    assert set(by_question) == set(QUESTIONS)  # every query has one, and every question has queries
    assert sorted(by_question["legal-acts"]) == ["agreements-signed", "amendment-chain", "legal-acts"]


def test_a_question_the_gallery_does_not_know_is_refused(tmp_path):
    (tmp_path / "odd.rq").write_text("#+ question: weather\nSELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryFileError) as error:
        load_queries(tmp_path)
    assert str(error.value) == ("odd.rq: question must be one of plan, reports, events-and-partners, legal-acts, "
                                "figures, quality; got 'weather'")


def test_a_parameter_of_an_unknown_type_is_refused(tmp_path):
    path = tmp_path / "odd.rq"
    path.write_text("#+ parameters:\n#+   when:\n#+     type: datetime\nSELECT ?s WHERE { ?s ?p ?_when_datetime }\n",
                    encoding="utf-8")
    with pytest.raises(QueryFileError) as error:
        load_queries(tmp_path)
    assert str(error.value) == "odd.rq: parameter 'when' has type 'datetime', not one of iri, integer, string, date"


PERSON_REFERENCES = """
@prefix atkg: <https://w3id.org/atkg/ontology#> .
@prefix ex: <https://example.org/kg/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:report atkg:reportYear "2022"^^xsd:gYear .
ex:entry a atkg:ReportEntry ; atkg:inReport ex:report ; atkg:aboutMeasure ex:measure ;
  atkg:entryText "Özbəkistan vətəndaşı Filankəs Filankəsov polisə göndərilmişdir."@az .
ex:measure skos:notation "4.3.5" .
ex:uz skos:prefLabel "Uzbekistan"@en .
ex:person a atkg:PrivatePersonReference ; rdfs:label "Filankəs Filankəsov"@az ;
  atkg:personRole "ehtimal olunan qurban"@az , "possible victim"@en ; atkg:nationality ex:uz ;
  atkg:personCount "3"^^xsd:nonNegativeInteger ; skos:note "small count: re-identification risk"@en ;
  prov:wasDerivedFrom ex:entry .
"""


def test_referrals_give_role_nationality_and_count_of_person_references_never_a_name(queries):
    store = ox.Store()
    store.load(PERSON_REFERENCES.encode("utf-8"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://example.org/g"))
    solutions = run(queries["referrals"], {}, store=store)
    rows = [{column.value: row[column.value] for column in solutions.variables} for row in solutions]
    assert [{column: _plain(row[column]) for column in queries["referrals"].columns} for row in rows] == [{
        "year": 2022, "kind": "person reference", "what_en": "possible victim", "nationality_en": "Uzbekistan",
        "count": 3, "warning": "small count: re-identification risk", "entry": "https://example.org/kg/entry",
        "measure": "4.3.5"}]
    assert not any("Filankəs" in str(term) for row in rows for term in row.values())
