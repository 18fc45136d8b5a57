"""The agencies' yearly reports on the plan, and the older programme's table: parsing and RDF.

parse_report turns a report's text (as extracted from PDF or DOCX) into entries, one per measure
heading; implementation_status and is_covid_affected read an entry's text; parse_programme reads the
2011-2015 programme's table; report_graph and programme_graph state it all in RDF with quotes.
"""

from atkg.graph.reports.model import (Entry, Paragraph, ParsedReport, ProgrammeItem, ProgrammeSection,
                                      ReportFormatError, StatusFinding)
from atkg.graph.reports.parse import cross_references, parse_report
from atkg.graph.reports.programme import parse_programme, programme_runs
from atkg.graph.reports.programme_rdf import programme_graph
from atkg.graph.reports.rdf import entry_nodes, report_graph
from atkg.graph.reports.status import implementation_status, is_covid_affected
from atkg.graph.reports.units import rejoined

__all__ = [
    "Entry", "Paragraph", "ParsedReport", "ProgrammeItem", "ProgrammeSection", "ReportFormatError",
    "StatusFinding", "cross_references", "entry_nodes", "implementation_status", "is_covid_affected", "parse_programme",
    "parse_report", "programme_graph", "programme_runs", "rejoined", "report_graph",
]
