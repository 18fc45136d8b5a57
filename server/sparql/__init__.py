"""The SPARQL 1.1 Protocol: queries at /sparql, updates at /update (and at /sparql with the token)."""

import time

from flask import Blueprint, Response, current_app, request

from atkg.server.engine import results
from atkg.server.engine.guard import Refused
from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine
from atkg.server.ops import get_metrics
from atkg.server.sparql import describe
from atkg.server.sparql.conditional import etag, not_modified
from atkg.server.sparql.describe import endpoint_url
from atkg.server.sparql.messages import failure_message, mark_truncated, overload, plain
from atkg.server.sparql.protocol import ProtocolError, read_operation
from atkg.server.sparql.updates import run_update

bp = Blueprint("sparql", __name__)
OFFERS = {"tabular": results.TABULAR, "boolean": results.BOOLEAN, "graph": results.GRAPH}
BROWSER_FORMATS = {"json": "application/sparql-results+json, text/turtle;q=0.9",
                   "xml": "application/sparql-results+xml, application/rdf+xml;q=0.9",
                   "csv": "text/csv, text/turtle;q=0.9, application/sparql-results+json;q=0.5",
                   "tsv": "text/tab-separated-values, text/turtle;q=0.9, application/sparql-results+json;q=0.5"}


@bp.errorhandler(ProtocolError)
def protocol_error(error):
    """Turn a refused request into its status and message."""
    return plain(error.status, error.message)


@bp.errorhandler(Refused)
def refused(error):
    """A query the guard does not hand to the engine: it would contact another address, or nests too deep."""
    return plain(400, str(error))


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    """Queries; with no query, the service description (or a form for a browser)."""
    operation = read_operation(request)
    if operation is None:
        return describe.service_description_response()
    if operation.kind == "update":
        return run_update(operation)
    return run_query(operation)


@bp.route("/sparql/limits", methods=["GET"])
def limits():
    """What the limits on an answer are: the page a cut answer links to from its head."""
    engine = get_engine()
    return plain(200, f"Row limit: this service sends at most {engine.max_rows} results for a query (rows of a "
                      f"SELECT, triples of a CONSTRUCT or DESCRIBE, rows of a saved query). An answer with more "
                      f"is cut to the first {engine.max_rows}, and says so: the headers X-ATKG-Truncated: true, "
                      "X-SPARQL-MaxRows and Warning, and a link to this page in the head of SPARQL JSON "
                      "(head.link) and XML results. Use LIMIT and OFFSET to read the rest, or download the "
                      "data (/.well-known/void).\n"
                      f"Time limit: a query that runs longer than {engine.timeout:g} seconds is stopped.")


@bp.route("/update", methods=["POST"])
def update_endpoint():
    """Updates only, for the holder of the update token."""
    operation = read_operation(request)
    if operation.kind != "update":
        raise ProtocolError(400, "This address takes updates only; send queries to /sparql.")
    return run_update(operation)


def run_query(operation):
    """Check, negotiate, answer from the cache or the engine, with ETag and row-limit headers."""
    accept, chosen = _negotiate()
    engine = get_engine()
    base = endpoint_url()
    union = current_app.config["UNION_DEFAULT_GRAPH"]
    formats = {kind: choice and choice[0] for kind, choice in chosen.items()}
    tag = etag(engine.version(), operation.text, operation.default_graph, operation.named_graphs,
               sorted(formats.items(), key=lambda item: item[0]))
    unchanged = not_modified(tag)
    if unchanged:
        return unchanged
    kind, body, _, truncated = _answer(engine, operation, formats, union=union, base=base)
    if body is None:
        raise ProtocolError(406, f"The answer to this query cannot be written in the formats asked for "
                                 f"({accept}).")
    response = Response(body, content_type=chosen[kind][1], headers={"Vary": "Accept"})
    if tag:
        response.set_etag(tag)
    if truncated:
        mark_truncated(response, engine.max_rows, advice=" Use LIMIT and OFFSET to read the rest.",
                       fmt=formats[kind])
    return response


def _negotiate():
    """The Accept header and, for each kind of answer, the (format, content type) it prefers; else 406."""
    accept = _browser_format() or request.headers.get("Accept", "")
    chosen = dict(_choices(accept))
    if not any(chosen.values()):
        raise ProtocolError(406, f"This service cannot answer in any of the formats asked for ({accept}). "
                                 "It offers SPARQL JSON, XML, CSV and TSV results, and Turtle, N-Triples, "
                                 "JSON-LD and RDF/XML graphs.")
    return accept, chosen


def _choices(accept):
    """((kind, (format, content type) or None), ...) for an Accept header."""
    return tuple((kind, results.negotiate(accept, offers)) for kind, offers in OFFERS.items())


def _browser_format():
    """The form page's `format` choice, honoured for browsers only (programs use Accept)."""
    if not describe.wants_html():
        return None
    return BROWSER_FORMATS.get(request.args.get("format", ""))


def _answer(engine, operation, formats, *, union, base):
    started = time.monotonic()
    try:
        return engine.query(operation.text, default_graph=operation.default_graph or None,
                            named_graphs=operation.named_graphs or None, formats=formats, union=union,
                            base_iri=base)
    except QueryFailed as error:
        raise ProtocolError(400, failure_message(error, "query")) from error
    except (QueryTimeout, Busy, WorkerLost) as error:
        raise overload(error, engine.timeout) from error
    finally:
        get_metrics().observe_query(time.monotonic() - started)
