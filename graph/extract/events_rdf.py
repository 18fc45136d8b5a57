"""RDF for events found in a report entry: atkg:Event (a schema:Event) with its type, dates, bodies, topics
and the exact sentence it came from.

Events are numbered in text order under their entry ({entry}/event/{n}), so the same report always gives
the same IRIs. Dates keep the precision the report gives: xsd:date for a day, xsd:gYearMonth for a month,
xsd:gYear for a year.
"""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SDO, XSD

from atkg.graph import iris
from atkg.graph.agencies import body_iri
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG

# The Azerbaijani labels of the event-type code list (ontology/codelists.ttl).
KIND_LABELS = {
    "training": "Təlim", "meeting": "Görüş", "visit": "Səfər", "session": "İclas", "round-table": "Dəyirmi masa",
    "signing": "İmzalanma", "project": "Layihə", "conference": "Konfrans", "campaign": "Kampaniya",
    "awareness-event": "Maarifləndirmə tədbiri", "survey": "Sorğu",
}


def date_literal(day, precision):
    """A date at the precision the report gives it."""
    if precision == "year":
        return Literal(f"{day.year:04d}", datatype=XSD.gYear)
    if precision == "month":
        return Literal(f"{day.year:04d}-{day.month:02d}", datatype=XSD.gYearMonth)
    return Literal(day.isoformat(), datatype=XSD.date)


def label(finding):
    """The event's label: its title, else its kind with its date, first topic or participants as written."""
    if finding.title:
        return finding.title
    kind = KIND_LABELS[finding.kind]
    if finding.dates:
        first, last = finding.dates[0], finding.dates[-1]
        start, end = date_literal(first.start, first.precision), date_literal(last.end, last.precision)
        return f"{kind}, {start}" if start == end else f"{kind}, {start} – {end}"
    if finding.topics:
        return f"{kind}: “{finding.topics[0]}”"
    return f"{kind}: {finding.participants}" if finding.participants else kind


def _add_dates(graph, event, dates):
    """schema:startDate from the first date, schema:endDate from the last when it differs."""
    if not dates:
        return
    start = date_literal(dates[0].start, dates[0].precision)
    end = date_literal(dates[-1].end, dates[-1].precision)
    graph.add((event, SDO.startDate, start))
    if end != start:
        graph.add((event, SDO.endDate, end))


def _add_bodies(graph, event, finding, *, base, registry):
    """Organisers and partners, as curated bodies."""
    for key in finding.organisers:
        graph.add((event, SDO.organizer, URIRef(body_iri(registry[key], base=base))))
    for key in finding.partners:
        graph.add((event, ATKG.partner, URIRef(body_iri(registry[key], base=base))))


def _add_details(graph, event, finding, *, base, registry):
    """Participants, counts, place, topics and attendance mode, as the report writes them."""
    if finding.participants:
        audience = URIRef(f"{event}/audience")
        graph.add((event, SDO.audience, audience))
        graph.add((audience, RDF.type, SDO.Audience))
        graph.add((audience, SDO.audienceType, Literal(finding.participants, lang="az")))
    if finding.participant_count is not None:
        graph.add((event, ATKG.participantCount, Literal(finding.participant_count, datatype=XSD.integer)))
    _add_place(graph, event, finding, base=base, registry=registry)
    for topic in finding.topics:
        graph.add((event, SDO.about, Literal(topic, lang="az")))
    if finding.mode:
        graph.add((event, SDO.eventAttendanceMode, _MODES[finding.mode]))


_MODES = {"online": SDO.OnlineEventAttendanceMode, "hybrid": SDO.MixedEventAttendanceMode,
          "in-person": SDO.OfflineEventAttendanceMode}


def _add_place(graph, event, finding, *, base, registry):
    """Where the event was: a place named as written, in its city and country where the text says them."""
    if not (finding.place or finding.city or finding.country):
        return
    place = URIRef(f"{event}/place")
    graph.add((event, SDO.location, place))
    graph.add((place, RDF.type, SDO.Place))
    if finding.place:
        graph.add((place, SDO.name, Literal(finding.place, lang="az")))
    if finding.city:
        graph.add((place, SDO.addressLocality, Literal(finding.city, lang="az")))
    if finding.country:
        graph.add((place, SDO.containedInPlace, URIRef(body_iri(registry[finding.country], base=base))))


def events_graph(findings, *, base, entry_iri, measure_iri, stem, registry):
    """The events of one entry, numbered in the order given (find_events gives text order)."""
    graph = Graph()
    for number, finding in enumerate(findings, start=1):
        event = URIRef(f"{entry_iri}/event/{number}")
        graph.add((event, RDF.type, ATKG.Event))
        graph.add((event, RDF.type, SDO.Event))
        graph.add((event, ATKG.eventType, iris.concept("event-type", finding.kind)))
        graph.add((event, RDFS.label, Literal(label(finding), lang="az")))
        _add_dates(graph, event, finding.dates)
        _add_bodies(graph, event, finding, base=base, registry=registry)
        _add_details(graph, event, finding, base=base, registry=registry)
        graph.add((event, ATKG.implementsMeasure, URIRef(measure_iri)))
        graph.add((event, ATKG.reportedIn, URIRef(entry_iri)))
        quote = add_quote(graph, base=base, stem=stem, text=finding.quote,
                          line_start=finding.line_start, line_end=finding.line_end)
        derive(graph, event, quote)
    return graph
