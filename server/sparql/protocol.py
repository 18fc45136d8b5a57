"""Reading a SPARQL 1.1 Protocol request: which operation, its text, and the dataset it names.

Every refusal is a ProtocolError carrying the HTTP status and a message a person can act on.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*")
FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


class ProtocolError(Exception):
    """A request the endpoint cannot take, with the status to answer and a plain explanation."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Operation:
    """A query or an update, with the protocol's graph parameters."""

    kind: str
    text: str
    default_graph: list = field(default_factory=list)
    named_graphs: list = field(default_factory=list)
    using_graph: list = field(default_factory=list)
    using_named_graph: list = field(default_factory=list)


def read_operation(request):
    """The Operation a Flask request carries, or None for a GET with neither query nor update."""
    params = _decode_pairs(request.query_string, where="the address")
    if request.method == "POST":
        params += _body_params(request)
    queries = [value for name, value in params if name == "query"]
    updates = [value for name, value in params if name == "update"]
    if queries and updates:
        raise ProtocolError(400, "The request holds both a query and an update; send one at a time.")
    if len(queries) > 1 or len(updates) > 1:
        raise ProtocolError(400, "The request holds more than one query or update; send one at a time.")
    if updates and request.method != "POST":
        raise ProtocolError(400, "Updates change data, so they must be sent with POST, never GET.")
    if not queries and not updates:
        if request.method == "POST":
            raise ProtocolError(400, "The request holds neither a query nor an update: put a query in a 'query' "
                                     "parameter or send it as the body with Content-Type "
                                     "application/sparql-query (updates: 'update' or application/sparql-update).")
        return None
    values = {name: [v for n, v in params if n == name] for name in
              ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")}
    for name, iris in values.items():
        for iri in iris:
            if not ABSOLUTE_IRI.fullmatch(iri):
                raise ProtocolError(400, f"The {name} parameter must be a full address such as "
                                         f"https://w3id.org/atkg/graph/plan; '{iri}' is not.")
    return Operation(kind="query" if queries else "update", text=(queries or updates)[0],
                     default_graph=values["default-graph-uri"], named_graphs=values["named-graph-uri"],
                     using_graph=values["using-graph-uri"],
                     using_named_graph=values["using-named-graph-uri"])


def _body_params(request):
    mimetype = (request.mimetype or "").lower()
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset.replace("-", "") != "utf8":
        raise ProtocolError(415, f"The request is written in {charset}; this service reads UTF-8 only.")
    body = request.get_data(cache=True)
    if request.content_length is not None and len(body) < request.content_length:
        raise ProtocolError(400, f"The request body ended after {len(body)} of the {request.content_length} "
                                 "bytes its Content-Length header announced; send the whole body.")
    if mimetype == FORM:
        return _decode_pairs(body, where="the form")
    if mimetype in (QUERY_TYPE, UPDATE_TYPE):
        name = "query" if mimetype == QUERY_TYPE else "update"
        return [(name, _utf8(body, where="the body"))]
    if not mimetype:
        raise ProtocolError(415, "The request does not say what its body is. Send a query with Content-Type "
                                 f"{QUERY_TYPE}, an update with {UPDATE_TYPE}, or a form with {FORM}.")
    raise ProtocolError(415, f"This service cannot read a body of type {mimetype}. Send a query with "
                             f"Content-Type {QUERY_TYPE}, an update with {UPDATE_TYPE}, or a form with {FORM}.")


def _decode_pairs(raw, *, where):
    text = _utf8(raw, where=where)
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"{where.capitalize()} holds text that is not valid UTF-8.") from error


def _utf8(raw, *, where):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"{where.capitalize()} holds text that is not valid UTF-8.") from error
