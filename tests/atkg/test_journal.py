"""atkg ingest killed outright (SIGKILL) between every two of its writes, in a real `atkg ingest` process on
a copy of the built store: once the next start has rolled back, the store and the sources folder hold the
old state or the new one, quad for quad and byte for byte, with no staged file or journal left, and the
ingest can be run again."""

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from atkg.cli import main
from atkg.graph.sources import sources_dir
from atkg.graph.store import EmbeddedStore
from atkg.journal import journal_dir, recover, replace_graph, replace_graphs
from tests.atkg.test_ingest import GRAPH, STEM, report_2023

BEFORE_COMMIT = ("journal-written", "staged", "stored", "changed")
AFTER_COMMIT = ("committed", "ingested")


def lay_out(built, folder):
    """(settings, sources folder, report) of a writable copy of the build and of the sources folder."""
    settings, _ = built
    shutil.copytree(settings.store_dir, folder / "data" / "store")
    shutil.copy2(settings.ready_context_path, folder / "data")
    shutil.copytree(sources_dir(), folder / "sources")
    report = folder / f"{STEM}.txt"
    report.write_text(report_2023(), encoding="utf-8")
    return dataclasses.replace(settings, data_dir=folder / "data"), folder / "sources", report


def state(place):
    """Every quad of the store, and every file of the sources folder with its bytes."""
    settings, sources, _ = place
    store = EmbeddedStore(settings.store_dir, read_only=True)
    return sorted(str(quad) for quad in store.quads()), sorted((p.name, p.read_bytes()) for p in sources.iterdir())


def ingest_killed_at(place, step, *options):
    """Run `atkg ingest` in its own process, killed by SIGKILL at `step`; its exit status."""
    settings, sources, report = place
    environment = {**os.environ, "ATKG_DATA_DIR": str(settings.data_dir), "ATKG_FAULT_KILL_AT": step}
    command = [str(Path(sys.executable).with_name("atkg")), "ingest", str(report), "--sources", str(sources),
               *options]
    return subprocess.run(command, env=environment, capture_output=True, timeout=600).returncode


def ingest(place, *options):
    settings, sources, report = place
    return CliRunner().invoke(main, ["ingest", str(report), "--sources", str(sources), "--lang", "en", *options],
                              env={"ATKG_DATA_DIR": str(settings.data_dir)})


def leftovers(place):
    """Journal folders and staged files that an interrupted ingest could have left."""
    settings, sources, _ = place
    journal = journal_dir(settings)
    return sorted([path.name for path in journal.parent.glob(journal.name + "*")]
                  + [path.name for path in sources.iterdir() if path.suffix not in (".txt", ".yaml")])


@pytest.fixture(scope="module")
def new_state(built, tmp_path_factory):
    """The state a clean ingest of the report gives."""
    place = lay_out(built, tmp_path_factory.mktemp("clean-ingest"))
    assert ingest(place).exit_code == 0
    return state(place)


def test_an_ingest_killed_at_any_step_leaves_the_old_state_or_the_new_one_and_can_be_run_again(
        built, new_state, tmp_path):
    place = lay_out(built, tmp_path)
    old = state(place)
    for step in BEFORE_COMMIT:
        assert ingest_killed_at(place, step) == -signal.SIGKILL, step
        assert journal_dir(place[0]).exists(), step  # killed half-way: the next start has work to do
        assert recover(place[0]) is True, step
        assert (state(place), leftovers(place)) == (old, []), step
    assert GRAPH in {quad.rsplit(" ", 1)[-1].strip("<>") for quad in new_state[0]}
    again = ingest(place)
    assert again.exit_code == 0, again.output
    assert (state(place), leftovers(place)) == (new_state, [])
    for step in AFTER_COMMIT:  # done but for tidying up: the new state stays
        assert ingest_killed_at(place, step, "--replace") == -signal.SIGKILL, step
        assert recover(place[0]) is False, step
        assert (state(place), leftovers(place)) == (new_state, []), step
    refused = ingest(place)
    assert refused.exit_code == 1 and refused.stderr.startswith(f"{STEM} is already ingested")


class Stop(Exception):
    """Ends a build right after its first step."""


@pytest.fixture
def killed_after_the_store_changed(built, tmp_path):
    """A copy whose ingest was killed with the report's graph in the store but its source not in place."""
    place = lay_out(built, tmp_path)
    before = state(place)
    assert ingest_killed_at(place, "stored") == -signal.SIGKILL
    assert (place[1] / f"{STEM}.txt.ingest-staging").exists()
    assert len(state(place)[0]) > len(before[0])
    return place, before


def test_a_build_first_rolls_back_an_ingest_killed_half_way(killed_after_the_store_changed, monkeypatch):
    (settings, sources, _), before = killed_after_the_store_changed
    from atkg import build as build_module

    def stop(*args, **kwargs):
        raise Stop

    monkeypatch.setattr(build_module, "build_graphs", stop)
    with pytest.raises(Stop):
        build_module.build(settings, echo=lambda line: None, sources_folder=sources)
    assert (state(killed_after_the_store_changed[0]), leftovers(killed_after_the_store_changed[0])) == (before, [])


def test_serve_first_rolls_back_an_ingest_killed_half_way(killed_after_the_store_changed, monkeypatch):
    place, before = killed_after_the_store_changed
    monkeypatch.setenv("ATKG_DATA_DIR", str(place[0].data_dir))
    from atkg.cli import _ensure_graph

    _ensure_graph()
    assert (state(place), leftovers(place)) == (before, [])


def test_replacing_graphs_writes_only_the_triples_that_change():
    store, graph = EmbeddedStore(), "https://w3id.org/atkg/graph/inferred"
    before = '<urn:a> <urn:p> "1" .\n<urn:b> <urn:p> "2" .\n<urn:c> <urn:p> "x"@az .'
    replace_graphs(store, {graph: before})
    after = '<urn:b> <urn:p> "2" .\n<urn:c> <urn:p> "x"@az .\n<urn:d> <urn:p> <urn:e> .'
    update = replace_graph(graph, after, previous=before)
    assert update == (f'DELETE DATA {{ GRAPH <{graph}> {{\n<urn:a> <urn:p> "1" .\n}} }} ;\n'
                      f'INSERT DATA {{ GRAPH <{graph}> {{\n<urn:d> <urn:p> <urn:e> .\n}} }}')
    replace_graphs(store, {graph: after}, previous={graph: before})
    assert sorted(str(quad.subject) for quad in store.quads(graph=graph)) == ["<urn:b>", "<urn:c>", "<urn:d>"]
    # Nothing left, or blank nodes (which DATA blocks cannot name): the graph is dropped and written whole.
    assert replace_graph(graph, "", previous=after) == f"DROP SILENT GRAPH <{graph}>"
    assert replace_graph(graph, "_:x <urn:p> <urn:e> .", previous=after).startswith(f"DROP SILENT GRAPH <{graph}> ;")
    replace_graphs(store, {graph: ""}, previous={graph: after})
    assert not store.has_graph(graph)
