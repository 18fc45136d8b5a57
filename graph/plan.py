"""Parse the National Action Plan's text (the Order, its metadata block, goals, principles and the
measures table) into plain records. No RDF here: graph/plan_rdf.py turns the records into triples."""

import re
from dataclasses import dataclass

from atkg.graph.text import strip_bold, tidy

_MEASURE_ROW = re.compile(r"^(4\.\d+\.\d+)\.?\t")
_SECTION_ROW = re.compile(r"^(4\.\d+)\.\s+(.+?)\t*$")
_CLAUSE = {"goal": re.compile(r"^(2\.1\.\d+)\.\s+(.+)$"), "principle": re.compile(r"^(2\.3\.\d+)\.\s+(.+)$")}
_YEARS = re.compile(r"^(20\d\d)\s*[-–]?\s*(20\d\d)$")
REGULARLY = "mütəmadi"


class PlanFormatError(ValueError):
    """The plan text does not have the expected shape; the message names the file, line and reason."""


@dataclass(frozen=True)
class Line:
    """A piece of the source with its 1-based line number; `raw` is the line exactly as in the file."""

    number: int
    raw: str


@dataclass(frozen=True)
class Clause:
    """A numbered goal (2.1.x) or principle (2.3.x)."""

    code: str
    text: str
    line: Line


@dataclass(frozen=True)
class Section:
    """A section of the measures table (4.1 … 4.8)."""

    code: str
    title: str
    line: Line


@dataclass(frozen=True)
class MeasureRow:
    """One row of the measures table, fields as written (tidied of bold markers and hyphen debris)."""

    code: str
    title: str
    bodies: str
    period: str
    section: str
    line: Line

    @property
    def years(self):
        """(first, last) year, or None for a measure carried out regularly ("mütəmadi")."""
        match = _YEARS.match(self.period)
        return (int(match[1]), int(match[2])) if match else None


@dataclass(frozen=True)
class PlanText:
    """Everything parsed from the plan's source file."""

    stem: str
    metadata: dict
    goals: tuple
    principles: tuple
    sections: tuple
    measures: tuple
    lines: tuple


def code_key(code):
    """Sort key of a measure code (a notation such as 4.2.10): 4.2.10 after 4.2.9, in document order."""
    return tuple(int(part) if part.isdigit() else 0 for part in code.split("."))


def parse_plan(text, *, stem):
    """Parse the plan's source text; raise PlanFormatError on anything that does not fit."""
    lines = tuple(Line(number, raw) for number, raw in enumerate(text.splitlines(), start=1))
    sections, measures = _parse_table(lines, stem)
    plan = PlanText(
        stem=stem,
        metadata=_parse_metadata(lines),
        goals=_parse_clauses(lines, "goal"),
        principles=_parse_clauses(lines, "principle"),
        sections=sections,
        measures=measures,
        lines=lines,
    )
    _check_complete(plan)
    return plan


def _parse_metadata(lines):
    """The tab-separated metadata block at the top: label -> Line, keyed by the tidied label."""
    metadata = {}
    for line in lines:
        if line.raw.startswith("#"):
            break
        if line.raw.startswith("<b>") and "\t" in line.raw:
            label, _, value = line.raw.partition("\t")
            metadata[tidy(label)] = (tidy(value), line)
    return metadata


def _parse_clauses(lines, kind):
    clauses = []
    for line in lines:
        match = _CLAUSE[kind].match(line.raw.strip())
        if match:
            clauses.append(Clause(match[1], match[2].rstrip(";."), line))
    return tuple(clauses)


def _parse_table(lines, stem):
    sections, measures, current = [], [], None
    for line in lines:
        row = strip_bold(line.raw)
        if _MEASURE_ROW.match(row):
            measures.append(_measure_row(row, line, current, stem))
        elif (match := _SECTION_ROW.match(row)) and "\t" in row:
            current = match[1]
            sections.append(Section(current, tidy(match[2]), line))
    return tuple(sections), tuple(measures)


def _measure_row(row, line, section, stem):
    fields = row.split("\t")
    if len(fields) != 4:
        raise PlanFormatError(f"{stem}, line {line.number}: a measure row needs 4 tab-separated fields "
                              f"(code, title, executing bodies, period), found {len(fields)}")
    code, title, bodies, period = (tidy(field) for field in fields)
    if section is None or not code.startswith(section + "."):
        raise PlanFormatError(f"{stem}, line {line.number}: measure {code.rstrip('.')} is not under "
                              f"a section heading of its own (current section: {section})")
    period = period.replace("–", "-")
    if period != REGULARLY and not _YEARS.match(period):
        raise PlanFormatError(f"{stem}, line {line.number}: the period of measure {code.rstrip('.')} "
                              f"is neither two years nor '{REGULARLY}': {period!r}")
    return MeasureRow(code.rstrip("."), title, bodies, period, section, line)


def _check_complete(plan):
    if not plan.measures:
        raise PlanFormatError(f"{plan.stem}: no measures table found (rows like '4.1.1.<TAB>title<TAB>"
                              "bodies<TAB>period')")
    codes = [measure.code for measure in plan.measures]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise PlanFormatError(f"{plan.stem}: measure codes appear twice: {', '.join(duplicates)}")
