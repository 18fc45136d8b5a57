"""`atkg serve` with no graph yet builds it from the sources, as `make serve` does on a fresh checkout, then
serves it: the build prints its steps, gives dumps byte-identical to the session's own build, and the plan's
facts answer over HTTP."""

import json
import re

import pytest

from tests.atkg.test_build_command import tree_bytes
from tests.server.helpers import fetch, sparql_get, start_server

PREFIXES = """PREFIX atkg: <https://w3id.org/atkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def built_server(tmp_path_factory):
    """A server started on an empty data folder: it must build the graph first."""
    tmp = tmp_path_factory.mktemp("real")
    running = start_server(tmp, env={"ATKG_QUERY_TIMEOUT": "10"})
    yield running, tmp / "var"
    running.stop()


def values(body, name):
    """The values of one variable in SPARQL JSON results."""
    return [row[name]["value"] for row in json.loads(body)["results"]["bindings"]]


def test_serve_builds_the_graph_when_there_is_none(built_server):
    server, data_dir = built_server
    assert (data_dir / "store" / "VERSION").exists() and (data_dir / "dumps" / "atkg.nq").exists()
    stamp = (data_dir / "store" / "VERSION").read_text(encoding="utf-8").strip()
    assert json.loads(fetch(f"{server.base}/health")[2])["version"] == f"{stamp}-0"


def test_rebuilding_unchanged_sources_gives_byte_identical_dumps(built, built_server):
    settings, _ = built
    _, data_dir = built_server
    assert tree_bytes(data_dir / "dumps") == tree_bytes(settings.dump_dir)


def test_the_build_prints_each_step_with_its_time(built_server):
    server, _ = built_server
    lines = server.log.read_text(encoding="utf-8").splitlines()
    for step in ("read source documents", "the plan", "OWL RL inferences (reasonable)", "dumps", "store"):
        assert any(re.match(rf"  {re.escape(step)} +\d+\.\d\d s", line) for line in lines), step
    assert any(re.match(r"  the plan +\d+\.\d\d s  64 measures, 8 sections$", line) for line in lines)


def test_the_plan_has_its_64_measures(built_server):
    server, _ = built_server
    query = PREFIXES + ("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { "
                        "<https://w3id.org/atkg/plan/nap-2020-2024> atkg:hasMeasure ?m }")
    status, _, body = sparql_get(server, query)
    assert status == 200 and values(body, "n") == ["64"]


def test_the_ministry_of_internal_affairs_by_its_azerbaijani_name(built_server):
    server, _ = built_server
    query = PREFIXES + ('SELECT ?body WHERE { ?body skos:prefLabel ?name '
                        'FILTER(?name = "Daxili İşlər Nazirliyi"@az) }')
    _, _, body = sparql_get(server, query)
    assert values(body, "body") == ["https://w3id.org/atkg/agency/din"]


def test_void_counts_every_quad_of_the_dump_and_links_it(built_server):
    server, data_dir = built_server
    dump = data_dir / "dumps" / "atkg.nq"
    quads = len([line for line in dump.read_text(encoding="utf-8").splitlines() if line.strip()])
    status, _, body = fetch(f"{server.base}/.well-known/void", headers={"Accept": "application/n-triples"})
    assert status == 200
    total = [line for line in body.decode().splitlines()
             if line.startswith("<https://w3id.org/atkg/> <http://rdfs.org/ns/void#triples>")]
    assert total == [f'<https://w3id.org/atkg/> <http://rdfs.org/ns/void#triples> '
                     f'"{quads}"^^<http://www.w3.org/2001/XMLSchema#integer> .']
    assert f"<{server.base}/dumps/atkg.nq>".encode() in body
    status, _, downloaded = fetch(f"{server.base}/dumps/atkg.nq")
    assert status == 200 and downloaded == dump.read_bytes()
