"""What the pages read from the graph: SELECTs through the app's engine (the same workers, time limit
and cache as /sparql), answered as rows of terms that keep their kind, language and datatype."""

import json
from dataclasses import dataclass

import pyoxigraph as ox
from flask import current_app

from atkg.graph.iris import INFERRED_GRAPH_SUFFIX
from atkg.ontology import sparql_prologue
from atkg.server.engine.service import get_engine

PREFIXES = sparql_prologue("atkg", "dcterms", "prov", "rdfs", "schema", "skos", "time", "xsd")
JSON_FORMATS = {"tabular": "json", "boolean": "json", "graph": None}
# Asserted statements only: the OWL RL graph adds owl:sameAs twins (a partner and its Wikidata item).
ASSERTED = f'FILTER(!STRENDS(STR(?g), "/{INFERRED_GRAPH_SUFFIX}"))'
COUNTS = PREFIXES + """SELECT ?what (COUNT(DISTINCT ?thing) AS ?n) WHERE { GRAPH ?g {
  { ?thing a atkg:Measure . BIND("measures" AS ?what) }
  UNION { ?thing a atkg:Report . BIND("reports" AS ?what) }
  UNION { ?thing a atkg:ReportEntry . BIND("entries" AS ?what) }
  UNION { ?thing a atkg:Event . BIND("events" AS ?what) }
  UNION { ?thing a atkg:LegalAct . BIND("legal_acts" AS ?what) }
  UNION { ?event atkg:partner ?thing . BIND("partners" AS ?what) }
  UNION { ?thing a atkg:StatisticalObservation . BIND("figures" AS ?what) }
} """ + ASSERTED + """ } GROUP BY ?what"""
COUNTED = ("measures", "reports", "entries", "events", "legal_acts", "partners", "figures")


@dataclass(frozen=True)
class Term:
    """One RDF term of an answer: kind is "uri", "literal" or "bnode"."""

    kind: str
    value: str
    language: str | None = None
    datatype: str | None = None

    @property
    def is_iri(self):
        """True for an IRI."""
        return self.kind == "uri"

    def __str__(self):
        return self.value


def select(text):
    """The rows of a SELECT over the union of all graphs, as dicts of Terms (unbound names left out)."""
    engine = get_engine()
    _, body, _, _ = engine.query(text, default_graph=None, named_graphs=None, formats=JSON_FORMATS,
                                 max_rows=10**6, union=bool(current_app.config["UNION_DEFAULT_GRAPH"]))
    return [{name: _term(cell) for name, cell in row.items()} for row in json.loads(body)["results"]["bindings"]]


def construct(text, fmt):
    """The body of a CONSTRUCT in one of the endpoint's graph formats (turtle, jsonld, ...)."""
    engine = get_engine()
    _, body, _, _ = engine.query(text, default_graph=None, named_graphs=None, max_rows=10**6,
                                 formats={"tabular": None, "boolean": None, "graph": fmt},
                                 union=bool(current_app.config["UNION_DEFAULT_GRAPH"]))
    return body


def graph_counts():
    """How many measures, reports, entries, events, legal acts, partners and figures the graph holds."""
    found = {row["what"].value: int(row["n"].value) for row in select(COUNTS)}
    return {name: found.get(name, 0) for name in COUNTED}


def base_iri():
    """The base IRI instances are minted under (ends with "/")."""
    return current_app.config["BASE_IRI"]


def iri_ref(iri):
    """An IRI written for a query by pyoxigraph; ValueError for text that is not an IRI (control
    characters, brackets, spaces and whatever else could break out of the <...>)."""
    return str(ox.NamedNode(iri))


def _term(cell):
    kind = "uri" if cell["type"] == "uri" else "bnode" if cell["type"] == "bnode" else "literal"
    return Term(kind=kind, value=cell["value"], language=cell.get("xml:lang"), datatype=cell.get("datatype"))
