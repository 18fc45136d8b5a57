"""Descriptions of the service and the data: the SPARQL Service Description, /.well-known/void, the dumps."""

import functools
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request, send_from_directory, url_for
from werkzeug.wsgi import get_current_url

from atkg.server.engine import results
from atkg.server.engine.service import get_engine
from atkg.server.sparql import void

bp = Blueprint("describe", __name__)
PAGE = ("html", "text/html; charset=utf-8")
RDF_OR_PAGE = {**results.GRAPH, "text/html": PAGE, "application/xhtml+xml": PAGE}
ROOT_KEYS = ("wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME")
STATS_QUERIES = {
    "graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "default": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "terms": "SELECT DISTINCT ?t WHERE { { GRAPH ?g { ?s ?t ?o } } UNION { ?s ?t ?o } UNION "
             "{ GRAPH ?g { ?s a ?t } } UNION { ?s a ?t } } ORDER BY ?t",
    "examples": "SELECT ?c (MIN(STR(?s)) AS ?x) (COUNT(?s) AS ?n) WHERE { { GRAPH ?g { ?s a ?c } } UNION "
                "{ ?s a ?c } FILTER(isIRI(?s)) } GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 5",
}


def endpoint_url():
    """The absolute address of the query endpoint (behind a proxy, set ATKG_PUBLIC_URL)."""
    public = current_app.config.get("PUBLIC_URL")
    if public:
        return public.rstrip("/") + "/sparql"
    return _endpoint_at(tuple(request.environ.get(key) for key in ROOT_KEYS))


@functools.lru_cache(maxsize=64)
def _endpoint_at(values):
    """The endpoint's address for the parts of a WSGI environ that make its root address (computed once:
    url_for and request.url_root take 10-20 us a request)."""
    environ = {key: value for key, value in zip(ROOT_KEYS, values) if value is not None}
    return get_current_url(environ, root_only=True) + "sparql"


def dataset_stats():
    """Counts per graph, vocabularies and example resources, computed once per data version."""
    engine = get_engine()
    cache = current_app.extensions.setdefault("atkg.stats", {})
    version = engine.version()
    if version is not None and version in cache:
        return cache[version]
    graphs = [(row["g"], int(row["n"])) for row in engine.select(STATS_QUERIES["graphs"])]
    vocabularies = sorted({_namespace(row["t"]) for row in engine.select(STATS_QUERIES["terms"])})
    examples = sorted({row["x"] for row in engine.select(STATS_QUERIES["examples"])})
    own = int(engine.select(STATS_QUERIES["default"])[0]["n"])
    union = current_app.config["UNION_DEFAULT_GRAPH"]
    seen = int(engine.select(STATS_QUERIES["default"], union=True)[0]["n"]) if union else own
    stats = {"graphs": graphs, "default_triples": seen, "own_default_triples": own,
             "vocabularies": vocabularies, "examples": examples}
    cache.clear()
    cache[version] = stats
    return stats


def named_graph_iris():
    """The IRIs of the dataset's named graphs."""
    return [graph for graph, _ in dataset_stats()["graphs"]]


def _namespace(iri):
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[:cut + 1] if cut > 0 else iri


def wants_html():
    """True when the client prefers a web page to RDF (a browser); RDF is listed first, so */* gets RDF."""
    chosen = results.negotiate(request.headers.get("Accept"), RDF_OR_PAGE)
    return chosen is not None and chosen[0] == "html"


def rdf_response(triples):
    """Triples in the RDF format the Accept header prefers (Turtle by default), or 406."""
    chosen = results.negotiate(request.headers.get("Accept"), results.GRAPH)
    if chosen is None:
        return Response("This description is available as Turtle, N-Triples, JSON-LD and RDF/XML.\n",
                        status=406, content_type="text/plain; charset=utf-8")
    body = results.write_triples(triples, chosen[0], prefixes=void.PREFIXES)
    return Response(body, content_type=chosen[1], headers={"Vary": "Accept"})


def service_description_response():
    """GET /sparql with no query: the form page for a browser, else the SPARQL Service Description."""
    if wants_html():
        return render_template("sparql.html", endpoint=endpoint_url())
    config = current_app.config
    triples = void.service_description(endpoint_url(), dataset_stats(), updates=bool(config.get("UPDATE_TOKEN")),
                                       federation=bool(config["FEDERATION_ALLOWLIST"]),
                                       union=bool(config["UNION_DEFAULT_GRAPH"]))
    return rdf_response(triples)


@bp.route("/.well-known/void", methods=["GET"])
def void_document():
    """The VoID and DCAT description of the dataset."""
    dataset = current_app.config["BASE_IRI"]  # the knowledge graph as a whole
    dumps = [(url_for("describe.dump", name=path.name, _external=True), path.name)
             for path in _dump_files()]
    return rdf_response(void.void_description(dataset, dataset_stats(), endpoint=endpoint_url(), dumps=dumps))


def _dump_files():
    folder = Path(current_app.config["DATA_DIR"]) / "dumps"
    return sorted(path for path in folder.glob("*") if path.is_file()) if folder.is_dir() else []


@bp.route("/dumps/<name>", methods=["GET"])
def dump(name):
    """Download one dump file."""
    if name not in {path.name for path in _dump_files()}:
        abort(404)
    folder = Path(current_app.config["DATA_DIR"]).resolve() / "dumps"
    return send_from_directory(folder, name, mimetype=void.dump_media_type(name))
