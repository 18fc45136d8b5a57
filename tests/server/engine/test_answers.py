"""Answers written by Oxigraph's own serialisers in the worker: row limits, the size cap."""

import json

import pyoxigraph as ox
import pytest

from atkg.graph.store import EmbeddedStore
from atkg.queries import Parameter, SavedQuery, prepare
from atkg.server.engine import answers, worker

EX = "http://example.org/"
TRICKY = 'tab\there\nnew line "quoted" \\ back'  # escaped in TSV, so a line is still one solution


@pytest.fixture(scope="module")
def store():
    """Twelve subjects, each with a number and a label; the last label holds a tab, a line break and quotes."""
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    quads = []
    for number in range(12):
        subject, label = ox.NamedNode(f"{EX}s{number:02}"), TRICKY if number == 11 else f"item {number}"
        quads += [ox.Quad(subject, ox.NamedNode(f"{EX}n"), ox.Literal(str(number), datatype=integer)),
                  ox.Quad(subject, ox.NamedNode(f"{EX}label"), ox.Literal(label, language="az"))]
    data = EmbeddedStore(None)
    data.load_quads(quads)
    return data


NUMBERED = f"SELECT ?s ?n ?l WHERE {{ ?s <{EX}n> ?n ; <{EX}label> ?l }} ORDER BY ?n"


def select(store):
    return store.query(NUMBERED)


def bindings(body):
    return json.loads(body)["results"]["bindings"]


def test_json_under_the_limit_is_oxigraphs_own_body(store):
    body, truncated = answers.solutions(select(store), "json", 100)
    assert not truncated
    assert body == select(store).serialize(format=ox.QueryResultsFormat.JSON)
    assert bindings(body)[11]["l"] == {"type": "literal", "value": TRICKY, "xml:lang": "az"}


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_rows_past_the_limit_are_cut_in_every_format(store, fmt):
    body, truncated = answers.solutions(select(store), fmt, 5)
    assert truncated
    parsed = {"json": lambda: len(bindings(body)), "xml": lambda: body.count(b"<result>"),
              "csv": lambda: body.count(b"\r\n") - 1, "tsv": lambda: body.count(b"\n") - 1}[fmt]()
    assert parsed == 5
    assert f"{EX}s04".encode() in body and f"{EX}s05".encode() not in body


def test_exactly_the_limit_is_not_truncated(store):
    body, truncated = answers.solutions(select(store), "json", 12)
    assert not truncated and len(bindings(body)) == 12


def test_unbound_cells_and_no_variables(store):
    body, _ = answers.solutions(store.query("SELECT ?x WHERE { BIND(1 AS ?y) }"), "json", 10)
    assert json.loads(body) == {"head": {"vars": ["x"]}, "results": {"bindings": [{}]}}
    body, _ = answers.solutions(store.query("SELECT * WHERE {}"), "tsv", 10)
    assert body == b"\n\n"


def test_triples_past_the_limit_are_cut(store):
    body, truncated = answers.triples(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), "ntriples", 7)
    assert truncated and body.count(b"\n") == 7
    body, truncated = answers.triples(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), "turtle", 100)
    assert not truncated and len(list(ox.parse(body, format=ox.RdfFormat.TURTLE))) == 24


def test_triples_parsed_from_a_remote_answer_are_written_too(store):
    lines = store.query("CONSTRUCT WHERE { ?s ?p ?o }").serialize(format=ox.RdfFormat.N_TRIPLES)
    body, truncated = answers.triples(ox.parse(lines, format=ox.RdfFormat.N_TRIPLES), "turtle", 30)
    assert not truncated and len(list(ox.parse(body, format=ox.RdfFormat.TURTLE))) == 24


def test_past_the_cap_triples_are_read_one_by_one(store, monkeypatch):
    monkeypatch.setattr(answers, "OUTPUT_CAP", 100)
    job = {"text": "CONSTRUCT WHERE { ?s ?p ?o }", "default_graph": None, "named_graphs": None, "max_rows": 7,
           "formats": {"tabular": "json", "boolean": "json", "graph": "ntriples"}}
    kind, body, _, truncated = worker.answer(store, job)
    assert (kind, truncated, body.count(b"\n")) == ("graph", True, 7)


def test_past_the_cap_the_worker_reads_solution_by_solution(store, monkeypatch):
    monkeypatch.setattr(answers, "OUTPUT_CAP", 100)
    assert answers.solutions(select(store), "json", 5) is None
    job = {"text": NUMBERED, "default_graph": None, "named_graphs": None, "max_rows": 5,
           "formats": {"tabular": "json", "boolean": "json", "graph": "turtle"}}
    kind, body, _, truncated = worker.answer(store, job)
    assert (kind, truncated) == ("tabular", True)
    assert [row["s"]["value"] for row in bindings(body)] == [f"{EX}s{number:02}" for number in range(5)]


LABELLED = SavedQuery(
    name="labelled", summary="Subjects and labels", description="", tags=(), columns={}, example={}, terms=(),
    parameters=(Parameter(name="subject", type="iri", required=False, description="a subject"),),
    text=f"SELECT ?s ?l WHERE {{ ?s <{EX}label> ?l FILTER(?s = COALESCE(?__subject_iri, ?s)) }} ORDER BY ?s\n")


@pytest.mark.parametrize("cap", [answers.OUTPUT_CAP, 100])
def test_a_saved_query_answers_its_own_columns_natively_and_past_the_cap(store, monkeypatch, cap):
    monkeypatch.setattr(answers, "OUTPUT_CAP", cap)
    job = {"kind": "saved", "bound": prepare(LABELLED, {}), "max_rows": 5}
    names, body, truncated = worker.answer_saved(store, job)
    assert (names, truncated, json.loads(body)["head"]["vars"]) == (["s", "l"], True, ["s", "l"])
    assert [row["l"]["value"] for row in bindings(body)] == [f"item {number}" for number in range(5)]
    job["bound"] = prepare(LABELLED, {"subject": f"{EX}s03"})
    names, body, truncated = worker.answer_saved(store, job)
    assert not truncated and bindings(body) == [{"s": {"type": "uri", "value": f"{EX}s03"},
                                                 "l": {"type": "literal", "value": "item 3", "xml:lang": "az"}}]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_rows_are_bounded_as_bytes_and_never_below_the_true_count(store, fmt):
    body = answers.native(select(store), answers.RESULT_FORMATS[fmt])
    assert answers.most_rows(body, fmt) == 12
    values = 'VALUES ?x { "},{" "a},{b},{" UNDEF "<result>" }'
    body = answers.native(store.query(f"SELECT ?x WHERE {{ {values} }}"), answers.RESULT_FORMATS[fmt])
    assert answers.most_rows(body, fmt) == {"json": 7, "xml": 4}[fmt]  # values holding "},{" count too


def test_a_body_that_may_hold_more_rows_than_the_limit_is_counted_and_cut(store):
    body, truncated = answers.solutions(store.query(f'SELECT ?l WHERE {{ ?s <{EX}label> ?l }} ORDER BY ?l'),
                                        "json", 11)
    assert truncated and len(bindings(body)) == 11
    values = 'VALUES ?x { "},{" "a},{b},{" }'  # two rows that look like seven from their bytes
    body, truncated = answers.solutions(store.query(f"SELECT ?x WHERE {{ {values} }}"), "json", 2)
    assert not truncated and [row["x"]["value"] for row in bindings(body)] == ["},{", "a},{b},{"]


def test_json_past_the_limit_is_cut_as_bytes_into_oxigraphs_own_body_of_the_first_rows(store):
    body, truncated = answers.solutions(select(store), "json", 5)
    assert truncated
    assert body == store.query(f"{NUMBERED} LIMIT 5").serialize(format=ox.QueryResultsFormat.JSON)
    assert answers._json_cut(answers.native(select(store), ox.QueryResultsFormat.JSON), 5) == body


@pytest.mark.parametrize("values, kept", [
    ('"a},{b" "c" "d" "e"', ["a},{b", "c"]),  # the cut after fewer rows would hold one
    ('"a" "b},{c" "d" "e"', ["a", "b},{c"]),  # the cut inside a value would not parse
])
def test_a_json_cut_that_a_value_would_mislead_is_made_the_other_way(store, values, kept):
    body, truncated = answers.solutions(store.query(f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}"), "json", 2)
    assert truncated and [row["x"]["value"] for row in bindings(body)] == kept
    assert answers._json_cut(answers.native(store.query(f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}"),
                                            ox.QueryResultsFormat.JSON), 2) is None


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_past_the_cap_oxigraph_writes_only_the_first_rows_in_every_format(store, monkeypatch, fmt):
    monkeypatch.setattr(answers, "OUTPUT_CAP", 100)
    body, truncated = answers.first_rows(select(store), fmt, 11)
    whole = store.query(f"{NUMBERED} LIMIT 11").serialize(format=answers.RESULT_FORMATS[fmt])
    assert truncated and body == whole  # the tricky literal, the 11th row, survives in each format
    body, truncated = answers.first_rows(select(store), fmt, 12)
    assert not truncated and body == select(store).serialize(format=answers.RESULT_FORMATS[fmt])


def test_an_ask_answer_is_oxigraphs_own(store):
    job = {"text": "ASK { ?s ?p ?o }", "default_graph": None, "named_graphs": None, "max_rows": 5,
           "formats": {"tabular": "json", "boolean": "xml", "graph": "turtle"}}
    kind, body, count, _ = worker.answer(store, job)
    assert (kind, count) == ("boolean", 1)
    assert bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)) is True
    assert body == store.query("ASK { ?s ?p ?o }").serialize(format=ox.QueryResultsFormat.XML)
