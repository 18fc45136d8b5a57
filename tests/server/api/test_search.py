"""Search as people type, on a real server over a real build: Azerbaijani folding, prefixes, inflected
forms, ranking, kinds; and the index, built once per data version, measured."""

import json
import urllib.parse

import pytest

from atkg.server import create_app
from atkg.server.api import search
from atkg.server.api.search_words import abbreviations, loose, stem, tokens
from tests.server.helpers import fetch

AGENCY = "https://w3id.org/atkg/agency/"
MEASURE = "https://w3id.org/atkg/plan/nap-2020-2024/measure/"


def find(server, q, **options):
    """The results of /api/search?q=...; asserts a 200."""
    status, _, body = fetch(f"{server.base}/api/search?{urllib.parse.urlencode(dict(q=q, **options), doseq=True)}")
    assert status == 200, body
    return json.loads(body)["results"]


def first(server, q):
    """(iri, type, match, matched) of the best result."""
    best = find(server, q)[0]
    return best["iri"], best["type"], best["match"], best["matched"]


def test_an_inflected_name_finds_its_body_through_the_graphs_forms(real_server):  # noqa: F811
    best = find(real_server, "Miqrasiya Xidmətinin")[0]
    assert best == {"iri": AGENCY + "dmx", "type": "agency", "match": "inflected", "notation": None,
                    "matched": "Dövlət Miqrasiya Xidmətinin",
                    "label": {"az": "Dövlət Miqrasiya Xidməti", "en": "State Migration Service"}}


def test_a_prefix_as_typed_finds_the_state_migration_service(real_server):  # noqa: F811
    results = find(real_server, "miqras", limit=50)
    dmx = next(result for result in results if result["iri"] == AGENCY + "dmx")
    assert (dmx["match"], dmx["matched"]) == ("prefix", "Dövlət Miqrasiya Xidməti")
    assert first(real_server, "miqras") == ("https://w3id.org/atkg/act/code/undated/miqrasiya-mecellesi", "act",
                                            "prefix", "Miqrasiya Məcəlləsi")


def test_the_exact_name_comes_before_names_that_begin_with_it(real_server):  # noqa: F811
    results = find(real_server, "Dövlət Miqrasiya Xidməti", limit=3)
    assert [(r["iri"], r["match"]) for r in results] == [
        (AGENCY + "dmx", "exact"), ("https://w3id.org/atkg/partner/ukraine-migration-service", "prefix"),
        ("https://w3id.org/atkg/act/regulation/undated/azerbaycan-respublikasinin-dovlet-miqrasiya-xidmeti-haqqinda"
         "-esasname", "prefix")]


@pytest.mark.parametrize("typed", ["DAXİLİ İŞLƏR NAZİRLİYİ", "daxili işlər nazirliyi", "Daxili İşlər Nazirliyi"])
def test_dotted_and_dotless_i_fold_the_azerbaijani_way(real_server, typed):  # noqa: F811
    assert first(real_server, typed) == (AGENCY + "din", "agency", "exact", "Daxili İşlər Nazirliyi")


def test_capital_dotless_i_is_not_capital_dotted_i_but_a_latin_keyboard_still_finds_it(real_server):  # noqa: F811
    assert first(real_server, "DİN") == (AGENCY + "din", "agency", "exact", "DİN")
    # DIN folds to "dın", which no name has: only the loose fallback (ı read as i) finds the ministry.
    assert first(real_server, "DIN") == (AGENCY + "din", "agency", "loose", "DİN")


def test_words_typed_without_azerbaijani_letters_find_names_loosely(real_server):  # noqa: F811
    results = find(real_server, "dovlet miqrasiya xidmeti", limit=2)
    assert [(r["iri"], r["match"], r["matched"]) for r in results] == [
        (AGENCY + "dmx", "loose", "Dövlət Miqrasiya Xidməti"),
        ("https://w3id.org/atkg/partner/ukraine-migration-service", "loose", "Ukraynanın Dövlət Miqrasiya Xidməti")]
    assert find(real_server, "dövlət miqrasiya xidmətix") == []


def test_notations_find_measures_exact_then_by_prefix(real_server):  # noqa: F811
    results = find(real_server, "4.2.1", limit=3)
    assert [(r["iri"], r["match"], r["notation"]) for r in results] == [
        (MEASURE + "4.2.1", "exact", "4.2.1"), (MEASURE + "4.2.10", "prefix", "4.2.10"),
        (MEASURE + "4.2.11", "prefix", "4.2.11")]


@pytest.mark.parametrize(("typed", "expected"), [
    ("IOM", ("https://w3id.org/atkg/partner/iom", "partner", "exact", "IOM")),
    ("USAID", ("https://w3id.org/atkg/partner/usaid", "partner", "exact", "USAID")),
    ("Miqrasiya Məcəlləsi", ("https://w3id.org/atkg/act/code/undated/miqrasiya-mecellesi", "act", "exact",
                             "Miqrasiya Məcəlləsi")),
    ("State Migration", (AGENCY + "dmx", "agency", "prefix", "State Migration Service")),
])
def test_partners_acts_and_english_names(real_server, typed, expected):  # noqa: F811
    assert first(real_server, typed) == expected


def test_running_text_of_entries_comes_last_with_a_snippet(real_server):  # noqa: F811
    results = find(real_server, "koronavirus")
    assert [(r["iri"], r["type"], r["match"]) for r in results] == [
        ("https://w3id.org/atkg/report/dmx-2020/entry/4.2.1", "entry", "text"),
        ("https://w3id.org/atkg/report/dmx-2021/entry/4.2.10", "entry", "text"),
        ("https://w3id.org/atkg/report/dmx-2022/entry/4.2.10", "entry", "text")]  # "yeni koronavirus (COVİD-19)"
    assert results[0]["matched"].startswith("…əzərdə tutulmuşdur. Koronavirus xəstəliyinin (COVID-19)")
    assert len(results[0]["matched"]) == 82


def test_results_are_ranked_by_kind_of_match(real_server):  # noqa: F811
    for typed in ("Xidmətinin", "DİN", "Miqrasiya Məcəlləsi", "insan alverinə"):
        order = [search.MATCHES.index(result["match"]) for result in find(real_server, typed, limit=200)]
        assert order == sorted(order) and len(order) > 1


def test_kinds_and_limit(real_server):  # noqa: F811
    results = find(real_server, "DMX 2021", type="entry", limit=4)
    assert [r["iri"].rsplit("/", 1)[1] for r in results] == ["4.1.6", "4.2.1", "4.2.4", "4.2.9"]
    assert {r["type"] for r in find(real_server, "miqrasiya", type=["agency", "partner"], limit=200)} == {
        "agency", "partner"}


@pytest.mark.parametrize(("query", "message"), [
    ("q=", "Give the words to look for as q, e.g. /api/search?q=miqrasiya"),
    ("q=dmx&type=person", "type must be one of measure, entry, agency, partner, act; got 'person'."),
    ("q=dmx&limit=0", "limit must be a whole number from 1 to 200; got '0'."),
])
def test_refusals(real_server, query, message):  # noqa: F811
    assert fetch(f"{real_server.base}/api/search?{query}")[::2] == (400, (message + "\n").encode())


def test_an_abbreviation_typed_in_capitals_matches_whole_words_only(real_server):  # noqa: F811
    def texts(typed):
        return [result["matched"] for result in find(real_server, typed, limit=200)]

    # The 2017-2019 programme's report says "dinlənilmişdir" (was heard): a word beginning with "din".
    assert any("dinlənilmiş" in text for text in texts("din"))
    assert not any("dinlənilmiş" in text for text in texts("DİN"))
    assert first(real_server, "DİN") == (AGENCY + "din", "agency", "exact", "DİN")


def test_abbreviations_are_short_words_in_capitals():
    assert abbreviations("DİN və DMX-in ATƏT ilə işləri 4.2.1 MİQRAS Unicef") == {"din", "atət"}


def test_words_and_stems():
    assert tokens("Dövlət Miqrasiya Xidmətinin") == ["dövlət", "miqrasiya", "xidmətinin"]
    assert [stem(word) for word in ("xidmətinin", "təşkilatları", "dmx-nin", "4.2.1", "dmx")] == [
        "xidmət", "təşkilat", "dmx", "4.2.1", "dmx"]
    assert loose("dövlət işlər ğ ç ş ü") == "dovlet isler g c s u"


@pytest.fixture(scope="module")
def app(built):
    """The app in this process, on the real build's store, with one query worker."""
    settings, _ = built
    application = create_app({"STORE": str(settings.store_dir), "QUERY_WORKERS": 1})
    yield application
    application.extensions["atkg.engine"].close()


def test_the_index_is_built_once_per_data_version(app):
    with app.test_request_context("/api/search"):
        assert search.search("Miqrasiya Xidmətinin")[0]["iri"] == AGENCY + "dmx"
        built_in = search.index_build_seconds()
        index = search.current_index()
        assert app.extensions["atkg.search"]["version"] == app.extensions["atkg.engine"].version()
        as_typed = ["m", "mi", "miq", "miqr", "miqra", "miqras", "Dövlət Miqrasiya Xidmətinin", "4.2", "İŞLƏR"]
        for typed in as_typed * 10:
            search.search(typed)
        assert search.current_index() is index and search.index_build_seconds() == built_in
