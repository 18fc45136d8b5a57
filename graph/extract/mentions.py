"""Mentions of curated bodies in report entries: executing bodies, their units, partners, NGOs, countries.

The curated registry (graph/curated/*.yaml) decides what counts as a body; its matcher knows the
Azerbaijani case forms and prefers the longest name, so "Daxili İşlər Nazirliyinin İnsan Alverinə qarşı
Mübarizə Baş İdarəsinə" is the ministry's unit, not the ministry. Run on redacted text (privacy.redact):
the placeholders name no body, so nothing is lost.
"""

from rdflib import Graph, URIRef

from atkg.graph import agencies
from atkg.ontology import ATKG


def entry_mentions(entry_text, *, registry):
    """Every curated body named in the entry text, left to right, with its span and surface form."""
    return agencies.find_mentions(entry_text, registry=registry)


def mentioned_keys(mentions):
    """The keys of the mentioned bodies, each once, sorted."""
    return sorted({mention.key for mention in mentions})


def mentions_graph(entry_iri, mentions, *, base, registry):
    """atkg:mentions links from the entry to each body it names, one per body."""
    graph = Graph()
    entry = URIRef(entry_iri)
    for key in mentioned_keys(mentions):
        graph.add((entry, ATKG.mentions, URIRef(agencies.body_iri(registry[key], base=base))))
    return graph
