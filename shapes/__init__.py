"""SHACL shapes of the atkg graph, validation of the dataset, and the check of a new report's text.

validate_dataset checks every named graph of a build (validate_build is that step of `atkg build`: it lists
the findings and raises DatasetInvalid on Violations); check_report_text checks one report's text in the
context of the plan and the current graph; render_verdict_text prints a verdict for people. Reading report
files and writing the store are the use-cases' (atkg.check, atkg.ingest).

Each name is imported from its module when it is first asked for (PEP 562), so importing one module of the
package (atkg.shapes.collector, say) does not import pySHACL and the report pipeline with it.
"""

import importlib

_MODULES = {
    "DatasetInvalid": "build_check", "validate_build": "build_check",
    "CheckVerdict": "check", "CoverageRow": "check", "check_report_text": "check",
    "CheckContext": "context", "context_from_graphs": "context", "load_context": "context",
    "meta_shapes_graph": "loading", "shapes_graph": "loading",
    "Finding": "outcome", "ValidationOutcome": "outcome",
    "render_findings": "render", "render_verdict_text": "render",
    "CheckError": "report_source",
    "validate_dataset": "validation",
}
__all__ = sorted(_MODULES)


def __getattr__(name):
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __dir__():
    return sorted((*globals(), *__all__))
