"""Result formats: choosing one from the Accept header (with werkzeug), and writing SPARQL results in each.

Runs inside the query workers too, so it imports nothing from Flask.
"""

import csv
import functools
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

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


def term_json(term):
    """A term in the SPARQL 1.1 JSON results form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def write_solutions(variables, rows, fmt):
    """SELECT results (variable names, rows of terms or None) as bytes in format json/xml/csv/tsv."""
    return {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt](variables, rows)


def write_boolean(value, fmt):
    """ASK results as bytes in json or xml."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}).encode()
    return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()


def write_triples(triples, fmt, *, prefixes=None):
    """CONSTRUCT / DESCRIBE results as bytes in turtle, ntriples, jsonld or rdfxml."""
    rdf_format = RDF_FORMATS[fmt]
    if fmt == "turtle" and prefixes:
        return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
    return ox.serialize(triples, format=rdf_format) or b""


def _json(variables, rows):
    bindings = [{name: term_json(term) for name, term in zip(variables, row) if term is not None}
                for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode()


def _xml(variables, rows):
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(name)}/>" for name in variables]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                for name, term in zip(variables, row) if term is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _xml_term(term):
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = zip(("subject", "predicate", "object"), (term.subject, term.predicate, term.object))
        return "<triple>" + "".join(f"<{n}>{_xml_term(t)}</{n}>" for n, t in parts) + "</triple>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _csv(variables, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if term is None else _plain(term) for term in row])
    return buffer.getvalue().encode()


def _plain(term):
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _tsv(variables, rows):
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()
