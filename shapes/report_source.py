"""A report's text turned into its named graph exactly as the build and ingest do it
(atkg.graph.report_pipeline), with the reporting agency and year supplied when the text lacks them."""

from functools import partial
from pathlib import Path

from atkg.graph import iris
from atkg.graph.report_pipeline import report_graphs
from atkg.graph.reports import ReportFormatError, parse_report
from atkg.graph.sources import Source, SourceError, recognise
from atkg.ontology.catalogue import gettext_in

# A yearly report's text is 20-60 KB (41 KB the largest so far): six times that fits. The check's time grows
# faster than the text (measured at load 20: 33 KB 3 s, 200 KB 40 s, 600 KB 107 s), so no more.
MAX_REPORT_BYTES = 250_000

def N_(message):
    """Mark a message for the catalogue where it is written down; it is translated where it is shown."""
    return message


class CheckError(ValueError):
    """The check cannot run: unreadable, empty, binary or wrongly encoded file, or not a yearly report.

    Made from a catalogue message and a dict of its values, it says itself in either language (message());
    str() is the English text."""

    def __init__(self, template, values=None):
        self.template, self.values = template, values
        super().__init__(template if values is None else template % values)

    def __reduce__(self):  # pickled whole (a check's child process sends it back): template and values
        return type(self), (self.template, self.values)

    def message(self, language):
        """What went wrong, in "az" or "en" (English only for a message made without values, which the
        catalogue does not hold)."""
        if self.values is None:
            return str(self)
        return gettext_in(language)(self.template) % self.values


class ReportTooLarge(CheckError):
    """The report is larger than MAX_REPORT_BYTES: refused before it is read or checked."""

    def __init__(self, *, size, name):
        super().__init__(self.message("en", size=size, name=name))
        self.size, self.name = size, name

    def __reduce__(self):
        return partial(ReportTooLarge, size=self.size, name=self.name), ()

    def message(self, language, *, size=None, name=None):
        """The refusal in `language`."""
        _ = gettext_in(language)
        return _("%(name)s: the report is %(size)s bytes, more than the %(limit)s bytes a report may have (a "
                 "yearly report is 20-60 KB): check that the file is the report's text alone") % {
            "name": name or self.name, "size": size or self.size, "limit": MAX_REPORT_BYTES}


def refuse_too_large(size, *, name):
    """ReportTooLarge when `size` bytes are more than a report may have."""
    if size > MAX_REPORT_BYTES:
        raise ReportTooLarge(size=size, name=name)


def decode_report(data, *, name):
    """The text of a report file's bytes; CheckError when it is empty, too large, binary or not UTF-8."""
    refuse_too_large(len(data), name=name)
    if not data.strip():
        raise CheckError(N_("%(name)s: the file is empty: nothing to check"), {"name": name})
    if b"\x00" in data:
        raise CheckError(N_("%(name)s: the file is binary (it holds NUL bytes), not text: save the report as plain "
                            "UTF-8 text (.txt)"), {"name": name})
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CheckError(N_("%(name)s: not UTF-8 text (byte %(byte)s): save the report as UTF-8 text"),
                         {"name": name, "byte": error.start}) from error
    return text.removeprefix("\ufeff")


def yearly_report_source(text, *, stem):
    """A Source of kind yearly-report; CheckError for anything else (the plan, a programme table, prose)."""
    if not text.strip():
        raise CheckError(N_("%(name)s: the text is empty: nothing to check"), {"name": stem})
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
