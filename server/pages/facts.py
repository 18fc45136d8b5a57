"""What a resource page shows: a resource's statements (asserted or only inferred), the labels of every
IRI on the page, the source quotes it was derived from, what points to it, and its schema.org JSON-LD."""

from collections import defaultdict

from atkg.graph.iris import INFERRED_GRAPH_SUFFIX
from atkg.ontology.catalogue import LANGUAGES, gettext_in
from atkg.server.pages.data import PREFIXES, iri_ref, select

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SCHEMA = "https://schema.org/"
SAME_AS = ("http://www.w3.org/2002/07/owl#sameAs", "http://www.w3.org/2004/02/skos/core#exactMatch")
# schema.org types for the project's classes that have none of their own in the data.
SCHEMA_TYPES = {"ActionPlan": "Legislation", "LegalAct": "Legislation", "Measure": "CreativeWork",
                "ReportEntry": "CreativeWork", "GovernmentBody": "GovernmentOrganization",
                "GovernmentUnit": "GovernmentOrganization", "InternationalOrganization": "NGO",
                "NonGovernmentalOrganization": "NGO", "Company": "Corporation", "ExecutingBody": "Organization",
                "SourceQuote": "Quotation", "SourceDocument": "DigitalDocument",
                "StatisticalObservation": "Observation"}


def statements(iri):
    """[(predicate Term, [(object Term, inferred only)])] of the resource, predicates in a fixed order."""
    rows = select(f"SELECT ?p ?o ?g WHERE {{ {{ {iri_ref(iri)} ?p ?o }} "
                  f"OPTIONAL {{ GRAPH ?g {{ {iri_ref(iri)} ?p ?o }} }} }}")
    graphs = defaultdict(set)
    for row in rows:
        graphs[(row["p"], row["o"])].add(row["g"].value if "g" in row else "")
    by_predicate = defaultdict(list)
    for (predicate, value), names in graphs.items():
        inferred = all(name.endswith(INFERRED_GRAPH_SUFFIX) for name in names)
        by_predicate[predicate].append((value, inferred))
    order = sorted(by_predicate, key=lambda p: (p.value != RDF_TYPE, p.value))
    return [(p, sorted(by_predicate[p], key=lambda item: (item[1], item[0].language or "", item[0].value)))
            for p in order]


def incoming(iri, *, limit=200):
    """[(subject Term, predicate Term)] of statements whose object is the resource."""
    rows = select(f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {iri_ref(iri)} FILTER(isIRI(?s)) }} "
                  f"ORDER BY ?p ?s LIMIT {int(limit)}")
    return [(row["s"], row["p"]) for row in rows]


def kinds_and_pairs(subjects):
    """({subject: its class in the project's vocabulary}, {pair of bodies: (first body, second body)}) of
    the subjects "Pointing here" lists: the class groups them, and a pair of bodies (a node with no name
    of its own) is named by its two bodies."""
    wanted = sorted({str(subject) for subject in subjects})
    kinds, pairs = {}, {}
    for start in range(0, len(wanted), 200):
        values = " ".join(iri_ref(iri) for iri in wanted[start:start + 200])
        rows = select(PREFIXES + f"SELECT ?x ?kind ?a ?b WHERE {{ VALUES ?x {{ {values} }} "
                      "OPTIONAL { ?x a ?kind FILTER(STRSTARTS(STR(?kind), STR(atkg:))) } "
                      "OPTIONAL { ?x atkg:firstBody ?a ; atkg:secondBody ?b } } ORDER BY ?x ?kind")
        for row in rows:
            if "kind" in row:
                kinds.setdefault(row["x"].value, row["kind"].value)
            if "a" in row:
                pairs[row["x"].value] = (row["a"].value, row["b"].value)
    return kinds, pairs


ELI = "http://data.europa.eu/eli/ontology#"
# A source quote is named as it is cited: the title of the plan or report it is from, and its lines.
QUOTES = PREFIXES + """SELECT ?x ?title ?start ?end WHERE { VALUES ?x { %s }
  ?x a atkg:SourceQuote ; atkg:sourceDocument/rdfs:label ?title ; atkg:lineStart ?start ; atkg:lineEnd ?end
}"""
# A legal act the reports cite without its title: named by its kind, number and date as the text gives them.
UNTITLED_ACTS = PREFIXES + f"""SELECT ?x ?kind ?number ?date WHERE {{ VALUES ?x {{ %s }}
  ?x <{ELI}type_document>/skos:prefLabel ?kind ; <{ELI}date_document> ?date OPTIONAL {{ ?x <{ELI}number> ?number }}
}}"""


def labels(iris):
    """{iri: {language: label}} from rdfs:label, skos:prefLabel or dcterms:title (in that preference); a
    legal act with none of them is named by its kind, number and date, a source quote by its document's
    title and lines."""
    wanted = sorted({str(iri) for iri in iris if iri})
    found = defaultdict(dict)
    for start in range(0, len(wanted), 200):
        values = " ".join(iri_ref(iri) for iri in wanted[start:start + 200])
        rows = select(PREFIXES + f"SELECT ?x ?l ?rank WHERE {{ VALUES ?x {{ {values} }} "
                      "{ ?x rdfs:label ?l BIND(1 AS ?rank) } UNION { ?x skos:prefLabel ?l BIND(2 AS ?rank) } "
                      "UNION { ?x dcterms:title ?l BIND(3 AS ?rank) } } ORDER BY DESC(?rank) ?l")
        for row in rows:  # the best rank comes last and wins
            found[row["x"].value][row["l"].language or ""] = row["l"].value
    _name_unlabelled([iri for iri in wanted if iri not in found], found)
    return found


def _name_unlabelled(iris, found):
    """Names for the legal acts cited without a title and for the source quotes among `iris`."""
    for start in range(0, len(iris), 200):
        values = " ".join(iri_ref(iri) for iri in iris[start:start + 200])
        for row in select(UNTITLED_ACTS % values):
            number = f" № {row['number'].value}" if "number" in row else ""
            found[row["x"].value][row["kind"].language or ""] = f"{row['kind'].value}{number} ({row['date'].value})"
        for row in select(QUOTES % values):
            language = row["title"].language or ""
            lines = row["start"].value + ("" if row["start"].value == row["end"].value else "–" + row["end"].value)
            word = gettext_in(language)("line") if language in LANGUAGES else "line"
            found[row["x"].value][language] = f"{row['title'].value}, {word} {lines}"


def quotes(iri):
    """[{text, start, end, document, work}] of the source quotes the resource was derived from; work is the
    plan or report the document holds, whose title cites the quote (the file has only its hashed name)."""
    rows = select(PREFIXES + f"SELECT ?q ?text ?start ?end ?doc ?work WHERE {{ {iri_ref(iri)} prov:wasDerivedFrom ?q . "
                  "?q atkg:quotedText ?text OPTIONAL { ?q atkg:lineStart ?start } "
                  "OPTIONAL { ?q atkg:lineEnd ?end } OPTIONAL { ?q atkg:sourceDocument ?doc "
                  "OPTIONAL { ?work atkg:sourceDocument ?doc FILTER NOT EXISTS { ?work a atkg:SourceQuote } } } } "
                  "ORDER BY ?doc ?start ?q")
    return [{"iri": row["q"].value, "text": row["text"].value, "start": _value(row, "start"),
             "end": _value(row, "end"), "document": _value(row, "doc"), "work": _value(row, "work")}
            for row in rows]


def schema_org(iri, facts, names, *, page_url):
    """The resource as schema.org JSON-LD: type, names, sameAs, and its schema.org statements."""
    types = [value.value for predicate, values in facts if predicate.value == RDF_TYPE for value, _ in values]
    own = sorted({t[len(SCHEMA):] for t in types if t.startswith(SCHEMA)})
    mapped = sorted({SCHEMA_TYPES[t.rsplit("#", 1)[-1]] for t in types if t.rsplit("#", 1)[-1] in SCHEMA_TYPES})
    document = {"@context": "https://schema.org/", "@id": iri, "@type": own or mapped[:1] or ["Thing"],
                "url": page_url,
                "name": [{"@value": text, "@language": lang} for lang, text in sorted(names.items()) if lang]}
    same = [value.value for predicate, values in facts if predicate.value in SAME_AS for value, _ in values]
    if same:
        document["sameAs"] = same
    for predicate, values in facts:
        if predicate.value.startswith(SCHEMA):
            document[predicate.value[len(SCHEMA):]] = [_json_ld_value(value) for value, _ in values]
    return document


def _json_ld_value(term):
    if term.is_iri:
        return {"@id": term.value}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    return term.value


def _value(row, name):
    return row[name].value if name in row else None
