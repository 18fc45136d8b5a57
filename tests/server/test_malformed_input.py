"""Every malformed input is a 4xx with a sentence: bad IRIs anywhere in a query, nesting past the stated
limit, characters no IRI holds in /id/ paths; and a fuzz of 20,000 requests across /sparql, /api, /id and
/check that finds no 5xx but the 503 of a time-out or a busy service."""

import random
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest

from atkg.server.engine import guard
from tests.server.helpers import KeepAlive, fetch, mutate, sparql_get

SEED = 20261208
REQUESTS = 20_000
BUSY_OR_TIMED_OUT = ("The query took longer than the limit", "The service is busy with other queries")
# /check runs one report at a time; the others are told so (503 with Retry-After), in the page's language.
CHECK_BUSY = ("Another report is being checked", "Başqa hesabat yoxlanılır")


@pytest.mark.parametrize("query", [
    "ASK { SERVICE <http://[::1/> { } }",
    "SELECT * FROM <http://[::1/> { ?s ?p ?o }",
    "SELECT * { <http://[::1/> ?p ?o }",
    "SELECT * { GRAPH <http://a b/> { ?s ?p ?o } }",
    "BASE <http://[::1/> SELECT * { <x> ?p ?o }",
    "PREFIX p: <http://exa mple/> SELECT * { p:x ?p ?o }",
    'SELECT * { ?s ?p "1"^^<http://[/> }',
    "SELECT * { ?s ?p <\x01> }",
])
def test_a_bad_iri_anywhere_in_a_query_is_a_400_with_a_sentence(server, query):
    status, headers, body = sparql_get(server, query)
    assert status == 400 and headers["Content-Type"] == "text/plain; charset=utf-8"
    assert body.decode().startswith(("The query is not valid SPARQL: ", "This service reads every query",
                                     "This service does not contact other addresses", "FROM <http://[::1/>"))
    assert body.decode().endswith(".\n") or "error at line" in body.decode()


def nested(opening, closing, depth):
    """A query `depth` times `opening` deep (two more levels for parentheses, in { FILTER( )}; one more for
    OPTIONAL, whose innermost group is { ?s ?p ?o })."""
    if opening == "(":
        return "SELECT * WHERE { FILTER(" + opening * depth + "1" + closing * depth + ") }"
    inner = "{ ?s ?p ?o }" if "OPTIONAL" in opening else "?s ?p ?o"
    return "SELECT * WHERE " + opening * depth + inner + closing * depth


@pytest.mark.parametrize(("opening", "closing", "depth"), [("{", "}", 5000), ("(", ")", 5000),
                                                           ("{ OPTIONAL ", " }", 1000)])
def test_nesting_past_the_limit_is_a_400_that_states_it(server, opening, closing, depth):
    status, _, body = fetch(server.sparql, method="POST", body=nested(opening, closing, depth),
                            headers={"Content-Type": "application/sparql-query"})
    deepest = depth + (2 if opening == "(" else 1 if "OPTIONAL" in opening else 0)
    assert (status, body.decode()) == (400, (
        f"The query nests its brackets {deepest} levels deep; this service reads at most {guard.MAX_DEPTH} "
        "levels. Write it with fewer nested groups or parentheses.\n"))
    assert sparql_get(server, nested(opening, closing, guard.MAX_DEPTH - 2))[0] == 200


def test_brackets_in_strings_iris_and_comments_do_not_count_as_nesting(server):
    query = 'SELECT ?x WHERE { BIND("' + "{" * 500 + '" AS ?x) } # ' + "(" * 500
    status, _, _ = sparql_get(server, query)
    assert status == 200


# Every flat chain of operators the grammar has, `n` operators long (what is around it adds none).
CHAINS = {
    "+": lambda n: "SELECT (1" + " + 1" * n + " AS ?x) {}",
    "*": lambda n: "SELECT (1" + " * 1" * n + " AS ?x) {}",
    "-": lambda n: "SELECT (1" + " - 1" * n + " AS ?x) {}",
    "/ (division)": lambda n: "SELECT (1" + " / 1" * n + " AS ?x) {}",
    "||": lambda n: "SELECT (true" + " || true" * n + " AS ?x) {}",
    "&&": lambda n: "SELECT (true" + " && true" * n + " AS ?x) {}",
    "!": lambda n: "SELECT (" + "!" * n + "true AS ?x) {}",
    "UNION": lambda n: "ASK { {}" + " UNION {}" * n + " }",
    "MINUS": lambda n: "ASK { ?s ?p ?o" + " MINUS {}" * n + " }",
    "OPTIONAL": lambda n: "ASK {" + " OPTIONAL {}" * n + " }",
    "FILTER": lambda n: "ASK {" + " FILTER(true)" * n + " }",
    "BIND": lambda n: "ASK {" + "".join(f" BIND(1 AS ?v{i})" for i in range(n)) + " }",
    "/ (path)": lambda n: "ASK { ?s <http://a/p>" + "/<http://a/p>" * n + " ?o }",
    "| (path)": lambda n: "ASK { ?s <http://a/p>" + "|<http://a/p>" * n + " ?o }",
    "^ (path)": lambda n: "ASK { ?s <http://a/p>" + "/^<http://a/p>" * (n // 2) + " ?o }",
    ", (objects)": lambda n: "ASK { ?s ?p ?o" + ", ?o" * n + " }",
    "; (predicates)": lambda n: "ASK { ?s ?p ?o" + "; ?p ?o" * n + " }",
    ". (patterns)": lambda n: "ASK { ?s ?p ?o" + " . ?s ?p ?o" * n + " }",
    "IN": lambda n: "SELECT (1 IN (1" + ", 1" * n + ") AS ?x) {}",
}
CHAIN = 20_000


@pytest.mark.parametrize("shape", CHAINS)
def test_a_long_chain_of_operators_is_a_400_that_states_the_limit(real_server, shape):
    status, _, body = fetch(real_server.sparql, method="POST", body=CHAINS[shape](CHAIN).encode(),
                            headers={"Content-Type": "application/sparql-query"})
    assert (status, body.decode()) == (400, (
        f"The query holds {CHAIN} operators and separators (such as +, ||, /, |, UNION, FILTER, '.' or ','); "
        f"this service reads at most {guard.MAX_OPERATORS} in one query. Split it into smaller queries, or list "
        "many values with VALUES.\n"))
    assert sparql_get(real_server, CHAINS[shape](100))[0] == 200  # a chain well within the limit is answered


def test_nested_function_calls_are_held_by_the_nesting_limit_and_long_values_are_answered(real_server):
    nested_calls = "ASK { FILTER(" + "STR(" * CHAIN + "1" + ")" * CHAIN + ") }"
    status, _, body = fetch(real_server.sparql, method="POST", body=nested_calls.encode(),
                            headers={"Content-Type": "application/sparql-query"})
    assert (status, body.decode().split(";")[0]) == (400, f"The query nests its brackets {CHAIN + 2} levels deep")
    values = "SELECT (COUNT(*) AS ?n) { VALUES ?a {" + " 1" * CHAIN + " } }"
    status, _, body = fetch(real_server.sparql, method="POST", body=values.encode(),
                            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert (status, body.decode().split()) == (200, ["n", str(CHAIN)])


@pytest.mark.parametrize("path", ["a%01b", "a[b", "a%7Fb", "a%00", "a]b", "%0A", "a%20b", "a%5Cb", "a%3Eb"])
def test_an_id_path_no_iri_can_hold_is_the_not_found_page(real_server, path):
    status, headers, body = fetch(f"{real_server.base}/id/{path}",
                                  headers={"Accept": "text/turtle", "Accept-Language": "en"})
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "The graph holds nothing at this address." in body.decode()


SEEDS = [
    "SELECT ?m ?n WHERE { GRAPH ?g { ?m <https://w3id.org/atkg/ontology#code> ?n } } LIMIT 3",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?c WHERE { ?c skos:notation \"4.2.1\" }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2",
    "DESCRIBE <https://w3id.org/atkg/plan/nap-2020-2024>",
    'SELECT ?l WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(LANGMATCHES(LANG(?l), "az")) } LIMIT 2',
]
JUNK = ["{", "}", "(", ")", "[", "]", "<", ">", '"', "'", "\\", "#", "?x", "\x00", "\x01", "ə", "İ", "%", "^^",
        "@en", ".", ";", ",", "*", "UNION", "OPTIONAL", "FILTER(", "<http://[::1/>", "<\x7f>", "\\u0000", "\\U0010FFFF",
        "\\u12", "\ud800", "LIMIT -1", "OFFSET 99999999999999999999", "VALUES ?x { 1 }", "{" * 150, "(" * 150,
        "BASE <x:>", "PREFIX : <>", "\n", "GRAPH", "BIND(1/0 AS ?z)", "REGEX(?x, \"(\")", "1e999999"]
ACCEPTS = ["application/sparql-results+json", "text/csv", "*/*", "text/turtle", "image/png", "", "a/b;q=x",
           "application/ld+json;q=0.5, text/*", ";;;,,,", "text/html", "application/sparql-results+xml;q=2"]
TYPES = ["application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update", "",
         "text/plain", "multipart/form-data; boundary=x", "application/sparql-query; charset=latin-1",
         "application/x-www-form-urlencoded; charset=utf-16", "a/b/c", "*/*"]
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO"]
API_NAMES = ["measures-by-agency", "report-coverage", "search", "agencies", "nope", "..%2F..", "%00", "a" * 300]
API_PARAMS = ["agency", "year", "q", "format", "limit", "x", "", "agency[]"]
API_VALUES = ["dmx", "https://w3id.org/atkg/agency/dmx", "2021", "-1", "99999999999999999999", "", "ə", "\x00",
              "%ZZ", "<x>", "json", "csv", "html", "xml", "\" } SERVICE <http://127.0.0.1:9/> { \"", "1e3"]


def quoted(rng, text):
    """Percent-encoded text, sometimes with bad percent-escapes or bytes that are not UTF-8 spliced in."""
    encoded = urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="")
    if rng.random() < 0.1:
        at = rng.randrange(len(encoded) + 1)
        encoded = encoded[:at] + rng.choice(["%FF", "%C3", "%", "%G1", "%ED%A0%80"]) + encoded[at:]
    return encoded


def sparql_request(rng):
    """(method, target, body, headers) of a fuzzed /sparql request."""
    query = rng.choice(SEEDS) if rng.random() < 0.15 else mutate(rng, rng.choice(SEEDS), JUNK)
    if rng.random() < 0.03:  # a chain of operators, past the limit or within it, sometimes mangled
        query = rng.choice(list(CHAINS.values()))(rng.choice([2 * guard.MAX_OPERATORS, 100]))
        query = mutate(rng, query, JUNK) if rng.random() < 0.5 else query
    pairs = [("query", query)] + [(rng.choice(["default-graph-uri", "named-graph-uri", "update", "format", "query",
                                               "", "x" * 50]), rng.choice(["", "https://w3id.org/atkg/graph/plan",
                                                                           "not an iri", "<>", "json", "ş", "\x00"]))
                                  for _ in range(rng.choice([0, 0, 0, 1, 2]))]
    encoded = "&".join(f"{quoted(rng, name)}={quoted(rng, value)}" for name, value in pairs)
    headers = {"Accept": rng.choice(ACCEPTS)}
    method = rng.choice(["GET"] * 6 + ["POST"] * 6 + METHODS)
    if method == "GET":
        return method, f"/sparql?{encoded}", None, headers
    headers["Content-Type"] = rng.choice(TYPES)
    body = (query.encode("utf-8", "surrogatepass") if "sparql" in headers["Content-Type"] else encoded.encode())
    if rng.random() < 0.05:
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    return method, "/sparql", body, headers


def api_request(rng):
    """A fuzzed saved-query call (GET /api/queries/NAME?...), or one of the API's other addresses."""
    name = rng.choice(API_NAMES)
    pairs = [(rng.choice(API_PARAMS), rng.choice(API_VALUES)) for _ in range(rng.randint(0, 3))]
    query = "&".join(f"{quoted(rng, key)}={quoted(rng, value)}" for key, value in pairs)
    path = rng.choice([f"/api/queries/{name}?{query}", f"/api/search?{query}", "/api/queries", "/api/openapi.json",
                       f"/api/{name}"])
    return rng.choice(["GET"] * 8 + METHODS), path, None, {"Accept": rng.choice(ACCEPTS)}


def id_request(rng):
    """A fuzzed /id/ path: real-looking ones with junk, control characters, brackets, bad escapes."""
    stem = rng.choice(["plan/nap-2020-2024/measure/4.2.1", "agency/dmx", "plan/nap-2020-2024", "x", "",
                       "report/dmx/2021", "source/a.txt"])
    path = "".join(ch if rng.random() > 0.1 else rng.choice(["%01", "[", "]", "%7F", "%00", "%FF", "%", "%20",
                                                             "..", "//", "?", "#", "%0A", "ə", "{"])
                   for ch in stem)
    path = "".join(ch if ord(ch) < 128 else quote(ch) for ch in path)  # a request line is ASCII
    fmt = rng.choice(["", "?format=turtle", "?format=jsonld", "?format=html", "?format=%00", "?format=x"])
    accept = rng.choice(ACCEPTS + ["text/html"])
    return rng.choice(["GET"] * 8 + METHODS), f"/id/{path}{fmt}", None, {"Accept": accept}


def check_request(rng):
    """A fuzzed /check request: bad methods and types, bytes that are not text, forms without a report."""
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(METHODS), "/check", None, {}
    if kind == 1:
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
        return "POST", "/check", body, {"Content-Type": rng.choice(TYPES)}
    if kind == 2:
        fields = {rng.choice(["text", "agency", "year", "x"]): rng.choice(["", "ə", "\x00", "2021", " ", "dmx"])}
        return "POST", "/check", urllib.parse.urlencode(fields).encode(), {"Content-Type": TYPES[0]}
    boundary = "b0undary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\n\r\n").encode()
    body += bytes(rng.randrange(256) for _ in range(rng.randrange(1, 100))) + f"\r\n--{boundary}--\r\n".encode()
    if rng.random() < 0.3:
        body = body[:rng.randrange(len(body))]
    return "POST", "/check", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def fuzzed(rng):
    """One fuzzed request for one of the four addresses."""
    return rng.choices([sparql_request, api_request, id_request, check_request], weights=[45, 20, 20, 15])[0](rng)


def _busy(body):
    text = body.decode()
    return text.startswith(BUSY_OR_TIMED_OUT) or any(words in text for words in CHECK_BUSY)


def test_twenty_thousand_fuzzed_requests_find_no_server_error(real_server):
    rng = random.Random(SEED)
    requests = [fuzzed(rng) for _ in range(REQUESTS)]
    session = KeepAlive(real_server.port)
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda request: session.send(*request), requests))
    took = time.monotonic() - started
    session.close()
    seen = Counter(status for status, _ in answers)
    failures = [(request, status, body[:200]) for request, (status, body) in zip(requests, answers)
                if status >= 500 and not (status == 503 and _busy(body))]
    assert failures == []
    assert len(answers) == REQUESTS and seen[200] > 1000 and seen[400] > 1000 and seen[405] > 100
    assert fetch(f"{real_server.base}/health")[0] == 200
    print(f"{REQUESTS} fuzzed requests in {took:.1f} s ({1000 * took / REQUESTS:.1f} ms each): {dict(seen)}")
