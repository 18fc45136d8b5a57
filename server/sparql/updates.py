"""SPARQL Update for the holder of the update token, with the protocol's using-graph-uri parameters."""

import hmac

from flask import current_app, request

from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine
from atkg.server.sparql import guard
from atkg.server.sparql.describe import endpoint_url
from atkg.server.sparql.messages import failure_message, overload, plain
from atkg.server.sparql.protocol import ProtocolError


def run_update(operation):
    """Apply an update for the token holder; LOAD and SERVICE are checked like queries."""
    _require_token()
    engine = get_engine()
    reach = guard.read_reach(operation.text, base=endpoint_url())
    guard.check_outbound(reach, allowlist=current_app.config["FEDERATION_ALLOWLIST"])
    text = _with_using(operation, reach)
    try:
        engine.update(text, base_iri=endpoint_url())
    except QueryFailed as error:
        raise ProtocolError(400, failure_message(error, "update")) from error
    except (QueryTimeout, Busy, WorkerLost) as error:
        raise overload(error, engine.timeout) from error
    return plain(200, "The update was applied.")


def _require_token():
    token = current_app.config.get("UPDATE_TOKEN")
    if not token:
        raise ProtocolError(403, "This service is read-only: it does not accept updates.")
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise ProtocolError(403, "Updates need the maintainer's access token "
                                 "(an 'Authorization: Bearer ...' header); this request has no valid one.")


def _with_using(operation, reach):
    """Apply using-graph-uri / using-named-graph-uri by writing USING clauses before each WHERE."""
    if not (operation.using_graph or operation.using_named_graph):
        return operation.text
    if reach.has_dataset_clause:
        raise ProtocolError(400, "The update names its graphs itself (USING or WITH) and the request also "
                                 "gives using-graph-uri or using-named-graph-uri; give only one of the two.")
    clause = " ".join([f"USING <{iri}>" for iri in operation.using_graph]
                      + [f"USING NAMED <{iri}>" for iri in operation.using_named_graph]) + " "
    text = operation.text
    for offset in reversed(reach.where_offsets):
        text = text[:offset] + clause + text[offset:]
    return text
