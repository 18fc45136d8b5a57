"""Values bound in VALUES blocks (atkg.queries.values): where the blocks go, and that every saved query
answers with them as it did with Oxigraph's substitutions."""

import re

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from atkg.queries import QUERY_DIR, bind, load_queries, prepare, run
from atkg.queries.values import QueryShapeError, groups, with_values
from tests.support.saved_answers import answer_rows

QUERY_NAMES = sorted(path.stem for path in QUERY_DIR.glob("*.rq"))
EX = "https://example.org/"
ONE = {"_a_iri": ox.NamedNode(f"{EX}a")}
BLOCK = f"VALUES (?_a_iri) {{ (<{EX}a>) }}"


@pytest.fixture(scope="module")
def queries():
    """Every saved query, by name."""
    return load_queries()


def _value_sets(query):
    """The example values, and the required ones alone (optional parameters left out)."""
    required = {p.name: query.example[p.name] for p in query.parameters if p.required}
    return [query.example] if required == query.example else [query.example, required]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_saved_query_bound_with_values_parses_and_answers_as_substitution_did(store, queries, name):
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


def test_the_block_opens_the_where_group():
    text = "SELECT ?s WHERE { ?s ?p ?_a_iri } ORDER BY ?s"
    assert with_values(text, ONE) == f"SELECT ?s WHERE {{ {BLOCK} ?s ?p ?_a_iri }} ORDER BY ?s"


def test_no_values_no_block():
    text = "SELECT ?s WHERE { ?s ?p ?__a_iri }"
    assert with_values(text, {}) == text


def test_every_term_is_written_by_pyoxigraph():
    terms = {"_y_integer": ox.Literal("2021", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
             "_t_string": ox.Literal('say "hi" \\ bye')}
    bound = with_values("SELECT * { ?s ?p ?_y_integer , ?_t_string }", terms)
    assert bound == ('SELECT * { VALUES (?_y_integer ?_t_string) { ("2021"^^<http://www.w3.org/2001/XMLSchema#integer> '
                     '"say \\"hi\\" \\\\ bye") } ?s ?p ?_y_integer , ?_t_string }')
    store = ox.Store()
    assert [row["_t_string"].value for row in store.query(bound.replace("?s ?p ?_y_integer , ?_t_string", ""))] \
        == ['say "hi" \\ bye']


def test_braces_and_where_in_comments_strings_and_iris_are_not_groups():
    text = ('PREFIX ex: <https://example.org/{where}#>\n# WHERE { in a comment\nSELECT ?s ("{" AS ?brace) '
            "WHERE {\n  ?s ex:p ?_a_iri . # } here too\n  FILTER(?s != '''}''' && 1 < 2)\n}")
    at = text.index("WHERE {\n") + len("WHERE {")
    assert with_values(text, ONE) == f"{text[:at]} {BLOCK}{text[at:]}"


def test_a_group_inside_that_mentions_a_parameter_gets_a_block_of_its_own():
    # A FILTER sees only its own group's variables: the inner group needs the value as substitution gave it.
    text = ("SELECT ?s WHERE { { ?s ?p ?o FILTER(?o = ?_a_iri) } UNION { ?s ?p ?q } "
            "OPTIONAL { ?s ?r ?t } }")
    assert with_values(text, ONE) == (f"SELECT ?s WHERE {{ {BLOCK} {{ {BLOCK} ?s ?p ?o FILTER(?o = ?_a_iri) }} "
                                      "UNION { ?s ?p ?q } OPTIONAL { ?s ?r ?t } }")


def test_a_values_block_and_a_subquery_are_no_place_for_a_block():
    text = ("SELECT ?s WHERE { VALUES ?k { <https://example.org/k> } "
            "{ SELECT ?s WHERE { ?s ?k ?_a_iri } } }")
    assert [text[group.start - 1:group.start + 9] for group in groups(text)] == [
        "{ VALUES ?", "{ ?s ?k ?_"]
    bound = with_values(text, ONE)
    assert bound.count("VALUES (?_a_iri)") == 2 and "{ SELECT" in bound
    ox.Store().query(bound)


def test_construct_binds_in_its_where_group_not_its_template():
    text = "CONSTRUCT { ?s ?p ?_a_iri } WHERE { ?s ?p ?_a_iri }"
    assert with_values(text, ONE) == f"CONSTRUCT {{ ?s ?p ?_a_iri }} WHERE {{ {BLOCK} ?s ?p ?_a_iri }}"


def test_a_text_without_a_where_group_is_refused():
    with pytest.raises(QueryShapeError):
        with_values("# SELECT ?s WHERE { ?s ?p ?o }", ONE)
    with pytest.raises(QueryShapeError):
        with_values("SELECT ?s WHERE { ?s ?p ?o", ONE)
