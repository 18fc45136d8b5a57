"""A validation's outcome in plain terms: findings with focus node, path, messages in az and en, severity
and shape, read from pyshacl's standard results graph."""

import re
from dataclasses import dataclass, field

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class Finding:
    """One validation result; shape is the named shape that found it (a node shape for inline property
    shapes), path and value are None where the result has none."""

    severity: str
    shape: str
    focus_node: str
    path: str | None
    value: str | None
    message_az: str
    message_en: str

    def message(self, language):
        """The message in "az" or "en"."""
        return self.message_az if language == "az" else self.message_en


@dataclass(frozen=True)
class ValidationOutcome:
    """conforms is False exactly when there is a Violation; findings are sorted."""

    conforms: bool
    violations: tuple
    warnings: tuple
    infos: tuple
    results_graph: Graph = field(default=None, repr=False, compare=False)


def outcome_from_results(results, shapes):
    """Read pyshacl's results graph (with the shapes graph for shape names) into a ValidationOutcome."""
    if not isinstance(results, Graph):  # pySHACL returns its ValidationFailure instead when it cannot validate
        raise RuntimeError(f"pySHACL could not validate: {results}")
    # Only the report's own results: pySHACL also nests the results behind an sh:node failure (sh:detail).
    nodes = [node for report in results.subjects(RDF.type, SH.ValidationReport)
             for node in results.objects(report, SH.result)]
    findings = sorted((_finding(results, shapes, node) for node in nodes), key=_sort_key)
    by_severity = {name: tuple(f for f in findings if f.severity == name) for name in SEVERITIES.values()}
    return ValidationOutcome(conforms=not by_severity["violation"], violations=by_severity["violation"],
                             warnings=by_severity["warning"], infos=by_severity["info"], results_graph=results)


def _finding(results, shapes, node):
    messages = _messages_by_language(results, shapes, node)
    path, value = results.value(node, SH.resultPath), results.value(node, SH.value)
    return Finding(
        severity=SEVERITIES[results.value(node, SH.resultSeverity)],
        shape=str(named_shape(results.value(node, SH.sourceShape), shapes)),
        focus_node=str(results.value(node, SH.focusNode)),
        path=_text(path), value=_text(value),
        message_az=messages.get("az") or messages.get(None, ""),
        message_en=messages.get("en") or messages.get(None, ""),
    )


def _sort_key(finding):
    return (finding.shape, finding.focus_node, finding.path or "", finding.value or "", finding.message_en)


def _messages_by_language(results, shapes, node):
    """{language: message}; pySHACL drops the language tag of a SHACL-SPARQL message after filling in its
    {?variables}, so an untagged message gets the language of the template it was filled from."""
    templates = list(shapes.objects(results.value(node, SH.sourceConstraint), SH.message))
    messages = {}
    for message in results.objects(node, SH.resultMessage):
        language = message.language or next((t.language for t in templates if _filled_from(message, t)), None)
        messages[language] = str(message)
    return messages


def _filled_from(message, template):
    pieces = re.split(r"\{[?$]\w+\}", str(template))
    return re.fullmatch(".*?".join(map(re.escape, pieces)), str(message), flags=re.DOTALL) is not None


def named_shape(shape, shapes):
    """The shape itself when it has an IRI, else the node shape whose sh:property it is."""
    if not isinstance(shape, BNode):
        return shape
    owner = shapes.value(None, SH.property, shape)
    return owner if owner is not None else shape


def _text(term):
    if term is None or isinstance(term, BNode):
        return None
    return str(term) if isinstance(term, URIRef) else term.n3()
