"""The pairs of bodies sharing measures (graph/shared.py): worked out by the build, the same as joining every
measure's responsible bodies with each other, and read by the co-responsibility query."""

from rdflib import Literal, URIRef

from atkg.graph.plan import code_key
from atkg.graph.shared import pair_iri, shared_responsibility_graph
from atkg.ontology import ATKG

BASE = "https://w3id.org/atkg/"
AGENCY = BASE + "agency/"
SELF_JOIN = """
SELECT ?agency ?partner (COUNT(DISTINCT ?measure) AS ?shared) (GROUP_CONCAT(DISTINCT ?notation; separator=" ") AS ?numbers)
WHERE {
  ?measure a atkg:Measure ; skos:notation ?notation ; atkg:responsibleBody ?agency, ?partner .
  FILTER(STR(?agency) < STR(?partner))
  FILTER(!STRSTARTS(STR(?agency), "http://www.wikidata.org/") && !STRSTARTS(STR(?partner), "http://www.wikidata.org/"))
} GROUP BY ?agency ?partner"""
STORED = """
SELECT ?agency ?partner ?shared ?numbers WHERE {
  GRAPH <https://w3id.org/atkg/graph/derived/shared-responsibility> {
    ?pair a atkg:SharedResponsibility ; atkg:firstBody ?agency ; atkg:secondBody ?partner ;
      atkg:sharedMeasureCount ?shared ; atkg:sharedMeasureNumbers ?numbers }
}"""


def _as_sets(rows):
    return {(agency, partner, int(shared), frozenset(numbers.split())) for agency, partner, shared, numbers in rows}


def test_the_build_stores_the_240_pairs_the_self_join_of_responsible_bodies_gives(select):
    stored = _as_sets(select(STORED))
    assert len(stored) == 240
    assert stored == _as_sets(select(SELF_JOIN))


def test_the_interior_ministry_and_the_migration_service_share_20_measures_in_document_order(select):
    (row,) = [row for row in select(STORED) if row[:2] == (AGENCY + "din", AGENCY + "dmx")]
    assert row[2:] == ("20", "3.5.2.5 3.5.2.6 3.5.2.10 4.2.1 4.2.4 4.2.10 4.3.3 4.3.4 4.3.5 4.3.6 4.4.9 4.5.8 4.6.3 "
                             "4.7.1 4.7.2 4.7.3 4.7.4 4.7.7 4.8.1 4.8.3")


def test_each_pair_is_derived_from_its_shared_measures(select):
    measures = select("""SELECT ?measure WHERE { GRAPH ?g {
        <https://w3id.org/atkg/shared-responsibility/agency-din--agency-dmx> prov:wasDerivedFrom ?measure } }""")
    assert len(measures) == 20
    assert (BASE + "plan/nap-2020-2024/measure/4.2.10",) in measures


def test_co_responsibility_reads_the_pairs_with_both_names(select):
    from atkg.queries import load_queries

    rows = select(load_queries()["co-responsibility"].text)
    assert len(rows) == 240
    assert rows[0][:5] == (AGENCY + "din", "Ministry of Internal Affairs", AGENCY + "eesmn",
                           "Ministry of Labour and Social Protection of Population", "30")


def test_a_body_and_its_wikidata_twin_are_never_a_pair():
    din, twin, dmx = URIRef(AGENCY + "din"), URIRef("http://www.wikidata.org/entity/Q1"), URIRef(AGENCY + "dmx")
    measure = URIRef(BASE + "plan/p/measure/1.1")
    graph = shared_responsibility_graph({(measure, "1.1", din), (measure, "1.1", twin), (measure, "1.1", dmx)},
                                        base=BASE)
    pair = pair_iri(din, dmx, base=BASE)
    assert set(graph.subjects(ATKG.sharedMeasureCount, None)) == {pair}
    assert graph.value(pair, ATKG.sharedMeasureCount) == Literal(1)
    assert str(pair) == BASE + "shared-responsibility/agency-din--agency-dmx"


def test_measure_numbers_sort_in_document_order():
    assert sorted(["4.2.10", "4.2.9", "10.1", "3.5.2.10", "4.2.1"], key=code_key) == [
        "3.5.2.10", "4.2.1", "4.2.9", "4.2.10", "10.1"]
