"""The dashboard's coverage heatmap: for each body that sent yearly reports, the measures it executes by
year, and whether that year's report has an entry about each (covered), says nothing though the measure
was due (missing), does not exist in the graph (no report), or the year is outside the period (not due)."""

from collections import defaultdict
from dataclasses import dataclass

from atkg.graph.plan import code_key
from atkg.server.pages.data import ASSERTED, PREFIXES, select

REPORTS = PREFIXES + """SELECT DISTINCT ?agency ?plan ?year WHERE { GRAPH ?g {
  ?report a atkg:Report ; atkg:reportingAgency ?agency ; atkg:reportsOn ?plan ; atkg:reportYear ?year } """ \
    + ASSERTED + "}"
# Exactly the measures the plan gives the body, as the check lists them: a report's entry about another
# body's measure does not make it the body's.
MEASURES = PREFIXES + """SELECT DISTINCT ?agency ?measure ?code ?first ?last WHERE {
  ?report a atkg:Report ; atkg:reportingAgency ?agency ; atkg:reportsOn ?plan ; atkg:reportYear ?any .
  ?measure atkg:inPlan ?plan ; atkg:responsibleBody ?agency ; skos:notation ?code .
  OPTIONAL { ?measure atkg:period ?period .
             ?period time:hasBeginning/time:inXSDgYear ?first ; time:hasEnd/time:inXSDgYear ?last }
}"""
ENTRIES = PREFIXES + """SELECT DISTINCT ?agency ?year ?measure ?entry ?status WHERE {
  ?report a atkg:Report ; atkg:reportingAgency ?agency ; atkg:reportYear ?year .
  ?entry atkg:inReport ?report ; atkg:aboutMeasure ?measure .
  OPTIONAL { ?entry atkg:implementationStatus ?status }
}"""


@dataclass(frozen=True)
class Cell:
    """One measure in one year: state is covered, missing, no-report or not-due; entry and status when covered."""

    year: int
    state: str
    entry: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Row:
    """One measure of a body, its code and period, and a cell per year."""

    measure: str
    code: str
    period: str
    cells: tuple


def coverage():
    """{agency IRI: (years, [Row])} for every body with yearly reports, measures in the plan's order."""
    reported = defaultdict(set)
    for row in select(REPORTS):
        reported[row["agency"].value].add(int(row["year"].value[:4]))
    entries = {(r["agency"].value, int(r["year"].value[:4]), r["measure"].value):
               (r["entry"].value, r["status"].value if "status" in r else None) for r in select(ENTRIES)}
    measures = defaultdict(dict)
    for row in select(MEASURES):
        first, last = (int(row[k].value[:4]) if k in row else None for k in ("first", "last"))
        measures[row["agency"].value][row["measure"].value] = (row["code"].value, first, last)
    table = {}
    for agency, years_reported in sorted(reported.items()):
        spans = [span for _, first, last in measures[agency].values() if first for span in (first, last)]
        years = list(range(min(spans + sorted(years_reported)), max(spans + sorted(years_reported)) + 1))
        rows = [_row(agency, measure, spec, years, years_reported, entries)
                for measure, spec in sorted(measures[agency].items(), key=lambda item: code_key(item[1][0]))]
        table[agency] = (years, rows)
    return table


def _row(agency, measure, spec, years, years_reported, entries):
    code, first, last = spec
    cells = []
    for year in years:
        found = entries.get((agency, year, measure))
        if found:
            cells.append(Cell(year, "covered", entry=found[0], status=found[1]))
        elif first is None or not first <= year <= last:
            cells.append(Cell(year, "not-due"))
        elif year not in years_reported:
            cells.append(Cell(year, "no-report"))
        else:
            cells.append(Cell(year, "missing"))
    period = f"{first}-{last}" if first else ""
    return Row(measure=measure, code=code, period=period, cells=tuple(cells))
