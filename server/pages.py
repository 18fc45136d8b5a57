"""The web pages for people: the landing page, and what every page shares (the language and its switch,
links from graph IRIs to their pages, the search box). The other pages live in pages_*.py blueprints."""

from urllib.parse import urlencode

from flask import Blueprint, render_template, request, url_for

from atkg.server import pages_data
from atkg.server.pages_editor import editor_examples
from atkg.server.pages_i18n import LANGUAGES, current_language, remember_language, word

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def page_helpers():
    """What every template may use: the language, its words, and links into the graph's pages."""
    return {"lang": current_language(), "t": word, "languages": LANGUAGES, "lang_url": language_url,
            "local": local_url, "label_of": label_of, "base_iri": pages_data.base_iri(),
            "saved_examples": editor_examples}


@bp.after_app_request
def keep_language(response):
    """Remember a language chosen with ?lang= in a cookie."""
    return remember_language(response)


@bp.route("/", methods=["GET"])
def index():
    """The landing page: what the graph holds, with counts, and where to start."""
    return render_template("index.html", counts=pages_data.graph_counts())


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
