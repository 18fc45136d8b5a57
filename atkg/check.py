"""The check use-case: a report file read and checked against the graph in the embedded store.

`atkg check` runs it; `atkg ingest` shares its reading of the file and its loading of the store's context.
The check itself (a report's text against a context) is shapes' check_report_text, which the /check page
runs too.
"""

from pathlib import Path

from atkg.graph.store import EmbeddedStore
from atkg.shapes.check import check_report_text
from atkg.shapes.context import load_context
from atkg.shapes.report_source import CheckError, decode_report


def check_report_file(path, *, settings, agency=None, year=None):
    """The verdict on the report at `path` against the built graph; CheckError when it cannot be checked."""
    text, stem = read_report_file(path)
    context = context_of(open_store(settings, read_only=True), settings)
    return check_report_text(text, agency=agency, year=year, context=context, stem=stem)


def read_report_file(path):
    """(text, stem) of a report file; CheckError when it cannot be read or is not UTF-8 text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CheckError(f"{path}: cannot be read: {error.strerror}") from error
    return decode_report(data, name=str(path)), path.stem


def open_store(settings, *, read_only):
    """The embedded store of the settings; CheckError when there is none yet or it is remote."""
    if settings.store_query_url:
        raise CheckError("atkg check and atkg ingest work on the embedded store only; unset "
                         "ATKG_STORE_QUERY_URL")
    if not settings.store_dir.exists():
        raise CheckError(f"{settings.store_dir}: no graph yet: run `atkg build` first")
    return EmbeddedStore(settings.store_dir, read_only=read_only)


def context_of(store, settings):
    """The check context of the store (its graphs but the ones worked out from them)."""
    return load_context(store, base=settings.base_iri)
