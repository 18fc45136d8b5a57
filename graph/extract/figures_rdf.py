"""Figures as RDF Data Cube observations of the dataset <https://w3id.org/atkg/dataset/figures>, whose
structure and indicator code list are in ontology/indicators.ttl.

An observation's IRI is {base}figure/{source stem}/{indicator}/{period}: one figure per indicator and
period in a source, unless the source gives two (128 staff trained under one measure, 139 under another):
then each IRI ends with its measure. Where the source gives a span of months ("Cari ilin mart ayınadək"),
the period is an interval of those months, carrying the source's words as a note. A proposed indicator
(figure_proposals.py) is written as a concept of the indicator code list typed atkg:ProposedIndicator,
with the words it was made from, a review note and the quote.
"""

from collections import Counter

from dataclasses import dataclass
from typing import Callable

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, TIME, XSD

from atkg.graph import iris
from atkg.graph.periods import add_year_span
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG

QB = Namespace("http://purl.org/linked-data/cube#")
DATASET = iris.FIGURES_DATASET
INDICATOR_SCHEME = "indicator"


@dataclass(frozen=True)
class SourceContext:
    """What a source's figures refer to: the agency, the report (entries are {report}/entry/{code}), and
    how a measure code becomes an IRI (None where the codes are not the plan's, as in the older programme).
    """

    agency: URIRef = None
    report: URIRef = None
    measure_iri: Callable = None


def figures_graph(observations, *, base, contexts=None):
    """A graph of the observations, their periods and quotes; contexts maps a source stem to its
    SourceContext."""
    graph = Graph()
    graph.bind("qb", QB)
    ordered = sorted(observations, key=_sort_key)
    shared = Counter(_identity(o) for o in ordered)
    for observation in ordered:
        node = observation_iri(observation, base=base, shared=shared[_identity(observation)] > 1)
        _add(graph, node, observation, (contexts or {}).get(observation.stem, SourceContext()), base)
    return graph


def observation_iri(observation, *, base, shared=False):
    """{base}figure/{stem}/{indicator}/{period label}, and /{measure} when the source `shared` the rest
    with another figure."""
    part = (observation.measure or f"line-{observation.line_start}") if shared else None
    return iris.figure_iri(observation.stem, observation.indicator, _period_label(observation.period), base=base,
                           part=part)


def _identity(observation):
    return observation.stem, observation.indicator, _period_label(observation.period)


def _add(graph, node, observation, context, base):
    graph.add((node, RDF.type, ATKG.StatisticalObservation))
    graph.add((node, RDF.type, QB.Observation))
    graph.add((node, QB.dataSet, DATASET))
    graph.add((node, ATKG.indicator, iris.concept(INDICATOR_SCHEME, observation.indicator)))
    kind = XSD.integer if isinstance(observation.value, int) else XSD.decimal  # money may have cents
    graph.add((node, ATKG.observedValue, Literal(observation.value, datatype=kind)))
    graph.add((node, ATKG.unit, Literal(observation.unit_az, lang="az")))
    if observation.unit_en:
        graph.add((node, ATKG.unit, Literal(observation.unit_en, lang="en")))
    graph.add((node, ATKG.refPeriod, _period(graph, observation.period, base)))
    graph.add((node, RDFS.label, Literal(f"{observation.indicator} {_period_label(observation.period)}: "
                                         f"{observation.value}", lang="en")))
    _add_context(graph, node, observation, context)
    quote = add_quote(graph, base=base, stem=observation.stem, text=observation.quote,
                      line_start=observation.line_start, line_end=observation.line_end)
    derive(graph, node, quote)
    if observation.proposed:
        _add_proposed_indicator(graph, observation, quote)


def _add_proposed_indicator(graph, observation, quote):
    """The concept a proposed indicator names, in the code list, marked for review."""
    concept = iris.concept(INDICATOR_SCHEME, observation.indicator)
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, RDF.type, ATKG.ProposedIndicator))
    graph.add((concept, SKOS.prefLabel, Literal(observation.label_az, lang="az")))
    graph.add((concept, SKOS.notation, Literal(observation.indicator)))
    graph.add((concept, SKOS.inScheme, iris.concept_scheme(INDICATOR_SCHEME)))
    for text, language in REVIEW_NOTE:
        graph.add((concept, SKOS.editorialNote, Literal(text, lang=language)))
    derive(graph, concept, quote)


REVIEW_NOTE = (
    ("Göstəricilər siyahısında olmayan bu anlayışı hesabatın sözlərindən ekstraktor düzəldib: kurator "
     "yoxlamalı, adını və tərifini verib ontology/indicators.ttl faylına əlavə etməlidir.", "az"),
    ("Made by the extractor from the report's words for a count the indicator list lacks: a curator is to "
     "review it, name and define it, and add it to ontology/indicators.ttl.", "en"))


def _add_context(graph, node, observation, context):
    if context.agency:
        graph.add((node, ATKG.refAgency, context.agency))
    if observation.measure and context.measure_iri:
        graph.add((node, ATKG.refMeasure, context.measure_iri(observation.measure)))
    if observation.measure and context.report:
        graph.add((node, ATKG.reportedIn, iris.entry_iri(context.report, observation.measure)))


def _period(graph, period, base):
    if period.precision == "year":
        return add_year_span(graph, period.start.year, period.end.year, base=base)
    first, last = period.start.strftime("%Y-%m"), period.end.strftime("%Y-%m")
    interval = iris.period_iri(first, last, base=base)
    graph.add((interval, RDF.type, TIME.ProperInterval))
    graph.add((interval, RDFS.label, Literal(f"{first}/{last}")))
    graph.add((interval, TIME.hasBeginning, _instant(graph, interval, "beginning", period.start)))
    graph.add((interval, TIME.hasEnd, _instant(graph, interval, "end", period.end)))
    if period.note:
        graph.add((interval, SKOS.note, Literal(f"Mənbədə: “{period.note}”", lang="az")))
        graph.add((interval, SKOS.note, Literal(f"The source says “{period.note}” (until that month).", lang="en")))
    return interval


def _instant(graph, interval, which, day):
    instant = URIRef(f"{interval}/{which}")
    graph.add((instant, RDF.type, TIME.Instant))
    graph.add((instant, TIME.inXSDDate, Literal(day, datatype=XSD.date)))
    return instant


def _period_label(period):
    if period.precision == "year":
        years = {period.start.year, period.end.year}
        return "-".join(str(year) for year in sorted(years))
    return f"{period.start:%Y-%m}-{period.end:%Y-%m}"


def _sort_key(observation):
    return observation.stem, observation.indicator, observation.period.start, observation.line_start
