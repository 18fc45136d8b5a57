"""ingest_report: check a report, then add it to the store as its own named graph and keep its text, with
private persons redacted, and what the command line said about it in the sources folder, both or neither,
so the next build keeps it and reads it the same way. The worked-out graphs (graph/derive.py) are made anew
from the store's graphs with the report, as the build makes them. Every write is journaled
(atkg/journal.py): an ingest killed at any step is rolled back by the next ingest, build or serve."""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from atkg.check import load_check_context, open_store, read_report_file, write_ready_context
from atkg.graph import iris
from atkg.graph import staging as stagings
from atkg.graph.derive import derive
from atkg.graph.sources import entering, metadata_path, metadata_text, sources_dir
from atkg.journal import fault_point, journaled, recover, replace_graphs, write_synced
from atkg.ontology.catalogue import gettext_in
from atkg.shapes.context import graph_of, with_graphs_replaced
from atkg.shapes.deadline import check_within_limit
from atkg.shapes.render import render_verdict_text

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


def ingest_report(path, *, settings, agency=None, year=None, force=False, replace=False, sources_folder=None,
                  language="en"):
    """Check the report at `path`, then add it; IngestRefused on Violations (unless force) or when it is
    already there (unless replace); CheckError when it cannot be checked. Nothing changes on failure.

    agency and year say what the title does not; they are kept in the source's metadata file, so every
    build reads the report the same way. Private persons are redacted before the text is checked or kept:
    the sources folder never holds the file as received."""
    return write_ingest(prepare_ingest(path, settings=settings, agency=agency, year=year, force=force,
                                       replace=replace, sources_folder=sources_folder, language=language),
                        settings=settings)


@dataclass(frozen=True)
class PreparedIngest:
    """An ingest checked and worked out, not yet written: what it will report, the graphs to put in the store
    ({graph IRI: rdflib graph}, an empty one dropped), the files to put in the sources folder ({path: bytes},
    None: removed), and the check context they were worked out from."""

    result: IngestResult
    graphs: dict
    files: dict
    context: object


def prepare_ingest(path, *, settings, agency=None, year=None, force=False, replace=False, sources_folder=None,
                   language="en"):
    """Everything `ingest_report` does before it writes (same arguments and refusals): first the rollback of
    an ingest stopped half-way, then the check, then the graphs worked out with the report."""
    recover(settings)
    text, _ = read_report_file(path)
    folder = Path(sources_folder or sources_dir())
    redacted, record = entering(text)
    context = load_check_context(settings)
    stem = _stem_for(text, folder)
    verdict = check_within_limit(redacted, agency=agency, year=year, context=context, stem=stem,
                                 timeout=settings.check_timeout)
    earlier = _earlier_source(verdict, settings.base_iri)
    if earlier and earlier != stem:
        _refuse_unless_replacing(verdict, earlier, folder, replace=replace)
        stem = earlier  # a new version of a report takes its place, under its name
        verdict = check_within_limit(redacted, agency=agency, year=year, context=context, stem=stem,
                                 timeout=settings.check_timeout)
    graph_iri = iris.graph_iri(f"source/{stem}", base=settings.base_iri)
    target = folder / f"{stem}.txt"
    # the store is opened for this only, and closed again before write_ingest opens it to write
    replaced = _refuse_duplicates(verdict, open_store(settings, read_only=False), graph_iri, target, replace=replace)
    if not verdict.conforms and not force:
        raise IngestRefused(render_verdict_text(verdict, language=language) + _refusal(verdict, language))
    graph = verdict.graphs[graph_iri]
    kept = {name: graph for name, graph in context.graphs.items() if str(name) not in verdict.replaces}
    derived = derive({**kept, **verdict.graphs}, base=settings.base_iri)
    facts = {"agency": verdict.agency_key if agency else None, "year": year, "redacted": record}
    files = {target: redacted.encode("utf-8"), metadata_path(target): _metadata(**facts)}
    result = IngestResult(verdict=verdict, graph_iri=str(graph_iri), source_path=target, replaced=replaced,
                          triples=len(graph))
    return PreparedIngest(result=result, graphs={**verdict.graphs, **derived.graphs}, files=files, context=context)


def write_ingest(prepared, *, settings):
    """Write a prepared ingest into the store and the sources folder, both or neither (see `_write_both`),
    then keep the check context of the store as it now is."""
    store = open_store(settings, read_only=False)
    _write_both(store, prepared.graphs, prepared.files, settings=settings)
    verdict = prepared.result.verdict
    ready = None if settings.store_query_url else with_graphs_replaced(
        prepared.context, removed=verdict.replaces, added={name: graph_of(store, name) for name in verdict.graphs})
    del store  # closed, so that the ready context is keyed by the store's files as they stay
    fault_point("ingested")
    write_ready_context(settings, context=ready)
    return prepared.result


def _stem_for(text, folder):
    """The stem of a report received as `text`: the one it already has in the folder (same text), or the
    next number with the text's hash."""
    numbered = [path.stem.split("_", 1) for path in folder.glob("*_*.txt")]
    numbers = [int(number) for number, _ in numbered if number.isdigit()]
    stem = iris.source_stem(text, number=max(numbers, default=-1) + 1)
    digest = stem.split("_", 1)[1]
    same = sorted(f"{number}_{rest}" for number, rest in numbered if number.isdigit() and rest == digest)
    return same[0] if same else stem


def _earlier_source(verdict, base):
    """The stem of the source the graph holds this report from already, or None."""
    prefix = str(iris.graph_iri("source/", base=base))
    stems = [name.removeprefix(prefix) for name in verdict.replaces if name.startswith(prefix)]
    if len(stems) > 1:
        raise IngestRefused(f"{verdict.report_iri} is already in the graph from {len(stems)} sources "
                            f"({', '.join(stems)}): remove all but one and rebuild first")
    return stems[0] if stems else None


def _refuse_unless_replacing(verdict, earlier, folder, *, replace):
    if not replace:
        raise IngestRefused(f"{verdict.report_iri} is already in the graph, from {folder / (earlier + '.txt')}: "
                            "nothing was changed; use --replace to replace it with this version")


def _metadata(*, agency, year, redacted):
    """The metadata file's bytes: what the command line said and the redaction's fingerprints; None (no
    file) when there is nothing to keep."""
    if agency is None and year is None and redacted is None:
        return None
    return metadata_text(agency=agency, year=year, redacted=redacted).encode("utf-8")


def _refuse_duplicates(verdict, store, graph_iri, target, *, replace):
    """True when an earlier version will be replaced; IngestRefused when that is not allowed."""
    present = store.has_graph(graph_iri) or target.exists()
    if present and not replace:
        raise IngestRefused(f"{verdict.stem} is already ingested ({graph_iri}, {target}): nothing was changed; "
                            "use --replace to replace it with this version")
    return present


def _refusal(verdict, language):
    _ = gettext_in(language)
    return _("Not ingested: %(count)s violation(s). Fix them, or ingest anyway with --force.") % {
        "count": len(verdict.outcome.violations)} + "\n"


def _write_both(store, graphs, files, *, settings):
    """Stage the files, replace the report's graph and the worked-out graphs in one update, then move the
    files in (None: remove the file), all under the journal, so the store and the sources folder change
    together or not at all; on a failure put back what was there at once. A remote store: `_write_remote`."""
    if settings.store_query_url:
        _write_remote(store, graphs, files, settings=settings)
        return
    staged = {target: target.with_name(target.name + _STAGING_SUFFIX) for target in files}
    previous = {str(name): _graph_ntriples(store, name) for name in graphs}
    try:
        with journaled(settings, previous_graphs=previous, files=staged) as store_changing:
            for target, data in files.items():
                if data is not None:
                    write_synced(staged[target], data)
            fault_point("staged")
            store_changing()
            replace_graphs(store, {name: graph.serialize(format="nt") for name, graph in graphs.items()},
                           previous=previous)
            store.flush()
            fault_point("stored")
            for target, data in files.items():
                _move_in(staged[target], target, data)
    except BaseException:
        _roll_back(settings, store)
        raise


def _write_remote(store, graphs, files, *, settings):
    """`_write_both` on a remote store, which takes a report's graphs only in batches: stage the files and
    the graphs (under names of their own, unseen by queries), move the files in, then switch the graphs in
    with one update, all under the journal; on a failure before the switch put back what was there at once,
    from the switch on finish it."""
    staged = {target: target.with_name(target.name + _STAGING_SUFFIX) for target in files}
    staging = stagings.plan(graphs, ingest=secrets.token_hex(8), base=settings.base_iri)
    texts = {str(name): graph.serialize(format="nt") for name, graph in graphs.items()}
    try:
        with journaled(settings, previous_graphs={}, files=staged, staging=staging, store=store) as switching:
            for target, data in files.items():
                if data is not None:
                    write_synced(staged[target], data)
            fault_point("staged")
            stagings.start(store, staging)
            for name, target in staging.graphs.items():
                stagings.stage_graph(store, staging, staged=name, ntriples=texts[target])
                fault_point("graph-staged")
            fault_point("graphs-staged")
            for target, data in files.items():
                _move_in(staged[target], target, data)
            fault_point("moved-in")
            switching()
            fault_point("switching")
            stagings.switch(store, staging)
            fault_point("switched")
    except BaseException:
        _roll_back(settings, store)
        raise


def _move_in(staging, target, data):
    """Move a staged file into place, or remove the target when there is no new content."""
    if data is None:
        target.unlink(missing_ok=True)
    else:
        os.replace(staging, target)


def _roll_back(settings, store):
    try:
        recover(settings, store=store)
    except OSError:  # the journal stays: the next ingest, build or serve rolls back
        pass


def _graph_ntriples(store, graph_iri):
    rows = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    return "\n".join(f"{triple.subject} {triple.predicate} {triple.object} ." for triple in rows)
