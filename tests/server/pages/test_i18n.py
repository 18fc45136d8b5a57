"""The pages' words come from the project's catalogue, in the language each request picks, and are escaped
like any other text."""

import pytest
from flask import render_template_string
from flask_babel import gettext


@pytest.fixture
def app(rdf_dir, tmp_path):
    from atkg.server import create_app

    app = create_app({"DATA": [str(rdf_dir)], "DATA_DIR": str(tmp_path)})
    yield app
    app.extensions["atkg.engine"].close()


@pytest.mark.parametrize(("address", "headers", "expected"), [
    ("/?lang=az", {"Accept-Language": "en"}, "Əsas səhifə"),
    ("/?lang=en", {}, "Home"),
    ("/", {"Accept-Language": "en-GB,en;q=0.9"}, "Home"),
    ("/", {"Cookie": "atkg_lang=en", "Accept-Language": "az"}, "Home"),
    ("/", {}, "Əsas səhifə"),
])
def test_templates_say_the_catalogue_words_in_the_request_language(app, address, headers, expected):
    with app.test_request_context(address, headers=headers):
        assert render_template_string("{{ _('Home') }}") == expected


def test_python_code_of_the_pages_reads_the_same_catalogue(app):
    with app.test_request_context("/?lang=az"):
        assert gettext("The graph holds nothing at this address.") == "Bu ünvanda qrafda heç nə yoxdur."


def test_a_translation_on_a_page_is_escaped_as_text(app):
    with app.test_request_context("/?lang=en"):
        shown = render_template_string('{{ _("The text is empty: paste the report\'s text or choose its file.") }}')
    assert shown == "The text is empty: paste the report&#39;s text or choose its file."
