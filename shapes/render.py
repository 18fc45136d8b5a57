"""render_verdict_text: a check's verdict as plain text a non-programmer can act on, in az or en, in the
words of the project's one catalogue (atkg.ontology.catalogue), which the /check page says them from too."""

from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import SKOS

from atkg.graph import iris
from atkg.graph.reports.ordinals import ordinal
from atkg.ontology import ontology_path
from atkg.ontology.catalogue import gettext_in
from atkg.shapes.report_source import N_


_HEAD = (N_("code"), N_("period"), N_("entry"), N_("status found"), N_("line"))
_SEVERITY = {"violation": N_("VIOLATION"), "warning": N_("warning"), "info": N_("note")}


def agency_name(verdict, language):
    """The reporting body's name for a reader of `language`: the English one on English pages and verdicts
    (where the registry has one), else the Azerbaijani one."""
    return verdict.agency_name_en if language == "en" and verdict.agency_name_en else verdict.agency_name


def render_verdict_text(verdict, *, language):
    """The verdict as text: identity, coverage table, each problem with its source line, one-line summary."""
    _ = gettext_in(language)
    parts = [_("Report %(stem)s: %(agency)s (%(key)s), %(year)s") % {
        "stem": verdict.stem, "agency": agency_name(verdict, language), "key": verdict.agency_key,
        "year": verdict.year}]
    if verdict.replaces:
        parts.append(_("Replaces the version already in the graph: %(graphs)s")
                     % {"graphs": ", ".join(verdict.replaces)})
    year = ordinal(verdict.year) if language == "az" else verdict.year  # Azerbaijani says "2021-ci ildə"
    heading = _("Measures %(agency)s executes in %(year)s (plan's table)")
    parts += ["", heading % {"agency": agency_name(verdict, language), "year": year}, _table(verdict, _, language)]
    parts += ["", _("Problems") + ":"] + (_problems(verdict, _, language) or ["  " + _("No problems found.")])
    parts += ["", _summary(verdict, _)]
    return "\n".join(parts) + "\n"


def _table(verdict, _, language):
    rows = [tuple(map(_, _HEAD))] + [(row.code, row.period, _("yes") if row.covered else _("MISSING"),
                                      status_label(row.status, language) if row.status else
                                      ("" if not row.covered else _("(not read)")),
                                      str(row.line) if row.line else "") for row in verdict.coverage]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)


def _problems(verdict, _, language):
    outcome = verdict.outcome
    ranked = [(rank, line_of(verdict, finding), finding) for rank, findings in
              enumerate((outcome.violations, outcome.warnings, outcome.infos)) for finding in findings]
    lines = []
    for _rank, line, finding in sorted(ranked, key=lambda item: (item[0], item[1] or 0)):
        where = _("line") + f" {line or '-'}"
        lines.append(f"  {where:>10}  {_(_SEVERITY[finding.severity])}: {finding.message(language)}")
    return lines


def line_of(verdict, finding):
    """The report line a finding points to: its value's (an entry, an event), else its focus node's."""
    return verdict.lines.get(finding.value) or verdict.lines.get(finding.focus_node)


def _summary(verdict, _):
    outcome, covered = verdict.outcome, sum(row.covered for row in verdict.coverage)
    counts = {"violations": len(outcome.violations), "warnings": len(outcome.warnings), "infos": len(outcome.infos),
              "covered": covered, "total": len(verdict.coverage)}
    if outcome.conforms:
        return _("Summary: the report conforms (%(covered)s of %(total)s measures covered; %(warnings)s "
                 "warning(s), %(infos)s note(s)).") % counts
    return _("Summary: the report does NOT conform: %(violations)s violation(s) to fix before ingest "
             "(%(covered)s of %(total)s measures covered; %(warnings)s warning(s), %(infos)s note(s)).") % counts


def status_label(slug, language):
    """The code list's label of an implementation-status slug, in the language."""
    return _pref_labels().get((str(iris.concept("implementation-status", slug)), language), slug)


@lru_cache(maxsize=1)
def _pref_labels():
    """{(concept IRI, language): skos:prefLabel} of the code lists' file alone (parsing the whole ontology
    was a tenth of a check process's second), read by pyoxigraph's parser: 2 ms against rdflib's 110."""
    pref_label = ox.NamedNode(str(SKOS.prefLabel))
    triples = ox.parse(path=str(ontology_path().with_name("codelists.ttl")), format=ox.RdfFormat.TURTLE)
    return {(t.subject.value, t.object.language): t.object.value for t in triples
            if t.predicate == pref_label and isinstance(t.object, ox.Literal)}


def render_findings(outcome, *, language="en"):
    """One line per finding of a dataset validation (violations, then warnings, then infos), for the
    build's output: severity, shape, focus node and message."""
    _ = gettext_in(language)
    return [f"{_(_SEVERITY[f.severity])}: {f.shape.rsplit('#', 1)[-1]} on <{f.focus_node}>: {f.message(language)}"
            for f in (*outcome.violations, *outcome.warnings, *outcome.infos)]
