"""What a verdict shows besides the findings: the coverage table (the measures the agency executes in
the report's year, covered or not, with the status found) and the source line of each node."""

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import PROV

from atkg.graph.plan import code_key
from atkg.ontology import ATKG, sparql_prologue

_COVERAGE = sparql_prologue("atkg", "dcterms", "skos", "time", "xsd") + """SELECT ?measure ?code ?first ?last ?entry ?status WHERE {
  ?report atkg:reportingAgency ?agency ; atkg:reportYear ?year .
  ?measure atkg:responsibleBody ?agency ; atkg:period ?period ; skos:notation ?code .
  ?period time:hasBeginning/time:inXSDgYear ?first ; time:hasEnd/time:inXSDgYear ?last .
  FILTER (datatype(?year) = xsd:gYear && datatype(?first) = xsd:gYear && datatype(?last) = xsd:gYear)
  FILTER (xsd:integer(str(?first)) <= xsd:integer(str(?year)) && xsd:integer(str(?year)) <= xsd:integer(str(?last)))
  OPTIONAL { ?entry atkg:inReport ?report ; atkg:aboutMeasure ?measure .
             OPTIONAL { ?entry atkg:implementationStatus ?status } }
}"""

@dataclass(frozen=True)
class CoverageRow:
    """One measure the agency executes in the report's year: covered when an entry is about it; status is
    the implementation-status slug read from that entry (None when none was read); line is the entry's
    heading line."""

    code: str
    period: str
    covered: bool
    status: str | None
    line: int | None


def coverage_rows(data, report_iri, *, source):
    """The coverage table of the report, sorted by measure code."""
    rows = {}
    for row in data.query(_COVERAGE, initBindings={"report": URIRef(report_iri)}):
        code = str(row.code)
        if code in rows and rows[code].covered:
            continue
        status = str(row.status).rsplit("/", 1)[1] if row.status is not None else None
        line = node_line(data, row.entry, source=source) if row.entry is not None else None
        rows[code] = CoverageRow(code=code, period=_period(row.first, row.last), covered=row.entry is not None,
                                 status=status, line=line)
    return tuple(sorted(rows.values(), key=lambda row: code_key(row.code)))


def source_lines(data, nodes, *, source):
    """{node IRI: first line of `source` (a source document IRI) its quotes stand on}, for the nodes quoted
    from that source."""
    lines = {str(node): node_line(data, node, source=source) for node in nodes}
    return {node: line for node, line in lines.items() if line is not None}


def node_line(data, node, *, source):
    """The first line of `source` a node was quoted from (a quote's own first line); None when the node
    has no quote from that source."""
    quotes = [node] + list(data.objects(node, PROV.wasDerivedFrom))
    numbers = [int(line) for quote in quotes if (quote, ATKG.sourceDocument, source) in data
               for line in data.objects(quote, ATKG.lineStart) if isinstance(line, Literal)]
    return min(numbers) if numbers else None


def _period(first, last):
    return str(first) if str(first) == str(last) else f"{first}-{last}"
