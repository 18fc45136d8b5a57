"""`atkg query` against the local store and against an endpoint, and `atkg serve` refusing missing or broken data."""

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from atkg.cli import main
from atkg.graph.store import EmbeddedStore
from tests.server.helpers import EX, MEASURES_TRIG, fetch, free_port, sparql_get, start_server

QUERY = f"""PREFIX ex: <{EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?number ?label WHERE {{ GRAPH ex:plan {{ ?m ex:number ?number ; rdfs:label ?label }} }} ORDER BY ?number"""
TABLE = """\
number | label
-------+----------------------------
1.1    | Improve the legal framework
1.2    | Train police officers
2.1    | Support shelters
(3 rows)
"""


def run(*args):
    """Run `atkg ARGS`, returning (exit code, output)."""
    result = CliRunner().invoke(main, list(map(str, args)))
    return result.exit_code, result.output


def query_file(tmp_path, text=QUERY):
    """A .rq file holding `text`."""
    path = tmp_path / "query.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_query_an_endpoint_in_every_format(server, tmp_path):
    path = query_file(tmp_path)
    assert run("query", path, "--endpoint", server.sparql) == (0, TABLE)
    code, output = run("query", path, "--endpoint", server.sparql, "--format", "csv")
    assert (code, output.splitlines()[:2]) == (0, ["number,label", "1.1,Improve the legal framework"])
    code, output = run("query", path, "--endpoint", server.sparql, "--format", "json")
    assert [row["number"]["value"] for row in json.loads(output)["results"]["bindings"]] == ["1.1", "1.2", "2.1"]
    code, output = run("query", path, "--endpoint", server.sparql, "--format", "tsv")
    assert output.splitlines()[1] == '"1.1"\t"Improve the legal framework"@en'


def test_query_the_local_store(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.load_quads(ox.parse(MEASURES_TRIG, format=ox.RdfFormat.TRIG))
    store.flush()
    del store
    path = query_file(tmp_path)
    assert run("query", path, "--store", tmp_path / "store") == (0, TABLE)
    ask = query_file(tmp_path, f"ASK {{ GRAPH ?g {{ <{EX}measure2> <{EX}status> <{EX}ongoing> }} }}")
    assert run("query", ask, "--store", tmp_path / "store") == (0, "yes\n")


def test_serve_a_store_on_disk_copied_into_memory_or_not(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.load_quads(ox.parse(MEASURES_TRIG, format=ox.RdfFormat.TRIG))
    (tmp_path / "store" / "VERSION").write_text("build-42\n", encoding="utf-8")
    store.flush()
    del store
    for in_memory in ("true", "false"):
        server = start_server(tmp_path, store=tmp_path / "store", env={"ATKG_STORE_IN_MEMORY": in_memory})
        try:
            _, _, body = sparql_get(server, QUERY)
            numbers = [row["number"]["value"] for row in json.loads(body)["results"]["bindings"]]
            assert numbers == ["1.1", "1.2", "2.1"]
            assert run("query", query_file(tmp_path), "--endpoint", server.sparql) == (0, TABLE)
            assert json.loads(fetch(f"{server.base}/health")[2])["version"] == "build-42-0"
        finally:
            server.stop()


def test_query_reports_errors_in_words(tmp_path):
    path = query_file(tmp_path, "SELECT * WHERE {")
    code, output = run("query", path, "--store", tmp_path / "missing")
    assert code == 1 and f"there is no graph at {tmp_path / 'missing'}: run `atkg build` first" in output


def test_serve_refuses_a_missing_store(tmp_path):
    code, output = run("serve", "--store", tmp_path / "nowhere", "--port", "1")
    assert code == 1
    assert f"Error: there is no graph store at {tmp_path / 'nowhere'}: run `atkg build` first" in output


def test_serve_says_which_file_is_not_rdf_and_stops(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "never closed .\n', encoding="utf-8")
    atkg = str(Path(sys.executable).with_name("atkg"))
    command = [atkg, "serve", "--data", str(broken), "--port", str(free_port())]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 1
    assert f"Error: the data could not be opened: {broken} is not valid Turtle: " in finished.stderr
    assert "Traceback" not in finished.stderr


def test_serve_in_two_web_processes_answers_from_either(rdf_dir, tmp_path):
    running = start_server(tmp_path, data=[rdf_dir], env={"ATKG_WEB_WORKERS": "2"})
    try:
        answers = {sparql_get(running, QUERY, accept="text/csv")[2] for _ in range(6)}
        assert answers == {b"number,label\r\n1.1,Improve the legal framework\r\n1.2,Train police officers\r\n"
                           b"2.1,Support shelters\r\n"}
        assert len(_children(running.process.pid)) == 2  # Granian's main process watches the two
    finally:
        running.stop()


def test_serve_refuses_two_web_processes_with_updates(rdf_dir):
    result = CliRunner().invoke(main, ["serve", "--data", str(rdf_dir), "--web-workers", "2", "--port", "1"],
                                env={"ATKG_UPDATE_TOKEN": "t"})
    assert result.exit_code == 1
    assert ("Error: --web-workers must be 1 when updates are enabled (ATKG_UPDATE_TOKEN): every web process would "
            "hold its own copy of the data") in result.output


def _children(pid):
    """The ids of the processes whose parent is `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
