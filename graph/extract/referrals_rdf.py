"""RDF for referrals of possible victims (referrals.py): atkg:Referral with its date, the body it went to,
how many persons, their nationality, the forms of exploitation named, the entry and the quote."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from atkg.graph import iris
from atkg.graph.agencies import body_iri
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG

# The forms referrals.py names, in the graph's two languages.
FORMS = {"sexual exploitation": "cinsi istismar", "labour exploitation": "əmək istismarı", "deception": "aldatma",
         "travel documents withheld": "sərhədkeçmə sənədlərinin saxlanılması"}


def referrals_graph(findings, *, base, entry_iri, stem, registry):
    """The referrals of one entry, numbered in text order."""
    graph = Graph()
    for number, finding in enumerate(findings, start=1):
        node = iris.referral_iri(entry_iri, number)
        graph.add((node, RDF.type, ATKG.Referral))
        graph.add((node, ATKG.reportedIn, URIRef(entry_iri)))
        if finding.date:
            graph.add((node, DCTERMS.date, Literal(finding.date, datatype=XSD.date)))
        if finding.to:
            graph.add((node, ATKG.referredTo, URIRef(body_iri(registry[finding.to], base=base))))
        if finding.count is not None:
            graph.add((node, ATKG.referredPersons, Literal(finding.count, datatype=XSD.nonNegativeInteger)))
        for key in finding.nationalities:
            graph.add((node, ATKG.referredNationality, URIRef(body_iri(registry[key], base=base))))
        for form in finding.forms:
            graph.add((node, ATKG.exploitationForm, Literal(form, lang="en")))
            graph.add((node, ATKG.exploitationForm, Literal(FORMS[form], lang="az")))
        quote = add_quote(graph, base=base, stem=stem, text=finding.quote, line_start=finding.line_start,
                          line_end=finding.line_end)
        derive(graph, node, quote)
    return graph
