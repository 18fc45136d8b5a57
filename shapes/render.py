"""render_verdict_text: a check's verdict as plain text a non-programmer can act on, in az or en."""

from functools import lru_cache

from rdflib.namespace import SKOS

from atkg.graph import iris
from atkg.graph.reports.ordinals import ordinal
from atkg.ontology import ontology_graph

_WORDS = {
    "en": {"report": "Report", "coverage": "Measures {agency} executes in {year} (plan's table)",
           "head": ("code", "period", "entry", "status found", "line"), "yes": "yes", "no": "MISSING",
           "none": "(not read)", "problems": "Problems", "no_problems": "No problems found.",
           "violation": "VIOLATION", "warning": "warning", "info": "note", "line": "line",
           "replaces": "Replaces the version already in the graph: {graphs}",
           "summary_ok": "Summary: the report conforms ({covered} of {total} measures covered; {warnings} "
                         "warning(s), {infos} note(s)).",
           "summary_bad": "Summary: the report does NOT conform: {violations} violation(s) to fix before "
                          "ingest ({covered} of {total} measures covered; {warnings} warning(s), {infos} note(s))."},
    "az": {"report": "Hesabat",
           "coverage": "{agency} orqanının {year} ildə icra etdiyi tədbirlər (Planın cədvəli)",
           "head": ("nömrə", "müddət", "hissə", "icra vəziyyəti", "sətir"), "yes": "var", "no": "YOXDUR",
           "none": "(oxunmadı)", "problems": "Problemlər", "no_problems": "Problem tapılmadı.",
           "violation": "XƏTA", "warning": "xəbərdarlıq", "info": "qeyd", "line": "sətir",
           "replaces": "Qrafdakı əvvəlki variantı əvəz edir: {graphs}",
           "summary_ok": "Nəticə: hesabat tələblərə uyğundur ({total} tədbirdən {covered} əhatə olunub; "
                         "{warnings} xəbərdarlıq, {infos} qeyd).",
           "summary_bad": "Nəticə: hesabat tələblərə UYĞUN DEYİL: əlavə etməzdən əvvəl {violations} xəta "
                          "düzəldilməlidir ({total} tədbirdən {covered} əhatə olunub; {warnings} xəbərdarlıq, "
                          "{infos} qeyd)."},
}


def render_verdict_text(verdict, *, language):
    """The verdict as text: identity, coverage table, each problem with its source line, one-line summary."""
    words = _WORDS[language]
    parts = [f"{words['report']} {verdict.stem}: {verdict.agency_name} ({verdict.agency_key}), {verdict.year}"]
    if verdict.replaces:
        parts.append(words["replaces"].format(graphs=", ".join(verdict.replaces)))
    year = ordinal(verdict.year) if language == "az" else verdict.year  # 2021-ci, 2023-cü
    parts += ["", words["coverage"].format(agency=verdict.agency_name, year=year),
              _table(verdict, words, language)]
    parts += ["", f"{words['problems']}:"] + (_problems(verdict, words, language) or [f"  {words['no_problems']}"])
    parts += ["", _summary(verdict, words)]
    return "\n".join(parts) + "\n"


def _table(verdict, words, language):
    rows = [words["head"]] + [(row.code, row.period, words["yes"] if row.covered else words["no"],
                               status_label(row.status, language) if row.status else
                               ("" if not row.covered else words["none"]),
                               str(row.line) if row.line else "") for row in verdict.coverage]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)


def _problems(verdict, words, language):
    outcome = verdict.outcome
    ranked = [(rank, line_of(verdict, finding), finding) for rank, findings in
              enumerate((outcome.violations, outcome.warnings, outcome.infos)) for finding in findings]
    lines = []
    for _, line, finding in sorted(ranked, key=lambda item: (item[0], item[1] or 0)):
        where = f"{words['line']} {line}" if line else f"{words['line']} -"
        lines.append(f"  {where:>10}  {words[finding.severity]}: {finding.message(language)}")
    return lines


def line_of(verdict, finding):
    """The report line a finding points to: its value's (an entry, an event), else its focus node's."""
    return verdict.lines.get(finding.value) or verdict.lines.get(finding.focus_node)


def _summary(verdict, words):
    outcome, covered = verdict.outcome, sum(row.covered for row in verdict.coverage)
    template = words["summary_ok"] if outcome.conforms else words["summary_bad"]
    return template.format(violations=len(outcome.violations), warnings=len(outcome.warnings),
                           infos=len(outcome.infos), covered=covered, total=len(verdict.coverage))


@lru_cache(maxsize=64)
def status_label(slug, language):
    """The code list's label of an implementation-status slug, in the language."""
    concept = iris.concept("implementation-status", slug)
    labels = {label.language: str(label) for label in _ontology().objects(concept, SKOS.prefLabel)}
    return labels.get(language, slug)


@lru_cache(maxsize=1)
def _ontology():
    return ontology_graph()


def render_findings(outcome, *, language="en"):
    """One line per finding of a dataset validation (violations, then warnings, then infos), for the
    build's output: severity, shape, focus node and message."""
    words = _WORDS[language]
    return [f"{words[f.severity]}: {f.shape.rsplit('#', 1)[-1]} on <{f.focus_node}>: {f.message(language)}"
            for f in (*outcome.violations, *outcome.warnings, *outcome.infos)]
