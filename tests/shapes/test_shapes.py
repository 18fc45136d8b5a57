"""The shapes mirror the ontology: a shape per class (or a justified exemption), only terms the ontology
has, names, descriptions and messages in az and en, deliberate severities; and the meta-shape over the
ontology files."""

import re

from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from atkg.ontology import ontology_graph
from atkg.shapes import meta_shapes_graph, shapes_graph
from atkg.shapes.exemptions import EXEMPT_CLASSES
from atkg.shapes.loading import shape_files
from atkg.shapes.outcome import outcome_from_results
from atkg.shapes.prepared import PreparedQueryGraph

ATKG = "https://w3id.org/atkg/ontology#"
CODE = "https://w3id.org/atkg/code/"
SHAPES = shapes_graph()
ONTOLOGY = ontology_graph()
HELPERS = {URIRef(ATKG + name) for name in ("PeriodTypeConceptShape", "OrganisationTypeConceptShape",
                                            "ImplementationStatusConceptShape", "EventTypeConceptShape",
                                            "LegalActTypeConceptShape")}


def ontology_classes():
    return {c for c in ONTOLOGY.subjects(RDF.type, OWL.Class) if str(c).startswith(ATKG)}


def shape_nodes():
    """Every named shape: node shapes and named property shapes."""
    return {s for kind in (SH.NodeShape, SH.PropertyShape) for s in SHAPES.subjects(RDF.type, kind)}


def test_the_shapes_files_are_found():
    names = [path.name for path in shape_files()]
    assert names == ["activities.ttl", "bodies.ttl", "coverage.ttl", "plan.ttl", "provenance.ttl", "reports.ttl"]


def test_every_ontology_class_has_a_shape_or_is_exempt():
    targeted = set(SHAPES.objects(None, SH.targetClass))
    assert len(ontology_classes()) == 26
    assert ontology_classes() - targeted - set(EXEMPT_CLASSES) == set()


def test_exempt_classes_have_no_shape_and_their_superclass_has_one():
    targeted = set(SHAPES.objects(None, SH.targetClass))
    for exempt, reason in EXEMPT_CLASSES.items():
        assert exempt not in targeted and len(reason) > 40
        assert set(ONTOLOGY.objects(exempt, RDFS.subClassOf)) & targeted


def test_shapes_mirror_the_ontology_classes_by_name():
    for cls in ontology_classes() - set(EXEMPT_CLASSES):
        assert (URIRef(f"{cls}Shape"), SH.targetClass, cls) in SHAPES, cls


def test_shapes_name_only_terms_the_ontology_has():
    defined = set(ONTOLOGY.subjects())
    shapes = shape_nodes()
    used = {term for triple in SHAPES for term in triple
            if isinstance(term, URIRef) and str(term).startswith((ATKG, CODE)) and term not in shapes}
    used |= {URIRef(ATKG + name) for text in SHAPES.objects(None, SH.select) for name in re.findall(r"atkg:(\w+)", text)}
    used |= {URIRef(iri) for text in SHAPES.objects(None, SH.select) for iri in re.findall(rf"<({CODE}[^>]+)>", text)}
    assert len(used) > 40
    assert used - defined == set()


def test_a_misspelt_term_would_be_caught():
    shapes = SHAPES + Graph().parse(data=f"<{ATKG}XShape> <{SH.path}> <{ATKG}reportYaer> .", format="turtle")
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(ATKG)}
    assert URIRef(ATKG + "reportYaer") in used - set(ONTOLOGY.subjects()) - shape_nodes()


def test_every_shape_has_a_name_and_a_description_in_az_and_en():
    nodes = shape_nodes() | set(SHAPES.objects(None, SH.property))
    checked = [node for node in nodes if not _in_helper(node)]
    assert len(checked) > 70
    for node in checked:
        for predicate in (SH.name, SH.description):
            assert _languages(node, predicate) == {"az", "en"}, (node, predicate)


def test_every_constraint_has_a_message_in_az_and_en_that_says_where_to_fix_it():
    constrained = [p for p in SHAPES.objects(None, SH.property) if not _in_helper(p)]
    constrained += list(SHAPES.objects(None, SH.sparql))
    constrained += [s for s in SHAPES.subjects(RDF.type, SH.NodeShape)
                    if any((s, c, None) in SHAPES for c in (SH["not"], SH["or"], SH.nodeKind))]
    assert len(constrained) > 70
    for node in constrained:
        messages = {m.language: str(m) for m in SHAPES.objects(node, SH.message)}
        assert set(messages) == {"az", "en"}, node
        assert ":" in messages["en"] and ":" in messages["az"], node  # what is wrong: what to do


def test_severities_are_deliberate():
    explicit = {str(shape).removeprefix(ATKG): str(severity).rsplit("#", 1)[1]
                for shape, severity in SHAPES.subject_objects(SH.severity) if isinstance(shape, URIRef)}
    assert explicit == {
        "ActionPlanShape": "Violation", "PlanSectionShape": "Violation", "GoalShape": "Violation",
        "PrincipleShape": "Violation", "MeasureShape": "Violation", "PlannedMeasureShape": "Violation",
        "ReportCoverageShape": "Violation", "ReportEntryMeasureShape": "Violation",
        "HeadingOnlyMeasureEntryShape": "Warning", "EndedMeasureShape": "Warning", "EventDateShape": "Warning",
        "EntryResponsibilityShape": "Info", "SourceQuoteSpanShape": "Warning",
    }
    inline = {(str(p), str(s)) for shape in SHAPES.subjects(RDF.type, SH.NodeShape)
              for prop in SHAPES.objects(shape, SH.property) for p in SHAPES.objects(prop, SH.path)
              for s in SHAPES.objects(prop, SH.severity)}
    assert inline == {(ATKG + "entryText", str(SH.Warning)), (ATKG + "implementationStatus", str(SH.Warning)),
                      (ATKG + "headingMatchesPlan", str(SH.Info)), (ATKG + "lineStart", str(SH.Warning))}


def meta_validated(graph):
    """(conforms, outcome) of `graph` against the meta-shapes; the SHACL-SPARQL query is parsed once, not once
    per class (336 parses took 35 s)."""
    data = PreparedQueryGraph()
    data += graph
    conforms, results, _ = validate(data, shacl_graph=meta_shapes_graph(), inference="none", advanced=True,
                                    inplace=True)
    return conforms, outcome_from_results(results, meta_shapes_graph())


def test_the_ontology_passes_its_meta_shape():
    conforms, outcome = meta_validated(ONTOLOGY)
    assert (conforms, outcome.violations, outcome.warnings) == (True, (), ())


def test_the_meta_shape_catches_missing_and_wrong_language_tags():
    wrong = Graph().parse(data=f"""
        @prefix owl: <{OWL}> . @prefix rdfs: <{RDFS}> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <{ATKG}Thing> a owl:Class ; rdfs:label "Şey"@az , "Thing"@en ;
          skos:definition "Bir şey."@az , "Bir şey, ingiliscə deyil."@en .
        <{ATKG}Other> a owl:Class ; rdfs:label "Digər"@az-Latn , "Other"@en ;
          skos:definition "Digər şey."@az .
    """, format="turtle")
    _, outcome = meta_validated(wrong)
    found = {(f.focus_node.removeprefix(ATKG), f.shape.removeprefix(ATKG)) for f in outcome.violations}
    assert found == {("Thing", "LanguageTagShape"), ("Other", "LanguageTagShape"),
                     ("Other", "BilingualDefinitionProperty")}


def _in_helper(node):
    owners = set(SHAPES.subjects(SH.property, node)) | {node}
    return bool(owners & HELPERS)


def _languages(node, predicate):
    return {value.language for value in SHAPES.objects(node, predicate) if isinstance(value, Literal)}


def test_shapes_files_declare_only_the_prefixes_they_use_sorted():
    files = shape_files() + [path for path in shape_files()[0].parent.iterdir() if path.name.startswith("meta-")]
    assert len(files) == 7
    for path in files:
        text = path.read_text(encoding="utf-8")
        prefixes = re.findall(r"^@prefix (\w*):", text, re.MULTILINE)
        body = re.sub(r'"""[\s\S]*?"""|"(?:[^"\\]|\\.)*"|^@prefix.*$', '""', text, flags=re.MULTILINE)
        assert prefixes == sorted(prefixes), path.name
        assert [p for p in prefixes if not re.search(rf"(?<![\w<]){p}:", body)] == [], path.name
