"""The SHACL step of `atkg build`: validate the build's graphs, list every finding, stop on Violations.

DatasetInvalid is a ValueError, so `atkg build` reports it like any other broken source ("Build failed:
...") and leaves the previous graph as it was.
"""

from atkg.shapes.render import render_findings
from atkg.shapes.validation import validate_dataset


class DatasetInvalid(ValueError):
    """The built graph has SHACL Violations; the message lists them."""


def validate_build(graphs, *, ontology, echo=print):
    """Validate `graphs` (graph IRI -> rdflib Graph) with `ontology`; echo one line per finding; raise
    DatasetInvalid when there are Violations, else return the ValidationOutcome."""
    outcome = validate_dataset(graphs, ontology=ontology)
    lines = render_findings(outcome, language="en")
    for line in lines:
        echo(f"    {line}")
    if not outcome.conforms:
        shown = "\n  ".join(lines[:len(outcome.violations)])
        raise DatasetInvalid(f"{len(outcome.violations)} SHACL violation(s) in the built graph:\n  {shown}")
    return outcome
