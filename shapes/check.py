"""check_report_text: a new report checked in the context of the plan and the current graph, focused on
the report's own nodes, without changing anything."""

from dataclasses import dataclass, field, replace

from rdflib import URIRef

from atkg.graph import iris
from atkg.ontology import ATKG
from atkg.shapes.agency import body_for
from atkg.shapes.collector import collector_held_off
from atkg.shapes.coverage_table import CoverageRow, coverage_rows, source_lines
from atkg.shapes.report_source import (CheckError, report_named_graphs, stated_agency_and_year,
                                       yearly_report_source)

__all__ = ["CheckError", "CheckVerdict", "CoverageRow", "check_report_text"]


@dataclass(frozen=True)
class CheckVerdict:
    """What a check found: the report's identity, the coverage table, the validation outcome, and the
    source line of each finding's focus node (lines[focus node IRI])."""

    stem: str
    agency_key: str
    agency_name: str  # in Azerbaijani, as the reports write it
    year: int
    report_iri: str
    coverage: tuple
    outcome: object
    lines: dict = field(default_factory=dict)
    graphs: dict = field(default_factory=dict, repr=False, compare=False)
    replaces: tuple = ()
    agency_name_en: str | None = None  # the curated English name, where there is one

    @property
    def conforms(self):
        """True when there is no Violation."""
        return self.outcome.conforms

    @property
    def exit_code(self):
        """0 when the report conforms, 1 when it has Violations."""
        return 0 if self.conforms else 1


def check_report_text(text, *, agency=None, year=None, context, stem="report"):
    """Check a yearly report's text; agency (a registry key, abbreviation or name) and year are needed
    only when the text does not state them. Raises CheckError when the check cannot run.

    Checks on one context run one at a time (they add the report's triples to the context graph for the
    time of the validation); give each process its own context."""
    with collector_held_off():
        return _check(text, agency=agency, year=year, context=context, stem=stem)


def _check(text, *, agency, year, context, stem):
    """check_report_text with the collector held off."""
    source, body, year = _report_source(text, agency=agency, year=year, registry=context.registry, stem=stem)
    _require_plan_year(year, context.plan_years, stem=stem)
    graphs = report_named_graphs(source, base=context.base, registry=context.registry,
                                 plan_titles=context.plan_titles)
    _require_a_plan_measure(graphs, context, stem=stem)
    report_iri = iris.report_iri(body.key, year, base=context.base)
    earlier = _earlier_versions(context, graphs, report_iri)
    own = {triple for graph in graphs.values() for triple in graph}
    with context.lock, context.hiding(earlier, keeping=own):
        outcome, lines, rows = _validate(context, graphs, report_iri, source=iris.source_iri(stem, base=context.base))
    return CheckVerdict(stem=stem, agency_key=body.key, agency_name=body.name_az, agency_name_en=body.name_en,
                        year=year, report_iri=str(report_iri), coverage=rows, outcome=outcome, lines=lines,
                        graphs=graphs,
                        replaces=tuple(sorted(str(name) for name in earlier)))


def _report_source(text, *, agency, year, registry, stem):
    """(Source, reporting body, year) of the text: the agency and year its title states or the options
    give, handed to the reading as the source's metadata, which is how the build reads a report that
    `atkg ingest` was told them for (graph/sources.py)."""
    source = yearly_report_source(text, stem=stem)
    agency_name, stated_year = stated_agency_and_year(text, stem=stem)
    body = _agency(agency, agency_name, registry, stem=stem)
    year = _year(year, stated_year, stem=stem)
    return replace(source, agency=body.key, year=year), body, year


def _validate(context, graphs, report_iri, *, source):
    """Add the report's triples to the context graph, validate its nodes, read the table, take them out."""
    data, added = context.graph, set()
    for graph in graphs.values():
        added |= {triple for triple in graph if triple not in data}
    for triple in added:
        data.add(triple)
    try:
        focus = {s for graph in graphs.values() for s in graph.subjects() if isinstance(s, URIRef)}
        outcome = context.validator.run(focus)
        lines = source_lines(data, focus | _values(outcome), source=source)
        rows = coverage_rows(data, report_iri, source=source)
    finally:
        for triple in added:
            data.remove(triple)
    return outcome, lines, rows


def _values(outcome):
    """The IRIs findings name as their value (an entry, an event, a measure)."""
    findings = (*outcome.violations, *outcome.warnings, *outcome.infos)
    return {URIRef(f.value) for f in findings if f.value and f.value.startswith(("http://", "https://"))}


def _agency(option, stated_name, registry, *, stem):
    """The reporting body: the one the title names, else the --agency option; they must agree."""
    stated = body_for(stated_name, registry) if stated_name else None
    chosen = body_for(option, registry) if option else None
    if option and chosen is None:
        raise CheckError(f"--agency {option}: no such body in graph/curated/agencies.yaml (give its key, "
                         "abbreviation or Azerbaijani name)")
    if stated and chosen and stated.key != chosen.key:
        raise CheckError(f"{stem}: the title names {stated.name_az} but --agency says {chosen.name_az}")
    if stated_name and stated is None and chosen is None:
        raise CheckError(f"{stem}: the title names “{stated_name}”, which is not a known body: give --agency")
    if (stated or chosen) is None:
        raise CheckError(f"{stem}: the title does not say which body reports: give --agency (e.g. --agency dmx)")
    return stated or chosen


def _year(option, stated, *, stem):
    """The report's year: the one the title states, else --year; they must agree."""
    if stated and option and stated != option:
        raise CheckError(f"{stem}: the title says {stated} but --year says {option}")
    if (stated or option) is None:
        raise CheckError(f"{stem}: the title does not say which year the report covers: give --year "
                         "(e.g. --year 2022)")
    return stated or option


def _require_plan_year(year, plan_years, *, stem):
    """CheckError for a report on a year outside the plan's period: there is nothing to check it against."""
    if plan_years and not plan_years[0] <= year <= plan_years[1]:
        raise CheckError(f"{stem}: the report is on {year}, but the plan runs from {plan_years[0]} to "
                         f"{plan_years[1]}: check the year in the title (or --year); nothing was changed")


def _require_a_plan_measure(graphs, context, *, stem):
    """CheckError for a report none of whose entries is about a measure of the plan (another plan's
    report, say): its coverage would read "0 of 0 measures"."""
    measures = {iris.plan_part_iri("measure", code, base=context.base) for code in context.plan_titles}
    if context.plan_titles and not any((None, ATKG.aboutMeasure, measure) in graph
                                       for graph in graphs.values() for measure in measures):
        raise CheckError(f"{stem}: none of the report's entries is about a measure of the plan (headings like "
                         "“4.2.1-ci yarımbənd üzrə”): is it a report on another plan? nothing was changed")


def _earlier_versions(context, graphs, report_iri):
    """Named graphs of the context holding this report already (same file or same report IRI)."""
    return {name for name, graph in context.graphs.items()
            if name in graphs or (report_iri, None, None) in graph}
