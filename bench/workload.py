"""The workload: every saved query with its example values, and cross-cutting queries a person exploring
the plan would write.

A saved query goes to atkg as GET /api/queries/NAME?values; Oxigraph gets the very text atkg runs for it,
the values written in as terms (atkg.queries.prepare). The cross-cutting queries name graphs with GRAPH ?g
(the data lives in named graphs), use only vocabulary the build emits, and go to both servers as SPARQL
text.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from atkg.queries import load_queries, prepare

PREFIXES = """PREFIX atkg: <https://w3id.org/atkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
"""

QUERIES = {
    "measures_per_body": """SELECT ?body (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?measure) AS ?measures) WHERE {
  GRAPH ?g { ?measure a atkg:Measure ; atkg:responsibleBody ?body }
  OPTIONAL { GRAPH ?h { ?body skos:prefLabel ?name } }
} GROUP BY ?body ORDER BY DESC(?measures) ?body LIMIT 20""",
    "measures_of_a_section": """SELECT ?notation ?title WHERE {
  GRAPH ?g { ?measure a atkg:Measure ; skos:notation ?notation ; atkg:inSection ?section .
             ?section skos:notation ?sectionNumber .
             OPTIONAL { ?measure dcterms:title ?title } }
  FILTER(STRSTARTS(STR(?sectionNumber), "4"))
} ORDER BY ?notation LIMIT 100""",
    "quotes_about_victims": """SELECT ?quote ?text WHERE {
  GRAPH ?g { ?quote a atkg:SourceQuote ; atkg:quotedText ?text }
  FILTER(CONTAINS(LCASE(STR(?text)), "qurban"))
} ORDER BY ?quote LIMIT 50""",
    "units_and_parents": """SELECT ?unit ?parentName WHERE {
  GRAPH ?g { ?unit org:unitOf ?parent }
  GRAPH ?h { ?parent skos:prefLabel ?parentName }
} ORDER BY ?unit ?parentName LIMIT 100""",
    "class_counts": """SELECT ?class (COUNT(?thing) AS ?count) WHERE { GRAPH ?g { ?thing a ?class } }
GROUP BY ?class ORDER BY DESC(?count) ?class LIMIT 20""",
    "measure_provenance": """SELECT ?notation ?text WHERE {
  GRAPH ?g { ?measure a atkg:Measure ; skos:notation ?notation ; prov:wasDerivedFrom ?quote }
  GRAPH ?h { ?quote atkg:quotedText ?text }
} ORDER BY ?notation LIMIT 50""",
    "bodies_without_measures": """SELECT (COUNT(DISTINCT ?body) AS ?idle) WHERE {
  GRAPH ?g { ?body a atkg:ExecutingBody }
  FILTER NOT EXISTS { GRAPH ?h { ?measure atkg:responsibleBody ?body } }
}""",
    "any_shared_measure": """ASK { GRAPH ?g { ?measure a atkg:Measure ; atkg:responsibleBody ?a , ?b
  FILTER(?a != ?b) } }""",
    "describe_section_4": """CONSTRUCT { ?measure ?p ?o } WHERE {
  GRAPH ?g { ?measure a atkg:Measure ; skos:notation ?n ; ?p ?o FILTER(STRSTARTS(?n, "4.1.")) }
} LIMIT 200""",
}


@dataclass(frozen=True)
class Request:
    """One workload item: SPARQL text for any endpoint, and for a saved query its /api address."""

    name: str
    text: str
    api_path: str | None = None


def workload():
    """The saved queries (by name), then the cross-cutting ones, as Requests in a fixed order."""
    saved = [saved_request(query) for query in load_queries().values()]
    return saved + [Request(name, PREFIXES + text) for name, text in QUERIES.items()]


def saved_request(query):
    """The Request for a saved query run with its example values: the same bound text as atkg's."""
    text = prepare(query, query.example).text
    address = f"/api/queries/{query.name}" + (f"?{urlencode(query.example)}" if query.example else "")
    return Request(f"api:{query.name}", text, address)
