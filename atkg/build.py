"""`atkg build`: source documents -> named graphs -> the graphs worked out from them (graph/derive.py:
shared responsibilities, OWL RL inferences) -> checks -> store and dumps.

Reads only graph/sources/, ontology/ and graph/curated/. Nothing is written until every step before
has succeeded, so a broken source leaves the previous store and dumps as they were.
"""

from dataclasses import dataclass

from rdflib.namespace import RDF, RDFS

from atkg.check import write_ready_context
from atkg.graph import dataset, iris
from atkg.graph.agencies import load_registry, registry_graph
from atkg.graph.derive import derive
from atkg.graph.plan import parse_plan
from atkg.graph.plan_rdf import plan_graph
from atkg.graph.report_pipeline import report_graphs, source_document_graph
from atkg.graph.sources import read_sources
from atkg.graph.store import open_store
from atkg.graph.timing import Steps
from atkg.graph.translations import load_translations, translations_graph
from atkg.graph.vocabulary import check_vocabulary
from atkg.journal import recover
from atkg.ontology import ATKG, ontology_graph
from atkg.queries import load_queries, queries_graph
from atkg.shapes import validate_build


@dataclass(frozen=True)
class BuildResult:
    """What a build made: triples per named graph, the dataset version, and the timed steps."""

    graph_sizes: dict
    version: str
    steps: tuple


def build_graphs(settings, *, steps, sources_folder=None):
    """Every named graph of the dataset, keyed by graph IRI, as rdflib graphs (nothing written)."""
    base = settings.base_iri
    with steps.step("read source documents") as record:
        sources = read_sources(sources_folder)
        record.detail = ", ".join(f"{s.stem} ({s.kind})" for s in sources)
    with steps.step("ontology and code lists") as record:
        graphs = {iris.graph_iri("ontology", base=base): ontology_graph()}
        record.detail = _size(graphs)
    with steps.step("executing bodies and partners") as record:
        registry = load_registry()
        graphs[iris.graph_iri("curated/bodies", base=base)] = registry_graph(registry, base=base)
        record.detail = f"{len(registry)} bodies"
    with steps.step("the plan") as record:
        plan_source = _the_plan(sources)
        plan = parse_plan(plan_source.text, stem=plan_source.stem)
        graphs[_source_graph(plan_source, base)] = plan_graph(plan, base=base, registry=registry)
        record.detail = f"{len(plan.measures)} measures, {len(plan.sections)} sections"
    plan_titles = {measure.code: measure.title for measure in plan.measures}
    for source in sources:
        if source.kind != "plan":
            with steps.step(f"report {source.stem}") as record:
                graph = report_graphs(source, base=base, registry=registry, plan_titles=plan_titles)
                graphs[_source_graph(source, base)] = graph
                record.detail = f"{len(graph)} triples"
    plan_titles_az = list(graphs[_source_graph(plan_source, base)].objects(iris.plan_iri(base=base), RDFS.label))
    graphs[_source_graph(plan_source, base)] += source_document_graph(plan_source, base=base, titles=plan_titles_az)
    with steps.step("curated English titles"):
        graphs[iris.graph_iri("curated/translations", base=base)] = _translations(graphs, base)
    with steps.step("saved queries") as record:
        graphs[iris.graph_iri("queries", base=base)] = queries_graph(base=base)
        record.detail = f"{len(load_queries())} SHACL SPARQL executables"
    return graphs


def build(settings, *, echo=print, sources_folder=None):
    """Build the dataset and write it to the configured store and to the dumps, after rolling back an
    ingest killed half-way (so the sources read are the ones the store was written from)."""
    if not settings.store_query_url:
        recover(settings)
    steps = Steps(echo)
    graphs = build_graphs(settings, steps=steps, sources_folder=sources_folder)
    derived = derive(graphs, base=settings.base_iri, steps=steps)
    graphs.update(derived.graphs)
    ontology = graphs[iris.graph_iri("ontology", base=settings.base_iri)]
    with steps.step("check vocabulary"):
        check_vocabulary(ontology, graphs.values())
    with steps.step("SHACL validation (pySHACL)") as record:
        outcome = validate_build(graphs, ontology=ontology, echo=echo)
        record.detail = f"{len(outcome.warnings)} warnings, {len(outcome.infos)} notes"
    quads = derived.quads
    with steps.step("dumps") as record:
        names = {str(g): _dump_name(g, settings.base_iri) for g in graphs}
        version = dataset.write_dumps(quads, settings.dump_dir, graph_names=names)
        record.detail = f"{len(quads)} quads in {settings.dump_dir}"
    with steps.step("store") as record:
        record.detail = _write_store(quads, settings, version=version, graph_iris=names)
    if not settings.store_query_url:
        with steps.step("ready check context") as record:
            write_ready_context(settings)
            record.detail = str(settings.ready_context_path)
    sizes = {str(g): len(graph) for g, graph in graphs.items()}
    return BuildResult(graph_sizes=sizes, version=version, steps=tuple(steps.done))


def is_built(settings):
    """True when the embedded store exists (a remote store is assumed to be loaded)."""
    return bool(settings.store_query_url) or settings.store_dir.exists()


def ensure_built(settings, *, echo=print):
    """Build unless a store is already there; return True if a build ran."""
    if is_built(settings):
        return False
    build(settings, echo=echo)
    return True


def _write_store(quads, settings, *, version, graph_iris):
    if settings.store_query_url:
        store = open_store(query_url=settings.store_query_url, update_url=settings.store_update_url,
                           user=settings.store_user, password=settings.store_password)
        dataset.publish_remote(quads, store, graph_iris=graph_iris)
        return f"remote store {settings.store_update_url}"
    dataset.write_store(quads, settings.store_dir, version=version)
    return f"embedded store {settings.store_dir} (version {version})"


def _the_plan(sources):
    plans = [source for source in sources if source.kind == "plan"]
    if len(plans) != 1:
        raise ValueError(f"exactly one plan document is needed among the sources, found {len(plans)}")
    return plans[0]


def _translations(graphs, base):
    existing = {s for graph in graphs.values() for s in graph.subjects(RDF.type, None)}
    orders = [s for graph in graphs.values() for s in graph.subjects(ATKG.approves, iris.plan_iri(base=base))]
    plan = iris.plan_iri(base=base)
    documents = [document for graph in graphs.values() for document in graph.objects(plan, ATKG.sourceDocument)]
    return translations_graph(load_translations(), base=base, existing=existing, order=orders[0] if orders else None,
                              plan_document=documents[0] if documents else None)


def _source_graph(source, base):
    return iris.graph_iri(f"source/{source.stem}", base=base)


def _dump_name(graph_iri, base):
    return str(graph_iri).removeprefix(base + "graph/").replace("/", "-")


def _size(graphs):
    return f"{sum(len(g) for g in graphs.values())} triples"
