"""Safe by default: read-only, token-gated updates, no outbound requests, time and size limits, CORS, ops."""

import json
import threading
import time
import urllib.parse

import pytest
from prometheus_client.parser import text_string_to_metric_families

from atkg.server.engine import guard
from tests.server.helpers import EX, RUNAWAY, TOKEN, fetch, sparql_get, start_server

PROBES = ["http://127.0.0.1:8/sparql", "http://localhost/sparql", "http://[::1]/sparql",
          "http://127.0.0.2/sparql", "http://127.0.0.3/latest/meta-data/"]


def post_update(url, text, *, token=None):
    """POST an update as application/sparql-update, with a bearer token when given."""
    headers = {"Content-Type": "application/sparql-update"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return fetch(url, method="POST", body=text, headers=headers)


def test_read_only_server_refuses_updates_with_403(server):
    for url in (server.update, server.sparql):
        status, _, body = post_update(url, f"INSERT DATA {{ <{EX}x> <{EX}y> <{EX}z> }}", token=TOKEN)
        assert status == 403
        assert body.decode() == "This service is read-only: it does not accept updates.\n"


def test_updates_need_the_configured_token(scratch_server):
    triple = f"<{EX}new> <{EX}p> \"added\""
    status, _, body = post_update(scratch_server.update, f"INSERT DATA {{ {triple} }}")
    assert status == 403 and "access token" in body.decode()
    status, _, _ = post_update(scratch_server.update, f"INSERT DATA {{ {triple} }}", token="wrong")
    assert status == 403
    status, _, body = post_update(scratch_server.update, f"INSERT DATA {{ {triple} }}", token=TOKEN)
    assert (status, body) == (200, b"The update was applied.\n")
    _, _, body = sparql_get(scratch_server, f"SELECT ?o WHERE {{ <{EX}new> <{EX}p> ?o }}")
    assert [row["o"]["value"] for row in json.loads(body)["results"]["bindings"]] == ["added"]


@pytest.mark.parametrize("target", PROBES)
def test_service_probes_find_no_network(server, target):
    for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ # a comment }}\n SERVICE <{target}> {{ ?s ?p ?o }} }}",
                  # a keyword glued to the dot ending a triple is still a keyword to Oxigraph
                  f"SELECT * WHERE {{ ?s ?p ?o .SERVICE <{target}> {{ ?a ?b ?c }} }}",
                  f"SELECT * WHERE {{ ?s ?p ?o.service <{target}> {{ ?a ?b ?c }} }}",
                  f'SELECT * WHERE {{ ?s ?p "x"@en.SERVICE <{target}> {{ ?a ?b ?c }} }}'):
        status, _, body = sparql_get(server, query)
        # the worker has no network: the call (or the name lookup before it) is refused, unless the engine
        # never needs to make it
        assert (status, body.decode()) == (400, guard.SEALED_MESSAGE + "\n") or (
            status == 200 and json.loads(body)["results"]["bindings"] == []), (query, status, body)
    # SILENT turns the refused call into one empty solution, as it would a remote error
    status, _, body = sparql_get(server, f"PREFIX t: <{target}> SELECT * WHERE {{ service silent t: {{ ?s ?p ?o }} }}")
    assert (status, json.loads(body)["results"]["bindings"]) == (200, [{}])


def test_the_words_service_from_and_load_in_strings_and_iris_are_harmless(server):
    query = (f'SELECT ?x WHERE {{ BIND("SERVICE <http://127.0.0.2/> from load" AS ?x) '
             f'FILTER(?x != <{EX}service>) }} # SERVICE <http://127.0.0.2/>')
    status, _, body = sparql_get(server, query)
    assert status == 200
    assert json.loads(body)["results"]["bindings"] == [{"x": {"type": "literal",
                                                              "value": "SERVICE <http://127.0.0.2/> from load"}}]


def test_words_ending_in_service_or_from_are_not_keywords(server):
    query = (f"PREFIX ex: <{EX}> PREFIX prov: <http://www.w3.org/ns/prov#> "
             f"SELECT ?o WHERE {{ ?s prov:wasDerivedFrom|ex:a.service ?o }}")
    assert sparql_get(server, query)[0] == 200
    status, _, body = sparql_get(server, "SELECT *FROM <http://127.0.0.3/x> WHERE { ?s ?p ?o }")
    assert status == 400 and body.decode().startswith("FROM <http://127.0.0.3/x> names a graph")


def test_variable_service_and_from_remote_graphs_are_refused(server):
    status, _, body = sparql_get(server, "SELECT * WHERE { VALUES ?x { <http://127.0.0.2/> } SERVICE ?x { ?s ?p ?o } }")
    assert (status, body.decode()) == (400, "The query could not be carried out: The variable encoding the "
                                            "service name is unbound\n")  # Oxigraph's own refusal
    status, _, body = sparql_get(server, "SELECT * FROM <http://127.0.0.3/x> WHERE { ?s ?p ?o }")
    assert status == 400 and body.decode().startswith(
        "FROM <http://127.0.0.3/x> names a graph this service does not hold, and it never downloads")
    status, _, body = sparql_get(server, f"SELECT ?n FROM <{EX}plan> WHERE {{ <{EX}measure3> <{EX}number> ?n }}")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2.1"


def test_load_from_other_addresses_is_refused_even_with_the_token(scratch_server):
    for target in PROBES:
        status, _, body = post_update(scratch_server.update, f"LOAD <{target}>", token=TOKEN)
        assert (status, body.decode()) == (400, guard.SEALED_MESSAGE + "\n")


def test_allow_listed_service_is_followed(server, rdf_dir, tmp_path):
    federating = start_server(tmp_path, data=[rdf_dir], env={"ATKG_FEDERATION_ALLOWLIST": server.sparql})
    try:
        query = f"SELECT ?n WHERE {{ SERVICE <{server.sparql}> {{ GRAPH <{EX}plan> {{ <{EX}measure2> <{EX}number> ?n }} }} }}"
        status, _, body = sparql_get(federating, query)
        assert status == 200
        assert [row["n"]["value"] for row in json.loads(body)["results"]["bindings"]] == ["1.2"]
        status, _, body = sparql_get(federating, "SELECT * WHERE { SERVICE <http://127.0.0.2/sparql> { ?s ?p ?o } }")
        assert (status, body.decode()) == (400, (
            "This service does not contact other addresses on behalf of a query: SERVICE "
            f"<http://127.0.0.2/sparql> was refused. Addresses it may contact: {server.sparql}.\n"))
        status, _, body = sparql_get(federating, "SELECT * WHERE { BIND(<http://127.0.0.2/> AS ?x) SERVICE ?x {} }")
        assert "SERVICE an address given by a variable or an unknown prefix was refused" in body.decode()
    finally:
        federating.stop()


def test_runaway_query_is_stopped_while_others_are_served(server):
    outcome = {}
    runaway = threading.Thread(target=lambda: outcome.update(answer=sparql_get(server, RUNAWAY)))
    started = time.monotonic()
    runaway.start()
    time.sleep(0.3)
    status, _, _ = sparql_get(server, f"ASK {{ GRAPH ?g {{ <{EX}measure1> ?p ?o }} }}")
    assert status == 200 and runaway.is_alive()  # answered while the runaway still runs
    runaway.join(30)
    status, headers, body = outcome["answer"]
    assert status == 503 and 1.9 < time.monotonic() - started < 10
    assert body.decode().startswith("The query took longer than the limit of 2 seconds and was stopped "
                                    "(query timed out).")
    deadline = time.monotonic() + 20
    while json.loads(fetch(f"{server.base}/health")[2])["workers"] < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert json.loads(fetch(f"{server.base}/health")[2])["workers"] == 2
    metrics = fetch(f"{server.base}/metrics")[2].decode()
    assert "atkg_query_timeouts_total 1" in metrics and "atkg_worker_restarts_total 1" in metrics


def test_request_size_limit_gives_413(server):
    query = "ASK { } #" + "x" * 30000
    status, _, body = fetch(server.sparql, method="POST", body=query,
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and body.decode().startswith("The request is too large for this service")


def test_cors_allows_any_origin_without_credentials(server):
    status, headers, _ = sparql_get(server, "ASK {}", accept="application/sparql-results+json")
    status, headers, _ = fetch(f"{server.sparql}?query={urllib.parse.quote('ASK {}')}",
                               headers={"Origin": "https://example.net"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    assert headers.get("Access-Control-Allow-Credentials") is None
    assert "X-ATKG-Truncated" in headers["Access-Control-Expose-Headers"]


def test_cors_preflight_and_plain_requests_get_flask_cors_headers(server):
    status, headers, _ = fetch(server.sparql, method="OPTIONS", headers={
        "Origin": "https://example.net", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type, Authorization"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Headers"].lower() == "authorization, content-type"
    status, headers, _ = fetch(f"{server.base}/health")  # no Origin: the headers are there all the same
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"


def test_health_and_metrics(server):
    status, _, body = fetch(f"{server.base}/health")
    health = json.loads(body)
    assert status == 200 and health["status"] == "ok" and health["version"].endswith("-0")
    status, headers, body = fetch(f"{server.base}/metrics")
    assert headers["Content-Type"].startswith("text/plain; version=0.0.4")
    assert 'atkg_http_requests_total{endpoint="ops.health",status="200"}' in body.decode()
    assert "# TYPE atkg_query_duration_seconds histogram" in body.decode()


def test_metrics_parse_with_prometheus_clients_own_parser(server):
    sparql_get(server, "ASK {}")
    _, _, body = fetch(f"{server.base}/metrics")
    families = {family.name: family for family in text_string_to_metric_families(body.decode())}
    assert {"atkg_http_requests", "atkg_query_duration_seconds", "atkg_query_timeouts", "atkg_cache_hits",
            "atkg_cache_misses", "atkg_cache_bytes", "atkg_worker_restarts", "atkg_workers_alive"} <= set(families)
    assert families["atkg_query_duration_seconds"].type == "histogram"
    count = [sample.value for sample in families["atkg_query_duration_seconds"].samples
             if sample.name == "atkg_query_duration_seconds_count"]
    assert count[0] >= 1 and families["atkg_workers_alive"].samples[0].value == 2
    status, headers, body = fetch(f"{server.base}/metrics", headers={"Accept": "application/openmetrics-text"})
    assert headers["Content-Type"].startswith("application/openmetrics-text")
    assert body.decode().endswith("# EOF\n")


def test_updates_survive_a_worker_killed_at_the_time_limit(rdf_dir, tmp_path):
    scratch = start_server(tmp_path, data=[rdf_dir], env={"ATKG_UPDATE_TOKEN": TOKEN, "ATKG_QUERY_TIMEOUT": "1"})
    try:
        status, _, _ = post_update(scratch.update, f'INSERT DATA {{ <{EX}kept> <{EX}p> "still here" . '
                                                   f'<relative> <{EX}p> "resolved" }}', token=TOKEN)
        assert status == 200
        assert sparql_get(scratch, RUNAWAY)[0] == 503
        deadline, query = time.monotonic() + 20, f"SELECT ?o WHERE {{ <{EX}kept> <{EX}p> ?o }}"
        status, _, body = sparql_get(scratch, query)
        while status == 503 and time.monotonic() < deadline:  # the new worker runs before it has replayed
            time.sleep(0.2)
            status, _, body = sparql_get(scratch, query)
        assert [row["o"]["value"] for row in json.loads(body)["results"]["bindings"]] == ["still here"]
        _, _, body = sparql_get(scratch, f'SELECT ?s WHERE {{ ?s <{EX}p> "resolved" }}')  # replayed with its base
        assert [row["s"]["value"] for row in json.loads(body)["results"]["bindings"]] == [f"{scratch.base}/relative"]
        assert json.loads(fetch(f"{scratch.base}/health")[2])["version"].endswith("-1")
    finally:
        scratch.stop()


def test_a_remote_store_is_served_through_the_same_protocol(server, tmp_path):
    proxy = start_server(tmp_path, env={"ATKG_STORE_QUERY_URL": server.sparql})
    try:
        query = f"SELECT ?n WHERE {{ GRAPH <{EX}plan> {{ ?m <{EX}number> ?n }} }} ORDER BY ?n"
        status, headers, body = sparql_get(proxy, query, accept="text/csv")
        assert (status, body) == (200, b"n\r\n1.1\r\n1.2\r\n2.1\r\n")
        assert "ETag" not in headers  # a remote store has no version to key answers by
        assert json.loads(fetch(f"{proxy.base}/health")[2])["version"] is None
    finally:
        proxy.stop()
