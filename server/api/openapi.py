"""The OpenAPI 3 document of the saved-query API, generated from the queries' `#+` headers."""

from importlib.metadata import PackageNotFoundError, version

from atkg.server.api import search

SCHEMAS = {  # a parameter's type -> its OpenAPI schema (IRIs are http(s) addresses, dates ISO 8601)
    "iri": {"type": "string", "format": "uri", "pattern": "^https?://"},
    "integer": {"type": "integer"},
    "string": {"type": "string", "minLength": 1, "maxLength": 200},
    "date": {"type": "string", "format": "date"},
}
RESULTS_SCHEMA = {
    "type": "object", "required": ["head", "results"],
    "properties": {
        "head": {"type": "object", "properties": {"vars": {"type": "array", "items": {"type": "string"}}}},
        "results": {"type": "object", "properties": {"bindings": {"type": "array", "items": {"type": "object"}}}},
    },
}
TEXT = {"text/plain": {"schema": {"type": "string"}}}
REFUSALS = {
    "400": {"description": "A parameter is missing, unknown or malformed; the message names it.", "content": TEXT},
    "406": {"description": "None of the formats asked for (JSON, CSV, HTML) fits.", "content": TEXT},
    "413": {"description": "The request is larger than the service takes.", "content": TEXT},
    "503": {"description": "The query ran past the time limit, or the service is busy.", "content": TEXT},
}
FORMAT_PARAMETER = {"name": "format", "in": "query", "required": False,
                    "description": "The answer's format; overrides the Accept header.",
                    "schema": {"type": "string", "enum": ["json", "csv", "html"]}}


def document(queries, *, server_url):
    """The OpenAPI 3.0 document (a dict) for `queries` ({name: SavedQuery}) served at `server_url`."""
    paths = {f"/api/queries/{name}": {"get": operation(query)} for name, query in sorted(queries.items())}
    paths["/api/queries"] = {"get": _listing_operation()}
    paths["/api/search"] = {"get": _search_operation()}
    return {
        "openapi": "3.0.3",
        "info": {"title": "atkg saved queries",
                 "description": "Saved SPARQL queries over the knowledge graph of Azerbaijan's National Action "
                                "Plan against trafficking in human beings 2020-2024 and the reports on it. "
                                "Values are bound as typed RDF terms, never written into the query text.",
                 "version": _version()},
        "servers": [{"url": server_url or "/"}],
        "tags": [{"name": tag} for tag in sorted({tag for query in queries.values() for tag in query.tags})],
        "paths": dict(sorted(paths.items())),
    }


def operation(query):
    """The GET operation of one saved query: its parameters and its answers."""
    columns = ", ".join(query.columns)
    return {
        "operationId": query.name.replace("-", "_"),
        "summary": query.summary,
        "description": f"{query.description}\n\nColumns: {columns}.",
        "tags": list(query.tags),
        "parameters": [_parameter(parameter) for parameter in query.parameters] + [FORMAT_PARAMETER],
        "responses": dict({"200": _results_response(query)}, **REFUSALS),
    }


def _parameter(parameter):
    described = {"name": parameter.name, "in": "query", "required": parameter.required,
                 "description": parameter.description, "schema": dict(SCHEMAS[parameter.type])}
    if parameter.example is not None:
        described["example"] = int(parameter.example) if parameter.type == "integer" else parameter.example
    return described


def _results_response(query):
    return {"description": f"The answer, in SPARQL JSON results, CSV or an HTML table ({len(query.columns)} "
                           "columns; cut to the service's row limit, which the X-ATKG-Truncated header tells).",
            "content": {"application/sparql-results+json": {"schema": RESULTS_SCHEMA},
                        "text/csv": {"schema": {"type": "string"}},
                        "text/html": {"schema": {"type": "string"}}}}


def _listing_operation():
    return {"operationId": "list_queries", "summary": "Every saved query, with its parameters, columns and example",
            "responses": {"200": {"description": "The saved queries",
                                  "content": {"application/json": {"schema": {"type": "object"}}}}}}


def _search_operation():
    parameters = [
        {"name": "q", "in": "query", "required": True, "description": "Words as typed, e.g. miqras",
         "schema": {"type": "string", "minLength": 1}},
        {"name": "type", "in": "query", "required": False, "description": "Only things of this kind",
         "schema": {"type": "string", "enum": list(search.KINDS)}},
        {"name": "limit", "in": "query", "required": False, "description": "At most this many results",
         "schema": {"type": "integer", "minimum": 1, "maximum": search.MAX_LIMIT}},
    ]
    return {"operationId": "search_things", "summary": "Find measures, entries, agencies, partners and acts by name",
            "parameters": parameters,
            "responses": {"200": {"description": "Matches, best first",
                                  "content": {"application/json": {"schema": {"type": "object"}}}},
                          "400": REFUSALS["400"]}}


def _version():
    try:
        return version("atkg")
    except PackageNotFoundError:
        return "0"
