"""The `atkg` command: one subcommand per job (build, check, ingest, serve, query).

Each subcommand imports what it runs only when it runs, so `atkg --help` and `atkg check` do not pay for
the web server's or the build's imports.
"""

import dataclasses
import os
import pathlib
import sys
import time
from pathlib import Path

import click

from atkg.config import settings_from_env
from atkg.ontology.catalogue import DEFAULT_LANGUAGE, LANGUAGES, gettext_in

CANNOT_RUN = 2
FORMATS = ("json", "csv", "tsv", "table")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="atkg", prog_name="atkg")
def main():
    """atkg: the knowledge graph of Azerbaijan's National Action Plan against trafficking in human beings
    2020-2024 and of the yearly reports on how it is carried out.

    Start with `atkg build` (turn the source documents into the graph), then `atkg serve` (open it on
    the web). Every command explains itself with --help.
    """


@click.command("build")
@click.option("--sources", "sources_folder", type=click.Path(exists=True, file_okay=False),
              help="Folder of source documents (default: the project's graph/sources/).")
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="Where the store and dumps go (default: ./var, or ATKG_DATA_DIR).")
@click.option("--debug", is_flag=True, help="Show the full Python traceback when the build fails.")
def build_command(sources_folder, data_dir, debug):
    """Build the knowledge graph from the source documents.

    Reads the plan and the reports in graph/sources/, the ontology and the curated facts, checks them,
    adds OWL RL inferences, and writes the graph to the store and to dumps (var/dumps/atkg.nq and one
    Turtle file per named graph). If anything is wrong with a source, the build stops, says which file
    and line, and leaves the previous graph as it was.
    """
    from atkg.build import build

    settings = settings_from_env()
    if data_dir:
        settings = dataclasses.replace(settings, data_dir=pathlib.Path(data_dir))
    click.echo("Building the atkg graph:")
    started = time.perf_counter()
    try:
        result = build(settings, echo=click.echo, sources_folder=sources_folder)
    except ValueError as error:
        if debug:
            raise
        click.echo(f"Build failed: {error}", err=True)
        click.echo("The previous graph, if any, is unchanged.", err=True)
        sys.exit(1)
    total = sum(result.graph_sizes.values())
    click.echo(f"Done in {time.perf_counter() - started:.1f} s: {total} triples in "
               f"{len(result.graph_sizes)} named graphs, version {result.version}.")


def _report_facts(command):
    """The --agency and --year options of check and ingest: what a report's title does not say."""
    command = click.option("--year", type=int, help="The year the report covers, when the title does not say it.")(
        command)
    return click.option("--agency", help="Reporting body (key, abbreviation or name, e.g. dmx), when the title "
                                         "does not say it.")(command)


@click.command("check")
@click.argument("report", type=click.Path(path_type=Path, dir_okay=False))
@_report_facts
@click.option("--format", "output_format", type=click.Choice(["text", "turtle"]), default="text", show_default=True,
              help="text: a verdict for people; turtle: the standard SHACL validation report.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=DEFAULT_LANGUAGE, show_default=True,
              help="Language of the text verdict.")
def check_command(report, agency, year, output_format, language):
    """Check a yearly report (a UTF-8 .txt file) before adding it: which of its agency's measures it covers
    for its year, and what is missing or wrong, each with the line of the report to fix.

    Nothing is changed. Exit code 0: the report conforms (it may still have warnings and notes);
    1: it has violations to fix; 2: the check cannot run (unreadable, empty, binary or not UTF-8 file,
    larger than 250,000 bytes (a yearly report is 20-60 KB), not a yearly report, no graph built yet).
    """
    from atkg.shapes.collector import collector_held_off, moved_to_oldest_generation

    with collector_held_off():  # the imports and the check would set it off for nothing: they make no garbage
        verdict = _checked(report, agency=agency, year=year, language=language)
        moved_to_oldest_generation()  # not walked when the collector runs again
    if output_format == "turtle":
        click.echo(verdict.outcome.results_graph.serialize(format="turtle"), nl=False)
    else:
        from atkg.shapes.render import render_verdict_text

        click.echo(render_verdict_text(verdict, language=language), nl=False)
    raise SystemExit(verdict.exit_code)


def _checked(report, *, agency, year, language):
    """The verdict of `atkg check` on the report; its message and exit code 2 when it cannot run."""
    from atkg.check import check_report_file
    from atkg.shapes.report_source import CheckError

    try:
        return check_report_file(report, settings=settings_from_env(), agency=agency, year=year)
    except CheckError as error:
        _cannot_run("check", error.message(language), language=language)


@click.command("ingest")
@click.argument("report", type=click.Path(path_type=Path, dir_okay=False))
@_report_facts
@click.option("--force", is_flag=True, help="Add the report even though the check finds violations.")
@click.option("--replace", is_flag=True, help="Replace the version of this report already ingested.")
@click.option("--sources", "sources_folder", type=click.Path(path_type=Path, file_okay=False),
              help="Folder of the source documents the build reads (default: the project's graph/sources/).")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=DEFAULT_LANGUAGE, show_default=True,
              help="Language of the verdict shown when the report is refused.")
def ingest_command(report, agency, year, force, replace, sources_folder, language):
    """Check a yearly report, then add it to the graph as its own named graph and keep its text, with
    private persons' names redacted, in the sources folder so that the next `atkg build` keeps it. Both
    happen, or neither. --agency and --year, when given, are kept beside the text so every build reads the
    report the same way.

    Refused (exit code 1, nothing changed) when the check finds violations (unless --force) or when the
    report is already there (unless --replace). Exit code 2: the report cannot be checked (as for
    `atkg check`: a file larger than 250,000 bytes, for one, is refused before it is read).
    """
    from atkg.ingest import IngestRefused, ingest_report
    from atkg.shapes.report_source import CheckError

    settings = settings_from_env()
    try:
        result = ingest_report(report, settings=settings, agency=agency, year=year, force=force, replace=replace,
                               sources_folder=sources_folder, language=language)
    except CheckError as error:
        _cannot_run("ingest", error.message(language), language=language)
    except IngestRefused as refusal:
        click.echo(str(refusal).rstrip("\n"), err=True)
        raise SystemExit(1) from None
    except OSError as error:
        _cannot_run("ingest", f"{error.filename or ''}: {error.strerror}: nothing was changed", language=language)
    verb = "Replaced" if result.replaced else "Ingested"
    click.echo(f"{verb} {result.verdict.report_iri}: {result.triples} triples in <{result.graph_iri}>; "
               f"text, private names redacted, kept as {result.source_path}. Run `atkg build` to refresh the dumps.")


def _cannot_run(command, reason, *, language):
    _ = gettext_in(language)
    click.echo(_("atkg %(command)s: cannot run: %(reason)s") % {"command": command, "reason": reason}, err=True)
    raise SystemExit(CANNOT_RUN)


@click.command("serve")
@click.option("--host", default=lambda: os.environ.get("ATKG_HOST", "127.0.0.1"), show_default="127.0.0.1",
              help="Address to listen on (ATKG_HOST).")
@click.option("--port", type=int, default=lambda: int(os.environ.get("ATKG_PORT", "8000")),
              show_default="8000", help="Port to listen on (ATKG_PORT).")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serve this store folder instead of the built graph (ATKG_STORE).")
@click.option("--data", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Serve these RDF files or folders from memory instead (Turtle, N-Triples, N-Quads, TriG, "
                   "RDF/XML, JSON-LD). Can be given more than once.")
@click.option("--threads", type=click.IntRange(min=1), default=lambda: 2 * (os.cpu_count() or 1) + 1,
              show_default="2 x cores + 1",
              help="Requests handled at once; most of them wait for a query worker, which runs the query.")
@click.option("--web-workers", type=click.IntRange(min=1), default=lambda: int(os.environ.get("ATKG_WEB_WORKERS", "1")),
              show_default="1",
              help="Web processes answering requests (ATKG_WEB_WORKERS), each with its own query workers and "
                   "answer cache: 2 answered 1.5 times as many requests a second from 50 clients on 2 cores "
                   "(bench/RESULTS.md). One only when updates are enabled.")
def serve_command(host, port, store, data, threads, web_workers):
    """Open the knowledge graph as a SPARQL 1.1 endpoint at http://HOST:PORT/sparql.

    Builds the graph first when there is none. Read-only unless ATKG_UPDATE_TOKEN is set.
    """
    from flask import Config

    from atkg.server import configure
    from atkg.server.engine.sources import describe_source
    from atkg.server.serving import serve

    config = {}
    if data:
        config["DATA"] = [str(path) for path in data]
    elif store:
        config["STORE"] = str(store)
    else:
        _ensure_graph()
    settings = configure(Config("."), config)
    if not settings.get("STORE_QUERY_URL"):
        try:
            describe_source(settings)  # a missing store or no RDF files: said here, before the server starts
        except FileNotFoundError as error:
            raise click.ClickException(str(error)) from error
    if web_workers > 1 and settings.get("UPDATE_TOKEN"):
        raise click.ClickException("--web-workers must be 1 when updates are enabled (ATKG_UPDATE_TOKEN): every "
                                   "web process would hold its own copy of the data")
    click.echo(f"atkg: SPARQL endpoint at http://{host}:{port}/sparql", err=True)
    serve(config, host=host, port=port, threads=threads, header_timeout=float(settings["HEADER_TIMEOUT"]),
          workers=web_workers)


def _ensure_graph():
    settings = settings_from_env()
    if settings.store_query_url or os.environ.get("ATKG_STORE") or os.environ.get("ATKG_DATA"):
        return
    from atkg.journal import recover

    if recover(settings):  # an ingest killed half-way: served as it was before
        click.echo("atkg: rolled back an ingest that was stopped half-way", err=True)
    try:
        from atkg.build import ensure_built
    except ImportError as error:
        if (settings.store_dir).exists():
            return
        raise click.ClickException(
            f"There is no graph at {settings.store_dir} yet and this version cannot build one. "
            "Run `atkg build` first, or serve RDF files with --data.") from error
    ensure_built(settings, echo=lambda message: click.echo(message, err=True))


@click.command("query")
@click.argument("query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for one of a saved query's parameters, e.g. --param year=2021 (repeat for each). "
                   "Checked and bound as the API does: a query that needs one lists them all when it is missing.")
@click.option("--endpoint", default=None, help="Ask this SPARQL endpoint instead of the local graph.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
              help="How to print SELECT and ASK answers; CONSTRUCT and DESCRIBE print Turtle.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Ask this store folder instead of the built graph.")
def query_command(query_file, params, endpoint, output_format, store):
    """Run the SPARQL query in QUERY_FILE and print the answer.

    On the local graph the default graph is the union of the named graphs, as on the endpoint. A saved
    query (queries/*.rq) takes the parameters its #+ header declares (and a plain file those its ?_name_type
    variables name) with --param; without a value it needs, the command lists them and exits with 2.

    \b
    Example:
      atkg query queries/recycled-reporting.rq --param year=2021
    """
    from atkg.query import bound_query, parameters_text, query_file as read_file, run_local, run_remote
    from atkg.queries import ParameterError, QueryFileError

    values = _parameter_values(params)
    try:
        query = read_file(query_file)
        bound = bound_query(query, values)
        output = run_remote(bound, endpoint, output_format) if endpoint else run_local(
            bound, store or settings_from_env().store_dir, output_format)
    except QueryFileError as error:
        _cannot_run("query", str(error), language="en")  # atkg query has no --lang: it speaks English
    except ParameterError as error:
        _cannot_run("query", f"{error}\n{parameters_text(query)}", language="en")
    except Exception as error:  # any failure is reported in words, not a traceback
        raise click.ClickException(str(error)) from error
    sys.stdout.write(output)


def _parameter_values(params):
    """{name: value} of the --param options; a usage error (exit 2) for one without "=" or given twice."""
    values = {}
    for param in params:
        name, equals, value = param.partition("=")
        if not equals or not name.strip():
            raise click.BadParameter(f"{param!r} is not NAME=VALUE, e.g. year=2021", param_hint="--param")
        if name.strip() in values:
            raise click.BadParameter(f"{name.strip()!r} is given twice", param_hint="--param")
        values[name.strip()] = value
    return values


for _command in (build_command, check_command, ingest_command, serve_command, query_command):
    main.add_command(_command)


def run():
    """The `atkg` console script: the command, then an exit without freeing what it read (the check
    context's objects one by one took a tenth of its second); streams are flushed first."""
    try:
        main()
    except SystemExit as exit_:
        code = exit_.code
    else:
        code = 0
    if isinstance(code, str):  # sys.exit("message") prints the message; os._exit would not
        sys.stderr.write(code + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))

