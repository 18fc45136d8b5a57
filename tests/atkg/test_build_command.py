"""`atkg build` as a user runs it: help, configurable base IRI, a remote store, refusal of broken sources
(its determinism and its printed steps: tests/atkg/test_first_serve.py)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from atkg.cli import main
from atkg.graph.sources import sources_dir

ATKG = str(Path(sys.executable).with_name("atkg"))


def tree_bytes(folder):
    """Every file under `folder`, by relative path, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(Path(folder).rglob("*"))
            if path.is_file()}


def test_atkg_help_names_the_build_command():
    result = subprocess.run([ATKG, "--help"], capture_output=True, text=True, check=True)
    assert "Start with `atkg build`" in result.stdout
    assert re.search(r"^  build +Build the knowledge graph from the source documents\.$", result.stdout, re.M)


def test_build_help_explains_what_it_reads_and_writes():
    result = subprocess.run([ATKG, "build", "--help"], capture_output=True, text=True, check=True)
    assert "Reads the plan and the reports in graph/sources/" in result.stdout
    assert "--data-dir" in result.stdout


@pytest.fixture
def broken_sources(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(sources_dir(), folder)
    plan = folder / "004_961f872eaa6ca64b.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Dövlət Turizm Agentliyi\t2021 2022",
                                                             "Dövlət Turizm Agentliyi\tsonra"), encoding="utf-8")
    return folder


def test_a_broken_source_fails_with_file_line_reason_and_keeps_the_previous_store(built, broken_sources, tmp_path):
    settings, _ = built
    data = tmp_path / "data"
    shutil.copytree(settings.data_dir, data)
    before = tree_bytes(data)
    result = CliRunner().invoke(main, ["build", "--data-dir", str(data), "--sources", str(broken_sources)])
    assert result.exit_code == 1
    assert ("Build failed: 004_961f872eaa6ca64b, line 116: the period of measure 4.2.10 is neither two years "
            "nor 'mütəmadi': 'sonra'") in result.output
    assert "The previous graph, if any, is unchanged." in result.output
    assert tree_bytes(data) == before


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(sources_dir(), folder)
    (folder / "005_new.txt").write_bytes("Hesabat 4.2.1-ci yarımbənd üzrə".encode("cp1254", errors="replace"))
    result = CliRunner().invoke(main, ["build", "--data-dir", str(tmp_path / "d"), "--sources", str(folder)])
    assert result.exit_code == 1
    assert f"Build failed: {folder / '005_new.txt'}: not UTF-8 text (byte" in result.output
    assert not (tmp_path / "d").exists()


def test_build_into_a_remote_store_on_a_real_oxigraph_server_under_another_base_iri(tmp_path):
    """One whole build for two settings that do not touch each other (a build is the suite's dearest step):
    the graph goes into a remote store, and every resource is minted under ATKG_BASE_IRI."""
    from atkg.graph.remote import RemoteStore
    from tests.support.stores import oxigraph_server

    with oxigraph_server(tmp_path / "remote") as url:
        env = {"ATKG_STORE_QUERY_URL": f"{url}/query", "ATKG_STORE_UPDATE_URL": f"{url}/update",
               "ATKG_BASE_IRI": "http://example.org/kg/"}
        result = CliRunner().invoke(main, ["build", "--data-dir", str(tmp_path / "d")], env=env)
        assert result.exit_code == 0, result.output
        assert f"remote store {url}/update" in result.output
        assert not (tmp_path / "d" / "store").exists()
        remote = RemoteStore(f"{url}/query")
        rows = remote.query("""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH ?g {
            <http://example.org/kg/plan/nap-2020-2024> <https://w3id.org/atkg/ontology#hasMeasure> ?m } }""")
        assert [row["n"].value for row in rows] == ["64"]
        assert_minted_under_the_other_base(remote)


def assert_minted_under_the_other_base(store):
    """The plan's resources are under http://example.org/kg/, and every IRI still under the default base is
    vocabulary: the ontology, its code lists, the figures' dataset."""
    assert bool(store.query("ASK { GRAPH ?g { <http://example.org/kg/plan/nap-2020-2024/measure/4.2.1> ?p ?o } }"))
    assert not bool(store.query(
        "ASK { GRAPH ?g { ?s ?p ?o FILTER(STRSTARTS(STR(?s), 'https://w3id.org/atkg/plan/')) } }"))
    left = store.query("""SELECT DISTINCT ?prefix WHERE { GRAPH ?g { ?s ?p ?o }
        VALUES ?place { 1 2 3 } BIND(IF(?place = 1, ?s, IF(?place = 2, ?p, ?o)) AS ?term)
        FILTER(isIRI(?term) && STRSTARTS(STR(?term), "https://w3id.org/atkg/"))
        BIND(REPLACE(STR(?term), "^https://w3id.org/atkg/([a-z-]+).*$", "$1") AS ?prefix) }""")
    assert sorted(row["prefix"].value for row in left) == ["code", "dataset", "ontology"]
