"""The worker pool: workers forked from a template that holds the data, and replaced within moments."""

import json
import os
import signal
import time

import pytest

from atkg.server.engine.pool import QueryTimeout, WorkerPool
from tests.server.helpers import EX, MEASURES_TRIG, RUNAWAY, fetch, sparql_get, start_server

FORMATS = {"tabular": "json", "boolean": "json", "graph": "turtle"}
QUICK = f"ASK {{ GRAPH ?g {{ <{EX}measure1> ?p ?o }} }}"


def job(text):
    """A /sparql job for the pool, on the union of the named graphs."""
    return {"kind": "query", "text": text, "default_graph": None, "named_graphs": None, "formats": FORMATS,
            "max_rows": 10, "union": True}


@pytest.fixture()
def data_source(tmp_path):
    """The test data as a worker's source: RDF files read into memory."""
    (tmp_path / "measures.trig").write_text(MEASURES_TRIG, encoding="utf-8")
    return {"kind": "memory", "files": [str(tmp_path / "measures.trig")]}


@pytest.fixture()
def forking_pool(data_source):
    """Two workers forked from a template holding the test data in memory."""
    pool = WorkerPool(lambda: data_source, size=2, fork=True)
    yield pool
    pool.close()


def answer(pool, text, *, timeout=5):
    """The body a worker of `pool` writes for `text`, as JSON."""
    status, (_, body, _, _) = pool.run(job(text), timeout=timeout)
    assert status == "ok"
    return json.loads(body)


def test_forked_workers_answer_from_the_template_data(forking_pool):
    assert forking_pool.alive() == 2
    assert answer(forking_pool, QUICK) == {"head": {}, "boolean": True}
    rows = answer(forking_pool, f"SELECT ?n WHERE {{ GRAPH ?g {{ ?m <{EX}number> ?n }} }} ORDER BY ?n")
    assert [row["n"]["value"] for row in rows["results"]["bindings"]] == ["1.1", "1.2", "2.1"]


def test_a_worker_killed_at_the_time_limit_is_replaced_by_a_fork_of_the_template(data_source):
    pool = WorkerPool(lambda: data_source, size=1, fork=True)
    try:
        with pytest.raises(QueryTimeout):
            pool.run(job(RUNAWAY), timeout=0.5)
        assert answer(pool, QUICK)["boolean"] is True  # waits for the replacement, the only worker
        assert (pool.alive(), pool.restarts) == (1, 1)
        # Starting a Python worker takes 0.6-0.9 s here before it even reads the data; a fork, milliseconds.
        # So the replacement must be a child of the template, not a new interpreter the pool started.
        (replacement,) = pool._all  # noqa: SLF001 - the pool has no public list of its workers
        assert replacement.pid in children(pool._template.process.pid)  # noqa: SLF001
    finally:
        pool.close()


def test_a_template_that_died_is_started_again_for_the_next_replacement(forking_pool):
    forking_pool._template.kill()  # noqa: SLF001 - the template has no public way to die
    with pytest.raises(QueryTimeout):
        forking_pool.run(job(RUNAWAY), timeout=0.5)
    deadline = time.monotonic() + 30
    while forking_pool.alive() < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert forking_pool.alive() == 2 and forking_pool._template.is_alive()  # noqa: SLF001
    assert answer(forking_pool, QUICK)["boolean"] is True


def test_one_worker_server_answers_again_from_a_forked_worker_after_a_runaway_query(rdf_dir, tmp_path):
    quick = start_server(tmp_path, data=[rdf_dir], env={"ATKG_QUERY_TIMEOUT": "1", "ATKG_QUERY_WORKERS": "1"})
    try:
        assert sparql_get(quick, RUNAWAY)[0] == 503
        status, _, body = sparql_get(quick, QUICK)
        assert status == 200 and json.loads(body)["boolean"] is True
        assert json.loads(fetch(f"{quick.base}/health")[2])["workers"] == 1
        (web,) = children(quick.process.pid)
        (template,) = children(web)
        assert len(children(template)) == 1  # the replacement was forked from the data already held
        assert "atkg_worker_restarts_total 1" in fetch(f"{quick.base}/metrics")[2].decode()
    finally:
        quick.stop()


def retry_until_answered(url, *, patience=30):
    """GET `url` until it answers (the server may be starting its web process anew)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return fetch(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def children(pid):
    """The process ids whose parent is `pid`, read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.isdigit() and int(fields[1]) == pid:
            found.append(int(entry))
    return found


def test_every_process_stops_when_the_server_is_killed(rdf_dir, tmp_path):
    server = start_server(tmp_path, data=[rdf_dir])
    (web,) = children(server.process.pid)  # Granian's worker process, which runs the app
    (template,) = children(web)
    workers = children(template)
    assert len(workers) == 2
    server.process.kill()
    server.process.wait(5)
    processes = [web, template, *workers]
    deadline = time.monotonic() + 10
    while any(os.path.exists(f"/proc/{pid}") for pid in processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in processes if os.path.exists(f"/proc/{pid}")]


def test_the_template_and_its_workers_stop_when_the_web_process_is_killed(rdf_dir, tmp_path):
    server = start_server(tmp_path, data=[rdf_dir])
    try:
        (web,) = children(server.process.pid)
        (template,) = children(web)
        workers = children(template)
        os.kill(web, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(os.path.exists(f"/proc/{pid}") for pid in [template, *workers]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2
        assert not [pid for pid in [template, *workers] if os.path.exists(f"/proc/{pid}")]
        deadline = time.monotonic() + 30  # Granian starts another web process, which builds the app anew
        while not children(server.process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        status, _, body = retry_until_answered(f"{server.base}/health")
        assert status == 200 and json.loads(body)["workers"] == 2
    finally:
        server.stop()
