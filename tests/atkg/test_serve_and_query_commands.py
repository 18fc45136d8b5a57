"""`atkg query` against the local store and against an endpoint, and `atkg serve` refusing missing or broken data."""

import csv
import io
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


# Saved queries on the real build: the local graph answers as the endpoint does, and parameters are bound.
MEASURE = "https://w3id.org/atkg/plan/nap-2020-2024/measure/"


def saved(name):
    from atkg.queries import QUERY_DIR

    return QUERY_DIR / f"{name}.rq"


def built_store(built):
    settings, _ = built
    return settings.store_dir


def test_every_saved_querys_example_answers_locally_as_on_the_endpoint(built, real_server):
    """Regression: the local graph's default graph was not the union of the named graphs, so every saved
    query printed (0 rows)."""
    from atkg.queries import load_queries

    queries = load_queries()
    assert len(queries) >= 27
    for name, query in queries.items():
        params = [f"--param={key}={value}" for key, value in query.example.items()]
        local = run("query", saved(name), *params, "--store", built_store(built), "--format", "csv")
        remote = run("query", saved(name), *params, "--endpoint", real_server.sparql, "--format", "csv")
        assert local[0] == 0 and len(local[1].splitlines()) > 1, (name, local)
        # The same rows, told by their first column: a SAMPLE (agencies' abbreviation) may pick another value.
        assert sorted(_first_column(local[1])) == sorted(_first_column(remote[1])), name


def _first_column(csv_text):
    return [row[0] for row in csv.reader(io.StringIO(csv_text))]


def test_training_figures_give_348_staff_in_16_trainings_on_the_local_graph(built):
    code, output = run("query", saved("training-figures"), "--store", built_store(built))
    of_2021 = [line for line in output.splitlines() if line.startswith("2021 ")]
    assert code == 0 and "(0 rows)" not in output and len(of_2021) == 2
    assert any("| 348 " in line for line in of_2021) and any("| 16 " in line for line in of_2021)


def test_param_binds_a_saved_querys_values_as_the_api_does(built):
    store = built_store(built)
    code, output = run("query", saved("recycled-reporting"), "--param", "year=2021", "--param",
                       "agency=https://w3id.org/atkg/agency/dmx", "--store", store, "--format", "csv")
    lines = output.splitlines()
    assert code == 0 and len(lines) == 23 and lines[1].split(",")[3] == "4.4.8"
    assert run("query", saved("recycled-reporting"), "--param", "year=2020", "--store", store)[1].endswith(
        "(0 rows)\n")
    code, output = run("query", saved("new-since-last-year"), "--param", f"measure={MEASURE}4.3.5", "--store", store,
                       "--format", "json")
    (row,) = [row for row in json.loads(output)["results"]["bindings"] if row["year"]["value"] == "2021"]
    assert row["text"]["value"].startswith("2021-ci ildə 3 halda 6 nəfər")


def test_a_missing_required_parameter_is_named_with_the_list_of_parameters_and_exit_code_2(built):
    atkg = str(Path(sys.executable).with_name("atkg"))
    finished = subprocess.run([atkg, "query", str(saved("new-since-last-year")), "--store", str(built_store(built))],
                              capture_output=True, text=True, timeout=120)
    assert finished.returncode == 2 and finished.stdout == ""
    assert finished.stderr == (
        "atkg query: cannot run: new-since-last-year needs a value for 'measure': The measure, e.g. "
        f"{MEASURE}4.3.5\n"
        "new-since-last-year takes:\n"
        f"  --param measure=IRI  (required) The measure, e.g. {MEASURE}4.3.5\n")


def test_bad_parameter_values_are_refused_with_the_apis_message_and_exit_code_2(built):
    store = built_store(built)
    cases = [
        (("recycled-reporting", "year=20x1"), "'year' must be a whole number such as 2021; got '20x1'"),
        (("recycled-reporting", "colour=red"), "recycled-reporting has no parameter 'colour'; it takes: agency, year"),
        (("new-since-last-year", f"measure={MEASURE}9.9.9"), f"'measure': the graph has no Measure {MEASURE}9.9.9"),
        (("agencies", "year=2021"), "agencies has no parameter 'year'; it takes: no parameters"),
    ]
    for (name, param), message in cases:
        result = CliRunner().invoke(main, ["query", str(saved(name)), "--param", param, "--store", str(store)])
        assert result.exit_code == 2 and result.stdout == "", (name, param)
        assert result.stderr.startswith(f"atkg query: cannot run: {message}\n{name} takes"), result.stderr


def test_a_param_that_is_not_name_equals_value_is_a_usage_error(built):
    result = CliRunner().invoke(main, ["query", str(saved("recycled-reporting")), "--param", "year",
                                       "--store", str(built_store(built))])
    assert result.exit_code == 2 and "Invalid value for --param: 'year' is not NAME=VALUE, e.g. year=2021" in result.stderr


def test_a_plain_file_takes_the_basil_variables_it_uses_as_parameters(built, tmp_path):
    path = query_file(tmp_path, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                                "SELECT ?code WHERE { ?_measure_iri skos:notation ?code }")
    store = built_store(built)
    assert run("query", path, "--param", f"measure={MEASURE}4.3.5", "--store", store) == (
        0, "code\n-----\n4.3.5\n(1 row)\n")
    result = CliRunner().invoke(main, ["query", str(path), "--store", str(store)])
    assert result.exit_code == 2
    assert "  --param measure=IRI  (required) the value of ?_measure_iri in the query" in result.stderr


def test_query_help_says_how_to_give_parameters():
    code, output = run("query", "--help")
    assert code == 0 and "--param NAME=VALUE" in output
    assert "atkg query queries/recycled-reporting.rq --param year=2021" in output


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
