"""Cited legal acts as ELI resources, with the approves/amends links the sentences state and the quote
each citation came from.

An act's IRI is iris.act_iri(kind, number, date): an act without a number (an agreement, a code, a law
cited by title) takes as its number a slug of its title (a long title: its first eight words and six hex
digits of the title's SHA-1, since titles often share their first words), and an act without a date
takes "undated", e.g. {base}act/code/undated/miqrasiya-mecellesi. Documents an act approves (rules,
statutes, programmes) are acts of their own kind, named the same way. Approved action plans are left to
the plan's graph, which knows their IRIs.
"""

import hashlib
from dataclasses import dataclass
from importlib.resources import files

import yaml

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from atkg.graph import iris
from atkg.graph.agencies import body_iri, find_mentions
from atkg.graph.extract.act_links import ActRef
from atkg.graph.extract.acts import find_act_citations
from atkg.graph.extract.figures import paragraphs, sentences
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG, ELI

UNDATED = "undated"
_TITLE_WORDS = 8
_NOT_ACTS = ("action-plan",)


@dataclass(frozen=True)
class CitationSource:
    """Where a citation was read: the source stem, the exact sentence, and its lines."""

    stem: str
    quote: str
    line_start: int
    line_end: int


def acts_in_source(text, *, stem, default_year, runs=None):
    """(ActCitation, CitationSource) for every citation in a source file, read sentence by sentence; runs
    as figures_in_source takes them."""
    found = []
    for line_start, line_end, paragraph in runs if runs is not None else paragraphs(text):
        for first, last in sentences(paragraph):
            sentence = paragraph[first:last]
            source = CitationSource(stem, sentence, line_start, line_end)
            found += [(citation, source) for citation in find_act_citations(sentence, default_year=default_year)]
    return found


def act_node(ref, *, base):
    """The IRI of an act or of an ActRef pointing at one."""
    number = ref.number or (_title_slug(ref.title) if ref.title else ref.kind)
    return iris.act_iri(ref.kind, number, ref.date or UNDATED, base=base)


def _title_slug(title):
    words = title.split()
    if len(words) <= _TITLE_WORDS:
        return iris.slug(title)
    digest = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:6]
    return f"{iris.slug(' '.join(words[:_TITLE_WORDS]))}-{digest}"


def acts_graph(citations_with_context, *, base, registry=None):
    """A graph of the cited acts; registry (agencies.load_registry()) resolves issuers to bodies."""
    graph = Graph()
    for citation, source in sorted(citations_with_context, key=lambda pair: (pair[1].stem, pair[1].line_start,
                                                                            pair[0].start)):
        quote = add_quote(graph, base=base, stem=source.stem, text=source.quote, line_start=source.line_start,
                          line_end=source.line_end)
        node = _add_act(graph, citation.ref(), quote, base)
        _add_issuer(graph, node, citation.issuer, registry, base)
        for target in citation.amends:
            graph.add((node, ELI.amends, _add_act(graph, target, quote, base)))
        for target in (t for t in citation.approves if t.kind not in _NOT_ACTS):
            approved = _add_act(graph, target, quote, base)
            graph.add((node, ATKG.approves, approved))
            graph.add((approved, ATKG.approvedBy, node))
    return graph


def load_curated_acts(path=None):
    """The records of graph/curated/acts.yaml: hand-checked facts about acts, each with its quote."""
    source = path or files("atkg.graph") / "curated" / "acts.yaml"
    return yaml.safe_load(source.read_text(encoding="utf-8"))["acts"]


def curated_acts_graph(records, *, base):
    """The curated facts (so far: entry into force) about the acts they name, with their quotes."""
    graph = Graph()
    for record in records:
        quote = add_quote(graph, base=base, stem=record["stem"], text=record["quote"],
                          line_start=record["line_start"], line_end=record["line_end"])
        node = _add_act(graph, ActRef(**record["act"]), quote, base)
        if "entry_into_force" in record:
            in_force = Literal(record["entry_into_force"], datatype=XSD.date)
            graph.add((node, ELI.first_date_entry_in_force, in_force))
    return graph


def _add_act(graph, ref, quote, base):
    node = act_node(ref, base=base)
    graph.add((node, RDF.type, ATKG.LegalAct))
    graph.add((node, ELI.type_document, iris.concept("legal-act-type", ref.kind)))
    if ref.number:
        graph.add((node, ELI.number, Literal(ref.number)))
    if ref.date:
        graph.add((node, ELI.date_document, Literal(ref.date, datatype=XSD.date)))
    if ref.title:
        graph.add((node, DCTERMS.title, Literal(ref.title, lang="az")))
    derive(graph, node, quote)
    return node


def _add_issuer(graph, node, issuer, registry, base):
    """eli:passed_by when the issuer is a known agency; the issuer as written in a note either way."""
    if not issuer:
        return
    graph.add((node, SKOS.note, Literal(f"Qəbul edən (mətndə yazıldığı kimi): {issuer}", lang="az")))
    body = _issuer_body(issuer, registry)
    if body is not None:
        graph.add((node, ELI.passed_by, body_iri(body, base=base)))


def _issuer_body(issuer, registry):
    if registry is None:
        return None
    if "Prezident" in issuer and "president" in registry:
        return registry["president"]
    agencies = [m.key for m in find_mentions(issuer, registry=registry) if registry[m.key].group == "agency"]
    return registry[agencies[0]] if agencies else None
