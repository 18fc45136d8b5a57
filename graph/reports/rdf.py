"""report_graph: a parsed yearly report as RDF, every statement derived from an exact quote.

Quotes hold the text of headings and paragraphs in the re-joined form (atkg.graph.reports.rejoined):
lines of a paragraph joined by single spaces, mark-up and page debris gone. Each quote is an exact
substring of that form of its source, with the source lines it spans.
"""

from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from atkg.graph import iris
from atkg.graph.provenance import add_quote, derive
from atkg.graph.reports.model import ReportFormatError
from atkg.graph.reports.ordinals import ordinal
from atkg.graph.reports.status import NOT_STATED, implementation_status, is_covid_affected
from atkg.graph.text import fold
from atkg.ontology import ATKG

HEADING_ONLY_NOTE = "Known only from report headings; the plan text lacks this measure"


@dataclass(frozen=True)
class _Report:
    """What every entry's statements need to know about their report."""

    base: str
    report: object
    node: URIRef
    entry_nodes: tuple
    abbreviation: str

    def quote(self, graph, text, line_start, line_end):
        """Add a quote of this report's source and return it."""
        return add_quote(graph, base=self.base, stem=self.report.stem, text=text, line_start=line_start,
                         line_end=line_end)


def report_graph(report, *, base, agency_iri, plan_iri, measure_iri_for, measure_titles, agency_key,
                 agency_abbreviation=None):
    """The report, its entries and the measures only its headings know, as an rdflib Graph.

    agency_key names the report ({base}report/{agency_key}-{year}); agency_abbreviation (default the key
    in capitals) starts the English labels ("DMX 2021 report, entry 4.2.1"). measure_titles maps a code
    to the plan's title; a code it lacks is a measure known only from headings, stated here. A status
    the text does not decide is left out, and so is a cross-reference to a code the report has no entry
    for. Raises ReportFormatError when the report's year is unknown.
    """
    if report.year is None:
        raise ReportFormatError(f"{report.stem}: line {report.title_line_start or 1}: "
                                "the title states no reporting year, so the report cannot be named")
    graph, node = Graph(), iris.report_iri(agency_key, report.year, base=base)
    context = _Report(base, report, node, entry_nodes(report, node), agency_abbreviation or agency_key.upper())
    _report_node(graph, context, agency_iri=agency_iri, plan_iri=plan_iri)
    for entry, entry_node in zip(report.entries, context.entry_nodes):
        _entry(graph, entry, entry_node, context)
        measure = measure_iri_for(entry.code)
        graph.add((entry_node, ATKG.aboutMeasure, measure))
        _heading_match(graph, entry, entry_node, measure_titles)
        if entry.code not in measure_titles:
            _heading_only_measure(graph, entry, measure, plan_iri, _heading_quote(graph, entry, context))
    return graph


def _report_node(graph, context, *, agency_iri, plan_iri):
    """The atkg:Report itself."""
    report, node = context.report, context.node
    graph.add((node, RDF.type, ATKG.Report))
    graph.add((node, RDFS.label, Literal(f"{context.abbreviation} {report.year} report", lang="en")))
    if report.agency_name:
        graph.add((node, RDFS.label, Literal(f"{report.agency_name}: {ordinal(report.year)} il üzrə hesabat",
                                              lang="az")))
    graph.add((node, ATKG.reportingAgency, agency_iri))
    graph.add((node, ATKG.reportYear, Literal(str(report.year), datatype=XSD.gYear)))
    graph.add((node, ATKG.reportsOn, plan_iri))
    graph.add((node, ATKG.sourceDocument, iris.source_iri(report.stem, base=context.base)))
    if report.title_text:
        graph.add((node, DCTERMS.title, Literal(report.title, lang="az")))
        derive(graph, node, context.quote(graph, report.title_text, report.title_line_start, report.title_line_end))


def entry_nodes(report, node):
    """One IRI per entry; a second heading for the same code gets "-2" (a check flags such pairs)."""
    seen, nodes = {}, []
    for entry in report.entries:
        seen[entry.code] = seen.get(entry.code, 0) + 1
        suffix = "" if seen[entry.code] == 1 else f"-{seen[entry.code]}"
        nodes.append(iris.entry_iri(node, f"{entry.code}{suffix}"))
    return tuple(nodes)


def _entry(graph, entry, node, context):
    """An entry's own statements: labels, heading, text, cross-references, status, COVID, quotes."""
    year, abbreviation = context.report.year, context.abbreviation
    graph.add((node, RDF.type, ATKG.ReportEntry))
    graph.add((node, RDFS.label, Literal(f"{abbreviation} {year} report, entry {entry.code}", lang="en")))
    graph.add((node, RDFS.label, Literal(
        f"{abbreviation} {ordinal(year)} il hesabatı, {ordinal(entry.code)} yarımbənd", lang="az")))
    graph.add((node, ATKG.inReport, context.node))
    graph.add((context.node, ATKG.hasEntry, node))
    graph.add((node, ATKG.headingTitle, Literal(entry.heading_title, lang="az")))
    derive(graph, node, _heading_quote(graph, entry, context))
    for paragraph in entry.paragraphs:
        derive(graph, node, context.quote(graph, paragraph.text, paragraph.line_start, paragraph.line_end))
    if entry.paragraphs:
        graph.add((node, ATKG.entryText, Literal(entry.text, lang="az")))
    _cross_references(graph, entry, node, context)
    _status(graph, entry, node, year)


def _heading_quote(graph, entry, context):
    """The quote of an entry's heading lines."""
    return context.quote(graph, entry.heading_text, entry.heading_line_start, entry.heading_line_end)


def _cross_references(graph, entry, node, context):
    """Links to the entries, in the same report, of the codes the text points to (when it has them)."""
    pairs = zip(context.report.entries, context.entry_nodes)
    targets = {item.code: target for item, target in reversed(list(pairs))}  # the first entry of a code
    for code in entry.cross_refs:
        if code in targets:
            graph.add((node, ATKG.crossReference, targets[code]))


def _status(graph, entry, node, year):
    """Implementation status with its evidence, and whether COVID-19 is named."""
    finding = implementation_status(entry.text, report_year=year)
    if finding.status != NOT_STATED:
        graph.add((node, ATKG.implementationStatus, iris.concept("implementation-status", finding.status)))
        graph.add((node, ATKG.statusEvidence, Literal(finding.evidence, lang="az")))
    graph.add((node, ATKG.covidAffected, Literal(is_covid_affected(entry.text) is not None)))


def _heading_match(graph, entry, node, measure_titles):
    """Whether the heading's title is the plan's title, compared folded; unstated when the plan lacks it."""
    if entry.code in measure_titles:
        same = _comparable(entry.heading_title) == _comparable(measure_titles[entry.code])
        graph.add((node, ATKG.headingMatchesPlan, Literal(same)))


def _comparable(title):
    """A title folded for comparison, without closing punctuation."""
    return fold(title).rstrip(" .;:")


def _heading_only_measure(graph, entry, measure, plan_iri, quote):
    """A measure that only report headings know (4.8.4): stated with its heading as the source."""
    graph.add((measure, RDF.type, ATKG.Measure))
    graph.add((measure, SKOS.notation, Literal(entry.code)))
    graph.add((measure, DCTERMS.title, Literal(entry.heading_title, lang="az")))
    graph.add((measure, ATKG.inPlan, plan_iri))
    graph.add((measure, SKOS.note, Literal(HEADING_ONLY_NOTE, lang="en")))
    derive(graph, measure, quote)
