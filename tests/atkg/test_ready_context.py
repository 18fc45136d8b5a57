"""The check context in its ready form: written by the build, used by `atkg check` only while it is of
the store as it stands, and giving the same verdicts as the context read from the store."""

import dataclasses
import pickle
import shutil

import pytest
from rdflib import Literal, URIRef

from atkg import check as check_module
from atkg.check import load_check_context, write_ready_context
from atkg.graph import body_matcher
from atkg.graph.sources import sources_dir
from atkg.graph.store import EmbeddedStore
from atkg.shapes import check_report_text, load_context
from atkg.shapes.context import graph_of, with_graphs_replaced
from atkg.shapes import prepared as prepared_module
from atkg.shapes.prepared import PreparedQueryGraph

REPORT_2021 = "002_e692b092547fc0c1"


def verdict_facts(verdict):
    """What a person reads in a verdict: exit code, coverage rows, every finding with its line."""
    outcome = verdict.outcome
    return (verdict.exit_code, verdict.coverage,
            sorted((f.severity, f.shape, f.focus_node, f.value, f.message_en)
                   for f in (*outcome.violations, *outcome.warnings, *outcome.infos)),
            sorted(verdict.lines.items()))


def test_the_build_writes_the_ready_context_with_the_stores_graphs(built):
    settings, _ = built
    ready = load_check_context(settings)
    fresh = load_context(EmbeddedStore(settings.store_dir, read_only=True), base=settings.base_iri)
    assert sorted(ready.graphs) == sorted(fresh.graphs) and len(ready.graphs) == 9  # five sources among them
    assert set(ready.graph) == set(fresh.graph) and len(ready.graph) > 9000
    assert ready.plan_titles == fresh.plan_titles and ready.plan_titles["4.2.1"].startswith("İnsan alveri")
    assert isinstance(ready.graph, PreparedQueryGraph) and len(ready.graph._parsed) >= 8  # noqa: SLF001


def test_a_check_on_the_ready_context_parses_no_query_again(built, monkeypatch):
    settings, _ = built
    ready = load_check_context(settings)
    parsed = []
    parse = prepared_module.prepareQuery
    monkeypatch.setattr(prepared_module, "prepareQuery", lambda text: parsed.append(text) or parse(text))
    text = (sources_dir() / f"{REPORT_2021}.txt").read_text(encoding="utf-8")
    check_report_text(text, context=ready, stem=REPORT_2021)
    assert parsed == []  # the SHACL-SPARQL constraints' queries and the coverage table's all came parsed


def test_the_ready_context_brings_the_registry_with_its_matcher_index(built, monkeypatch):
    settings, _ = built
    ready = load_check_context(settings)
    assert len(ready.registry) == 121 and ready.registry["dmx"].name_az == "Dövlət Miqrasiya Xidməti"
    monkeypatch.setattr(body_matcher, "_made_index", lambda registry: pytest.fail("index made again"))
    text = (sources_dir() / f"{REPORT_2021}.txt").read_text(encoding="utf-8")
    assert check_report_text(text, context=ready, stem=REPORT_2021).agency_key == "dmx"


def test_the_ready_context_gives_the_verdicts_the_store_gives(built):
    settings, _ = built
    fresh = load_context(EmbeddedStore(settings.store_dir, read_only=True), base=settings.base_iri)
    text = (sources_dir() / f"{REPORT_2021}.txt").read_text(encoding="utf-8")
    truncated = "\n".join(text.split("\n")[:60])
    for report in (text, truncated):
        from_ready = check_report_text(report, context=load_check_context(settings), stem=REPORT_2021)
        from_store = check_report_text(report, context=fresh, stem=REPORT_2021)
        assert verdict_facts(from_ready) == verdict_facts(from_store)
    assert from_ready.exit_code == 1  # the truncated report misses measures


def test_a_context_with_a_graph_taken_out_and_put_back_is_the_one_the_store_gives(built):
    settings, _ = built
    store = EmbeddedStore(settings.store_dir, read_only=True)
    fresh = load_context(store, base=settings.base_iri)
    name = URIRef(f"{settings.base_iri}graph/source/{REPORT_2021}")
    without = with_graphs_replaced(load_check_context(settings), removed=[str(name)], added={})
    assert name not in without.graphs and len(without.graphs) == len(fresh.graphs) - 1
    assert set(without.graph) == {triple for graph in without.graphs.values() for triple in graph}
    assert len(without.graph) < len(fresh.graph) - 1000  # the 2021 report's own triples went with it
    back = with_graphs_replaced(without, removed=[], added={name: graph_of(store, name)})
    assert list(back.graphs) == sorted(fresh.graphs)
    assert all(set(back.graphs[graph]) == set(fresh.graphs[graph]) for graph in fresh.graphs)
    assert set(back.graph) == set(fresh.graph)
    assert back.plan_titles == fresh.plan_titles and back.plan_years == fresh.plan_years == (2020, 2024)
    assert len(back.graph._parsed) >= 8  # noqa: SLF001 - the queries parsed on the union stay parsed


@pytest.fixture()
def copied(built, tmp_path):
    """Settings over a copy of the built store, with its ready context."""
    settings, _ = built
    copy = dataclasses.replace(settings, data_dir=tmp_path / "var")
    (tmp_path / "var").mkdir()
    store = EmbeddedStore(copy.store_dir)
    store.load_quads(EmbeddedStore(settings.store_dir, read_only=True).quads())
    store.flush()
    del store
    write_ready_context(copy)
    return copy


def test_a_ready_context_of_another_state_of_the_store_is_not_used(copied):
    marker = (URIRef("https://w3id.org/atkg/test"), URIRef("https://w3id.org/atkg/test#p"), Literal("stale"))
    key, context = pickle.loads(copied.ready_context_path.read_bytes())
    context.graph.add(marker)
    copied.ready_context_path.write_bytes(pickle.dumps((key, context)))
    assert marker in load_check_context(copied).graph  # same store: the ready form is used as it is
    store = EmbeddedStore(copied.store_dir)
    store.update("INSERT DATA { GRAPH <https://w3id.org/atkg/graph/test> { <urn:a> <urn:b> <urn:c> } }")
    store.flush()
    del store
    reread = load_check_context(copied)
    assert marker not in reread.graph and (URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")) in reread.graph


def test_a_data_folder_copied_with_its_times_keeps_its_ready_context(built, tmp_path, monkeypatch):
    settings, _ = built
    shutil.copytree(settings.data_dir, tmp_path / "copy")  # copy2: the files' times are kept
    copy = dataclasses.replace(settings, data_dir=tmp_path / "copy")
    monkeypatch.setattr(check_module, "context_of", lambda *arguments: pytest.fail("read from the store"))
    assert len(load_check_context(copy).graph) > 9000


def test_an_unreadable_or_missing_ready_context_is_read_from_the_store(copied):
    expected = set(load_check_context(copied).graph)
    copied.ready_context_path.write_bytes(b"not a pickle")
    assert set(load_check_context(copied).graph) == expected
    copied.ready_context_path.unlink()
    assert set(load_check_context(copied).graph) == expected and len(expected) > 9000


def test_a_prepared_query_graph_keeps_its_parsed_queries_through_pickle(monkeypatch):
    graph = PreparedQueryGraph()
    for number in range(1, 4):
        graph.add((URIRef(f"urn:m{number}"), URIRef("urn:n"), Literal(number)))
    text = ("PREFIX b: <urn:b>\nPREFIX a: <urn:a>\nSELECT ?m WHERE { ?m <urn:n> ?n FILTER (?n > 1 && ?n != 5) "
            "FILTER NOT EXISTS { ?m <urn:x> ?y } } ORDER BY ?m")
    expected = [row.m for row in graph.query(text)]
    copy = pickle.loads(pickle.dumps(graph))
    monkeypatch.setattr(prepared_module, "prepareQuery", lambda text: pytest.fail(f"parsed again: {text}"))
    reordered = "PREFIX a: <urn:a>\nPREFIX b: <urn:b>\n" + text.split("\n", 2)[2]
    assert [row.m for row in copy.query(reordered)] == expected == [URIRef("urn:m2"), URIRef("urn:m3")]
    assert isinstance(copy, PreparedQueryGraph) and set(copy) == set(graph)
