"""The SPARQL 1.1 Protocol at /sparql, over HTTP against a real `atkg serve` on loopback."""

import gzip
import json
import urllib.parse
from xml.etree import ElementTree

from tests.server.helpers import EX, fetch, sparql_get

MEASURES = f"""PREFIX ex: <{EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?number ?label WHERE {{ GRAPH ex:plan {{ ?m a ex:Measure ; ex:number ?number ; rdfs:label ?label }} }}
ORDER BY ?number"""
EXPECTED_ROWS = [("1.1", "Improve the legal framework"), ("1.2", "Train police officers"),
                 ("2.1", "Support shelters")]
CONSTRUCT = f"CONSTRUCT {{ ?m <{EX}number> ?n }} WHERE {{ GRAPH <{EX}plan> {{ ?m <{EX}number> ?n }} }}"

RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def rows_of(body):
    """(number, label) pairs from SPARQL JSON results."""
    bindings = json.loads(body)["results"]["bindings"]
    return [(row["number"]["value"], row["label"]["value"]) for row in bindings]


def test_get_answers_json_with_the_exact_media_type(server):
    status, headers, body = sparql_get(server, MEASURES, accept="application/sparql-results+json")
    assert status == 200
    assert headers["Content-Type"] == "application/sparql-results+json"
    assert rows_of(body) == EXPECTED_ROWS
    assert json.loads(body)["results"]["bindings"][0]["label"]["xml:lang"] == "en"


def test_select_without_accept_defaults_to_json(server):
    status, headers, body = sparql_get(server, MEASURES)
    assert (status, headers["Content-Type"]) == (200, "application/sparql-results+json")
    assert rows_of(body) == EXPECTED_ROWS


def test_post_form_and_post_direct_give_the_same_rows(server):
    form = urllib.parse.urlencode({"query": MEASURES})
    status, _, body = fetch(server.sparql, method="POST", body=form,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and rows_of(body) == EXPECTED_ROWS
    status, _, body = fetch(server.sparql, method="POST", body=MEASURES,
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and rows_of(body) == EXPECTED_ROWS


def test_unknown_parameters_are_ignored_as_sparqlwrapper_sends_them(server):
    status, _, body = sparql_get(server, MEASURES, format="json", output="json", results="json")
    assert status == 200 and rows_of(body) == EXPECTED_ROWS


def test_xml_csv_and_tsv_results(server):
    query = f"SELECT ?n WHERE {{ GRAPH <{EX}plan> {{ <{EX}measure1> <{EX}number> ?n }} }}"
    status, headers, body = sparql_get(server, query, accept="application/sparql-results+xml")
    assert (status, headers["Content-Type"]) == (200, "application/sparql-results+xml")
    assert b'<binding name="n"><literal>1.1</literal></binding>' in body
    status, headers, body = sparql_get(server, query, accept="text/csv")
    assert headers["Content-Type"] == "text/csv; charset=utf-8" and body == b"n\r\n1.1\r\n"
    status, headers, body = sparql_get(server, query, accept="text/tab-separated-values")
    assert body == b'?n\n"1.1"\n'


def test_dataset_parameters_choose_the_graphs(server):
    count = "SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }"
    values = {}
    for name, graphs in (("default", []), ("plan", [f"{EX}plan"]), ("both", [f"{EX}plan", f"{EX}report2020"])):
        _, _, body = sparql_get(server, count, default_graph_uri=graphs)
        values[name] = int(json.loads(body)["results"]["bindings"][0]["c"]["value"])
    assert values == {"default": 26, "plan": 16, "both": 21}  # the default graph is the union of all
    _, _, body = sparql_get(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                            named_graph_uri=f"{EX}report2020")
    assert [row["g"]["value"] for row in json.loads(body)["results"]["bindings"]] == [f"{EX}report2020"]


def test_default_graph_is_the_union_unless_the_query_names_its_graphs(server):
    query = f"SELECT ?m WHERE {{ ?m a <{EX}Measure> ; <{EX}status> ?s }} ORDER BY ?m"
    _, _, body = sparql_get(server, query)
    assert [row["m"]["value"] for row in json.loads(body)["results"]["bindings"]] == [
        f"{EX}measure1", f"{EX}measure2"]
    counts = {}
    for name, clause in (("union", ""), ("from", f"FROM <{EX}report2020>"), ("named", f"FROM NAMED <{EX}plan>")):
        _, _, body = sparql_get(server, f"SELECT (COUNT(*) AS ?c) {clause} WHERE {{ ?s ?p ?o }}")
        counts[name] = int(json.loads(body)["results"]["bindings"][0]["c"]["value"])
    assert counts == {"union": 26, "from": 5, "named": 0}


def test_typed_string_equals_plain_string(server):
    query = (f'SELECT ?label WHERE {{ GRAPH <{EX}plan> {{ <{EX}plan> ?p ?label }} '
             'FILTER(LANG(?label) = "en"^^<http://www.w3.org/2001/XMLSchema#string>) }')
    _, _, body = sparql_get(server, query)
    labels = [row["label"]["value"] for row in json.loads(body)["results"]["bindings"]]
    assert labels == ["National Action Plan 2020-2024"]
    _, _, body = sparql_get(server, f'ASK {{ GRAPH <{EX}plan> {{ ?m <{EX}number> '
                                    '"1.1"^^<http://www.w3.org/2001/XMLSchema#string> } }')
    assert json.loads(body)["boolean"] is True


def test_construct_in_every_rdf_format_and_turtle_by_default(server):
    status, headers, body = sparql_get(server, CONSTRUCT)
    assert (status, headers["Content-Type"]) == (200, "text/turtle; charset=utf-8")
    assert b'<http://example.org/measure3> <http://example.org/number> "2.1"' in body
    _, headers, body = sparql_get(server, CONSTRUCT, accept="application/n-triples")
    assert headers["Content-Type"] == "application/n-triples"
    assert sorted(body.decode().strip().splitlines()) == [
        f'<{EX}measure{i}> <{EX}number> "{n}" .' for i, n in ((1, "1.1"), (2, "1.2"), (3, "2.1"))]
    _, headers, body = sparql_get(server, CONSTRUCT, accept="application/ld+json")
    assert headers["Content-Type"] == "application/ld+json"
    assert sorted(item["@id"] for item in json.loads(body)) == [f"{EX}measure{i}" for i in (1, 2, 3)]
    _, headers, body = sparql_get(server, CONSTRUCT, accept="application/rdf+xml")
    assert headers["Content-Type"] == "application/rdf+xml" and body.count(b"<number") == 3


def test_ask_results(server):
    _, headers, body = sparql_get(server, f"ASK {{ GRAPH ?g {{ <{EX}measure2> <{EX}status> <{EX}ongoing> }} }}")
    assert headers["Content-Type"] == "application/sparql-results+json"
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_relative_iris_resolve_against_the_endpoint_and_errors_keep_the_users_lines(server):
    _, _, body = sparql_get(server, "SELECT ?i ?j WHERE { BIND(<graph/x> AS ?i) BIND(<#y> AS ?j) }")
    row = json.loads(body)["results"]["bindings"][0]
    assert (row["i"]["value"], row["j"]["value"]) == (f"{server.base}/graph/x", f"{server.sparql}#y")
    _, _, body = sparql_get(server, "BASE <http://example.org/a/> SELECT ?i WHERE { BIND(<b> AS ?i) }")
    assert json.loads(body)["results"]["bindings"][0]["i"]["value"] == "http://example.org/a/b"
    status, _, body = sparql_get(server, "SELECT *\nWHERE {\n  ?s ?p }")
    assert (status, body.decode()) == (400, "The query is not valid SPARQL: error at line 3, column 10: "
                                            "expected one of LATERAL, SERVICE\n")


def test_malformed_query_gets_400_with_the_parser_message(server):
    status, headers, body = sparql_get(server, "SELECT * WHERE { ?s ?p }")
    assert status == 400 and headers["Content-Type"] == "text/plain; charset=utf-8"
    assert body.decode() == ("The query is not valid SPARQL: error at line 1, column 25: "
                             "expected one of LATERAL, SERVICE\n")


def test_unacceptable_accept_gets_406(server):
    status, _, body = sparql_get(server, MEASURES, accept="image/png")
    assert status == 406
    assert "cannot answer in any of the formats asked for (image/png)" in body.decode()
    status, _, body = sparql_get(server, CONSTRUCT, accept="text/csv")
    assert status == 406 and "cannot be written in the formats asked for (text/csv)" in body.decode()


def test_wrong_content_type_gets_415(server):
    status, _, body = fetch(server.sparql, method="POST", body=MEASURES, headers={"Content-Type": "text/plain"})
    assert status == 415 and "cannot read a body of type text/plain" in body.decode()
    status, _, body = fetch(server.sparql, method="POST", body=MEASURES,
                            headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert status == 415 and "reads UTF-8 only" in body.decode()


def test_wrong_method_gets_405(server):
    for method in ("PUT", "DELETE", "PATCH"):
        status, headers, body = fetch(f"{server.sparql}?query=ASK%7B%7D", method=method)
        assert status == 405 and "GET" in headers["Allow"] and "POST" in headers["Allow"]
    status, _, _ = fetch(server.update)
    assert status == 405


def test_query_and_update_together_get_400(server):
    form = urllib.parse.urlencode({"query": "ASK {}", "update": "CLEAR ALL"})
    status, _, body = fetch(server.sparql, method="POST", body=form,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and body.decode() == "The request holds both a query and an update; send one at a time.\n"


def test_row_limit_is_signalled_never_silent(server):
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o"
    status, headers, body = sparql_get(server, query)
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
    assert headers["X-ATKG-Truncated"] == "true" and headers["X-SPARQL-MaxRows"] == "5"
    assert headers["Warning"] == ('199 atkg "Only the first 5 results are shown: this service sends at most '
                                  'that many. Use LIMIT and OFFSET to read the rest."')
    assert json.loads(body)["head"]["link"] == [f"{server.sparql}/limits"]
    _, headers, body = sparql_get(server, MEASURES)
    assert "X-ATKG-Truncated" not in headers and "link" not in json.loads(body)["head"]


def test_a_cut_answer_links_to_the_limits_in_its_body_where_the_format_allows(server):
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o"
    _, headers, body = sparql_get(server, query, accept="application/sparql-results+xml")
    head = ElementTree.fromstring(body).find(f"{{{RESULTS_NS}}}head")
    assert [child.tag.split("}")[1] for child in head] == ["variable", "variable", "variable", "link"]
    assert head[-1].attrib == {"href": f"{server.sparql}/limits"}
    assert len(ElementTree.fromstring(body).findall(f".//{{{RESULTS_NS}}}result")) == 5
    _, headers, body = sparql_get(server, query, accept="text/csv")
    assert headers["X-ATKG-Truncated"] == "true" and body.count(b"\r\n") == 6  # CSV has no place for a link
    status, headers, body = fetch(f"{server.sparql}/limits")
    assert (status, headers["Content-Type"]) == (200, "text/plain; charset=utf-8")
    assert body.decode().startswith("Row limit: this service sends at most 5 results for a query")


def test_etag_gives_304_and_gzip_is_offered(server):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 5"
    status, headers, body = sparql_get(server, query)
    tag = headers["ETag"]
    assert status == 200 and tag.startswith('"')
    status, _, body = fetch(f"{server.sparql}?{urllib.parse.urlencode({'query': query})}",
                            headers={"If-None-Match": tag})
    assert status == 304 and body == b""
    status, headers, body = fetch(f"{server.sparql}?{urllib.parse.urlencode({'query': query})}",
                                  headers={"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(body))["results"]["bindings"]) == 5


def test_if_none_match_with_a_list_or_a_weak_tag_gives_304(server):
    query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3"
    url = f"{server.sparql}?{urllib.parse.urlencode({'query': query})}"
    _, headers, _ = fetch(url)
    tag = headers["ETag"]
    for given in (f'"elsewhere", {tag}', f"W/{tag}"):
        status, headers, body = fetch(url, headers={"If-None-Match": given})
        assert (status, body, headers["ETag"]) == (304, b"", tag)
    status, _, body = fetch(url, headers={"If-None-Match": '"elsewhere"'})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
