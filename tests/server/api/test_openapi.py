"""The OpenAPI 3 document generated from the saved queries' headers: valid, complete, and served."""

import copy
import json

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from atkg.queries import load_queries
from atkg.server.api.openapi import document
from tests.server.helpers import fetch


@pytest.fixture(scope="module")
def queries():
    """The saved queries of queries/."""
    found = load_queries()
    assert len(found) >= 25
    return found


@pytest.fixture(scope="module")
def spec(queries):
    """The document for the saved queries, as served at http://127.0.0.1:8000."""
    return document(queries, server_url="http://127.0.0.1:8000")


def test_the_document_is_valid_openapi_3(spec):
    validate(spec)
    assert spec["openapi"] == "3.0.3" and spec["servers"] == [{"url": "http://127.0.0.1:8000"}]


def test_the_validator_catches_a_flaw(spec):
    broken = copy.deepcopy(spec)
    del broken["paths"]["/api/queries/measures-by-agency"]["get"]["responses"]
    with pytest.raises(OpenAPIValidationError, match="'responses' is a required property"):
        validate(broken)


def test_one_path_per_saved_query_besides_listing_and_search(spec, queries):
    expected = {f"/api/queries/{name}" for name in queries} | {"/api/queries", "/api/search"}
    assert set(spec["paths"]) == expected


def test_parameters_mirror_the_header(spec):
    operation = spec["paths"]["/api/queries/measures-by-agency"]["get"]
    assert operation["summary"] == "Measures an agency carries, alone or jointly"
    assert operation["tags"] == ["measures", "agencies"]
    agency, fmt = operation["parameters"]
    assert agency == {"name": "agency", "in": "query", "required": True,
                      "description": "The executing body, e.g. https://w3id.org/atkg/agency/dmx "
                                     "(State Migration Service)",
                      "schema": {"type": "string", "format": "uri", "pattern": "^https?://"},
                      "example": "https://w3id.org/atkg/agency/dmx"}
    assert fmt["name"] == "format" and fmt["schema"]["enum"] == ["json", "csv", "html"]


def test_types_of_optional_integer_and_date_parameters(spec):
    engagement = {p["name"]: p for p in spec["paths"]["/api/queries/partner-engagement"]["get"]["parameters"]}
    assert (engagement["year"]["required"], engagement["year"]["schema"]) == (False, {"type": "integer"})
    assert engagement["partner"]["required"] is False
    timeline = {p["name"]: p for p in spec["paths"]["/api/queries/events-timeline"]["get"]["parameters"]}
    assert timeline["from"]["schema"] == {"type": "string", "format": "date"}
    assert timeline["from"]["example"] == "2021-01-01"


def test_answers_name_the_three_formats_and_the_refusals(spec):
    responses = spec["paths"]["/api/queries/readmission-figures"]["get"]["responses"]
    assert sorted(responses) == ["200", "400", "406", "413", "503"]
    assert sorted(responses["200"]["content"]) == ["application/sparql-results+json", "text/csv", "text/html"]


def test_the_server_serves_the_document_for_its_own_address(real_server, queries):  # noqa: F811
    status, headers, body = fetch(f"{real_server.base}/api/openapi.json")
    served = json.loads(body)
    assert status == 200 and headers["Content-Type"] == "application/json"
    validate(served)
    assert served == json.loads(json.dumps(document(queries, server_url=real_server.base)))
