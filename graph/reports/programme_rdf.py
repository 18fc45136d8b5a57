"""programme_graph: the older 2011-2015 programme as an atkg:ActionPlan, its rows as measures.

The programme's name is not in the source, so the plan gets a descriptive label that says so and no
invented name. What the State Migration Service reported for each row (what was done, "Tam icra
olunub") is stated on an atkg:ReportEntry about the measure, because implementationStatus, statusEvidence
and entryText describe report entries, not measures. Quotes are exact substrings of the source file.
"""

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS

from atkg.graph import iris
from atkg.graph.periods import add_year_span
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG

PROGRAMME_SLUG = "programme-2011-2015"
LABEL_EN = "Programme 2011-2015 reported on by the State Migration Service (name not stated in the source)"
LABEL_AZ = "Dövlət Miqrasiya Xidmətinin hesabat verdiyi 2011-2015-ci illər proqramı (adı mənbədə göstərilməyib)"
REPORT_LABEL_EN = "State Migration Service report on the programme 2011-2015"
REPORT_LABEL_AZ = "Dövlət Miqrasiya Xidmətinin 2011-2015-ci illər proqramı üzrə hesabatı"
CARRIED_OUT = "tam icra olunub"


def programme_graph(items, *, base, agency_iri_for, stem, reporting_agency_iri=None):
    """The programme, its sections and measures, and the report's entry on each measure."""
    graph, plan = Graph(), iris.plan_iri(base=base, plan=PROGRAMME_SLUG)
    report = iris.named_report_iri(PROGRAMME_SLUG, base=base)
    _plan_and_report(graph, plan, report, base=base, stem=stem, reporting_agency_iri=reporting_agency_iri)
    for item in items:
        measure = iris.plan_part_iri("measure", item.code, base=base, plan=PROGRAMME_SLUG)
        quote = add_quote(graph, base=base, stem=stem, text=item.heading_text, line_start=item.line_start,
                          line_end=item.heading_line_end or item.line_start + item.heading_text.count("\n"))
        _measure(graph, item, measure, plan, quote, base=base)
        _bodies(graph, item, measure, agency_iri_for)
        _section(graph, item, measure, plan, base=base, stem=stem)
        _report_entry(graph, item, measure, report, base=base, stem=stem)
        derive(graph, plan, quote)
    return graph


def _plan_and_report(graph, plan, report, *, base, stem, reporting_agency_iri):
    """The unnamed programme and the report that went through it."""
    graph.add((plan, RDF.type, ATKG.ActionPlan))
    graph.add((plan, RDFS.label, Literal(LABEL_EN, lang="en")))
    graph.add((plan, RDFS.label, Literal(LABEL_AZ, lang="az")))
    graph.add((report, RDF.type, ATKG.Report))
    graph.add((report, RDFS.label, Literal(REPORT_LABEL_EN, lang="en")))
    graph.add((report, RDFS.label, Literal(REPORT_LABEL_AZ, lang="az")))
    graph.add((report, ATKG.reportsOn, plan))
    graph.add((report, ATKG.sourceDocument, iris.source_iri(stem, base=base)))
    if reporting_agency_iri is not None:
        graph.add((report, ATKG.reportingAgency, reporting_agency_iri))


def _measure(graph, item, measure, plan, quote, *, base):
    """A row as a measure: code, title, period."""
    graph.add((measure, RDF.type, ATKG.Measure))
    graph.add((measure, SKOS.notation, Literal(item.code)))
    graph.add((measure, DCTERMS.title, Literal(item.title, lang="az")))
    graph.add((measure, ATKG.inPlan, plan))
    graph.add((plan, ATKG.hasMeasure, measure))
    if isinstance(item.period, tuple):
        graph.add((measure, ATKG.period, add_year_span(graph, *item.period, base=base)))
    elif item.period:
        graph.add((measure, SKOS.note, Literal(f"Period as written: {item.period}", lang="en")))
    derive(graph, measure, quote)


def _bodies(graph, item, measure, agency_iri_for):
    """Responsible bodies by abbreviation; one the registry does not know stays as written, in a note."""
    for body in item.bodies_as_written:
        body_iri = agency_iri_for(body)
        if body_iri is not None:
            graph.add((measure, ATKG.responsibleBody, body_iri))
        else:
            graph.add((measure, SKOS.note, Literal(
                f"Executing body as written in the source, not identified: {body}", lang="en")))


def _section(graph, item, measure, plan, *, base, stem):
    """The section (grouping row) the measure belongs to."""
    if item.section is None:
        return
    section = iris.plan_part_iri("section", item.section.code, base=base, plan=PROGRAMME_SLUG)
    graph.add((section, RDF.type, ATKG.PlanSection))
    graph.add((section, SKOS.notation, Literal(item.section.code)))
    graph.add((section, DCTERMS.title, Literal(item.section.title, lang="az")))
    graph.add((section, ATKG.inPlan, plan))
    graph.add((plan, ATKG.hasSection, section))
    graph.add((measure, ATKG.inSection, section))
    derive(graph, section, add_quote(graph, base=base, stem=stem, text=item.section.title,
                                     line_start=item.section.line_end, line_end=item.section.line_end))


def _report_entry(graph, item, measure, report, *, base, stem):
    """What the report says was done on the measure, and its status cell."""
    entry = iris.entry_iri(report, item.code)
    graph.add((entry, RDF.type, ATKG.ReportEntry))
    graph.add((entry, RDFS.label, Literal(f"{REPORT_LABEL_EN}, entry {item.code}", lang="en")))
    graph.add((entry, ATKG.inReport, report))
    graph.add((report, ATKG.hasEntry, entry))
    graph.add((entry, ATKG.aboutMeasure, measure))
    if item.done_text:
        graph.add((entry, ATKG.entryText, Literal(item.done_text, lang="az")))
    for paragraph in item.done_paragraphs:
        derive(graph, entry, add_quote(graph, base=base, stem=stem, text=paragraph.text,
                                       line_start=paragraph.line_start, line_end=paragraph.line_end))
    if item.status_text and item.status_text.casefold() == CARRIED_OUT:
        graph.add((entry, ATKG.implementationStatus, iris.concept("implementation-status", "carried-out")))
        graph.add((entry, ATKG.statusEvidence, Literal(item.status_text, lang="az")))
        derive(graph, entry, add_quote(graph, base=base, stem=stem, text=item.status_text,
                                       line_start=item.status_line, line_end=item.status_line))
