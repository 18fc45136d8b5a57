"""The project's curated English translations (graph/curated/plan-en.yaml) as RDF, kept in a named
graph of their own so that nobody mistakes them for the source's words."""

from importlib.resources import files

import yaml
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDFS

from atkg.graph import iris

_KINDS = (("goals", "goal", DCTERMS.description), ("principles", "principle", DCTERMS.description),
          ("sections", "section", DCTERMS.title), ("measures", "measure", DCTERMS.title))


def load_translations():
    """The curated translations, as the YAML file has them."""
    text = (files("atkg.graph") / "curated" / "plan-en.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def translations_graph(translations, *, base, existing, order=None, plan_document=None):
    """English titles for the plan (and the source document holding it), its Order and every part present
    in `existing` (IRIs in the data)."""
    graph = Graph()
    plan = iris.plan_iri(base=base)
    graph.add((plan, DCTERMS.title, Literal(translations["plan"]["title"], lang="en")))
    graph.add((plan, RDFS.label, Literal(translations["plan"]["title"], lang="en")))
    if plan_document is not None:
        graph.add((plan_document, RDFS.label, Literal(translations["plan"]["title"], lang="en")))
    if order is not None:
        graph.add((order, DCTERMS.title, Literal(translations["plan"]["order_title"], lang="en")))
    for key, kind, predicate in _KINDS:
        for code, text in translations[key].items():
            node = iris.plan_part_iri(kind, code, base=base)
            if node in existing:
                graph.add((node, predicate, Literal(text, lang="en")))
    return graph
