"""The HTTP shell around the endpoint: CORS, gzip, the request size limit and plain error pages.

Flask-Compress decides every response anew, though most of them will not be compressed; it sees only
bodies worth compressing for a client that asks for it (the others get its Vary header here).
"""

from flask import Response, current_app, request
from flask_compress import Compress
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

COMPRESSED_TYPES = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                    "text/tab-separated-values", "text/turtle", "application/n-triples", "application/ld+json",
                    "application/rdf+xml", "application/n-quads", "text/html", "text/plain",
                    "application/json"]
EXPOSED_HEADERS = ["ETag", "X-ATKG-Truncated", "X-SPARQL-MaxRows", "Warning"]
MESSAGES = {
    404: "There is nothing at this address. The SPARQL endpoint is at /sparql.",
    405: "This address does not take that kind of request (HTTP method). Queries use GET or POST.",
}


def init_app(app):
    """Apply CORS (no credentials), gzip, the body size limit and plain-text error messages."""
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_TYPES)
    app.config["COMPRESS_REGISTER"] = False
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_REQUEST_BYTES"])
    origins = app.config["CORS_ORIGINS"]
    origins = origins.split() if isinstance(origins, str) else list(origins)
    options = {"origins": origins, "send_wildcard": origins == ["*"], "supports_credentials": False,
               "expose_headers": EXPOSED_HEADERS, "allow_headers": ["Content-Type", "Accept", "Authorization"]}
    CORS(app, **options)
    app.after_request(_compression(Compress(app), app.config))
    app.register_error_handler(HTTPException, _plain_error)


def _compression(compress, config):
    """Flask-Compress's hook, skipped where it would leave the body as it is (it adds Vary either way)."""
    types, smallest = frozenset(config["COMPRESS_MIMETYPES"]), config["COMPRESS_MIN_SIZE"]

    def compress_after_request(response):
        size = response.content_length
        if (request.headers.get("Accept-Encoding") and 200 <= response.status_code < 300
                and (size is None or size >= smallest) and response.mimetype in types):
            return compress.after_request(response)
        vary = response.headers.get("Vary")
        if not vary:
            response.headers["Vary"] = "Accept-Encoding"
        elif "accept-encoding" not in vary.lower():
            response.headers["Vary"] = f"{vary}, Accept-Encoding"
        return response

    return compress_after_request


def _plain_error(error):
    message = MESSAGES.get(error.code, error.description or error.name)
    if error.code == 413:
        message = (f"The request is too large for this service: it takes at most "
                   f"{current_app.config['MAX_CONTENT_LENGTH']} bytes.")
    response = Response(message + "\n", status=error.code, content_type="text/plain; charset=utf-8")
    if error.code == 405 and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response
