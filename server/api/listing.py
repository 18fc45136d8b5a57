"""Saved queries described as JSON for /api/queries (and for the pages built on the API)."""

from urllib.parse import urlencode

from flask import current_app, request


def public_url(path):
    """The absolute address of `path` on this service, as clients see it (ATKG_PUBLIC_URL behind a proxy)."""
    public = current_app.config.get("PUBLIC_URL")
    root = public.rstrip("/") if public else request.host_url.rstrip("/")
    return root + path


def describe_query(query):
    """A saved query as a JSON-ready dict: name, summary, description (each also in Azerbaijani, as
    summary_az and description_az), tags, parameters, columns, example, links (its address, and its
    example in JSON, CSV and HTML)."""
    azerbaijani = query.texts_in("az")
    return {
        "name": query.name,
        "summary": query.summary,
        "summary_az": azerbaijani.summary,
        "description": query.description,
        "description_az": azerbaijani.description,
        "tags": list(query.tags),
        "parameters": [describe_parameter(parameter) for parameter in query.parameters],
        "columns": [{"name": name, "description": str(text), "description_az": azerbaijani.columns[name]}
                    for name, text in query.columns.items()],
        "example": dict(query.example),
        "links": query_links(query),
    }


def describe_parameter(parameter):
    """One parameter: name, type (iri, integer, string or date), required, description (and description_az,
    in Azerbaijani), example, classes."""
    return {"name": parameter.name, "type": parameter.type, "required": parameter.required,
            "description": parameter.description, "description_az": parameter.description_in("az"),
            "example": parameter.example,
            "classes": list(parameter.value_classes)}


def query_links(query):
    """The query's address, and its example run in each format."""
    address = public_url(f"/api/queries/{query.name}")
    example = sorted(query.example.items())
    links = {"self": address}
    for fmt in ("json", "csv", "html"):
        links[f"example_{fmt}"] = f"{address}?{urlencode(example + [('format', fmt)])}"
    return links
