"""The check use-case: a report file read and checked against the graph in the embedded store.

`atkg check` runs it; `atkg ingest` shares its reading of the file and its loading of the store's context.
The check itself (a report's text against a context) is shapes' check_report_text, which the /check page
runs too, each time in a process of its own killed at the time limit (atkg.shapes.deadline). Reading the context from the store into rdflib takes longer than a check, so build and ingest
keep it in a ready form (write_ready_context) that a check loads in a few hundredths of a second.
"""

import errno
import os
import pickle
from pathlib import Path

from atkg.graph import store as stores
from atkg.graph.store import EmbeddedStore, folder_fingerprint
from atkg.shapes.collector import collector_held_off, moved_to_oldest_generation
from atkg.shapes.context import load_context, warm_up
from atkg.shapes.deadline import check_within_limit
from atkg.shapes.report_source import N_, CheckError, decode_report, refuse_too_large

# The reasons a report file is not read that a person can fix, in words the catalogue translates (the
# system's own strerror is English only).
UNREADABLE = {errno.ENOENT: N_("%(name)s: cannot be read: No such file or directory"),
              errno.EACCES: N_("%(name)s: cannot be read: Permission denied"),
              errno.EISDIR: N_("%(name)s: cannot be read: Is a directory")}


def check_report_file(path, *, settings, agency=None, year=None):
    """The verdict on the report at `path` against the built graph, without the report's graphs (nothing is
    written); CheckError when it cannot be checked (CheckTimeout when the check runs longer than the
    settings' limit: it is stopped)."""
    text, stem = read_report_file(path)
    return check_within_limit(text, agency=agency, year=year, context=load_check_context(settings), stem=stem,
                              timeout=settings.check_timeout, keep_graphs=False)


def read_report_file(path):
    """(text, stem) of a report file; CheckError when it cannot be read or is not UTF-8 text."""
    path = Path(path)
    try:
        refuse_too_large(path.stat().st_size, name=str(path))  # before reading a file of any size
        data = path.read_bytes()
    except OSError as error:
        template = UNREADABLE.get(error.errno)
        if template is None:
            raise CheckError(f"{path}: cannot be read: {error.strerror}") from error
        raise CheckError(template, {"name": str(path)}) from error
    return decode_report(data, name=str(path)), path.stem


def open_store(settings, *, read_only):
    """The store of the settings: the remote one when ATKG_STORE_QUERY_URL is set, else the embedded one;
    CheckError when there is no embedded store yet."""
    if settings.store_query_url:
        return stores.open_store(query_url=settings.store_query_url, update_url=settings.store_update_url,
                                 user=settings.store_user, password=settings.store_password)
    _require_built(settings)
    return EmbeddedStore(settings.store_dir, read_only=read_only)


def context_of(store, settings):
    """The check context of the store (its graphs but the ones worked out from them)."""
    return load_context(store, base=settings.base_iri)


def load_check_context(settings):
    """The check context of the store as it is now: its ready form when that was written from this very
    store (same files), otherwise read from the store (a remote store: always)."""
    if settings.store_query_url:
        return context_of(open_store(settings, read_only=True), settings)
    _require_built(settings)
    ready = _read_ready(settings.ready_context_path, key=_ready_key(settings))
    return ready if ready is not None else context_of(open_store(settings, read_only=True), settings)


def write_ready_context(settings, *, context=None):
    """Keep the check context beside the store for the next checks (written to a new file, then moved into
    place): `context` when the caller holds it as the store now is (an ingest, which read back the graphs
    it wrote), else the store's, read from it. Read back from the store rather than made from the caller's
    graphs: Oxigraph keeps some typed literals otherwise (xsd:positiveInteger as xsd:integer), and a check
    must see what the store holds. Warmed up first, so a check parses no query. A remote store has no files
    to key it by: nothing is kept for it."""
    if settings.store_query_url:
        return
    if context is None:
        context = context_of(open_store(settings, read_only=True), settings)
    warm_up(context)
    target = settings.ready_context_path
    staging = target.with_name(target.name + ".new")
    with staging.open("wb") as file:
        pickle.dump((_ready_key(settings), context), file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(staging, target)


def _read_ready(path, *, key):
    # pickle rather than a format of our own: only this program writes the file, into its own data folder.
    try:
        with path.open("rb") as file, collector_held_off():  # unpickling frees nothing: nothing to collect
            stored_key, context = pickle.load(file)
            moved_to_oldest_generation()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return context if stored_key == key else None


def _ready_key(settings):
    # Not the folder's path: a data folder copied elsewhere with its times kept stays ready.
    return settings.base_iri, folder_fingerprint(settings.store_dir)


def _require_built(settings):
    if not settings.store_dir.exists():
        raise CheckError(f"{settings.store_dir}: no graph yet: run `atkg build` first")
