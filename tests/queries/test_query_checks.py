"""Quality checks (queries/checks/*-violation.rq): none fires on the real graph, each fires on its flaw.

Each check is tried on a small valid graph (no rows) and on that graph plus one flaw (at least one row).
"""

import pyoxigraph as ox
import pytest

from atkg.queries import CHECK_DIR, load_checks, select

CHECK_NAMES = sorted(path.stem for path in CHECK_DIR.glob("*-violation.rq"))

PREFIXES = """
@prefix atkg: <https://w3id.org/atkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ex: <https://example.org/kg/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

VALID = PREFIXES + """
ex:plan a atkg:ActionPlan ; atkg:hasMeasure ex:measure ; prov:wasDerivedFrom ex:quote .
ex:measure a atkg:Measure ; atkg:responsibleBody ex:dmx ; prov:wasDerivedFrom ex:quote .
ex:dmx a atkg:ExecutingBody ; rdfs:label "Dövlət Miqrasiya Xidməti"@az ; dcterms:source ex:curated ;
  atkg:abbreviation "DMX"@az ; skos:altLabel "DMX"@az ;
  atkg:inflectedForm "Dövlət Miqrasiya Xidmətinin"@az ; skos:hiddenLabel "Dövlət Miqrasiya Xidmətinin"@az .
ex:report a atkg:Report ; atkg:hasEntry ex:entry ; prov:wasDerivedFrom ex:quote .
ex:entry a atkg:ReportEntry ; atkg:aboutMeasure ex:measure ; atkg:inReport ex:report ;
  prov:wasDerivedFrom ex:quote .
ex:person a atkg:PrivatePersonReference ; rdfs:label "[1 nəfər, Özbəkistan vətəndaşı]"@az ;
  atkg:personCount "1"^^xsd:nonNegativeInteger ; prov:wasDerivedFrom ex:entry .
ex:quote a atkg:SourceQuote ; atkg:sourceDocument ex:document ; atkg:lineStart "3"^^xsd:positiveInteger ;
  atkg:quotedText "Dövlət Miqrasiya Xidmətinin rəisi Filankəs Filankəsov görüş keçirmişdir."@az .
ex:document a atkg:SourceDocument .
"""

FLAWS = [
    ("measure-without-responsible-body-violation",
     "ex:plan atkg:hasMeasure ex:orphan . ex:orphan a atkg:Measure ; prov:wasDerivedFrom ex:quote ."),
    ("entry-without-measure-violation",
     "ex:loose a atkg:ReportEntry ; atkg:inReport ex:report ; prov:wasDerivedFrom ex:quote ."),
    ("entry-without-measure-violation",
     "ex:stray a atkg:ReportEntry ; atkg:aboutMeasure ex:measure ; prov:wasDerivedFrom ex:quote ."),
    ("quote-without-source-violation",
     'ex:unsourced a atkg:SourceQuote ; atkg:quotedText "mətn"@az ; atkg:lineStart "4"^^xsd:positiveInteger .'),
    ("quote-without-source-violation",
     "ex:empty a atkg:SourceQuote ; atkg:sourceDocument ex:document ; atkg:lineStart 5 ."),
    ("fact-without-provenance-violation", 'ex:event a atkg:Event ; rdfs:label "Təlim, 2021"@az .'),
    ("fact-without-provenance-violation", "ex:figure a atkg:StatisticalObservation ; atkg:observedValue 389 ."),
    ("duplicate-entry-violation",
     "ex:report atkg:hasEntry ex:again . ex:again a atkg:ReportEntry ; atkg:aboutMeasure ex:measure ;"
     " atkg:inReport ex:report ; prov:wasDerivedFrom ex:quote ."),
    ("private-person-name-violation",
     'ex:quote atkg:quotedText "Özbəkistan vətəndaşı Filankəs Filankəsov saxlanılmışdır."@az .'),
    ("private-person-name-violation", 'ex:person rdfs:label "Filankəs Filankəsov oğlu"@az .'),
    ("unsearchable-name-violation", 'ex:dmx atkg:inflectedForm "Dövlət Miqrasiya Xidmətinə"@az .'),
    ("unsearchable-name-violation", 'ex:dmx atkg:abbreviation "DMX-ə"@az .'),
]


def _store(turtle):
    """An in-memory store holding `turtle` in a named graph, as the build keeps each source apart."""
    store = ox.Store()
    store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    return store


@pytest.fixture(scope="module")
def checks():
    """Every check's query text, by name."""
    return load_checks()


def test_the_checks_folder_holds_the_seven_checks():
    assert CHECK_NAMES == ["duplicate-entry-violation", "entry-without-measure-violation",
                           "fact-without-provenance-violation", "measure-without-responsible-body-violation",
                           "private-person-name-violation", "quote-without-source-violation",
                           "unsearchable-name-violation"]


def test_every_check_has_a_flaw_that_trips_it():
    assert {name for name, _ in FLAWS} == set(CHECK_NAMES)


@pytest.mark.parametrize("name", CHECK_NAMES)
def test_check_passes_on_the_real_graph(store, checks, name):
    assert list(select(store, checks[name])) == []


@pytest.mark.parametrize("name", CHECK_NAMES)
def test_check_passes_on_a_small_valid_graph(checks, name):
    assert list(select(_store(VALID), checks[name])) == []


@pytest.mark.parametrize(("name", "flaw"), FLAWS)
def test_check_reports_its_flaw(checks, name, flaw):
    rows = list(select(_store(VALID + flaw), checks[name]))
    assert len(rows) >= 1
    subject = rows[0][0].value
    assert subject.startswith("https://example.org/kg/")
