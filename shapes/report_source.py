"""A report's text turned into its named graph exactly as the build and ingest do it
(atkg.graph.report_pipeline), with the reporting agency and year supplied when the text lacks them."""

from pathlib import Path

from atkg.graph import iris
from atkg.graph.report_pipeline import report_graphs
from atkg.graph.reports import ReportFormatError, parse_report
from atkg.graph.sources import Source, SourceError, recognise


class CheckError(ValueError):
    """The check cannot run: unreadable, empty, binary or wrongly encoded file, or not a yearly report."""


def decode_report(data, *, name):
    """The text of a report file's bytes; CheckError when it is empty, binary or not UTF-8."""
    if not data.strip():
        raise CheckError(f"{name}: the file is empty: nothing to check")
    if b"\x00" in data:
        raise CheckError(f"{name}: the file is binary (it holds NUL bytes), not text: save the report as plain "
                         "UTF-8 text (.txt)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CheckError(f"{name}: not UTF-8 text (byte {error.start}): save the report as UTF-8 text") from error
    return text.removeprefix("\ufeff")


def yearly_report_source(text, *, stem):
    """A Source of kind yearly-report; CheckError for anything else (the plan, a programme table, prose)."""
    if not text.strip():
        raise CheckError(f"{stem}: the text is empty: nothing to check")
    try:
        kind = recognise(text, name=stem)
    except SourceError as error:
        raise CheckError(f"{error}: this is not a yearly report") from error
    if kind != "yearly-report":
        raise CheckError(f"{stem}: this is a {kind}, not a yearly report: only yearly reports can be checked")
    return Source(kind=kind, stem=stem, path=Path(f"{stem}.txt"), text=text)


def report_named_graphs(source, *, base, registry, plan_titles):
    """{graph IRI: rdflib Graph} of the report, as the build makes it; CheckError when it cannot be parsed."""
    try:
        made = report_graphs(source, base=base, registry=registry, plan_titles=plan_titles)
    except ReportFormatError as error:
        raise CheckError(str(error)) from error
    if isinstance(made, dict):
        return made
    return {iris.graph_iri(f"source/{source.stem}", base=base): made}


def stated_agency_and_year(text, *, stem):
    """The agency name and year the report's title states (None for what it does not say)."""
    try:
        report = parse_report(text, stem=stem)
    except ReportFormatError as error:
        raise CheckError(str(error)) from error
    return report.agency_name, report.year
