"""Every IRI the pipeline mints, in one place, so the same source always gives the same IRIs.

Each function takes the base IRI (configurable, default https://w3id.org/atkg/) as a keyword argument.
Codes keep their dots (measure/4.2.1); other parts are lower-case slugs.
"""

import hashlib
import re

from rdflib import URIRef

from atkg.graph.text import az_lower

DEFAULT_BASE = "https://w3id.org/atkg/"
PLAN_SLUG = "nap-2020-2024"
CODE_BASE = "https://w3id.org/atkg/code/"
# The figures' Data Cube dataset is declared with its structure in ontology/indicators.ttl: vocabulary,
# like the code lists, so its IRI does not follow the instance base.
FIGURES_DATASET = URIRef("https://w3id.org/atkg/dataset/figures")
# The named graph of OWL RL's conclusions, kept apart from what the sources say, and how its IRI ends.
INFERRED_GRAPH = "inferred"
INFERRED_GRAPH_SUFFIX = f"graph/{INFERRED_GRAPH}"
# The graphs worked out from the others (graph/derive.py): the pairs of bodies sharing measures, the text each
# entry repeats from the year before, and OWL RL's conclusions.
SHARED_RESPONSIBILITY_GRAPH = "derived/shared-responsibility"
TEXT_REUSE_GRAPH = "derived/text-reuse"
DERIVED_GRAPH_SUFFIXES = (f"graph/{SHARED_RESPONSIBILITY_GRAPH}", f"graph/{TEXT_REUSE_GRAPH}", INFERRED_GRAPH_SUFFIX)
_ASCII = str.maketrans({"ə": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"})


def slug(text):
    """A lower-case ASCII slug: letters and digits joined by single hyphens."""
    ascii_text = az_lower(text).translate(_ASCII)
    return re.sub(r"[^a-z0-9.]+", "-", ascii_text).strip("-")


def referral_iri(entry_iri, number):
    """The number-th referral an entry reports, e.g. {base}report/dmx-2022/entry/4.3.5/referral/1."""
    return URIRef(f"{entry_iri}/referral/{number}")


def concept_scheme(scheme):
    """A code list, e.g. concept_scheme("indicator")."""
    return URIRef(f"{CODE_BASE}{scheme}")


def concept(scheme, name):
    """A code-list concept, e.g. concept("implementation-status", "ongoing")."""
    return URIRef(f"{CODE_BASE}{scheme}/{name}")


def plan_iri(*, base, plan=PLAN_SLUG):
    """The action plan, e.g. {base}plan/nap-2020-2024."""
    return URIRef(f"{base}plan/{plan}")


def plan_part_iri(kind, code, *, base, plan=PLAN_SLUG):
    """A part of a plan: kind is measure, section, goal or principle; code like 4.2.1."""
    return URIRef(f"{base}plan/{plan}/{kind}/{code}")


def period_iri(first_year, last_year, *, base):
    """A span of whole years, e.g. {base}period/2020-2022."""
    return URIRef(f"{base}period/{first_year}-{last_year}")


def year_iri(year, *, base):
    """One calendar year as an instant-bounded interval, e.g. {base}period/2021."""
    return URIRef(f"{base}period/{year}")


def act_iri(kind, number, date, *, base):
    """A legal act by kind slug, number and ISO date: {base}act/{kind}/{date}/{number}."""
    return URIRef(f"{base}act/{kind}/{date}/{slug(number)}")


def source_iri(stem, *, base):
    """A source document, by its file name without extension."""
    return URIRef(f"{base}source/{stem}")


def source_stem(text, *, number):
    """The file name (without extension) of a source document added to the sources: its number among them
    and a hash of its text as received, e.g. 005_9f86d081884c7d65. Never the name of the file it came
    from, which may hold anything (spaces, quotes, ">"), while the stem goes into IRIs."""
    return f"{number:03d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def quote_iri(stem, text, line_start, line_end, *, base):
    """A quote from a source: named by its lines and a hash of its text, so it is stable across builds and
    a passage that stands in two places gives two quotes."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{base}source/{stem}/quote/L{line_start}-{line_end}-{digest}")


def report_iri(agency_key, year, *, base):
    """A yearly report, e.g. {base}report/dmx-2021."""
    return URIRef(f"{base}report/{agency_key}-{year}")


def named_report_iri(name, *, base):
    """A report known by a name rather than an agency and a year, e.g. {base}report/programme-2011-2015."""
    return URIRef(f"{base}report/{name}")


def body_iri(group, key, *, base):
    """A body: {base}agency/{key}, {base}partner/{key} or {base}country/{iso2 in lower case}."""
    return URIRef(f"{base}{group}/{key}")


def found_organisation_key(name):
    """The registry key of an NGO a report names that no curated file holds: "ngo-" and the slug of its
    name without quotes, so every report naming it gives the same IRI, {base}partner/ngo-...."""
    return "ngo-" + slug(re.sub(r"[\"“”«»]", "", name))


def change_iri(before_key, after_key, *, base):
    """A body's renaming, e.g. {base}change/education-to-science-education."""
    return URIRef(f"{base}change/{before_key}-to-{after_key}")


def figure_iri(stem, indicator, period_label, *, base, part=None):
    """A statistical observation: one figure per source, indicator and period; `part` (the measure it is
    reported under) tells apart two figures of one indicator and period in the same source."""
    return URIRef(f"{base}figure/{stem}/{indicator}/{period_label}" + (f"/{part}" if part else ""))


def shared_responsibility_iri(name, *, base):
    """A pair of bodies named on the same measures, e.g. {base}shared-responsibility/agency-dim--agency-dmx."""
    return URIRef(f"{base}shared-responsibility/{name}")


def query_iri(name, *, base):
    """A saved query, published as a SHACL SPARQL executable: {base}query/{name}."""
    return URIRef(f"{base}query/{name}")


def entry_iri(report, code):
    """The entry of a report about one measure: {report}/entry/{code}."""
    return URIRef(f"{report}/entry/{code}")


def sentence_iri(entry, number):
    """The `number`th sentence (from 1) of an entry's text: {entry}/sentence/{number}."""
    return URIRef(f"{entry}/sentence/{number}")


def is_derived(graph_name):
    """True for a graph worked out from the others (the pairs, the text reuse, OWL RL's conclusions)."""
    return str(graph_name).endswith(DERIVED_GRAPH_SUFFIXES)


def graph_iri(name, *, base):
    """A named graph of the dataset, e.g. {base}graph/ontology."""
    return URIRef(f"{base}graph/{name}")


def staging_iri(ingest, *, base):
    """The root of what one ingest into a remote store writes before it switches it into place:
    {base}staging/{ingest}/, outside graph/, so that nothing reads a staged graph as one of the dataset's."""
    return URIRef(f"{base}staging/{ingest}/")


def staged_graph_iri(number, *, root):
    """The `number`th graph an ingest stages under its `root`: {root}graph/{number}."""
    return URIRef(f"{root}graph/{number}")


def staging_state_iri(root):
    """The graph, the subject and the predicate that say how an ingest's switch stands: {root}state."""
    return URIRef(f"{root}state")


def staging_state_value(root, state):
    """The value of an ingest's state: {root}state/{state} (pending or switched)."""
    return URIRef(f"{root}state/{state}")


def staged_term_prefix(root):
    """What an IRI of a staged triple is prefixed with, so that staged triples share no IRI with the graph:
    {root}term/ followed by the IRI itself."""
    return f"{root}term/"
