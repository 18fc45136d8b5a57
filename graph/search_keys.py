"""Search keys: each thing's names, titles and labels folded to lower case the Azerbaijani way, in one
literal per thing, so that queries/search.rq tests one string per thing before it folds any name.

Without them search folds every name in the graph on every request (1,769 of them in the 2020-2024 build;
folding them was most of its time). A key only narrows which things search reads the names of: search
still tests each name itself, so a key that held too much would cost time, never a wrong answer.

The folding is the store's own SPARQL (the expression search.rq folds the term with), so that a term found
in a folded name is always found in its thing's key. Worked out by the build after OWL RL, which turns the
inflected forms and abbreviations into skos:hiddenLabel and skos:altLabel, and again after each ingest.
"""

from rdflib import Graph, Literal, URIRef

from atkg.graph import iris
from atkg.graph.store import EmbeddedStore
from atkg.ontology import ATKG, sparql_prologue

# A term with a line break may match across two names of a key; search's test of each name drops it then.
SEPARATOR = "\n"
# The names search.rq reads, of every thing with an IRI but the Wikidata twins OWL RL gives our bodies (the
# same body again): search leaves them out by their having no key.
FOLDED_NAMES = sparql_prologue("dcterms", "skos") + """SELECT DISTINCT ?thing ?folded WHERE {
  GRAPH ?g {
    { ?thing skos:prefLabel ?name } UNION { ?thing skos:altLabel ?name }
    UNION { ?thing skos:hiddenLabel ?name } UNION { ?thing dcterms:title ?name }
  }
  FILTER(isIRI(?thing) && !STRSTARTS(STR(?thing), "http://www.wikidata.org/"))
  BIND(LCASE(REPLACE(REPLACE(STR(?name), "İ", "i"), "I", "ı")) AS ?folded)
}"""


def graph_iri(*, base):
    """The named graph holding the keys."""
    return iris.graph_iri(iris.SEARCH_KEYS_GRAPH, base=base)


def search_keys_in_store(store):
    """An rdflib Graph with one atkg:searchKey per named thing of a store (embedded or remote): its folded
    names, sorted, one per line."""
    names = {}
    for row in store.query(FOLDED_NAMES):
        names.setdefault(row["thing"].value, set()).add(row["folded"].value)
    graph = Graph()
    for thing, folded in sorted(names.items()):
        graph.add((URIRef(thing), ATKG.searchKey, Literal(SEPARATOR.join(sorted(folded)))))
    return graph


def search_keys_in_quads(quads):
    """The search keys of a dataset given as pyoxigraph quads, folded by an in-memory Oxigraph store."""
    store = EmbeddedStore()
    store.load_quads(quads)
    return search_keys_in_store(store)
