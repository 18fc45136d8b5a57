"""The web pages as HTML and by content negotiation, on a real server over a real build: landing page,
resource pages, the editor at /sparql, the saved-query gallery, the dashboard, the check page, languages."""

import csv
import html
import io
import json
import re
import urllib.parse
import uuid
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from atkg.graph.translations import load_translations
from atkg.queries import load_queries
from tests.server.helpers import ROOT, fetch

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Language": "en"}
MEASURE = "https://w3id.org/atkg/plan/nap-2020-2024/measure/4.2.1"
DMX = "https://w3id.org/atkg/agency/dmx"
REPORT_2021 = ROOT / "graph" / "sources" / "002_e692b092547fc0c1.txt"


@pytest.fixture(scope="session")
def site(real_site):
    """The session's server on the real build."""
    return real_site


def page(site, path, headers=HTML):
    """(status, headers, text) of a page."""
    status, response_headers, body = fetch(site.base + path, headers=headers)
    return status, response_headers, body.decode("utf-8")


def asserted_count(select, pattern):
    """How many distinct ?x match the pattern in the asserted graphs (not the OWL RL one)."""
    rows = select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ {pattern} }} "
                  'FILTER(!STRENDS(STR(?g), "/graph/inferred")) }')
    return int(rows[0][0])


def test_landing_page_counts_what_the_store_holds(site, select):
    status, _, text = page(site, "/")
    assert status == 200
    expected = {"measures": asserted_count(select, "?x a atkg:Measure"),
                "reports": 4, "entries": asserted_count(select, "?x a atkg:ReportEntry"),
                "events": asserted_count(select, "?x a atkg:Event"),
                "legal_acts": asserted_count(select, "?x a atkg:LegalAct"),
                "partners": asserted_count(select, "?e atkg:partner ?x"),
                "figures": asserted_count(select, "?x a atkg:StatisticalObservation")}
    assert expected["measures"] >= 64 and expected["entries"] > 0 and expected["figures"] > 0
    shown = dict(re.findall(r'<li id="count-(\w+)"><span class="n">(\d+)</span>', text))
    assert {name: int(n) for name, n in shown.items()} == expected


def test_landing_page_says_where_to_start(site):
    _, _, text = page(site, "/")
    for address in ('href="/queries"', 'href="/sparql"', 'href="/dashboard"', 'href="/check"'):
        assert address in text
    assert "What the graph holds" in text and 'id="search-box"' in text and 'data-api="/api/search"' in text


def search_results(site, typed, language):
    """(kind shown, link, text) of each result on /search?q=typed, in order."""
    status, _, text = page(site, f"/search?{urllib.parse.urlencode({'q': typed, 'lang': language})}")
    assert status == 200
    found = re.findall(r'<li data-kind="\w+"><span class="kind">([^<]*)</span>\s*<a href="([^"]+)">([^<]*)</a>',
                       text)
    return [(kind, link, html.unescape(label)) for kind, link, label in found]


def test_the_search_page_lists_what_was_typed_with_its_kind(site):
    assert search_results(site, "Miqrasiya Xidmətinin", "en")[0] == ("Agency", "/id/agency/dmx",
                                                                      "State Migration Service")
    assert search_results(site, "Daxili İşlər Nazirliyi", "az")[0] == ("Qurum", "/id/agency/din",
                                                                       "Daxili İşlər Nazirliyi")
    assert search_results(site, "4.2.1", "en")[0] == ("Measure", "/id/plan/nap-2020-2024/measure/4.2.1",
                                                      "4.2.1 " + search_label(site, "4.2.1"))
    _, _, text = page(site, "/search?lang=en&q=" + urllib.parse.quote("DİN"))
    assert "dinlənilmiş" not in text and re.search(r'<p id="search-count">\d+ results? for “DİN”</p>', text)
    _, _, text = page(site, "/search?q=qwzxv&lang=en")
    assert '<p id="search-count">0 results for “qwzxv”</p>' in text and "Nothing found." in text


def search_label(site, notation):
    """The English label /api/search gives a measure."""
    _, _, body = fetch(f"{site.base}/api/search?q={notation}")
    return json.loads(body)["results"][0]["label"]["en"]


def test_measure_page_is_its_dossier(site):
    status, headers, text = page(site, "/id/plan/nap-2020-2024/measure/4.2.1")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    heading = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", text, re.S).group(1)))
    assert heading == ("Measure 4.2.1: Preparation and dissemination of educational and methodological manuals "
                       "and awareness-raising materials on the nature of the problem of trafficking in human beings "
                       "and its prevention")
    assert '<p class="other-title" lang="az">İnsan alveri probleminin mahiyyəti, onun qarşısının alınması' in text
    assert re.search(r'id="measure-section"><a href="/id/plan/nap-2020-2024/section/4.2">Section 4.2</a>: '
                     r"Prevention of trafficking in human beings \(prophylaxis\)</dd>", text)
    assert shown(text, "measure-period") == "2020–2024"
    responsible = re.search(r'id="responsible-bodies">(.*?)</ul>', text, re.S).group(1)
    assert responsible.count("<li>") == 9 and '<a href="/id/agency/dmx">State Migration Service</a>' in responsible
    # DMX reported 4.2.1 carried out in 2020 and 2021; the graph holds no report for the later years.
    states = dict(re.findall(r'data-year="(\d{4})" data-state="([a-z-]+)"', text))
    assert states == {"2020": "carried-out", "2021": "carried-out", "2022": "carried-out", "2023": "no-report",
                      "2024": "no-report"}
    # 2021's entry, sentence by sentence: what is new since 2020's entry marked, what repeats it not.
    assert "<mark class=\"new\">Hesabat dövrü ərzində Azərbaycan Respublikası Daxili İşlər Nazirliyinin" in text
    assert '<span class="repeated">Bununla yanaşı, Xidmət tərəfindən Azərbaycan Respublikasında olan' in text
    assert re.search(r'<p class="repeated-share">52% of its words repeat the entry for the year before\s*'
                     r'\(<a href="/id/report/dmx-2020/entry/4.2.1">', text)
    assert re.search(r'id="cross-references"><li>.*entry 4.2.1</a> ↔ .*entry 4.8.1</a>', text)
    # The statements are folded below; the plan's row is cited by the plan's title and line, not the file.
    assert '<details id="raw-statements">' in text and "004_961f872eaa6ca64b, line" not in text
    assert ('<cite class="source"><a href="/id/plan/nap-2020-2024">National Action Plan on combating '
            "trafficking in human beings in the Republic of Azerbaijan for 2020-2024</a>, line 106</cite>") in text


def test_measure_dossier_marks_a_year_overdue_and_speaks_azerbaijani(site):
    _, _, text = page(site, "/id/plan/nap-2020-2024/measure/4.1.2?lang=az")
    # 4.1.2 ran 2020-2021 and no report says it was carried out: each year after is overdue.
    states = dict(re.findall(r'data-year="(\d{4})" data-state="([a-z-]+)"', text))
    assert [states[year] for year in ("2022", "2023", "2024")] == ["overdue"] * 3
    assert '<span class="state">vaxtı keçib</span>' in text and "Planda nə deyilir" in text
    assert shown(text, "measure-deadline") == "son il: 2021"


def goals_shown(text):
    """[(code, language, text)] of the goals in a dossier's "Goals" row."""
    row = re.search(r'id="measure-goals">(.*?)</dd>', text, re.S).group(1)
    found = re.findall(r'<li data-goal="([\d.]+)"><a href="/id/plan/nap-2020-2024/goal/\1">\1</a>\s*'
                       r'<span lang="(\w+)">([^<]+)</span></li>', row)
    return [(code, language, html.unescape(words)) for code, language, words in found]


def test_measure_dossier_shows_the_plans_goals_as_the_plans_not_the_measures(site, select):
    # The plan (chapter 2.1) sets seven goals for the whole plan and links no measure to any of them.
    assert select("SELECT ?m WHERE { ?m a atkg:Measure ; ?link ?goal . ?goal a atkg:Goal }") == []
    _, _, text = page(site, "/id/plan/nap-2020-2024/measure/4.2.1")
    assert ('<dt>Goals</dt><dd id="measure-goals"><details id="plan-goals"><summary>The plan sets these 7 goals '
            "for all its measures and does not assign measures to goals.</summary>") in text
    english = load_translations()["goals"]
    assert goals_shown(text) == [(code, "en", english[code]) for code in
                                 ("2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.1.6", "2.1.7")]
    _, _, text = page(site, "/id/plan/nap-2020-2024/measure/4.1.2?lang=az")
    azerbaijani = dict(select('SELECT ?code ?text WHERE { ?g a atkg:Goal ; skos:notation ?code ; '
                              'dcterms:description ?text FILTER(LANG(?text) = "az") }'))
    assert azerbaijani["2.1.6"] == ("insan alveri qurbanlarının və potensial qurbanların həyat səviyyəsinin "
                                    "yaxşılaşdırılması üçün lazımi şərait yaradılması")
    assert goals_shown(text) == [(code, "az", azerbaijani[code]) for code in sorted(azerbaijani)]
    assert "<summary>Plan bu 7 məqsədi bütün tədbirləri üçün müəyyən edir" in text
    # The older programme's goals are not in the sources: the row says so and lists none.
    _, _, text = page(site, "/id/plan/programme-2011-2015/measure/3.5.2.6")
    assert shown(text, "measure-goals") == "The sources state no goals for this plan."


SOURCE_STEM = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")  # graph/iris.py names a kept source NNN_<hash>


class VisibleText(HTMLParser):
    """What a page shows: its text outside scripts and styles, and the words of aria-label, alt,
    placeholder and of a title that is not a link's (a link's title and href may keep the IRI)."""

    def __init__(self, page_html):
        super().__init__()
        self.parts, self.hidden = [], 0
        self.feed(page_html)

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")
        self.parts += [value for name, value in attrs if value and name in ("aria-label", "alt", "placeholder", "title")
                       and not (tag == "a" and name == "title")]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def dossier_paths(select):
    """The dossiers: a measure of each plan, the agency that reports, and every report."""
    reports = [row[0] for row in select("SELECT ?r WHERE { ?r a atkg:Report }")]
    assert len(reports) == 4
    return ["/id/plan/nap-2020-2024/measure/4.2.1", "/id/plan/nap-2020-2024/measure/4.6.6",
            "/id/plan/programme-2011-2015/measure/3.5.2.6", "/id/agency/dmx"] + [
        "/id/" + report.removeprefix("https://w3id.org/atkg/") for report in reports]


def test_no_saved_query_table_nor_dossier_shows_a_source_file_name(site, select):
    # The pattern finds every kept source's name (the pages' links still hold them).
    stems = {path.stem for path in (ROOT / "graph" / "sources").glob("*.txt")}
    assert len(stems) == 5 and all(SOURCE_STEM.fullmatch(stem) for stem in stems)
    queries = load_queries()
    paths = [f"/queries/{name}?lang={language}" for name in queries for language in ("en", "az")]
    paths += [f"/api/queries/{name}?" + urllib.parse.urlencode({**query.example, "format": "html"})
              for name, query in queries.items()]
    paths += [f"{path}?lang={language}" for path in dossier_paths(select) for language in ("en", "az")]
    for path in paths:
        status, _, text = page(site, path)
        assert status == 200, path
        assert SOURCE_STEM.findall(" ".join(VisibleText(text).parts)) == [], path
    # Instead: the plan's or report's title and the line, in the page's language.
    _, _, text = page(site, "/queries/measure-sources?run=1&lang=az&measure=" + MEASURE.replace("4.2.1", "4.6.6"))
    rows = [[html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(<td>.*?)</tr>", text, re.S)]
    assert ["Azərbaycan Respublikasında insan alverinə qarşı mübarizəyə dair 2020-2024-cü illər üçün Milli Fəaliyyət "
            "Planı", "154"] in [row[1:3] for row in rows]
    _, _, text = page(site, "/id/report/dmx-2021?lang=az")
    assert re.search(r'<a href="/id/source/002_e692b092547fc0c1/quote/L3-5-[0-9a-f]+" title="[^"]+">'
                     r"Dövlət Miqrasiya Xidməti: 2021-ci il üzrə hesabat, sətir 3–5</a>", text)


def test_agency_page_lists_its_measures_year_by_year(site, select):
    _, _, text = page(site, "/id/agency/dmx")
    table = re.search(r'<table class="heat agency-measures" id="measures-nap-2020-2024">(.*?)</table>', text,
                      re.S).group(1)
    codes = re.findall(r'<th scope="row"><a href="[^"]+">([\d.]+)</a>', table)
    given = select("SELECT ?code WHERE { ?m atkg:inPlan <https://w3id.org/atkg/plan/nap-2020-2024> ; "
                   "atkg:responsibleBody <https://w3id.org/atkg/agency/dmx> ; skos:notation ?code }")
    assert sorted(codes) == sorted(str(row[0]) for row in given) and len(codes) == 19
    row = re.search(r'<a href="/id/plan/nap-2020-2024/measure/4.2.1">4.2.1</a>.*?</tr>', table, re.S).group(0)
    assert re.findall(r'data-year="(\d{4})" data-state="([a-z-]+)"', row) == [
        ("2020", "carried-out"), ("2021", "carried-out"), ("2022", "carried-out"), ("2023", "no-report"),
        ("2024", "no-report")]
    assert "Preparation and dissemination of educational and methodological manuals" in row


def test_report_page_lists_its_entries(site, select):
    _, _, text = page(site, "/id/report/dmx-2021")
    table = re.search(r'<table id="report-entries">(.*?)</table>', text, re.S).group(1)
    held = select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { "
                  "?e atkg:inReport <https://w3id.org/atkg/report/dmx-2021> ; atkg:aboutMeasure ?m }")
    assert table.count('<th scope="row">') == int(held[0][0]) > 0
    assert re.search(r'measure/4.2.1">4.2.1</a></th>\s*<td>Carried out</td>\s*<td>52%</td>', table)


def test_pointing_here_names_things_grouped_by_kind(site):
    _, _, text = page(site, "/id/plan/nap-2020-2024/measure/4.2.1")
    pointing = text[text.index('id="pointing-here"'):]
    groups = dict(re.findall(r"<h3>([^<]+?) <small class=\"muted\">\((\d+)\)</small></h3>", pointing))
    assert groups == {"Action plan": "1", "Report entry": "3", "Shared responsibility": "36"}
    links = re.findall(r'<a href="[^"]+">([^<]+)</a>', pointing)
    assert links and not [link for link in links if link.startswith(("http", "atkg:"))]
    assert "Ministry of Internal Affairs · State Migration Service" in links


def test_resource_page_embeds_schema_org_json_ld(site):
    _, _, text = page(site, "/id/report/dmx-2021/entry/4.8.3/event/1")
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1)
    document = json.loads(embedded)
    assert document["@context"] == "https://schema.org/" and document["@type"] == ["Event"]
    assert document["@id"] == "https://w3id.org/atkg/report/dmx-2021/entry/4.8.3/event/1"
    assert document["startDate"] == ["2021"]
    assert {"@value": "İclas, 2021", "@language": "az"} in document["name"]


def test_rdf_clients_get_turtle_or_json_ld(site):
    status, headers, body = fetch(site.base + "/id/plan/nap-2020-2024/measure/4.2.1",
                                  headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=body.decode(), format="turtle")
    assert (URIRef(MEASURE), SKOS.notation, Literal("4.2.1")) in graph
    status, headers, body = fetch(site.base + "/id/plan/nap-2020-2024/measure/4.2.1",
                                  headers={"Accept": "application/ld+json"})
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    triples = {quad.triple for quad in ox.parse(body, format=ox.RdfFormat.JSON_LD)}  # rdflib warns here
    assert ox.Triple(ox.NamedNode(MEASURE), ox.NamedNode(str(SKOS.notation)), ox.Literal("4.2.1")) in triples
    assert fetch(site.base + "/id/plan/nap-2020-2024/measure/4.2.1")[1]["Content-Type"].startswith("text/turtle")


def test_resource_refusals(site):
    status, headers, text = page(site, "/id/plan/nap-2020-2024/measure/9.9.9")
    assert status == 404 and "The graph holds nothing at this address." in text
    status, _, body = fetch(site.base + "/id/plan/nap-2020-2024/measure/9.9.9", headers={"Accept": "text/turtle"})
    assert (status, body) == (404, b"The graph holds nothing about "
                                   b"https://w3id.org/atkg/plan/nap-2020-2024/measure/9.9.9.\n")
    status, _, body = fetch(site.base + "/id/plan/nap-2020-2024/measure/4.2.1", headers={"Accept": "image/png"})
    assert status == 406 and body.startswith(b"This resource is available as a web page")


def test_hash_iris_have_pages_through_percent_23(site):
    status, _, text = page(site, "/id/ontology%23Measure")
    assert status == 200 and "https://w3id.org/atkg/ontology#Measure" in text
    _, _, measure = page(site, "/id/plan/nap-2020-2024/measure/4.2.1")
    assert 'href="/id/ontology%23Measure"' in measure


def test_browsers_get_the_editor_and_programs_the_service_description(site):
    status, headers, text = page(site, "/sparql")
    assert status == 200 and "vendor/yasgui/yasgui.min.js" in text
    examples = json.loads(re.search(r'<script type="application/json" id="saved-queries">(.*?)</script>',
                                    text, re.S).group(1))
    assert [example["name"] for example in examples] == sorted(load_queries())
    status, headers, body = fetch(site.base + "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert b"sd:Service" in body or b"service-description#Service" in body


def test_vendored_editor_and_its_licence_are_served(site):
    for name in ("yasgui.min.js", "yasgui.min.css", "LICENSE"):
        status, _, body = fetch(f"{site.base}/static/vendor/yasgui/{name}")
        assert status == 200 and len(body) > 1000
    assert b"MIT License" in fetch(f"{site.base}/static/vendor/yasgui/LICENSE")[2]
    status, _, chart = fetch(f"{site.base}/static/vendor/chartjs/chart.umd.min.js")
    assert status == 200 and chart.startswith(b"/*!\n * Chart.js v4.6.1")
    assert b"The MIT License (MIT)" in fetch(f"{site.base}/static/vendor/chartjs/LICENSE.md")[2]
    _, _, editor = page(site, "/sparql")
    assert '<script src="/static/vendor/chartjs/chart.umd.min.js"></script>' in editor


def test_gallery_lists_every_saved_query(site):
    _, _, text = page(site, "/queries")
    listed = re.findall(r'href="/queries/([a-z0-9-]+)"', text)
    assert sorted(set(listed)) == sorted(load_queries()) and len(listed) >= 20


def test_gallery_groups_the_saved_queries_by_question(site):
    _, _, text = page(site, "/queries")
    headings = re.findall(r'<h2 id="heading-([a-z-]+)">([^<]+) <small', text)
    assert [key for key, _ in headings] == ["plan", "reports", "events-and-partners", "legal-acts", "figures",
                                            "quality"]
    figures = re.search(r'<section class="question" id="question-figures".*?</section>', text, re.S).group(0)
    assert re.findall(r'data-query="([a-z0-9-]+)"', figures) == [
        "enforcement-figures-2012-2015", "figures", "readmission-figures", "referrals", "training-figures"]
    _, _, azerbaijani = page(site, "/queries?lang=az")
    assert '<h2 id="heading-legal-acts">Hüquqi aktlar və sazişlər <small' in azerbaijani


def shown(text, element_id):
    """The text of the element with that id (a tag without nested tags), unescaped."""
    return html.unescape(re.search(rf'id="{element_id}"[^>]*>([^<]*)<', text).group(1))


def test_saved_query_speaks_the_pages_language(site):
    _, _, azerbaijani = page(site, "/queries/report-coverage?lang=az")
    _, _, english = page(site, "/queries/report-coverage?lang=en")
    assert shown(azerbaijani, "query-summary") == ("Orqanın illik hesabatı onun hansı tədbirlərini əhatə edib, "
                                                   "hansılarını yox")
    assert shown(english, "query-summary") == ("Which of an agency's measures its report for a year covered, "
                                               "and which not")
    assert shown(azerbaijani, "query-description").startswith("Orqanın icraçısı olduğu və icra müddəti həmin ili")
    assert shown(english, "query-description").startswith("Every measure the agency is responsible for")
    assert ('<p class="note">Hesabat ili, məs. 2021 — nümunə: <code>2021</code></p>') in azerbaijani
    assert ('<p class="note">The year the report covers, e.g. 2021 — example: <code>2021</code></p>') in english
    # Headers are the columns' descriptions, and a column given in both languages shows the page's one.
    assert '<th scope="col" data-column="status_az">İcra vəziyyəti Azərbaycan dilində</th>' in azerbaijani
    assert 'data-column="status_en"' not in azerbaijani and 'data-column="status_az"' not in english
    assert '<th scope="col" data-column="status_en">Implementation status read from the entry, in English</th>' \
        in english
    assert "Which of an agency" not in azerbaijani and "Orqanın illik" not in english


def test_gallery_and_editor_list_the_summaries_in_the_pages_language(site):
    queries = load_queries()
    for language in ("az", "en"):
        _, _, gallery = page(site, f"/queries?lang={language}")
        links = dict(re.findall(r'<a href="/queries/([a-z0-9-]+)">([^<]*)</a>', gallery))
        assert {name: html.unescape(summary) for name, summary in links.items()} == {
            name: query.texts_in(language).summary for name, query in queries.items()}
        _, _, editor = page(site, f"/sparql?lang={language}")
        examples = json.loads(re.search(r'<script type="application/json" id="saved-queries">(.*?)</script>',
                                        editor, re.S).group(1))
        assert {example["name"]: example["summary"] for example in examples} == {
            name: query.texts_in(language).summary for name, query in queries.items()}
    assert links["plan-goals"] == "The goals and principles of a plan"  # English in the English gallery
    assert {example["name"]: example["text"].split("\n")[0] for example in examples}["plan-goals"] == (
        "# The goals and principles of a plan")
    _, _, editor = page(site, "/sparql?lang=az")
    assert "<option value=\"plan-goals\">plan-goals: Planın məqsədləri və prinsipləri</option>" in editor


def test_saved_query_form_runs_with_the_visitors_values(site):
    path = "/queries/measures-by-agency?" + urllib.parse.urlencode({"run": "1", "agency": DMX})
    status, _, text = page(site, path)
    assert status == 200 and 'id="result-table"' in text
    assert f'<option value="{DMX}" selected>State Migration Service</option>' in text
    assert 'href="/id/plan/nap-2020-2024/measure/4.2.1"' in text
    download = re.search(r'id="download-csv" href="([^"]+)"', text).group(1).replace("&amp;", "&")
    status, _, body = fetch(site.base + download)
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert status == 200 and "4.2.1" in {row["notation"] for row in rows}


def cells_of(text, column):
    """The shown text of each cell of a column of the answer table, by the column's name."""
    table = re.search(r'<table id="result-table".*?</table>', text, re.S).group(0)
    names = re.findall(r'data-column="([^"]+)"', table)
    rows = re.findall(r"<tr>(<td>.*?)</tr>", table, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", re.findall(r"<td>(.*?)</td>", row, re.S)[names.index(column)]))
            for row in rows]


def test_tables_show_values_as_people_read_them(site):
    _, _, text = page(site, "/queries/enforcement-figures-2012-2015")
    table = re.search(r'<table id="result-table".*?</table>', text, re.S).group(0)
    assert "^^" not in table and "XMLSchema" not in table and "@en" not in table and "@az" not in table
    # Numbers grouped as English readers write them, years left alone; the header is the column's description.
    assert "28,184" in cells_of(text, "value") and {*cells_of(text, "year")} == {"2012", "2013", "2014", "2015"}
    assert '<th scope="col" data-column="value">The figure</th>' in table
    _, _, text = page(site, "/queries/enforcement-figures-2012-2015?lang=az")
    assert "28.184" in cells_of(text, "value")
    columns = re.findall(r'data-column="([^"]+)"', text)
    assert "indicator_az" in columns and "indicator_en" not in columns  # only the page's language of a pair


def test_tables_say_once_what_every_row_shares(site):
    path = "/queries/measures-by-agency?" + urllib.parse.urlencode({"run": "1", "agency": f"{DMX[:-3]}dta"})
    _, _, text = page(site, path)
    shared = re.search(r'<dl class="facts" id="shared-values">(.*?)</dl>', text, re.S).group(1)
    assert ('<dt>IRI of the plan or programme the measure belongs to</dt><dd><a href="/id/plan/nap-2020-2024"'
            in shared)
    results = text[text.index('id="results"'):text.index("</section>", text.index('id="results"'))]
    assert 'data-column="plan"' not in results and results.count('href="/id/plan/nap-2020-2024"') == 1


def test_saved_query_with_a_bad_value_says_what_is_wrong(site):
    status, _, text = page(site, "/queries/events-timeline?run=1&from=2021-13-45&to=2021-12-31")
    assert status == 200
    assert ('<p class="error" role="alert" id="problem">&#39;from&#39; must be a date written YYYY-MM-DD such as '
            '2021-01-01; got &#39;2021-13-45&#39;</p>') in text
    assert 'id="result-table"' not in text


def test_figures_get_a_chart_and_lists_of_names_do_not(site):
    _, _, text = page(site, "/queries/readmission-figures")
    assert '<svg class="chart"' in text and "<rect class=\"bar\"" in text
    assert "<title>2021 · Citizens readmitted: 389</title>" in text  # the 2021 report: 389 readmitted
    assert '<svg class="chart"' not in page(site, "/queries/agencies")[2]


def test_charts_say_their_period_and_draw_nothing_twice(site):
    _, _, text = page(site, "/queries/readmission-figures")
    # The 2020 report's figures stop in March: the bar says so beside the whole year 2021.
    assert "<title>Jan–Mar 2020 · Citizens readmitted: 102</title>" in text
    assert "<figcaption>Chart: How many citizens were readmitted, and helped to reintegrate, per year (2020–2022)" \
        "</figcaption>" in text
    # agency-workload counts the bodies of two plans: one chart per plan, each body once in each.
    _, _, text = page(site, "/queries/agency-workload")
    charts = re.findall(r"<figure class=\"chart\">(.*?)</figure>", text, re.S)
    assert len(charts) == 2
    assert "National Action Plan on combating trafficking" in charts[0] and "Programme 2011-2015" in charts[1]
    for chart in charts:
        bars = re.findall(r"<rect class=\"bar\"[^>]*><title>(.*?): \d+</title>", chart)
        assert bars and len(bars) == len(set(bars))
    assert "<title>State Migration Service: 19</title>" in charts[0]


def test_dashboard_counts_the_measures_the_plan_gives_and_no_body_as_its_own_partner(site, select):
    _, _, text = page(site, "/dashboard")
    heat = re.search(r'<table class="heat" id="heat-dmx">(.*?)</table>', text, re.S).group(1)
    codes = re.findall(r'<th scope="row"><a href="[^"]+">([\d.]+)</a></th>', heat)
    given = select("SELECT ?code WHERE { ?m atkg:inPlan <https://w3id.org/atkg/plan/nap-2020-2024> ; "
                   "atkg:responsibleBody <https://w3id.org/atkg/agency/dmx> ; skos:notation ?code }")
    assert len(codes) == 19 and sorted(codes) == sorted(str(row[0]) for row in given)
    partners = re.search(r'<section aria-labelledby="partners">(.*?)</section>', text, re.S).group(1)
    iom = select("SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE { ?event a atkg:Event ; "
                 "atkg:partner <https://w3id.org/atkg/partner/iom> }")[0][0]
    assert f"<title>International Organization for Migration: {iom}</title>" in partners and int(iom) >= 2
    assert "State Migration Service:" not in partners
    # Events per year, every year from the first to the last (empty ones too), never a month beside a year.
    timeline = re.search(r'<section aria-labelledby="timeline">(.*?)<details>', text, re.S).group(1)
    years = re.findall(r"<rect class=\"bar\"[^>]*><title>(\d{4}): \d+</title>", timeline)
    assert years == [str(year) for year in range(int(years[0]), int(years[-1]) + 1)]
    assert not re.search(r"<title>\d{4}-\d{2}", timeline)
    assert f"<figcaption>Events per year they started ({years[0]}–{years[-1]})</figcaption>" in timeline


def test_dashboard_heatmap_links_the_entries_each_report_has(site, select):
    status, _, text = page(site, "/dashboard")
    events = re.search(r'<table id="events-table">(.*?)</table>', text, re.S).group(1)
    assert events.count("<tr><td>") == asserted_count(select, "?x a atkg:Event") > 0
    assert status == 200 and 'id="heat-dmx"' in text
    for year in (2020, 2021, 2022):
        assert f'href="/id/report/dmx-{year}/entry/4.2.1" aria-label="4.2.1 {year}"' in text
    assert 'data-year="2023" data-state="no-report"' in text
    assert 'id="events-table"' in text and 'id="figures-table"' in text and text.count('<svg class="chart"') == 2


def test_dashboard_shows_the_share_repeated_from_the_year_before_per_measure_and_year(site, select):
    _, _, text = page(site, "/dashboard")
    table = re.search(r'<table class="repeated" id="repeated-dmx">(.*?)</table>', text, re.S).group(1)
    assert "2020" not in re.findall(r'<th scope="col">(\d{4})</th>', table)  # 2020 has no report before it
    cells = dict(re.findall(r'<a href="/id/report/dmx-2021/entry/([\d.]+)" title="[^"]*">([^<]*)</a>', table))
    compared = select("SELECT ?e WHERE { ?e atkg:repeatedShare ?s ; atkg:previousEntry ?p }")
    assert len(cells) == len([entry for (entry,) in compared if "/dmx-2021/" in entry]) == 22
    assert (cells["4.5.8"], cells["4.4.8"], cells["4.2.10"], cells["4.3.5"]) == ("99%", "100%", "0%", "61%")
    assert 'title="4.5.8, 2021: 99% of the words repeat the year before"' in table
    assert re.findall(r'<th scope="row"><a href="[^"]+">([\d.]+)</a></th>', table)[:3] == ["4.1.6", "4.2.1", "4.2.4"]
    azerbaijani = page(site, "/dashboard?lang=az")[2]
    assert "4.5.8, 2021: sözlərin 99% hissəsi bir il əvvəlkini təkrarlayır" in azerbaijani


def test_check_page_gives_a_verdict_and_stores_nothing(site):
    version = json.loads(fetch(site.base + "/health")[2])["version"]
    report = REPORT_2021.read_text(encoding="utf-8")
    body = urllib.parse.urlencode({"text": report, "agency": "", "year": ""})
    status, _, answer = fetch(site.base + "/check", method="POST", body=body,
                              headers=dict(HTML, **{"Content-Type": "application/x-www-form-urlencoded"}))
    text = answer.decode()
    assert status == 200 and "Verdict: State Migration Service, 2021" in text and 'id="coverage-table"' in text
    assert "19 of 19 measures covered" in text  # DMX executes 19 of the plan's measures in 2021
    assert json.loads(fetch(site.base + "/health")[2])["version"] == version


def test_check_page_explains_an_empty_or_unreadable_report(site):
    body = urllib.parse.urlencode({"text": "  "})
    status, _, answer = fetch(site.base + "/check", method="POST", body=body,
                              headers=dict(HTML, **{"Content-Type": "application/x-www-form-urlencoded"}))
    assert status == 422 and "The text is empty: paste the report&#39;s text or choose its file." in answer.decode()
    boundary = uuid.uuid4().hex
    upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\n"
              f"Content-Type: text/plain\r\n\r\n").encode() + "Hesabat ə".encode("cp1254", "replace") + \
        b"\xe6\xff\r\n" + f"--{boundary}--\r\n".encode()
    status, _, answer = fetch(site.base + "/check", method="POST", body=upload,
                              headers=dict(HTML, **{"Content-Type": f"multipart/form-data; boundary={boundary}"}))
    assert status == 422 and "r.txt: not UTF-8 text" in answer.decode()
    status, _, answer = fetch(site.base + "/check?lang=az", method="POST", body=upload,
                              headers=dict(HTML, **{"Content-Type": f"multipart/form-data; boundary={boundary}"}))
    assert status == 422 and "r.txt: UTF-8 mətni deyil (bayt 9): hesabatı UTF-8 mətni kimi saxlayın" in answer.decode()


def test_language_switch_is_remembered_in_a_cookie(site):
    status, headers, text = page(site, "/?lang=az")
    assert status == 200 and '<html lang="az"' in text and "Qrafda nə var" in text
    cookie = headers["Set-Cookie"].split(";")[0]
    assert cookie == "atkg_lang=az"
    _, _, again = page(site, "/dashboard", headers=dict(HTML, Cookie=cookie))
    assert '<html lang="az"' in again and "Hesabatların əhatəsi" in again
    _, _, english = page(site, "/dashboard")
    assert '<html lang="en"' in english and "Report coverage" in english
    assert 'href="/dashboard?lang=az"' in english


@pytest.mark.parametrize("path", ["/", "/queries", "/queries/agencies", "/dashboard", "/check", "/sparql",
                                  "/id/agency/dmx"])
def test_every_page_has_the_search_box_and_both_languages(site, path):
    status, _, text = page(site, path)
    assert status == 200 and 'id="search-box"' in text and 'id="lang-az"' in text


@pytest.fixture
def app_with_stuck_engine(rdf_dir, tmp_path):
    """The app on the small test data, whose engine reports every query as stopped at the time limit."""
    from atkg.server import create_app
    from atkg.server.engine.pool import QueryTimeout

    app = create_app({"DATA": [str(rdf_dir)], "DATA_DIR": str(tmp_path), "QUERY_TIMEOUT": 3})
    engine = app.extensions["atkg.engine"]

    def stuck(text, *, default_graph, named_graphs, formats, max_rows=None, union=False):
        raise QueryTimeout(f"stopped: {text[:40]}")

    engine.query = stuck
    yield app
    engine.close()


def test_a_page_whose_query_overran_says_so(app_with_stuck_engine):
    response = app_with_stuck_engine.test_client().get("/dashboard", headers=HTML)
    text = response.get_data(as_text=True)
    assert response.status_code == 503 and response.content_type == "text/html; charset=utf-8"
    assert "The query took longer than the limit of 3 seconds and was stopped" in text


def test_a_survey_shows_its_type_in_the_pages_language(site):
    """The 2022 report's survey among 50 migrants: its type from the event-type code list, az and en."""
    path = "/id/report/dmx-2022/entry/4.8.1/event/2"
    _, _, english = page(site, path)
    _, _, azerbaijani = page(site, path + "?lang=az")
    assert re.search(r'<a href="/id/code/event-type/survey"[^>]*>Survey</a>', english)
    assert re.search(r'<a href="/id/code/event-type/survey"[^>]*>Sorğu</a>', azerbaijani)
    assert "50 miqrant arasında sorğunun keçirilməsi" in english
