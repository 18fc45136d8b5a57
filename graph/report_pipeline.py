"""A report's source document -> the triples of its named graph.

Private persons are redacted from the text before anything else reads it (the redaction keeps every line
where it was), so no name can reach an entry, a quote, an event or a dump.
"""

from dataclasses import replace
from importlib.resources import files

import yaml
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS

from atkg.graph import iris
from atkg.graph.agencies import body_iri, find_mentions
from atkg.graph.extract import dates, privacy_names
from atkg.graph.extract.acts_rdf import acts_graph, acts_in_source, curated_acts_graph, load_curated_acts
from atkg.graph.extract.counts_rdf import counts_graph
from atkg.graph.extract.events import find_events
from atkg.graph.extract.events_rdf import events_graph
from atkg.graph.extract.figures import figures_in_source, load_curated
from atkg.graph.extract.figures_rdf import SourceContext, figures_graph
from atkg.graph.extract.mentions import entry_mentions, mentions_graph
from atkg.graph.extract.organisations_rdf import organisations_graph, report_organisations
from atkg.graph.extract.privacy import redact
from atkg.graph.extract.privacy_rdf import person_references_graph
from atkg.graph.extract.referrals import find_referrals
from atkg.graph.extract.referrals_rdf import referrals_graph
from atkg.graph.provenance import add_quote, derive
from atkg.graph.reports import (
    Entry,
    ReportFormatError,
    entry_nodes,
    parse_programme,
    parse_report,
    programme_graph,
    programme_runs,
    report_graph,
)
from atkg.graph.reports.programme_rdf import PROGRAMME_SLUG
from atkg.graph.reports.units import units
from atkg.ontology import ATKG


def source_document_graph(source, *, base, titles):
    """The source document itself: named by the titles of the plan or report it holds (`titles`, labels
    in az and en: the file's hashed name means nothing to a reader), its file name and kind."""
    graph, node = Graph(), iris.source_iri(source.stem, base=base)
    graph.add((node, RDF.type, ATKG.SourceDocument))
    for title in titles:
        graph.add((node, RDFS.label, title))
    graph.add((node, DCTERMS.identifier, Literal(source.stem)))
    graph.add((node, DCTERMS.format, Literal("text/plain")))
    graph.add((node, DCTERMS.type, Literal(source.kind)))
    return graph


def report_graphs(source, *, base, registry, plan_titles):
    """Everything a yearly or programme report states, as one graph (its named graph's content)."""
    try:
        return _report_graphs(source, base=base, registry=registry, plan_titles=plan_titles)
    finally:  # the extractors remember the texts they read, names included: not beyond one report
        for forget in (dates.forget_texts, privacy_names.forget_texts, redact.cache_clear):
            forget()


def _report_graphs(source, *, base, registry, plan_titles):
    """report_graphs itself."""
    if source.kind == "programme-report":
        graph = _programme(source, base=base, registry=registry)
        titles = graph.objects(iris.named_report_iri(PROGRAMME_SLUG, base=base), RDFS.label)
        graph += source_document_graph(source, base=base, titles=list(titles))
        return graph
    redaction = redact(source.text)
    report = parse_report(redaction.text, stem=source.stem)
    agency = _reporting_agency(report, registry, key=source.agency)
    report = _with_stated_facts(report, agency, year=source.year)
    # The NGOs the report names that no curated file holds are bodies while it is read.
    organisations = report_organisations([p for entry in report.entries for p in entry.paragraphs], registry=registry)
    registry = registry.with_bodies(body for body, _, _ in organisations.values())
    graph = report_graph(report, base=base, agency_iri=body_iri(agency, base=base), plan_iri=iris.plan_iri(base=base),
                         measure_iri_for=lambda code: iris.plan_part_iri("measure", code, base=base),
                         measure_titles=plan_titles, agency_key=agency.key, agency_abbreviation=agency.abbreviation)
    report_node = iris.report_iri(agency.key, report.year, base=base)
    for entry, node in zip(report.entries, entry_nodes(report, report_node)):
        graph += _entry_extras(entry, node, redaction, report, source.stem, base=base, registry=registry)
    context = SourceContext(agency=body_iri(agency, base=base), report=report_node,
                            measure_iri=lambda code: iris.plan_part_iri("measure", code, base=base))
    # The report's paragraphs as its reader re-joined them, so that a page break is no paragraph break.
    runs = [(unit.line_start, unit.line_end, unit.text) for unit in units(redaction.text, stem=source.stem)]
    graph += _acts_and_figures(source, redaction.text, report.year, context, base=base, registry=registry, runs=runs)
    graph += organisations_graph(organisations, base=base, stem=source.stem)
    graph += source_document_graph(source, base=base, titles=list(graph.objects(report_node, RDFS.label)))
    return graph


def _acts_and_figures(source, text, year, context, *, base, registry, runs=None):
    """Acts cited and figures stated in the text (read in `runs` when given), plus the curated ones of this
    source."""
    acts = acts_in_source(text, stem=source.stem, default_year=year, runs=runs)
    graph = acts_graph(acts, base=base, registry=registry)
    graph += curated_acts_graph([r for r in load_curated_acts() if r["stem"] == source.stem], base=base)
    figures = figures_in_source(text, stem=source.stem, default_year=year, runs=runs)
    figures += [figure for figure in load_curated() if figure.stem == source.stem]
    graph += figures_graph(figures, base=base, contexts={source.stem: context})
    return graph


def _entry_extras(entry, node, redaction, report, stem, *, base, registry):
    """Mentions, counts, events and private-person references of one entry."""
    measure = iris.plan_part_iri("measure", entry.code, base=base)
    graph = mentions_graph(node, entry_mentions(entry.text, registry=registry), base=base, registry=registry)
    graph += events_graph(find_events(entry, report_year=report.year, registry=registry), base=base,
                          entry_iri=node, measure_iri=measure, stem=stem, registry=registry)
    graph += counts_graph(entry, node, base=base, stem=stem)
    graph += referrals_graph(find_referrals(entry, report_year=report.year, registry=registry), base=base,
                             entry_iri=node, stem=stem, registry=registry)
    references = [ref for ref in redaction.references if _in_entry(ref, entry, redaction.text)]
    graph += person_references_graph(references, base=base, entry_iri=node, stem=stem, registry=registry)
    return graph


def _in_entry(reference, entry, text):
    line = text.count("\n", 0, reference.start) + 1
    first = entry.heading_line_start
    last = entry.paragraphs[-1].line_end if entry.paragraphs else entry.heading_line_end
    return first <= line <= last


def _reporting_agency(report, registry, *, key):
    """The reporting body: the one the title names, else the one the source's metadata names; both must
    agree when both are there."""
    mentions = find_mentions(report.agency_name or "", registry=registry)
    agencies = [registry[m.key] for m in mentions if registry[m.key].group == "agency"]
    stated = registry[key] if key in registry else None
    if key is not None and stated is None:
        raise ReportFormatError(f"{report.stem}: the metadata names agency {key!r}, which is not in "
                                "graph/curated/agencies.yaml")
    if agencies and stated and agencies[0].key != stated.key:
        raise ReportFormatError(f"{report.stem}: line {report.title_line_start}: the title names "
                                f"{agencies[0].name_az} but the metadata says {stated.name_az}")
    if not (agencies or stated):
        raise ReportFormatError(f"{report.stem}: line {report.title_line_start or 1}: the title does not name "
                                "a known body as the author of the report")
    return agencies[0] if agencies else stated


def _with_stated_facts(report, agency, *, year):
    """The report with the year (and the agency's name) its metadata states when its title does not; the
    title and the metadata must agree."""
    if year is not None and report.year is not None and year != report.year:
        raise ReportFormatError(f"{report.stem}: line {report.title_line_start}: the title says {report.year} "
                                f"but the metadata says {year}")
    return replace(report, year=report.year or year, agency_name=report.agency_name or agency.name_az)


def _programme(source, *, base, registry):
    curated = curated_source_facts().get(source.stem, {})
    reporter = registry[curated["agency"]] if "agency" in curated else None
    reporter_iri = body_iri(reporter, base=base) if reporter else None
    items = parse_programme(source.text, stem=source.stem)
    runs = list(programme_runs(items))
    organisations = report_organisations([p for item in items for p in item.done_paragraphs], registry=registry)
    registry = registry.with_bodies(body for body, _, _ in organisations.values())
    graph = programme_graph(items, base=base, stem=source.stem, reporting_agency_iri=reporter_iri,
                            agency_iri_for=lambda abbreviation: _by_abbreviation(abbreviation, registry, base))
    report = iris.named_report_iri(PROGRAMME_SLUG, base=base)
    if reporter_iri is not None:
        derive(graph, report, _quote_of(graph, source, curated["quote"], base, runs=runs))
    entries, last_year = programme_entries(items)
    for entry in entries:
        graph += _programme_entry_extras(entry, iris.entry_iri(report, entry.code), last_year, source.stem,
                                         base=base, registry=registry)
    context = SourceContext(agency=reporter_iri, report=report)
    graph += _acts_and_figures(source, source.text, last_year, context, base=base, registry=registry, runs=runs)
    graph += organisations_graph(organisations, base=base, stem=source.stem)
    return graph


def programme_entries(items):
    """The rows of the older programme's report as yearly entries, and the year a date or figure with no
    year of its own belongs to: the programme's last reported year."""
    last_year = max((item.period[1] for item in items if isinstance(item.period, tuple)), default=None)
    return [Entry(item.code, item.title, item.line_start, item.heading_line_end or item.line_start,
                  item.done_paragraphs, ()) for item in items], last_year


def _programme_entry_extras(entry, node, year, stem, *, base, registry):
    """Mentions and events of one row of the older programme's report, read as a yearly entry's are."""
    measure = iris.plan_part_iri("measure", entry.code, base=base, plan=PROGRAMME_SLUG)
    graph = mentions_graph(node, entry_mentions(entry.text, registry=registry), base=base, registry=registry)
    graph += events_graph(find_events(entry, report_year=year, registry=registry), base=base, entry_iri=node,
                          measure_iri=measure, stem=stem, registry=registry)
    return graph


def _by_abbreviation(abbreviation, registry, base):
    for body in registry:
        if body.abbreviation == abbreviation:
            return body_iri(body, base=base)
    return None


def _quote_of(graph, source, text, base, *, runs):
    """A quote of `text`, which must stand in one of the source's paragraphs (curated facts are checked so)."""
    for line_start, line_end, paragraph in runs:
        if text in paragraph:
            return add_quote(graph, base=base, stem=source.stem, text=text, line_start=line_start, line_end=line_end)
    raise ReportFormatError(f"{source.stem}: the curated quote {text!r} is not in the source")


def curated_source_facts():
    """graph/curated/sources.yaml: facts about sources their text does not state in parseable form."""
    return yaml.safe_load((files("atkg.graph") / "curated" / "sources.yaml").read_text(encoding="utf-8"))


__all__ = ["PROGRAMME_SLUG", "report_graphs", "source_document_graph"]
