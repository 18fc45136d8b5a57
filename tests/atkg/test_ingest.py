"""atkg ingest: a checked report becomes its own named graph and a file in the sources folder, both or
neither; refused reports and failures leave the store byte-identical and the folder unchanged."""

import dataclasses
import shutil
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from atkg import ingest as ingest_module
from atkg.build import build
from atkg.cli import main
from atkg.graph.sources import sources_dir
from atkg.graph.store import EmbeddedStore
from atkg.server.api.search import find
from atkg.server.api.search_index import FIELDS_QUERY, THINGS_QUERY, build_index

BASE = "https://w3id.org/atkg/"
STEM = "005_dmx_2022"
GRAPH = f"{BASE}graph/source/{STEM}"


def report_2022():
    """The 2021 report re-titled as a 2022 report: a report the graph does not have yet."""
    text = (sources_dir() / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8")
    assert text.count("tərəfindən 2021-ci il ərzində") == 1
    return text.replace("tərəfindən 2021-ci il ərzində", "tərəfindən 2022-ci il ərzində")


@pytest.fixture
def place(built, tmp_path):
    """A writable copy of the built store, a copy of the sources folder, and a report file to ingest."""
    settings, _ = built
    data = tmp_path / "data"
    shutil.copytree(settings.store_dir, data / "store")
    shutil.copy2(settings.ready_context_path, data)  # times kept, so the copy's ready context is used
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir(), sources)
    report = tmp_path / "incoming" / f"{STEM}.txt"
    report.parent.mkdir()
    report.write_text(report_2022(), encoding="utf-8")
    return dataclasses.replace(settings, data_dir=data), sources, report


def ingest(place, *options, report=None):
    settings, sources, default = place
    arguments = ["ingest", str(report or default), "--sources", str(sources), "--lang", "en", *options]
    return CliRunner().invoke(main, arguments, env={"ATKG_DATA_DIR": str(settings.data_dir)})


def store_dump(place):
    settings, _, _ = place
    store = EmbeddedStore(settings.store_dir, read_only=True)
    return sorted(str(quad) for quad in store.quads())


def folder_state(place):
    _, sources, _ = place
    return sorted((path.name, path.read_bytes()) for path in sources.iterdir())


def graph_size(place, graph):
    return sum(1 for quad in store_dump(place) if quad.endswith(f"<{graph}>"))


def test_ingest_adds_the_named_graph_and_the_source_file(place):
    settings, sources, report = place
    before = store_dump(place)
    result = ingest(place)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Ingested {BASE}report/dmx-2022: ")
    assert (sources / f"{STEM}.txt").read_bytes() == report.read_bytes()
    after = store_dump(place)
    added = [quad for quad in after if quad.endswith(f"<{GRAPH}>")]
    # Besides the report's graph, only the worked-out graphs: its entries compared with 2021's, and what OWL RL
    # infers about the report's things.
    new = sorted(set(after) - set(before))
    reuse = [quad for quad in new if quad.endswith(f"<{BASE}graph/derived/text-reuse>")]
    inferred = [quad for quad in new if quad.endswith(f"<{BASE}graph/inferred>")]
    assert len(added) > 1000 and new == sorted(added + reuse + inferred)
    assert all(quad.startswith(f"<{BASE}report/dmx-2022/entry/") for quad in reuse)
    assert (f"<{BASE}report/dmx-2022/entry/4.2.4> <https://w3id.org/atkg/ontology#previousEntry> "
            f"<{BASE}report/dmx-2021/entry/4.2.4> <{BASE}graph/derived/text-reuse>") in reuse
    assert len(inferred) > 400
    assert (f"<{BASE}report/dmx-2022> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            f"<http://www.w3.org/ns/prov#Entity> <{BASE}graph/inferred>") in inferred
    assert set(before) <= set(after)
    assert f"{len(added)} triples in <{GRAPH}>" in result.stdout


def drop_worked_out_graph(place, graph):
    """Drop a graph the build works out, as if it were out of date; return its quads as built."""
    settings, _, _ = place
    built = [quad for quad in store_dump(place) if quad.endswith(f"<{graph}>")]
    store = EmbeddedStore(settings.store_dir)
    store.update(f"DROP GRAPH <{graph}>")
    store.flush()
    del store
    assert graph_size(place, graph) == 0
    return built


def test_ingest_works_out_the_pairs_of_bodies_sharing_measures_again(place):
    pairs = f"{BASE}graph/derived/shared-responsibility"
    built = drop_worked_out_graph(place, pairs)
    assert ingest(place).exit_code == 0
    assert [quad for quad in store_dump(place) if quad.endswith(f"<{pairs}>")] == built
    assert len(built) == 1944


def test_search_finds_an_act_only_the_ingested_report_names(place):
    settings, _, report = place
    renamed = "İnsan alveri qurbanlarının geri qaytarılması Qaydaları"
    report.write_text(report_2022().replace("İnsan alveri qurbanlarının repatriasiya Qaydaları", renamed),
                      encoding="utf-8")
    assert search_store(settings, "GERİ QAYTARILMASI") == []
    assert ingest(place).exit_code == 0
    found = search_store(settings, "GERİ QAYTARILMASI")
    act = f"{BASE}act/regulation/undated/insan-alveri-qurbanlarinin-geri-qaytarilmasi-qaydalari"
    entry = f"{BASE}report/dmx-2022/entry/4.1.6"  # whose text names the act, after the act itself
    assert [(row["iri"], row["type"]) for row in found] == [(act, "act"), (entry, "entry")]
    assert found[0]["matched"] == renamed


def search_store(settings, text):
    """What the endpoint's search finds for `text` in the store at `settings` (its index built as the app
    builds it)."""
    store = EmbeddedStore(settings.store_dir, read_only=True)

    def rows(query):
        solutions = store.query(query, union_default_graph=True)
        names = [variable.value for variable in solutions.variables]
        return [{name: row[name].value for name in names if row[name] is not None} for row in solutions]

    index = build_index(rows(THINGS_QUERY), rows(FIELDS_QUERY), base=BASE)
    return find(index, text)


def test_ingesting_the_same_report_twice_is_refused_and_changes_nothing(place):
    assert ingest(place).exit_code == 0
    before, files = store_dump(place), folder_state(place)
    again = ingest(place)
    assert again.exit_code == 1
    assert again.stderr == (f"{STEM} is already ingested ({GRAPH}, {place[1] / (STEM + '.txt')}): nothing was "
                            "changed; use --replace to replace it with this version\n")
    assert (store_dump(place), folder_state(place)) == (before, files)


def test_replace_replaces_the_report_without_duplicating_it(place):
    settings, sources, report = place
    assert ingest(place).exit_code == 0
    size = graph_size(place, GRAPH)
    report.write_text(report_2022().replace("4 noyabr", "5 noyabr"), encoding="utf-8")
    result = ingest(place, "--replace")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Replaced {BASE}report/dmx-2022: ")
    assert graph_size(place, GRAPH) == size
    assert (sources / f"{STEM}.txt").read_bytes() == report.read_bytes()
    assert sum(1 for path in sources.glob("*.txt")) == 5


def test_a_report_with_violations_is_refused_with_the_explanation(place):
    _, _, report = place
    lines = report_2022().split("\n")
    report.write_text("\n".join(lines[:14] + lines[22:]), encoding="utf-8")  # without the 4.2.1 entry
    before, files = store_dump(place), folder_state(place)
    result = ingest(place)
    assert result.exit_code == 1
    assert "VIOLATION: The report has no entry for measure 4.2.1, which this agency is to carry out in 2020-2024" \
        in result.stderr
    assert result.stderr.endswith("Not ingested: 1 violation(s). Fix them, or ingest anyway with --force.\n")
    assert (store_dump(place), folder_state(place)) == (before, files)


def test_the_refusal_says_its_words_in_both_languages():
    refused = SimpleNamespace(outcome=SimpleNamespace(violations=["one"]))
    assert ingest_module._refusal(refused, "az") == ("Əlavə edilmədi: 1 xəta. Onları düzəldin və ya --force ilə "
                                                     "əlavə edin.\n")
    assert ingest_module._refusal(refused, "en") == ("Not ingested: 1 violation(s). Fix them, or ingest anyway "
                                                     "with --force.\n")


def test_force_ingests_a_report_with_violations(place):
    _, sources, report = place
    lines = report_2022().split("\n")
    report.write_text("\n".join(lines[:14] + lines[22:]), encoding="utf-8")
    result = ingest(place, "--force")
    assert result.exit_code == 0, result.output
    assert graph_size(place, GRAPH) > 900 and (sources / f"{STEM}.txt").exists()


def test_a_report_already_in_the_graph_under_another_file_name_is_refused(place, tmp_path):
    copy = tmp_path / "006_copy.txt"
    copy.write_text((sources_dir() / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before, files = store_dump(place), folder_state(place)
    result = ingest(place, "--replace", report=copy)
    assert result.exit_code == 1
    assert result.stderr == (f"{BASE}report/dmx-2021 is already in the graph, from "
                             f"{BASE}graph/source/002_e692b092547fc0c1: a report is ingested under one file name; "
                             "remove the other source and rebuild first\n")
    assert (store_dump(place), folder_state(place)) == (before, files)


def test_when_the_file_cannot_be_moved_in_the_store_is_put_back(place, monkeypatch):
    before, files = store_dump(place), folder_state(place)

    def refuse(source, target):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(ingest_module.os, "replace", refuse)
    result = ingest(place)
    assert result.exit_code == 2
    assert result.stderr.endswith("Permission denied: nothing was changed\n")
    assert (store_dump(place), folder_state(place)) == (before, files)


def test_when_the_store_update_fails_the_folder_is_unchanged(place, monkeypatch):
    before, files = store_dump(place), folder_state(place)

    def fail(self, sparql):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(EmbeddedStore, "update", fail)
    result = ingest(place)
    assert result.exit_code == 2
    assert (store_dump(place), folder_state(place)) == (before, files)


@pytest.mark.parametrize("data, message", [
    (b"\x00\x01binary", "the file is binary (it holds NUL bytes), not text: save the report as plain UTF-8 text (.txt)"),
    (b"", "the file is empty: nothing to check"),
])
def test_a_file_that_cannot_be_checked_is_not_ingested(place, data, message):
    _, _, report = place
    report.write_bytes(data)
    before, files = store_dump(place), folder_state(place)
    result = ingest(place)
    assert result.exit_code == 2
    assert result.stderr == f"atkg ingest: cannot run: {report}: {message}\n"
    assert (store_dump(place), folder_state(place)) == (before, files)


def test_a_title_without_the_year_is_not_ingested(place):
    _, _, report = place
    report.write_text(report_2022().replace("tərəfindən 2022-ci il ərzində", "tərəfindən"), encoding="utf-8")
    result = ingest(place)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"atkg ingest: cannot run: {STEM}: the title must name the reporting body and "
                                    "the year")


def test_the_next_build_keeps_the_ingested_report_and_ingest_gave_what_it_builds(place):
    """The next build reads the copied report; ingest worked the derived graphs out by the build's own step:
    the same store, quad for quad."""
    settings, sources, _ = place
    assert ingest(place).exit_code == 0
    rebuilt = dataclasses.replace(settings, data_dir=settings.data_dir.parent / "rebuilt")
    build(rebuilt, echo=lambda line: None, sources_folder=sources)
    built = sorted(str(quad) for quad in EmbeddedStore(rebuilt.store_dir, read_only=True).quads())
    ingested = store_dump(place)
    assert ingested == built and len(ingested) > 17000 and any(quad.endswith(f"<{GRAPH}>") for quad in built)


def test_ingest_command_explains_itself():
    result = CliRunner().invoke(main, ["ingest", "--help"])
    assert result.exit_code == 0
    assert "Both happen, or neither." in " ".join(result.output.split())


def test_a_report_on_a_year_outside_the_plan_is_refused_and_changes_nothing(place):
    _, _, report = place
    report.write_text(report_2022().replace("2022-ci il ərzində", "2030-cu il ərzində"), encoding="utf-8")
    before, files = store_dump(place), folder_state(place)
    result = ingest(place)
    assert result.exit_code == 2
    assert result.stderr == (f"atkg ingest: cannot run: {STEM}: the report is on 2030, but the plan runs from "
                             "2020 to 2024: check the year in the title (or --year); nothing was changed\n")
    assert (store_dump(place), folder_state(place)) == (before, files)
