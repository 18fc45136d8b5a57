"""Result formats: choosing one from the Accept header (with werkzeug), and writing graphs in each.

SPARQL results are written by Oxigraph itself (atkg.server.engine.answers). Runs inside the query workers
too, so it imports nothing from Flask.
"""

import functools

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

# Media type -> (format name, Content-Type sent back). The first of each list is the default.
TABULAR = {
    "application/sparql-results+json": ("json", "application/sparql-results+json"),
    "application/json": ("json", "application/sparql-results+json"),
    "application/sparql-results+xml": ("xml", "application/sparql-results+xml"),
    "application/xml": ("xml", "application/sparql-results+xml"),
    "text/xml": ("xml", "application/sparql-results+xml"),
    "text/csv": ("csv", "text/csv; charset=utf-8"),
    "text/tab-separated-values": ("tsv", "text/tab-separated-values; charset=utf-8"),
}
BOOLEAN = {key: value for key, value in TABULAR.items() if value[0] in ("json", "xml")}
GRAPH = {
    "text/turtle": ("turtle", "text/turtle; charset=utf-8"),
    "application/n-triples": ("ntriples", "application/n-triples"),
    "application/ld+json": ("jsonld", "application/ld+json"),
    "application/rdf+xml": ("rdfxml", "application/rdf+xml"),
    "text/plain": ("ntriples", "application/n-triples"),
}
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}


def negotiate(header, offers):
    """The (format, content type) of `offers` that the Accept header likes best, or None when none fits.

    An absent or empty header accepts anything. Matching is werkzeug's: the highest quality wins, then the
    more specific media range, then the offer listed first.
    """
    best = _best_match(header or "*/*", tuple(offers))
    return offers[best] if best else None


@functools.lru_cache(maxsize=512)
def _best_match(header, offers):
    """werkzeug's choice, kept: it takes about 80 us, and clients send the same few headers again and again."""
    # werkzeug matches parameters exactly; text/csv;charset=utf-8 must still mean text/csv
    accepted = MIMEAccept([(media.partition(";")[0].strip(), quality)
                           for media, quality in parse_accept_header(header)])
    return accepted.best_match(offers)


def write_triples(triples, fmt, *, prefixes=None):
    """CONSTRUCT / DESCRIBE results as bytes in turtle, ntriples, jsonld or rdfxml."""
    rdf_format = RDF_FORMATS[fmt]
    if fmt == "turtle" and prefixes:
        return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
    return ox.serialize(triples, format=rdf_format) or b""
