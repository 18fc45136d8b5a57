"""Latency and throughput of atkg and an Oxigraph server on the same data, same run, over HTTP.

    python bench/run.py --source var/dumps/atkg.nq --scales 1 10 100

For each scale the graph is scaled by bench/generate.py and served by `atkg serve --store` twice (with its
answer cache, and with none: ATKG_CACHE_BYTES=0) and by `oxigraph serve-read-only --union-default-graph`.
Every workload item (bench/workload.py: the saved queries through /api, cross-cutting ones through
/sparql) is timed cold (atkg without a cache; a unique comment in every SPARQL text) and warm (the same
request again, atkg with its cache), then many clients send the workload for a few seconds.
"""

import argparse
import http.client
import json
import os
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


def latencies(server, queries, *, repeats, cold):
    """{name: (median ms, p95 ms, rows)} over `repeats` runs of each query."""
    client, out = Client(server.url, api=server.api), {}
    for item in queries:
        client.ask(item, cold=cold)  # first contact, not counted
        runs = []
        for _ in range(repeats):
            seconds, status, body = client.ask(item, cold=cold)
            assert status == 200, (server.name, item.name, status, body[:300])
            runs.append(seconds * 1000)
        out[item.name] = (statistics.median(runs), percentile(runs, 95), answer_size(body))
    return out


def percentile(values, share):
    """The `share` percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share / 100 * len(ordered)) - 1))]


def throughput(server, queries, *, clients, seconds, cold):
    """Answers per second with `clients` concurrent clients cycling through the workload."""
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
    assert not errors, errors[:5]
    return sum(counts) / seconds


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
                            "--union-default-graph", "--bind", f"127.0.0.1:{port + 2}"], log, api=False),
    }


def measure(cold_server, warm_server, queries, args):
    """Cold and warm latencies and throughputs of one server (two processes for atkg: no cache, cache)."""
    return {
        "cold": latencies(cold_server, queries, repeats=args.repeats, cold=True),
        "warm": latencies(warm_server, queries, repeats=args.repeats, cold=False),
        "throughput_cold": throughput(cold_server, queries, clients=args.clients, seconds=args.seconds, cold=True),
        "throughput_warm": throughput(warm_server, queries, clients=args.clients, seconds=args.seconds,
                                      cold=False),
    }


def bench_scale(source, scale, args):
    """Every measure for one scale: {"atkg": {...}, "oxigraph": {...}}."""
    work = Path(tempfile.mkdtemp(prefix=f"atkg-bench-{scale}x-"))
    data = Path(source) if scale == 1 else work / f"atkg-{scale}x.nq"
    if scale != 1:
        generate(source, scale, data)
    queries = [item for item in workload() if not args.only or item.name in args.only]
    running = servers(data, work, port=args.port)
    try:
        return {"atkg": measure(running["atkg-cold"], running["atkg"], queries, args),
                "oxigraph": measure(running["oxigraph"], running["oxigraph"], queries, args)}
    finally:
        for server in running.values():
            server.stop()


def summary(scale, report):
    """Lines of Markdown for one scale: a table per query, then medians, throughput and the targets."""
    atkg, oxigraph = report["atkg"], report["oxigraph"]
    lines = [f"\n### {scale}x\n", "| query | rows | atkg cold median / p95 ms | atkg warm median / p95 ms | "
             "oxigraph cold median / p95 ms | cold ratio |", "|---|---|---|---|---|---|"]
    for name in atkg["cold"]:
        (c50, c95, rows), (w50, w95, _), (o50, o95, o_rows) = (atkg["cold"][name], atkg["warm"][name],
                                                               oxigraph["cold"][name])
        shown = rows if rows == o_rows else f"{rows} (oxigraph {o_rows})"
        lines.append(f"| {name} | {shown} | {c50:.1f} / {c95:.1f} | {w50:.1f} / {w95:.1f} | {o50:.1f} / {o95:.1f} | "
                     f"{c50 / o50:.2f} |")
    medians = {key: statistics.median(v[0] for v in atkg[key].values()) for key in ("cold", "warm")}
    over_5 = sorted(name for name, v in atkg["cold"].items() if v[0] > 5)
    lines.append(f"\nMedian over queries: atkg cold {medians['cold']:.1f} ms, warm {medians['warm']:.1f} ms, "
                 f"oxigraph cold {statistics.median(v[0] for v in oxigraph['cold'].values()):.1f} ms. "
                 f"Slowest atkg cold median {max(v[0] for v in atkg['cold'].values()):.0f} ms, p95 "
                 f"{max(v[1] for v in atkg['cold'].values()):.0f} ms. Cold medians over 5 ms: "
                 f"{len(over_5)} of {len(atkg['cold'])}{' (' + ', '.join(over_5) + ')' if over_5 else ''}.")
    lines.append(f"Throughput (answers/s): atkg cold {atkg['throughput_cold']:.0f}, warm "
                 f"{atkg['throughput_warm']:.0f}; oxigraph cold {oxigraph['throughput_cold']:.0f}, warm "
                 f"{oxigraph['throughput_warm']:.0f}; atkg cold / oxigraph cold "
                 f"{atkg['throughput_cold'] / oxigraph['throughput_cold']:.2f}, atkg warm / oxigraph cold "
                 f"{atkg['throughput_warm'] / oxigraph['throughput_cold']:.2f}.")
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
    parser.add_argument("--only", nargs="+", default=None, help="run only these workload items (by name)")
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    raw = {}
    for scale in args.scales:
        raw[scale] = bench_scale(args.source, scale, args)
        print("\n".join(summary(scale, raw[scale])), flush=True)
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1))


if __name__ == "__main__":
    main()
