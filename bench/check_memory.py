"""Memory of the web process while /check checks the largest report it takes, again and again.

    .venv/bin/python bench/check_memory.py [--checks 20] [--data-dir var]

Starts `atkg serve` on the built store (ATKG_DATA_DIR or --data-dir) on a loopback port, then posts the
2021 report of the State Migration Service padded to just under MAX_REPORT_BYTES with its own paragraphs
(real text, each paragraph again in the last entry) to /check, one check after another. It reads the
resident memory (VmRSS in /proc/PID/status) of the web process (Granian's worker, which runs the app)
before the first check, after it (the baseline: the check context is then read and kept), and after each
further check, and prints each with its growth over the baseline and the time each check took. The
acceptance: at most 100 MB of growth after the last check.
"""

import argparse
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from atkg.graph.sources import sources_dir
from atkg.shapes.report_source import MAX_REPORT_BYTES

REPORT = "002_e692b092547fc0c1.txt"
LIMIT_MB = 100


def padded_report():
    """The real report with its own body paragraphs added to its end until one more would pass the limit."""
    text = (sources_dir() / REPORT).read_text(encoding="utf-8")
    paragraphs = [part for part in text.split("\n\n") if part.strip() and not part.startswith("**")]
    padded, index = text, 0
    while len((padded + "\n\n" + paragraphs[index % len(paragraphs)]).encode("utf-8")) < MAX_REPORT_BYTES:
        padded += "\n\n" + paragraphs[index % len(paragraphs)]
        index += 1
    return padded


def rss_mb(pid):
    """Resident memory of process `pid` in MB, from /proc/PID/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def web_process(server_pid):
    """The process that runs the app: Granian's only worker, the child of `atkg serve`."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    if len(children) != 1:
        raise RuntimeError(f"expected one web process under {server_pid}, found {children}")
    return int(children[0])


def start(data_dir, folder):
    """(process, port) of `atkg serve` on the built store, once /health answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {key: value for key, value in os.environ.items() if not key.startswith("ATKG_")}
    environment.update(ATKG_DATA_DIR=str(data_dir), ATKG_QUERY_WORKERS="1", ATKG_WEB_WORKERS="1")
    log = (Path(folder) / "server.log").open("wb")
    process = subprocess.Popen([str(Path(sys.executable).with_name("atkg")), "serve", "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=environment)
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).read()
            return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def upload(report):
    """The multipart form of the page's file field holding `report` (a URL-encoded text field would be three
    times its size in Azerbaijani, past the request's bound)."""
    boundary = "atkg-bench-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode() + report.encode("utf-8") + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def check(port, body, content_type):
    """(status, seconds) of one POST /check with the form `body`."""
    started = time.monotonic()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/check?lang=en", data=body, method="POST",
                                     headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.monotonic() - started


def main():
    """Run the checks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=20)
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("ATKG_DATA_DIR", "var")))
    options = parser.parse_args()
    report = padded_report()
    body, content_type = upload(report)
    print(f"{platform.node()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; report "
          f"{len(report.encode('utf-8'))} bytes; {options.checks} checks")
    with tempfile.TemporaryDirectory() as folder:
        process, port = start(options.data_dir, folder)
        try:
            web = web_process(process.pid)
            print(f"| check | status | seconds | RSS MB | over the first check |\n|---|---|---|---|---|\n"
                  f"| before | | | {rss_mb(web):.1f} | |")
            baseline = None
            for number in range(1, options.checks + 1):
                status, took = check(port, body, content_type)
                rss = rss_mb(web)
                baseline = rss if baseline is None else baseline
                print(f"| {number} | {status} | {took:.1f} | {rss:.1f} | {rss - baseline:+.1f} |", flush=True)
        finally:
            process.terminate()
            process.wait(30)
    verdict = "met" if rss - baseline <= LIMIT_MB else "NOT met"  # a status other than 200 is in the table
    print(f"growth after {options.checks} checks: {rss - baseline:+.1f} MB (limit {LIMIT_MB} MB): {verdict}")


if __name__ == "__main__":
    main()
