"""atkg ingest: a checked report becomes its own named graph and a file in the sources folder, both or
neither; refused reports and failures leave the store byte-identical and the folder unchanged."""

import dataclasses
import shutil
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from atkg import check as check_module
from atkg import ingest as ingest_module
from atkg.build import build
from atkg.cli import main
from atkg.graph import iris
from atkg.graph.sources import sources_dir
from atkg.graph.store import EmbeddedStore
from atkg.server.api.search import find
from atkg.server.api.search_index import FIELDS_QUERY, THINGS_QUERY, build_index
from atkg.shapes import load_context

BASE = "https://w3id.org/atkg/"


def report_2023():
    """The 2021 report re-titled as a 2023 report: a report the graph does not have yet."""
    text = (sources_dir() / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8")
    assert text.count("tərəfindən 2021-ci il ərzində") == 1
    return text.replace("tərəfindən 2021-ci il ərzində", "tərəfindən 2023-cü il ərzində")


def stem_of(text):
    """The name ingest gives a report it receives as `text`: the next number after the five sources, and
    the text's hash."""
    return iris.source_stem(text, number=5)


STEM = stem_of(report_2023())
GRAPH = f"{BASE}graph/source/{STEM}"
RENAMED_ACT = "İnsan alveri qurbanlarının geri qaytarılması Qaydaları"
STEM_RENAMED = stem_of(report_2023().replace("İnsan alveri qurbanlarının repatriasiya Qaydaları", RENAMED_ACT))
GRAPH_RENAMED = f"{BASE}graph/source/{STEM_RENAMED}"


def make_place(built, folder):
    """A writable copy of the built store, a copy of the sources folder, and a report file to ingest."""
    settings, _ = built
    data = folder / "data"
    shutil.copytree(settings.store_dir, data / "store")
    shutil.copy2(settings.ready_context_path, data)  # times kept, so the copy's ready context is used
    sources = folder / "sources"
    shutil.copytree(sources_dir(), sources)
    report = folder / "incoming" / "DMX report 2023.txt"
    report.parent.mkdir()
    report.write_text(report_2023(), encoding="utf-8")
    return dataclasses.replace(settings, data_dir=data), sources, report


@pytest.fixture
def place(built, tmp_path):
    """A place of the test's own (make_place), for a test that ingests."""
    return make_place(built, tmp_path)


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


ODD_NAME = "DMX hesabatı (son) \"v2\" > İyun’23 'x' {<a>}.txt"
PAIRS = f"{BASE}graph/derived/shared-responsibility"


@pytest.fixture(scope="module")
def ingested(built, tmp_path_factory):
    """One ingest that the tests below read: the 2023 report, naming an act no other report names, received
    under a file name with spaces, parentheses, quotes, ">", "<", braces and non-ASCII letters, into a store
    whose worked-out pairs of bodies were dropped first as if out of date. Keeps the store before and after,
    the pairs as built, what search found before, the command's result and every query and update sent."""
    place = make_place(built, tmp_path_factory.mktemp("ingested"))
    settings, _, default = place
    report = default.with_name(ODD_NAME)
    report.write_text(report_2023().replace("İnsan alveri qurbanlarının repatriasiya Qaydaları", RENAMED_ACT),
                      encoding="utf-8")
    before = store_dump(place)
    pairs = drop_worked_out_graph(place, PAIRS)
    found_before = search_store(settings, "GERİ QAYTARILMASI")
    sent = []
    with pytest.MonkeyPatch.context() as patch:
        for method in ("query", "update"):
            patch.setattr(EmbeddedStore, method, _recording(getattr(EmbeddedStore, method), sent))
        result = ingest(place, report=report)
    assert result.exit_code == 0, result.output
    return SimpleNamespace(place=place, report=report, before=before, after=store_dump(place), pairs=pairs,
                           found_before=found_before, result=result, sent=sent)


def test_ingest_adds_the_named_graph_and_the_source_file(ingested):
    _, sources, _ = ingested.place
    result, before, after = ingested.result, ingested.before, ingested.after
    assert result.stdout.startswith(f"Ingested {BASE}report/dmx-2023: ")
    assert (sources / f"{STEM_RENAMED}.txt").read_bytes() == ingested.report.read_bytes()
    added = [quad for quad in after if quad.endswith(f"<{GRAPH_RENAMED}>")]
    # Besides the report's graph, only the worked-out graphs: its entries compared with 2022's, and what OWL RL
    # infers about the report's things.
    new = sorted(set(after) - set(before))
    reuse = [quad for quad in new if quad.endswith(f"<{BASE}graph/derived/text-reuse>")]
    inferred = [quad for quad in new if quad.endswith(f"<{BASE}graph/inferred>")]
    assert len(added) > 1000 and new == sorted(added + reuse + inferred)
    assert all(quad.startswith(f"<{BASE}report/dmx-2023/entry/") for quad in reuse)
    assert (f"<{BASE}report/dmx-2023/entry/4.2.4> <https://w3id.org/atkg/ontology#previousEntry> "
            f"<{BASE}report/dmx-2022/entry/4.2.4> <{BASE}graph/derived/text-reuse>") in reuse
    assert len(inferred) > 400
    assert (f"<{BASE}report/dmx-2023> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            f"<http://www.w3.org/ns/prov#Entity> <{BASE}graph/inferred>") in inferred
    assert set(before) <= set(after)
    assert f"{len(added)} triples in <{GRAPH_RENAMED}>" in result.stdout
    # The ready context the ingest kept current is the one a read of the store gives.
    settings = ingested.place[0]
    ready = check_module._read_ready(settings.ready_context_path, key=check_module._ready_key(settings))  # noqa: SLF001
    fresh = load_context(EmbeddedStore(settings.store_dir, read_only=True), base=settings.base_iri)
    assert ready is not None and list(ready.graphs) == sorted(fresh.graphs) and URIRef(GRAPH_RENAMED) in ready.graphs
    assert set(ready.graph) == set(fresh.graph) and ready.plan_titles == fresh.plan_titles


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


def test_ingest_works_out_the_pairs_of_bodies_sharing_measures_again(ingested):
    assert [quad for quad in ingested.after if quad.endswith(f"<{PAIRS}>")] == ingested.pairs
    assert len(ingested.pairs) == 1944


def test_search_finds_an_act_only_the_ingested_report_names(ingested):
    settings, _, _ = ingested.place
    assert ingested.found_before == []
    found = search_store(settings, "GERİ QAYTARILMASI")
    act = f"{BASE}act/regulation/undated/insan-alveri-qurbanlarinin-geri-qaytarilmasi-qaydalari"
    entry = f"{BASE}report/dmx-2023/entry/4.1.6"  # whose text names the act, after the act itself
    assert [(row["iri"], row["type"]) for row in found] == [(act, "act"), (entry, "entry")]
    assert found[0]["matched"] == RENAMED_ACT


def test_any_ordinary_file_name_is_ingested_and_never_reaches_a_query(ingested):
    """The odd file name is neither the source's name nor in any query or update the store was sent."""
    _, sources, _ = ingested.place
    name = ingested.report.stem
    assert ingested.sent and not [text for text in ingested.sent if name in text]
    assert (sources / f"{STEM_RENAMED}.txt").exists()
    assert not [path for path in sources.iterdir() if name in path.name]
    assert not [quad for quad in ingested.after if name in quad]


def _recording(method, sent):
    def record(self, text, *args, **options):
        sent.append(text)
        return method(self, text, *args, **options)
    return record


def test_ingesting_the_same_report_twice_is_refused_and_changes_nothing(ingested):
    place = ingested.place
    files = folder_state(place)
    again = ingest(place, report=ingested.report)
    assert again.exit_code == 1
    assert again.stderr == (f"{STEM_RENAMED} is already ingested ({GRAPH_RENAMED}, "
                            f"{place[1] / (STEM_RENAMED + '.txt')}): nothing was changed; use --replace to replace "
                            "it with this version\n")
    assert (store_dump(place), folder_state(place)) == (ingested.after, files)


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


def test_replace_replaces_the_report_without_duplicating_it(place):
    settings, sources, report = place
    assert ingest(place).exit_code == 0
    size = graph_size(place, GRAPH)
    report.write_text(report_2023().replace("4 noyabr", "5 noyabr"), encoding="utf-8")
    result = ingest(place, "--replace")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Replaced {BASE}report/dmx-2023: ")
    assert graph_size(place, GRAPH) == size
    assert (sources / f"{STEM}.txt").read_bytes() == report.read_bytes()
    assert sum(1 for path in sources.glob("*.txt")) == 6


def test_a_report_with_violations_is_refused_with_the_explanation(place):
    _, _, report = place
    lines = report_2023().split("\n")
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
    lines = report_2023().split("\n")
    text = "\n".join(lines[:14] + lines[22:])
    report.write_text(text, encoding="utf-8")
    result = ingest(place, "--force")
    assert result.exit_code == 0, result.output
    assert graph_size(place, f"{BASE}graph/source/{stem_of(text)}") > 900 and (sources / f"{stem_of(text)}.txt").exists()


def test_a_report_already_in_the_graph_under_another_file_name_is_refused_without_replace(place, tmp_path):
    copy = tmp_path / "006_copy.txt"
    copy.write_text((sources_dir() / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before, files = store_dump(place), folder_state(place)
    result = ingest(place, report=copy)
    assert result.exit_code == 1
    assert result.stderr == (f"{BASE}report/dmx-2021 is already in the graph, from "
                             f"{place[1] / '002_e692b092547fc0c1.txt'}: nothing was changed; use --replace to "
                             "replace it with this version\n")
    assert (store_dump(place), folder_state(place)) == (before, files)


def test_a_new_version_of_a_report_replaces_it_under_its_own_name(place, tmp_path):
    _, sources, _ = place
    newer = tmp_path / "2021 (corrected).txt"
    text = (sources_dir() / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8")
    newer.write_text(text.replace("389 vətəndaşdan", "390 vətəndaşdan"), encoding="utf-8")
    result = ingest(place, "--replace", report=newer)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Replaced {BASE}report/dmx-2021: ")
    assert (sources / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8") == newer.read_text(encoding="utf-8")
    assert sorted(path.name for path in sources.glob("*.txt")) == sorted(path.name for path in sources_dir().glob("*.txt"))
    quads = store_dump(place)
    assert any("390 vətəndaşdan" in quad for quad in quads) and not any("389 vətəndaşdan" in quad for quad in quads)


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


def test_a_title_without_the_year_is_not_ingested_without_year(place):
    _, _, report = place
    text = report_2023().replace("tərəfindən 2023-cü il ərzində", "tərəfindən")
    report.write_text(text, encoding="utf-8")
    before, files = store_dump(place), folder_state(place)
    result = ingest(place)
    assert result.exit_code == 2
    assert result.stderr == (f"atkg ingest: cannot run: {stem_of(text)}: the title does not say which year the "
                             "report covers: give --year (e.g. --year 2022)\n")
    assert (store_dump(place), folder_state(place)) == (before, files)


def untitled_2023():
    """The 2022 report as it was extracted (no title: agency and year are in its metadata), to be ingested
    as a 2023 report: a report the graph does not have yet, which says neither its agency nor its year."""
    text = (sources_dir() / "001_434bf5f6e76f4b5d.txt").read_text(encoding="utf-8")
    assert "tərəfindən 2022-ci il ərzində" not in text and text.lstrip().startswith("4.1.6-cı yarımbənd üzrə")
    return text


@pytest.fixture(scope="module")
def untitled_ingested(built, tmp_path_factory):
    """(place, result) of ingesting untitled_2023() with --agency DMX --year 2023; the tests only read it."""
    place = make_place(built, tmp_path_factory.mktemp("untitled"))
    place[2].write_text(untitled_2023(), encoding="utf-8")
    return place, ingest(place, "--agency", "DMX", "--year", "2023")


def test_a_report_without_a_title_is_ingested_with_agency_and_year_kept_beside_it(untitled_ingested):
    place, result = untitled_ingested
    _, sources, _ = place
    assert result.exit_code == 0, result.output
    stem = stem_of(untitled_2023())
    assert result.stdout.startswith(f"Ingested {BASE}report/dmx-2023: ")
    assert (sources / f"{stem}.yaml").read_text(encoding="utf-8").endswith("agency: dmx\nyear: 2023\n")
    assert (sources / f"{stem}.txt").read_text(encoding="utf-8") == untitled_2023()
    entries = [quad for quad in store_dump(place) if quad.startswith(f"<{BASE}report/dmx-2023/entry/")
               and "#aboutMeasure>" in quad]
    assert len(entries) == 23


def test_ingest_keeps_the_report_with_private_names_redacted(place):
    """A private person named in the report reaches neither the sources folder nor the store."""
    _, sources, report = place
    named = report_2023().replace("389 vətəndaşdan", "389 vətəndaşdan (o cümlədən Özbəkistan vətəndaşı Rustam "
                                  "Karimov, özünü Timur kimi təqdim edən şəxs və Qara Rəşad ləqəbli şəxs)")
    assert named != report_2023()
    report.write_text(named, encoding="utf-8")
    result = ingest(place)
    assert result.exit_code == 0, result.output
    kept = (sources / f"{stem_of(named)}.txt").read_text(encoding="utf-8")
    assert "(o cümlədən [şəxs: Özbəkistan vətəndaşı], özünü [şəxs] kimi təqdim edən şəxs və [şəxs] ləqəbli" in kept
    names = ["Rustam", "Karimov", "Timur", "Qara Rəşad"]
    assert [name for name in names if name in kept or any(name in quad for quad in store_dump(place))] == []
    assert not [path for path in sources.iterdir() if path.read_bytes() == named.encode("utf-8")]


def test_the_next_build_keeps_the_ingested_report_and_ingest_gave_what_it_builds(untitled_ingested):
    """The next build reads the copied report; ingest worked the derived graphs out by the build's own step:
    the same store, quad for quad."""
    place, result = untitled_ingested
    settings, sources, _ = place
    assert result.exit_code == 0, result.output
    rebuilt = dataclasses.replace(settings, data_dir=settings.data_dir.parent / "rebuilt")
    build(rebuilt, echo=lambda line: None, sources_folder=sources)
    built = sorted(str(quad) for quad in EmbeddedStore(rebuilt.store_dir, read_only=True).quads())
    ingested = store_dump(place)
    graph = f"{BASE}graph/source/{stem_of(untitled_2023())}"
    assert ingested == built and len(ingested) > 19000 and any(quad.endswith(f"<{graph}>") for quad in built)


def test_ingest_command_explains_itself():
    result = CliRunner().invoke(main, ["ingest", "--help"])
    assert result.exit_code == 0
    assert "Both happen, or neither." in " ".join(result.output.split())


def test_a_report_on_a_year_outside_the_plan_is_refused_and_changes_nothing(place):
    _, _, report = place
    text = report_2023().replace("2023-cü il ərzində", "2030-cu il ərzində")
    report.write_text(text, encoding="utf-8")
    before, files = store_dump(place), folder_state(place)
    result = ingest(place)
    assert result.exit_code == 2
    assert result.stderr == (f"atkg ingest: cannot run: {stem_of(text)}: the report is on 2030, but the plan runs from "
                             "2020 to 2024: check the year in the title (or --year); nothing was changed\n")
    assert (store_dump(place), folder_state(place)) == (before, files)


def test_a_check_longer_than_its_time_limit_stops_the_ingest_and_changes_nothing(place):
    settings, sources, report = place
    before, files = store_dump(place), folder_state(place)
    result = CliRunner().invoke(main, ["ingest", str(report), "--sources", str(sources), "--lang", "az"],
                                env={"ATKG_DATA_DIR": str(settings.data_dir), "ATKG_CHECK_TIMEOUT": "0.05"})
    assert (result.exit_code, result.stderr) == (2, (
        "atkg ingest: işləyə bilmir: Yoxlama 0.05 saniyəlik həddindən uzun çəkdi və dayandırıldı: heç nə "
        "saxlanılmadı. 20-60 KB-lıq illik hesabat bir neçə saniyəyə yoxlanılır; bir az sonra yenidən cəhd edin və "
        "ya faylın yalnız bir hesabatın mətni olduğunu yoxlayın.\n"))
    assert (store_dump(place), folder_state(place)) == (before, files)
