"""The `atkg` command: one subcommand per job."""

import click

from atkg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="atkg")
def main():
    """atkg: the knowledge graph of Azerbaijan's National Action Plan against trafficking in human beings
    2020-2024 and of the yearly reports on how it is carried out.

    Start with `atkg build` (turn the source documents into the graph), then `atkg serve` (open it on
    the web). Every command explains itself with --help.
    """


def _register_commands():
    from atkg.graph.commands import build_command

    main.add_command(build_command)
    from atkg.server.commands import query_command, serve_command

    main.add_command(serve_command)
    main.add_command(query_command)
    from atkg.shapes.commands import check_command, ingest_command

    main.add_command(check_command)
    main.add_command(ingest_command)


_register_commands()
