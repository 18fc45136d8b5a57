"""`atkg check` and `atkg ingest`: a new yearly report checked against the plan and the current graph,
and added to it."""

from pathlib import Path

import click

from atkg.config import settings_from_env
from atkg.shapes.check import check_report_text
from atkg.shapes.ingest import IngestRefused, ingest_report
from atkg.shapes.render import render_verdict_text
from atkg.shapes.report_source import CheckError
from atkg.shapes.session import context_of, open_store, read_report_file

CANNOT_RUN = 2


@click.command("check")
@click.argument("report", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--agency", help="Reporting body (key, abbreviation or name, e.g. dmx), when the title does not say it.")
@click.option("--year", type=int, help="The year the report covers, when the title does not say it.")
@click.option("--format", "output_format", type=click.Choice(["text", "turtle"]), default="text", show_default=True,
              help="text: a verdict for people; turtle: the standard SHACL validation report.")
@click.option("--lang", "language", type=click.Choice(["az", "en"]), default="az", show_default=True,
              help="Language of the text verdict.")
def check_command(report, agency, year, output_format, language):
    """Check a yearly report (a UTF-8 .txt file) before adding it: which of its agency's measures it covers
    for its year, and what is missing or wrong, each with the line of the report to fix.

    Nothing is changed. Exit code 0: the report conforms (it may still have warnings and notes);
    1: it has violations to fix; 2: the check cannot run (unreadable, empty, binary or not UTF-8 file,
    not a yearly report, no graph built yet).
    """
    settings = settings_from_env()
    try:
        text, stem = read_report_file(report)
        context = context_of(open_store(settings, read_only=True), settings)
        verdict = check_report_text(text, agency=agency, year=year, context=context, stem=stem)
    except CheckError as error:
        _cannot_run("check", error)
    if output_format == "turtle":
        click.echo(verdict.outcome.results_graph.serialize(format="turtle"), nl=False)
    else:
        click.echo(render_verdict_text(verdict, language=language), nl=False)
    raise SystemExit(verdict.exit_code)


@click.command("ingest")
@click.argument("report", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Add the report even though the check finds violations.")
@click.option("--replace", is_flag=True, help="Replace the version of this report already ingested.")
@click.option("--sources", "sources_folder", type=click.Path(path_type=Path, file_okay=False),
              help="Folder of the source documents the build reads (default: the project's graph/sources/).")
@click.option("--lang", "language", type=click.Choice(["az", "en"]), default="az", show_default=True,
              help="Language of the verdict shown when the report is refused.")
def ingest_command(report, force, replace, sources_folder, language):
    """Check a yearly report, then add it to the graph as its own named graph and copy its text into the
    sources folder so that the next `atkg build` keeps it. Both happen, or neither.

    Refused (exit code 1, nothing changed) when the check finds violations (unless --force) or when the
    report is already there (unless --replace). Exit code 2: the report cannot be checked.
    """
    settings = settings_from_env()
    try:
        result = ingest_report(report, settings=settings, force=force, replace=replace,
                               sources_folder=sources_folder, language=language)
    except CheckError as error:
        _cannot_run("ingest", error)
    except IngestRefused as refusal:
        click.echo(str(refusal).rstrip("\n"), err=True)
        raise SystemExit(1) from None
    except OSError as error:
        _cannot_run("ingest", f"{error.filename or ''}: {error.strerror}: nothing was changed")
    verb = "Replaced" if result.replaced else "Ingested"
    click.echo(f"{verb} {result.verdict.report_iri}: {result.triples} triples in <{result.graph_iri}>; "
               f"text copied to {result.source_path}. Run `atkg build` to refresh the inferences and dumps.")


def _cannot_run(command, error):
    click.echo(f"atkg {command}: cannot run: {error}", err=True)
    raise SystemExit(CANNOT_RUN)
