"""The search index: names, titles, notations, inflected forms and texts of the graph's measures, report
entries, agencies, partners and acts, read from the store in two queries and kept per data version.
"""

import bisect
import dataclasses
from collections import defaultdict

from atkg.ontology import PREFIXES, sparql_prologue
from atkg.server.api.search_words import folded, index_words, loose

ATKG, SKOS, DCTERMS, RDFS, ELI = (PREFIXES[name] for name in ("atkg", "skos", "dcterms", "rdfs", "eli"))
# What each property is to search: a name ("label"), an inflected form, or running text.
FIELD_KINDS = {
    SKOS + "prefLabel": "label", SKOS + "altLabel": "label", ATKG + "abbreviation": "label",
    RDFS + "label": "label", DCTERMS + "title": "label", SKOS + "notation": "label", ELI + "number": "label",
    SKOS + "hiddenLabel": "inflected", ATKG + "inflectedForm": "inflected",
    ATKG + "headingTitle": "text", ATKG + "entryText": "text", SKOS + "definition": "text",
    DCTERMS + "description": "text",
}
DISPLAY_ORDER = (SKOS + "prefLabel", DCTERMS + "title", RDFS + "label")  # the label shown, best first
NOTATIONS = (SKOS + "notation", ELI + "number")
PARTNER_CLASSES = ("Country", "InternationalOrganization", "IntergovernmentalProcess")
THINGS_QUERY = sparql_prologue("atkg") + f"""SELECT DISTINCT ?thing ?class WHERE {{
  {{ ?thing a atkg:Measure ; atkg:inPlan ?plan . BIND(atkg:Measure AS ?class) }}
  UNION {{ VALUES ?class {{ atkg:ReportEntry atkg:LegalAct atkg:ExecutingBody {' '.join(
    'atkg:' + name for name in PARTNER_CLASSES)} }} ?thing a ?class }}
}}"""
FIELDS_QUERY = f"""SELECT DISTINCT ?thing ?property ?text (LANG(?text) AS ?lang) WHERE {{
  VALUES ?property {{ {' '.join(f'<{iri}>' for iri in sorted(FIELD_KINDS))} }}
  ?thing ?property ?text .
  FILTER(isLiteral(?text))
}}"""


@dataclasses.dataclass
class Thing:
    """One findable resource: its IRI, kind (measure, entry, agency, partner, act), labels and notation."""

    iri: str
    kind: str
    labels: dict = dataclasses.field(default_factory=dict)
    notation: str | None = None


@dataclasses.dataclass(frozen=True)
class Field:
    """One literal of a thing: whose, what kind (label, inflected, text), as written and folded."""

    thing: int
    kind: str
    text: str
    folded: str


class SearchIndex:
    """Things and their fields, with every indexed word (and its loose form) pointing to the fields that
    hold it."""

    def __init__(self, things, fields):
        self.things, self.fields = things, fields
        self.vocabularies = {False: defaultdict(set), True: defaultdict(set)}  # by looseness
        for number, field in enumerate(fields):
            for word in index_words(field.text):
                self.vocabularies[False][word].add(number)
                self.vocabularies[True][loose(word)].add(number)
        self.words = {looseness: sorted(postings) for looseness, postings in self.vocabularies.items()}

    def fields_with(self, word, *, is_loose=False):
        """The numbers of the fields holding `word` itself (a loose() word if is_loose)."""
        return set(self.vocabularies[is_loose].get(word, ()))

    def fields_starting(self, prefix, *, is_loose=False):
        """The numbers of the fields holding a word that begins with `prefix` (a loose() word if is_loose)."""
        found, words, postings = set(), self.words[is_loose], self.vocabularies[is_loose]
        for word in words[bisect.bisect_left(words, prefix):]:
            if not word.startswith(prefix):
                break
            found |= postings[word]
        return found


def build_index(class_rows, field_rows, *, base):
    """A SearchIndex from the rows of THINGS_QUERY and FIELDS_QUERY (dicts of plain values)."""
    classes = defaultdict(set)
    for row in class_rows:
        if row["thing"].startswith(base):  # owl:sameAs twins at Wikidata carry copies of every name
            classes[row["thing"]].add(row["class"][len(ATKG):])
    things = [Thing(iri, kind_of(iri, classes[iri], base=base)) for iri in sorted(classes)]
    numbers = {thing.iri: number for number, thing in enumerate(things)}
    fields, shown = [], {}
    for row in sorted(field_rows, key=lambda row: (row["thing"], row["property"], row["text"])):
        number = numbers.get(row["thing"])
        if number is None or row.get("lang", "") not in ("", "az", "en"):
            continue
        fields.append(Field(number, FIELD_KINDS[row["property"]], row["text"], folded(row["text"])))
        _note_display(things[number], row, shown)
    return SearchIndex(things, fields)


def kind_of(iri, classes, *, base):
    """The search kind of a resource from its atkg classes; bodies minted under {base}partner/ are foreign
    (the graph has no class for that), the other bodies Azerbaijani agencies."""
    if "Measure" in classes:
        return "measure"
    if "ReportEntry" in classes:
        return "entry"
    if "LegalAct" in classes:
        return "act"
    if classes & set(PARTNER_CLASSES) or iri.startswith(base + "partner/"):
        return "partner"
    return "agency"


def _note_display(thing, row, shown):
    """Keep the best label per language (prefLabel, then title, then rdfs:label) and the notation."""
    if row["property"] in NOTATIONS and thing.notation is None:
        thing.notation = row["text"]
    if row["property"] not in DISPLAY_ORDER or row.get("lang") not in ("az", "en"):
        return
    rank = DISPLAY_ORDER.index(row["property"])
    key = (thing.iri, row["lang"])
    if key not in shown or rank < shown[key]:
        shown[key] = rank
        thing.labels[row["lang"]] = row["text"]
