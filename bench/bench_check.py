"""How long `atkg check`, `atkg ingest` and `atkg build` take on the real graph, against pySHACL validating
the same graph in full.

    .venv/bin/python bench/bench_check.py [--runs 5] [--report graph/sources/002_e692b092547fc0c1.txt]

The context (the store's graphs except the derived ones) is loaded once, as a long-running process or
the web page keeps it; a report already in it is checked as `atkg check` checks it, its version in the
graph hidden for the time of the check.
Timed, in the same run, medians of --runs runs, wall clock and CPU time:

- check: check_report_text (parse the report, build its graph, validate its nodes, coverage table);
- parse: only the report's parsing into its graph (atkg.graph.report_pipeline), part of the check;
- focused: only the pySHACL part of the check (the report's nodes as focus nodes, no inference, the
  validator kept as the check keeps it);
  both with the garbage collector held off, as the check holds it;
- full: pySHACL over the same data graph, every node, no inference;
- full+rdfs: validate_dataset as the build runs it (ontology, RDFS inference) over the same graphs;
- process: `atkg check REPORT` as a whole process, as a person types it (Python's start, imports, the
  ready context, the check, the verdict); its target is 1 s;
- ingest: `atkg ingest` as a whole process of a report the graph does not have (REPORT retitled to 2023,
  as tests/atkg/test_ingest.py does), each run into a fresh copy of the store, its ready context and the
  sources folder (the copying is not timed); its target is about 4 s;
- build: `atkg build` as a whole process into a fresh folder (one run); its target is 20 s;
- against (with --against ATKG=DATA_DIR): the process step for another version, its runs alternating with
  this one's, so both see the same load.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pyshacl import validate
from rdflib import URIRef

from atkg.config import settings_from_env
from atkg.graph import iris
from atkg.graph.sources import sources_dir
from atkg.graph.store import EmbeddedStore
from atkg.shapes import check_report_text, load_context, shapes_graph, validate_dataset
from atkg.shapes.collector import collector_held_off
from atkg.shapes.prepared import PreparedQueryGraph
from atkg.shapes.report_source import report_named_graphs, yearly_report_source
from atkg.shapes.validation import FocusedValidator

TARGET_SECONDS = 1.0
INGEST_TARGET_SECONDS = 4.0
BUILD_TARGET_SECONDS = 20.0
ATKG = Path(sys.executable).with_name("atkg")
RETITLED = ("tərəfindən 2021-ci il ərzində", "tərəfindən 2023-cü il ərzində")  # a report the graph lacks


def timed(action, runs):
    """(median wall seconds, median CPU seconds, last result) of `runs` calls; CPU time counts the child
    processes an action ran, so a whole `atkg check` process is measured too."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu_seconds()
        result = action()
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main():
    """Run the benchmark and print absolute figures and ratios."""
    options = _options()
    settings = settings_from_env()
    report = Path(options.report)
    text, stem = report.read_text(encoding="utf-8"), report.stem
    wall, cpu, context = timed(lambda: load_context(EmbeddedStore(settings.store_dir, read_only=True),
                                                    base=settings.base_iri), 1)
    print(f"context: {len(context.graph)} triples in {len(context.graphs)} graphs, loaded in {wall:.2f} s")
    figures = {"check": timed(lambda: check_report_text(text, context=context, stem=stem), options.runs)}
    verdict = figures["check"][2]
    source = yearly_report_source(text, stem=stem)
    figures["parse"] = timed(_held_off(lambda: report_named_graphs(source, base=context.base, registry=context.registry,
                                                                   plan_titles=context.plan_titles)), options.runs)
    data = _with_report(context.graph, verdict.graphs)
    focus = {s for graph in verdict.graphs.values() for s in graph.subjects() if isinstance(s, URIRef)}
    validator = FocusedValidator(data)
    figures["focused"] = timed(_held_off(lambda: validator.run(focus)), options.runs)
    figures["full"] = timed(lambda: validate(data, shacl_graph=shapes_graph(), inference="none", advanced=True,
                                             allow_warnings=True), options.runs)
    ontology = context.graphs[iris.graph_iri("ontology", base=settings.base_iri)]
    graphs = {**context.graphs, **verdict.graphs}
    figures["full+rdfs"] = timed(lambda: validate_dataset(graphs, ontology=ontology), max(1, options.runs // 2))
    figures["process"] = timed(lambda: _run([str(ATKG), "check", str(report)], allowed=(0, 1)), options.runs)
    if options.against:
        _print_against(options.against, report=report, runs=options.runs)
    figures["ingest"] = _ingest_processes(settings, text.replace(*RETITLED), runs=options.runs)
    figures["build"] = timed(_build_in_a_fresh_folder, 1)
    _print(figures, report=report, focus=len(focus), triples=len(data), runs=options.runs)


def _cpu_seconds():
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _run(command, *, allowed=(0,), env=None):
    finished = subprocess.run(command, capture_output=True, check=False, env=env)
    if finished.returncode not in allowed:
        raise SystemExit(f"{' '.join(command)} failed: {finished.stderr.decode()[-2000:]}")


def _print_against(against, *, report, runs):
    """`atkg check` of another version (its atkg executable and the data folder it built), runs alternating
    with this one's, so that both see the same load: medians and ratios."""
    other, data_dir = against.split("=", 1)
    commands = {"this": ([str(ATKG), "check", str(report)], os.environ),
                "other": ([other, "check", str(report)], {**os.environ, "ATKG_DATA_DIR": data_dir})}
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            times[name].append(timed(lambda: _run(command, allowed=(0, 1), env=env), 1)[:2])
    medians = {name: (statistics.median(wall for wall, _ in pairs), statistics.median(cpu for _, cpu in pairs))
               for name, pairs in times.items()}
    (wall, cpu), (other_wall, other_cpu) = medians["this"], medians["other"]
    print(f"  against {other} on {data_dir}, alternating: this wall {wall:.2f} s cpu {cpu:.2f} s; other wall "
          f"{other_wall:.2f} s cpu {other_cpu:.2f} s; ratio wall {wall / other_wall:.2f} cpu {cpu / other_cpu:.2f}")


def _ingest_processes(settings, text, *, runs):
    """(median wall, median CPU, None) of `runs` whole `atkg ingest` processes of `text`, each into a fresh
    copy of the data folder's store and ready context and of the sources folder; only the process is timed."""
    walls, cpus = [], []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="atkg-bench-ingest-"))
        try:
            shutil.copytree(settings.store_dir, folder / "data" / "store")
            shutil.copy2(settings.ready_context_path, folder / "data")  # times kept: the copy stays ready
            shutil.copytree(sources_dir(), folder / "sources")
            (folder / "report.txt").write_text(text, encoding="utf-8")
            command = [str(ATKG), "ingest", str(folder / "report.txt"), "--sources", str(folder / "sources")]
            wall, cpu, _ = timed(lambda: _run(command, env={**os.environ, "ATKG_DATA_DIR": str(folder / "data")}), 1)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), None


def _build_in_a_fresh_folder():
    folder = tempfile.mkdtemp(prefix="atkg-bench-build-")
    try:
        _run([str(ATKG), "build"], env={**os.environ, "ATKG_DATA_DIR": folder})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _held_off(action):
    """The action with the garbage collector held off, as check_report_text holds it."""
    def held():
        with collector_held_off():
            return action()
    return held


def _with_report(graph, report_graphs):
    data = PreparedQueryGraph()  # as the check's context graph: each SPARQL text parsed once
    data += graph
    for extra in report_graphs.values():
        data += extra
    return data


def _print(figures, *, report, focus, triples, runs):
    print(f"report: {report.name}, {focus} focus nodes; data graph: {triples} triples; medians of {runs} runs")
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    check_wall, check_cpu, _ = figures["check"]
    for name, (wall, cpu, _) in figures.items():
        print(f"  {name:10} wall {wall:6.2f} s  cpu {cpu:6.2f} s  (x{wall / check_wall:5.1f} the check's wall time)")
    process, ingest, build = figures["process"][0], figures["ingest"][0], figures["build"][0]
    print(f"atkg check as a process {_verdict(process, TARGET_SECONDS)} (median {process:.2f} s; in a warm "
          f"process {check_wall:.2f} s, cpu {check_cpu:.2f} s); the whole process is "
          f"{process / figures['full'][0]:.2f}x the time of pySHACL's full validation alone")
    print(f"atkg ingest as a process {_verdict(ingest, INGEST_TARGET_SECONDS)} (median {ingest:.2f} s, "
          f"{ingest / process:.1f}x a check)")
    print(f"atkg build {_verdict(build, BUILD_TARGET_SECONDS)} ({build:.1f} s)")


def _verdict(seconds, target):
    return f"{'meets' if seconds <= target else 'misses'} the {target:.0f} s target"


def _options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each timed step (medians)")
    parser.add_argument("--report", default="graph/sources/002_e692b092547fc0c1.txt")
    parser.add_argument("--against", metavar="ATKG=DATA_DIR",
                        help="also time `atkg check` of another version (its atkg executable and the data folder "
                             "it built), alternating with this one's: a comparison that holds under load")
    return parser.parse_args()


if __name__ == "__main__":
    main()
