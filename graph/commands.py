"""The `atkg build` command."""

import dataclasses
import pathlib
import sys
import time

import click

from atkg.config import settings_from_env


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
    from atkg.graph.build import build

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
