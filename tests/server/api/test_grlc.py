"""grlc (CLARIAH/grlc, from PyPI) serves a copy of queries/ against our endpoint, unchanged, and answers
with the same rows as our own API: the `#+` headers are grlc's, the parameters BASIL's."""

import json
import shutil
import subprocess
import sys
import time
import urllib.parse

import pytest

from atkg.queries import QUERY_DIR
from tests.server.helpers import fetch, free_port

AGENCY = "https://w3id.org/atkg/agency/"
GRLC_SERVER = "import waitress, grlc.server; waitress.serve(grlc.server.app, host='127.0.0.1', port={port})"


@pytest.fixture(scope="module")
def grlc(real_server, tmp_path_factory):  # noqa: F811
    """grlc's own Flask app on a loopback port, reading a folder copy of queries/, asking our /sparql."""
    tmp = tmp_path_factory.mktemp("grlc")
    folder = tmp / "queries"
    folder.mkdir()
    copied = [shutil.copy(path, folder) for path in sorted(QUERY_DIR.glob("*.rq"))]
    assert len(copied) >= 25
    port = free_port()
    # grlc reads config.ini from its working folder when it is imported.
    (tmp / "config.ini").write_text(f"[defaults]\nsparql_endpoint = {real_server.sparql}\n"
                                    f"server_name = 127.0.0.1:{port}\n[local]\nlocal_sparql_dir = {folder}\n",
                                    encoding="utf-8")
    with open(tmp / "grlc.log", "wb") as log:
        process = subprocess.Popen([sys.executable, "-c", GRLC_SERVER.format(port=port)], cwd=tmp,
                                   stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    _wait_for(base, process, tmp / "grlc.log")
    yield base
    process.terminate()
    process.wait(10)


def _wait_for(base, process, log):
    deadline = time.monotonic() + 180  # generous: the machine may be busy with other work
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(encoding="utf-8")
        try:
            fetch(f"{base}/", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"grlc did not start:\n{log.read_text(encoding='utf-8')}")


def both(grlc_base, server, name, **values):
    """(grlc's JSON results, our API's JSON results) for the same saved query and values."""
    query = urllib.parse.urlencode(values)
    status, _, theirs = fetch(f"{grlc_base}/api-local/{name}?{query}", headers={"Accept": "application/json"})
    assert status == 200, theirs
    status, _, ours = fetch(f"{server.base}/api/queries/{name}?{query}")
    assert status == 200, ours
    return json.loads(theirs), json.loads(ours)


def test_grlc_reads_the_headers_of_every_saved_query(grlc):
    # grlc asks our endpoint for every parameter's values while it writes the spec: 3.5 s on its own, past
    # fetch's usual 30 s when the suite shared the two cores with three others (load average 8-9).
    spec = json.loads(fetch(f"{grlc}/api-local/swagger", timeout=180)[2])
    assert sorted(path.strip("/") for path in spec["paths"]) == sorted(path.stem for path in QUERY_DIR.glob("*.rq"))
    operation = spec["paths"]["/measures-by-agency"]["get"]
    assert operation["summary"] == "Measures an agency carries, alone or jointly"
    assert [(parameter["name"], parameter["required"]) for parameter in operation["parameters"]] == [("agency", True)]


def test_measures_by_agency_through_grlc_gives_our_rows(grlc, real_server):  # noqa: F811
    theirs, ours = both(grlc, real_server, "measures-by-agency", agency=AGENCY + "dmx")
    assert theirs == ours
    plan = [row for row in ours["results"]["bindings"]
            if row["plan"]["value"] == "https://w3id.org/atkg/plan/nap-2020-2024"]
    assert len(plan) == 19


def test_readmission_figures_through_grlc_give_our_rows(grlc, real_server):  # noqa: F811
    theirs, ours = both(grlc, real_server, "readmission-figures")
    assert theirs == ours
    values = {(row["period"]["value"], row["value"]["value"]) for row in ours["results"]["bindings"]
              if row["indicator_en"]["value"].startswith("Citizens")}
    assert values == {("2022", "362"), ("2021", "389"), ("2020-01/2020-03", "102")}


def test_optional_parameters_through_grlc(grlc, real_server):  # noqa: F811
    theirs, ours = both(grlc, real_server, "partner-engagement", partner="https://w3id.org/atkg/partner/iom",
                        year="2021")
    assert theirs == ours and len(ours["results"]["bindings"]) == 3
    theirs, ours = both(grlc, real_server, "partner-engagement")
    assert theirs == ours and len(ours["results"]["bindings"]) > 3


def test_an_iri_and_an_integer_parameter_through_grlc(grlc, real_server):  # noqa: F811
    theirs, ours = both(grlc, real_server, "report-coverage", agency=AGENCY + "dmx", year="2021")
    assert theirs == ours and len(ours["results"]["bindings"]) == 19
