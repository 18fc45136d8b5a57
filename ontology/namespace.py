"""The atkg vocabulary as a closed rdflib namespace.

A misspelt term raises AttributeError instead of minting a new IRI. tests/ontology/test_ontology.py keeps this
list and ontology/atkg.ttl in step: every term here is declared there, and every term declared there is here.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

# The prefixes of the project, as people know them from the queries: for SPARQL texts (sparql_prologue),
# Turtle dumps and short names on the pages. The one table of them.
PREFIXES = {
    "atkg": "https://w3id.org/atkg/ontology#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "formats": "http://www.w3.org/ns/formats/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "void": "http://rdfs.org/ns/void#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def sparql_prologue(*names):
    """PREFIX lines for the named prefixes (every one when none is named), one per line."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in (names or sorted(PREFIXES)))


class ATKG(DefinedNamespace):
    """Classes and properties of https://w3id.org/atkg/ontology#."""

    _fail = True
    _NS = Namespace("https://w3id.org/atkg/ontology#")

    # Classes: the plan and its parts
    ActionPlan: URIRef
    PlanSection: URIRef
    Goal: URIRef
    Principle: URIRef
    Measure: URIRef
    # Classes: executing bodies and their kinds
    ExecutingBody: URIRef
    GovernmentBody: URIRef
    GovernmentUnit: URIRef
    NonGovernmentalOrganization: URIRef
    InternationalOrganization: URIRef
    IntergovernmentalProcess: URIRef
    Company: URIRef
    CollectiveBody: URIRef
    Country: URIRef
    SharedResponsibility: URIRef
    # Classes: acts, events, reports, figures, provenance
    LegalAct: URIRef
    Event: URIRef
    Report: URIRef
    ReportEntry: URIRef
    EntrySentence: URIRef
    StatisticalObservation: URIRef
    ProposedIndicator: URIRef
    Referral: URIRef
    SourceDocument: URIRef
    SourceQuote: URIRef
    PrivatePersonReference: URIRef

    # Plan structure
    hasSection: URIRef
    hasGoal: URIRef
    hasPrinciple: URIRef
    hasMeasure: URIRef
    inSection: URIRef
    inPlan: URIRef
    approvedBy: URIRef
    predecessor: URIRef
    # Measures
    responsibleBody: URIRef
    involvedBody: URIRef
    period: URIRef
    periodType: URIRef
    # Shared responsibilities (derived by the build)
    firstBody: URIRef
    secondBody: URIRef
    sharedMeasureCount: URIRef
    sharedMeasureNumbers: URIRef
    # Text reuse (derived by the build)
    previousEntry: URIRef
    repeatedShare: URIRef
    hasSentence: URIRef
    sentenceNumber: URIRef
    sentenceText: URIRef
    newSinceLastYear: URIRef
    repeatsQuote: URIRef
    # Executing bodies
    organisationType: URIRef
    abbreviation: URIRef
    inflectedForm: URIRef
    # Legal acts
    approves: URIRef
    registerNumber: URIRef
    publishedIn: URIRef
    # Reports and entries
    reportingAgency: URIRef
    reportYear: URIRef
    reportsOn: URIRef
    hasEntry: URIRef
    inReport: URIRef
    aboutMeasure: URIRef
    headingTitle: URIRef
    headingMatchesPlan: URIRef
    entryText: URIRef
    crossReference: URIRef
    implementationStatus: URIRef
    statusEvidence: URIRef
    covidAffected: URIRef
    mentions: URIRef
    # Events
    eventType: URIRef
    partner: URIRef
    participantCount: URIRef
    referredTo: URIRef
    referredPersons: URIRef
    referredNationality: URIRef
    exploitationForm: URIRef
    implementsMeasure: URIRef
    reportedIn: URIRef
    # Statistical observations (Data Cube components)
    indicator: URIRef
    refPeriod: URIRef
    refAgency: URIRef
    refMeasure: URIRef
    observedValue: URIRef
    unit: URIRef
    # Provenance
    sourceDocument: URIRef
    quotedText: URIRef
    lineStart: URIRef
    lineEnd: URIRef
    # Privacy
    personRole: URIRef
    nationality: URIRef
    personCount: URIRef


# ELI is the one standard vocabulary the graph uses that rdflib.namespace does not ship.
ELI = Namespace("http://data.europa.eu/eli/ontology#")
