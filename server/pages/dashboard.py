"""/dashboard: the plan at a glance. Which measures each yearly report covered (a heatmap per body), how much
of each entry repeats the year before, the events over time, the partners by number of events, and the
reports' figures by year."""

from collections import defaultdict

from flask import render_template

from atkg.server.pages import label_of, page_blueprint
from atkg.server.pages.charts import bar_chart, events_per_year
from atkg.server.pages.coverage import coverage
from atkg.server.pages.data import ASSERTED, PREFIXES, select
from atkg.server.pages.facts import labels
from atkg.server.pages.repetition import repetition

bp = page_blueprint("dashboard", __name__)
EVENTS = PREFIXES + """SELECT DISTINCT ?event ?start ?kind ?measure WHERE { GRAPH ?g {
  ?event a atkg:Event . OPTIONAL { ?event schema:startDate ?start }
  OPTIONAL { ?event atkg:eventType ?kind } OPTIONAL { ?event atkg:implementsMeasure ?measure } } """ \
    + ASSERTED + "} ORDER BY (!BOUND(?start)) ?start ?event"
# A body is not its own partner: the reporting body, named among an event's partners, is left out.
PARTNERS = PREFIXES + """SELECT ?partner (COUNT(DISTINCT ?event) AS ?n) WHERE { GRAPH ?g {
  ?event atkg:partner ?partner } """ + ASSERTED + """
  FILTER NOT EXISTS { ?event atkg:reportedIn/atkg:inReport/atkg:reportingAgency ?partner }
} GROUP BY ?partner ORDER BY DESC(?n) ?partner"""
FIGURES = PREFIXES + """SELECT DISTINCT ?obs ?indicator ?value ?year WHERE { GRAPH ?g {
  ?obs a atkg:StatisticalObservation ; atkg:indicator ?indicator ; atkg:observedValue ?value ;
       atkg:refPeriod ?period } """ + ASSERTED + """
  OPTIONAL { ?period time:hasBeginning/time:inXSDgYear ?gyear }
  OPTIONAL { ?period time:hasBeginning/time:inXSDDate ?day }
  OPTIONAL { ?period time:inXSDgYear ?own }
  BIND(SUBSTR(STR(COALESCE(?gyear, ?day, ?own)), 1, 4) AS ?year)
} ORDER BY ?indicator ?year"""


@bp.route("/dashboard", methods=["GET"])
def show():
    """The dashboard page."""
    table = coverage()
    events = select(EVENTS)
    partners = [(row["partner"].value, int(row["n"].value)) for row in select(PARTNERS)]
    figures = _figures()
    repeated = repetition()
    shown = set(table) | set(repeated) | {row["event"].value for row in events} | {p for p, _ in partners}
    shown |= {row[k].value for row in events for k in ("kind", "measure") if k in row}
    shown |= {cell.status for _, rows in table.values() for row in rows for cell in row.cells if cell.status}
    shown |= {indicator for indicator, _ in figures["rows"]}
    names = labels(shown)
    return render_template("dashboard.html", table=table, repeated=repeated, events=events, names=names, figures=figures,
                           timeline=_timeline(events), partners=partners, partner_chart=_partner_chart(partners, names))


def _timeline(events):
    """Events counted per year of their start: many are dated by year alone, so months would mix a year's
    bucket with its months'."""
    return events_per_year(row["start"].value for row in events if "start" in row)


def _partner_chart(partners, names):
    return bar_chart([(label_of(names.get(partner, {})) or partner, n) for partner, n in partners])


def _figures():
    """{years, rows: [(indicator, {year: [values]})]} of the observations, indicator by indicator."""
    by_indicator = defaultdict(lambda: defaultdict(list))
    years = set()
    for row in select(FIGURES):
        year = row["year"].value if "year" in row else "?"
        years.add(year)
        by_indicator[row["indicator"].value][year].append(row["value"].value)
    return {"years": sorted(years), "rows": sorted((k, dict(v)) for k, v in by_indicator.items())}
