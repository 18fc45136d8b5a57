"""The plan's records as RDF: the Order approving it, the plan, its goals, principles, sections, measures
and their executing bodies. Every node is derived from the quoted line of the source it came from."""

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from atkg.graph import iris
from atkg.graph.agencies import body_iri, parse_executing_bodies
from atkg.graph.periods import add_year_span
from atkg.graph.plan_acts import add_order, add_predecessor
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG

PLAN_YEARS = (2020, 2024)
_PARTS = {  # kind -> (class, Azerbaijani label, English label)
    "goal": (ATKG.Goal, "Məqsəd", "Goal"),
    "principle": (ATKG.Principle, "Prinsip", "Principle"),
    "section": (ATKG.PlanSection, "Bölmə", "Section"),
    "measure": (ATKG.Measure, "Tədbir", "Measure"),
}


def plan_graph(plan, *, base, registry):
    """All triples stated by the plan's source document."""
    graph = Graph()
    plan_node = iris.plan_iri(base=base)
    _add_plan(graph, plan, plan_node, base=base)
    add_order(graph, plan, plan_node, base=base, registry=registry)
    add_predecessor(graph, plan, plan_node, base=base)
    for kind, clauses, link in (("goal", plan.goals, ATKG.hasGoal), ("principle", plan.principles, ATKG.hasPrinciple)):
        for clause in clauses:
            node = _add_part(graph, plan, plan_node, kind, clause.code, clause.line, base=base)
            graph.add((plan_node, link, node))
            graph.add((node, DCTERMS.description, Literal(clause.text, lang="az")))
    for section in plan.sections:
        node = _add_part(graph, plan, plan_node, "section", section.code, section.line, base=base)
        graph.add((plan_node, ATKG.hasSection, node))
        graph.add((node, DCTERMS.title, Literal(section.title, lang="az")))
    for measure in plan.measures:
        _add_measure(graph, plan, plan_node, measure, base=base, registry=registry)
    return graph


def _add_plan(graph, plan, plan_node, *, base):
    title, line = plan.metadata["ADI"]
    name = title.strip("“”\"").removesuffix("”nın təsdiq edilməsi haqqında").strip("“”\"")
    graph.add((plan_node, RDF.type, ATKG.ActionPlan))
    graph.add((plan_node, RDFS.label, Literal(name, lang="az")))
    graph.add((plan_node, DCTERMS.title, Literal(name, lang="az")))
    graph.add((plan_node, ATKG.period, add_year_span(graph, *PLAN_YEARS, base=base)))
    graph.add((plan_node, ATKG.sourceDocument, iris.source_iri(plan.stem, base=base)))
    derive(graph, plan_node, _quote_line(graph, plan, line, base=base))


def _add_part(graph, plan, plan_node, kind, code, line, *, base):
    node = iris.plan_part_iri(kind, code, base=base)
    cls, label_az, label_en = _PARTS[kind]
    graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, Literal(f"{label_az} {code}", lang="az")))
    graph.add((node, RDFS.label, Literal(f"{label_en} {code}", lang="en")))
    graph.add((node, SKOS.notation, Literal(code)))
    graph.add((node, ATKG.inPlan, plan_node))
    derive(graph, node, _quote_line(graph, plan, line, base=base))
    return node


def _add_measure(graph, plan, plan_node, measure, *, base, registry):
    node = _add_part(graph, plan, plan_node, "measure", measure.code, measure.line, base=base)
    section = iris.plan_part_iri("section", measure.section, base=base)
    graph.add((plan_node, ATKG.hasMeasure, node))
    graph.add((node, ATKG.inSection, section))
    graph.add((node, DCTERMS.title, Literal(measure.title, lang="az")))
    years = measure.years
    period_type = "years" if years else "regular"
    graph.add((node, ATKG.periodType, iris.concept("period-type", period_type)))
    graph.add((node, ATKG.period, add_year_span(graph, *(years or PLAN_YEARS), base=base)))
    cell = parse_executing_bodies(measure.bodies, registry=registry)
    for key in cell.responsible:
        graph.add((node, ATKG.responsibleBody, body_iri(registry[key], base=base)))
    for key in cell.involved:
        graph.add((node, ATKG.involvedBody, body_iri(registry[key], base=base)))


def _quote_line(graph, plan, line, *, base):
    return add_quote(graph, base=base, stem=plan.stem, text=line.raw, line_start=line.number,
                     line_end=line.number)
