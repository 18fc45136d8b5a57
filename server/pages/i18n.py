"""The pages' two languages: which one a request wants (?lang=, then the cookie, then the browser's
Accept-Language, else Azerbaijani), and the pages' words in it from the project's one gettext catalogue
(atkg.ontology.catalogue) through Flask-Babel: `{{ _('Home') }}` in templates, gettext(...) in Python."""

from flask import request
from flask_babel import Babel, ngettext, npgettext, pgettext
from jinja2 import pass_context

from atkg.ontology.catalogue import DEFAULT_LANGUAGE, DOMAIN, LANGUAGES, LOCALE_DIR, translations

COOKIE = "atkg_lang"
COOKIE_SECONDS = 365 * 24 * 3600


def init_app(app):
    """Give the app's pages and templates the catalogue, in the language current_language() picks."""
    Babel(app, configure_jinja=False, locale_selector=current_language, default_locale=DEFAULT_LANGUAGE,
          default_domain=DOMAIN, default_translation_directories=str(LOCALE_DIR))
    app.jinja_env.add_extension("jinja2.ext.i18n")
    # Old-style callables: a translation is text, escaped like any other; Flask-Babel's own (newstyle)
    # would mark every translation as safe markup.
    app.jinja_env.install_gettext_callables(gettext=template_gettext, ngettext=ngettext, newstyle=False,
                                            pgettext=pgettext, npgettext=npgettext)


@pass_context
def template_gettext(context, message, **variables):
    """`_()` in templates: the message in the page's language (`lang`, atkg.server.pages.page_helpers), from
    the catalogue loaded once. Flask-Babel's gettext found the request's language and catalogue again for
    each of a page's twenty-odd words: a fifth of the time of a page that says a request was refused."""
    text = translations(context.get("lang") or current_language()).gettext(message)
    return text % variables if variables else text


def current_language():
    """The language of this request: ?lang=, else the cookie, else Accept-Language, else "az"."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def remember_language(response):
    """Keep a ?lang= choice in a cookie so the next pages open in it."""
    if b"lang=" not in request.query_string:  # most requests: no need to parse the address (a whole query)
        return response
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=COOKIE_SECONDS, samesite="Lax", httponly=True)
    return response
