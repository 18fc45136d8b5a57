"""Realistic cross-cutting queries over the graph, as a person exploring the plan would ask them.

They name graphs with GRAPH ?g (the data lives in named graphs) and use only vocabulary the build emits.
"""

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
    "any_shared_measure": """ASK { GRAPH ?g { ?measure a atkg:Measure ; atkg:responsibleBody ?a , ?b FILTER(?a != ?b) } }""",
    "describe_section_4": """CONSTRUCT { ?measure ?p ?o } WHERE {
  GRAPH ?g { ?measure a atkg:Measure ; skos:notation ?n ; ?p ?o FILTER(STRSTARTS(?n, "4.1.")) }
} LIMIT 200""",
}


def workload():
    """(name, full query text) pairs in a fixed order."""
    return [(name, PREFIXES + text) for name, text in QUERIES.items()]
