"""The executing-body cells of the plan parsed into curated bodies, and body mentions found in the reports."""

import re
from importlib import resources

import pytest

from atkg.graph.agencies import UnknownBodyError, find_mentions, load_registry, parse_executing_bodies

PLAN = "004_961f872eaa6ca64b.txt"
REPORT_2020 = "000_8824f00754a92447.txt"
REPORT_2021 = "002_e692b092547fc0c1.txt"
OLDER_PROGRAMME = "003_b3a56393352a5cda.txt"
# A measure row: its code (a few lack the final dot), title, executing bodies, period.
_ROW = re.compile(r"^(4\.\d\.\d{1,2})\.?\t")
DMX_MEASURES = ("4.1.6", "4.2.1", "4.2.4", "4.2.9", "4.2.10", "4.3.3", "4.3.4", "4.3.5", "4.3.6", "4.4.9",
                "4.5.8", "4.6.3", "4.7.1", "4.7.2", "4.7.3", "4.7.4", "4.7.7", "4.8.1", "4.8.3")


def source_text(name):
    """A source document's text, as shipped in the package."""
    return resources.files("atkg.graph").joinpath("sources", name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def cells():
    """Executing-body cell of every measure row of the plan, by code."""
    rows = [line.split("\t") for line in source_text(PLAN).splitlines() if _ROW.match(line)]
    return {_ROW.match(fields[0] + "\t").group(1): fields[2] for fields in rows}


@pytest.fixture(scope="module")
def parsed(cells, registry):
    return {code: parse_executing_bodies(cell, registry=registry) for code, cell in cells.items()}


def test_the_plan_has_64_measure_rows(cells):
    assert len(cells) == 64
    assert {"4.1.1", "4.2.11", "4.3.6", "4.8.3"} <= set(cells)


def test_every_cell_names_at_least_one_responsible_body(parsed):
    assert len(parsed) == 64
    assert [code for code, cell in parsed.items() if not cell.responsible] == []


def test_the_state_migration_service_is_responsible_for_19_measures(parsed):
    assert tuple(code for code, cell in parsed.items() if "dmx" in cell.responsible) == DMX_MEASURES


def test_accusative_names_before_cəlb_etməklə_are_involved_not_responsible(parsed):
    assert parsed["4.2.2"].responsible == ("din",)
    assert parsed["4.2.2"].involved == ("other-state-bodies", "amea", "higher-education-institutions",
                                        "specialised-ngos")


def test_a_missing_comma_between_two_bodies(parsed):
    assert parsed["4.2.11"].responsible == ("nk", "eesmn")
    assert parsed["4.2.11"].involved == ()
    assert parsed["4.7.7"].responsible[-2:] == ("sn", "other-state-bodies")


def test_involved_specialised_ngos_and_international_organisations(parsed):
    assert parsed["4.7.7"].involved == ("specialised-ngos", "international-organisations")
    assert parsed["4.2.4"].responsible == ("dmx", "eesmn", "din", "other-state-bodies")
    assert parsed["4.2.4"].involved == ("specialised-ngos",)


def test_commas_inside_names(parsed):
    assert parsed["4.2.1"].responsible == ("din", "tn", "eesmn", "sn", "aqupdk", "dmx", "nrytn", "dta",
                                           "mtrs")


def test_hyphen_debris_in_a_name(cells, parsed):
    assert "Qeyri- Hökumət" in cells["4.6.1"]
    assert parsed["4.6.1"].responsible[-1] == "qhtdds"


def test_quoted_company_names(parsed):
    assert parsed["4.8.2"].responsible == ("dsx", "dgk", "din", "nrytn", "azerbaijan-airlines",
                                           "azerbaijan-railways", "azerbaijan-caspian-shipping")
    assert parsed["4.8.2"].involved == ("relevant-ngos",)
    assert parsed["4.8.1"].responsible[-1] == "azerbaijan-television-radio"


def test_collective_bodies(parsed):
    assert parsed["4.1.9"].responsible == ("nk", "nrm-commission-members")
    assert parsed["4.4.2"].responsible[-1] == "juvenile-commissions"
    assert parsed["4.4.1"].responsible == ("eesmn", "local-executive-authorities")


def test_leftover_text_raises_and_is_named(registry):
    cell = "Daxili İşlər Nazirliyi, Ay Mənzil Şirkəti və Dövlət Miqrasiya Xidməti; Kosmos Nazirliyi"
    with pytest.raises(UnknownBodyError) as caught:
        parse_executing_bodies(cell, registry=registry)
    assert str(caught.value) == (
        'no curated body matches "Ay Mənzil Şirkəti", "Kosmos Nazirliyi" in executing-body cell '
        '"Daxili İşlər Nazirliyi, Ay Mənzil Şirkəti və Dövlət Miqrasiya Xidməti; Kosmos Nazirliyi"')


def test_stray_punctuation_raises(registry):
    with pytest.raises(UnknownBodyError, match=r'^no curated body matches "\(\.\)" in executing-body cell'):
        parse_executing_bodies("Nazirlər Kabineti (.)", registry=registry)


def test_an_accusative_without_cəlb_etməklə_raises(registry):
    with pytest.raises(UnknownBodyError) as caught:
        parse_executing_bodies("Daxili İşlər Nazirliyi, ali təhsil müəssisələrini", registry=registry)
    assert str(caught.value) == ('"ali təhsil müəssisələrini" is in the accusative case, out of place in '
                                 'executing-body cell "Daxili İşlər Nazirliyi, ali təhsil müəssisələrini"')


def test_the_older_programme_cells_of_abbreviations(registry):
    text = source_text(OLDER_PROGRAMME)
    cell = "DİN, ƏN, MTN, DMX, XİN, DSX, DGK, ƏƏSMN, AQUPDK, SN, RİTN, İSN, GİN"
    assert cell in text and "\tDQMK, bütün digər dövlət orqanları" in text
    assert parse_executing_bodies(cell, registry=registry).responsible == (
        "din", "en", "mtn", "dmx", "xin", "dsx", "dgk", "eesmn", "aqupdk", "sn", "abbr-ritn", "abbr-isn",
        "abbr-gin")
    assert parse_executing_bodies("DQMK, bütün digər dövlət orqanları", registry=registry).responsible == (
        "dqmk", "all-other-state-bodies")


def mentions_in(sentence, source, registry):
    """(key, surface) of the mentions in a sentence that the source contains word for word."""
    assert sentence in source_text(source)
    return [(mention.key, mention.surface) for mention in find_mentions(sentence, registry=registry)]


def test_mentions_in_real_sentences(registry):
    assert mentions_in("Dövlət Miqrasiya Xidmətinin 01.11.2021-ci il tarixli 02/1847 nömrəli məktubu ilə",
                       REPORT_2021, registry) == [("dmx", "Dövlət Miqrasiya Xidmətinin")]
    assert mentions_in("Beynəlxalq Miqrasiya Təşkilatı tərəfindən 24 fevral 2020-ci il tarixdə və 30 iyun "
                       "2020-ci il tarixdə Budapeşt Prosesi çərçivəsində", REPORT_2020, registry) == [
        ("iom", "Beynəlxalq Miqrasiya Təşkilatı"), ("budapest-process", "Budapeşt Prosesi")]
    assert mentions_in("Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsinə bu barədə "
                       "məlumat verilmişdir", REPORT_2020, registry) == [
        ("din-iambi", "Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsinə")]
    assert mentions_in("DİN İAMBİ-nin əməkdaşları", REPORT_2021, registry) == [("din-iambi", "DİN İAMBİ-nin")]
    assert mentions_in("AŞ-nin İnsan alverinə qarşı mübarizə üzrə Ekspertlər Qrupu – GRETA", REPORT_2021,
                       registry) == [("greta", "AŞ-nin İnsan alverinə qarşı mübarizə üzrə Ekspertlər Qrupu"),
                                     ("greta", "GRETA")]


def test_abbreviations_with_case_endings_and_the_longest_match(registry):
    found = find_mentions("DMX-nin və DİN-in İnsan Alverinə qarşı Mübarizə Baş İdarəsinə, XİN-ə",
                          registry=registry)
    assert [(mention.key, mention.surface) for mention in found] == [
        ("dmx", "DMX-nin"), ("din-iambi", "DİN-in İnsan Alverinə qarşı Mübarizə Baş İdarəsinə"),
        ("xin", "XİN-ə")]


def test_folding_of_dotted_and_dotless_i(registry):
    found = find_mentions("DÖVLƏT MİQRASİYA XİDMƏTİNİN və İNSAN ALVERİNƏ QARŞI MÜBARİZƏ BAŞ İDARƏSİ",
                          registry=registry)
    assert [mention.key for mention in found] == ["dmx", "din-iambi"]


def test_abbreviations_match_only_in_capitals(registry):
    # Folded, "DİN" and "ƏN" would be the words for religion and most.
    assert find_mentions("din azadlığı ən uğurlu təcrübədir", registry=registry) == []


def test_partners_and_countries_mentioned_in_the_2021_report(registry):
    text = source_text(REPORT_2021)
    mentions = find_mentions(text, registry=registry)
    assert all(text[mention.start:mention.end] == mention.surface for mention in mentions)
    assert all(left.end <= right.start for left, right in zip(mentions, mentions[1:]))
    keys = {mention.key for mention in mentions}
    assert {"iom", "coe", "greta", "guam-thb-subgroup", "icmpd", "usaid", "us-state-department",
            "us-embassy", "unhcr", "un-cmw", "ukraine-migration-service"} <= keys
    assert {"af", "tr", "ir", "sy", "ru", "ge", "kz", "cy", "bg"} <= keys
    assert {"din-iambi", "din-bpqmi", "dsx-border-control", "dmx-public-council", "dmx-advisory-council",
            "ombudsman", "dvx", "eesmn-demx"} <= keys
