"""Search keys (graph/search_keys.py): each named thing's names folded the Azerbaijani way into one literal,
worked out by the build and read by the search query, which finds what folding every name would find."""

import pyoxigraph as ox
import pytest

from atkg.graph.search_keys import search_keys_in_quads
from atkg.ontology import ATKG
from atkg.queries import load_queries, run

BASE = "https://w3id.org/atkg/"
KEYS_GRAPH = BASE + "graph/derived/search-keys"
EX = "http://example.org/"
KEYS = f"SELECT ?thing ?key WHERE {{ GRAPH <{KEYS_GRAPH}> {{ ?thing atkg:searchKey ?key }} }}"
# What search means, the slow way: fold every name and title of every thing but the Wikidata twins.
EVERY_NAME_FOLDED = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?term ?thing (MIN(?name) AS ?matched) WHERE {
  { ?thing skos:prefLabel ?name } UNION { ?thing skos:altLabel ?name }
  UNION { ?thing skos:hiddenLabel ?name } UNION { ?thing dcterms:title ?name }
  FILTER(!STRSTARTS(STR(?thing), "http://www.wikidata.org/"))
  FILTER(CONTAINS(LCASE(REPLACE(REPLACE(STR(?name), "İ", "i"), "I", "ı")), ?term))
} GROUP BY ?term ?thing"""


def test_the_build_gives_each_of_316_named_things_one_key_and_none_to_wikidata_twins(select):
    # The 2022 report adds two: the National Referral Mechanism's Rules it names in 4.1.6 and the agreement
    # with Uzbekistan signed on 21 June 2022 (4.6.6).
    keys = select(KEYS)
    # Issue 14's extraction adds nineteen: six curated partners (four public unions, the governments of
    # Turkmenistan and Uzbekistan), two countries (Austria, North Macedonia), nine proposed indicators of
    # the 2022 figures, the cabinet-note act type and the UN convention against transnational organised crime.
    assert len(keys) == len({thing for thing, _ in keys}) == 316
    assert [thing for thing, _ in keys if not thing.startswith(BASE)] == []


def test_a_key_is_every_name_of_its_thing_folded_sorted_one_per_line(select):
    keys = dict(select(KEYS))
    assert keys[BASE + "agency/dmx"].split("\n") == [
        "dmx", "dmx-də", "dmx-dən", "dmx-ni", "dmx-nin", "dmx-yə", "dövlət miqrasiya xidməti",
        "dövlət miqrasiya xidmətində", "dövlət miqrasiya xidmətindən", "dövlət miqrasiya xidmətini",
        "dövlət miqrasiya xidmətinin", "dövlət miqrasiya xidmətinə", "state migration service"]
    # İ → i and I → ı, as the search folds its term.
    assert "daxili işlər nazirliyi" in keys[BASE + "agency/din"].split("\n")
    assert "ministry of ınternal affairs" in keys[BASE + "agency/din"].split("\n")


@pytest.mark.parametrize("term", ["Miqrasiya Xidmətinin", "DMX", "din", "DİN", "İnsan alveri", "qurban",
                                  "Azərbaycan", "2021", "zzz"])
def test_search_finds_exactly_what_folding_every_name_finds(store, term):
    folded = term.replace("İ", "i").replace("I", "ı").lower()
    slow = store.query(EVERY_NAME_FOLDED, union_default_graph=True,
                       substitutions={ox.Variable("term"): ox.Literal(folded)})
    expected = {(row["thing"].value, row["matched"].value) for row in slow}
    found = {(row["thing"].value, row["matched"].value)
             for row in run(load_queries()["search"], {"term": term}, store=store)}
    assert found == expected
    assert (len(found) > 0) == (term != "zzz")


def test_keys_fold_the_names_of_every_graph_skip_blank_nodes_and_twins():
    def quad(subject, predicate, text, graph):
        return ox.Quad(subject, ox.NamedNode(predicate), ox.Literal(text, language="az"), ox.NamedNode(EX + graph))

    thing, twin = ox.NamedNode(EX + "thing"), ox.NamedNode("http://www.wikidata.org/entity/Q1")
    skos = "http://www.w3.org/2004/02/skos/core#"
    keys = search_keys_in_quads([
        quad(thing, skos + "prefLabel", "İçərişəhər İdarəsi", "a"),
        quad(thing, skos + "hiddenLabel", "İDARƏSİNİN", "inferred"),
        quad(thing, "http://purl.org/dc/terms/title", "İçərişəhər İdarəsi", "b"),
        quad(twin, skos + "prefLabel", "İdarə", "inferred"),
        quad(ox.BlankNode("x"), skos + "prefLabel", "Adsız", "a"),
    ])
    assert [(str(s), str(p), str(o)) for s, p, o in keys] == [
        (EX + "thing", str(ATKG.searchKey), "idarəsinin\niçərişəhər idarəsi")]
