"""The ingest's journal: what an ingest is about to change, kept on disk until the change is whole, so that a
process killed at any step leaves nothing half-done once the next ingest, build or serve has rolled it back.

An ingest writes the journal (the graphs it replaces as they were, and the source files it replaces, if any)
under a staging name and moves it into place; only then does it touch the sources folder and the store.
Moving the journal aside is the commit: from then on the ingest counts as done. Recovery (`recover`) finds
a journal still in place and puts back what it names: the graphs, in one update (one transaction in
Oxigraph), and the source files; it removes the staged ones. A journal never moved into place is simply
deleted; one already moved aside is deleted once the staged graphs it names are dropped.

On a remote store the graphs are written under staging names first (graph/staging.py) and the journal names
that staging; the files are moved into place next, then the journal is marked just before one update switches
the graphs in. Recovery of a journal so marked runs the switch again (which finishes it, or does nothing after
a whole one) and commits: the new state; of one not marked, drops the staged graphs and puts back the files.
"""

import json
import os
import shutil
import signal
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from atkg.graph import staging as stagings
from atkg.graph.dataset import replace_remote_graph
from atkg.graph.store import EmbeddedStore, open_store

_NAME = "ingest-journal"
_PREVIOUS_SOURCE = "previous-source"
_MANIFEST = "manifest.json"
_STORE_CHANGING = "store-changing"


def journal_dir(settings):
    """Where the journal of an ingest into this data folder lives."""
    return Path(settings.data_dir) / _NAME


@contextmanager
def journaled(settings, *, previous_graphs, files, staging=None, store=None):
    """Keep a journal of the change to come while the block makes it: `previous_graphs` ({graph IRI:
    N-Triples}) as they are, and for each source file to change ({target: staging}) the file as it is and
    the staged one about to replace it; on a remote store, the `staging` of its graphs in `store`
    (graph/staging.py) instead of the graphs. Committed when the block ends; left for `recover` when it
    raises. The block calls the function it is given just before it changes the store (a remote one: before
    the switch)."""
    folder = journal_dir(settings)
    draft = folder.with_name(_NAME + ".new")
    shutil.rmtree(draft, ignore_errors=True)
    draft.mkdir(parents=True)
    kept = []
    for number, (target, staged) in enumerate(files.items()):
        had = Path(target).exists()
        if had:
            shutil.copy2(target, draft / f"{_PREVIOUS_SOURCE}-{number}")
        kept.append({"target": str(Path(target).resolve()), "staging": str(Path(staged).resolve()),
                     "had_source": had, "copy": f"{_PREVIOUS_SOURCE}-{number}"})
    manifest = {"files": kept, "graphs": previous_graphs, "staging": staging and staging.as_json()}
    write_synced(draft / _MANIFEST, json.dumps(manifest).encode("utf-8"))
    os.replace(draft, folder)
    fault_point("journal-written")
    yield partial(write_synced, folder / _STORE_CHANGING, b"")
    fault_point("changed")
    _commit(folder, settings=settings, store=store)


def _commit(folder, *, settings, store):
    """Move the journal aside (from here on the ingest is done), then drop its staged graphs, if any, and it."""
    done = folder.with_name(_NAME + ".done")
    os.replace(folder, done)  # the commit: from here on the ingest is done
    fault_point("committed")
    _tidy_up(done, settings=settings, store=store)


def _tidy_up(done, *, settings, store):
    """Delete a journal moved aside, once the staged graphs it names (a remote store's) are dropped."""
    if done.exists():
        staging = _manifest(done).get("staging") if (done / _MANIFEST).exists() else None
        if staging:
            stagings.drop(store or _store_of(settings), stagings.Staging(**staging))
        shutil.rmtree(done)


def recover(settings, *, store=None):
    """Roll back an ingest that was stopped before it committed, in `store` (default: the store of the
    settings, opened for the while); True when there was one to roll back or, on a remote store, one whose
    switch was made to commit."""
    folder = journal_dir(settings)
    shutil.rmtree(folder.with_name(_NAME + ".new"), ignore_errors=True)
    _tidy_up(folder.with_name(_NAME + ".done"), settings=settings, store=store)
    if not folder.exists():
        return False
    manifest = _manifest(folder)
    if manifest.get("staging"):
        _recover_staged(folder, manifest, settings=settings, store=store or _store_of(settings))
        return True
    for file in manifest["files"]:
        _put_back_source(folder, file)
        Path(file["staging"]).unlink(missing_ok=True)
    if (folder / _STORE_CHANGING).exists():  # else the store is untouched, and its ready context stays valid
        _put_back_graphs(store or _store_of(settings), manifest["graphs"])
    shutil.rmtree(folder)
    return True


def _recover_staged(folder, manifest, *, settings, store):
    """A remote store's ingest stopped before its journal was committed: once its switch may have begun
    (the files and the staged graphs are whole by then), switched again and committed; before that, rolled
    back (the files put back, then the staged graphs dropped, then the journal deleted). Each step can be
    done again when recovery is itself stopped."""
    staging = stagings.Staging(**manifest["staging"])
    if (folder / _STORE_CHANGING).exists():
        stagings.switch(store, staging)
        _commit(folder, settings=settings, store=store)
        return
    for file in manifest["files"]:
        _put_back_source(folder, file)
        Path(file["staging"]).unlink(missing_ok=True)
    stagings.drop(store, staging)
    shutil.rmtree(folder)


def _manifest(folder):
    return json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))


def _store_of(settings):
    """The store the ingest wrote to: the remote one when the settings name it, else the embedded one (never
    an empty embedded store made anew for a remote ingest's graphs)."""
    return open_store(location=settings.store_dir, query_url=settings.store_query_url,
                      update_url=settings.store_update_url, user=settings.store_user, password=settings.store_password)


def _put_back_graphs(store, graphs):
    replace_graphs(store, graphs)
    store.flush()


def replace_graphs(store, graphs, *, previous=None):
    """Put each graph's N-Triples ({graph IRI: text}) in place of the graph: in one update, one transaction,
    on the embedded store; on a remote store graph by graph in batches of INSERT DATA, as the build loads
    one (graph/dataset.publish_remote), since Virtuoso refuses an update of a whole report's graphs.
    `previous` ({graph IRI: N-Triples}) says what the embedded store holds now, so that only the triples
    that change are written."""
    if isinstance(store, EmbeddedStore):
        changes = (replace_graph(name, triples, previous=(previous or {}).get(str(name)))
                   for name, triples in graphs.items())
        store.update(" ;\n".join(change for change in changes if change))
        return
    for name, triples in graphs.items():
        lines = [line for line in triples.splitlines() if line.strip()]  # N-Triples: one triple a line
        replace_remote_graph(store, name, lines)


def replace_graph(graph_iri, ntriples, *, previous=None):
    """An update putting `ntriples` in place of the graph (none: dropping it). Given the graph's `previous`
    N-Triples, the update deletes and inserts only the triples that differ (an ingest changes a few hundred
    of the inferred graph's thousands): the same graph after it, a fraction of the writing. A triple written
    two ways is deleted and inserted again, which leaves it there."""
    old, new = _lines(previous), _lines(ntriples)
    if previous is None or not new or any("_:" in line for line in old | new):  # DATA blocks take no blank nodes
        insert = f" ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{ntriples}\n}} }}" if new else ""
        return f"DROP SILENT GRAPH <{graph_iri}>{insert}"
    changes = [f"{verb} DATA {{ GRAPH <{graph_iri}> {{\n" + "\n".join(sorted(lines)) + "\n} }"
               for verb, lines in (("DELETE", old - new), ("INSERT", new - old)) if lines]
    return " ;\n".join(changes)


def _lines(ntriples):
    return {line.strip() for line in (ntriples or "").splitlines() if line.strip()}


def fault_point(step):
    """Kill this process outright at `step` when ATKG_FAULT_KILL_AT names it: how the tests prove that an
    ingest killed between any two of its writes leaves the old state or the new one, nothing between."""
    if os.environ.get("ATKG_FAULT_KILL_AT") == step:
        os.kill(os.getpid(), signal.SIGKILL)


def _put_back_source(folder, file):
    target = Path(file["target"])
    if file["had_source"]:
        restoring = target.with_name(target.name + ".restoring")
        shutil.copy2(folder / file["copy"], restoring)
        os.replace(restoring, target)
    else:
        target.unlink(missing_ok=True)


def write_synced(path, data):
    """Write `data` to `path` and make sure it is on disk before going on."""
    with path.open("wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
