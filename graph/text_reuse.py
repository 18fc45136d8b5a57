"""Text reuse: how much of a report entry repeats the same measure's entry in the agency's report of the year
before, and which of its sentences are new.

The measure is word trigram coverage, the way text-reuse detectors (WCopyfind, the METER corpus studies) count
copied passages: the entry's words are folded to lower case the Azerbaijani way, and a word counts as repeated
when it stands in a run of three consecutive words of one sentence that also stands, in the same order, in a
sentence of the previous entry. The entry's atkg:repeatedShare is repeated words / words; each sentence gets
its own share, and a sentence of which less than half the words repeat is new. A sentence of one or two words
repeats only when last year's entry has the same sentence. Trigrams rather than single words, because an entry
about the same measure shares its vocabulary with last year's whatever it reports; rather than longer runs,
because a yearly update changes a date or a number inside a sentence it otherwise copies ("2020-ci il ərzində"
-> "2021-ci il ərzində"), which should leave the rest of the sentence repeated. Hand-made: the whole method is
a set of word triples, less than a library for it would take to call.

Entries are compared only with an entry on the same measure in the same agency's report on the same plan for
the year before; an entry with nothing to compare with gets no share (unknown, not zero). Every sentence is
derived from the quote of its paragraph, and a sentence with repeated words names the quote of last year's
entry most of them come from. The texts are the redacted ones the reports' graphs hold.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, XSD

from atkg.graph import iris
from atkg.graph.text import az_lower, sentence_spans
from atkg.ontology import ATKG

RUN = 3  # words in a run that counts as repeated text
NEW_BELOW = Decimal("0.5")  # a sentence with a smaller repeated share is new
_PLACES = Decimal("0.001")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an entry: its text, its folded words, and the quote of the paragraph it stands in."""

    text: str
    words: tuple
    quote: object


@dataclass(frozen=True)
class Entry:
    """A report entry as the comparison reads it: its report's agency, plan and year, its measure, its
    sentences in order."""

    node: object
    key: tuple  # (agency, plan, year, measure)
    sentences: tuple


def graph_iri(*, base):
    """The named graph holding the comparisons."""
    return iris.graph_iri(iris.TEXT_REUSE_GRAPH, base=base)


def text_reuse_graph(graphs):
    """An rdflib Graph comparing each entry of the rdflib `graphs` with its measure's entries in the same
    agency's report of the year before: previousEntry, repeatedShare and its sentences."""
    entries = entries_in_graphs(graphs)
    by_key = defaultdict(list)
    for entry in entries:
        by_key[entry.key].append(entry)
    graph = Graph()
    for entry in entries:
        agency, plan, year, measure = entry.key
        previous = sorted(by_key.get((agency, plan, year - 1, measure), ()), key=lambda item: str(item.node))
        if previous and entry.sentences:
            _add_comparison(graph, entry, previous)
    return graph


def entries_in_graphs(graphs):
    """Every entry of a report with an agency, a plan and a year, with its text split into sentences."""
    graphs = list(graphs)
    reports = {report: _report_key(graphs, report) for graph in graphs
               for report in graph.subjects(RDF.type, ATKG.Report)}
    entries = []
    for graph in graphs:
        for node, report in graph.subject_objects(ATKG.inReport):
            measure = _value(graphs, node, ATKG.aboutMeasure)
            if reports.get(report) and measure is not None:
                entries.append(Entry(node, (*reports[report], measure), _sentences(graphs, node)))
    return sorted(entries, key=lambda entry: str(entry.node))


def _report_key(graphs, report):
    """(agency, plan, year) of a report, or None when it lacks one of them (the older programme's table)."""
    agency, plan = _value(graphs, report, ATKG.reportingAgency), _value(graphs, report, ATKG.reportsOn)
    year = _value(graphs, report, ATKG.reportYear)
    if agency is None or plan is None or year is None:
        return None
    return agency, plan, int(str(year))


def _value(graphs, node, predicate):
    """The one object of (node, predicate) in any of the graphs, or None."""
    return next((value for graph in graphs for value in graph.objects(node, predicate)), None)


def _sentences(graphs, node):
    """The entry's sentences, paragraph by paragraph, each with the quote of its paragraph."""
    text = _value(graphs, node, ATKG.entryText)
    if text is None:
        return ()
    quotes = _paragraph_quotes(graphs, node, str(text).split("\n\n"))
    sentences = (Sentence(paragraph[first:last], _words(paragraph[first:last]), quote)
                 for paragraph, quote in quotes for first, last in sentence_spans(paragraph))
    return tuple(sentence for sentence in sentences if sentence.words)


def _paragraph_quotes(graphs, node, paragraphs):
    """(paragraph, its quote) in order: the entry's quotes by line, matched to the paragraphs by their text."""
    quotes = sorted(((int(graph.value(quote, ATKG.lineStart)), str(graph.value(quote, ATKG.quotedText)), quote)
                     for graph in graphs for quote in graph.objects(node, PROV.wasDerivedFrom)
                     if (quote, RDF.type, ATKG.SourceQuote) in graph), key=lambda item: (item[0], str(item[2])))
    matched, rest = [], iter(quotes)
    for paragraph in paragraphs:
        quote = next((quote for _, text, quote in rest if text == paragraph), None)
        if quote is None:
            raise ValueError(f"{node}: a paragraph of the entry text has no quote of its own")
        matched.append((paragraph, quote))
    return matched


def _words(text):
    """The words of a text, folded to lower case the Azerbaijani way."""
    return tuple(_WORD.findall(az_lower(text)))


def _runs(words):
    """The runs of RUN words of a sentence; a shorter sentence is one run of all its words."""
    if len(words) < RUN:
        return [(0, words)] if words else []
    return [(start, words[start:start + RUN]) for start in range(len(words) - RUN + 1)]


def _add_comparison(graph, entry, previous):
    """The entry's link to last year's, its repeated share and its sentences."""
    sources = {}
    for earlier in previous:
        graph.add((entry.node, ATKG.previousEntry, earlier.node))
        for sentence in earlier.sentences:
            for _, run in _runs(sentence.words):
                sources.setdefault(run, sentence.quote)
    repeated = total = 0
    for number, sentence in enumerate(entry.sentences, start=1):
        covered = _add_sentence(graph, entry.node, number, sentence, sources)
        repeated, total = repeated + covered, total + len(sentence.words)
    graph.add((entry.node, ATKG.repeatedShare, _share(repeated, total)))


def _add_sentence(graph, entry, number, sentence, sources):
    """One sentence with its share and whether it is new; returns how many of its words repeat."""
    covered, origins = set(), Counter()
    for start, run in _runs(sentence.words):
        if run in sources:
            covered.update(range(start, start + len(run)))
            origins[sources[run]] += 1
    share = _share(len(covered), len(sentence.words))
    node = iris.sentence_iri(entry, number)
    graph.add((entry, ATKG.hasSentence, node))
    graph.add((node, RDF.type, ATKG.EntrySentence))
    graph.add((node, ATKG.sentenceNumber, Literal(number, datatype=XSD.positiveInteger)))
    graph.add((node, ATKG.sentenceText, Literal(sentence.text, lang="az")))
    graph.add((node, ATKG.repeatedShare, share))
    graph.add((node, ATKG.newSinceLastYear, Literal(len(covered) < NEW_BELOW * len(sentence.words))))
    graph.add((node, PROV.wasDerivedFrom, sentence.quote))
    if origins:
        graph.add((node, ATKG.repeatsQuote, _most_common(origins)))
    return len(covered)


def _most_common(origins):
    """The quote most runs come from; of equals, the first by IRI, so the build stays the same."""
    return min(origins, key=lambda quote: (-origins[quote], str(quote)))


def _share(part, whole):
    """part / whole (whole > 0) as an xsd:decimal rounded to three places, written as the store writes it
    (0.99, not 0.990), so the dumps and the store say the same."""
    value = (Decimal(part) / Decimal(whole)).quantize(_PLACES, rounding=ROUND_HALF_EVEN).normalize()
    return Literal(value, datatype=XSD.decimal)
