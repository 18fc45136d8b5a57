"""ingest_report: check a report, then add it to the store as its own named graph and copy its text into
the sources folder, both or neither, so the next build keeps it. The worked-out graphs (graph/derive.py)
are made anew from the store's graphs with the report, as the build makes them. Every write is journaled
(atkg/journal.py): an ingest killed at any step is rolled back by the next ingest, build or serve."""

import os
from dataclasses import dataclass
from pathlib import Path

from atkg.check import load_check_context, open_store, read_report_file, write_ready_context
from atkg.graph import iris
from atkg.graph.derive import derive
from atkg.graph.sources import sources_dir
from atkg.journal import fault_point, journaled, recover, replace_graph, write_synced
from atkg.ontology.catalogue import gettext_in
from atkg.shapes.check import check_report_text
from atkg.shapes.render import render_verdict_text
from atkg.shapes.report_source import CheckError, stated_agency_and_year

_STAGING_SUFFIX = ".ingest-staging"


class IngestRefused(Exception):
    """The report was checked but not added; the message says why and what to do."""


@dataclass(frozen=True)
class IngestResult:
    """What an ingest did: the verdict, the named graph written, the source file written, its size."""

    verdict: object
    graph_iri: str
    source_path: Path
    replaced: bool
    triples: int


def ingest_report(path, *, settings, force=False, replace=False, sources_folder=None, language="en"):
    """Check the report at `path`, then add it; IngestRefused on Violations (unless force) or when it is
    already there (unless replace); CheckError when it cannot be checked. Nothing changes on failure."""
    recover(settings)
    text, stem = read_report_file(path)
    _require_stated_title(text, stem)
    context = load_check_context(settings)
    store = open_store(settings, read_only=False)
    verdict = check_report_text(text, context=context, stem=stem)
    graph_iri = iris.graph_iri(f"source/{stem}", base=settings.base_iri)
    target = Path(sources_folder or sources_dir()) / f"{stem}.txt"
    replaced = _refuse_duplicates(verdict, store, graph_iri, target, replace=replace)
    if not verdict.conforms and not force:
        raise IngestRefused(render_verdict_text(verdict, language=language) + _refusal(verdict, language))
    graph = verdict.graphs[graph_iri]
    kept = {name: graph for name, graph in context.graphs.items() if str(name) not in verdict.replaces}
    derived = derive({**kept, **verdict.graphs}, base=settings.base_iri)
    _write_both(store, {**verdict.graphs, **derived.graphs}, target, Path(path).read_bytes(), settings=settings)
    del store  # closed, so that the ready context is keyed by the store's files as they stay
    fault_point("ingested")
    write_ready_context(settings)
    return IngestResult(verdict=verdict, graph_iri=str(graph_iri), source_path=target, replaced=replaced,
                        triples=len(graph))


def _require_stated_title(text, stem):
    agency, year = stated_agency_and_year(text, stem=stem)
    if agency is None or year is None:
        raise CheckError(f"{stem}: the title must name the reporting body and the year (like “... Dövlət "
                         "Miqrasiya Xidməti tərəfindən 2022-ci il ərzində icrası barədə”) so that every build "
                         "reads them the same way: add them to the title and ingest again")


def _refuse_duplicates(verdict, store, graph_iri, target, *, replace):
    """True when an earlier version will be replaced; IngestRefused when that is not allowed."""
    others = [name for name in verdict.replaces if name != str(graph_iri)]
    if others:
        raise IngestRefused(f"{verdict.report_iri} is already in the graph, from {', '.join(others)}: a report "
                            "is ingested under one file name; remove the other source and rebuild first")
    present = store.has_graph(graph_iri) or target.exists()
    if present and not replace:
        raise IngestRefused(f"{verdict.stem} is already ingested ({graph_iri}, {target}): nothing was changed; "
                            "use --replace to replace it with this version")
    return present


def _refusal(verdict, language):
    _ = gettext_in(language)
    return _("Not ingested: %(count)s violation(s). Fix them, or ingest anyway with --force.") % {
        "count": len(verdict.outcome.violations)} + "\n"


def _write_both(store, graphs, target, data, *, settings):
    """Stage the file, replace the report's graph and the worked-out graphs in one update, then move the
    file in, all under the journal, so the store and the sources folder change together or not at all; on a
    failure put back what was there at once."""
    staging = target.with_name(target.name + _STAGING_SUFFIX)
    previous = {str(name): _graph_ntriples(store, name) for name in graphs}
    try:
        with journaled(settings, previous_graphs=previous, target=target, staging=staging) as store_changing:
            write_synced(staging, data)
            fault_point("staged")
            store_changing()
            store.update(" ;\n".join(replace_graph(name, graph.serialize(format="nt"))
                                      for name, graph in graphs.items()))
            store.flush()
            fault_point("stored")
            os.replace(staging, target)
    except BaseException:
        _roll_back(settings, store)
        raise


def _roll_back(settings, store):
    try:
        recover(settings, store=store)
    except OSError:  # the journal stays: the next ingest, build or serve rolls back
        pass


def _graph_ntriples(store, graph_iri):
    rows = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    return "\n".join(f"{triple.subject} {triple.predicate} {triple.object} ." for triple in rows)
