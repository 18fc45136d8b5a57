"""Latency and throughput of atkg and an Oxigraph server on the same data, same run, over HTTP.

    python bench/run.py --source var/dumps/atkg.nq --scales 1 10 100

For each scale the graph is scaled by bench/generate.py, served by `atkg serve --data` and by
`oxigraph serve-read-only`, and every workload query is timed cold (a unique comment defeats any cache)
and warm (the same text again), then many clients send the workload for a few seconds.
"""

import argparse
import http.client
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402
from workload import workload  # noqa: E402

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
BIN = Path(sys.executable).parent


class Client:
    """One keep-alive HTTP connection posting queries to an endpoint."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.path, self.connection = parts.path, http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

    def ask(self, query):
        """POST the query; return (seconds, status, body)."""
        started = time.perf_counter()
        self.connection.request("POST", self.path, body=query.encode(),
                                headers={"Content-Type": "application/sparql-query", "Accept": ACCEPT})
        response = self.connection.getresponse()
        body = response.read()
        return time.perf_counter() - started, response.status, body


def text_for(query, *, cold):
    """The query, made unique when cold so that no cache can answer it."""
    return f"{query}\n# {uuid.uuid4()}" if cold else query


def latencies(url, queries, *, repeats, cold):
    """{name: (median ms, p95 ms, answer size)} over `repeats` runs of each query."""
    client, out = Client(url), {}
    for name, query in queries:
        client.ask(text_for(query, cold=cold))  # first contact, not counted
        runs = []
        for _ in range(repeats):
            seconds, status, body = client.ask(text_for(query, cold=cold))
            assert status == 200, (name, status, body[:300])
            runs.append(seconds * 1000)
        out[name] = (statistics.median(runs), percentile(runs, 95), len(body))
    return out


def percentile(values, share):
    """The `share` percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share / 100 * len(ordered)) - 1))]


def throughput(url, queries, *, clients, seconds, cold):
    """Answers per second with `clients` concurrent clients cycling through the workload."""
    counts, errors, stop_at = [0] * clients, [], time.monotonic() + seconds

    def loop(number):
        client, index = Client(url), number
        while time.monotonic() < stop_at:
            _, status, _ = client.ask(text_for(queries[index % len(queries)][1], cold=cold))
            index += 1
            counts[number] += 1 if status == 200 else 0
            if status != 200:
                errors.append(status)

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:5]
    return sum(counts) / seconds


def start(command, url, log):
    """Start a server process and wait until it answers ASK {}."""
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if Client(url).ask("ASK {}")[1] == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{command[0]} did not start")


def servers(data, work, *, port):
    """Start atkg on a disk store (as `atkg serve` runs), atkg in memory (--data) and Oxigraph on `data`."""
    log = open(work / "servers.log", "ab")
    for folder in ("oxigraph", "atkg-store"):  # the same Oxigraph release writes both stores
        subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(work / folder), "--file", str(data)],
                       check=True, stdout=log, stderr=subprocess.STDOUT)
    urls = [f"http://127.0.0.1:{port}/sparql", f"http://127.0.0.1:{port + 1}/sparql",
            f"http://127.0.0.1:{port + 2}/query"]
    commands = [[str(BIN / "atkg"), "serve", "--store", str(work / "atkg-store"), "--port", str(port)],
                [str(BIN / "atkg"), "serve", "--data", str(data), "--port", str(port + 1)],
                [str(BIN / "oxigraph"), "serve-read-only", "--location", str(work / "oxigraph"),
                 "--bind", f"127.0.0.1:{port + 2}"]]
    return [(name, url, start(command, url, log))
            for name, url, command in zip(("atkg", "atkg-memory", "oxigraph"), urls, commands)]


def bench_scale(source, scale, args):
    """Every measure for one scale: {server: {...}}."""
    work = Path(tempfile.mkdtemp(prefix=f"atkg-bench-{scale}x-"))
    data = Path(source) if scale == 1 else work / f"atkg-{scale}x.nq"
    if scale != 1:
        generate(source, scale, data)
    queries, report = workload(), {}
    running = servers(data, work, port=args.port)
    try:
        for name, url, _ in running:
            report[name] = {
                "cold": latencies(url, queries, repeats=args.repeats, cold=True),
                "warm": latencies(url, queries, repeats=args.repeats, cold=False),
                "throughput_cold": throughput(url, queries, clients=args.clients, seconds=args.seconds, cold=True),
                "throughput_warm": throughput(url, queries, clients=args.clients, seconds=args.seconds, cold=False),
            }
    finally:
        for _, _, process in running:
            process.terminate()
            process.wait(30)
    return report


def summary(scale, report):
    """Lines of Markdown tables for one scale."""
    lines = []
    for variant in ("atkg", "atkg-memory"):
        lines += [f"\n### {scale}x, {variant}\n"] + _table(report[variant], report["oxigraph"], variant)
    return lines


def _table(atkg, oxigraph, variant):
    lines = [f"| query | {variant} cold median / p95 ms | {variant} warm median / p95 ms | "
             "oxigraph median / p95 ms | cold ratio |", "|---|---|---|---|---|"]
    for name in atkg["cold"]:
        (c50, c95, _), (w50, w95, _), (o50, o95, _) = atkg["cold"][name], atkg["warm"][name], oxigraph["cold"][name]
        lines.append(f"| {name} | {c50:.1f} / {c95:.1f} | {w50:.1f} / {w95:.1f} | {o50:.1f} / {o95:.1f} | "
                     f"{c50 / o50:.2f} |")
    medians = {key: statistics.median(v[0] for v in atkg[key].values()) for key in ("cold", "warm")}
    lines.append(f"\nMedian over queries: {variant} cold {medians['cold']:.1f} ms, warm {medians['warm']:.1f} ms, "
                 f"oxigraph {statistics.median(v[0] for v in oxigraph['cold'].values()):.1f} ms. "
                 f"Slowest atkg cold p95: {max(v[1] for v in atkg['cold'].values()):.0f} ms.")
    lines.append(f"Throughput (answers/s): {variant} cold {atkg['throughput_cold']:.0f}, warm "
                 f"{atkg['throughput_warm']:.0f}; oxigraph cold {oxigraph['throughput_cold']:.0f}, warm "
                 f"{oxigraph['throughput_warm']:.0f}; ratio warm / oxigraph cold "
                 f"{atkg['throughput_warm'] / oxigraph['throughput_cold']:.2f}, cold / oxigraph cold "
                 f"{atkg['throughput_cold'] / oxigraph['throughput_cold']:.2f}.")
    return lines


def main():
    """Run the benchmark and print Markdown results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default="var/dumps/atkg.nq")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--json", type=Path, default=None, help="also write the raw numbers here")
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}")
    raw = {}
    for scale in args.scales:
        raw[scale] = bench_scale(args.source, scale, args)
        print("\n".join(summary(scale, raw[scale])), flush=True)
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1))


if __name__ == "__main__":
    main()
