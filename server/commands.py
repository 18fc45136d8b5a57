"""`atkg serve` (the SPARQL endpoint under Granian) and `atkg query` (run a query file here or elsewhere)."""

import os
import sys
from pathlib import Path

import click

from atkg.config import settings_from_env

FORMATS = ("json", "csv", "tsv", "table")


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
def serve_command(host, port, store, data, threads):
    """Open the knowledge graph as a SPARQL 1.1 endpoint at http://HOST:PORT/sparql.

    Builds the graph first when there is none. Read-only unless ATKG_UPDATE_TOKEN is set.
    """
    from flask import Config

    from atkg.server import configure
    from atkg.server.serving import serve
    from atkg.server.sources import describe_source

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
    click.echo(f"atkg: SPARQL endpoint at http://{host}:{port}/sparql", err=True)
    serve(config, host=host, port=port, threads=threads)


def _ensure_graph():
    settings = settings_from_env()
    if settings.store_query_url or os.environ.get("ATKG_STORE") or os.environ.get("ATKG_DATA"):
        return
    try:
        from atkg.graph.build import ensure_built
    except ImportError as error:
        if (settings.store_dir).exists():
            return
        raise click.ClickException(
            f"There is no graph at {settings.store_dir} yet and this version cannot build one. "
            "Run `atkg build` first, or serve RDF files with --data.") from error
    ensure_built(settings, echo=lambda message: click.echo(message, err=True))


@click.command("query")
@click.argument("query_file", type=click.File("r", encoding="utf-8"))
@click.option("--endpoint", default=None, help="Ask this SPARQL endpoint instead of the local graph.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
              help="How to print SELECT and ASK answers; CONSTRUCT and DESCRIBE print Turtle.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Ask this store folder instead of the built graph.")
def query_command(query_file, endpoint, output_format, store):
    """Run the SPARQL query in QUERY_FILE and print the answer."""
    from atkg.server.cli_query import run_local, run_remote

    text = query_file.read()
    try:
        output = run_remote(text, endpoint, output_format) if endpoint else run_local(
            text, store or settings_from_env().store_dir, output_format)
    except Exception as error:  # any failure is reported in words, not a traceback
        raise click.ClickException(str(error)) from error
    sys.stdout.write(output)
