"""Fixture pairs per shape (tests/shapes/fixtures/valid-*.ttl, invalid-*.ttl): each is validated with the
ontology and tests/shapes/fixtures/context.ttl as the build validates (with their OWL RL inferences, pySHACL
inferring nothing itself), and must give exactly the results its "# expect:" lines list."""

import re
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from atkg.graph.iris import INFERRED_GRAPH_SUFFIX
from atkg.graph.reasoning import owl_rl_inferences
from atkg.ontology import ontology_graph
from atkg.shapes import shapes_graph, validate_dataset
from atkg.shapes.outcome import Finding
from atkg.shapes.validation import validate_focused

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "https://w3id.org/atkg/"
ATKG = "https://w3id.org/atkg/ontology#"
PREFIXES = {
    "atkg": ATKG, "dcterms": "http://purl.org/dc/terms/", "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/", "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
VALID = sorted(FIXTURES.glob("valid-*.ttl"))
INVALID = sorted(FIXTURES.glob("invalid-*.ttl"))


def expected_results(path):
    """The (severity, shape, path, focus, value) tuples a fixture's "# expect:" lines list."""
    results = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:") and line != "# expect: nothing":
            severity, shape, result_path, focus, *value = line.removeprefix("# expect:").split()
            results.add((severity, ATKG + shape, _expand(result_path), _node(focus),
                         _node(value[0].removeprefix("value=")) if value else None))
    return results


def actual_results(path, *, with_values):
    """What validating the fixture (with the context) gives, in the same form."""
    outcome = validated({"context": context(), "fixture": Graph().parse(path)})
    findings = (*outcome.violations, *outcome.warnings, *outcome.infos)
    return {_tuple(finding, with_values) for finding in findings}


@lru_cache(maxsize=1)
def context():
    """tests/shapes/fixtures/context.ttl, parsed once (validation copies it: nothing changes it)."""
    return Graph().parse(FIXTURES / "context.ttl")


def validated(graphs):
    """validate_dataset over `graphs` with the OWL RL inferences from them and the ontology, as `atkg build`
    runs it."""
    inferred = owl_rl_inferences([ontology_graph(), *graphs.values()])
    return validate_dataset({**graphs, BASE + INFERRED_GRAPH_SUFFIX: inferred}, ontology=ontology_graph())


def _tuple(finding: Finding, with_values):
    focus = finding.focus_node if finding.focus_node.startswith("http") else "_:blank"
    value = finding.value if with_values and finding.shape.endswith(SPARQL_SHAPES) else None
    return finding.severity, finding.shape, finding.path, focus, value


SPARQL_SHAPES = ("ReportCoverageShape", "ReportEntryMeasureShape", "HeadingOnlyMeasureEntryShape",
                 "EndedMeasureShape", "EntryResponsibilityShape", "EventDateShape", "SourceDocumentQuoteOrderShape")


def _expand(curie):
    if curie == "-":
        return None
    prefix, local = curie.split(":")
    return PREFIXES[prefix] + local


def _node(relative):
    return relative if relative.startswith("_:") else BASE + relative


def test_fixtures_were_found():
    assert len(VALID) >= 25 and len(INVALID) >= 25


def test_the_context_conforms_by_itself():
    outcome = validated({"context": context()})
    assert (outcome.violations, outcome.warnings, outcome.infos) == ((), (), ())


@pytest.mark.parametrize("path", VALID + INVALID, ids=lambda path: path.stem)
def test_fixture_gives_exactly_its_expected_results(path):
    assert actual_results(path, with_values=True) == expected_results(path)


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_every_invalid_fixture_expects_something(path):
    assert expected_results(path)


def test_every_target_shape_has_a_valid_and_an_invalid_fixture():
    names = {path.stem for path in VALID + INVALID}
    for shape in _targeting_shapes():
        stem = _kebab(str(shape).removeprefix(ATKG).removesuffix("Shape"))
        assert f"valid-{stem}" in names, shape
        assert any(name == f"invalid-{stem}" or name.startswith(f"invalid-{stem}-") for name in names), shape


def test_invalid_fixtures_name_their_shape_or_its_property_shapes():
    graph = shapes_graph()
    for path in INVALID:
        found = {shape for _, shape, *_ in expected_results(path)}
        owners = {str(owner) for shape in found for owner in graph.subjects(SH.property, URIRef(shape))}
        stems = {_kebab(shape.removeprefix(ATKG).removesuffix("Shape")) for shape in found | owners}
        assert any(path.stem.startswith(f"invalid-{stem}") for stem in stems), path.stem


def _kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _targeting_shapes():
    graph = shapes_graph()
    return {shape for target in (SH.targetClass, SH.targetSubjectsOf) for shape in graph.subjects(target, None)}


def test_without_inference_sh_class_catches_the_wrong_link_itself():
    data = context() + ontology_graph()  # a new graph: the cached context stays as read
    data.parse(FIXTURES / "invalid-report-entry-inferred-from-an-event-link.ttl")
    event = URIRef(f"{BASE}report/dmx-2021/entry/4.1.1/event/1")
    outcome = validate_focused(data, focus_nodes={event})
    assert [(f.shape, f.path, f.value) for f in outcome.violations] == [
        (ATKG + "EventShape", ATKG + "reportedIn", f"{BASE}plan/nap-2020-2024/measure/4.1.1")]
