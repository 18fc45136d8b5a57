"""The saved-query API at /api: the queries listed, each run with typed parameters, search, OpenAPI.

Values reach a query checked by type, written in as terms (see atkg.queries.binding); refusals are plain-text
sentences like the rest of the service. The same time, row and size limits as /sparql apply.
"""

import time

from flask import Blueprint, Response, current_app, jsonify, request

from atkg.queries import QUERY_DIR, ParameterError, load_queries
from atkg.server.api import formats as api_formats
from atkg.server.api import openapi, search
from atkg.server.api.listing import describe_query, public_url
from atkg.server.api.run import SavedQueryRunner, get_runner
from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine
from atkg.server.ops import get_metrics
from atkg.server.sparql.conditional import etag, not_modified
from atkg.server.sparql.messages import mark_truncated, overload, plain
from atkg.server.sparql.protocol import ProtocolError

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.record_once
def _set_up(state):
    """Read the saved queries once and prepare their runner (it runs them on the endpoint's workers)."""
    app = state.app
    app.extensions["atkg.saved_queries"] = load_queries(app.config.get("QUERIES_DIR") or QUERY_DIR)
    app.extensions["atkg.saved_query_runner"] = SavedQueryRunner()


@bp.errorhandler(ProtocolError)
def _protocol_error(error):
    return plain(error.status, error.message)


@bp.errorhandler(ParameterError)
def _parameter_error(error):
    return plain(400, f"{error}")


def saved_queries():
    """The saved queries the app serves, {name: SavedQuery}, sorted by name."""
    return current_app.extensions["atkg.saved_queries"]


@bp.route("/queries")
def list_queries():
    """Every saved query: what it answers, its parameters, columns, example and links."""
    described = [describe_query(query) for query in saved_queries().values()]
    return jsonify({"count": len(described), "queries": described, "openapi": public_url("/api/openapi.json")})


@bp.route("/queries/<name>")
def run_query(name):
    """Run one saved query with the query-string values; SPARQL JSON results, CSV or HTML."""
    query = saved_queries().get(name)
    if query is None:
        raise ProtocolError(404, f"There is no saved query called {name!r}. The saved queries are listed at "
                                 "/api/queries.")
    values = _values()
    fmt, content_type = api_formats.choose_format(request.args.get("format"), request.headers.get("Accept", ""))
    tag = etag(get_engine().version(), "saved-query", name, sorted(values.items()), fmt)
    unchanged = not_modified(tag)
    if unchanged:
        return unchanged
    answer = _answer(query, values)
    body = api_formats.write_answer(answer, fmt, title=query.summary)
    response = Response(body, content_type=content_type, headers={"Vary": "Accept"})
    if tag:
        response.set_etag(tag)
    if answer.truncated:
        mark_truncated(response, get_engine().max_rows, fmt=fmt)
    return response


@bp.route("/search")
def search_things():
    """Measures, entries, agencies, partners and acts whose names match `q` as typed, best first."""
    text = request.args.get("q", "")
    if not text.strip():
        raise ProtocolError(400, "Give the words to look for as q, e.g. /api/search?q=miqrasiya")
    limit = _limit(request.args.get("limit", str(search.DEFAULT_LIMIT)))
    kinds = request.args.getlist("type")
    unknown = sorted(set(kinds) - set(search.KINDS))
    if unknown:
        raise ProtocolError(400, f"type must be one of {', '.join(search.KINDS)}; got {unknown[0]!r}.")
    found = search.search(text, limit=limit, kinds=kinds or None)
    return jsonify({"q": text, "count": len(found), "results": found})


@bp.route("/openapi.json")
def openapi_document():
    """The OpenAPI 3 description of this API, generated from the saved queries' headers."""
    return jsonify(openapi.document(saved_queries(), server_url=public_url("")))


def _values():
    """The caller's parameter values: one per name; `format` is the answer's format, not a parameter."""
    if len(request.query_string) > int(current_app.config["MAX_REQUEST_BYTES"]):
        raise ProtocolError(413, f"The request is too large for this service: it takes at most "
                                 f"{current_app.config['MAX_REQUEST_BYTES']} bytes.")
    values = {}
    for key in request.args:
        given = request.args.getlist(key)
        if len(given) > 1:
            raise ProtocolError(400, f"Give {key!r} once; it was given {len(given)} times.")
        values[key] = given[0]
    values.pop("format", None)
    return values


def _limit(text):
    if not text.isdigit() or not 1 <= int(text) <= search.MAX_LIMIT:
        raise ProtocolError(400, f"limit must be a whole number from 1 to {search.MAX_LIMIT}; got {text!r}.")
    return int(text)


def _answer(query, values):
    """The SavedAnswer, with the endpoint's refusals for a query that fails, overruns or finds no worker."""
    engine = get_engine()
    started = time.monotonic()
    try:
        return get_runner().answer(query, values)
    except QueryFailed as error:
        raise ProtocolError(500, f"The saved query {query.name} could not be carried out: {error}") from error
    except (QueryTimeout, Busy, WorkerLost) as error:
        raise overload(error, engine.timeout) from error
    finally:
        get_metrics().observe_query(time.monotonic() - started)
