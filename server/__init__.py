"""The atkg SPARQL endpoint: a Flask application factory in the style of the Flask tutorial."""

from flask import Flask

DEFAULTS = {
    "BASE_IRI": "https://w3id.org/atkg/",  # the same default as atkg.config; ATKG_BASE_IRI overrides it
    "DATA_DIR": "var",  # the store is DATA_DIR/store and the dumps DATA_DIR/dumps
    "STORE": None,  # another store folder
    "DATA": None,  # RDF files or folders to serve from memory instead of the store
    "STORE_IN_MEMORY": True,  # read-only: each worker copies the store into memory (faster queries)
    "STORE_QUERY_URL": None,  # a remote SPARQL store to serve instead
    "STORE_UPDATE_URL": None,
    "STORE_USER": None,  # user and password for a remote store that asks for them (HTTP digest)
    "STORE_PASSWORD": None,
    "UNION_DEFAULT_GRAPH": True,  # the default graph of a query is the union of all graphs (FROM overrides)
    "PUBLIC_URL": None,  # the address clients see, when behind a proxy
    "QUERY_TIMEOUT": 10,  # seconds; a query still running then is stopped (503)
    "MAX_ROWS": 10000,  # results beyond this are cut, and the response says so in its headers
    "MAX_REQUEST_BYTES": 1_000_000,  # larger requests get 413
    "BODY_TIMEOUT": 15,  # seconds for a request body to arrive whole (408 after)
    "CLIENT_UPLOADS": 16,  # request bodies one client address may be sending at once (429 beyond)
    "HEADER_TIMEOUT": 10,  # seconds for a request's headers to arrive (the connection is dropped after)
    "CHECK_TIMEOUT": None,  # seconds a report's check at /check may run (503 after); None: atkg.shapes.deadline's
    "QUERY_WORKERS": 2,  # query processes; one only when updates are enabled
    "CACHE_BYTES": 64_000_000,  # answers kept by data version
    "UPDATE_TOKEN": None,  # bearer token enabling SPARQL Update; no token, no updates (403)
    "FEDERATION_ALLOWLIST": "",  # addresses SERVICE and LOAD may reach, separated by spaces
    "CORS_ORIGINS": "*",
}


def create_app(test_config=None):
    """Build the app: defaults, then ATKG_* environment variables, then `test_config`."""
    app = Flask(__name__)
    configure(app.config, test_config)

    from atkg.server import api, ops, sparql, web
    from atkg.server.engine import service as engine
    from atkg.server.sparql import describe, graph_store

    web.init_app(app)
    engine.init_app(app)
    ops.init_app(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(graph_store.bp)
    app.register_blueprint(describe.bp)
    from atkg.server import pages
    from atkg.server.pages import check as pages_check
    from atkg.server.pages import dashboard as pages_dashboard
    from atkg.server.pages import gallery as pages_gallery
    from atkg.server.pages import i18n as pages_i18n
    from atkg.server.pages import resource as pages_resource

    pages_i18n.init_app(app)
    for blueprint in (pages.bp, pages_resource.bp, pages_gallery.bp, pages_dashboard.bp, pages_check.bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(api.bp)
    return app


def configure(config, test_config=None):
    """Fill a Flask config: defaults, then ATKG_* environment variables, then `test_config`; return it."""
    config.from_mapping(DEFAULTS)
    config.from_prefixed_env("ATKG")
    if test_config is not None:
        config.from_mapping(test_config)
    config["BASE_IRI"] = _with_slash(config["BASE_IRI"])
    config["FEDERATION_ALLOWLIST"] = _as_list(config["FEDERATION_ALLOWLIST"])
    if isinstance(config["DATA"], str):
        config["DATA"] = [config["DATA"]]
    return config


def _with_slash(base):
    return base if base.endswith(("/", "#")) else base + "/"


def _as_list(value):
    if isinstance(value, str):
        return value.replace(",", " ").split()
    return list(value or [])
