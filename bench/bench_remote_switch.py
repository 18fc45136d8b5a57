"""What writing an ingest into a remote store costs, on an Oxigraph server and on Virtuoso: staging the
graphs and switching them in with one update (atkg/ingest.py, graph/staging.py), against the writing it
replaced (each graph dropped and written in place, batch by batch, seen half-done by readers) and against a
switch by MOVE (staged graphs under plain IRIs, which the union default graph shows to readers meanwhile).

    ATKG_DATA_DIR=/tmp/bq .venv/bin/atkg build
    ATKG_DATA_DIR=/tmp/bq .venv/bin/python bench/bench_remote_switch.py [--runs 5]

The graphs are those `atkg ingest` writes for the 2021 report retitled 2023 (a report the graph lacks, as
tests/atkg/test_ingest.py makes it): its own graph and the three worked-out graphs, prepared once on a copy
of the embedded store. Each store starts from the build (Oxigraph's server over a copy of the store,
Virtuoso loaded as `atkg build` loads a remote store); every run writes the same graphs again. Medians of
--runs runs, wall clock, with the ratio to the in-place writing.
"""

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support starts the stores
from atkg.config import settings_from_env  # noqa: E402
from atkg.graph import dataset  # noqa: E402
from atkg.graph import staging as stagings  # noqa: E402
from atkg.graph.remote import RemoteStore  # noqa: E402
from atkg.graph.sources import sources_dir  # noqa: E402
from atkg.ingest import prepare_ingest  # noqa: E402
from tests.support.stores import oxigraph_server, virtuoso_server  # noqa: E402


def ingest_graphs(settings, folder):
    """{graph IRI: N-Triples} that ingesting the 2021 report retitled 2023 writes, prepared on a copy."""
    data = folder / "data"
    shutil.copytree(settings.store_dir, data / "store")
    shutil.copy2(settings.ready_context_path, data)
    shutil.copytree(sources_dir(), folder / "sources")
    text = (sources_dir() / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8")
    report = folder / "report-2023.txt"
    report.write_text(text.replace("tərəfindən 2021-ci il ərzində", "tərəfindən 2023-cü il ərzində"), encoding="utf-8")
    local = settings_from_env({"ATKG_DATA_DIR": str(data)})
    prepared = prepare_ingest(report, settings=local, sources_folder=folder / "sources")
    return {str(name): graph.serialize(format="nt") for name, graph in prepared.graphs.items()}


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def one_run(store, graphs, *, base, number):
    """(seconds staging, seconds of the one switch update, seconds in place, seconds MOVE staging, seconds
    MOVE switch) of one run."""
    staging = stagings.plan(graphs, ingest=f"bench{number}", base=base)

    def stage():
        stagings.start(store, staging)
        for name, target in staging.graphs.items():
            stagings.stage_graph(store, staging, staged=name, ntriples=graphs[target])

    staged, switched = timed(stage), timed(lambda: stagings.switch(store, staging))
    stagings.drop(store, staging)
    in_place = timed(lambda: [dataset.replace_remote_graph(store, name, _lines(text)) for name, text in graphs.items()])
    plain = {f"urn:atkg-bench:move:{n}": name for n, name in enumerate(graphs)}
    move_staged = timed(lambda: [dataset.replace_remote_graph(store, tmp, _lines(graphs[name]))
                                 for tmp, name in plain.items()])
    move = " ;\n".join(f"DROP SILENT GRAPH <{name}> ;\nMOVE SILENT <{tmp}> TO <{name}>" for tmp, name in plain.items())
    return staged, switched, in_place, move_staged, timed(lambda: store.update(move))


def _lines(ntriples):
    return [line for line in ntriples.splitlines() if line.strip()]


def bench(store, graphs, *, base, runs):
    """Medians of `runs` runs of one_run."""
    results = [one_run(store, graphs, base=base, number=number) for number in range(runs)]
    return [statistics.median(column) for column in zip(*results)]


def report(name, medians):
    staged, switched, in_place, move_staged, move = medians
    print(f"| {name} | {staged:.2f} | {switched:.2f} | {staged + switched:.2f} | {in_place:.2f} | "
          f"{(staged + switched) / in_place:.2f} | {move_staged + move:.2f} | {move:.2f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    settings = settings_from_env()
    folder = Path(tempfile.mkdtemp(prefix="bench-switch-"))
    try:
        graphs = ingest_graphs(settings, folder)
        triples = sum(len(_lines(text)) for text in graphs.values())
        print(f"{platform.node()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; {len(graphs)} graphs, "
              f"{triples} triples; medians of {runs}, seconds")
        print("| store | staging | switch (one update) | together | in place (before) | ratio | MOVE: both | MOVE: switch |")
        print("|---|---|---|---|---|---|---|---|")
        shutil.copytree(settings.store_dir, folder / "oxigraph")
        with oxigraph_server(folder / "oxigraph", union_default_graph=True) as url:
            report("Oxigraph server", bench(RemoteStore(f"{url}/query", update_url=f"{url}/update"), graphs,
                                            base=settings.base_iri, runs=runs))
        with virtuoso_server(folder / "virtuoso") as server:
            store = RemoteStore(server.query_url, update_url=server.update_url, user=server.user,
                                password=server.password)
            quads = list(ox.parse(path=settings.dump_dir / "atkg.nq", format=ox.RdfFormat.N_QUADS))
            dataset.publish_remote(quads, store, graph_iris={quad.graph_name.value for quad in quads})
            report("Virtuoso 7.2", bench(store, graphs, base=settings.base_iri, runs=runs))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
