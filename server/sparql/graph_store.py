"""The SPARQL 1.1 Graph Store HTTP Protocol, read-only: GET and HEAD of `?default` or `?graph=IRI`.

A graph is read with a CONSTRUCT through the same engine as every query (worker, time limit, row limit,
cache, or the remote store), and written in the format the Accept header asks for. Writing (PUT, POST,
DELETE, PATCH) is refused with 405: this service is read-only.
"""

from flask import Blueprint, Response, current_app, request

from atkg.server.engine import results
from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine
from atkg.server.sparql.describe import named_graph_iris
from atkg.server.sparql.messages import failure_message, mark_truncated, overload, plain
from atkg.server.sparql.protocol import ABSOLUTE_IRI, ProtocolError

bp = Blueprint("graph_store", __name__)
READ = "GET, HEAD"


@bp.errorhandler(ProtocolError)
def protocol_error(error):
    """A refused request: its status and a sentence (405 with the methods allowed)."""
    headers = {"Allow": READ} if error.status == 405 else {}
    return plain(error.status, error.message, **headers)


@bp.route("/rdf-graph-store", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"])
def graph_store():
    """The graph `?graph=IRI`, or the default graph with `?default`, in the format asked for."""
    if request.method not in ("GET", "HEAD"):
        raise ProtocolError(405, "This graph store is read-only: it answers GET and HEAD, and changes no "
                                 "graph.")
    chosen = results.negotiate(request.headers.get("Accept", ""), results.GRAPH)
    if chosen is None:
        raise ProtocolError(406, "A graph can be had as Turtle, N-Triples, JSON-LD or RDF/XML only.")
    iri = _graph_asked()
    if iri is not None and iri not in named_graph_iris():
        raise ProtocolError(404, f"This service holds no graph named {iri}.")
    return _graph(iri, chosen)


def _graph_asked():
    """The IRI of the graph the request names, or None for the default graph; ProtocolError 400 otherwise."""
    graphs, default = request.args.getlist("graph"), "default" in request.args
    if default == bool(graphs) or len(graphs) > 1:
        raise ProtocolError(400, "Name one graph: ?graph=IRI for a named graph, or ?default for the default "
                                 "graph (not both, not neither).")
    if graphs and not ABSOLUTE_IRI.fullmatch(graphs[0]):
        raise ProtocolError(400, f"The graph parameter must be a full IRI; '{graphs[0]}' is not.")
    return graphs[0] if graphs else None


def _graph(iri, chosen):
    """The graph's triples written by Oxigraph in the chosen format, cut at the row limit like any answer."""
    engine = get_engine()
    pattern = f"GRAPH <{iri}> {{ ?s ?p ?o }}" if iri else "?s ?p ?o"
    try:
        _, body, _, truncated = engine.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}", default_graph=None, named_graphs=None,
            formats={"graph": chosen[0], "tabular": None, "boolean": None},
            union=iri is None and current_app.config["UNION_DEFAULT_GRAPH"])
    except QueryFailed as error:
        raise ProtocolError(400, failure_message(error, "query")) from error
    except (QueryTimeout, Busy, WorkerLost) as error:
        raise overload(error, engine.timeout) from error
    response = Response(body, content_type=chosen[1], headers={"Vary": "Accept"})
    if truncated:
        mark_truncated(response, engine.max_rows)
    return response
