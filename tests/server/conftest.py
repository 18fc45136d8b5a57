"""Fixtures: small RDF data written by the tests, and real `atkg serve` processes on loopback ports."""

import pytest

from tests.server.helpers import MEASURES_TRIG, TOKEN, VOCAB_TTL, start_server


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
