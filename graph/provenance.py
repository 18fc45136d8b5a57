"""Provenance: every fact points to the exact quote of the source document it came from."""

import re

from rdflib import Literal
from rdflib.namespace import PROV, RDF, XSD

from atkg.graph import iris
from atkg.ontology import ATKG


def add_quote(graph, *, base, stem, text, line_start, line_end):
    """Add a SourceQuote for `text` (lines line_start..line_end of source `stem`) and return its IRI."""
    quote = iris.quote_iri(stem, text, line_start, line_end, base=base)
    graph.add((quote, RDF.type, ATKG.SourceQuote))
    graph.add((quote, ATKG.quotedText, Literal(text, lang="az")))
    graph.add((quote, ATKG.lineStart, Literal(line_start, datatype=XSD.positiveInteger)))
    graph.add((quote, ATKG.lineEnd, Literal(line_end, datatype=XSD.positiveInteger)))
    graph.add((quote, PROV.wasQuotedFrom, iris.source_iri(stem, base=base)))
    graph.add((quote, ATKG.sourceDocument, iris.source_iri(stem, base=base)))
    return quote


def derive(graph, node, quote):
    """Say that `node` (and the facts stated about it) was derived from `quote`."""
    graph.add((node, PROV.wasDerivedFrom, quote))


_HARD_BREAK = re.compile(r"[ \t]*(?<!\n)\n(?![ \t]*\n)[ \t]*")


def hard_breaks_joined(text):
    """The text with hard line breaks (a single newline inside a paragraph) joined by a space."""
    return _HARD_BREAK.sub(" ", text)


def quotable_forms(text, *, stem):
    """The forms of a source a quote may be taken from: the text as it is (table rows, lines); hard line
    breaks joined by a space (sentences broken by PDF extraction); and the report parser's re-joined form
    (paragraphs re-flowed, mark-up and page debris gone). Every quote is an exact substring of one of them."""
    from atkg.graph.reports import rejoined  # the report parser depends on this module

    return (text, hard_breaks_joined(text), rejoined(text, stem=stem))
