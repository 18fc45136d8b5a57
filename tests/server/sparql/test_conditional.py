"""ETags of answers and the 304 for a client that holds one (werkzeug's If-None-Match comparison)."""

import pytest
from flask import Flask

from atkg.server.sparql.conditional import etag, not_modified

TAG = etag("version-1", "SELECT * {}", "json")


@pytest.fixture(scope="module")
def app():
    return Flask(__name__)


@pytest.mark.parametrize("given", [f'"{TAG}"', f'W/"{TAG}"', f'"other", "{TAG}"', f'W/"other",W/"{TAG}"', "*"])
def test_a_held_tag_weak_or_in_a_list_gets_304(app, given):
    with app.test_request_context(headers={"If-None-Match": given}):
        response = not_modified(TAG)
    assert response.status_code == 304
    assert (response.headers["ETag"], response.headers["Vary"]) == (f'"{TAG}"', "Accept")


@pytest.mark.parametrize("headers", [{}, {"If-None-Match": '"other"'}, {"If-None-Match": f'"{TAG}x"'}])
def test_another_tag_or_none_gets_the_answer(app, headers):
    with app.test_request_context(headers=headers):
        assert not_modified(TAG) is None


def test_no_version_no_tag(app):
    assert etag(None, "SELECT * {}") is None
    with app.test_request_context(headers={"If-None-Match": "*"}):
        assert not_modified(None) is None


def test_the_tag_changes_with_the_data_version():
    assert etag("version-2", "SELECT * {}", "json") != TAG == etag("version-1", "SELECT * {}", "json")
