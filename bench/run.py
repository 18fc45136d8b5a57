"""Latency and throughput of atkg and an Oxigraph server on the same data, same run, over HTTP.

    python bench/run.py --source var/dumps/atkg.nq --scales 1 10 100

For each scale the graph is scaled by bench/generate.py and served by `atkg serve --store` twice (with its
answer cache, and with none: ATKG_CACHE_BYTES=0) and by `oxigraph serve-read-only --union-default-graph`.
Every workload item (bench/workload.py: the saved queries through /api, cross-cutting ones through
/sparql) is timed cold (atkg without a cache; a unique comment in every SPARQL text) and warm (the same
request again, atkg with its cache), round after round, each server in turn sent the whole workload; then
many clients send the workload for a few seconds, to each server in turn, for a few rounds (the median
round counts).

    python bench/run.py --source var/dumps/atkg.nq --load --clients 50 --seconds 60

runs only the load test instead: at real size, 50 clients each sending the saved queries one after another
for 60 s, to atkg with its answer cache, to atkg without it and to Oxigraph's server in turn, with the
answers' latency percentiles and errors.
"""

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402
from host import cpu_times, stolen_share  # noqa: E402
from workload import workload  # noqa: E402

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
BIN = Path(sys.executable).parent
TIME_LIMIT = 10  # seconds: atkg's default ATKG_QUERY_TIMEOUT, given to Oxigraph too


class Client:
    """One keep-alive HTTP connection to a server: SPARQL at `sparql_path`, saved queries under /api."""

    def __init__(self, url, *, api):
        parts = urlsplit(url)
        self.api, self.path = api, parts.path + (f"?{parts.query}" if parts.query else "")
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

    def ask(self, item, *, cold=False):
        """Send a workload item (its /api address when this server has one); return (seconds, status, body)."""
        started = time.perf_counter()
        if self.api and item.api_path:
            self.connection.request("GET", item.api_path, headers={"Accept": ACCEPT})
        else:
            self.connection.request("POST", self.path, body=text_for(item.text, cold=cold).encode(),
                                    headers={"Content-Type": "application/sparql-query", "Accept": ACCEPT})
        response = self.connection.getresponse()
        body = response.read()
        return time.perf_counter() - started, response.status, body


def text_for(query, *, cold):
    """The query, made unique when cold so that no cache can answer it."""
    return f"{query}\n# {uuid.uuid4()}" if cold else query


def answer_size(body):
    """Rows in a SPARQL JSON results body (1 for a boolean), or lines of N-Triples."""
    if body.startswith(b"{"):
        parsed = json.loads(body)
        return 1 if "boolean" in parsed else len(parsed["results"]["bindings"])
    return body.count(b"\n")


def latencies(timed, queries, *, repeats):
    """{label: {query name: (median ms, p95 ms, rows, failed runs)}} for each (label, server, cold) in `timed`.

    The runs are interleaved as query mixes are (BSBM): round after round, each server in turn is sent
    the whole workload in that round's shuffled order, so that each query's runs are spread over the
    whole measurement and a slow minute on the host weighs on every query and server alike, instead of
    on whichever was being timed during it (each query used to be sent 15 times in a row). A run
    answered with another status than 200 (a query stopped at the time limit), or with a body that cannot
    be read, counts as failed; a query whose first answer fails is run once only.
    """
    clients = {label: (Client(server.url, api=server.api), server, cold) for label, server, cold in timed}
    runs, rows, failed, left = defaultdict(list), {}, Counter(), {}
    for label, (client, server, cold) in clients.items():
        for item in queries:  # first contact, not counted
            left[(label, item.name)] = repeats if _send(client, server, item, cold)[1] else 1
    for number in range(repeats):
        mix = random.Random(number).sample(queries, len(queries))  # the same order for every server
        for label, (client, server, cold) in clients.items():
            for item in (item for item in mix if left[(label, item.name)]):
                key = (label, item.name)
                left[key] -= 1
                milliseconds, answered, count = _send(client, server, item, cold)
                runs[key].append(milliseconds)
                if answered:
                    rows[key] = count
                failed[key] += not answered
    return {label: {item.name: _summary(runs[(label, item.name)], rows.get((label, item.name)),
                                        failed[(label, item.name)]) for item in queries} for label in clients}


def _summary(milliseconds, rows, failed):
    """(median ms, p95 ms, rows, failed runs) of one query on one server."""
    return statistics.median(milliseconds), percentile(milliseconds, 95), rows, failed


def _send(client, server, item, cold):
    """(milliseconds, answered, rows) of one request; a failed one is reported, and waited out."""
    seconds, status, body = client.ask(item, cold=cold)
    try:  # Oxigraph's server cuts the body of a 200 answer short when its time limit strikes
        rows = answer_size(body) if status == 200 else None
    except ValueError:
        status, rows = "200 with a broken body", None
    if status != 200:
        print(f"{server.name} {item.name}: {status} {body[:200]!r}", file=sys.stderr, flush=True)
        wait_for_a_worker(client)
    return seconds * 1000, status == 200, rows


def wait_for_a_worker(client, *, patience=300):
    """After a failure, wait until the server answers again, so that the next query is not timed while no
    worker is ready. A worker killed at the time limit is replaced by a fork of a process holding the data
    (milliseconds) when the data is read-only in memory, but by one that loads the graph anew otherwise
    (a store on disk without a copy in memory, a server taking updates); Oxigraph's server needs no wait."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline and client.ask(workload_probe(), cold=True)[1] != 200:  # never cached
        time.sleep(1)


def percentile(values, share):
    """The `share` percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share / 100 * len(ordered)) - 1))]


def throughput(server, queries, *, clients, seconds, cold):
    """(answers per second, failed answers) with `clients` concurrent clients cycling through the workload."""
    counts, errors, stop_at = [0] * clients, [], time.monotonic() + seconds

    def loop(number):
        client, index = Client(server.url, api=server.api), number
        while time.monotonic() < stop_at:
            _, status, _ = client.ask(queries[index % len(queries)], cold=cold)
            index += 1
            counts[number] += 1 if status == 200 else 0
            if status != 200:
                errors.append(status)

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds, len(errors)


def load(server, queries, *, clients, seconds, cold):
    """([milliseconds of every answer], Counter of failed statuses) with `clients` concurrent clients, each on
    its own keep-alive connection, sending the workload one request after another from its own place in it,
    for `seconds`."""
    timings, errors, stop_at = [[] for _ in range(clients)], Counter(), time.monotonic() + seconds

    def loop(number):
        client, index = Client(server.url, api=server.api), number
        while time.monotonic() < stop_at:
            try:
                elapsed, status, _ = client.ask(queries[index % len(queries)], cold=cold)
            except OSError as error:
                elapsed, status = 0, type(error).__name__
                client = Client(server.url, api=server.api)
            index += 1
            if status == 200:
                timings[number].append(elapsed * 1000)
            else:
                errors[status] += 1

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [ms for client in timings for ms in client], errors


def load_summary(runs, *, clients, seconds):
    """Markdown lines: a row per server (answers, rate, errors, median/p95/p99/max ms), then the targets."""
    lines = [f"\n### Load: {clients} clients for {seconds:g} s each, the saved queries with their examples\n",
             "| server | answers | answers/s | errors | median ms | p95 ms | p99 ms | max ms | p99 / oxigraph p99 |",
             "|---|---|---|---|---|---|---|---|---|"]
    baseline = percentile(runs["oxigraph"][0], 99) if runs["oxigraph"][0] else float("nan")
    for name, (timings, errors) in runs.items():
        failed = f"{sum(errors.values())}" + (f" ({', '.join(f'{k}: {v}' for k, v in errors.items())})" if errors else "")
        if not timings:
            lines.append(f"| {name} | 0 | 0 | {failed} | | | | | |")
            continue
        p99 = percentile(timings, 99)
        lines.append(f"| {name} | {len(timings)} | {len(timings) / seconds:.0f} | {failed} | "
                     f"{statistics.median(timings):.1f} | {percentile(timings, 95):.1f} | {p99:.1f} | "
                     f"{max(timings):.1f} | {p99 / baseline:.2f} |")
    for name, target in (("atkg (cache)", 100), ("atkg (no cache)", 300)):  # the targets of issue 16, item 9
        timings, errors = runs[name]
        p99 = percentile(timings, 99) if timings else float("inf")
        met = p99 <= target and not errors
        lines.append(f"\n{name}: p99 {p99:.1f} ms against a target of {target} ms, {sum(errors.values())} errors: "
                     f"{'met' if met else 'not met'}.")
    return lines


def bench_load(source, args):
    """The load test at real size: atkg with its cache, atkg without (ATKG_CACHE_BYTES=0), Oxigraph's server
    on the same texts as the baseline; one server at a time."""
    work = Path(tempfile.mkdtemp(prefix="atkg-bench-load-"))
    queries = [item for item in workload() if item.api_path and (not args.only or item.name in args.only)]
    running = servers(Path(source), work, port=args.port)
    try:
        before = cpu_times()
        runs = {}
        for name, server, cold in (("atkg (cache)", running["atkg"], False),
                                   ("atkg (no cache)", running["atkg-cold"], True),
                                   ("oxigraph", running["oxigraph"], True)):
            runs[name] = load(server, queries, clients=args.clients, seconds=args.seconds, cold=cold)
        stolen = stolen_share(before, cpu_times())
        lines = load_summary(runs, clients=args.clients, seconds=args.seconds)
        return lines + ([] if stolen is None else [f"CPU time taken by the VM's host while measuring: {stolen:.1%}."])
    finally:
        for server in running.values():
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


class Server:
    """A server process under test: its name, SPARQL address, whether it has /api, and the process."""

    def __init__(self, name, url, command, log, *, api, env=None):
        self.name, self.url, self.api = name, url, api
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline, probe = time.monotonic() + 900, workload_probe()
        while time.monotonic() < deadline:
            try:
                if Client(url, api=False).ask(probe)[1] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.process.kill()
        raise RuntimeError(f"{name} did not start")

    def stop(self):
        """Stop the process."""
        self.process.terminate()
        self.process.wait(30)


def workload_probe():
    """A request every server answers at once."""
    return next(item for item in workload() if item.name == "any_shared_measure")


def servers(data, work, *, port):
    """atkg as `atkg serve --store` runs it, with its cache (warm) and without (cold), and Oxigraph."""
    log = open(work / "servers.log", "ab")
    for folder in ("oxigraph", "atkg-store"):  # the same Oxigraph release writes both stores
        subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(work / folder), "--file", str(data)],
                       check=True, stdout=log, stderr=subprocess.STDOUT)
    atkg = [str(BIN / "atkg"), "serve", "--store", str(work / "atkg-store"), "--port"]
    return {
        "atkg": Server("atkg", f"http://127.0.0.1:{port}/sparql", atkg + [str(port)], log, api=True),
        "atkg-cold": Server("atkg-cold", f"http://127.0.0.1:{port + 1}/sparql", atkg + [str(port + 1)], log,
                            api=True, env=dict(os.environ, ATKG_CACHE_BYTES="0")),
        "oxigraph": Server("oxigraph", f"http://127.0.0.1:{port + 2}/query",
                           [str(BIN / "oxigraph"), "serve-read-only", "--location", str(work / "oxigraph"),
                            "--union-default-graph", "--timeout-s", str(TIME_LIMIT), "--bind",
                            f"127.0.0.1:{port + 2}"], log, api=False),
    }


def measure(running, queries, args):
    """{"atkg": {"cold": ..., "warm": ...}, "oxigraph": {"cold": ..., "warm": None}}: latencies, interleaved.

    atkg is two processes: without its answer cache (cold, a unique comment in every SPARQL text too) and
    with it (warm, the same request again); Oxigraph has no answer cache.
    """
    timed = latencies([("atkg cold", running["atkg-cold"], True), ("atkg warm", running["atkg"], False),
                       ("oxigraph cold", running["oxigraph"], True)], queries, repeats=args.repeats)
    return {"atkg": {"cold": timed["atkg cold"], "warm": timed["atkg warm"]},
            "oxigraph": {"cold": timed["oxigraph cold"], "warm": None}}


def throughputs(running, queries, args):
    """{server: {"throughput_cold": ..., "throughput_warm": ...}}, each the median of `args.rounds` runs.

    The servers take turns, round after round, so that a machine slowing down or speeding up during the
    benchmark (other work on the host) weighs on each alike.
    """
    turns = [("atkg", running["atkg-cold"], True), ("oxigraph", running["oxigraph"], True),
             ("atkg", running["atkg"], False), ("oxigraph", running["oxigraph"], False)]
    runs = {(name, cold): [] for name, _, cold in turns}
    for _ in range(args.rounds):
        for name, server, cold in turns:
            runs[(name, cold)].append(throughput(server, queries, clients=args.clients, seconds=args.seconds,
                                                 cold=cold))
    return {name: {f"throughput_{'cold' if cold else 'warm'}": _median_run(runs[(name, cold)])
                   for cold in (True, False)} for name in ("atkg", "oxigraph")}


def _median_run(runs):
    """(median answers per second, failed answers in all runs)."""
    return statistics.median(rate for rate, _ in runs), sum(failed for _, failed in runs)


def bench_scale(source, scale, args):
    """Every measure for one scale: {"atkg": {...}, "oxigraph": {...}}."""
    work = Path(tempfile.mkdtemp(prefix=f"atkg-bench-{scale}x-"))
    data = Path(source) if scale == 1 else work / f"atkg-{scale}x.nq"
    if scale != 1:
        generate(source, scale, data)
    queries = [item for item in workload() if not args.only or item.name in args.only]
    running = servers(data, work, port=args.port)
    try:
        before = cpu_times()
        report = measure(running, queries, args)
        for name, rates in throughputs(running, queries, args).items():
            report[name].update(rates)
        report["stolen"] = stolen_share(before, cpu_times())
        return report
    finally:
        for server in running.values():
            server.stop()
        shutil.rmtree(work, ignore_errors=True)  # the scaled graph and three stores: up to 600 MB at 100x


def summary(scale, report):
    """Lines of Markdown for one scale: a row per query, then medians, throughput and the targets."""
    atkg, oxigraph = report["atkg"], report["oxigraph"]
    lines = [f"\n### {scale}x\n", "| query | rows | atkg cold median / p95 ms | atkg warm median / p95 ms | "
             "oxigraph cold median / p95 ms | cold ratio |", "|---|---|---|---|---|---|"]
    for name in atkg["cold"]:
        cold, warm, other = atkg["cold"][name], atkg["warm"][name], oxigraph["cold"][name]
        shown = cold[2] if cold[2] == other[2] else f"{cold[2]} (oxigraph {other[2]})"
        lines.append(f"| {name} | {shown} | {_cell(cold)} | {_cell(warm)} | {_cell(other)} | "
                     f"{cold[0] / other[0]:.2f} |")
    stolen = report.get("stolen")
    host = [] if stolen is None else [f"CPU time taken by the VM's host while measuring: {stolen:.1%}."]
    return lines + _verdict(atkg, oxigraph) + host


def _cell(measure):
    median, p95, _, failed = measure
    return f"{median:.1f} / {p95:.1f}" + (f" ({failed} failed)" if failed else "")


def _verdict(atkg, oxigraph):
    cold, warm = atkg["cold"], atkg["warm"]
    over_5 = sorted(name for name, v in cold.items() if v[0] > 5 or v[3])
    over_1s = sorted(name for name, v in cold.items() if v[1] >= 1000 or v[3])
    (t_cold, e_cold), (t_warm, e_warm) = atkg["throughput_cold"], atkg["throughput_warm"]
    (o_cold, oe_cold), (o_warm, _) = oxigraph["throughput_cold"], oxigraph["throughput_warm"]
    return [f"\nMedian over queries: atkg cold {statistics.median(v[0] for v in cold.values()):.1f} ms, warm "
            f"{statistics.median(v[0] for v in warm.values()):.1f} ms, oxigraph cold "
            f"{statistics.median(v[0] for v in oxigraph['cold'].values()):.1f} ms.",
            f"Cold medians over 5 ms (or failed): {len(over_5)} of {len(cold)}"
            f"{' (' + ', '.join(over_5) + ')' if over_5 else ''}. Cold p95 of 1 s or more (or failed): "
            f"{len(over_1s)}{' (' + ', '.join(over_1s) + ')' if over_1s else ''}.",
            f"Throughput (answers/s, failed answers in brackets): atkg cold {t_cold:.0f} ({e_cold}), warm "
            f"{t_warm:.0f} ({e_warm}); oxigraph cold {o_cold:.0f} ({oe_cold}), warm {o_warm:.0f}; atkg cold / "
            f"oxigraph cold {t_cold / o_cold:.2f}, atkg warm / oxigraph cold {t_warm / o_cold:.2f}."]


def main():
    """Run the benchmark and print Markdown results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default="var/dumps/atkg.nq")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3, help="throughput runs per server, taking turns")
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--json", type=Path, default=None, help="also write the raw numbers here")
    parser.add_argument("--only", nargs="+", default=None, help="run only these workload items (by name)")
    parser.add_argument("--load", action="store_true",
                        help="only the load test: --clients clients for --seconds s on each server, the saved "
                             "queries at real size (e.g. --load --clients 50 --seconds 60)")
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    if args.load:
        print("\n".join(bench_load(args.source, args)), flush=True)
        return
    raw = {}
    for scale in args.scales:
        raw[scale] = bench_scale(args.source, scale, args)
        print("\n".join(summary(scale, raw[scale])), flush=True)
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1))


if __name__ == "__main__":
    main()
