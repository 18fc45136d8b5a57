"""The web pages for people: the landing page, search, and what every page shares (the language and its
switch, links from graph IRIs to their pages, the search box). The other pages live in their own modules."""

from urllib.parse import urlencode

from flask import Blueprint, Response, render_template, request, url_for
from flask_babel import gettext

from atkg.ontology import PREFIXES
from atkg.server.api import search
from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine
from atkg.server.pages import data as pages_data
from atkg.server.pages.editor import editor_examples
from atkg.server.pages.i18n import LANGUAGES, current_language, remember_language
from atkg.server.sparql.messages import overload

QUERY_TROUBLE = (QueryFailed, QueryTimeout, Busy, WorkerLost)
# Short names for IRIs that have no label, in the prefixes people know from the queries.
KNOWN_PREFIXES = {namespace: name for name, namespace in PREFIXES.items()}


def query_trouble(error):
    """A page (503) saying in words that a query behind the page failed, overran or found no worker."""
    if isinstance(error, QueryFailed):
        message = gettext("The data for this page could not be read from the graph. Please try again in a "
                          "moment.")
    else:
        message = overload(error, get_engine().timeout).message
    page = render_template("message.html", iri=None, message=message)
    return Response(page, status=503, content_type="text/html; charset=utf-8")


def page_blueprint(name, import_name):
    """A blueprint of pages whose failed queries become a page that says so (503), not a crash."""
    blueprint = Blueprint(name, import_name)
    for error in QUERY_TROUBLE:
        blueprint.register_error_handler(error, query_trouble)
    return blueprint


bp = page_blueprint("pages", __name__)


@bp.app_context_processor
def page_helpers():
    """What every template may use (besides _() for its words): the language, and links into the graph's
    pages."""
    return {"lang": current_language(), "languages": LANGUAGES, "lang_url": language_url,
            "local": local_url, "label_of": label_of, "base_iri": pages_data.base_iri(),
            "saved_examples": editor_examples, "short_name": short_name,
            "kind_names": kind_names()}


@bp.after_app_request
def keep_language(response):
    """Remember a language chosen with ?lang= in a cookie."""
    return remember_language(response)


@bp.route("/", methods=["GET"])
def index():
    """The landing page: what the graph holds, with counts, and where to start."""
    return render_template("index.html", counts=pages_data.graph_counts())


def kind_names():
    """What each kind of search result (api.search.KINDS) is called in the page's language."""
    return {"measure": gettext("Measure"), "entry": gettext("Report entry"), "agency": gettext("Agency"),
            "partner": gettext("Partner"), "act": gettext("Legal act")}


@bp.route("/search", methods=["GET"])
def search_page():
    """Everything search finds for ?q=, best first, each with its kind: where Enter in the search box
    leads."""
    typed = request.args.get("q", "").strip()[:200]
    results = search.search(typed, limit=search.MAX_LIMIT) if typed else []
    return render_template("search.html", typed=typed, results=results)


def language_url(language):
    """This page's address in another language."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [language]
    return f"{request.path}?{urlencode(args, doseq=True)}"


def local_url(iri):
    """The page of an IRI under the base IRI (/id/...), or the IRI itself for one from elsewhere."""
    base = pages_data.base_iri()
    iri = str(iri)
    if iri.startswith(base) and len(iri) > len(base):
        # url_for writes "#" as %23, so /id/ontology%23Measure is the term ontology#Measure.
        return url_for("resource.show", path=iri[len(base):])
    return iri


def label_of(labels, language=None):
    """The label in the language out of {language: text}, else the other one, else any."""
    language = language or current_language()
    for choice in (language, "en" if language == "az" else "az", "", None):
        if labels.get(choice):
            return labels[choice]
    return next(iter(labels.values()), "")


def short_name(iri):
    """prefix:name for an IRI in a well-known vocabulary, else the IRI itself."""
    for namespace, prefix in KNOWN_PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
