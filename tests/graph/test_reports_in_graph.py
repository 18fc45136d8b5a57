"""The reports in the built graph: entries, statuses, figures, acts, events, provenance and labels."""

from atkg.graph.provenance import quotable_forms
from atkg.graph.sources import read_sources

R2020 = "https://w3id.org/atkg/report/dmx-2020"
R2021 = "https://w3id.org/atkg/report/dmx-2021"
R2022 = "https://w3id.org/atkg/report/dmx-2022"
PLAN = "https://w3id.org/atkg/plan/nap-2020-2024"
IND = "https://w3id.org/atkg/code/indicator/"


def test_each_yearly_report_has_agency_year_plan_and_source(select):
    rows = select("""SELECT DISTINCT ?r ?agency ?year ?plan ?source WHERE { ?r a atkg:Report ; atkg:reportingAgency ?agency ;
        atkg:reportYear ?year ; atkg:reportsOn ?plan ; atkg:sourceDocument ?source } ORDER BY ?r""")
    assert rows == [
        (R2020, "https://w3id.org/atkg/agency/dmx", "2020", PLAN, "https://w3id.org/atkg/source/000_8824f00754a92447"),
        (R2021, "https://w3id.org/atkg/agency/dmx", "2021", PLAN, "https://w3id.org/atkg/source/002_e692b092547fc0c1"),
        (R2022, "https://w3id.org/atkg/agency/dmx", "2022", PLAN, "https://w3id.org/atkg/source/001_434bf5f6e76f4b5d"),
    ]


def test_22_entries_per_yearly_report_23_in_2022_and_8_for_the_older_programme(select):
    rows = select("SELECT ?r (COUNT(DISTINCT ?e) AS ?n) WHERE { ?r atkg:hasEntry ?e } GROUP BY ?r ORDER BY ?r")
    assert rows == [(R2020, "22"), (R2021, "22"), (R2022, "23"),
                    ("https://w3id.org/atkg/report/programme-2011-2015", "8")]


def test_the_2022_report_without_a_title_has_its_entries_and_statuses(select):
    """Read from the report as extracted from its PDF (no title: agency and year from its metadata file).
    Checked by reading: 4.3.6, 4.4.8 and 4.7.3 report no cases that year, 4.8.4 an evaluation that goes on,
    4.1.9 (new in 2022) a letter sent; the other eighteen work done."""
    rows = select(f"""SELECT ?code ?status ?evidence WHERE {{ <{R2022}> atkg:hasEntry ?e . ?e atkg:aboutMeasure ?m ;
        atkg:implementationStatus ?status ; atkg:statusEvidence ?evidence . ?m skos:notation ?code }}""")
    statuses = {code: status.rsplit("/", 1)[1] for code, status, _ in rows}
    assert len(statuses) == 23 and list(statuses.values()).count("carried-out") == 19
    assert {code: status for code, status in statuses.items() if status != "carried-out"} == {
        "4.3.6": "no-cases", "4.4.8": "no-cases", "4.7.3": "no-cases", "4.8.4": "ongoing"}
    evidence = {code: text for code, _, text in rows}
    assert (evidence["4.1.9"], evidence["4.8.4"]) == ("təqdim olunmuşdur", "qiymətləndirilməsi aparılır")


def test_measure_484_is_known_only_from_report_headings_and_stated_once(select):
    rows = select(f"""SELECT DISTINCT ?note WHERE {{ <{PLAN}/measure/4.8.4> skos:note ?note }}""")
    assert rows == [("Known only from report headings; the plan text lacks this measure",)]
    graphs = select(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{PLAN}/measure/4.8.4> a atkg:Measure }} }} ORDER BY ?g""")
    assert graphs == [("https://w3id.org/atkg/graph/source/000_8824f00754a92447",),
                      ("https://w3id.org/atkg/graph/source/001_434bf5f6e76f4b5d",),
                      ("https://w3id.org/atkg/graph/source/002_e692b092547fc0c1",)]
    titles = select(f"""SELECT DISTINCT ?t WHERE {{ <{PLAN}/measure/4.8.4> dcterms:title ?t FILTER(LANG(?t) = "az") }}""")
    assert titles == [("İnsan alveri ilə bağlı keçirilən bütün maarifləndirmə tədbirlərinin və təlimlərin nəticələrinin "
                       "təşkilatçılar və iştirakçılar tərəfindən qiymətləndirilməsi təcrübəsinin tətbiq edilməsi",)]


def test_status_with_its_evidence_and_covid_flag(select):
    rows = select(f"""SELECT ?status ?evidence WHERE {{ <{R2020}/entry/4.8.1> atkg:implementationStatus ?status ;
        atkg:statusEvidence ?evidence }}""")
    assert rows == [("https://w3id.org/atkg/code/implementation-status/reported-elsewhere",
                     "Bununla bağlı məlumatlar 4.2.1-ci yarımbənddə qeyd olunmuşdur")]
    covid = select(f"""SELECT ?flag WHERE {{ <{R2020}/entry/4.2.1> atkg:covidAffected ?flag }}""")
    assert covid == [("true",)]
    planned = select(f"""SELECT ?status WHERE {{ <{R2020}/entry/4.2.10> atkg:implementationStatus ?status }}""")
    assert planned == [("https://w3id.org/atkg/code/implementation-status/planned",)]


def test_cross_references_link_entries(select):
    rows = select(f"""SELECT ?target WHERE {{ <{R2020}/entry/4.7.1> atkg:crossReference ?target }}""")
    assert rows == [(f"{R2020}/entry/4.7.2",)]


def _figure(select, indicator, period):
    return select(f"""SELECT DISTINCT ?value WHERE {{ ?o atkg:indicator <{IND}{indicator}> ; atkg:observedValue ?value ;
        atkg:refPeriod <https://w3id.org/atkg/period/{period}> }}""")


def test_readmission_training_and_enforcement_figures(select):
    assert _figure(select, "readmitted-citizens", "2020-01-2020-03") == [("102",)]
    assert _figure(select, "reintegration-assisted", "2020-01-2020-03") == [("79",)]
    assert _figure(select, "readmitted-citizens", "2021") == [("389",)]
    assert _figure(select, "reintegration-assisted", "2021") == [("35",)]
    assert _figure(select, "staff-trained", "2021") == [("348",)]
    assert _figure(select, "trainings-held", "2021") == [("16",)]
    series = [_figure(select, "stay-rule-violators", year)[0][0] for year in (2012, 2013, 2014, 2015)]
    assert series == ["20754", "33783", "37608", "26567"]


def test_figures_carry_unit_agency_measure_and_quote(select):
    rows = select(f"""SELECT DISTINCT ?unit ?agency ?measure ?quote WHERE {{ ?o atkg:indicator <{IND}readmitted-citizens> ;
        atkg:refPeriod <https://w3id.org/atkg/period/2021> ; atkg:unit ?unit ; atkg:refAgency ?agency ;
        atkg:refMeasure ?measure ; prov:wasDerivedFrom/atkg:quotedText ?quote FILTER(LANG(?unit) = "en") }}""")
    assert len(rows) == 1
    unit, agency, measure, quote = rows[0]
    assert (agency, measure) == ("https://w3id.org/atkg/agency/dmx", f"{PLAN}/measure/4.4.9")
    assert "389" in quote and unit


def test_cabinet_decisions_377_and_378_amend_131_and_252(select):
    rows = select("""SELECT DISTINCT ?n ?m ?d WHERE { ?a eli:number ?n ; eli:date_document "2021-12-01"^^xsd:date ;
        eli:amends ?old . ?old eli:number ?m ; eli:date_document ?d } ORDER BY ?n ?m""")
    assert rows == [("377", "131", "2009-09-03"), ("378", "252", "2013-09-10")]


def test_icmpd_agreement_approved_by_law_321_viq(select):
    rows = select("""SELECT DISTINCT ?signed WHERE { ?law eli:number "321-VIQ" ; eli:date_document "2021-05-21"^^xsd:date ;
        atkg:approves ?agreement . ?agreement eli:date_document ?signed }""")
    assert rows == [("2021-03-17",)]


def test_events_per_report(select):
    rows = select("""SELECT ?r (COUNT(DISTINCT ?ev) AS ?n) WHERE { ?ev a atkg:Event ; atkg:reportedIn ?e .
        ?r atkg:hasEntry ?e } GROUP BY ?r ORDER BY ?r""")
    # 2020, 2021 and 2022: the events of tests/graph/gold/events.yaml; the older
    # programme's report: the events tests/graph/test_programme.py reads.
    assert rows == [(R2020, "11"), (R2021, "26"), (R2022, "34"), ("https://w3id.org/atkg/report/programme-2011-2015", "40")]
    signing = select("""SELECT DISTINCT ?date WHERE { ?ev atkg:eventType <https://w3id.org/atkg/code/event-type/signing> ;
        schema:startDate ?date ; atkg:reportedIn <https://w3id.org/atkg/report/dmx-2020/entry/4.6.6> }""")
    assert signing == [("2020-03-11",)]


def test_every_quote_occurs_in_its_source(select):
    texts = {source.stem: quotable_forms(source.text, stem=source.stem) for source in read_sources()}
    rows = select("""SELECT DISTINCT ?quote ?source WHERE { ?q a atkg:SourceQuote ; atkg:quotedText ?quote ;
        atkg:sourceDocument ?source }""")
    assert len(rows) > 300
    missing = [(quote, source) for quote, source in rows
               if not any(quote in text for text in texts[source.rsplit("/", 1)[1]])]
    assert missing == []


def test_entries_events_figures_and_acts_are_derived_from_quotes(select):
    rows = select("""SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { VALUES ?class { atkg:ReportEntry atkg:Event
        atkg:StatisticalObservation atkg:LegalAct atkg:Measure } ?x a ?class
        FILTER NOT EXISTS { ?x prov:wasDerivedFrom ?q . ?q a atkg:SourceQuote } } GROUP BY ?class""")
    assert rows == []


def test_english_labels_for_statuses_event_kinds_partners_and_agencies(select):
    rows = select("""SELECT DISTINCT ?x WHERE { { ?e atkg:implementationStatus ?x } UNION { ?e atkg:eventType ?x }
        UNION { ?e atkg:mentions ?x FILTER NOT EXISTS { ?x a schema:QuantitativeValue } }
        UNION { ?m atkg:responsibleBody ?x }
        FILTER NOT EXISTS { ?x skos:prefLabel ?l FILTER(LANG(?l) = "en") } }""")
    assert rows == []


def test_numbers_in_entries_are_kept_with_the_noun_they_count(select):
    rows = select(f"""SELECT DISTINCT ?value ?noun WHERE {{ <{R2020}/entry/4.4.9> atkg:mentions ?c .
        ?c a schema:QuantitativeValue ; schema:value ?value ; schema:unitText ?noun }} ORDER BY ?value""")
    assert rows == [("79", "nəfərinin"), ("102", "vətəndaşdan")]
    readmitted = select(f"""SELECT DISTINCT ?noun WHERE {{ <{R2021}/entry/4.4.9> atkg:mentions ?c .
        ?c schema:value 389 ; schema:unitText ?noun }}""")
    assert len(readmitted) == 1
