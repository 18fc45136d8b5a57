"""A measure's dossier, as public action-plan monitoring portals show one: what the plan says (title,
section, period, bodies), a status for each year of the plan worked out from the yearly reports, each
year's entry text (already redacted by the build), what the entries mention, and their cross-references."""

from collections import defaultdict
from dataclasses import dataclass

from atkg.graph.plan import code_key
from atkg.server.pages.data import PREFIXES, iri_ref, select

WIKIDATA = "http://www.wikidata.org/"  # owl:sameAs twins of the bodies: the same thing twice
STATUS = "https://w3id.org/atkg/code/implementation-status/"
CARRIED_OUT, NO_CASES = STATUS + "carried-out", STATUS + "no-cases"
AGREEMENT_KINDS = ("international-agreement", "memorandum", "cooperation-agreement")
# The kinds of thing an entry mentions, in the order the dossier lists them.
MENTION_KINDS = ("events", "legal-acts", "agreements", "figures", "partners", "bodies", "countries")

PLAN = PREFIXES + """SELECT ?notation ?title ?section ?sectionTitle ?plan ?first ?last ?periodType ?planFirst
       ?planLast WHERE {
  %(m)s skos:notation ?notation .
  OPTIONAL { %(m)s dcterms:title ?title }
  OPTIONAL { %(m)s atkg:inSection ?section OPTIONAL { ?section dcterms:title ?sectionTitle } }
  OPTIONAL { %(m)s atkg:periodType ?periodType }
  OPTIONAL { %(m)s atkg:period ?period .
             ?period time:hasBeginning/time:inXSDgYear ?first ; time:hasEnd/time:inXSDgYear ?last }
  OPTIONAL { %(m)s atkg:inPlan ?plan .
             OPTIONAL { ?plan atkg:period ?whole . ?whole time:hasBeginning/time:inXSDgYear ?planFirst ;
                        time:hasEnd/time:inXSDgYear ?planLast } }
}"""
# The plan's goals (chapter 2.1): the plan sets them for all its measures and links no measure to one.
GOALS = PREFIXES + """SELECT ?goal ?notation ?text WHERE {
  %(plan)s atkg:hasGoal ?goal . ?goal skos:notation ?notation . OPTIONAL { ?goal dcterms:description ?text }
}"""
BODIES = PREFIXES + """SELECT DISTINCT ?role ?body WHERE {
  { %(m)s atkg:responsibleBody ?body BIND("responsible" AS ?role) }
  UNION { %(m)s atkg:involvedBody ?body BIND("involved" AS ?role) }
  FILTER(!STRSTARTS(STR(?body), "%(wikidata)s"))
} ORDER BY ?role ?body"""
# A report on a whole programme (source 003) has no year: its entries cover all the programme's years.
ENTRIES = PREFIXES + """SELECT DISTINCT ?entry ?report ?year ?agency ?status ?text WHERE {
  ?entry atkg:aboutMeasure %(m)s ; atkg:inReport ?report .
  ?report atkg:reportingAgency ?agency . OPTIONAL { ?report atkg:reportYear ?year }
  OPTIONAL { ?entry atkg:implementationStatus ?status }
  OPTIONAL { ?entry atkg:entryText ?text }
  FILTER(!STRSTARTS(STR(?agency), "%(wikidata)s"))
} ORDER BY ?year ?agency"""
# The build's comparison with the year before (graph/text_reuse.py): each entry's sentences, new or repeated.
SENTENCES = PREFIXES + """SELECT DISTINCT ?entry ?share ?previous ?number ?text ?new WHERE {
  ?entry atkg:aboutMeasure %(m)s ; atkg:repeatedShare ?share ; atkg:previousEntry ?previous ;
         atkg:hasSentence ?sentence .
  ?sentence atkg:sentenceNumber ?number ; atkg:sentenceText ?text ; atkg:newSinceLastYear ?new .
} ORDER BY ?entry ?number"""
# The years a plan with no period of its own (the 2011-2015 programme) spans: its measures' periods.
MEASURE_PERIODS = PREFIXES + """SELECT DISTINCT ?first ?last WHERE {
  ?measure atkg:inPlan %(plan)s ; atkg:period ?period .
  ?period time:hasBeginning/time:inXSDgYear ?first ; time:hasEnd/time:inXSDgYear ?last .
}"""
# What entries date to a year: figures of that year, and legal acts of that year quoted in their lines.
DATED = PREFIXES + """SELECT DISTINCT ?thing ?year WHERE {
  %(entries)s
  { ?thing atkg:reportedIn ?entry ; atkg:refPeriod/time:hasBeginning/time:inXSDgYear ?year }
  UNION { ?entry prov:wasDerivedFrom ?around . ?around atkg:sourceDocument ?doc ; atkg:lineStart ?from ;
                 atkg:lineEnd ?to .
          ?thing a atkg:LegalAct ; prov:wasDerivedFrom ?quote ;
                 <http://data.europa.eu/eli/ontology#date_document> ?date .
          ?quote atkg:sourceDocument ?doc ; atkg:lineStart ?line ; atkg:lineEnd ?end
          FILTER(?line <= ?to && ?end >= ?from)
          BIND(YEAR(?date) AS ?year) }
}"""
# Reports of the measure's responsible bodies: a year with one of them but no entry is a gap.
REPORTS = PREFIXES + """SELECT DISTINCT ?year ?agency WHERE {
  %(m)s atkg:responsibleBody ?agency . ?report atkg:reportingAgency ?agency ; atkg:reportYear ?year .
}"""
CROSS = PREFIXES + """SELECT DISTINCT ?entry ?other ?measure WHERE {
  ?entry atkg:aboutMeasure %(m)s .
  { ?entry atkg:crossReference ?other } UNION { ?other atkg:crossReference ?entry }
  ?other atkg:aboutMeasure ?measure .
}"""
# What the entries mention: events and figures reported in them, bodies and countries they name, the
# partners of their events, and the legal acts quoted on their lines (acts have no link of their own).
MENTIONS = PREFIXES + """SELECT DISTINCT ?thing ?kind ?kindNotation WHERE {
  ?entry atkg:aboutMeasure %(m)s .
  { ?thing atkg:reportedIn ?entry ; a ?kind FILTER(?kind IN (atkg:Event, atkg:StatisticalObservation)) }
  UNION { ?entry atkg:mentions ?thing . ?thing a ?kind FILTER(?kind IN (atkg:ExecutingBody, atkg:Country)) }
  UNION { ?event atkg:reportedIn ?entry ; atkg:partner ?thing . BIND(atkg:partner AS ?kind) }
  UNION { ?entry prov:wasDerivedFrom ?around . ?around atkg:sourceDocument ?doc ; atkg:lineStart ?from ;
                 atkg:lineEnd ?to .
          ?thing a atkg:LegalAct ; prov:wasDerivedFrom ?quote . ?quote atkg:sourceDocument ?doc ;
                 atkg:lineStart ?line ; atkg:lineEnd ?end FILTER(?line <= ?to && ?end >= ?from)
          BIND(atkg:LegalAct AS ?kind)
          OPTIONAL { ?thing <http://data.europa.eu/eli/ontology#type_document>/skos:notation ?kindNotation } }
  FILTER(isIRI(?thing) && !STRSTARTS(STR(?thing), "%(wikidata)s"))
}"""


# An agency's dossier: the measures the plans give it, and what its own reports say of each, year by year.
AGENCY_MEASURES = PREFIXES + """SELECT DISTINCT ?measure ?code ?title ?plan ?first ?last ?planFirst ?planLast WHERE {
  ?measure atkg:responsibleBody %(a)s ; skos:notation ?code ; atkg:inPlan ?plan .
  OPTIONAL { ?measure dcterms:title ?title }
  OPTIONAL { ?measure atkg:period ?period .
             ?period time:hasBeginning/time:inXSDgYear ?first ; time:hasEnd/time:inXSDgYear ?last }
  ?plan atkg:period ?whole . ?whole time:hasBeginning/time:inXSDgYear ?planFirst ;
                                    time:hasEnd/time:inXSDgYear ?planLast .
}"""
AGENCY_ENTRIES = PREFIXES + """SELECT DISTINCT ?entry ?measure ?year ?status WHERE {
  ?report atkg:reportingAgency %(a)s ; atkg:reportYear ?year . ?entry atkg:inReport ?report ;
          atkg:aboutMeasure ?measure . OPTIONAL { ?entry atkg:implementationStatus ?status }
}"""
AGENCY_REPORTS = PREFIXES + """SELECT DISTINCT ?year WHERE { ?report atkg:reportingAgency %(a)s ;
  atkg:reportYear ?year }"""


# A report's dossier: its entries, each with its measure, the status it states and the share it repeats.
REPORT_ENTRIES = PREFIXES + """SELECT DISTINCT ?entry ?measure ?code ?status ?share WHERE {
  ?entry atkg:inReport %(r)s ; atkg:aboutMeasure ?measure . ?measure skos:notation ?code .
  OPTIONAL { ?entry atkg:implementationStatus ?status } OPTIONAL { ?entry atkg:repeatedShare ?share }
}"""


REPORT_SCOPE = PREFIXES + """SELECT ?year ?plan ?first ?last WHERE {
  OPTIONAL { %(r)s atkg:reportYear ?year }
  OPTIONAL { %(r)s atkg:reportsOn ?plan
             OPTIONAL { ?plan atkg:period ?whole . ?whole time:hasBeginning/time:inXSDgYear ?first ;
                                                          time:hasEnd/time:inXSDgYear ?last } }
}"""


@dataclass(frozen=True)
class Year:
    """One year of the plan for the measure: state is carried-out, no-cases, reported (another status),
    not-reported (a responsible body's report says nothing though the measure was due), not-yet-due,
    overdue, done (after a year it was reported carried out) or no-report (the graph holds no report)."""

    year: int
    state: str
    entries: tuple = ()


def is_measure(facts):
    """True when the resource's statements make it an atkg:Measure."""
    return any(p.value.endswith("#type") and v.value.endswith("ontology#Measure") for p, values in facts
               for v, _ in values)


def measure_dossier(iri):
    """{notation, titles, section, section_titles, plan, goals, period, period_type, bodies, years, entries,
    whole, dated, mentions, cross} of a measure, read from the graph; every IRI in it is to be named through
    facts.labels(). A measure reported on only as part of a whole programme (no yearly report) has no
    years but its entries in `whole` and, in `dated`, what they date to each of the programme's years."""
    m = {"m": iri_ref(iri), "wikidata": WIKIDATA}
    plan_rows = select(PLAN % m)
    titles = {row["title"].language or "": row["title"].value for row in plan_rows if "title" in row}
    section_titles = {row["sectionTitle"].language or "": row["sectionTitle"].value for row in plan_rows
                      if "sectionTitle" in row}
    head = plan_rows[0] if plan_rows else {}
    period = _span(head, "first", "last")
    entries = _with_sentences([_entry(row) for row in select(ENTRIES % m)], select(SENTENCES % m))
    yearly = [entry for entry in entries if entry["year"] is not None]
    reported = {(int(row["year"].value[:4]), row["agency"].value) for row in select(REPORTS % m)}
    bodies = defaultdict(list)
    for row in select(BODIES % m):
        bodies[row["role"].value].append(row["body"].value)
    plan_span = _span(head, "planFirst", "planLast") or plan_years(_text(head, "plan")) or period
    dated = []
    if entries and not yearly:  # reported on only as a whole programme: no status of any one year
        dated = dated_years(plan_span, period, f"?entry atkg:aboutMeasure {m['m']} .")
    years = _timeline(plan_span, period, yearly, reported) if not dated else []
    return {"notation": _text(head, "notation"), "titles": titles, "section": _text(head, "section"),
            "section_titles": section_titles,
            "plan": _text(head, "plan"), "goals": plan_goals(_text(head, "plan")), "period": period,
            "period_type": _text(head, "periodType"),
            "bodies": dict(bodies), "years": years, "entries": entries,
            "whole": [entry for entry in entries if entry["year"] is None], "dated": dated, "mentions": _mentions(m),
            "cross": sorted({(row["entry"].value, row["other"].value, row["measure"].value)
                             for row in select(CROSS % m)})}


def plan_goals(plan):
    """[{iri, notation, texts: {language: text}}] of the plan's goals in their order ([] when the sources
    state none, as for the 2011-2015 programme)."""
    if plan is None:
        return []
    goals = {}
    for row in select(GOALS % {"plan": iri_ref(plan)}):
        found = goals.setdefault(row["goal"].value, {"iri": row["goal"].value, "notation": row["notation"].value,
                                                     "texts": {}})
        if "text" in row:
            found["texts"][row["text"].language or ""] = row["text"].value
    return sorted(goals.values(), key=lambda goal: code_key(goal["notation"]))


def plan_years(plan):
    """(first, last) year of a plan stated with no period of its own, from its measures' periods, or None."""
    if plan is None:
        return None
    spans = [_span(row, "first", "last") for row in select(MEASURE_PERIODS % {"plan": iri_ref(plan)})]
    return (min(first for first, _ in spans), max(last for _, last in spans)) if spans else None


def dated_years(span, period, entries):
    """[{year, in_period, things}] for each year of `span`: what the entries (a graph pattern binding ?entry)
    date to that year (figures, legal acts), for a report that covers all the years at once."""
    if span is None:
        return []
    things = defaultdict(set)
    for row in select(DATED % {"entries": entries}):
        things[int(row["year"].value[:4])].add(row["thing"].value)
    return [{"year": year, "in_period": period is None or period[0] <= year <= period[1],
             "things": sorted(things.get(year, ()))} for year in range(span[0], span[1] + 1)]


def is_agency(facts):
    """True when the resource's statements make it an executing body that a plan gives measures to."""
    return any(p.value.endswith("#type") and v.value.endswith("ontology#ExecutingBody") for p, values in facts
               for v, _ in values)


def agency_dossier(iri):
    """[{plan, years, rows: [{measure, code, titles, period, years: [Year]}]}] of an executing body, one part
    per plan, measures in the plan's order; each year's state from the body's own reports."""
    a = {"a": iri_ref(iri)}
    entries = defaultdict(list)
    for row in select(AGENCY_ENTRIES % a):
        entries[row["measure"].value].append({"iri": row["entry"].value, "year": int(row["year"].value[:4]),
                                              "status": _text(row, "status")})
    reported = {(int(row["year"].value[:4]), iri) for row in select(AGENCY_REPORTS % a)}
    measures = {}
    for row in select(AGENCY_MEASURES % a):
        found = measures.setdefault(row["measure"].value, {
            "measure": row["measure"].value, "code": row["code"].value, "plan": row["plan"].value, "titles": {},
            "period": _span(row, "first", "last"), "plan_span": _span(row, "planFirst", "planLast")})
        if "title" in row:
            found["titles"][row["title"].language or ""] = row["title"].value
    parts = defaultdict(list)
    for found in sorted(measures.values(), key=lambda item: code_key(item["code"])):
        found["years"] = _timeline(found["plan_span"], found["period"], entries[found["measure"]], reported)
        parts[found["plan"]].append(found)
    return [{"plan": plan, "years": [year.year for year in rows[0]["years"]], "rows": rows}
            for plan, rows in sorted(parts.items(), key=lambda item: -item[1][0]["plan_span"][0])]


def is_report(facts):
    """True when the resource's statements make it a yearly report (atkg:Report)."""
    return any(p.value.endswith("#type") and v.value.endswith("ontology#Report") for p, values in facts
               for v, _ in values)


def report_dossier(iri):
    """[{entry, measure, code, status, share}] of a report's entries, in the plan's order of their measures."""
    rows = select(REPORT_ENTRIES % {"r": iri_ref(iri)})
    entries = [{"entry": row["entry"].value, "measure": row["measure"].value, "code": row["code"].value,
                "status": _text(row, "status"), "share": float(row["share"].value) if "share" in row else None}
               for row in rows]
    return sorted(entries, key=lambda entry: (code_key(entry["code"]), entry["entry"]))


def report_scope(iri):
    """{year, plan, dated} of a report: the year it reports on, the plan it reports on, and for a report
    with no year (one on a whole programme) what its entries date to each of the plan's years."""
    rows = select(REPORT_SCOPE % {"r": iri_ref(iri)})
    head = rows[0] if rows else {}
    year, plan = (int(head["year"].value[:4]) if "year" in head else None), _text(head, "plan")
    dated = []
    if year is None:
        span = _span(head, "first", "last") or plan_years(plan)
        dated = dated_years(span, None, f"?entry atkg:inReport {iri_ref(iri)} .")
    return {"year": year, "plan": plan, "dated": dated}


def _timeline(plan_span, period, entries, reported):
    """A Year for each year of the plan, in order."""
    if plan_span is None:
        return []
    by_year = defaultdict(list)
    for entry in entries:
        by_year[entry["year"]].append(entry)
    done = None
    years = []
    for year in range(plan_span[0], plan_span[1] + 1):
        state = _state(year, period, by_year.get(year, []), reported, done)
        done = done or (year if state == "carried-out" else None)
        years.append(Year(year=year, state=state, entries=tuple(by_year.get(year, []))))
    return years


def _state(year, period, entries, reported, done):
    statuses = {entry["status"] for entry in entries}
    if CARRIED_OUT in statuses:
        return "carried-out"
    if NO_CASES in statuses:
        return "no-cases"
    if entries:
        return "reported"
    if period and year < period[0]:
        return "not-yet-due"
    if period and year > period[1]:
        return "done" if done else "overdue"
    return "not-reported" if any(seen == year for seen, _ in reported) else "no-report"


def _with_sentences(entries, rows):
    """The entries, each with its share repeated from the year before, that entry, and its sentences
    [(text, new)] where the build compared it (an entry with no entry the year before has none)."""
    compared = {}
    for row in rows:
        found = compared.setdefault(row["entry"].value, {"share": float(row["share"].value),
                                                         "previous": row["previous"].value, "sentences": []})
        found["sentences"].append((row["text"].value, row["new"].value == "true"))
    return [{**entry, **compared.get(entry["iri"], {"share": None, "previous": None, "sentences": []})}
            for entry in entries]


def _mentions(m):
    """{kind: [IRI]} of what the measure's entries mention, kinds in MENTION_KINDS."""
    found = defaultdict(set)
    for row in select(MENTIONS % m):
        kind = row["kind"].value.rsplit("#", 1)[-1]
        if kind == "LegalAct":
            notation = _text(row, "kindNotation")
            kind = "agreements" if notation in AGREEMENT_KINDS else "legal-acts"
        group = {"Event": "events", "StatisticalObservation": "figures", "partner": "partners",
                 "ExecutingBody": "bodies", "Country": "countries"}.get(kind, kind)
        found[group].add(row["thing"].value)
    return {kind: sorted(found[kind]) for kind in MENTION_KINDS if found.get(kind)}


def _entry(row):
    year = int(row["year"].value[:4]) if "year" in row else None
    return {"iri": row["entry"].value, "report": row["report"].value, "year": year,
            "agency": row["agency"].value, "status": _text(row, "status"), "text": _text(row, "text")}


def _span(row, first, last):
    if first in row and last in row:
        return int(row[first].value[:4]), int(row[last].value[:4])
    return None


def _text(row, name):
    return row[name].value if name in row else None
