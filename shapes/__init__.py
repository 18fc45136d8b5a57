"""SHACL shapes of the atkg graph, validation of the dataset, and the check of a new report's text.

validate_dataset checks every named graph of a build (validate_build is that step of `atkg build`: it lists
the findings and raises DatasetInvalid on Violations); check_report_text checks one report's text in the
context of the plan and the current graph; render_verdict_text prints a verdict for people. Reading report
files and writing the store are the use-cases' (atkg.check, atkg.ingest).
"""

from atkg.shapes.build_check import DatasetInvalid, validate_build
from atkg.shapes.check import CheckVerdict, CoverageRow, check_report_text
from atkg.shapes.context import CheckContext, context_from_graphs, load_context
from atkg.shapes.loading import meta_shapes_graph, shapes_graph
from atkg.shapes.outcome import Finding, ValidationOutcome
from atkg.shapes.render import render_findings, render_verdict_text
from atkg.shapes.report_source import CheckError
from atkg.shapes.validation import validate_dataset

__all__ = [
    "CheckContext", "CheckError", "CheckVerdict", "CoverageRow", "DatasetInvalid", "Finding", "ValidationOutcome",
    "check_report_text", "context_from_graphs", "load_context", "meta_shapes_graph", "render_findings",
    "render_verdict_text", "shapes_graph", "validate_build", "validate_dataset",
]
