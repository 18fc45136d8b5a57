"""Validation of the real built graph, as every build runs it: validate_dataset over the build's graphs and
the graphs derived from them, the OWL RL closure validated as it is. It conforms, with exactly the warnings
and notes the sources really give, each explained, and the same as pySHACL's own RDFS inference gives."""

from collections import Counter

import pytest
from rdflib import Graph

from atkg.graph import iris
from atkg.graph.derive import derive
from atkg.ontology import ATKG
from atkg.shapes import DatasetInvalid, render_findings, validate_build, validate_dataset

BASE = "https://w3id.org/atkg/"


@pytest.fixture(scope="module")
def graphs(source_graphs):
    made = source_graphs
    return made, derive(made, base=BASE).graphs, made[iris.graph_iri("ontology", base=BASE)]


@pytest.fixture(scope="module")
def validated(graphs):
    """validate_build over the build's graphs and the derived ones, as the build runs it: the outcome and
    the lines it echoed."""
    made, derived, ontology = graphs
    echoed = []
    return validate_build({**made, **derived}, ontology=ontology, echo=echoed.append), echoed


@pytest.fixture(scope="module")
def outcome(validated):
    return validated[0]


def findings(outcome):
    return sorted((f.severity, f.shape, f.focus_node, f.value, f.message_en)
                  for f in (*outcome.violations, *outcome.warnings, *outcome.infos))


def test_the_closure_gives_the_findings_pyshacls_rdfs_inference_gives(graphs, outcome):
    made, _, ontology = graphs
    assert findings(outcome) == findings(validate_dataset(made, ontology=ontology)) and len(findings(outcome)) == 25


def kinds(findings):
    return Counter((f.shape.rsplit("#", 1)[1], (f.value or f.focus_node).removeprefix(BASE)) for f in findings)


def test_the_real_graph_has_no_violations(outcome):
    assert render_findings(outcome)[:len(outcome.violations)] == []
    assert outcome.conforms


def test_the_real_graph_gives_exactly_the_expected_warnings(outcome):
    assert kinds(outcome.warnings) == Counter({
        # the plan's table in this copy ends at 4.8.3; the three DMX reports have an entry for 4.8.4
        ("HeadingOnlyMeasureEntryShape", "report/dmx-2020/entry/4.8.4"): 1,
        ("HeadingOnlyMeasureEntryShape", "report/dmx-2021/entry/4.8.4"): 1,
        ("HeadingOnlyMeasureEntryShape", "report/dmx-2022/entry/4.8.4"): 1,
        # two rows of the older programme say nothing the status reader understands
        ("ReportEntryShape", "report/programme-2011-2015/entry/2.1.4.2"): 1,
        ("ReportEntryShape", "report/programme-2011-2015/entry/3.5.2.5"): 1,
    })


def test_a_passage_standing_in_two_places_gives_two_quotes(outcome):
    """Regression: quotes were once named by their text alone, so a repeated passage had several lines."""
    assert not [f for f in outcome.warnings if f.shape.endswith("#SourceQuoteSpanShape")]


def test_the_real_graph_gives_exactly_the_expected_notes(outcome):
    responsibility = {(shape, node) for shape, node in kinds(outcome.infos) if shape == "EntryResponsibilityShape"}
    assert responsibility == {
        # the plan gives 4.4.8 and 4.6.6 to other bodies and "other relevant state bodies", not to DMX by name
        ("EntryResponsibilityShape", f"report/dmx-{year}/entry/{code}") for year in (2020, 2021, 2022)
        for code in ("4.4.8", "4.6.6")
    } | {
        # 4.1.9 goes to the Cabinet and the members of the referral mechanism's commission
        ("EntryResponsibilityShape", "report/dmx-2022/entry/4.1.9"),
    } | {
        # DMX's report on the older programme covers rows whose bodies do not include DMX by abbreviation
        ("EntryResponsibilityShape", f"report/programme-2011-2015/entry/{code}")
        for code in ("4.1.2.1.6", "4.1.2.1.7", "4.1.2.2.2", "4.1.2.5.1")
    }
    headings = sorted(f.focus_node.removeprefix(BASE) for f in outcome.infos if f.shape.endswith("#ReportEntryShape"))
    # the headings spell these titles differently from the plan's table
    # (2022, 4.4.9: "qarşılanması" where the plan has "qarşılınması")
    assert headings == ["report/dmx-2020/entry/4.2.10", "report/dmx-2020/entry/4.2.9", "report/dmx-2020/entry/4.3.5",
                        "report/dmx-2021/entry/4.2.9", "report/dmx-2021/entry/4.3.5", "report/dmx-2022/entry/4.2.10",
                        "report/dmx-2022/entry/4.2.9", "report/dmx-2022/entry/4.3.5", "report/dmx-2022/entry/4.4.9"]
    assert len(outcome.infos) == 20


def test_every_finding_is_explained_in_both_languages(outcome):
    for finding in (*outcome.warnings, *outcome.infos):
        assert ": " in finding.message_en and ": " in finding.message_az
        assert finding.message_en != finding.message_az


def test_validate_build_lists_every_finding_and_returns_the_outcome(validated):
    outcome, echoed = validated
    assert outcome.conforms and len(echoed) == len(outcome.warnings) + len(outcome.infos) == 25
    assert echoed[0].startswith("    warning: HeadingOnlyMeasureEntryShape on <https://w3id.org/atkg/report/dmx-2020>: "
                                "Measure 4.8.4 is not in this copy of the plan's table")


def test_validate_build_stops_on_violations_with_a_message_naming_them(source_graphs):
    graphs = dict(source_graphs)
    ontology = graphs[iris.graph_iri("ontology", base=BASE)]
    plan_iri = iris.graph_iri("source/004_961f872eaa6ca64b", base=BASE)
    plan = graphs[plan_iri] = Graph()
    plan += source_graphs[plan_iri]  # a copy: the session's graphs stay as built
    measure = iris.plan_part_iri("measure", "4.2.1", base=BASE)
    plan.remove((measure, ATKG.responsibleBody, None))
    with pytest.raises(DatasetInvalid) as raised:
        validate_build(graphs, ontology=ontology, echo=lambda line: None)
    assert str(raised.value) == (
        "1 SHACL violation(s) in the built graph:\n  VIOLATION: PlannedMeasureShape on <" + str(measure) + ">: The "
        "measure has no responsible body, or one that is not a known body: check the executing-bodies column of its "
        "row and graph/curated/agencies.yaml.")
    assert isinstance(raised.value, ValueError)
