"""Slow and stalled clients against a real `atkg serve` on loopback: half-sent headers are dropped after the
header time limit, a body late past its deadline gets 408, a client sending more bodies at once than its
cap gets 429 at once, and meanwhile /health and a saved query answer every other request within a second."""

import json
import socket
import statistics
import time
import urllib.parse

import pytest

from tests.server.helpers import fetch, start_server

HEADER_TIMEOUT, BODY_TIMEOUT, CLIENT_UPLOADS = 3, 3, 2
AGENCY, NAP = "https://w3id.org/atkg/agency/dmx", "https://w3id.org/atkg/plan/nap-2020-2024"
PARTIAL_BODY = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 1000\r\n\r\nSELECT * WHERE {")
PARTIAL_HEADER = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: "
LATE = f"The request body did not arrive within {BODY_TIMEOUT} seconds: send it again, whole.\n"
TOO_MANY = (f"This client is already sending {CLIENT_UPLOADS} request bodies at once: send the next one when one "
            "of them is answered.\n")


@pytest.fixture(scope="module")
def guarded(built, tmp_path_factory):
    """`atkg serve` on the real build, with time limits short enough to watch them act."""
    settings, _ = built
    running = start_server(tmp_path_factory.mktemp("uploads"), store=settings.store_dir, env={
        "ATKG_HEADER_TIMEOUT": str(HEADER_TIMEOUT), "ATKG_BODY_TIMEOUT": str(BODY_TIMEOUT),
        "ATKG_CLIENT_UPLOADS": str(CLIENT_UPLOADS)})
    yield running
    running.stop()


def stalled(server, prefix, *, source="127.0.0.1"):
    """A connection from `source` that sent `prefix` and then nothing."""
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=20, source_address=(source, 0))
    connection.sendall(prefix)
    return connection


def answer(connection):
    """(status, headers, body) of the one answer on a raw connection, read until the server closes it."""
    data = b""
    while chunk := connection.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {key.lower(): value for key, value in headers.items()}, body.decode("utf-8")


def in_plan(body):
    """How many rows of a measures-by-agency answer are measures of the plan."""
    return sum(row["plan"]["value"] == NAP for row in json.loads(body)["results"]["bindings"])


def timed(url):
    started = time.monotonic()
    status, _, body = fetch(url, timeout=10)
    return time.monotonic() - started, status, body


def test_fifty_stalled_connections_leave_health_and_a_saved_query_answering_within_a_second(guarded):
    bodies = [stalled(guarded, PARTIAL_BODY) for _ in range(25)]
    headers = [stalled(guarded, PARTIAL_HEADER) for _ in range(25)]
    saved = f"{guarded.base}/api/queries/measures-by-agency?{urllib.parse.urlencode({'agency': AGENCY})}"
    try:
        health = [timed(f"{guarded.base}/health") for _ in range(9)]
        query = [timed(saved) for _ in range(9)]
        assert {status for _, status, _ in health + query} == {200}
        assert all(json.loads(body)["status"] == "ok" for _, _, body in health)
        assert all(in_plan(body) == 19 for _, _, body in query)  # the State Migration Service's measures
        # The bound is 1 s; the median of nine shrugs off a moment the shared machine gives to other work.
        assert statistics.median(seconds for seconds, _, _ in health) < 1.0, health
        assert statistics.median(seconds for seconds, _, _ in query) < 1.0, query
        # Whichever bodies reached the server first hold the client's slots until their deadline (408); every
        # other one was refused at once (429).
        answers = sorted((status, headers.get("retry-after"), body) for status, headers, body in map(answer, bodies))
        assert answers == [(408, None, LATE)] * CLIENT_UPLOADS + [(429, "1", TOO_MANY)] * (25 - CLIENT_UPLOADS)
    finally:
        for connection in bodies + headers:
            connection.close()


def test_headers_that_do_not_arrive_in_time_close_the_connection(guarded):
    connection = stalled(guarded, PARTIAL_HEADER)
    started = time.monotonic()
    with connection:
        assert connection.recv(65536) == b""
    assert HEADER_TIMEOUT - 0.5 < time.monotonic() - started < HEADER_TIMEOUT + 10


def test_a_body_late_past_the_deadline_gets_408_and_frees_the_clients_slot(guarded):
    with stalled(guarded, PARTIAL_BODY) as connection:
        started = time.monotonic()
        status, headers, body = answer(connection)
    assert (status, headers["content-type"], body) == (408, "text/plain; charset=utf-8", LATE)
    assert BODY_TIMEOUT - 0.5 < time.monotonic() - started < BODY_TIMEOUT + 10
    assert post_query(guarded) == (200, {"head": {}, "boolean": True})


def test_the_cap_is_per_client_another_address_still_sends_bodies(guarded):
    held = [stalled(guarded, PARTIAL_BODY) for _ in range(CLIENT_UPLOADS)]
    try:
        time.sleep(0.5)  # the held bodies have reached the server
        with stalled(guarded, PARTIAL_BODY) as third:
            assert answer(third)[0] == 429
        assert post_query(guarded, source="127.0.0.2") == (200, {"head": {}, "boolean": True})
    finally:
        for connection in held:
            connection.close()


def post_query(server, *, source="127.0.0.1"):
    """(status, JSON answer) of a whole POSTed ASK query from `source`."""
    query = b"ASK { ?s ?p ?o }"
    with stalled(server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                        b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(query), query),
                 source=source) as connection:
        status, _, body = answer(connection)
    return status, json.loads(body)
