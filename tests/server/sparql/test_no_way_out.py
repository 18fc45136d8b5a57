"""No request leaves the server because of a query: thousands of generated queries and updates, in every
lexical form of SERVICE, LOAD, FROM, FROM NAMED, USING and WITH, aimed at a listener on loopback that
counts the connections it receives. Every address here is in 127.0.0.0/8."""

import json
import random
import socket
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from atkg.server.engine import guard
from tests.server.helpers import TOKEN, KeepAlive, sparql_get, start_server

SEED = 20261207
BUSY_OR_TIMED_OUT = (b"The query took longer than the limit", b"The service is busy with other queries")
QUERIES, UPDATES, SAVED = 9_600, 500, 100  # 10,200 requests in all


class Listener:
    """A TCP listener on 127.0.0.1 (a free port) that counts the connections made to it."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port, self.connections, self._stop = self.socket.getsockname()[1], 0, threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        """Stop listening."""
        self._stop.set()
        self._thread.join(5)
        self.socket.close()


@pytest.fixture(scope="module")
def listener():
    """The loopback listener no query may reach."""
    running = Listener()
    yield running
    running.close()


def escaped(word, rng):
    """`word` in one of its lexical forms: any case, or one letter written as a \\u or \\U escape."""
    form = rng.randrange(10)
    if form < 3:
        return word.upper()
    if form < 5:
        return word.lower()
    if form < 8:
        return "".join(ch.upper() if rng.random() < 0.5 else ch.lower() for ch in word)
    at = rng.randrange(len(word))
    escape = f"\\u{ord(word[at]):04X}" if form == 8 else f"\\U{ord(word[at]):08x}"
    return word[:at] + escape + word[at + 1:]


def target(port, rng):
    """(prologue, the address of the listener as a query writes it)."""
    address = f"http://127.0.0.1:{port}/"
    forms = [
        ("", f"<{address}t>"),
        (f"PREFIX p: <{address}> ", "p:t"),
        (f"PREFIX : <{address}> ", ":t"),
        (f"PREFIX : <{address}> ", ":"),
        (f"BASE <{address}> ", "<t>"),
        (f"BASE <{address}a/> BASE <../> ", "<t>"),
        ("", f"<//127.0.0.1:{port}/t>"),  # relative to the endpoint's own address
        ("", f"<http\\u003A//127.0.0.1:{port}/t>"),
        ("", f"<http://127.0.0.1:{port}/\\u0074>"),
        (f"PREFIX p: <http\\u003a//127.0.0.1:{port}/> ", "p:t"),
        (f"PREFIX p: <{address}> ", "p:\\u0074"),
        (f"PREFIX p\\u0071: <{address}> ", "pq:t"),
        (f"prefix P: <{address}>\n", "P:t"),
    ]
    plain, escaped_forms = forms[:7] + forms[12:], forms[7:12]
    return rng.choice(escaped_forms if rng.random() < 0.1 else plain)


# What ends the triple before the keyword: a dot or none, glued or spaced, after a variable, number, literal
# or IRI, or a comment (texts Oxigraph cannot read cost it seconds when nested: these all read).
BEFORE = ["?o", "?o ", "?o\n", "?o\t", "?o . ", "?o.", "?o .", '"x"@en.', '"x"@en ', "1", "1.", "<x:y>.",
          "<x:y>", "?o#c\n", "?o#c\n."]
AFTER = ["", " ", "#c{}\n"]
BETWEEN = [" ", "", "\n", "#c\n", "\t", " SILENT ", "\tsilent\n", " Silent#x\n"]
CONTEXTS = ["{{ {p} }}", "{{ OPTIONAL {{ {p} }} }}", "{{ {{ {p} }} UNION {{ }} }}", "{{ ?s ?p ?o MINUS {{ {p} }} }}",
            "{{ FILTER EXISTS {{ {p} }} }}", "{{ FILTER(NOT EXISTS {{ {p} }}) }}", "{{ {{ SELECT * {{ {p} }} }} }}",
            "{{ GRAPH ?g {{ {p} }} }}", "{{ {{ {{ {p} }} }} }}", "{{ BIND(EXISTS {{ {p} }} AS ?e) }}",
            "{{ VALUES ?z {{ 1 }} {p} }}"]
FORMS = ["SELECT * WHERE ", "SELECT*", "ASK", "ask ", "SELECT (COUNT(*) AS ?n) ", "DESCRIBE ?s WHERE",
         "CONSTRUCT { ?s ?p ?o } WHERE ", "select distinct ?s\n"]


def service_query(port, rng):
    """A query holding a SERVICE call to the listener somewhere."""
    prologue, where = target(port, rng)
    if rng.random() < 0.1:  # the address given by a variable
        prologue, where = "", "?v"
        context = rng.choice([f"{{{{ BIND(IRI(\"http://127.0.0.1:{port}/\") AS ?v) {{p}} }}}}",
                              f"{{{{ VALUES ?v {{{{ <http://127.0.0.1:{port}/> }}}} {{p}} }}}}"])
    else:
        context = rng.choice(CONTEXTS)
    keyword, before, between, after = escaped("SERVICE", rng), rng.choice(BEFORE), rng.choice(BETWEEN), rng.choice(AFTER)
    pattern = f"?s ?p {before}{keyword}{between}{where}{after}{{ ?a ?b ?c }}"
    return prologue + rng.choice(FORMS) + context.format(p=pattern)


def from_query(port, rng):
    """A query naming the listener as a FROM or FROM NAMED graph."""
    prologue, where = target(port, rng)
    named, between = rng.choice(["", " NAMED", "\nnamed", "#c\nNamed"]), rng.choice(BETWEEN[:5])
    return (f"{prologue}SELECT{rng.choice([' * ', '*', ' ?s '])}{escaped('FROM', rng)}{named}"
            f"{between}{where} WHERE {{ ?s ?p ?o }}")


def update(port, rng):
    """An update that LOADs from the listener, calls it by SERVICE, or names it with USING / WITH."""
    prologue, where = target(port, rng)
    kind = rng.randrange(4)
    if kind == 0:
        into, between = rng.choice(["", " INTO GRAPH <x:g>", "\ninto graph <x:g>"]), rng.choice(BETWEEN)
        return f"{prologue}{rng.choice(['', 'INSERT DATA {} ;'])}{escaped('LOAD', rng)}{between}{where}{into}"
    if kind == 1:
        before, keyword, between = rng.choice(BEFORE), escaped("SERVICE", rng), rng.choice(BETWEEN)
        return f"{prologue}INSERT {{ ?s <x:p> ?o }} WHERE {{ ?s ?p {before}{keyword}{between}{where} {{ ?s ?p ?o }} }}"
    if kind == 2:
        return f"{prologue}DELETE {{ ?s <x:never> ?o }} {escaped('USING', rng)} {where} WHERE {{ ?s ?p ?o }}"
    return f"{prologue}{escaped('WITH', rng)} {where} DELETE {{ ?s <x:never> ?o }} WHERE {{ ?s ?p ?o }}"


def generated(port):
    """(queries, updates) made from the fixed seed, every one distinct."""
    rng = random.Random(SEED)
    queries, updates = set(), set()
    while len(queries) < QUERIES:
        queries.add(service_query(port, rng) if rng.random() < 0.97 else from_query(port, rng))
    while len(updates) < UPDATES:
        updates.add(update(port, rng))
    return sorted(queries), sorted(updates)


def test_the_pre_filter_lets_every_generated_query_through_to_the_parser(listener):
    queries, _ = generated(listener.port)  # updates are always parsed
    assert all(guard.MIGHT_REACH.search(text) for text in queries)
    assert not guard.MIGHT_REACH.search("SELECT ?x WHERE { ?x <http://example.org/servic> 'fro', 'loa' }")


def query_request(client, text, number):
    """Send a query by GET, by a form POST or as a sparql-query body, in turn."""
    if number % 3 == 0:
        return client.send("GET", "/sparql?" + urllib.parse.urlencode({"query": text}))
    if number % 3 == 1:
        return client.send("POST", "/sparql", body=urllib.parse.urlencode({"query": text}),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    return client.send("POST", "/sparql", body=text.encode(), headers={"Content-Type": "application/sparql-query"})


def test_ten_thousand_generated_texts_sent_to_the_servers_reach_nothing(server, scratch_server, listener):
    queries, updates = generated(listener.port)
    reader, writer = KeepAlive(server.port), KeepAlive(scratch_server.port)
    address = urllib.parse.quote(f"http://127.0.0.1:{listener.port}/t", safe="")
    saved = [f"/api/queries/measures-by-agency?agency={address}&format={'json' if n % 2 else 'csv'}"
             for n in range(SAVED)]
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda pair: query_request(reader, pair[1], pair[0]), enumerate(queries)))
        answers += list(pool.map(lambda text: writer.send("POST", "/update", body=text.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}), updates))
        answers += list(pool.map(lambda path: reader.send("GET", path), saved))
    took = time.monotonic() - started
    reader.close()
    writer.close()
    assert len(answers) == QUERIES + UPDATES + SAVED >= 10_000
    assert listener.connections == 0
    unexpected = [(text, status, body[:300]) for text, (status, body) in zip(queries + updates + saved, answers)
                  if not (status in (200, 400) or status == 503 and body.startswith(BUSY_OR_TIMED_OUT))]
    assert unexpected == []
    # over a thousand times the engine did try to reach the listener, and the kernel stopped it
    refused = sum(body == guard.SEALED_MESSAGE.encode() + b"\n" for _, body in answers)
    assert refused > 1_000
    print(f"{len(answers)} requests in {took:.1f} s ({1000 * took / len(answers):.1f} ms each), {refused} refused "
          f"for want of network, statuses {dict(Counter(status for status, _ in answers))}")


def test_the_listener_does_count_a_connection(listener):
    """The listener counts what reaches it: without this, zero connections would prove nothing."""
    before = listener.connections
    socket.create_connection(("127.0.0.1", listener.port), timeout=5).close()
    deadline = time.monotonic() + 5
    while listener.connections == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.connections == before + 1
    listener.connections = before


def test_the_issues_bypasses_find_no_network_in_a_sealed_worker(server, listener):
    address = f"http://127.0.0.1:{listener.port}/"
    for query in (f"PREFIX : <{address}> SELECT * {{ ?s ?p ?o . SERVICE:x {{ ?a ?b ?c }} }}",
                  f"SELECT * {{ ?s ?p 2020SERVICE <{address}y> {{ ?a ?b ?c }} }}"):
        status, _, body = sparql_get(server, query)
        assert (status, body.decode()) == (400, guard.SEALED_MESSAGE + "\n")
    status, _, body = sparql_get(server, "ASK { SERVICE <http://[::1/> { } }")
    assert status == 400 and body.decode().startswith("The query is not valid SPARQL: ")
    assert listener.connections == 0


def test_with_an_allow_list_the_parsed_query_decides(listener, rdf_dir, tmp_path):
    allowed = f"http://127.0.0.1:{listener.port}/allowed/"
    federating = start_server(tmp_path, data=[rdf_dir], env={"ATKG_FEDERATION_ALLOWLIST": allowed})
    try:
        queries, _ = generated(listener.port)
        sample = random.Random(SEED).sample(queries, 100)
        statuses = [sparql_get(federating, query)[0] for query in sample]
        assert listener.connections == 0 and set(statuses) <= {400, 503}
        query = f"PREFIX : <http://127.0.0.1:{listener.port}/> SELECT * {{ ?s ?p ?o . SERVICE:x {{ ?a ?b ?c }} }}"
        status, _, body = sparql_get(federating, query)
        assert (status, body.decode()) == (400, (
            f"This service does not contact other addresses on behalf of a query: SERVICE "
            f"<http://127.0.0.1:{listener.port}/x> was refused. Addresses it may contact: {allowed}.\n"))
        status, _, body = sparql_get(federating, f"SELECT * {{ ?s ?p 1SERVICE <{allowed}../y> {{ ?a ?b ?c }} }}")
        assert status == 400 and body.decode().startswith(
            "This service reads every query that names SERVICE, LOAD or FROM before running it, and cannot "
            "read this one: Expected SelectQuery, found 'SERVICE'")
        status, _, body = sparql_get(federating, "ASK { SERVICE <http://[::1/> { } }")
        assert status == 400 and "SERVICE <http://[::1/> was refused" in body.decode()
        assert listener.connections == 0
    finally:
        federating.stop()


def test_a_query_that_names_no_reaching_word_is_not_parsed_by_rdflib():
    before = guard._parsed_reach.cache_info()
    assert guard.read_reach("SELECT * { ?s ?p ?o FILTER(?o = 'x') }", base="http://127.0.0.1/") == guard.Reach()
    assert guard._parsed_reach.cache_info() == before
    with pytest.raises(guard.Refused, match="cannot read this one"):
        guard.read_reach("SELECT * { ?s ?p 'from' ", base="http://127.0.0.1/")


def test_words_holding_the_keywords_are_parsed_and_harmless(server):
    query = 'SELECT ?o WHERE { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?o } # Loaded, serviced'
    status, _, body = sparql_get(server, query)
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
