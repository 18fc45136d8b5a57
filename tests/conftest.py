"""Shared fixtures: one real build of the graph into a temporary folder, reused by the whole session, and
`atkg serve` processes on loopback ports (over that build, or over small RDF data written by the tests)."""

import dataclasses
import pickle

import pytest
from filelock import FileLock

from atkg.config import settings_from_env
from atkg.graph.store import EmbeddedStore
from tests.server.helpers import MEASURES_TRIG, TOKEN, VOCAB_TTL, start_server


def once_per_run(tmp_path_factory, worker_id, name, make):
    """make(folder)'s result, made once for the whole run in the run's folder (above the xdist workers'): by
    the first worker to ask, while the others wait for it and then read it pickled."""
    shared = tmp_path_factory.getbasetemp()
    shared = shared if worker_id == "master" else shared.parent
    done = shared / f"{name}.pickle"
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            done.write_bytes(pickle.dumps(make(shared)))
    return pickle.loads(done.read_bytes())


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id):
    """Settings and result of a real `atkg build` into a fresh data folder, made once for the whole run
    (tests only read it; one that changes a store works on a copy)."""
    from atkg.build import build

    def build_in(shared):
        settings = dataclasses.replace(settings_from_env({}), data_dir=shared / "atkg-data")
        return settings, build(settings, echo=lambda line: None)

    return once_per_run(tmp_path_factory, worker_id, "atkg-build", build_in)


@pytest.fixture(scope="session")
def source_graphs(tmp_path_factory, worker_id):
    """The build's graphs before the derived ones (atkg.build.build_graphs), made once for the whole run:
    a test that changes one works on a copy."""
    from atkg.build import build_graphs
    from atkg.graph.timing import Steps

    return once_per_run(tmp_path_factory, worker_id, "atkg-source-graphs",
                        lambda shared: build_graphs(settings_from_env({}), steps=Steps(lambda line: None)))


@pytest.fixture(scope="session")
def store(built):
    """The built embedded store, opened read-only."""
    settings, _ = built
    return EmbeddedStore(settings.store_dir, read_only=True)


@pytest.fixture(scope="session")
def select(store):
    """Run a SELECT with the project's prefixes; rows as tuples of plain string values."""

    def run(query):
        solutions = store.query(PREFIXES + query, union_default_graph=True)
        names = [v.value for v in solutions.variables]
        return [tuple(_plain(row[name]) for name in names) for row in solutions]

    return run


def _plain(term):
    return None if term is None else term.value


PREFIXES = """
PREFIX atkg: <https://w3id.org/atkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="session")
def real_site(built, tmp_path_factory):
    """`atkg serve` on the store of the session's real build, on a loopback port (one for the session)."""

    settings, _ = built
    running = start_server(tmp_path_factory.mktemp("real-site"), store=settings.store_dir,
                           env={"ATKG_QUERY_TIMEOUT": "30"})
    yield running
    running.stop()


@pytest.fixture(scope="session")
def rdf_dir(tmp_path_factory):
    """A folder with one TriG file (two named graphs) and one Turtle file (default graph)."""
    folder = tmp_path_factory.mktemp("rdf")
    (folder / "measures.trig").write_text(MEASURES_TRIG, encoding="utf-8")
    (folder / "vocab.ttl").write_text(VOCAB_TTL, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def server(rdf_dir, tmp_path_factory):
    """A read-only server on the test data, with dumps in its data folder and a 2-second time limit."""
    tmp = tmp_path_factory.mktemp("server")
    dumps = tmp / "var" / "dumps"
    dumps.mkdir(parents=True)
    (dumps / "atkg.trig").write_text(MEASURES_TRIG, encoding="utf-8")
    running = start_server(tmp, data=[rdf_dir], env={"ATKG_QUERY_TIMEOUT": "2", "ATKG_MAX_ROWS": "5",
                                                     "ATKG_MAX_REQUEST_BYTES": "20000"})
    yield running
    running.stop()


@pytest.fixture(scope="session")
def scratch_server(rdf_dir, tmp_path_factory):
    """A server with updates enabled by a bearer token, on its own copy of the test data."""
    tmp = tmp_path_factory.mktemp("scratch")
    running = start_server(tmp, data=[rdf_dir], env={"ATKG_UPDATE_TOKEN": TOKEN})
    yield running
    running.stop()


@pytest.fixture(scope="session")
def real_server(real_site):
    """The session's server on the real build."""
    return real_site
