"""The saved-query API on a real server over a real build: listing, answers, formats, refusals, limits."""

import csv
import io
import json
import shutil
import urllib.parse

import pyoxigraph as ox
import pytest

from atkg.queries import QUERY_DIR, load_queries
from atkg.server.api.formats import html_table
from tests.server.helpers import TOKEN, fetch, start_server
from tests.support.saved_answers import answer_rows
from tests.support.stores import oxigraph_server

AGENCY = "https://w3id.org/atkg/agency/"
NAP = "https://w3id.org/atkg/plan/nap-2020-2024"
SLOW_QUERY = """#+ summary: A cross join of the whole graph with itself, three times (runs past any time limit)
#+ description: For the tests of the time limit.
#+ tags: [tests]
#+ parameters: {}
#+ columns:
#+   n: how many rows the cross join has
#+ example: {}
SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }
"""


@pytest.fixture(scope="module")
def limited_server(built, tmp_path_factory):
    """A server with 5 rows and 2 seconds at most, serving two saved queries and a slow one."""
    settings, _ = built
    tmp = tmp_path_factory.mktemp("limited")
    folder = tmp / "queries"
    folder.mkdir()
    for name in ("agencies", "measures-by-agency"):
        (folder / f"{name}.rq").write_text((QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "slow-cross-join.rq").write_text(SLOW_QUERY, encoding="utf-8")
    running = start_server(tmp, store=settings.store_dir, env={
        "ATKG_QUERY_TIMEOUT": "2", "ATKG_MAX_ROWS": "5", "ATKG_QUERIES_DIR": str(folder),
        "ATKG_MAX_REQUEST_BYTES": "2000"})
    yield running
    running.stop()


def call(server, name, accept=None, **values):
    """GET /api/queries/NAME?values; (status, headers, body)."""
    headers = {"Accept": accept} if accept else {}
    return fetch(f"{server.base}/api/queries/{name}?{urllib.parse.urlencode(values)}", headers=headers)


def rows(body):
    """SPARQL JSON results as dicts of plain values."""
    return [{name: cell["value"] for name, cell in row.items()} for row in json.loads(body)["results"]["bindings"]]


def test_listing_describes_every_saved_query_from_its_header(real_server):
    status, headers, body = fetch(f"{real_server.base}/api/queries")
    listing = json.loads(body)
    files = sorted(path.stem for path in QUERY_DIR.glob("*.rq"))
    assert status == 200 and headers["Content-Type"] == "application/json" and len(files) >= 25
    assert [query["name"] for query in listing["queries"]] == files and listing["count"] == len(files)
    described = next(query for query in listing["queries"] if query["name"] == "measures-by-agency")
    assert described["summary"] == "Measures an agency carries, alone or jointly"
    assert described["summary_az"] == "İcraçı orqanın təkbaşına və ya birgə icra etdiyi tədbirlər"
    assert described["description_az"].startswith("Orqanı icraçı orqan kimi göstərən və ya onu yalnız icraya "
                                                  "cəlb edən (“... cəlb etməklə”) plan və ya proqramın hər tədbiri")
    assert described["tags"] == ["measures", "agencies"]
    assert described["parameters"] == [{
        "name": "agency", "type": "iri", "required": True, "example": AGENCY + "dmx",
        "description": "The executing body, e.g. https://w3id.org/atkg/agency/dmx (State Migration Service)",
        "description_az": "İcraçı orqan, məs. https://w3id.org/atkg/agency/dmx (Dövlət Miqrasiya Xidməti)",
        "classes": ["https://w3id.org/atkg/ontology#ExecutingBody"]}]
    assert [column["name"] for column in described["columns"]] == [
        "measure", "notation", "role", "otherBodies", "period", "periodType", "plan", "title_az", "title_en"]
    assert described["columns"][1] == {"name": "notation", "description": "the measure's number, e.g. 4.2.1",
                                       "description_az": "tədbirin nömrəsi (yarımbənd), məs. 4.2.1"}
    for query in listing["queries"]:
        texts = [query["summary_az"], query["description_az"]]
        texts += [item["description_az"] for item in query["parameters"] + query["columns"]]
        assert all(text and set(text) & set("əışçğöüƏŞÇĞÖÜİ") for text in texts), query["name"]
    assert described["example"] == {"agency": AGENCY + "dmx"}
    assert described["links"]["example_csv"] == (f"{real_server.base}/api/queries/measures-by-agency?"
                                                 "agency=https%3A%2F%2Fw3id.org%2Fatkg%2Fagency%2Fdmx&format=csv")


def test_measures_by_agency_gives_the_19_plan_measures_of_dmx(real_server):
    status, headers, body = call(real_server, "measures-by-agency", agency=AGENCY + "dmx")
    found = rows(body)
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert json.loads(body)["head"]["vars"] == [
        "measure", "notation", "role", "otherBodies", "period", "periodType", "plan", "title_az", "title_en"]
    in_plan = [row for row in found if row["plan"] == NAP]
    assert len(in_plan) == 19 and {row["role"] for row in in_plan} == {"responsible"}
    assert in_plan[0]["notation"] == "4.1.6" and in_plan[0]["period"] == "2020-2021"


def test_readmission_figures_as_csv_give_389_for_2021(real_server):
    status, headers, body = call(real_server, "readmission-figures", format="csv")
    table = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    readmitted = {row["period"]: row["value"] for row in table if row["indicator_en"].startswith("Citizens")}
    assert readmitted["2021"] == "389" and readmitted["2020-01/2020-03"] == "102"


def test_csv_and_html_by_accept_header(real_server):
    _, headers, body = call(real_server, "measures-by-agency", accept="text/csv", agency=AGENCY + "dmx")
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert body.decode().splitlines()[0] == "measure,notation,role,otherBodies,period,periodType,plan,title_az,title_en"
    _, headers, page = call(real_server, "measures-by-agency", accept="text/html,*/*;q=0.8", agency=AGENCY + "dmx")
    page = page.decode()
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<th>notation</th>" in page and page.count("<tr><td>") == 23
    assert f'<a href="{NAP}/measure/4.1.6">{NAP}/measure/4.1.6</a>' in page


def test_optional_parameters_narrow_the_answer(real_server):
    everything = rows(call(real_server, "partner-engagement")[2])
    iom_2021 = rows(call(real_server, "partner-engagement", partner="https://w3id.org/atkg/partner/iom",
                         year="2021")[2])
    expected = [row for row in everything if row["partner"].endswith("/iom") and row["year"] == "2021"]
    assert len(iom_2021) == 3 and iom_2021 == expected and len(everything) > len(iom_2021)


@pytest.mark.parametrize(("values", "message"), [
    ({}, "measures-by-agency needs a value for 'agency': The executing body, e.g. "
         "https://w3id.org/atkg/agency/dmx (State Migration Service)"),
    ({"agency": AGENCY + "dmx> } UNION { ?measure ?p ?o"},
     "'agency' must be an http(s) IRI without spaces, quotes or brackets, e.g. https://w3id.org/atkg/agency/dmx; "
     "got 'https://w3id.org/atkg/agency/dmx> } UNION { ?measure ?p ?o'"),
    ({"agency": AGENCY + "nowhere"}, "'agency': the graph has no ExecutingBody https://w3id.org/atkg/agency/nowhere"),
    ({"agency": AGENCY + "dmx", "endpoint": "http://example.org/sparql"},
     "measures-by-agency has no parameter 'endpoint'; it takes: agency"),
])
def test_bad_values_are_refused_naming_the_parameter(real_server, values, message):
    status, headers, body = call(real_server, "measures-by-agency", **values)
    assert (status, headers["Content-Type"], body.decode()) == (400, "text/plain; charset=utf-8", message + "\n")


def test_a_year_carrying_an_update_is_refused(real_server):
    status, _, body = call(real_server, "overdue-measures", year='2021 } DELETE WHERE { ?s ?p ?o } #')
    assert status == 400
    assert body.decode() == "'year' must be a whole number such as 2022; got '2021 } DELETE WHERE { ?s ?p ?o } #'\n"


@pytest.mark.parametrize(("address", "status", "message"), [
    ("/api/queries/no-such-query", 404,
     "There is no saved query called 'no-such-query'. The saved queries are listed at /api/queries."),
    ("/api/queries/partner-engagement?year=2021&year=2022", 400, "Give 'year' once; it was given 2 times."),
    ("/api/queries/agencies?format=xml", 400, "format must be one of json, csv or html; got 'xml'."),
    ("/api/queries/partner-engagement?year=20x1", 400, "'year' must be a whole number such as 2021; got '20x1'"),
])
def test_refusals(real_server, address, status, message):
    assert fetch(real_server.base + address)[::2] == (status, (message + "\n").encode())


def test_no_acceptable_format_is_406(real_server):
    status, _, body = call(real_server, "agencies", accept="image/png")
    assert (status, body.decode()) == (406, "Saved queries answer in SPARQL JSON results, CSV or HTML, not in the "
                                            "formats asked for (image/png).\n")


def test_same_answer_gives_304_with_its_etag(real_server):
    _, headers, _ = call(real_server, "agencies")
    status, _, body = fetch(f"{real_server.base}/api/queries/agencies", headers={"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


def test_rows_are_cut_at_the_row_limit_and_the_headers_say_so(limited_server):
    status, headers, body = call(limited_server, "measures-by-agency", agency=AGENCY + "dmx")
    assert status == 200 and len(rows(body)) == 5
    assert (headers["X-ATKG-Truncated"], headers["X-SPARQL-MaxRows"]) == ("true", "5")
    assert headers["Warning"] == '199 atkg "Only the first 5 results are shown: this service sends at most that many."'
    assert json.loads(body)["head"]["link"] == [f"{limited_server.sparql}/limits"]


def test_a_saved_query_past_the_time_limit_is_stopped_and_the_next_one_answers(limited_server):
    status, _, body = call(limited_server, "slow-cross-join")
    assert status == 503 and body.decode().startswith("The query took longer than the limit of 2 seconds and "
                                                      "was stopped (query timed out).")
    status, _, body = call(limited_server, "agencies")
    assert status == 200 and len(rows(body)) == 5


def test_a_request_larger_than_the_limit_is_413(limited_server):
    status, _, body = call(limited_server, "agencies", padding="x" * 3000)
    assert (status, body.decode()) == (413, "The request is too large for this service: it takes at most 2000 "
                                            "bytes.\n")


def test_the_served_folder_is_the_configured_one(limited_server):
    listing = json.loads(fetch(f"{limited_server.base}/api/queries")[2])
    assert [query["name"] for query in listing["queries"]] == ["agencies", "measures-by-agency", "slow-cross-join"]


@pytest.fixture(scope="module")
def writable_server(built, tmp_path_factory):
    """A server taking updates (bearer token) on its own copy of the real build's store."""
    settings, _ = built
    tmp = tmp_path_factory.mktemp("writable")
    shutil.copytree(settings.store_dir, tmp / "store")
    running = start_server(tmp, store=tmp / "store", env={"ATKG_UPDATE_TOKEN": TOKEN})
    yield running
    running.stop()


def test_answers_follow_an_update(writable_server):
    before = rows(call(writable_server, "measures-by-agency", agency=AGENCY + "dmx")[2])
    update = (f"PREFIX atkg: <https://w3id.org/atkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
              f"INSERT DATA {{ GRAPH <https://w3id.org/atkg/graph/test-update> {{ "
              f"<{NAP}/measure/9.9.9> a atkg:Measure ; "
              f'skos:notation "9.9.9" ; atkg:inPlan <{NAP}> ; atkg:responsibleBody <{AGENCY}dmx> }} }}')
    status, _, _ = fetch(writable_server.update, method="POST", body=update, headers={
        "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    after = rows(call(writable_server, "measures-by-agency", agency=AGENCY + "dmx")[2])
    assert status == 200 and (len(before), len(after)) == (23, 24)
    assert [row["notation"] for row in after if row["notation"] not in {r["notation"] for r in before}] == ["9.9.9"]


@pytest.fixture(scope="module")
def remote_proxy(built, tmp_path_factory):
    """atkg serving a real Oxigraph server (union default graph) over a copy of the real build's store."""
    settings, _ = built
    tmp = tmp_path_factory.mktemp("remote")
    shutil.copytree(settings.store_dir, tmp / "oxigraph")
    with oxigraph_server(tmp / "oxigraph", read_only=True, union_default_graph=True) as url:
        proxy = start_server(tmp, env={"ATKG_STORE_QUERY_URL": f"{url}/query"})
        try:
            yield proxy
        finally:
            proxy.stop()


@pytest.mark.parametrize("name", sorted(path.stem for path in QUERY_DIR.glob("*.rq")))
def test_a_remote_store_answers_every_saved_query_as_the_embedded_store_does(real_server, remote_proxy, name):
    values = load_queries()[name].example
    status, headers, body = call(remote_proxy, name, **values)
    assert status == 200 and "ETag" not in headers  # a remote store has no version to key answers by
    embedded = call(real_server, name, **values)[2]
    assert json.loads(body)["head"] == json.loads(embedded)["head"]
    assert _answer_rows(body, name) == _answer_rows(embedded, name)


def _answer_rows(body, name):
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return answer_rows(solutions, load_queries()[name])


def test_a_remote_store_refuses_the_same_values_and_searches(remote_proxy):
    status, _, body = call(remote_proxy, "measures-by-agency", agency=AGENCY + "no-such-body")
    assert (status, body.decode()) == (400, "'agency': the graph has no ExecutingBody "
                                            "https://w3id.org/atkg/agency/no-such-body\n")
    status, _, body = call(remote_proxy, "overdue-measures", year='2021" } ; DROP ALL ; #')
    assert status == 400 and body.decode().startswith("'year' must be a whole number such as 2022")
    assert [row["notation"] for row in rows(call(remote_proxy, "measures-by-agency", agency=AGENCY + "dmx")[2])]
    found = json.loads(fetch(f"{remote_proxy.base}/api/search?q=DMX")[2])["results"][0]
    assert (found["iri"], found["match"]) == (AGENCY + "dmx", "exact")
    assert json.loads(fetch(f"{remote_proxy.base}/api/queries")[2])["count"] == len(list(QUERY_DIR.glob("*.rq")))
    status, _, page = fetch(f"{remote_proxy.base}/queries/measures-by-agency")  # the gallery runs it too
    assert status == 200 and "nap-2020-2024/measure/4.4.9" in page.decode()


def test_the_html_table_escapes_what_it_shows():
    page = html_table(["name", "link"], [(ox.Literal('<script>alert("x")</script> & co'),
                                          ox.NamedNode("https://example.org/a?b=1&c='2'")), (None, None)],
                      title="A <title>")
    assert "<title>A &lt;title&gt;</title>" in page
    assert "<td>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</td>" in page
    assert ('<td><a href="https://example.org/a?b=1&amp;c=&#39;2&#39;">https://example.org/a?b=1&amp;c=&#39;2&#39;'
            "</a></td>") in page
    assert "<tr><td></td><td></td></tr>" in page and "<p>2 rows</p>" in page
