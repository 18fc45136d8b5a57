"""Values written into a saved query's text as terms (atkg.queries.inline): where they go, and that every
saved query answers with them as it did with Oxigraph's substitutions."""

import re

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from atkg.queries import QUERY_DIR, bind, load_queries, prepare, run
from atkg.queries.inline import QueryShapeError, inline_terms
from tests.support.saved_answers import answer_rows

QUERY_NAMES = sorted(path.stem for path in QUERY_DIR.glob("*.rq"))
EX = "https://example.org/"
ONE = {"_a_iri": ox.NamedNode(f"{EX}a")}
A = f"<{EX}a>"


@pytest.fixture(scope="module")
def queries():
    """Every saved query, by name."""
    return load_queries()


def _value_sets(query):
    """The example values, and the required ones alone (optional parameters left out)."""
    required = {p.name: query.example[p.name] for p in query.parameters if p.required}
    return [query.example] if required == query.example else [query.example, required]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_saved_query_with_its_terms_written_in_parses_and_answers_as_substitution_did(store, queries, name):
    query = queries[name]
    for values in _value_sets(query):
        bound = prepare(query, values)
        prepareQuery(bound.text)  # rdflib reads it as well as Oxigraph
        expected = answer_rows(_substituted(store, query, values), query)
        assert answer_rows(run(query, values, store=store), query) == expected


def _substituted(store, query, values):
    """The answer the old way: the parameters projected, the values given as Oxigraph substitutions."""
    names = " ".join(f"?{p.variable}" for p in query.parameters)
    body, _, modifiers = query.text.rpartition("}")
    body = re.sub(r"^SELECT\s+(?:DISTINCT\s+)?", lambda match: f"{match.group(0)}{names} ", body, count=1,
                  flags=re.MULTILINE)
    modifiers = re.sub(r"^GROUP BY\s+", lambda match: f"{match.group(0)}{names} ", modifiers, count=1,
                       flags=re.MULTILINE)
    return store.query(f"{body}}}{modifiers}", union_default_graph=True, substitutions=bind(query, values))


def test_a_term_takes_the_variables_place_in_the_where_clause():
    text = "SELECT ?s WHERE { ?s ?p ?_a_iri FILTER(?s != ?_a_iri) } ORDER BY ?s"
    assert inline_terms(text, ONE) == f"SELECT ?s WHERE {{ ?s ?p {A} FILTER(?s != {A}) }} ORDER BY ?s"


def test_no_term_leaves_the_variable_unbound():
    text = "SELECT ?s WHERE { ?s ?p ?o FILTER(?o = COALESCE(?__a_iri, ?o)) }"
    assert inline_terms(text, {}) == text


def test_every_term_is_written_by_pyoxigraph():
    year = ox.Literal("2021", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    terms = {"_y_integer": year, "_t_string": ox.Literal('say "hi" \\ bye')}
    bound = inline_terms("SELECT ?y ?t { BIND(?_y_integer AS ?y) BIND(?_t_string AS ?t) }", terms)
    assert bound == ('SELECT ?y ?t { BIND("2021"^^<http://www.w3.org/2001/XMLSchema#integer> AS ?y) '
                     'BIND("say \\"hi\\" \\\\ bye" AS ?t) }')
    [row] = ox.Store().query(bound)
    assert (row["y"], row["t"]) == (year, terms["_t_string"])


def test_variables_in_comments_strings_and_iris_are_left_alone():
    text = ('PREFIX ex: <https://example.org/?_a_iri=where#>\n# WHERE { ?_a_iri in a comment\n'
            'SELECT ?s ("{?_a_iri" AS ?brace) WHERE {\n  ?s ex:p ?_a_iri . # } ?_a_iri\n'
            "  FILTER(?s != '''?_a_iri}''' && 1 < 2 && ?_a_iri_2 != ?s)\n}")
    bound = inline_terms(text, ONE)
    assert bound == text.replace("?s ex:p ?_a_iri .", f"?s ex:p {A} .")
    ox.Store().query(bound)


def test_construct_writes_terms_in_its_where_group_only():
    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o = ?_a_iri) }"
    assert inline_terms(text, ONE) == f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?o = {A}) }}"


def test_a_value_where_a_term_cannot_stand_is_refused():
    with pytest.raises(QueryShapeError, match=r"^\?_a_iri is used outside the WHERE clause"):
        inline_terms("SELECT ?_a_iri WHERE { ?s ?p ?_a_iri }", ONE)
    with pytest.raises(QueryShapeError, match="no WHERE group"):
        inline_terms("# SELECT ?s WHERE { ?s ?p ?o }", ONE)
    with pytest.raises(QueryShapeError, match="braces do not pair up"):
        inline_terms("SELECT ?s WHERE { ?s ?p ?_a_iri", ONE)
