"""The same service on a remote store: atkg serving, checking and ingesting with ATKG_STORE_QUERY_URL and
ATKG_STORE_UPDATE_URL pointing at a real Oxigraph server and at a real Virtuoso, both on loopback.

One Virtuoso for the whole file (a new database in a temporary folder, free loopback ports), loaded once
with the session's build as `atkg build` loads a remote store; one Oxigraph server over a copy of the
build's store. Ingest replaces a report with the same text, so the stores end as they started.
"""

import json
import re
import shutil
import signal
import socket
import threading
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from atkg.cli import main
from atkg.config import settings_from_env
from atkg.graph import dataset
from atkg.graph.remote import RemoteStore, RemoteStoreError
from atkg.graph.sources import sources_dir
from atkg.journal import journal_dir, recover
from atkg.queries import load_queries
from tests.atkg.test_ingest import GRAPH, STEM, report_2023
from tests.server.helpers import fetch, start_server
from tests.support.saved_answers import answer_rows
from tests.support.killed_ingest import KilledIngest
from tests.support.stores import oxigraph_server, virtuoso_server

BASE = "https://w3id.org/atkg/"
XSD = "http://www.w3.org/2001/XMLSchema#"
REPORT_2021 = "002_e692b092547fc0c1"
SAVED = sorted(load_queries())


@pytest.fixture(scope="module")
def virtuoso(built, tmp_path_factory):
    """(environment, RemoteStore) of a Virtuoso holding the session's build, written as `atkg build` writes a
    remote store: its named graphs replaced batch by batch of INSERT DATA, updates with digest credentials."""
    settings, _ = built
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as server:
        env = {"ATKG_STORE_QUERY_URL": server.query_url, "ATKG_STORE_UPDATE_URL": server.update_url,
               "ATKG_STORE_USER": server.user, "ATKG_STORE_PASSWORD": server.password,
               "ATKG_DATA_DIR": str(tmp_path_factory.mktemp("virtuoso-data"))}  # its ingest journal, never var/
        store = RemoteStore(server.query_url, update_url=server.update_url, user=server.user,
                            password=server.password)
        quads = list(ox.parse(path=settings.dump_dir / "atkg.nq", format=ox.RdfFormat.N_QUADS))
        dataset.publish_remote(quads, store, graph_iris={quad.graph_name.value for quad in quads})
        yield env, store


@pytest.fixture(scope="module")
def oxigraph(built, tmp_path_factory):
    """(environment, RemoteStore) of an Oxigraph server (union default graph) over a copy of the build's store."""
    settings, _ = built
    folder = tmp_path_factory.mktemp("oxigraph-remote")
    shutil.copytree(settings.store_dir, folder / "store")
    with oxigraph_server(folder / "store", union_default_graph=True) as url:
        env = {"ATKG_STORE_QUERY_URL": f"{url}/query", "ATKG_STORE_UPDATE_URL": f"{url}/update",
               "ATKG_DATA_DIR": str(folder / "data")}  # its ingest journal, never the checkout's var/
        yield env, RemoteStore(env["ATKG_STORE_QUERY_URL"], update_url=env["ATKG_STORE_UPDATE_URL"])


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def remote(request):
    """Each remote store in turn: (name, environment, RemoteStore)."""
    env, store = request.getfixturevalue(request.param)
    return request.param, env, store


@pytest.fixture(scope="module")
def on_virtuoso(virtuoso, tmp_path_factory):
    """`atkg serve` on the Virtuoso."""
    env, _ = virtuoso
    # /check reads every graph from the store: on a busy machine that took more than the default 10 s
    running = start_server(tmp_path_factory.mktemp("serve-virtuoso"), env=dict(env, ATKG_QUERY_TIMEOUT="60"))
    yield running
    running.stop()


def test_virtuoso_takes_updates_only_with_the_credentials(virtuoso):
    env, store = virtuoso
    update = 'INSERT DATA { GRAPH <urn:atkg-test:auth> { <urn:a> <urn:b> "c" } }'
    # An opener of its own: SPARQLWrapper's digest authentication installs one for the whole process.
    anonymous = urllib.request.build_opener().open
    with pytest.raises(urllib.error.HTTPError, match="401"):
        anonymous(env["ATKG_STORE_UPDATE_URL"], data=urlencode({"update": update}).encode(), timeout=30)
    wrong = RemoteStore(env["ATKG_STORE_QUERY_URL"], update_url=env["ATKG_STORE_UPDATE_URL"], user="dba",
                        password="not-the-password")
    with pytest.raises(RemoteStoreError, match=r"/sparql-auth answered 401"):
        wrong.update(update)
    assert not store.has_graph("urn:atkg-test:auth")
    store.update(update)
    assert store.has_graph("urn:atkg-test:auth")
    store.update("DROP SILENT GRAPH <urn:atkg-test:auth>")
    assert not store.has_graph("urn:atkg-test:auth")


def call(server, name, **values):
    return fetch(f"{server.base}/api/queries/{name}" + (f"?{urlencode(values)}" if values else ""),
                 headers={"Accept": "application/sparql-results+json"})


def rows_of(body, name):
    """The answer's rows (tests/support/saved_answers.py), each cell as the same value is written by either
    store: where SPARQL or RDF leaves the writing to the store, its choices are made alike."""
    query = load_queries()[name]
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    minimum = set(MIN_OF_NAMES.findall(query.text))
    return sorted((tuple("a name" if column in minimum and cell else _alike(cell)
                         for column, cell in zip(query.columns, row)) for row in answer_rows(solutions, query)),
                  key=repr)


# MIN over language-tagged names: SPARQL orders no two of them, so each store picks its own first.
MIN_OF_NAMES = re.compile(r"MIN\(\?name\)\s*AS\s*\?(\w+)")
BOOLEAN = f"^^<{XSD}boolean>"


def _alike(cell):
    """A cell written alike: xsd:boolean as true/false (Virtuoso writes 1/0, the same values); the build's
    xsd:positiveInteger as xsd:integer (Oxigraph keeps only the latter, Virtuoso what the build wrote); a
    GROUP_CONCAT of no values unbound, its parts plain strings (Oxigraph gives an empty group no value and
    keeps a language all parts share, Virtuoso gives "" and a plain string, as SPARQL 1.1 says)."""
    if isinstance(cell, tuple):
        return None if cell[2] == [""] else sorted(cell[2])
    if cell is None:
        return None
    if cell.endswith(BOOLEAN):
        return {'"1"': '"true"', '"0"': '"false"'}.get(cell.removesuffix(BOOLEAN), cell.removesuffix(BOOLEAN))
    return cell.replace(f"^^<{XSD}positiveInteger>", f"^^<{XSD}integer>")



@pytest.mark.parametrize("name", SAVED)
def test_every_saved_query_answers_on_virtuoso_as_on_the_embedded_store(real_server, on_virtuoso, name):
    values = load_queries()[name].example
    status, headers, body = call(on_virtuoso, name, **values)
    assert status == 200, body.decode()
    assert "ETag" not in headers  # a remote store has no version to key answers by
    embedded = call(real_server, name, **values)[2]
    assert json.loads(body)["head"]["vars"] == json.loads(embedded)["head"]["vars"]
    assert rows_of(body, name) == rows_of(embedded, name)


@pytest.fixture(scope="module")
def served(remote, on_virtuoso, tmp_path_factory):
    """(name, `atkg serve` on it, environment, RemoteStore) for each remote store in turn."""
    name, env, store = remote
    if name == "virtuoso":
        yield name, on_virtuoso, env, store
        return
    running = start_server(tmp_path_factory.mktemp(f"serve-{name}"), env=dict(env, ATKG_QUERY_TIMEOUT="60"))
    yield name, running, env, store
    running.stop()


def test_search_and_the_pages_work_on_a_remote_store(served):
    _, server, _, _ = served
    found = json.loads(fetch(f"{server.base}/api/search?q=DMX")[2])["results"][0]
    assert (found["iri"], found["match"]) == (f"{BASE}agency/dmx", "exact")
    status, _, page = fetch(f"{server.base}/id/agency/dmx?lang=en", headers={"Accept": "text/html"})
    assert status == 200 and "State Migration Service" in page.decode()
    status, _, page = fetch(f"{server.base}/queries/measures-by-agency?agency={BASE}agency/dmx")
    assert status == 200 and "nap-2020-2024/measure/4.4.9" in page.decode()
    for address in ("/", "/dashboard", "/queries", "/check"):
        assert fetch(f"{server.base}{address}", headers={"Accept": "text/html"})[0] == 200, address


def test_the_check_page_gives_the_verdict_on_a_remote_store(served):
    _, server, _, _ = served
    text = (sources_dir() / f"{REPORT_2021}.txt").read_text(encoding="utf-8")
    status, _, page = fetch(f"{server.base}/check?lang=en", method="POST", body=urlencode({"text": text}),
                            timeout=120, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "Verdict: State Migration Service, 2021" in page.decode()
    assert "19 of 19 measures covered" in page.decode()  # DMX executes 19 of the plan's measures in 2021


def test_atkg_check_and_ingest_work_on_a_remote_store(remote, built, tmp_path):
    """`atkg check` gives the verdict the embedded store gives; `atkg ingest --replace` of a report with the
    same text writes its graph and the worked-out graphs anew (the pairs of bodies sharing measures, dropped
    first, come back), and the store holds what it held."""
    name, env, store = remote
    settings, _ = built
    report = tmp_path / f"{REPORT_2021}.txt"
    shutil.copy2(sources_dir() / report.name, report)
    runner = CliRunner()
    local = runner.invoke(main, ["check", str(report), "--lang", "en"], env={"ATKG_DATA_DIR": str(settings.data_dir)})
    checked = runner.invoke(main, ["check", str(report), "--lang", "en"], env=env)
    assert (checked.exit_code, checked.output) == (local.exit_code, local.output)
    assert local.exit_code == 0 and "dmx" in local.output
    before = _our_quads(store)
    store.update(f"DROP SILENT GRAPH <{BASE}graph/derived/shared-responsibility>")  # Virtuoso: SILENT, or it refuses
    assert len(_our_quads(store)) < len(before)
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir(), sources)
    ingested = runner.invoke(main, ["ingest", str(report), "--replace", "--sources", str(sources), "--lang", "en"],
                             env=env)
    assert ingested.exit_code == 0, ingested.output
    assert ingested.output.startswith(f"Replaced {BASE}report/dmx-2021: ")
    assert _our_quads(store) == before and len(before) > 15000


def _our_quads(store):
    rows = store.query(f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{BASE}")) }}')
    return sorted(_alike(f"{row['g']} {row['s']} {row['p']} {row['o']}") for row in rows)


class Silent:
    """A loopback listener that accepts connections and never answers."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self.accepted = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.accepted.append(self.socket.accept()[0])
            except OSError:
                return

    def close(self):
        for connection in self.accepted:
            connection.close()
        self.socket.close()


def test_a_store_that_fails_gives_502_and_one_that_stalls_504(tmp_path):
    (tmp_path / "gone").mkdir()
    (tmp_path / "stalled").mkdir()
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    silent = Silent()
    gone = start_server(tmp_path / "gone", env={"ATKG_STORE_QUERY_URL": f"http://127.0.0.1:{port}/sparql"})
    stalled = start_server(tmp_path / "stalled", env={"ATKG_STORE_QUERY_URL": silent.url, "ATKG_QUERY_TIMEOUT": "2"})
    try:
        status, headers, body = call(gone, "measures-by-agency", agency=f"{BASE}agency/dmx")
        assert (status, body.decode()) == (502, "The store that holds the graph could not be reached; please try "
                                                "again in a moment.\n")
        status, _, body = fetch(f"{gone.sparql}?query=ASK%7B%7D")
        assert (status, body.decode()) == (502, "The store that holds the graph could not be reached; please try "
                                                "again in a moment.\n")
        status, _, page = fetch(f"{gone.base}/id/agency/dmx?lang=en", headers={"Accept": "text/html"})
        assert status == 502 and "The store that holds the graph did not answer." in page.decode()
        status, _, body = fetch(f"{stalled.sparql}?query=ASK%7B%7D")
        assert (status, body.decode()) == (504, "The store that holds the graph did not answer within 2 seconds; "
                                                "please try again in a moment.\n")
    finally:
        gone.stop()
        stalled.stop()
        silent.close()


# The steps of a remote ingest's writing (atkg/ingest.py, _write_remote), one in each gap between two writes
# before the journal is marked for the switch: killed there, the old state comes back. From the mark on the
# new state comes: killed before the switch is sent, recovery makes it; just after it (the journal still in
# place; "changed" follows with no write between) or after the commit (the staging's state graph still
# there; after that only the journal's folder is deleted), recovery finishes the ingest.
BEFORE_SWITCH = ("journal-written", "staged", "graph-staged", "graphs-staged", "moved-in")
TOUCHED = (f"{BASE}graph/source/{STEM}", *(f"{BASE}graph/{name}" for name in
                                          ("derived/shared-responsibility", "derived/text-reuse", "inferred")))


def test_a_remote_ingest_killed_at_any_step_leaves_the_old_state_or_the_new_one_and_can_be_run_again(
        remote, tmp_path):
    """Each step of the writing killed (SIGKILL) in turn: until recovery, readers of the named graphs and of
    the default graph see the old state or the new one, never the staged graphs; after it, the store (every
    graph under the base, staged ones included) and the sources folder are the old state or the new one,
    with no journal or staged file left. While the switch is made, a reader polling the graphs' sizes sees
    only the old ones or the new ones on Oxigraph; on Virtuoso a query running as the switch commits was seen
    counting part of it (graph/staging.py), so there only the old sizes are required before the switch."""
    name, env, store = remote
    settings = settings_from_env(env)
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir(), sources)
    report = tmp_path / f"{STEM}.txt"
    report.write_text(report_2023(), encoding="utf-8")
    old, old_view = remote_state(store, sources), reader_view(store)
    ingest = KilledIngest(report, sources, env=env)
    try:
        with Backup(store, TOUCHED) as backup:
            for step in BEFORE_SWITCH:
                assert ingest.killed_at(step) == -signal.SIGKILL, step
                assert reader_view(store) == old_view, step
                assert recover(settings) is True, step
                assert (remote_state(store, sources), leftovers(settings, sources)) == (old, []), step
            assert ingest.killed_at("switching") == -signal.SIGKILL  # the journal marked, the switch not sent
            assert reader_view(store) == old_view
            assert recover(settings) is True  # which makes the switch and commits
            new, new_view = remote_state(store, sources), reader_view(store)
            assert leftovers(settings, sources) == []
            # written anew, the pairs of bodies sharing measures stay as they were: they come from the plan
            assert changed_graphs(old, new) == set(TOUCHED) - {f"{BASE}graph/derived/shared-responsibility"}
            assert f"{STEM}.txt" in {path for path, _ in new[1]} - {path for path, _ in old[1]}
            for step in ("switched", "committed"):
                backup.put_back(sources)
                assert reader_view(store) == old_view, step
                with Reader(store) as seen:
                    assert ingest.killed_at(step) == -signal.SIGKILL, step
                assert reader_view(store) == new_view, step
                assert recover(settings) is (step == "switched"), step  # committed: only its state graph left
                assert (remote_state(store, sources), leftovers(settings, sources)) == (new, []), step
                assert old_view[0] in seen.counts, step
                assert name == "virtuoso" or seen.counts <= {old_view[0], new_view[0]}, seen.counts
            backup.put_back(sources)
    finally:
        ingest.close()
    assert remote_state(store, sources) == old


def remote_state(store, sources):
    """Every quad in a graph under the base (staged ones included), and every file of the sources folder."""
    return quads_under(store, BASE), sorted((path.name, path.read_bytes()) for path in sources.iterdir())


def quads_under(store, prefix):
    """Every quad of the store in a graph whose IRI starts with `prefix`, as written by the store, sorted."""
    rows = store.query(f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{prefix}")) }}')
    return sorted(f"{row['g']} {row['s']} {row['p']} {row['o']}" for row in rows)


def reader_view(store):
    """What readers see, in short: how many triples each of the dataset's named graphs holds, and the default
    graph's triples about the 2023 report (the union of every graph on both stores: staged triples would be
    there, but for their IRIs)."""
    about = store.query(f'SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{BASE}report/dmx-2023")) }}')
    return graph_sizes(store), sorted(f"{row['s']} {row['p']} {row['o']}" for row in about)


def graph_sizes(store):
    """((graph IRI, triples), ...) of the dataset's named graphs, in one query."""
    rows = store.query(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                       f'FILTER(STRSTARTS(STR(?g), "{BASE}graph/")) }} GROUP BY ?g')
    return tuple(sorted((row["g"].value, int(row["n"].value)) for row in rows))


def changed_graphs(old, new):
    """The IRIs of the graphs whose quads differ between two states."""
    return {quad.split(" ", 1)[0].strip("<>") for quad in set(old[0]) ^ set(new[0])}


class Reader:
    """A thread counting the triples of each of the dataset's named graphs (`graph_sizes`) every tenth of a
    second while the block runs: `counts` holds every answer it got."""

    def __init__(self, store):
        self.store, self.counts, self.done = store, set(), threading.Event()
        self.thread = threading.Thread(target=self._read)

    def _read(self):
        while True:
            self.counts.add(graph_sizes(self.store))
            if self.done.wait(0.1):
                return

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()


class Backup:
    """Copies of `graphs` kept in the store itself, outside the base, while the block runs: `put_back`
    writes them back (a graph that was not there dropped) faster than sending them again."""

    def __init__(self, store, graphs):
        self.store = store
        self.graphs = {graph: f"urn:atkg-test:backup:{number}" for number, graph in enumerate(graphs)}

    def __enter__(self):
        self._copy(self.graphs.items())
        return self

    def put_back(self, sources):
        """The graphs as they were, and the sources folder as the checkout's."""
        self._copy((backup, graph) for graph, backup in self.graphs.items())
        shutil.rmtree(sources)
        shutil.copytree(sources_dir(), sources)

    def __exit__(self, *exc):
        self.store.update(" ;\n".join(f"DROP SILENT GRAPH <{backup}>" for backup in self.graphs.values()))

    def _copy(self, pairs):
        """Each graph's triples in place of the other's, in one update (DROP SILENT and INSERT WHERE, which
        atkg sends both stores anyway)."""
        self.store.update(" ;\n".join(f"DROP SILENT GRAPH <{to}> ;\nINSERT {{ GRAPH <{to}> {{ ?s ?p ?o }} }} "
                                       f"WHERE {{ GRAPH <{of}> {{ ?s ?p ?o }} }}" for of, to in pairs))


def leftovers(settings, sources):
    """Journal folders and staged files an interrupted ingest could have left."""
    journal = journal_dir(settings)
    return sorted([path.name for path in journal.parent.glob(journal.name + "*")]
                  + [path.name for path in sources.iterdir() if path.suffix not in (".txt", ".yaml")])
