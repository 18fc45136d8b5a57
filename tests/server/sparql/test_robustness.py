"""Robustness on loopback, bounded in time: many clients at once, fuzzed queries, malformed requests."""

import json
import random
import socket
import threading
import time
import urllib.parse
from collections import Counter

from tests.server.helpers import EX, fetch, mutate, sparql_get

SEEDS = [
    f"SELECT ?m ?n WHERE {{ GRAPH <{EX}plan> {{ ?m <{EX}number> ?n }} }} ORDER BY ?n",
    f"ASK {{ GRAPH ?g {{ <{EX}measure1> <{EX}status> <{EX}done> }} }}",
    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{EX}report2020> {{ ?s ?p ?o }} }}",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRLEN(STR(?o)) > 3) } GROUP BY ?g",
    'SELECT ?l WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(LANGMATCHES(LANG(?l), "az")) }',
    "DESCRIBE <http://example.org/measure1>",
]
JUNK = ["{", "}", "?x", "<", ">", '"', "'", "\\", "#", "SERVICE", "FROM", "LIMIT -1", "OPTIONAL", "\x00",
        "ə", "İ", "%", "^^", "@en", "(", ")", "UNION", ".", ";", "VALUES ?x { 1 }", "\n", "BASE <x:>"]
ACCEPTS = ["application/sparql-results+json", "text/csv", "*/*", "text/turtle", "image/png", "", "a/b;q=x",
           "application/ld+json;q=0.5, text/*", ";;;,,,", "text/html"]


def test_dozens_of_concurrent_clients_get_no_errors(server):
    statuses, lock, stop_at = Counter(), threading.Lock(), time.monotonic() + 4

    def client(number):
        round_number = 0
        while time.monotonic() < stop_at:
            round_number += 1
            query = (f"SELECT ?n WHERE {{ GRAPH ?g {{ ?m <{EX}number> ?n }} FILTER(?n != \"{number}-{round_number % 7}\") }}"
                     " ORDER BY ?n")
            status, _, body = sparql_get(server, query)
            ok = status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
            with lock:
                statuses[ok] += 1

    threads = [threading.Thread(target=client, args=(number,)) for number in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert statuses[False] == 0 and statuses[True] > 200


def test_fuzzed_queries_and_parameters_cause_no_server_error(server):
    rng, seen = random.Random(20240601), Counter()
    for _ in range(300):
        query = rng.choice(SEEDS) if rng.random() < 0.25 else mutate(rng, rng.choice(SEEDS), JUNK)
        params = [("query", query)] + [(rng.choice(["default-graph-uri", "named-graph-uri", "format", "x", ""]),
                                        rng.choice(["", f"{EX}plan", "not an iri", "<>", "json", "ş"]))
                                       for _ in range(rng.randint(0, 3))]
        body = urllib.parse.urlencode(params)
        if rng.random() < 0.5:
            status, _, _ = fetch(f"{server.sparql}?{body}", headers={"Accept": rng.choice(ACCEPTS)})
        else:
            status, _, _ = fetch(server.sparql, method="POST", body=body, headers={
                "Content-Type": rng.choice(["application/x-www-form-urlencoded", "text/plain", "",
                                            "application/sparql-query"]), "Accept": rng.choice(ACCEPTS)})
        seen[status] += 1
        assert status < 500 or status == 503, (status, query, params)
    assert seen[200] > 10 and seen[400] > 50 and seen[415] > 20
    assert fetch(f"{server.base}/health")[0] == 200


def raw_exchange(server, payload, *, timeout=10):
    """Send raw bytes to the server and return what it answers before closing (b'' if nothing)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as connection:
        try:
            connection.sendall(payload)
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may answer and close before reading everything
        chunks = []
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass  # what arrived before the reset is the answer
    return b"".join(chunks)


def test_malformed_requests_of_every_kind(server):
    cases = {
        "wrong method": fetch(f"{server.sparql}?query=ASK%7B%7D", method="DELETE")[0],
        "missing query": fetch(server.sparql, method="POST", body="",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})[0],
        "both query and update": fetch(f"{server.sparql}?query=ASK%7B%7D&update=CLEAR%20ALL")[0],
        "two queries": fetch(f"{server.sparql}?query=ASK%7B%7D&query=ASK%7B%7D")[0],
        "bad percent-encoding": fetch(f"{server.sparql}?query=ASK%20%7B%FF%7D")[0],
        "bad utf-8 body": fetch(server.sparql, method="POST", body=b"ASK { \xff\xfe }",
                                headers={"Content-Type": "application/sparql-query"})[0],
        "latin-1 body": fetch(server.sparql, method="POST", body="ASK {}".encode("latin-1"),
                              headers={"Content-Type": "application/sparql-query; charset=latin-1"})[0],
        "empty body": fetch(server.sparql, method="POST", body=b"",
                            headers={"Content-Type": "application/sparql-query"})[0],
    }
    assert cases == {"wrong method": 405, "missing query": 400, "both query and update": 400,
                     "two queries": 400, "bad percent-encoding": 400, "bad utf-8 body": 400,
                     "latin-1 body": 415, "empty body": 400}
    huge = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    assert raw_exchange(server, huge + b"Content-Length: 3000000\r\n\r\n" + b"#" * 3_000_000).startswith(
        b"HTTP/1.1 413")
    assert raw_exchange(server, b"\x16\x03\x01\x02\x00garbage\r\n\r\n").startswith(b"HTTP/1.1 400 Bad Request")
    too_long = raw_exchange(server, b"GET /sparql?query=" + b"A" * 300_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert too_long.startswith(b"HTTP/1.1 414 URI Too Long")
    truncated = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK"
    assert raw_exchange(server, truncated).endswith(
        b"\r\n\r\nThe request body ended after 3 of the 100 bytes its Content-Length header announced; "
        b"send the whole body.\n")
    assert fetch(f"{server.base}/health")[0] == 200
