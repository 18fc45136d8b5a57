"""SPARQL Update for the holder of the update token, with the protocol's using-graph-uri parameters."""

import hmac
import re

from flask import current_app, request

from atkg.server.engine import guard
from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine
from atkg.server.sparql.describe import endpoint_url
from atkg.server.sparql.messages import failure_message, overload, plain
from atkg.server.sparql.protocol import ProtocolError

# rdflib's syntax tree keeps no offsets, so the WHERE keywords the USING clauses go before are found by
# these tokens (strings, IRIs and comments skipped); the worker's guard reads the text so made once more.
TOKEN = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*)'
    r'|(?P<word>[^\s{}()\[\]<>"\'#,;]+)|(?P<brace>[{}])|(?P<other>\S)', re.S)


def run_update(operation):
    """Apply an update for the token holder; LOAD and SERVICE are checked like queries, in the worker."""
    _require_token()
    engine = get_engine()
    text = _with_using(operation)
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


def _with_using(operation):
    """Apply using-graph-uri / using-named-graph-uri by writing USING clauses before each WHERE."""
    if not (operation.using_graph or operation.using_named_graph):
        return operation.text
    guard.check_bounds(operation.text)
    if guard.read_reach(operation.text, base=endpoint_url(), update=True).has_dataset_clause:
        raise ProtocolError(400, "The update names its graphs itself (USING or WITH) and the request also "
                                 "gives using-graph-uri or using-named-graph-uri; give only one of the two.")
    clause = " ".join([f"USING <{iri}>" for iri in operation.using_graph]
                      + [f"USING NAMED <{iri}>" for iri in operation.using_named_graph]) + " "
    text = operation.text
    for offset in reversed(_where_offsets(text)):
        text = text[:offset] + clause + text[offset:]
    return text


def _where_offsets(text):
    """Where each top-level WHERE of an update starts (not the one of DELETE WHERE, which takes no USING)."""
    offsets, depth, previous = [], 0, None
    for match in TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "brace":
            depth += 1 if value == "{" else -1
        elif kind == "word" and value.upper() == "WHERE" and depth == 0 and previous != "DELETE":
            offsets.append(match.start())
        if kind != "skip":
            previous = value.upper()
    return offsets
